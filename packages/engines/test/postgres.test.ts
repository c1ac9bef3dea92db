/**
 * PostgreSQL: rules/ scored in a real PostgreSQL 15 server (started here) over the documented typed
 * facts table gives examples/expected.json; results written back atomically; bad input (a missing
 * column, a wrong type, a server that is down, a wrong password) is a clear Chinese error and leaves
 * no partial results table.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, factSpecs, lower, nodeHost, type CatalogueMeta, type IrProgram, type UnitInput } from "@kaoping/core";
import { awardMaxima, EngineError, FactsTableError, scoreWithDuckDb, scoreWithPostgres, streamWithPostgres, unitResultOf, type EngineResult } from "@kaoping/engines";
import { loadFacts } from "@kaoping/facts";
import { analyzeOrThrow, memoryHost, rulesSources } from "../../../bench/src/catalogues.js";
import { generateUnits, unitsToCsv } from "../../../bench/src/gen-facts.js";
import { importModule } from "../../../test/property/harness.js";
import { loadFactsTable } from "./pg-load.js";
import { prerequisite } from "../../../test/prerequisite.js";
import { postgresAvailable, startPostgres, type PgServer } from "./pg-server.js";

const root = resolve(__dirname, "../../..");
let server: PgServer;
let ir: IrProgram;
let client: pg.Client;

async function loadTable(table: string, drop: string[] = [], retype: Record<string, string> = {}): Promise<void> {
  const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
  await loadFactsTable(client, ir, join(root, "examples/各县事实.csv"), table, { awards: awardMaxima(a.catalogue), drop, retype });
}

const enabled = prerequisite("PostgreSQL 15 (/usr/lib/postgresql/15/bin)", postgresAvailable(), "run `bash .ci/setup-postgres.sh`");

describe.skipIf(!enabled)("PostgreSQL engine", () => {
  beforeAll(async () => {
    server = await startPostgres();
    ir = lower(analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost).catalogue);
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await loadTable("各县事实");
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("gives expected.json on rules/ + examples/", async () => {
    const got = await scoreWithPostgres(ir, { db: server.url, table: "各县事实" });
    const expected = JSON.parse(readFileSync(join(root, "examples/expected.json"), "utf8")) as { unit: string; total: string; exactTotal: string; rank: number; grade: string | null; indicators: Record<string, string> }[];
    expect(got.map((g) => g.unit)).toEqual(expected.map((e) => e.unit));
    for (const e of expected) {
      const g = got.find((x) => x.unit === e.unit)!;
      expect({ total: g.total, exactTotal: g.exactTotal, rank: g.rank, grade: g.grade }).toEqual({ total: e.total, exactTotal: e.exactTotal, rank: e.rank, grade: e.grade });
      expect(g.scores).toEqual(e.indicators);
    }
  }, 60_000);

  it("writes the results into a table, replacing it atomically", async () => {
    await client.query(`CREATE TABLE "结果" (old INT)`);
    await scoreWithPostgres(ir, { db: server.url, table: "各县事实", write: "结果" });
    const r = await client.query(`SELECT "单位", "总分"::TEXT AS t, "名次" FROM "结果" ORDER BY "名次", "单位"`);
    expect(r.rows[0]).toEqual({ 单位: "××区", t: "49.930000", 名次: "1" });
    expect(r.rows).toHaveLength(11);
    const tables = await client.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%__kp_%'`);
    expect(tables.rows).toEqual([]);
  }, 60_000);

  it("streams the results through a cursor: 5,000 units in batches of at most 2,048 (and the ties that end one), in rank order, JS ties order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-pg-stream-"));
    try {
      const rulesSrc = rulesSources();
      const model = analyzeOrThrow(rulesSrc.root, memoryHost(rulesSrc.files), "rules/").catalogue;
      const file = join(dir, "facts.csv");
      writeFileSync(file, unitsToCsv(model, generateUnits(model, 5000, 31)));
      const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
      await loadFactsTable(client, ir, file, "大表", { awards: awardMaxima(a.catalogue) });
      const batches: number[] = [];
      const got: EngineResult[] = [];
      const n = await streamWithPostgres(ir, { db: server.url, table: "大表" }, (rows) => {
        batches.push(rows.length);
        got.push(...rows);
      });
      expect(n).toBe(5000);
      expect(batches.length).toBeGreaterThanOrEqual(3);
      // a batch holds at most one fetch plus the tied units carried over from the one before
      const perRank = new Map<number, number>();
      for (const r of got) perRank.set(r.rank, (perRank.get(r.rank) ?? 0) + 1);
      const ties = Math.max(...perRank.values());
      for (const b of batches) expect(b).toBeLessThanOrEqual(2048 + ties);
      // rank order; units of one rank by UTF-16 code units, as the JS module orders them
      for (let i = 1; i < got.length; i++) {
        const [p, q] = [got[i - 1]!, got[i]!];
        expect(p.rank < q.rank || (p.rank === q.rank && p.unit < q.unit), `${p.unit} / ${q.unit}`).toBe(true);
      }
      // the same as the DuckDB engine on the file
      const duck = await scoreWithDuckDb(ir, file, { awards: awardMaxima(a.catalogue) });
      expect(got).toEqual(duck);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("with detail, the rows in the module's shape are the JS engine's results on examples/ (JSON text)", async () => {
    const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
    const rows: EngineResult[] = [];
    await streamWithPostgres(ir, { db: server.url, table: "各县事实", detail: true }, (b) => rows.push(...b));
    const classes = new Map(rows.map((r) => [r.unit, r.classes ?? []] as const));
    const toUnit = unitResultOf(a.catalogue, ir, (u) => classes.get(u) ?? []);
    const mod = await importModule(compileCatalogue(a.catalogue).js);
    const facts = await loadFacts(join(root, "examples/各县事实.csv"), mod.catalogue as unknown as CatalogueMeta);
    expect(JSON.stringify(rows.map(toUnit), null, 2)).toBe(JSON.stringify(mod.scoreAll(facts.units), null, 2));
  }, 60_000);

  it("the facts reader's checks on the table (SQL finds the rows, the module's checks word them): each problem with its unit and column; nothing written", async () => {
    await loadTable("坏表");
    await client.query(`INSERT INTO "坏表" SELECT * FROM "坏表" WHERE "单位" = '青山县'`);
    await client.query(`UPDATE "坏表" SET "社会满意度" = 192.35 WHERE "单位" = '白水县'`);
    await client.query(`UPDATE "坏表" SET "参会" = -1 WHERE "单位" = '××区'`);
    await client.query(`UPDATE "坏表" SET "类别" = '{乡镇}' WHERE "单位" = '高新园区'`);
    const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
    const mod = await importModule(compileCatalogue(a.catalogue).js);
    const checks = { specs: factSpecs(a.catalogue), classes: [...mod.catalogue.classes], check: (u: UnitInput[]) => mod.checkFacts(u) };
    const err = await scoreWithPostgres(ir, { db: server.url, table: "坏表", checks, write: "结果4" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FactsTableError);
    const got = (err as FactsTableError).problems.map((p) => `${p.code} ${p.unit} ${p.column ?? ""} ${p.message}`).sort();
    expect(got).toEqual(
      [
        "KP4006 青山县  单位「青山县」重复出现",
        "KP4005 白水县 社会满意度 「社会满意度」的值 192.35 超出范围 [0, 100]",
        "KP4003 ××区 参会 「参会」的值「-1」应为非负整数（次数）",
        "KP4007 高新园区  单位「高新园区」的类别「乡镇」未在细则中声明",
      ].sort(),
    );
    expect((await client.query(`SELECT to_regclass('"结果4"') AS t`)).rows[0].t).toBeNull();
    // the same words as the JS reader gives a file with these cells
    const js = mod.checkFacts([{ name: "白水县", facts: { 社会满意度: "192.35%" } }]).map((e) => e.message);
    expect(js).toContain("「社会满意度」的值 192.35 超出范围 [0, 100]");
  }, 60_000);

  it("kp score --engine postgres (the CLI, a subprocess): the JS engine's CSV byte for byte; a table with bad facts: each problem with unit and column, exit 1, nothing written", () => {
    const cli = join(root, "packages/cli/dist/cli.js");
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const pgCsv = run(["score", "rules", "-", "--engine", "postgres", "--db", server.url, "--table", "各县事实", "--format", "csv"]);
    expect(pgCsv.stderr).toBe("");
    expect(pgCsv.stdout).toBe(run(["score", "rules", "examples/各县事实.csv", "--format", "csv"]).stdout);
    const dir = mkdtempSync(join(tmpdir(), "kp-pg-cli-"));
    try {
      const bad = run(["score", "rules", "-", "--engine", "postgres", "--db", server.url, "--table", "坏表", "-o", join(dir, "out.csv")]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("KP4005 事实表「坏表」，单位「白水县」，列「社会满意度」：「社会满意度」的值 192.35 超出范围 [0, 100]\n");
      expect(bad.stderr).toContain("KP4006 事实表「坏表」，单位「青山县」：单位「青山县」重复出现\n");
      expect(bad.stderr).toMatch(/事实表「坏表」有 4 个错误，无法计分。\n$/);
      expect(existsSync(join(dir, "out.csv"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a missing column: KP8011 naming it; nothing written", async () => {
    await loadTable("缺列", ["参会"]);
    const err = await scoreWithPostgres(ir, { db: server.url, table: "缺列", write: "结果2" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe("KP8011");
    expect((err as EngineError).message).toContain("「参会」");
    expect((await client.query(`SELECT to_regclass('"结果2"') AS t`)).rows[0].t).toBeNull();
  }, 60_000);

  it("a wrong type: KP8024 in Chinese; nothing written", async () => {
    await loadTable("错类型", [], { 参会: "TEXT" });
    const err = await scoreWithPostgres(ir, { db: server.url, table: "错类型", write: "结果3" }).catch((e: unknown) => e);
    expect((err as EngineError).code).toBe("KP8024");
    expect((err as EngineError).message).toMatch(/列类型不对/);
    expect((await client.query(`SELECT to_regclass('"结果3"') AS t`)).rows[0].t).toBeNull();
  }, 60_000);

  it("a wrong password: KP8021; a server that is down: KP8020", async () => {
    const wrong = server.url.replace("kp-secret", "nope");
    expect(((await scoreWithPostgres(ir, { db: wrong, table: "各县事实" }).catch((e: unknown) => e)) as EngineError).code).toBe("KP8021");
    const down = `postgres://kp:kp-secret@127.0.0.1:1/kp`;
    const e = (await scoreWithPostgres(ir, { db: down, table: "各县事实" }).catch((x: unknown) => x)) as EngineError;
    expect(e.code).toBe("KP8020");
    expect(e.message).toContain("连不上数据库");
  }, 60_000);
});
