/**
 * A single-process microbenchmark of one keystroke on a large catalogue, step by step, less
 * sensitive to the shared machine's load than figure 4 (no server process, no pacing):
 *
 *   node --expose-gc --import tsx bench/src/micro-edit.ts [lines=10000] [edits=200]
 *
 * The same edits as figure 4b (type a digit after an amount, then delete it, walking through the
 * file) go through the language service's Project, as the server's analysis does: re-parse
 * (`load`), check (`catalogueOf` without lint), the edited indicator's lint and the diagnostics
 * (`provisionalDiagnostics`), then the deferred tokens (`settleTokens`).  Prints the median and
 * p95 of each step and of their sum, in wall time and in the process's CPU time (all its threads,
 * GC helpers included: on a loaded machine the CPU time moves much less than the wall time), and
 * the heap after a full GC.
 */
import { performance } from "node:perf_hooks";
import { loadLint, MemoryFileSystem, Project } from "../../packages/lsp/src/index.js";
import { settleTokens } from "../../packages/lsp/src/service/incremental.js";
import { generateCatalogue } from "./gen-catalogue.js";
import { percentile } from "./measure.js";

const lines = Number(process.argv[2] ?? 10_000);
const edits = Number(process.argv[3] ?? 200);
const gen = generateCatalogue({ lines }, 3);
const file = "/w/细则.kp";
const fs = new MemoryFileSystem({ [file]: gen.kp });
const lint = await loadLint();
const project = new Project(fs, { folders: ["/w"], lint });
project.setDocument(file, gen.kp);
project.catalogueOf(file); // open: parse, check, lint
const peakAfterOpen = process.resourceUsage().maxRSS / 1024;

const spots: number[] = [];
for (const m of gen.kp.matchAll(/(?:扣|得) (\d+(?:\.\d+)?)/g)) spots.push(m.index + m[0].length);

const names = ["parse", "check", "lint", "tokens", "total"] as const;
const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<(typeof names)[number], number[]>;
const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<(typeof names)[number], number[]>;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let text = gen.kp;
for (let i = 0; i < edits; i++) {
  const spot = spots[(Math.floor(i / 2) * 7919) % spots.length]!;
  text = i % 2 === 0 ? text.slice(0, spot) + "1" + text.slice(spot) : text.slice(0, spot) + text.slice(spot + 1);
  project.setDocument(file, text);
  const t: number[] = [];
  const c: number[] = [];
  const mark = () => {
    t.push(performance.now());
    c.push(cpuMs());
  };
  mark();
  project.rootOf(file); // parses the edited file
  mark();
  const state = project.catalogueOf(file, { lint: false });
  mark();
  project.provisionalDiagnostics(state);
  mark();
  for (const f of state.analysis.files) settleTokens(f.parsed);
  mark();
  names.forEach((n, k) => {
    const [from, to] = n === "total" ? [0, 4] : [k, k + 1];
    wall[n].push(t[to]! - t[from]!);
    cpu[n].push(c[to]! - c[from]!);
  });
}
(globalThis as { gc?: () => void }).gc?.();
const f = (x: number) => x.toFixed(1).padStart(6);
console.log(`${gen.lines} lines, ${edits} edits; wall p50 / p95, cpu p50 / p95 (ms)`);
for (const n of names) console.log(`${n.padEnd(7)} wall ${f(percentile(wall[n], 50))} / ${f(percentile(wall[n], 95))}   cpu ${f(percentile(cpu[n], 50))} / ${f(percentile(cpu[n], 95))}`);
console.log(
  `heap after GC ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, ` +
    `peak rss ${peakAfterOpen.toFixed(0)} MB after opening, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB after the edits`,
);
