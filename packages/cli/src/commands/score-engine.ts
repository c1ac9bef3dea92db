/**
 * `kp score --engine duckdb`: the catalogue lowered to the scoring IR, printed as SQL and run in
 * embedded DuckDB directly over the facts file (@kaoping/engines, imported only here so that `kp`
 * starts without loading DuckDB).  Output: JSON or CSV of every unit's rank, grade, totals and
 * indicator scores as exact decimal strings; atomic like every output.  DuckDB hands the results over
 * in batches; they go to a private spill file as they come, so that a file of millions of units is
 * scored in bounded memory, and from there to the output (or standard output) once all are scored.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
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
  const format = opts.format ?? (opts.output?.toLowerCase().endsWith(".csv") ? "csv" : "json");
  const ids = ir.indicators.map((i) => i.id);
  const output = opts.output === undefined ? undefined : absolutePath(io, opts.output);
  // the results go to a private spill file as they come (bounded memory), then to the output at once
  const spill = mkdtempSync(join(tmpdir(), "kp-engine-"));
  try {
    const spillFile = join(spill, "results");
    const fd = openSync(spillFile, "w");
    let n = 0;
    try {
      const put = (rows: EngineRow[]) => {
        let text = "";
        for (const r of rows) {
          if (format === "csv") text += engineCsvRow(ids, r);
          else text += (n > 0 ? ",\n" : "[\n") + JSON.stringify(r, null, 2).replace(/^/gm, "  ");
          n++;
        }
        if (text !== "") writeSync(fd, text);
      };
      if (format === "csv") writeSync(fd, engineCsvHead(ids));
      if (opts.engine === "postgres") put(await engines.scoreWithPostgres(ir, { db: opts.db!, table: opts.table!, ...(opts.write !== undefined ? { write: opts.write } : {}) }));
      else await engines.streamWithDuckDb(ir, absolutePath(io, factsArg), { awards: engines.awardMaxima(cat) }, put);
      if (format !== "csv") writeSync(fd, n > 0 ? "\n]\n" : "[]\n");
    } catch (e) {
      if (!(e instanceof engines.EngineError)) throw e;
      io.stderr.write(err.red(`${e.code} `) + e.message + "\n");
      return ExitCode.problems;
    } finally {
      closeSync(fd);
    }
    if (output !== undefined) {
      const inputs = prepared.catalogue.analysis.files.map((f) => f.path);
      // Excel opens a UTF-8 CSV correctly only with a BOM.
      writeOutputs(io, [{ path: output, data: (write) => (format === "csv" && write("\uFEFF"), copyText(spillFile, write)) }], opts.engine === "postgres" ? inputs : [...inputs, absolutePath(io, factsArg)]);
      io.stdout.write(`已写入 ${shownPath(io, output)}（${n} 个单位，${opts.engine === "postgres" ? "PostgreSQL" : "DuckDB"} 计分）\n`);
    } else copyText(spillFile, (text) => io.stdout.write(text));
    return ExitCode.ok;
  } finally {
    rmSync(spill, { recursive: true, force: true });
  }
}

/** A file's text handed to `write` in pieces of 4 MiB (characters never split). */
function copyText(file: string, write: (text: string) => void): void {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(4 << 20);
    const decoder = new StringDecoder("utf8");
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      write(decoder.write(buf.subarray(0, got)));
    }
    const rest = decoder.end();
    if (rest !== "") write(rest);
  } finally {
    closeSync(fd);
  }
}

function engineCsvHead(ids: string[]): string {
  return ["名次", "单位", "等次", "总分", "精确总分", "加分", "减分", ...ids.map((id) => `指标 ${id}`)].map((v) => csvField(v)).join(",") + "\r\n";
}

function engineCsvRow(ids: string[], r: EngineRow): string {
  return [String(r.rank), r.unit, r.grade ?? "", r.total, r.exactTotal, r.bonus, r.penalty, ...ids.map((id) => r.scores[id] ?? "")].map((v) => csvField(v)).join(",") + "\r\n";
}
