/**
 * Figure 9 — `kp score` in bounded memory (issue 15): `kp score rules <N-unit CSV> -o <csv>` on
 * 100,000 and 1,000,000 generated units, one run each (they are long): wall time and peak RSS of the
 * process; the baseline, in the same run, is just parsing the same CSV with csv-parse's stream API
 * (the same options as the facts reader) in a child process.  Goals: peak RSS ≤ 300 MB at both
 * sizes, peak(1M) / peak(100k) ≤ 1.3, and time per unit ≤ 3× csv-parse's.
 *
 * The 1M-unit file (about 380 MB) is written chunk by chunk: one generated 100,000-unit block, its
 * unit names suffixed per chunk so that every name is unique.
 *
 * Figure 9d: the same at the first size from JSON Lines (one unit per line) → CSV; its baseline is
 * reading the lines and JSON.parse-ing each in a child process.
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { generateUnits, unitsToCsv } from "../gen-facts.js";
import { cliEntry, root } from "../paths.js";
import { ms, unavailable, type Figure } from "../report.js";
import { childNodeArgs, timed } from "./proc.js";

const NOT_BUILT = "not available (CLI not built: run pnpm build)";

/** Writes a CSV of `units` units of rules/ (blocks of `block` generated units, renamed per block). */
function writeFacts(file: string, units: number, block: number): void {
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  const base = generateUnits(cat, Math.min(units, block), 13);
  for (let start = 0, c = 0; start < units; start += block, c++) {
    const part = base.slice(0, Math.min(block, units - start)).map((u) => (c === 0 ? u : { ...u, name: `${u.name}-${c}` }));
    const text = unitsToCsv(cat, part);
    if (c === 0) writeFileSync(file, "\uFEFF" + text);
    else appendFileSync(file, text.slice(text.indexOf("\n") + 1));
  }
}

/** Writes a JSON Lines file of `units` units of rules/ (blocks of `block` generated units, renamed per block). */
function writeJsonl(file: string, units: number, block: number): void {
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  const base = generateUnits(cat, Math.min(units, block), 13);
  writeFileSync(file, "");
  for (let start = 0, c = 0; start < units; start += block, c++) {
    const part = base.slice(0, Math.min(block, units - start)).map((u) => (c === 0 ? u : { ...u, name: `${u.name}-${c}` }));
    appendFileSync(file, part.map((u) => JSON.stringify(u)).join("\n") + "\n");
  }
}

/** The JSON Lines baseline: the file's lines read (readline) and each JSON.parse-d (a child process, as kp). */
function jsonlScript(file: string): string {
  return `
const { createReadStream } = require("node:fs");
const { createInterface } = require("node:readline");
let n = 0;
createInterface({ input: createReadStream(${JSON.stringify(file)}), crlfDelay: Infinity })
  .on("line", (l) => { if (l.trim() !== "") { JSON.parse(l); n++; } })
  .on("close", () => process.stdout.write(String(n)));
`;
}

/** The baseline: csv-parse's stream API over the file, records counted (a child process, as kp). */
function parseScript(file: string): string {
  const csvParse = createRequire(join(root, "packages", "facts", "package.json")).resolve("csv-parse");
  return `
const { createReadStream } = require("node:fs");
const { parse } = require(${JSON.stringify(csvParse)});
let n = 0;
createReadStream(${JSON.stringify(file)})
  .pipe(parse({ delimiter: ",", record_delimiter: ["\\r\\n", "\\n", "\\r"], relax_column_count: true, skip_empty_lines: false, bom: true }))
  .on("data", () => n++)
  .on("end", () => process.stdout.write(String(n)));
`;
}

interface Run {
  units: number;
  kpMs: number;
  kpPeakMB: number | undefined;
  parseMs: number;
  parsePeakMB: number | undefined;
  csvBytes: number;
}

async function runSize(dir: string, units: number, block: number, kind: "csv" | "jsonl" = "csv"): Promise<Run | string> {
  const csv = join(dir, `facts-${units}.${kind}`);
  if (kind === "csv") writeFacts(csv, units, block);
  else writeJsonl(csv, units, block);
  const out = join(dir, `scores-${units}.csv`);
  const kp = await timed(process.execPath, [...childNodeArgs, cliEntry, "score", "rules", csv, "-o", out, "--engine", "js"], { cwd: root, rss: true, env: { ...process.env, KP_SCORE_TRACE: "1" } });
  if (kp.code !== 0) return `kp score exited with ${kp.code}: ${kp.stderr.trim().split("\n").slice(0, 2).join(" / ")}`;
  if (!kp.stderr.includes("流式计分")) return "kp score did not stream";
  const parse = await timed(process.execPath, ["-e", kind === "csv" ? parseScript(csv) : jsonlScript(csv)], { cwd: root, rss: true });
  if (parse.code !== 0 || Number(parse.stdout) !== units + (kind === "csv" ? 1 : 0)) return `${kind} baseline failed (${parse.code}, ${parse.stdout} records)`;
  const run = { units, kpMs: kp.wallMs, kpPeakMB: kp.peakMB, parseMs: parse.wallMs, parsePeakMB: parse.peakMB, csvBytes: statSync(csv).size };
  rmSync(csv, { force: true });
  rmSync(out, { force: true });
  return run;
}

const mb = (x: number | undefined) => (x === undefined ? "unknown" : `${x.toFixed(0)} MB`);

/** Figure 9a, 9b (one per size) and 9c (the memory ratio between them). */
export async function streamFigures(plan: { sizes: number[]; block: number }): Promise<Figure[]> {
  const names = plan.sizes.map((n) => `kp score streaming, ${n.toLocaleString("en-US")}-unit CSV → CSV`);
  const goal = "peak RSS ≤ 300 MB; time/unit ≤ 3× csv-parse";
  if (!existsSync(cliEntry)) return names.map((name, i) => unavailable(`9${"ab"[i]}`, name, goal, NOT_BUILT));
  const dir = mkdtempSync(join(tmpdir(), "kp-bench-stream-"));
  const figures: Figure[] = [];
  const runs: Run[] = [];
  try {
    for (const [i, units] of plan.sizes.entries()) {
      const id = `9${"ab"[i]}`;
      const r = await runSize(dir, units, plan.block);
      if (typeof r === "string") {
        figures.push(unavailable(id, names[i]!, goal, r, "failed"));
        continue;
      }
      runs.push(r);
      const ratio = r.kpMs / r.parseMs;
      figures.push({
        id,
        name: names[i]!,
        goal,
        measured: `${ms(r.kpMs)} (${((r.kpMs * 1000) / units).toFixed(1)} µs/unit), peak RSS ${mb(r.kpPeakMB)}`,
        baseline: `csv-parse ${ms(r.parseMs)} (${((r.parseMs * 1000) / units).toFixed(1)} µs/unit), peak RSS ${mb(r.parsePeakMB)}`,
        ratio,
        met: r.kpPeakMB !== undefined && r.kpPeakMB <= 300 && ratio <= 3,
        status: "ok",
        note: `peak RSS ${r.kpPeakMB !== undefined && r.kpPeakMB <= 300 ? "within" : "over"} 300 MB; time ratio ${ratio <= 3 ? "within" : "over"} 3×`,
        values: { units, csvBytes: r.csvBytes, kpMs: r.kpMs, kpPeakMB: r.kpPeakMB ?? null, parseMs: r.parseMs, parsePeakMB: r.parsePeakMB ?? null },
      });
    }
    const [small, large] = runs;
    if (small && large && small.kpPeakMB !== undefined && large.kpPeakMB !== undefined) {
      const ratio = large.kpPeakMB / small.kpPeakMB;
      figures.push({
        id: "9c",
        name: `kp score streaming: peak RSS ${large.units.toLocaleString("en-US")} / ${small.units.toLocaleString("en-US")} units`,
        goal: "≤ 1.3",
        measured: `${mb(large.kpPeakMB)} / ${mb(small.kpPeakMB)}`,
        baseline: "—",
        ratio,
        met: ratio <= 1.3,
        status: "ok",
        values: { smallPeakMB: small.kpPeakMB, largePeakMB: large.kpPeakMB },
      });
    }
    // 9d: JSON Lines at the first size
    {
      const units = plan.sizes[0]!;
      const name = `kp score streaming, ${units.toLocaleString("en-US")}-unit JSON Lines → CSV`;
      const r = await runSize(dir, units, plan.block, "jsonl");
      if (typeof r === "string") figures.push(unavailable("9d", name, "peak RSS ≤ 300 MB", r, "failed"));
      else {
        const ratio = r.kpMs / r.parseMs;
        figures.push({
          id: "9d",
          name,
          goal: "peak RSS ≤ 300 MB",
          measured: `${ms(r.kpMs)} (${((r.kpMs * 1000) / units).toFixed(1)} µs/unit), peak RSS ${mb(r.kpPeakMB)}`,
          baseline: `readline + JSON.parse ${ms(r.parseMs)} (${((r.parseMs * 1000) / units).toFixed(1)} µs/unit), peak RSS ${mb(r.parsePeakMB)}`,
          ratio,
          met: r.kpPeakMB !== undefined && r.kpPeakMB <= 300,
          status: "ok",
          note: `peak RSS ${r.kpPeakMB !== undefined && r.kpPeakMB <= 300 ? "within" : "over"} 300 MB`,
          values: { units, jsonlBytes: r.csvBytes, kpMs: r.kpMs, kpPeakMB: r.kpPeakMB ?? null, parseMs: r.parseMs, parsePeakMB: r.parsePeakMB ?? null },
        });
      }
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
