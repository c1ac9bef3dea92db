/**
 * Which engine scores when `kp score` is not told (`--engine`): DuckDB for one CSV or JSON Lines
 * facts file larger than the measured cross-over, written as CSV or JSON; the JS engine otherwise.
 *
 * The cross-over is bench figure 11's: `kp score rules <csv> -o <csv>` with JS streaming against
 * `--engine duckdb` (which now also runs the JS reader's checks alongside DuckDB), the size at which
 * DuckDB's wall time falls below JS's on this machine (see DUCKDB_FROM_BYTES).  Below it DuckDB's
 * start-up (~3 s) dominates.  `KP_DUCKDB_FROM_BYTES` overrides it (tests; a machine measured apart).
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import { formatBytes } from "@kaoping/core";
import { isFolderOfFacts } from "@kaoping/facts";
import type { Io } from "../io.js";
import { absolutePath } from "../io.js";
import { formatFor, type Format } from "./score.js";

/** Facts files at least this large are scored by DuckDB by default (figure 11's cross-over, in bytes). */
export const DUCKDB_FROM_BYTES = 64 * 2 ** 20;

/** Why DuckDB scores by default (a sentence for the user), or undefined: the JS engine. */
export function duckDbByDefault(io: Io, facts: readonly string[], opts: { format?: Format; output?: string; sheet?: string }): string | undefined {
  if (facts.length !== 1 || opts.sheet !== undefined) return undefined;
  const format = formatFor(opts);
  if (format === "table") return undefined;
  const file = absolutePath(io, facts[0]!);
  if (![".csv", ".jsonl"].includes(extname(file).toLowerCase()) || isFolderOfFacts(file)) return undefined;
  const env = io.env.KP_DUCKDB_FROM_BYTES;
  const from = env !== undefined && /^\d+$/.test(env) ? Number(env) : DUCKDB_FROM_BYTES;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  return size >= from ? `事实文件 ${formatBytes(size)}，不小于 ${formatBytes(from)}` : undefined;
}
