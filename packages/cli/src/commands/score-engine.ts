/**
 * `kp score --engine duckdb|postgres`: the catalogue lowered to the scoring IR, printed as SQL and run
 * in embedded DuckDB directly over the facts file, or in PostgreSQL over a table (@kaoping/engines,
 * imported only here so that `kp` starts without loading DuckDB).
 *
 * Same output: each engine row becomes the JS module's result (engines' unitResultOf) and is printed
 * by the JS engine's own columns and JSON (report/ranking.ts), so a ranking from DuckDB is the JS
 * engine's, byte for byte, in every format.  Same checks: while DuckDB scores, the facts file is read
 * by the JS facts reader (engine-check.ts); facts with any problem are handed to the JS engine, which
 * reports every problem at its cell, and nothing is written.  Results come in batches and go to a
 * private spill file (bounded memory; the CSV's 否决 column is known only at the end), then to the
 * output (atomic) or standard output.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { LowerError, factSpecs, lower, lowerDiagnostic, type Catalogue, type CatalogueMeta, type UnitInput, type UnitResult } from "@kaoping/core";
import { STREAMED_FACTS } from "@kaoping/facts";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, shownPath, writeOutputs, type Colors, type Io } from "../io.js";
import { rankingColumns, rankingTable } from "../report/ranking.js";
import { csvField } from "../report/spreadsheet.js";
import { checkFactsStreaming, type StreamCheck } from "./engine-check.js";
import { formatFor, prepareForScoring, scoreCommand, type Format } from "./score.js";
import { printDiagnostics } from "./shared.js";
import type { EngineResult } from "@kaoping/engines";

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

export interface EngineOptions {
  engine: "duckdb" | "postgres";
  /** Why DuckDB was chosen when the user did not say (the facts file's size): then every failure of DuckDB falls back to JS. */
  auto?: string;
  format?: Format;
  output?: string;
  db?: string;
  table?: string;
  write?: string;
  color?: boolean;
}

const ENGINE_NAME = { duckdb: "DuckDB", postgres: "PostgreSQL" } as const;

export async function scoreWithEngine(io: Io, catalogueArg: string, factsArg: string, opts: EngineOptions): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  if (opts.engine === "postgres" && (opts.db === undefined || opts.table === undefined)) throw new UsageError("--engine postgres 需要 --db <连接串> 和 --table <事实表>");
  if (opts.output !== undefined && opts.output.trim() === "") throw new UsageError("-o 需要一个文件名");
  const prepared = await prepareForScoring(io, catalogueArg, err);
  if (!prepared.ok) return prepared.code;
  const js = (code: string, why: string) => {
    io.stderr.write(`${err.yellow(code)} ${why}，改由 JS 引擎计分\n`);
    return scoreCommand(io, catalogueArg, factsArg, opts, prepared);
  };
  const cat = prepared.catalogue.analysis.catalogue;
  let ir;
  if (opts.auto !== undefined) {
    try {
      ir = lower(cat);
    } catch (e) {
      if (!(e instanceof LowerError)) throw e;
      return js("KP8028", `细则中有 SQL 目标还不能表达的写法（${e.construct}）`);
    }
  } else ir = lowerOrReport(io, cat, prepared.catalogue.sources, opts.color);
  if (!ir) return ExitCode.problems;
  const engines = await import("@kaoping/engines");
  // the classes of the units a 参照 names, kept as the results pass (their points show on the takers)
  const named = engines.namedUnits(ir);
  const namedClasses = new Map<string, readonly string[]>();
  const toUnit = engines.unitResultOf(cat, ir, (unit) => namedClasses.get(unit) ?? []);
  const format = formatFor(opts);
  const output = opts.output === undefined ? undefined : absolutePath(io, opts.output);
  const file = opts.engine === "duckdb" ? absolutePath(io, factsArg) : undefined;
  if (opts.auto !== undefined) io.stderr.write(`kp: ${opts.auto}，由 DuckDB 计分（--engine js 可改用 JS 引擎）\n`);
  const results = new Results(prepared.module.catalogue, format, toUnit);
  try {
    const put = (rows: EngineResult[]) => {
      for (const r of rows) if (named.has(r.unit)) namedClasses.set(r.unit, r.classes ?? []);
      results.add(rows);
    };
    let failure: InstanceType<typeof engines.EngineError> | undefined;
    let check: StreamCheck | undefined;
    try {
      if (opts.engine === "postgres") {
        // the facts reader's checks, in SQL on the table, before it is scored (engines' pg-checks.ts)
        const checks = { specs: factSpecs(cat), classes: [...prepared.module.catalogue.classes], check: (units: UnitInput[]) => prepared.module.checkFacts(units) };
        try {
          await engines.streamWithPostgres(ir, { db: opts.db!, table: opts.table!, detail: true, checks, ...(opts.write !== undefined ? { write: opts.write } : {}) }, put);
        } catch (e) {
          if (!(e instanceof engines.FactsTableError)) throw e;
          for (const p of e.problems) {
            const where = [`事实表「${e.table}」`, ...(p.unit !== undefined ? [`单位「${p.unit}」`] : []), ...(p.column !== undefined ? [`列「${p.column}」`] : [])].join("，");
            io.stderr.write(`${err.red(p.code)} ${where}：${p.message}\n`);
          }
          io.stderr.write(err.red(`事实表「${e.table}」有 ${e.problems.length} 个错误，无法计分。`) + "\n");
          return ExitCode.problems;
        }
      }
      else {
        // the JS reader's checks, while DuckDB scores (a file it does not stream: DuckDB's own checks only)
        const stop = new AbortController();
        const checked = (STREAMED_FACTS as readonly string[]).includes(extname(file!).toLowerCase());
        const checking = checked
          ? checkFactsStreaming(prepared.module, file!).then((c) => {
              if (!c.ok) stop.abort();
              return c;
            })
          : Promise.resolve(undefined);
        const scoring = engines.streamWithDuckDb(ir, file!, { awards: engines.awardMaxima(cat), detail: true, signal: stop.signal, missingAsAbsent: checked }, put).then(
          () => undefined,
          (e: unknown) => {
            if (e instanceof engines.EngineError) return e;
            throw e;
          },
        );
        [check, failure] = await Promise.all([checking, scoring]);
      }
    } catch (e) {
      if (!(e instanceof engines.EngineError)) throw e;
      failure = e;
    }
    // facts with problems: the JS engine reports every one at its cell (and writes nothing)
    if (check !== undefined && !check.ok && check.problems) return scoreCommand(io, catalogueArg, factsArg, opts, prepared);
    if (check !== undefined && !check.ok) {
      if (opts.auto !== undefined) return js("KP8026", `JS 读取器不能流式读取这个事实文件（${check.why}），无法核对 DuckDB 的读法`);
      io.stderr.write(`${err.red("KP8026")} JS 读取器不能流式读取事实文件「${shownPath(io, file!)}」（${check.why}），无法核对 DuckDB 的读法：请用 --engine js\n`);
      return ExitCode.problems;
    }
    if (failure !== undefined) {
      if (opts.auto !== undefined) return js("KP8027", `DuckDB 计分失败（${failure.code} ${failure.message.split("\n")[0]}）`);
      io.stderr.write(err.red(`${failure.code} `) + failure.message + "\n");
      return ExitCode.problems;
    }
    const n = results.count;
    const c = colorsFor(output !== undefined ? { write: () => true } : io.stdout, io.env, opts.color);
    if (output !== undefined) {
      const inputs = prepared.catalogue.analysis.files.map((f) => f.path);
      writeOutputs(io, [{ path: output, data: (write) => results.produce(write, true, c) }], file === undefined ? inputs : [...inputs, file]);
      io.stdout.write(`已写入 ${shownPath(io, output)}（${n} 个单位，${ENGINE_NAME[opts.engine]} 计分）\n`);
    } else results.produce((text) => io.stdout.write(text), false, c);
    return ExitCode.ok;
  } finally {
    results.close();
  }
}

/**
 * Results as the JS engine prints them.  Engine rows are kept in a spill file, one JSON line each
 * (bounded memory), and become the module's results when all are in (a 参照 taker shows the points
 * of the unit it names, which may come later; the CSV's 否决 column is there only when some unit has
 * a veto); a table needs every row to lay out its columns and keeps them.
 */
class Results {
  private readonly dir = mkdtempSync(join(tmpdir(), "kp-engine-"));
  private readonly file = join(this.dir, "results.jsonl");
  private readonly fd = openSync(this.file, "w", 0o600);
  private vetoes = false;
  /** The top-level indicators' ids (the CSV's columns). */
  private readonly tops: string[];
  count = 0;

  constructor(
    private readonly cat: CatalogueMeta,
    private readonly format: Format,
    private readonly toUnit: (r: EngineResult) => UnitResult,
  ) {
    this.tops = cat.indicators.map((i) => i.id);
  }

  add(rows: EngineResult[]): void {
    let text = "";
    for (const r of rows) {
      if ((r.vetoes ?? []).length > 0) this.vetoes = true;
      this.count++;
      text += JSON.stringify(r) + "\n";
    }
    if (text !== "") writeSync(this.fd, text);
  }

  /** The output text, piece by piece, exactly as `kp score` (JS) writes it; `file`: a CSV written to a file starts with a BOM. */
  produce(write: (text: string) => void, file: boolean, c: Colors): void {
    if (this.format === "table") {
      const all: UnitResult[] = [];
      forEachLine(this.file, (line) => all.push(this.toUnit(JSON.parse(line) as EngineResult)));
      return write(rankingTable(this.cat, all, c));
    }
    let buf = "";
    const put = (t: string) => {
      buf += t;
      if (buf.length >= 1 << 16) {
        write(buf);
        buf = "";
      }
    };
    const columns = rankingColumns(this.cat, [], this.vetoes);
    if (this.format === "csv") put((file ? "\uFEFF" : "") + columns.map((col) => csvField(col.header)).join(",") + "\n");
    let first = true;
    forEachLine(this.file, (line) => {
      const e = JSON.parse(line) as EngineResult;
      if (this.format === "json") put((first ? "[\n" : ",\n") + JSON.stringify(this.toUnit(e), null, 2).replace(/^/gm, "  "));
      else {
        // the CSV reads the top-level scores only: no indicator tree is built
        const r = this.toUnit({ ...e, scores: {} });
        r.indicators = this.tops.map((id) => ({ score: e.scores[id] ?? "" }) as NonNullable<UnitResult["indicators"]>[number]);
        put(columns.map((col) => csvField(col.value(r), col.numeric)).join(",") + "\n");
      }
      first = false;
    });
    if (this.format === "json") put(first ? "[]\n" : "\n]\n");
    if (buf !== "") write(buf);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** Each line of a file (without its "\n"), read in pieces of 4 MiB (characters never split). */
function forEachLine(file: string, each: (line: string) => void): void {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(4 << 20);
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      const text = rest + decoder.write(buf.subarray(0, got));
      const lines = text.split("\n");
      rest = lines.pop()!;
      for (const l of lines) each(l);
    }
    rest += decoder.end();
    if (rest !== "") each(rest);
  } finally {
    closeSync(fd);
  }
}

