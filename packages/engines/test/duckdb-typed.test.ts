/**
 * The fast paths of the DuckDB engine keep the meaning: a Parquet file whose columns already have
 * their types (BIGINT counts, DECIMAL values, BOOLEAN yes/no) scores as the same facts written as
 * text in a CSV, and as the JS module; a negative number in a typed column is a bad cell (KP8010)
 * as the text "-5" is; every bad cell of a CSV is named; units of one total come in the JS module's order even where UTF-16 and code
 * point order differ; and the query has as many stages as the catalogue is deep, not one per
 * indicator.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, emitSql, importCompiledModule, lower, nodeHost } from "@kaoping/core";
import { EngineError, scoreWithDuckDb } from "@kaoping/engines";

const dir = mkdtempSync(join(tmpdir(), "kp-duck-typed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KP = `细则 「类型」
指标 「甲」 5 分 {
  规则 「迟报」 「迟报每次扣0.5分」 每次 扣 0.5
  规则 「清退」 「清退不齐全的，扣0.2分」 扣 0.2
  规则 「完成率」 「完成率不足的扣分」
    分段 {
      [50%, 100%) 扣 1
      < 50%       扣 2
      未报送      扣 3
    }
}
指标 「乙」 1 分 {
  规则 「比率」 「按比率得分」 按比率 得分 满分 1
}
`;
// the 𠮷 unit sorts first in UTF-16 (a surrogate, D842) and last by code point (U+20BB7 > U+FF08)
const CSV = `单位,迟报,清退,完成率,比率
A（1）,1,是,75.5%,0.5
A𠮷,1,是,75.5%,0.5
乙县,0,否,,0.123456
丙县,3,,49.99%,1
丁县,,是,100%,0
`;

async function duck(sql: string): Promise<void> {
  const i = await DuckDBInstance.create(":memory:");
  const c = await i.connect();
  try {
    await c.run(sql);
  } finally {
    c.closeSync();
    i.closeSync();
  }
}

const q = (s: string) => "'" + s.replace(/'/g, "''") + "'";

describe("DuckDB fast paths keep the meaning", () => {
  it("a typed Parquet file = the same facts as CSV text = the JS module; ties in the JS order", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    writeFileSync(join(dir, "facts.csv"), CSV);
    const a = analyzeCatalogue(join(dir, "细则.kp"), nodeHost);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ir = lower(a.catalogue);
    const mod = await importCompiledModule(compileCatalogue(a.catalogue).js);
    const units = CSV.trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","))
      .map(([name, late, back, rate, ratio]) => ({ name: name!, facts: { 迟报: late, 清退: back, 完成率: rate, 比率: ratio } }));
    const js = mod.scoreAll(units);
    const parquet = join(dir, "facts.parquet");
    await duck(
      `COPY (SELECT "单位", CAST("迟报" AS BIGINT) AS "迟报", ("清退" = '是') AS "清退", CAST(rtrim("完成率", '%') AS DECIMAL(10,2)) AS "完成率", CAST("比率" AS DECIMAL(12,6)) AS "比率" FROM read_csv(${q(join(dir, "facts.csv"))}, all_varchar = true, header = true)) TO ${q(parquet)} (FORMAT parquet)`,
    );
    const fromCsv = await scoreWithDuckDb(ir, join(dir, "facts.csv"));
    const fromParquet = await scoreWithDuckDb(ir, parquet);
    const shape = (r: { unit: string; rank: number; total: string; exactTotal: string }) => [r.unit, r.rank, r.total, r.exactTotal];
    const names = js.map((r) => r.unit);
    expect(names.indexOf("A𠮷") + 1).toBe(names.indexOf("A（1）"));
    expect(fromCsv.map(shape)).toEqual(js.map(shape));
    expect(fromParquet.map(shape)).toEqual(js.map(shape));
    expect(fromParquet.map((r) => r.scores)).toEqual(fromCsv.map((r) => r.scores));
  }, 120_000);

  it("a negative number in a typed DECIMAL column is KP8010 with its unit and column", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    const ir = lower(analyzeCatalogue(join(dir, "细则.kp"), nodeHost).catalogue);
    const parquet = join(dir, "neg.parquet");
    await duck(`COPY (SELECT '戊县' AS "单位", CAST(1 AS BIGINT) AS "迟报", TRUE AS "清退", CAST(-5 AS DECIMAL(10,2)) AS "完成率", CAST(0.5 AS DECIMAL(12,6)) AS "比率") TO ${q(parquet)} (FORMAT parquet)`);
    const err = await scoreWithDuckDb(ir, parquet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe("KP8010");
    expect((err as EngineError).message).toContain("单位「戊县」的「完成率」的值「-5.00」");
  }, 120_000);

  it("every bad cell of a CSV is named with its unit, column and value (one pass), nothing else", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    writeFileSync(join(dir, "bad.csv"), CSV.replace("0.123456", "很好").replace("49.99%", "49.9999999%"));
    const ir = lower(analyzeCatalogue(join(dir, "细则.kp"), nodeHost).catalogue);
    const err = await scoreWithDuckDb(ir, join(dir, "bad.csv")).catch((e: unknown) => e);
    expect((err as EngineError).code).toBe("KP8010");
    const lines = (err as EngineError).message.split("\n").sort();
    expect(lines).toEqual(["单位「丙县」的「完成率」的值「49.9999999%」不是数字（最多 6 位小数，可带 %）", "单位「乙县」的「比率」的值「很好」不是数字（最多 6 位小数，可带 %）"]);
  }, 120_000);

  it("a count written as a negative or fractional number is KP8010, not an incident id (as the JS module says)", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    writeFileSync(join(dir, "count.csv"), CSV.replace("A（1）,1,", "A（1）,-1,").replace("丙县,3,", "丙县,1.5,"));
    const ir = lower(analyzeCatalogue(join(dir, "细则.kp"), nodeHost).catalogue);
    const err = await scoreWithDuckDb(ir, join(dir, "count.csv")).catch((e: unknown) => e);
    expect((err as EngineError).code).toBe("KP8010");
    expect((err as EngineError).message.split("\n").sort()).toEqual([
      "单位「A（1）」的「迟报」的值「-1」不是次数（非负整数，或事件编号如「事件A、事件B」）",
      "单位「丙县」的「迟报」的值「1.5」不是次数（非负整数，或事件编号如「事件A、事件B」）",
    ]);
  }, 120_000);

  it("rules/ prints as few stages as it is deep (not one per indicator)", () => {
    const a = analyzeCatalogue(resolve(__dirname, "../../../rules/细则.kp"), nodeHost);
    const sql = emitSql(lower(a.catalogue), { dialect: "duckdb" }).sql;
    const stages = sql.match(/^"kp_s\d+" AS \(/gm) ?? [];
    expect(stages.length).toBeGreaterThan(3);
    expect(stages.length).toBeLessThanOrEqual(20);
    // 就高 in DuckDB: list functions on the row, no correlated subquery
    expect(sql).toContain("list_distinct(");
    expect(sql).not.toContain("unnest(");
    const pgSql = emitSql(lower(a.catalogue), { dialect: "postgres" }).sql;
    expect(pgSql).toContain("unnest(");
    // every PostgreSQL stage fenced, so that the planner does not expand a stage into the next one
    expect(pgSql.match(/^"kp_s\d+" AS \(/gm)!.length).toBe(pgSql.match(/ OFFSET 0\)/g)!.length);
  });
});
