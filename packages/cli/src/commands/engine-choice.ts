/**
 * Which engine scores when `kp score` is not told (`--engine`): DuckDB for one CSV or JSON Lines
 * facts file at least as large as the cross-over, written as CSV or JSON; the JS engine otherwise.
 *
 * The cross-over is bench figure 11's: `kp score rules <csv> -o <csv>` with JS streaming against
 * `--engine duckdb` (which runs the JS reader's checks alongside DuckDB and prints the JS engine's
 * output), the size from which DuckDB's wall time is below JS's.  Measured at load (2 cores, load
 * 9–14, session 22): DuckDB ÷ JS 2.01× at 30,000 units, 2.06× at 100,000, 1.58× at 300,000 (115 MB)
 * — no cross-over up to the largest size measured, so DUCKDB_FROM_BYTES is undefined and the JS
 * engine stays the default.  `KP_DUCKDB_FROM_BYTES=<bytes>` sets the cross-over measured on another
 * machine (and lets the tests exercise the choice).
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import { formatBytes } from "@kaoping/core";
import { isFolderOfFacts } from "@kaoping/facts";
import type { Io } from "../io.js";
import { absolutePath } from "../io.js";
import { formatFor, type Format } from "./score.js";

/** Facts files at least this large are scored by DuckDB by default (figure 11's cross-over, in bytes); undefined: none measured. */
export const DUCKDB_FROM_BYTES: number | undefined = undefined;

/** Why DuckDB scores by default (a sentence for the user), or undefined: the JS engine. */
export function duckDbByDefault(io: Io, facts: readonly string[], opts: { format?: Format; output?: string; sheet?: string }): string | undefined {
  if (facts.length !== 1 || opts.sheet !== undefined) return undefined;
  const format = formatFor(opts);
  if (format === "table") return undefined;
  const file = absolutePath(io, facts[0]!);
  if (![".csv", ".jsonl"].includes(extname(file).toLowerCase()) || isFolderOfFacts(file)) return undefined;
  const env = io.env.KP_DUCKDB_FROM_BYTES;
  const from = env !== undefined && /^\d+$/.test(env) ? Number(env) : DUCKDB_FROM_BYTES;
  if (from === undefined) return undefined;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  return size >= from ? `事实文件 ${formatBytes(size)}，不小于 ${formatBytes(from)}` : undefined;
}
