/**
 * Property: for generated valid catalogues and facts, the compiled module's totals, ranks, grades,
 * per-indicator scores, bonus and penalty equal those of an independent exact reference
 * (reference.ts, BigInt arithmetic over the generator's description).
 *
 * Each run draws one catalogue (rendered in a random layout, sometimes over several files), checks it
 * with core (no errors allowed: a generator that makes invalid catalogues is a bug here), compiles and
 * imports it, then scores FACT_SETS independent sets of 1–6 units.  Cases = runs × FACT_SETS.
 *
 * Each case is drawn from a seeded PRNG (drawing through fc.gen() costs more than compiling): the
 * counterexample fast-check prints is that seed, and the failure message carries the whole catalogue
 * and facts.  The fast-check seed is printed at the start; reproduce with KP_FC_SEED=<that seed> (same
 * runs, see seed.ts) or replay one case seed with `npx tsx scripts/fuzz.ts --replay-case <case seed>`.
 * More runs: KP_PROP_RUNS=<n>.  No time cap: all runs always run (seed.ts says why).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, dec, KNOWN_BUGS, UNIT_POOL } from "./kp-gen.js";
import { compileRendered, flatScores, importModule, type ModuleResult } from "./harness.js";
import { emptyPools, formatTotal, referenceScore } from "./reference.js";
import { PROPERTY_TIMEOUT, propertyParams } from "./seed.js";

const RUNS = Number(process.env.KP_PROP_RUNS ?? 1250);
const FACT_SETS = 8;

let cases = 0;
/** Cases also scored batch by batch (createScorer). */
let streamedCases = 0;
/** … of which with a first pass (rules across units on facts). */
let twoPassCases = 0;
/** One case = one seed; shrinking a seed means nothing. */
const caseSeed = fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff }));

describe("compiled scoring equals the exact reference", () => {
  it(`on ${RUNS} generated catalogues × ${FACT_SETS} fact sets`, { timeout: PROPERTY_TIMEOUT }, async () => {
    const params: fc.Parameters<[number]> = propertyParams("scoring", RUNS);
    await fc.assert(
      fc.asyncProperty(caseSeed, async (seed) => {
        const d = drawFromSeed(seed);
        const cat = genCatalogue(d, UNIT_POOL);
        const files = renderCatalogue(cat, genStyle(d));
        const { js } = compileRendered(files);
        const mod = await importModule(js);
        for (let k = 0; k < FACT_SETS; k++) {
          // a few fact sets may leave a 参照's pool empty: their refusal (KP4050) is checked too
          const units = genUnits(d, cat, d.int(1, 6), { emptyPools: d.bool(0.25) });
          const json = units.map((u) => encodeUnit(d, cat, u));
          const trace = d.bool(0.2);
          const context = () => `case seed ${seed}\n${files.map((f) => `=== ${f.path}\n${f.text}`).join("\n")}\n=== facts\n${JSON.stringify(json, null, 1)}`;
          // a 参照 whose pool is empty for some unit: the facts are refused (KP4050), for exactly those units
          const empty = emptyPools(cat, units);
          if (empty.length > 0) {
            const errs = mod.checkFacts(json);
            expect(errs.map((e) => e.code), context()).toEqual(errs.map(() => "KP4050"));
            expect([...new Set(errs.map((e) => e.unit))].sort(), context()).toEqual([...new Set(empty)].sort());
            expect(() => mod.scoreAll(json), context()).toThrow("KP4050");
            cases++;
            continue;
          }
          let got: ModuleResult[];
          try {
            got = mod.scoreAll(json, { trace });
          } catch (e) {
            throw new Error(`scoreAll threw ${String(e)}\n${context()}`);
          }
          const want = referenceScore(cat, units);
          expect(got.length, context()).toBe(want.length);
          for (const w of want) {
            const r = got.find((x) => x.unit === w.unit);
            const where = `unit ${w.unit}\n${context()}`;
            expect(r, where).toBeDefined();
            expect(r!.exactTotal, `exact total, ${where}`).toBe(dec(w.total));
            expect(r!.total, `total, ${where}`).toBe(formatTotal(w.rounded, cat.rounding));
            expect(r!.rank, `rank, ${where}`).toBe(w.rank);
            expect(r!.grade, `grade, ${where}`).toBe(w.grade);
            expect(r!.bonus, `bonus, ${where}`).toBe(dec(w.bonus));
            expect(r!.penalty, `penalty, ${where}`).toBe(dec(w.penalty));
            expect(r!.vetoes.map((v) => `${v.rule}:${v.level}`).sort(), `vetoes, ${where}`).toEqual(w.vetoes.map((v) => `${v.rule}:${v.level}`).sort());
            const scores = flatScores(r!.indicators);
            for (const [id, s] of w.scores) {
              if (KNOWN_BUGS.notApplicableChildrenZero && w.notApplicableBelow.has(id)) continue;
              expect(scores.get(id), `indicator ${id}, ${where}`).toBe(dec(s));
            }
            expect(scores.size, where).toBe(w.scores.size);
          }
          // Order: by rank, ties by name.
          expect(got.map((x) => x.unit), context()).toEqual(want.map((x) => x.unit));
          // Batch by batch (kp score's stream; a first pass when rules across units need one): the same results.
          if (mod.streamable === true && mod.createScorer) {
            const size = d.int(1, 3);
            const parts: Omit<ModuleResult, "rank" | "grade">[] = [];
            const scorer = mod.createScorer((k, r) => (parts[k] = r));
            if (mod.passes === 2) for (let i = 0; i < json.length; i += size) scorer.survey(json.slice(i, i + size));
            for (let i = 0; i < json.length; i += size) scorer.add(json.slice(i, i + size));
            const { order, tied, gradeIndex, grades } = scorer.finish();
    // a place tied with the one before has its rank, else its own (k + 1)
    const rank: number[] = [];
    for (let k = 0; k < order.length; k++) rank[k] = k > 0 && (tied[k >> 3]! >> (k & 7)) & 1 ? rank[k - 1]! : k + 1;
            const streamed = [...order].map((k, i) => {
              const r = parts[k]!;
              return { unit: r.unit, classes: r.classes, total: r.total, exactTotal: r.exactTotal, rank: rank[i], grade: grades[gradeIndex[i]!] ?? null, vetoes: r.vetoes, indicators: r.indicators, bonus: r.bonus, penalty: r.penalty };
            });
            expect(JSON.stringify(streamed), `streamed, ${context()}`).toBe(JSON.stringify(mod.scoreAll(json)));
            streamedCases++;
            if (mod.passes === 2) twoPassCases++;
          }
          cases++;
        }
      }),
      params,
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS * FACT_SETS);
    console.log(`${streamedCases} of ${cases} cases also scored batch by batch (${twoPassCases} in two passes)`);
    // (the others have a ranking by a computed score or a pool 参照, or a fact set refused)
    expect(streamedCases).toBeGreaterThan(cases / 3);
    expect(twoPassCases).toBeGreaterThan(cases / 20);
  });
});
