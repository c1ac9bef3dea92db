/**
 * `kp score --engine duckdb`: the catalogue's SQL run in embedded DuckDB directly over a CSV,
 * Parquet or JSON file, as one streaming pass.
 *
 * The file is a view (never copied into memory): a CSV's cells are read as text, a Parquet/JSON
 * column keeps its own type.  A second view types each column as the facts table wants it, accepting
 * the value forms of the facts reader (numbers with an optional %, 是/否 words, incident ids
 * 「事件A、事件B」); a column that already has the right type (a Parquet BIGINT count, DECIMAL value,
 * BOOLEAN yes/no) is taken as it is.  The typing is written so that the common cell costs one cheap
 * test: a number is matched by a regular expression before it is cast (a failing TRY_CAST is two
 * orders of magnitude slower than a match), and every column's text is trimmed once.  Each row also
 * carries `kp_bad`, whether one of its cells does not read; the scoring query passes it through, so
 * checking costs no second pass — only when a cell is bad is the file read again to name every bad
 * cell with its unit and column (KP8010, at most 50).  A missing column is KP8011, a file DuckDB
 * cannot read KP8012.
 *
 * Memory per unit is small and no operator holds every column of every unit: each unit's output
 * columns go as they are computed into a table of a private database file (the query's `split`
 * parts: a 参照's named unit is looked up into a table of its own first, so no stage is read twice
 * and materialised), ranks come from the few distinct rounded totals, and the rows are sorted and
 * handed over a band of ranks at a time, chunk by chunk (2,048 rows).  DuckDB spills what outgrows
 * its memory limit to the same private folder, removed after.  Nothing else is written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { IrColumn, IrProgram } from "@kaoping/core";
import { emitSql, kpFixed, kpFormat, sqlIdent } from "@kaoping/core";
import { EngineError } from "./errors.js";
import { detailColumns, detailOf, tieOrdered, type EngineResult } from "./results.js";

const YES = ["是", "有", "true", "yes", "y", "1", "√", "✓", "完成", "已完成"];
const NO = ["否", "无", "没有", "false", "no", "n", "0", "×", "✗", "未完成", ""];
const MISSING = ["未报送", "未填报", "缺报", "无数据"];
/** A list literal of fixed words (list_contains: DuckDB plans `x IN (…)` over many columns slowly). */
const list = (words: string[]) => "[" + words.map((w) => `'${w}'`).join(", ") + "]";
const among = (x: string, words: string[]) => `list_contains(${list(words)}, ${x})`;
const SEP = "'[、,，;；\\n]'";
/** A plain decimal: digits, at most 6 places (the % form is tested apart). */
const NUMBER = "'[0-9]+(\\.[0-9]{1,6})?'";
const PERCENT = "'[0-9]+(\\.[0-9]{1,6})?%'";

/** DuckDB's reader of a facts file, by extension. */
function reader(file: string): string {
  const path = "'" + file.replace(/'/g, "''") + "'";
  if (/\.parquet$/i.test(file)) return `read_parquet(${path})`;
  if (/\.(json|jsonl|ndjson)$/i.test(file)) return `read_json_auto(${path})`;
  return `read_csv(${path}, all_varchar = true, header = true)`;
}

/** A source column: its SQL name in the raw view, its trimmed text (a name in the text view), its DuckDB type. */
interface Source {
  src: string;
  text: string;
  type: string;
}

/** A text that reads as a number (signed or with a fraction): as a count it must be a non-negative integer. */
const NOT_COUNT = "'[+\\-]?([0-9]+[.][0-9]*|[.][0-9]+|[0-9]+)'";

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
const DECIMAL = /^DECIMAL\((\d+),(\d+)\)$/;

/** The typed value of one column, and when its cell does not read (`bad`, "FALSE" when it always reads). */
function typed(col: IrColumn, s: Source | undefined, award: Map<string, number>): { value: string; bad: string } {
  if (s === undefined) {
    // an ids column whose count column is absent: no ids
    return { value: col.type === "ids" ? "CAST([] AS VARCHAR[])" : "NULL", bad: "FALSE" };
  }
  const { src, text: t } = s;
  const ids = `list_filter(list_transform(regexp_split_to_array(${t}, ${SEP}), (s) -> trim(s)), (s) -> s <> '')`;
  switch (col.type) {
    case "count":
      // a number that is not a non-negative integer ("-1", "1.5") is a mistyped count, not an incident id
      // (kpNotCount in the JS module): NULL, and bad
      return {
        value: `(CASE WHEN ${t} IS NULL OR ${t} = '' THEN 0 WHEN regexp_full_match(${t}, '[0-9]+') THEN CAST(${t} AS BIGINT) WHEN regexp_full_match(${t}, ${NOT_COUNT}) THEN NULL ELSE len(${ids}) END)`,
        bad: `regexp_full_match(${t}, ${NOT_COUNT})`,
      };
    case "ids":
      // (a yes/no word of a yes/no fact is no incident id)
      return { value: `(CASE WHEN ${t} IS NULL OR regexp_full_match(${t}, '[0-9]*') OR ${among(`lower(${t})`, [...YES, ...NO])} THEN CAST([] AS VARCHAR[]) ELSE ${ids} END)`, bad: "FALSE" };
    case "flag":
      if (s.type === "BOOLEAN") return { value: `COALESCE(${src}, FALSE)`, bad: "FALSE" };
      // a word of NO (or an empty cell) is no; a word of YES, or anything else written, is yes
      return { value: `(${t} IS NOT NULL AND NOT ${among(`lower(${t})`, NO)})`, bad: "FALSE" };
    case "decimal": {
      const full = award.get(col.key);
      const m = DECIMAL.exec(s.type);
      // a numeric column of at most 6 places: its value, unless negative (bad, as the text "-5" is)
      if (INTEGER.test(s.type) || (m && Number(m[2]) <= 6)) return { value: `(CASE WHEN ${src} >= 0 THEN TRY_CAST(${src} AS DECIMAL(18,6)) END)`, bad: `(${src} IS NOT NULL)` };
      const words = full === undefined ? "" : ` WHEN ${among(`lower(${t})`, YES.filter((w) => w !== "1"))} THEN CAST('${kpFormat(full)}' AS DECIMAL(18,6)) WHEN ${among(`lower(${t})`, NO.filter((w) => w !== "0" && w !== ""))} THEN CAST(0 AS DECIMAL(18,6))`;
      const absent = `(${t} IS NULL OR ${among(t, ["", ...MISSING])})`;
      // a number that matches but does not fit DECIMAL(18,6) is NULL from TRY_CAST, and bad below
      const value = `(CASE WHEN regexp_full_match(${t}, ${NUMBER}) THEN TRY_CAST(${t} AS DECIMAL(18,6)) WHEN ${absent} THEN NULL${words} WHEN regexp_full_match(${t}, ${PERCENT}) THEN TRY_CAST(left(${t}, -1) AS DECIMAL(18,6)) ELSE NULL END)`;
      return { value, bad: `(NOT ${absent})` };
    }
    default:
      return typedMore(col.type, src, t, ids);
  }
}

/**
 * The column types of more scoring forms: a decimal that may be negative (分段 可为负: -, −, －, +),
 * an outcome's name (评为, NFC), the amounts of 每次酌情 (「1、0.5」, read as their sum), and a
 * compound rule's per-item counts (「甲村 2、乙村 1」 or their sum; empty → NULL: not given).
 */
function typedMore(type: IrColumn["type"], src: string, t: string, ids: string): { value: string; bad: string } {
  const empty = `${src} IS NULL OR ${t} = ''`;
  const DEC = "'[0-9]+(\\.[0-9]{1,6})?'";
  switch (type) {
    case "signed": {
      const num = `regexp_replace(regexp_replace(regexp_replace(${t}, '%$', ''), '^[−－]', '-'), '^[+]', '')`;
      return {
        value: `(CASE WHEN ${empty} OR ${among(t, MISSING)} THEN NULL ELSE TRY_CAST(${num} AS DECIMAL(18,6)) END)`,
        bad: `(NOT (${empty} OR ${among(t, MISSING)}) AND (TRY_CAST(${num} AS DECIMAL(18,6)) IS NULL OR NOT regexp_full_match(${num}, '-?[0-9]+(\\.[0-9]{1,6})?')))`,
      };
    }
    case "text":
      // (a name as written: not made half-width)
      return { value: `(CASE WHEN ${empty} THEN NULL ELSE nfc_normalize(trim(CAST(${src} AS VARCHAR))) END)`, bad: "FALSE" };
    case "amounts":
      return {
        value: `(CASE WHEN ${empty} THEN CAST(0 AS DECIMAL(18,6)) ELSE CAST(list_sum(list_transform(${ids}, (s) -> TRY_CAST(s AS DECIMAL(18,6)))) AS DECIMAL(18,6)) END)`,
        bad: `(NOT (${empty}) AND NOT list_bool_and(list_transform(${ids}, (s) -> regexp_full_match(s, ${DEC}))))`,
      };
    case "items": {
      const each = `list_transform(${ids}, (s) -> regexp_extract(s, '([0-9]+)[^0-9]*$', 1))`;
      return {
        value: `(CASE WHEN ${empty} THEN NULL WHEN regexp_full_match(${t}, '[0-9]+') THEN CAST(${t} AS BIGINT) ELSE CAST(list_sum(list_transform(${each}, (s) -> TRY_CAST(s AS BIGINT))) AS BIGINT) END)`,
        bad: `(NOT (${empty}) AND list_contains(${each}, ''))`,
      };
    }
    default:
      return { value: "NULL", bad: "FALSE" };
  }
}

export interface DuckDbScoreOptions {
  /** Full points of award items (key → raw), so that 是 reads as full points. */
  awards?: Map<string, number>;
  /** Also each unit's classes and vetoes (what a JS-identical result needs: unit-result.ts). */
  detail?: boolean;
  /**
   * A fact column missing from the file is a fact no unit gave (as the JS reader reads it), not
   * KP8011: for callers that run the JS reader's checks too (a required fact is KP4008 there).
   */
  missingAsAbsent?: boolean;
  /** Stops the query (DuckDB's interrupt): the promise rejects with KP8025. */
  signal?: AbortSignal;
  /** Units sorted at a time (tests: many bands on a few units); by the catalogue's width when absent. */
  band?: number;
}

/** Scores the units of a facts file in DuckDB (all results at once: see {@link streamWithDuckDb}). */
export async function scoreWithDuckDb(ir: IrProgram, file: string, options: DuckDbScoreOptions = {}): Promise<EngineResult[]> {
  const out: EngineResult[] = [];
  await streamWithDuckDb(ir, file, options, (rows) => {
    for (const r of rows) out.push(r);
  });
  return out;
}

/**
 * Scores the units of a facts file in DuckDB and hands the results over in rank order, a batch at a
 * time (ties in the JS module's order).  Throws KP8010 after the last batch when a cell did not read:
 * the caller must not keep what it was given before the promise resolves.  Returns the number of units.
 */
export async function streamWithDuckDb(ir: IrProgram, file: string, options: DuckDbScoreOptions, onRows: (rows: EngineResult[]) => void): Promise<number> {
  return withTypedFacts(ir, file, options, async (con) => {
    const detail = options.detail === true;
    const q = emitSql(ir, { dialect: "duckdb", carry: ["kp_bad"], detail, split: true });
    const parts = q.split!;
    // raw millionths as BIGINT: exact, and cheaper to hand over than text; formatted as the JS module does
    const raw = (name: string) => `CAST(${sqlIdent(name)} * 1000000 AS BIGINT)`;
    const cols = [`CAST(${sqlIdent("名次")} AS BIGINT)`, sqlIdent("单位"), sqlIdent("等次"), ...["总分", "精确总分", "加分", "减分", ...ir.indicators.map((i) => `指标 ${i.id}`)].map(raw), ...(detail ? detailColumns().map(sqlIdent) : []), `"kp_bad"`];
    const stop = () => con.interrupt();
    options.signal?.addEventListener("abort", stop);
    const failed = (e: unknown) => (options.signal?.aborted ? new EngineError("KP8025", "DuckDB 计分已中止") : new EngineError("KP8013", `DuckDB 计分失败：${firstLine(e)}`));
    const run = async <R>(step: () => Promise<R>): Promise<R> => {
      try {
        if (options.signal?.aborted) throw new Error("aborted");
        return await step();
      } catch (e) {
        throw failed(e);
      }
    };
    try {
      // 0. the row of each unit a 参照 names; 1. every unit's scores into a table of the database
      // file (written as it is computed, so it can leave memory); 2. the rank of each rounded total
      // (a few rows); 3. the rows in rank order, a band of ranks at a time (a sort of at most
      // bandOf(ir) units, and one rank's ties)
      for (const l of parts.lookups) await run(() => con.run(`CREATE TABLE ${sqlIdent(l.table)} AS SELECT * FROM (\n${l.sql}) AS "kp_q"${allParams(q.params)}`, q.params));
      await run(() => con.run(`CREATE TABLE "kp_units" AS SELECT * FROM (\n${parts.units}) AS "kp_q"${allParams(q.params)}`, q.params));
      await run(() => con.run(`CREATE TABLE "kp_ranks" AS ${parts.ranks("kp_units")}`));
      const bands = (
        await run(() =>
          con.runAndReadAll(
            `SELECT "lo", "hi" FROM (SELECT min("kp_key") AS "lo", max("kp_key") AS "hi" FROM "kp_ranks" WHERE "kp_key" IS NOT NULL GROUP BY ("kp_rank" - 1) // ${Math.max(1, Math.floor(options.band ?? bandOf(ir)))}` +
              ` UNION ALL SELECT NULL, NULL FROM "kp_ranks" WHERE "kp_key" IS NULL) ORDER BY "lo" DESC NULLS LAST`,
          ),
        )
      ).getRows() as [bigint | null, bigint | null][];
      const ranked = parts.ranked("kp_units", "kp_ranks");
      let n = 0;
      let bad = false;
      const ordered = tieOrdered(onRows);
      const ids = ir.indicators.map((i) => i.id);
      const extra = detail ? detailColumns().map((_, x) => x) : [];
      for (const [low, high] of bands) {
        // (keys are BIGINTs read from DuckDB, never user text)
        const band = low === null ? `"kp_rounded" IS NULL` : `"kp_rounded" BETWEEN ${low} AND ${high}`;
        const result = await run(() => con.stream(`SELECT ${cols.join(", ")} FROM (\n${ranked}) AS "kp_q" WHERE ${band}${allParams(q.params, "AND")} ORDER BY 1, 2`, q.params));
        for (;;) {
          const chunk = await run(() => result.fetchChunk());
          if (!chunk || chunk.rowCount === 0) break;
          const c = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnValues(i));
          const batch: EngineResult[] = [];
          for (let r = 0; r < chunk.rowCount; r++) {
            if (c[c.length - 1]![r] === true) bad = true;
            const scores: Record<string, string> = {};
            const unit = String(c[1]![r]);
            for (let k = 0; k < ids.length; k++) scores[ids[k]!] = kpFormat(need(c[7 + k]![r], unit, `指标 ${ids[k]} 得分`));
            const rounded = need(c[3]![r], unit, "总分");
            const row: EngineResult = {
              unit,
              rank: Number(c[0]![r]),
              grade: c[2]![r] === null ? null : String(c[2]![r]),
              total: ir.rounding < 0 ? kpFormat(rounded) : kpFixed(rounded, ir.rounding),
              exactTotal: kpFormat(need(c[4]![r], unit, "总分")),
              bonus: kpFormat(need(c[5]![r], unit, "加分")),
              penalty: kpFormat(need(c[6]![r], unit, "减分")),
              scores,
              ...(detail ? detailOf(extra.map((x) => c[7 + ids.length + x]![r])) : {}),
            };
            batch.push(row);
          }
          n += ordered.batch(batch);
        }
      }
      ordered.end();
      if (bad) await reportBadCells(con);
      return n;
    } finally {
      options.signal?.removeEventListener("abort", stop);
    }
  });
}

/** Units whose rows are sorted at a time: ~64 MB of rows (a row is ~8 bytes a column, and its names: rules/ ~130,000). */
function bandOf(ir: IrProgram): number {
  return Math.max(4096, Math.min(262_144, Math.floor(2 ** 26 / (8 * (ir.indicators.length + 8) + 128))));
}

/**
 * A condition that binds every parameter (a list of them is never NULL): a part of the split query
 * may leave some unused, and DuckDB binds parameters by position among those a statement uses.
 */
function allParams(params: readonly string[], join = "WHERE"): string {
  return params.length === 0 ? "" : ` ${join} [${params.map((_, i) => `CAST($${i + 1} AS VARCHAR)`).join(", ")}] IS NOT NULL`;
}

/** An engine value that must be there (NULL: a 参照 unit absent from the facts …). */
function need(v: unknown, unit: string, what: string): number {
  if (v === null || v === undefined) throw new EngineError("KP8013", `单位「${unit}」的${what}算不出来（参照的单位不在事实中？）`);
  const n = Number(v as bigint);
  if (!Number.isSafeInteger(n)) throw new EngineError("KP8013", `单位「${unit}」的${what}超出可精确表示的范围`);
  return n;
}

/** The facts of a file as typed rows of the documented facts table (to load it into a database). */
export async function typedFactRows(ir: IrProgram, file: string, options: DuckDbScoreOptions = {}): Promise<{ columns: string[]; rows: unknown[][] }> {
  return withTypedFacts(ir, file, options, async (con) => {
    if (((await con.runAndReadAll(`SELECT count(*) FROM "kp_facts" WHERE "kp_bad"`)).getRows()[0]![0] as bigint) > 0n) await reportBadCells(con);
    const r = await con.runAndReadAll(`SELECT * EXCLUDE ("kp_bad") FROM "kp_facts"`);
    return { columns: r.columnNames(), rows: r.getRowsJS() as unknown[][] };
  });
}

/**
 * Writes the facts of a file as a CSV of the documented facts table that PostgreSQL's COPY … CSV
 * HEADER reads (lists as array literals {"a","b"}): the way to load a large facts file into a
 * database (bench figure 11, tests).  Bad cells are KP8010 as in scoring, and nothing is written.
 */
export async function writeFactsForPostgres(ir: IrProgram, file: string, out: string, options: DuckDbScoreOptions = {}): Promise<number> {
  return withTypedFacts(ir, file, options, async (con) => {
    if (((await con.runAndReadAll(`SELECT count(*) FROM "kp_facts" WHERE "kp_bad"`)).getRows()[0]![0] as bigint) > 0n) await reportBadCells(con);
    const array = (c: string) => `'{' || array_to_string(list_transform(${c}, (x) -> '"' || replace(replace(x, '\\', '\\\\'), '"', '\\"') || '"'), ',') || '}'`;
    const cols = ["单位", "类别", ...ir.columns.map((c) => c.name)].map((name) => {
      const list = name === "类别" || ir.columns.some((c) => c.name === name && c.type === "ids");
      return list ? `${array(sqlIdent(name))} AS ${sqlIdent(name)}` : sqlIdent(name);
    });
    await con.run(`COPY (SELECT ${cols.join(", ")} FROM "kp_facts") TO '${out.replace(/'/g, "''")}' (FORMAT csv, HEADER true)`);
    return Number((await con.runAndReadAll(`SELECT count(*) FROM "kp_facts"`)).getRows()[0]![0] as bigint);
  });
}

/** The query of every bad cell, per connection (bound only when it runs: binding it is slow). */
const badCellsQuery = new WeakMap<DuckDBConnection, string>();

/** Every cell that does not read (at most 50), with its unit and column: KP8010. */
async function reportBadCells(con: DuckDBConnection): Promise<never> {
  const bad = (await con.runAndReadAll(`${badCellsQuery.get(con)} LIMIT 50`)).getRowObjectsJS() as { u: string; k: string; v: string; n: boolean }[];
  const why = (b: { n: boolean }) => (b.n ? "不是次数（非负整数，或事件编号如「事件A、事件B」）" : "不是数字（最多 6 位小数，可带 %）");
  throw new EngineError("KP8010", bad.map((b) => `单位「${b.u}」的「${b.k}」的值「${b.v}」${why(b)}`).join("\n"));
}

async function withTypedFacts<T>(ir: IrProgram, file: string, options: DuckDbScoreOptions, use: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const T0 = Date.now();
  const lap = (what: string) => {
    if (process.env.KP_SQL_TIMING) process.stderr.write(`${what} ${Date.now() - T0} ms\n`);
  };
  // DuckDB spills sorts and windows larger than memory here (removed after)
  const spill = mkdtempSync(join(tmpdir(), "kp-duckdb-"));
  // memory: at most half of the machine's and 1 GiB (DuckDB's own default is 80 %); beyond it, the
  // spill folder and the database file (no operator needs more: a band's sort is ~120 MB for rules/)
  const memory = `${Math.floor(Math.min(1024, totalmem() / 2 / 2 ** 20))}MB`;
  // a database file there too: the units' scores are a table of it (see streamWithDuckDb)
  const instance = await DuckDBInstance.create(join(spill, "kp.duckdb"), { temp_directory: spill, preserve_insertion_order: "false", memory_limit: memory });
  const con = await instance.connect();
  try {
    let described;
    try {
      described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${reader(file)}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
    } catch (e) {
      throw new EngineError("KP8012", `DuckDB 读不了事实文件「${file}」：${firstLine(e)}`);
    }
    lap("described");
    const typeOf = new Map(described.map((d) => [d.column_name, d.column_type]));
    const needed = ["单位", ...new Set(ir.columns.filter((c) => c.type !== "ids").map((c) => c.key))];
    const missing = needed.filter((k) => !typeOf.has(k) && (k === "单位" || options.missingAsAbsent !== true));
    if (missing.length > 0) throw new EngineError("KP8011", `事实文件「${file}」缺少列：${missing.map((m) => `「${m}」`).join("、")}`);
    const award = options.awards ?? new Map<string, number>();
    // view 1: each key's text, trimmed once
    const keys = [...new Set(ir.columns.map((c) => c.key))].filter((k) => typeOf.has(k));
    const sources = new Map<string, Source>(keys.map((k, i) => [k, { src: sqlIdent(k), text: sqlIdent(`kp_t${i}`), type: typeOf.get(k)! }]));
    // full-width digits, point and percent read as the JS reader reads them (kpHalfWidth)
    const texts = keys.map((k, i) => `trim(translate(CAST(${sqlIdent(k)} AS VARCHAR), '０１２３４５６７８９．％。', '0123456789.%.')) AS ${sqlIdent(`kp_t${i}`)}`);
    const classes = typeOf.has("类别") ? `list_filter(list_transform(regexp_split_to_array(trim(CAST("类别" AS VARCHAR)), ${SEP}), (s) -> trim(s)), (s) -> s <> '')` : "CAST([] AS VARCHAR[])";
    const textSql = `SELECT *, trim(CAST("单位" AS VARCHAR)) AS "kp_unit_text", ${classes} AS "kp_class_list"${texts.map((t) => ", " + t).join("")} FROM ${reader(file)}`;
    // view 2: the facts table of the documented schema, with kp_bad
    const cols = ir.columns.map((c) => ({ c, t: typed(c, sources.get(c.key), award) }));
    const checks = cols.filter(({ t }) => t.bad !== "FALSE");
    // a decimal cell is bad when it is not absent and did not read (its value is NULL)
    const badOf = (c: IrColumn, bad: string) => `(${bad} AND ${sqlIdent(c.name)} IS NULL)`;
    const typedSql = `SELECT "kp_unit_text" AS "单位", "kp_class_list" AS "类别"${cols.map(({ c, t }) => `, ${t.value} AS ${sqlIdent(c.name)}`).join("")}${checks.map(({ t }, i) => `, ${t.bad} AS "kp_b${i}"`).join("")} FROM (${textSql}) AS "kp_text"`;
    const names = ["单位", "类别", ...ir.columns.map((c) => c.name)].map(sqlIdent);
    await con.run(
      `CREATE TEMP VIEW "kp_facts" AS SELECT ${names.join(", ")}, ${checks.length === 0 ? "FALSE" : `GREATEST(${checks.map(({ c }, i) => badOf(c, `"kp_b${i}"`)).join(", ")})`} AS "kp_bad" FROM (${typedSql}) AS "kp_typed"`,
    );
    lap("facts view");
    // every bad cell with its unit and column, in one more pass over the file (only when kp_bad was seen)
    const cells = checks.map(({ c, t }) => `{'k': '${c.key.replace(/'/g, "''")}', 'v': CAST(${sqlIdent(c.key)} AS VARCHAR), 'b': (${t.bad} AND ${t.value} IS NULL), 'n': ${c.type === "count" ? "TRUE" : "FALSE"}}`);
    badCellsQuery.set(
      con,
      cells.length === 0
        ? `SELECT '' AS "u", '' AS "k", '' AS "v", FALSE AS "n" WHERE FALSE`
        : `SELECT "u", "c"['k'] AS "k", "c"['v'] AS "v", "c"['n'] AS "n" FROM (SELECT "kp_unit_text" AS "u", unnest(list_filter([${cells.join(", ")}], (x) -> x['b'])) AS "c" FROM (${textSql}) AS "kp_text")`,
    );
    lap("prepared");
    // developer aid: DuckDB's profile of the scoring query (operators, rows, time) as JSON
    if (process.env.KP_SQL_PROFILE) await con.run(`PRAGMA enable_profiling = 'json'; PRAGMA profiling_output = '${process.env.KP_SQL_PROFILE.replace(/'/g, "''")}'`);
    const out = await use(con);
    lap("scored");
    return out;
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
    lap("closed");
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
}
