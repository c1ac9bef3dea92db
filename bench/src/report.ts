/**
 * The figures a run produces, the table printed at the end and the JSON written to bench/results/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { join } from "node:path";

/** One row of the table. */
export interface Figure {
  /** "1", "2a", … (stable: results are compared across runs by id). */
  id: string;
  name: string;
  /** The goal, as text ("≤ 3× Chevrotain JSON"), or "info". */
  goal: string;
  measured: string;
  baseline: string;
  /** The ratio the goal is about, if any (defined per figure; see `goal`). */
  ratio: number | null;
  /** Whether the goal is met; null for information rows and figures that could not run. */
  met: boolean | null;
  /** "ok", or why the figure could not be measured. */
  status: "ok" | "not available" | "failed";
  note?: string;
  /** Raw numbers (milliseconds unless the key says otherwise), for comparing runs. */
  values: Record<string, number | string | boolean | null>;
}

/** A figure that could not be measured (a component not built, a failure). */
export function unavailable(id: string, name: string, goal: string, why: string, status: Figure["status"] = "not available"): Figure {
  return { id, name, goal, measured: status === "failed" ? "failed" : "not available", baseline: "—", ratio: null, met: null, status, note: why, values: {} };
}

/** Milliseconds for people: 0.42 ms, 12.3 ms, 1.24 s. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

/** A ratio: 2.31×. */
export function times(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "—" : `${x.toFixed(2)}×`;
}

const metText = (f: Figure) => (f.status !== "ok" ? f.status : f.met === null ? "info" : f.met ? "yes" : "NO");

/** Display width of a string in a terminal (CJK characters take two columns). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

/** The table: figure, goal, measured, baseline, ratio, met. */
export function table(figures: readonly Figure[]): string {
  const head = ["figure", "goal", "measured", "baseline", "ratio", "met"];
  const rows = figures.map((f) => [`${f.id} ${f.name}`, f.goal, f.measured, f.baseline, times(f.ratio), metText(f)]);
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => "| " + cells.map((c, i) => pad(c, w[i]!)).join(" | ") + " |";
  const rule = "|" + w.map((n) => "-".repeat(n + 2)).join("|") + "|";
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note}`);
  return [line(head), rule, ...rows.map(line), ...(notes.length ? ["", "notes:", ...notes] : [])].join("\n");
}

/** What a run writes to bench/results/. */
export interface RunRecord {
  kaopingBench: 1;
  mode: "full" | "quick";
  date: string;
  git: { commit: string | null; dirty: boolean | null };
  /** loadAverage is taken at the end of the run, loadAverageAtStart at its start (1, 5, 15 minutes). */
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryMB: number; loadAverage: number[]; loadAverageAtStart?: number[] };
  plan: Record<string, unknown>;
  figures: Figure[];
  /** Checks the run made (agreement of the scorers, coverage); a failed check fails the run. */
  checks: Record<string, unknown>;
  durationSeconds: number;
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** The machine and commit the figures were measured on. */
export function environment(root: string): Pick<RunRecord, "git" | "machine"> {
  const status = git(["status", "--porcelain"], root);
  return {
    git: { commit: git(["rev-parse", "HEAD"], root), dirty: status === null ? null : status !== "" },
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "",
      memoryMB: Math.round(totalmem() / 2 ** 20),
      loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    },
  };
}

/** Writes `latest.json` and a copy named by the date (`2025-01-31T12-00-00Z.json`); returns both paths. */
export function writeRecord(dir: string, record: RunRecord): string[] {
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(record, null, 2) + "\n";
  const stamp = record.date.replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const paths = [join(dir, "latest.json"), join(dir, `${stamp}.json`)];
  for (const p of paths) writeFileSync(p, text);
  return paths;
}
