/**
 * Figure 5 — CLI cold start: `kp check rules` (node packages/cli/dist/cli.js) against `node -e 0`,
 * interleaved, median of N.  Figure 6 — large input: `kp score rules <100,000-unit CSV> -o <csv>`,
 * wall time and peak RSS of the process, and whether a progress indicator shows on a terminal.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { generateUnits, unitsToCsv } from "../gen-facts.js";
import { stats, type RunPlan } from "../measure.js";
import { cliEntry, root } from "../paths.js";
import { ms, unavailable, type Figure } from "../report.js";
import { childNodeArgs, timed } from "./proc.js";

const NOT_BUILT = "not available (CLI not built: run pnpm build)";

/** Figure 5. */
export async function coldStartFigure(plan: RunPlan): Promise<Figure> {
  const name = "CLI cold start: kp check rules";
  const goal = "≤ 4× node -e 0";
  if (!existsSync(cliEntry)) return unavailable("5", name, goal, NOT_BUILT);
  const node = process.execPath;
  const kp = () => timed(node, [...childNodeArgs, cliEntry, "check", "rules"], { cwd: root });
  const bare = () => timed(node, ["-e", "0"], { cwd: root });
  const first = await kp();
  if (first.code !== 0) return unavailable("5", name, goal, `kp check rules exited with ${first.code}: ${(first.stderr || first.stdout).trim().split("\n")[0]}`, "failed");
  for (let w = 0; w < plan.warmup; w++) {
    await bare();
    await kp();
  }
  const k: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < plan.runs; i++) {
    // alternate which goes first
    if (i % 2 === 0) {
      b.push((await bare()).wallMs);
      k.push((await kp()).wallMs);
    } else {
      k.push((await kp()).wallMs);
      b.push((await bare()).wallMs);
    }
  }
  const sk = stats(k);
  const sb = stats(b);
  const ratio = sk.median / sb.median;
  return {
    id: "5",
    name,
    goal,
    measured: `${ms(sk.median)} (min ${ms(sk.min)}, max ${ms(sk.max)})`,
    baseline: `node -e 0 ${ms(sb.median)}`,
    ratio,
    met: ratio <= 4,
    status: "ok",
    values: { runs: plan.runs, kpMedian: sk.median, kpMin: sk.min, kpMax: sk.max, nodeMedian: sb.median, nodeMin: sb.min, nodeMax: sb.max },
  };
}

/**
 * Runs `kp score` once on a pseudo-terminal (script(1)), under GNU time when present: wall time, peak
 * RSS, and whether it drew a progress indicator (a line redrawn: a carriage return or cursor movement).
 */
function scoreOnTty(args: string[]): { code: number | null; wallMs: number; peakMB: number | undefined; progress: boolean; output: string } {
  const time = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-v"] : [];
  const cmd = [...time, process.execPath, ...childNodeArgs, cliEntry, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const start = process.hrtime.bigint();
  let output = "";
  let code: number | null = 0;
  try {
    output = execFileSync("/usr/bin/script", ["-qec", cmd, "/dev/null"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 2 ** 20 });
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string };
    code = err.status ?? 1;
    output = err.stdout ?? "";
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  const exit = /Exit status: (\d+)/.exec(output);
  if (exit) code = Number(exit[1]);
  const drawn = output.replace(/\n?\s*Command being timed:[\s\S]*$/, "");
  return { code, wallMs, peakMB: rss ? Number(rss[1]) / 1024 : undefined, progress: /\r(?!\n)|\x1b\[\d*[GK]/.test(drawn), output: drawn };
}

/** Figure 6. */
export async function largeInputFigure(plan: { units: number }): Promise<Figure> {
  const n = plan.units.toLocaleString("en-US");
  const name = `kp score, ${n}-unit CSV`;
  const goal = "info (progress on a TTY)";
  if (!existsSync(cliEntry)) return unavailable("6", name, goal, NOT_BUILT);
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  const dir = mkdtempSync(join(tmpdir(), "kp-bench-large-"));
  try {
    const csv = join(dir, "facts.csv");
    writeFileSync(csv, "\uFEFF" + unitsToCsv(cat, generateUnits(cat, plan.units, 13)));
    const out = join(dir, "scores.csv");
    const args = ["score", "rules", csv, "-o", out, "--engine", "js"];
    // One run (it is long): on a pseudo-terminal when script(1) exists, to see the progress indicator.
    let r: { code: number | null; wallMs: number; peakMB: number | undefined; progress: boolean | null; output: string };
    if (existsSync("/usr/bin/script")) r = scoreOnTty(args);
    else {
      const t = await timed(process.execPath, [...childNodeArgs, cliEntry, ...args], { cwd: root, rss: true });
      r = { ...t, progress: null, output: t.stderr || t.stdout };
    }
    if (r.code !== 0) return unavailable("6", name, goal, `kp score exited with ${r.code}: ${r.output.trim().split("\n").slice(0, 2).join(" / ")}`, "failed");
    const outBytes = existsSync(out) ? statSync(out).size : 0;
    return {
      id: "6",
      name,
      goal,
      measured: `${ms(r.wallMs)}, peak RSS ${r.peakMB === undefined ? "unknown" : `${r.peakMB.toFixed(0)} MB`}`,
      baseline: "—",
      ratio: null,
      met: null,
      status: "ok",
      note: `progress indicator on a terminal: ${r.progress === null ? "unknown (no script(1))" : r.progress ? "yes" : "no"}`,
      values: { units: plan.units, csvBytes: statSync(csv).size, outputBytes: outBytes, wallMs: r.wallMs, peakMB: r.peakMB ?? null, progressOnTty: r.progress },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
