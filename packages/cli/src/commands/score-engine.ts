/**
 * `kp score --engine duckdb`: the catalogue lowered to the scoring IR, printed as SQL and run in
 * embedded DuckDB directly over the facts file (@kaoping/engines, imported only here so that `kp`
 * starts without loading DuckDB).  Output: JSON or CSV of every unit's rank, grade, totals and
 * indicator scores as exact decimal strings; atomic like every output.
 */
import { LowerError, lower, lowerDiagnostic, type Catalogue } from "@kaoping/core";
import { prepareCatalogue } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, shownPath, writeOutputs, type Io } from "../io.js";
import { csvField } from "../report/spreadsheet.js";
import { printDiagnostics } from "./shared.js";
import type { EngineResult } from "@kaoping/engines";

/** One unit as an engine returns it (exact decimal strings). */
type EngineRow = EngineResult;

/** The IR of a catalogue, or KP8001 printed. */
export function lowerOrReport(io: Io, cat: Catalogue, sources: Map<string, string>, color?: boolean): ReturnType<typeof lower> | undefined {
  try {
    return lower(cat);
  } catch (e) {
    if (!(e instanceof LowerError)) throw e;
    printDiagnostics(io, io.stderr, [lowerDiagnostic(e)], sources, colorsFor(io.stderr, io.env, color));
    return undefined;
  }
}

export async function scoreWithEngine(
  io: Io,
  catalogueArg: string,
  factsArg: string,
  opts: { engine: string; format?: string; output?: string; db?: string; table?: string; write?: string; color?: boolean },
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  if (opts.engine === "postgres" && (opts.db === undefined || opts.table === undefined)) throw new UsageError("--engine postgres 需要 --db <连接串> 和 --table <事实表>");
  const prepared = await prepareCatalogue(io, catalogueArg);
  if (!prepared.ok) {
    printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.sources, err);
    io.stderr.write(err.red("细则有错误，无法计分。") + "\n");
    return ExitCode.problems;
  }
  const cat = prepared.catalogue.analysis.catalogue;
  const ir = lowerOrReport(io, cat, prepared.catalogue.sources, opts.color);
  if (!ir) return ExitCode.problems;
  const engines = await import("@kaoping/engines");
  let rows: EngineRow[];
  try {
    rows =
      opts.engine === "postgres"
        ? await engines.scoreWithPostgres(ir, { db: opts.db!, table: opts.table!, ...(opts.write !== undefined ? { write: opts.write } : {}) })
        : await engines.scoreWithDuckDb(ir, absolutePath(io, factsArg), { awards: engines.awardMaxima(cat) });
  } catch (e) {
    if (!(e instanceof engines.EngineError)) throw e;
    io.stderr.write(err.red(`${e.code} `) + e.message + "\n");
    return ExitCode.problems;
  }
  const format = opts.format ?? (opts.output?.toLowerCase().endsWith(".csv") ? "csv" : "json");
  const text = format === "csv" ? engineCsv(ir.indicators.map((i) => i.id), rows) : JSON.stringify(rows, null, 2) + "\n";
  if (opts.output !== undefined) {
    const path = absolutePath(io, opts.output);
    const inputs = prepared.catalogue.analysis.files.map((f) => f.path);
    writeOutputs(io, [{ path, data: format === "csv" ? "\uFEFF" + text : text }], opts.engine === "postgres" ? inputs : [...inputs, absolutePath(io, factsArg)]);
    io.stdout.write(`已写入 ${shownPath(io, path)}（${rows.length} 个单位，${opts.engine === "postgres" ? "PostgreSQL" : "DuckDB"} 计分）\n`);
  } else io.stdout.write(text);
  return ExitCode.ok;
}

function engineCsv(ids: string[], rows: EngineRow[]): string {
  const head = ["名次", "单位", "等次", "总分", "精确总分", "加分", "减分", ...ids.map((id) => `指标 ${id}`)];
  const lines = [head.map((v) => csvField(v)).join(",")];
  for (const r of rows) lines.push([String(r.rank), r.unit, r.grade ?? "", r.total, r.exactTotal, r.bonus, r.penalty, ...ids.map((id) => r.scores[id] ?? "")].map((v) => csvField(v)).join(","));
  return lines.join("\r\n") + "\r\n";
}
