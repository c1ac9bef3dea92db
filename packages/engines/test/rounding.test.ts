/**
 * The one rounding rule on every engine: half away from zero, at the places the catalogue says
 * (舍入 保留 1 位: 0.75 → 0.8, −0.75 → −0.8, 0.25 → 0.3, −0.25 → −0.3) and at the sixth decimal of
 * a division (按比率: 1 × 0.00005% → 0.0000005 → 0.000001).  DuckDB and PostgreSQL equal the JS
 * module, and the values are the ones written here by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, importCompiledModule, lower, nodeHost } from "@kaoping/core";
import { scoreWithDuckDb, scoreWithPostgres } from "@kaoping/engines";
import { loadFactsTable } from "./pg-load.js";
import { postgresAvailable, startPostgres } from "./pg-server.js";

const dir = mkdtempSync(join(tmpdir(), "kp-round-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KP = `细则 「舍入」
舍入 保留 1 位
指标 「甲」 1 分 {
  规则 「迟报」 「迟报每次扣0.25分」 每次 扣 0.25 倒扣
}
指标 「乙」 1 分 {
  规则 「完成率」 「按完成率得分」 按比率 得分 满分 1
}
`;
const CSV = `单位,迟报,完成率
正五,1,0
负五,7,0
正二五,3,0
负二五,5,0
七位,4,0.00005%
`;
// total = 甲 − carry + 乙: 1 − 0.25n (carried below 0) + rate
const WANT: Record<string, [string, string]> = {
  正五: ["0.8", "0.75"],
  负五: ["-0.8", "-0.75"],
  正二五: ["0.3", "0.25"],
  负二五: ["-0.3", "-0.25"],
  七位: ["0.0", "0.000001"],
};

describe("half away from zero on every engine", () => {
  it("JS, DuckDB and PostgreSQL give the hand-computed totals", async () => {
    writeFileSync(join(dir, "细则.kp"), KP);
    writeFileSync(join(dir, "facts.csv"), CSV);
    const a = analyzeCatalogue(join(dir, "细则.kp"), nodeHost);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const mod = await importCompiledModule(compileCatalogue(a.catalogue).js);
    const units = CSV.trim().split("\n").slice(1).map((l) => l.split(",")).map(([name, late, rate]) => ({ name: name!, facts: { 迟报: late, 完成率: rate } }));
    const js = mod.scoreAll(units);
    for (const r of js) expect([r.total, r.exactTotal], `JS ${r.unit}`).toEqual(WANT[r.unit]);
    const ir = lower(a.catalogue);
    const duck = await scoreWithDuckDb(ir, join(dir, "facts.csv"));
    for (const r of duck) expect([r.total, r.exactTotal], `DuckDB ${r.unit}`).toEqual(WANT[r.unit]);
    if (!postgresAvailable()) return;
    const server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    try {
      await client.connect();
      await loadFactsTable(client, ir, join(dir, "facts.csv"), "facts");
      const got = await scoreWithPostgres(ir, { db: server.url, table: "facts" });
      for (const r of got) expect([r.total, r.exactTotal], `PostgreSQL ${r.unit}`).toEqual(WANT[r.unit]);
    } finally {
      await client.end();
      server.stop();
    }
  }, 120_000);
});
