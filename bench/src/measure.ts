/**
 * Timing: warm-up runs, then N measured runs of every case of a figure, interleaved (round i runs the
 * cases in a rotated order) so that machine noise — other processes on a shared 2-core machine,
 * thermal changes, GC pressure — falls on the measured code and its baselines alike.  Time is taken
 * with process.hrtime.bigint(); when node runs with --expose-gc, a full GC precedes every run so one
 * case's garbage is not collected on another's clock.
 */

/** Summary of the runs of one case, in milliseconds. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  /** Every measured run, in order. */
  runs: number[];
}

/** One thing to time.  `fn` may be async (spawned processes, LSP round trips). */
export interface Case {
  name: string;
  fn: () => unknown;
}

/** How many runs. */
export interface RunPlan {
  warmup: number;
  runs: number;
}

const gcFn = (globalThis as { gc?: () => void }).gc;

/** Whether node was started with --expose-gc. */
export const hasGc = typeof gcFn === "function";

/** A full garbage collection, when available. */
export function collect(): void {
  if (gcFn) gcFn();
}

/** Keeps results alive so the optimiser cannot drop the work that made them. */
let sink: unknown;
export function consume(v: unknown): void {
  sink = v;
}
export function lastConsumed(): unknown {
  return sink;
}

/** Milliseconds between two hrtime.bigint() readings. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times one call; awaits it when it returns a promise (the clock includes the wait). */
export async function timeOnce(fn: () => unknown): Promise<number> {
  collect();
  const start = process.hrtime.bigint();
  const r = fn();
  if (r instanceof Promise) consume(await r);
  else consume(r);
  return msSince(start);
}

/** Median, min and max of a list of timings. */
export function stats(runs: number[]): Stats {
  const s = [...runs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs };
}

/**
 * Runs every case `plan.warmup` times, then `plan.runs` measured rounds; in round i the cases start at
 * offset i (A B C, B C A, C A B, …) so no case always runs first or right after a given other one.
 */
export async function interleaved(cases: readonly Case[], plan: RunPlan): Promise<Record<string, Stats>> {
  for (let w = 0; w < plan.warmup; w++) for (const c of cases) await timeOnce(c.fn);
  const runs: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let i = 0; i < plan.runs; i++) {
    for (let j = 0; j < cases.length; j++) {
      const c = cases[(i + j) % cases.length]!;
      runs[c.name]!.push(await timeOnce(c.fn));
    }
  }
  return Object.fromEntries(cases.map((c) => [c.name, stats(runs[c.name]!)]));
}

/** The p-th percentile (0–100) of a list, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}
