/**
 * One semantics (property): for generated catalogues (test/property's generator) and random facts,
 * the compiled JS module and DuckDB give the same results for every unit — every indicator score,
 * the exact and rounded totals, bonus, penalty, rank and grade, as exact decimal strings.
 *
 * Every generated catalogue must lower (no KP8001): the generator produces every construct of the
 * language, and the SQL target lowers them all.  The facts go to the module as the generator encodes
 * them (every value form), to DuckDB as a CSV file, and to PostgreSQL as a typed table.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factSpecs, LowerError, lower, type UnitInput } from "@kaoping/core";
import { awardMaxima, scoreWithDuckDb, scoreWithPostgres, type EngineResult } from "@kaoping/engines";
import { loadFactsTable } from "./pg-load.js";
import { postgresAvailable, startPostgres, type PgServer } from "./pg-server.js";
import { drawFromSeed, emptyPools, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL } from "../../../test/property/kp-gen.js";
import { compileRendered, flatScores, importModule } from "../../../test/property/harness.js";
import { csvOf } from "./facts-csv.js";

const RUNS = Number(process.env.KP_SQL_PROP_RUNS ?? 400);
const dir = mkdtempSync(join(tmpdir(), "kp-sql-prop-"));
let server: PgServer | undefined;
let client: pg.Client | undefined;
beforeAll(async () => {
  if (!postgresAvailable()) return;
  server = await startPostgres();
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("DuckDB = PostgreSQL = the JS module on generated catalogues", () => {
  it(`on ${RUNS} seeds`, { timeout: 1_800_000 }, async () => {
    let lowered = 0;
    let cases = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const d = drawFromSeed(seed * 7919);
      const cat = genCatalogue(d, UNIT_POOL);
      const files = renderCatalogue(cat, genStyle(d));
      const { js, analysis } = compileRendered(files);
      let ir;
      try {
        ir = lower(analysis.catalogue);
      } catch (e) {
        if (e instanceof LowerError) throw new Error(`KP8001 ${e.construct}: seed ${seed * 7919}\n${files.map((f) => `=== ${f.path}\n${f.text}`).join("\n")}`);
        throw e;
      }
      lowered++;
      const mod = await importModule(js);
      for (let k = 0; k < 2; k++) {
        const units = genUnits(d, cat, d.int(1, 6));
        if (emptyPools(cat, units).length > 0) continue;
        const json = units.map((u) => encodeUnit(d, cat, u));
        const want = mod.scoreAll(json);
        const keys = [...new Set(ir.columns.filter((c) => c.type !== "ids").map((c) => c.key))];
        const file = join(dir, `s${seed}-${k}.csv`);
        writeFileSync(file, csvOf(units, keys));
        const context = `seed ${seed * 7919} set ${k}\n${files.map((f) => `=== ${f.path}\n${f.text}`).join("\n")}\n=== facts\n${csvOf(units, keys)}`;
        const awards = awardMaxima(analysis.catalogue);
        const engines: [string, EngineResult[]][] = [["DuckDB", await scoreWithDuckDb(ir, file, { awards })]];
        if (client && server) {
          await loadFactsTable(client, ir, file, "facts", { awards });
          // with the facts reader's checks on the table: valid facts must pass them (no false alarm)
          const checks = { specs: factSpecs(analysis.catalogue), classes: [...mod.catalogue.classes], check: (u: UnitInput[]) => mod.checkFacts(u) };
          const pgRows = await scoreWithPostgres(ir, { db: server.url, table: "facts", checks }).catch((e: unknown) => {
            throw new Error(`${JSON.stringify((e as { problems?: unknown }).problems ?? String(e))}\n${context}`);
          });
          engines.push(["PostgreSQL", pgRows]);
        }
        for (const [engine, got] of engines) {
        expect(got.map((g) => g.unit), `${engine}\n${context}`).toEqual(want.map((w) => w.unit));
        for (const w of want) {
          const g = got.find((x) => x.unit === w.unit)!;
          expect({ total: g.total, exactTotal: g.exactTotal, rank: g.rank, grade: g.grade, bonus: g.bonus, penalty: g.penalty }, `${engine} unit ${w.unit}\n${context}`).toEqual({
            total: w.total,
            exactTotal: w.exactTotal,
            rank: w.rank,
            grade: w.grade,
            bonus: w.bonus,
            penalty: w.penalty,
          });
          expect(new Map(Object.entries(g.scores)), `${engine} unit ${w.unit}\n${context}`).toEqual(flatScores(w.indicators));
        }
        }
        cases++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(`SQL property: ${lowered}/${RUNS} catalogues lowered, ${cases} fact sets compared on DuckDB${server ? " and PostgreSQL" : ""}`);
    expect(lowered).toBe(RUNS);
    expect(cases).toBeGreaterThan(0);
  });
});
