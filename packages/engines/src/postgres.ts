/**
 * `kp score --engine postgres --db <url> --table <name> [--write <table>]`: the catalogue's SQL run
 * in a PostgreSQL server (or one speaking its dialect) over a typed facts table (schema: core's
 * emit-sql.ts, packages/cli/README.md).  Driver: node-postgres (`pg`), pure JavaScript, the de facto
 * standard client, parameterised queries ($1…) so that no name or fact becomes SQL text.
 *
 * Writing results: into a new table under a temporary name, then — in one transaction — the old
 * table dropped and the new one renamed; a failure rolls back, so no partial results table is left.
 */
import pg from "pg";
import type { IrProgram } from "@kaoping/core";
import { emitSql, sqlIdent } from "@kaoping/core";
import { EngineError } from "./errors.js";
import { checkFactsTable, FactsTableError, type TableChecks } from "./pg-checks.js";
import { rowsToResults, tieOrdered, type EngineResult } from "./results.js";

export interface PostgresScoreOptions {
  /** Connection string, e.g. postgres://kp@127.0.0.1:5432/kp */
  db: string;
  table: string;
  /** Also write every unit's results into this table (replaced atomically). */
  write?: string;
  /** Also each unit's classes and vetoes (what a JS-identical result needs: unit-result.ts). */
  detail?: boolean;
  /** The facts reader's checks, run on the table first (pg-checks.ts): problems are a FactsTableError, and nothing is scored or written. */
  checks?: TableChecks;
}

/** A Chinese message for a connection or query error (pg's codes and Node's socket errors). */
function why(e: unknown): EngineError {
  const err = e as { code?: string; message?: string; column?: string };
  const m = err.message ?? String(e);
  if (err.code === "ECONNREFUSED" || err.code === "ENOTFOUND" || err.code === "ETIMEDOUT" || err.code === "ENOENT") return new EngineError("KP8020", `连不上数据库（${err.code}）：请检查 --db 中的地址和端口，以及数据库是否已启动`);
  if (err.code === "28P01" || err.code === "28000") return new EngineError("KP8021", `数据库拒绝登录：用户名或密码不对（${m}）`);
  if (err.code === "3D000") return new EngineError("KP8022", `数据库不存在：${m}`);
  if (err.code === "42P01") return new EngineError("KP8023", `事实表不存在：${m}`);
  if (err.code === "42703") return new EngineError("KP8011", `事实表缺少列：${m}`);
  if (err.code === "42883" || err.code === "42804" || err.code === "22P02") return new EngineError("KP8024", `事实表的列类型不对（应为文档中的类型：计数 BIGINT，数值 DECIMAL(18,6)，是否 BOOLEAN，类别与事件 TEXT[]）：${m}`);
  return new EngineError("KP8013", `数据库计分失败：${m.split("\n")[0]}`);
}

/** Scores the units of a table in PostgreSQL (all results at once: see {@link streamWithPostgres}). */
export async function scoreWithPostgres(ir: IrProgram, options: PostgresScoreOptions): Promise<EngineResult[]> {
  const out: EngineResult[] = [];
  await streamWithPostgres(ir, options, (rows) => {
    for (const r of rows) out.push(r);
  });
  return out;
}

/** Rows fetched from the server's cursor at a time. */
const FETCH_ROWS = 2048;

/**
 * Scores the units of a table in PostgreSQL and hands the results over in rank order, a batch at a
 * time (ties in the JS module's order), read through a server-side cursor (DECLARE … NO SCROLL
 * CURSOR, FETCH FORWARD n): memory holds one batch, not the table's results.  A plain SQL cursor
 * rather than pg-cursor or COPY … TO STDOUT: no further dependency, values come typed through pg as
 * with any query, and DECLARE/FETCH inside a transaction is what openGauss, KingbaseES, HighGo,
 * Citus and Greenplum share with PostgreSQL.  Returns the number of units.
 */
export async function streamWithPostgres(ir: IrProgram, options: PostgresScoreOptions, onRows: (rows: EngineResult[]) => void): Promise<number> {
  const client = new pg.Client({ connectionString: options.db, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw why(e);
  }
  try {
    await checkColumns(client, ir, options.table);
    if (options.checks !== undefined)
      await checkFactsTable(client, ir, options.table, options.checks).catch((e: unknown) => {
        throw e instanceof FactsTableError ? e : why(e);
      });
    const q = emitSql(ir, { dialect: "postgres", table: options.table, detail: options.detail === true });
    let n = 0;
    try {
      await client.query("BEGIN READ ONLY");
      await client.query({ text: `DECLARE "kp_results" NO SCROLL CURSOR FOR ${q.sql.replace(/^(--[^\n]*\n)+/, "")}`, values: q.params });
      const ordered = tieOrdered(onRows);
      for (;;) {
        const got = (await client.query(`FETCH FORWARD ${FETCH_ROWS} FROM "kp_results"`)).rows as Record<string, unknown>[];
        if (got.length === 0) break;
        // the query orders by rank; units of one rank are put in the JS module's order (UTF-16 code units)
        n += ordered.batch(rowsToResults(ir, got));
      }
      ordered.end();
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e instanceof EngineError ? e : why(e);
    }
    if (options.write !== undefined) {
      const w = options.detail === true ? emitSql(ir, { dialect: "postgres", table: options.table }) : q;
      await writeResults(client, w.sql, w.params, options.write);
    }
    return n;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every column the query needs is there (all missing ones named at once), each of its documented type. */
async function checkColumns(client: pg.Client, ir: IrProgram, table: string): Promise<void> {
  const have = await client.query<{ column_name: string; data_type: string }>("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1", [table]).catch((e: unknown) => {
    throw why(e);
  });
  if (have.rows.length === 0) throw new EngineError("KP8023", `事实表「${table}」不存在（或没有列）`);
  const names = new Set(have.rows.map((r) => r.column_name));
  const missing = ["单位", "类别", ...new Set(ir.columns.map((c) => c.name))].filter((n) => !names.has(n));
  if (missing.length > 0) throw new EngineError("KP8011", `事实表「${table}」缺少列：${missing.map((m) => `「${m}」`).join("、")}`);
  // every column of the documented type (PostgreSQL would cast a text column silently)
  const typeOf = new Map(have.rows.map((r) => [r.column_name, r.data_type]));
  const wrong: string[] = [];
  const want = (name: string, ok: string[], shown: string) => {
    if (!ok.includes(typeOf.get(name) ?? "")) wrong.push(`「${name}」应为 ${shown}，实际为 ${typeOf.get(name)}`);
  };
  want("类别", ["ARRAY"], "TEXT[]");
  for (const c of ir.columns) {
    if (c.type === "count") want(c.name, ["bigint", "integer", "smallint"], "BIGINT");
    else if (c.type === "decimal" || c.type === "signed" || c.type === "amounts") want(c.name, ["numeric", "bigint", "integer", "smallint"], "DECIMAL(18,6)");
    else if (c.type === "items") want(c.name, ["bigint", "integer", "smallint"], "BIGINT");
    else if (c.type === "text") want(c.name, ["text", "character varying"], "TEXT");
    else if (c.type === "flag") want(c.name, ["boolean"], "BOOLEAN");
    else want(c.name, ["ARRAY"], "TEXT[]");
  }
  if (wrong.length > 0) throw new EngineError("KP8024", `事实表「${table}」的列类型不对：${wrong.join("；")}`);
}

/** CREATE TABLE <tmp> AS <query>; then swap it in under the target name, in one transaction. */
async function writeResults(client: pg.Client, sql: string, params: string[], target: string): Promise<void> {
  const tmp = `${target}__kp_${process.pid}_${Date.now()}`;
  try {
    await client.query("BEGIN");
    await client.query({ text: `CREATE TABLE ${sqlIdent(tmp)} AS ${sql.replace(/^(--[^\n]*\n)+/, "")}`, values: params });
    await client.query(`DROP TABLE IF EXISTS ${sqlIdent(target)}`);
    await client.query(`ALTER TABLE ${sqlIdent(tmp)} RENAME TO ${sqlIdent(target)}`);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw why(e);
  }
}
