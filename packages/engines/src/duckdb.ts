/**
 * `kp score --engine duckdb`: the catalogue's SQL run in embedded DuckDB directly over a CSV,
 * Parquet or JSON file.  The file's cells are read as text (CSV) and typed by a generated view that
 * accepts the value forms of the facts reader (numbers with an optional %, 是/否 words, incident ids
 * 「事件A、事件B」); a cell that does not read is an error KP8010 with its unit and column, a missing
 * column KP8011, a file DuckDB cannot read KP8012.  Nothing is written.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { IrColumn, IrProgram } from "@kaoping/core";
import { emitSql, kpFormat, sqlIdent } from "@kaoping/core";
import { EngineError } from "./errors.js";
import { rowsToResults, type EngineResult } from "./results.js";

const YES = ["是", "有", "true", "yes", "y", "1", "√", "✓", "完成", "已完成"];
const NO = ["否", "无", "没有", "false", "no", "n", "0", "×", "✗", "未完成", ""];
const MISSING = ["未报送", "未填报", "缺报", "无数据"];
/** A list literal of fixed words (list_contains: DuckDB plans `x IN (…)` over many columns slowly). */
const list = (words: string[]) => "[" + words.map((w) => `'${w}'`).join(", ") + "]";
const among = (x: string, words: string[]) => `list_contains(${list(words)}, ${x})`;
const SEP = "'[、,，;；\\n]'";

/** DuckDB's reader of a facts file, by extension. */
function reader(file: string): string {
  const path = "'" + file.replace(/'/g, "''") + "'";
  if (/\.parquet$/i.test(file)) return `read_parquet(${path})`;
  if (/\.(json|jsonl|ndjson)$/i.test(file)) return `read_json_auto(${path})`;
  return `read_csv(${path}, all_varchar = true, header = true)`;
}

/** The typed value of one column from its text `t` (trimmed, % removed for decimals). */
function typed(col: IrColumn, src: string, award: Map<string, number>): { value: string; bad: string } {
  const t = `trim(CAST(${src} AS VARCHAR))`;
  const ids = `list_filter(list_transform(regexp_split_to_array(${t}, ${SEP}), (s) -> trim(s)), (s) -> s <> '')`;
  switch (col.type) {
    case "count":
      return {
        value: `(CASE WHEN ${src} IS NULL OR ${t} = '' THEN 0 WHEN regexp_full_match(${t}, '[0-9]+') THEN CAST(${t} AS BIGINT) ELSE len(${ids}) END)`,
        bad: `FALSE`,
      };
    case "ids":
      // (a yes/no word of a yes/no fact is no incident id)
      return { value: `(CASE WHEN ${src} IS NULL OR regexp_full_match(${t}, '[0-9]*') OR ${among(`lower(${t})`, [...YES, ...NO])} THEN CAST([] AS VARCHAR[]) ELSE ${ids} END)`, bad: "FALSE" };
    case "flag":
      return {
        value: `(CASE WHEN ${src} IS NULL THEN FALSE WHEN ${among(`lower(${t})`, YES)} THEN TRUE WHEN ${among(`lower(${t})`, NO)} THEN FALSE ELSE TRUE END)`,
        bad: "FALSE",
      };
    case "decimal": {
      const num = `regexp_replace(${t}, '%$', '')`;
      const full = award.get(col.key);
      const yes = full === undefined ? "" : ` WHEN ${among(`lower(${t})`, YES.filter((w) => w !== "1"))} THEN CAST('${kpFormat(full)}' AS DECIMAL(18,6)) WHEN ${among(`lower(${t})`, NO.filter((w) => w !== "0" && w !== ""))} THEN CAST(0 AS DECIMAL(18,6))`;
      return {
        value: `(CASE WHEN ${src} IS NULL OR ${among(t, ["", ...MISSING])} THEN NULL${yes} ELSE TRY_CAST(${num} AS DECIMAL(18,6)) END)`,
        bad: `(${src} IS NOT NULL AND NOT ${among(t, ["", ...MISSING])}${full === undefined ? "" : ` AND NOT ${among(`lower(${t})`, [...YES, ...NO])}`} AND (TRY_CAST(${num} AS DECIMAL(18,6)) IS NULL OR NOT regexp_full_match(${num}, '[0-9]+(\\.[0-9]{1,6})?')))`,
      };
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
      return { value: `(CASE WHEN ${empty} THEN NULL ELSE nfc_normalize(${t}) END)`, bad: "FALSE" };
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
}

/** Scores the units of a facts file in DuckDB. */
export async function scoreWithDuckDb(ir: IrProgram, file: string, options: DuckDbScoreOptions = {}): Promise<EngineResult[]> {
  return withTypedFacts(ir, file, options, async (con) => {
    const q = emitSql(ir, { dialect: "duckdb" });
    let reader_;
    try {
      reader_ = await con.runAndReadAll(q.sql, q.params);
    } catch (e) {
      throw new EngineError("KP8013", `DuckDB 计分失败：${firstLine(e)}`);
    }
    return rowsToResults(ir, reader_.getRowObjectsJS() as Record<string, unknown>[]);
  });
}

/** The facts of a file as typed rows of the documented facts table (to load it into a database). */
export async function typedFactRows(ir: IrProgram, file: string, options: DuckDbScoreOptions = {}): Promise<{ columns: string[]; rows: unknown[][] }> {
  return withTypedFacts(ir, file, options, async (con) => {
    const r = await con.runAndReadAll(`SELECT * FROM "kp_facts"`);
    return { columns: r.columnNames(), rows: r.getRowsJS() as unknown[][] };
  });
}

async function withTypedFacts<T>(ir: IrProgram, file: string, options: DuckDbScoreOptions, use: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const T0 = Date.now();
  const lap = (what: string) => { if (process.env.KP_SQL_TIMING) process.stderr.write(`${what} ${Date.now() - T0} ms\n`); };
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    try {
      await con.run(`CREATE TEMP TABLE "kp_raw" AS SELECT * FROM ${reader(file)}`);
    } catch (e) {
      throw new EngineError("KP8012", `DuckDB 读不了事实文件「${file}」：${firstLine(e)}`);
    }
    const have = new Set((await con.runAndReadAll(`SELECT * FROM "kp_raw" LIMIT 0`)).columnNames());
    const needed = ["单位", ...new Set(ir.columns.filter((c) => c.type !== "ids").map((c) => c.key))];
    const missing = needed.filter((k) => !have.has(k));
    if (missing.length > 0) throw new EngineError("KP8011", `事实文件「${file}」缺少列：${missing.map((m) => `「${m}」`).join("、")}`);
    const award = options.awards ?? new Map<string, number>();
    const cols = ir.columns.map((c) => ({ c, t: typed(c, have.has(c.key) ? sqlIdent(c.key) : "NULL", award) }));
    const classes = have.has("类别") ? `list_filter(list_transform(regexp_split_to_array(trim(CAST("类别" AS VARCHAR)), ${SEP}), (s) -> trim(s)), (s) -> s <> '')` : "CAST([] AS VARCHAR[])";
    await con.run(
      `CREATE TEMP TABLE "kp_facts" AS SELECT trim(CAST("单位" AS VARCHAR)) AS "单位", ${classes} AS "类别"${cols.map(({ c, t }) => `, ${t.value} AS ${sqlIdent(c.name)}`).join("")} FROM "kp_raw"`,
    );
    lap("facts");
    // every cell that does not read, with its unit and column
    const checks = cols.filter(({ t }) => t.bad !== "FALSE");
    if (checks.length > 0) {
      const q = checks.map(({ c, t }) => `SELECT trim(CAST("单位" AS VARCHAR)) AS "u", '${c.key.replace(/'/g, "''")}' AS "k", CAST(${sqlIdent(c.key)} AS VARCHAR) AS "v" FROM "kp_raw" WHERE ${t.bad}`).join(" UNION ALL ");
      const bad = (await con.runAndReadAll(q + " LIMIT 50")).getRowObjectsJS() as { u: string; k: string; v: string }[];
      if (bad.length > 0) throw new EngineError("KP8010", bad.map((b) => `单位「${b.u}」的「${b.k}」的值「${b.v}」不是数字（最多 6 位小数，可带 %）`).join("\n"));
    }
    lap("checked");
    const out = await use(con);
    lap("scored");
    return out;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
}
