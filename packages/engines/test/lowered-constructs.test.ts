/**
 * Constructs the SQL target once refused (KP8001) — 参照 to an average and 未涉及 to the highest,
 * 每次酌情, 评为, a compound count given per item, 得 … 否则 扣 — scored by JS, DuckDB and PostgreSQL
 * from the CSV forms a user writes, against hand-computed scores; and KP8001 itself, the safety net
 * for a construct not lowered, located at it with its Chinese message.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, importCompiledModule, LowerError, lower, lowerDiagnostic, nodeHost } from "@kaoping/core";
import { awardMaxima, scoreWithDuckDb, scoreWithPostgres } from "@kaoping/engines";
import { loadFactsTable } from "./pg-load.js";
import { postgresAvailable, startPostgres } from "./pg-server.js";

const dir = mkdtempSync(join(tmpdir(), "kp-lowered-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KP = `细则 「测试」
类别 「县区」、「园区」
指标 「工作」 10 分 {
  参照 「园区」 以 各单位 平均分 为准
  规则 「迟报」 「迟报一次扣1分」 每次 扣 1
  规则 「问题」 「每起酌情扣0.5—2分」 每起 酌情 扣 0.5 至 2
}
指标 「评比」 5 分 {
  规则 「评定」 「按评定结果」 评为 「好」、「一般」 分别得 5、3
}
指标 「检查」 4 分 {
  参照 未涉及 以 各单位 最高分 为准
  规则 「抽查」 「每村每次扣0.1分」 每村 每次 扣 0.1
  规则 「完成」 「完成得1分，否则扣2分」 得 1 否则 扣 2
}
`;
const CSV = `单位,类别,迟报,问题,评定,抽查.村,抽查.次,抽查,完成,检查.未涉及
甲县,县区,2,1、0.5,好,2,3,,是,
乙县,县区,0,,一般,,,甲村 2、乙村 1,否,
丙园区,园区,5,2,好,1,1,,是,
丁县,县区,1,0.5、0.5、2,一般,,,,否,是
`;
// 工作: 甲县 10 − 2 − 1.5; 乙县 10; 丁县 10 − 1 − 3; 丙园区 takes the 县区 units' average (6.5 + 10 + 6) ÷ 3.
// 检查 (awards, so out of what is earned): 甲县 1 − 2 村 × 3 次 × 0.1; 乙县 否 → 0 earned; 丙园区 1 − 0.1;
// 丁县 未涉及 → the highest of the others, 0.9.
const WANT: Record<string, { total: string; scores: Record<string, string> }> = {
  丙园区: { total: "13.4", scores: { "1": "7.5", "2": "5", "3": "0.9" } },
  乙县: { total: "13", scores: { "1": "10", "2": "3", "3": "0" } },
  甲县: { total: "11.9", scores: { "1": "6.5", "2": "5", "3": "0.4" } },
  丁县: { total: "9.9", scores: { "1": "6", "2": "3", "3": "0.9" } },
};

describe("constructs once refused by the SQL target", () => {
  it("JS, DuckDB and PostgreSQL give the hand-computed scores", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    writeFileSync(join(dir, "facts.csv"), CSV);
    const a = analyzeCatalogue(join(dir, "细则.kp"), nodeHost);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ir = lower(a.catalogue);
    expect(ir.columns.map((c) => `${c.name}:${c.type}`)).toEqual(expect.arrayContaining(["问题:amounts", "评定:text", "抽查:items", "检查.未涉及:flag"]));
    const mod = await importCompiledModule(compileCatalogue(a.catalogue).js);
    const rows = CSV.trim().split("\n").map((l) => l.split(","));
    const units = rows.slice(1).map((r) => ({ name: r[0]!, classes: r[1]!, facts: Object.fromEntries(rows[0]!.slice(2).map((k, i) => [k, r[i + 2]!])) }));
    const check = (engine: string, got: { unit: string; total: string; scores: Record<string, string> }[]) => {
      expect(got.map((g) => g.unit), engine).toEqual(Object.keys(WANT));
      for (const g of got) expect({ total: g.total, scores: g.scores }, `${engine} ${g.unit}`).toEqual(WANT[g.unit]);
    };
    check(
      "JS",
      mod.scoreAll(units).map((r) => ({ unit: r.unit, total: r.total, scores: Object.fromEntries((r.indicators ?? []).map((i) => [i.id, i.score])) })),
    );
    const awards = awardMaxima(a.catalogue);
    check("DuckDB", await scoreWithDuckDb(ir, join(dir, "facts.csv"), { awards }));
    if (!postgresAvailable()) return;
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    try {
      await client.connect();
      await loadFactsTable(client, ir, join(dir, "facts.csv"), "facts", { awards });
      check("PostgreSQL", await scoreWithPostgres(ir, { db: server.url, table: "facts" }));
    } finally {
      await client.end();
      server.stop();
    }
  }, 120_000);

  it("KP8001: a construct not lowered, at its node, in Chinese", () => {
    const d = lowerDiagnostic(new LowerError("按计算得分排名", "细则.kp", { start: { line: 5, column: 2, offset: 40 }, end: { line: 5, column: 30, offset: 68 } }));
    expect(d.code).toBe("KP8001");
    expect(d.severity).toBe("error");
    expect(d.file).toBe("细则.kp");
    expect(d.span.start).toEqual({ line: 5, column: 2, offset: 40 });
    expect(d.message).toBe("SQL 目标暂不支持按计算得分排名：请用 JavaScript 计分（kp compile 默认目标，kp score 默认引擎）");
  });
});
