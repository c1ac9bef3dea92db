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
import { rowsToResults, type EngineResult } from "./results.js";

export interface PostgresScoreOptions {
  /** Connection string, e.g. postgres://kp@127.0.0.1:5432/kp */
  db: string;
  table: string;
  /** Also write every unit's results into this table (replaced atomically). */
  write?: string;
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

export async function scoreWithPostgres(ir: IrProgram, options: PostgresScoreOptions): Promise<EngineResult[]> {
  const client = new pg.Client({ connectionString: options.db, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw why(e);
  }
  try {
    // the columns the query needs, checked first so that every missing one is named at once
    const have = await client.query<{ column_name: string; data_type: string }>("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1", [options.table]).catch((e: unknown) => {
      throw why(e);
    });
    if (have.rows.length === 0) throw new EngineError("KP8023", `事实表「${options.table}」不存在（或没有列）`);
    const names = new Set(have.rows.map((r) => r.column_name));
    const missing = ["单位", "类别", ...new Set(ir.columns.map((c) => c.name))].filter((n) => !names.has(n));
    if (missing.length > 0) throw new EngineError("KP8011", `事实表「${options.table}」缺少列：${missing.map((m) => `「${m}」`).join("、")}`);
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
    if (wrong.length > 0) throw new EngineError("KP8024", `事实表「${options.table}」的列类型不对：${wrong.join("；")}`);
    const q = emitSql(ir, { dialect: "postgres", table: options.table });
    let rows: Record<string, unknown>[];
    try {
      rows = (await client.query({ text: q.sql, values: q.params })).rows as Record<string, unknown>[];
    } catch (e) {
      throw why(e);
    }
    const results = rowsToResults(ir, rows);
    if (options.write !== undefined) await writeResults(client, q.sql, q.params, options.write);
    return results;
  } finally {
    await client.end().catch(() => undefined);
  }
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
