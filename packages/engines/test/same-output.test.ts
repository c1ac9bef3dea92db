/**
 * Same output (property): for generated catalogues (test/property's generator) and random facts
 * written to a CSV file, DuckDB's rows turned into the module's result shape (unitResultOf) are,
 * as JSON text, exactly the JS engine's results on the same file (the facts reader kp score uses,
 * then the module's scoreAll): every key in order — classes, vetoes with their clauses, the
 * indicator tree with each unit's points and lost points, bonus, penalty.  `kp score --engine
 * duckdb` prints both with the same code, so its CSV, JSON and table equal the JS engine's.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasErrors, lower, type CatalogueMeta } from "@kaoping/core";
import { loadFacts } from "@kaoping/facts";
import { awardMaxima, scoreWithDuckDb, unitResultOf } from "@kaoping/engines";
import { drawFromSeed, emptyPools, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL } from "../../../test/property/kp-gen.js";
import { compileRendered, importModule } from "../../../test/property/harness.js";
import { csvOf } from "./facts-csv.js";

const RUNS = Number(process.env.KP_SAME_OUTPUT_RUNS ?? 120);
const dir = mkdtempSync(join(tmpdir(), "kp-same-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DuckDB's results in the module's shape = the JS engine's, as JSON text", () => {
  it(`on ${RUNS} seeds`, { timeout: 1_800_000 }, async () => {
    let cases = 0;
    let vetoed = 0;
    let classPoints = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const d = drawFromSeed(seed * 6151);
      const cat = genCatalogue(d, UNIT_POOL);
      const files = renderCatalogue(cat, genStyle(d));
      const { js, analysis } = compileRendered(files);
      const ir = lower(analysis.catalogue);
      const mod = await importModule(js);
      for (let k = 0; k < 2; k++) {
        const units = genUnits(d, cat, d.int(1, 8));
        if (emptyPools(cat, units).length > 0) continue;
        const keys = [...new Set(ir.columns.filter((c) => c.type !== "ids").map((c) => c.key))];
        const file = join(dir, `s${seed}-${k}.csv`);
        const text = csvOf(units, keys);
        writeFileSync(file, text);
        const facts = await loadFacts(file, mod.catalogue as unknown as CatalogueMeta);
        if (hasErrors(facts.diagnostics) || mod.checkFacts(facts.units).length > 0) continue;
        const want = JSON.stringify(mod.scoreAll(facts.units), null, 2);
        const rows = await scoreWithDuckDb(ir, file, { awards: awardMaxima(analysis.catalogue), detail: true });
        const classes = new Map(rows.map((r) => [r.unit, r.classes ?? []] as const));
        const got = JSON.stringify(rows.map(unitResultOf(analysis.catalogue, ir, (u) => classes.get(u) ?? [])), null, 2);
        const context = `seed ${seed * 6151} set ${k}\n${files.map((f) => `=== ${f.path}\n${f.text}`).join("\n")}\n=== facts\n${text}`;
        expect(got, context).toBe(want);
        cases++;
        if (want.includes('"level"')) vetoed++;
        if (analysis.catalogue.indicators.some(function cp(i): boolean { return i.classPoints !== undefined || i.children.some(cp); })) classPoints++;
      }
    }
    // eslint-disable-next-line no-console
    console.log(`same output: ${cases} fact sets on ${RUNS} catalogues (${vetoed} with vetoes, ${classPoints} with points by class)`);
    expect(cases).toBeGreaterThan(RUNS);
    expect(vetoed).toBeGreaterThan(0);
  });
});
