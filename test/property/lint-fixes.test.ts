/**
 * Property (issue 11 §2): no lint fix that `kp lint --fix` applies changes what a correct catalogue
 * computes.  Fixes that can change scores are suggestions (isSuggestion) and are not applied by --fix;
 * this test holds every other fix to the promise.
 *
 * Catalogues: the pattern corpus (test/patterns/*, each with the facts of its units), a few
 * hand-written catalogues aimed at the fixes' edges (awards that start an indicator above its points,
 * overlapping bands in both orders, caps above the points), and generated catalogues (kp-gen.ts,
 * valid by construction).  For each catalogue: lint it; apply each safe fix alone, then all --fix
 * edits together (in rounds, as the CLI does); the fixed catalogue must check without errors; compile
 * before and after and score the same facts — the corpus's own facts and random ones (generated per
 * fact key of the model; a value the module rejects is put back) — every unit's total, exact total,
 * rank, grade, vetoes, bonus, penalty and indicator scores must be equal.
 *
 * Seeds: KP_LINT_FIX_SEED (default fixed), runs: KP_LINT_FIX_RUNS (generated catalogues, default 40).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, type Analysis, type Diagnostic, type FactKey, type TextEdit } from "@kaoping/core";
import { applyFixes, fixEditsFor, isSuggestion, lintAnalysis } from "@kaoping/lint";
import { describeDiagnostics, flatScores, importModule, memoryHost, type ModuleResult, type ScoringModule } from "./harness.js";
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL } from "./kp-gen.js";

const SEED = Number(process.env.KP_LINT_FIX_SEED ?? 20261204);
const RUNS = Number(process.env.KP_LINT_FIX_RUNS ?? 40);
const RANDOM_FACT_SETS = 6;

type Files = Map<string, string>;
type Unit = { name: string; classes?: string[] | string; facts: Record<string, unknown> };
type Rng = ReturnType<typeof drawFromSeed>;

function analyse(files: Files, root: string): Analysis {
  return analyzeCatalogue(root, memoryHost(files));
}

function errorsOf(a: Analysis): Diagnostic[] {
  return a.diagnostics.filter((d) => d.severity === "error");
}

async function compile(files: Files, root: string): Promise<{ mod: ScoringModule; analysis: Analysis }> {
  const analysis = analyse(files, root);
  const errors = errorsOf(analysis);
  if (errors.length) throw new Error(`catalogue has errors:\n${describeDiagnostics(errors)}\n${show(files)}`);
  return { mod: await importModule(compileCatalogue(analysis.catalogue, { version: "test" }).js), analysis };
}

function show(files: Files): string {
  return [...files].map(([p, t]) => `=== ${p}\n${t}`).join("\n");
}

/** Applies edits (each with its file) to a copy of the files. */
function applyEdits(files: Files, edits: readonly TextEdit[], file: string): Files {
  const out = new Map(files);
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const f = e.file ?? file;
    byFile.set(f, [...(byFile.get(f) ?? []), e]);
  }
  for (const [f, es] of byFile) out.set(f, applyFixes(out.get(f)!, es));
  return out;
}

/** What --fix does: every file's first safe fixes, linted again, in rounds. */
function fixAll(files: Files, root: string): Files {
  let cur = files;
  for (let round = 0; round < 5; round++) {
    const a = analyse(cur, root);
    const diags = lintAnalysis(a);
    let next = cur;
    for (const f of cur.keys()) {
      const edits = fixEditsFor(diags, f);
      if (edits.length) next = new Map(next).set(f, applyFixes(next.get(f)!, edits));
    }
    if ([...next].every(([p, t]) => cur.get(p) === t)) return cur;
    cur = next;
  }
  return cur;
}

/** A random value for a fact key, or undefined to keep the unit's own. */
function randomFact(d: Rng, k: FactKey): unknown {
  const f = k.fact;
  const dec = (max: number) => (d.bool(0.5) ? String(d.int(0, max)) : (d.int(0, max * 100) / 100).toFixed(2));
  switch (f.type) {
    case "count":
      return d.int(0, 9);
    case "flag":
      return d.bool();
    case "value":
      if (f.percent) return `${dec(100)}%`;
      return f.integer ? d.int(0, 20) : dec(200);
    case "rate":
      return `${dec(100)}%`;
    case "score":
      return (Math.floor(d.int(0, Number(f.max) / 10_000)) / 100).toFixed(2);
    case "amount":
      return d.bool(0.3) ? 0 : (d.int(Math.ceil(Number(f.min) / 10_000), Math.floor(Number(f.max) / 10_000)) / 100).toFixed(2);
    case "award":
      return d.pick(["是", "否"]);
    default:
      return undefined;
  }
}

/** Units with random facts for every key of the model; values the module rejects are put back. */
function randomUnits(d: Rng, mod: ScoringModule, a: Analysis, base: readonly Unit[]): Unit[] {
  const keys = a.catalogue.rules.flatMap((r) => r.facts);
  const units = base.map((u) => {
    const facts = { ...u.facts };
    for (const k of keys) {
      if (d.bool(0.2)) continue;
      const v = randomFact(d, k);
      if (v !== undefined) facts[k.key] = v;
    }
    return { ...u, facts };
  });
  for (let i = 0; i < 3; i++) {
    const problems = mod.checkFacts(units);
    if (problems.length === 0) break;
    for (const p of problems) {
      const u = units.find((x) => x.name === p.unit);
      const orig = base.find((x) => x.name === p.unit);
      if (!u || !p.key) continue;
      const key = keys.find((k) => p.key === k.key || p.key!.startsWith(`${k.key}.`))?.key ?? p.key;
      if (orig && key in orig.facts) u.facts[key] = orig.facts[key];
      else delete u.facts[key];
    }
  }
  return mod.checkFacts(units).length === 0 ? units : [...base];
}

function projection(rs: readonly ModuleResult[]): unknown {
  return rs.map((r) => ({
    unit: r.unit,
    total: r.total,
    exactTotal: r.exactTotal,
    rank: r.rank,
    grade: r.grade,
    vetoes: r.vetoes.map((v) => `${v.rule}:${v.level}`).sort(),
    bonus: r.bonus,
    penalty: r.penalty,
    scores: [...flatScores(r.indicators)].sort(),
  }));
}

const stats = { catalogues: 0, single: 0, together: 0, suggestions: 0, byCode: new Map<string, number>() };

/**
 * The property on one catalogue: each safe fix alone and all --fix edits together leave a catalogue
 * that checks and scores every fact set exactly as before.
 */
async function checkCatalogue(label: string, files: Files, root: string, factSets: Unit[][], d: Rng): Promise<void> {
  const before = await compile(files, root);
  const diags = lintAnalysis(before.analysis);
  const sets = [...factSets];
  for (let i = 0; i < RANDOM_FACT_SETS && factSets[0]; i++) sets.push(randomUnits(d, before.mod, before.analysis, factSets[0]));
  // facts a 参照 to an empty pool refuses (KP4050: no unit to average) have no scores to compare
  const scored = sets.filter((units) => !before.mod.checkFacts(units).some((e) => e.code === "KP4050"));
  sets.splice(0, sets.length, ...scored);
  const want = sets.map((units) => projection(before.mod.scoreAll(units)));
  stats.catalogues++;

  const same = async (after: Files, what: string) => {
    const a = analyse(after, root);
    expect(describeDiagnostics(errorsOf(a)), `${label}: ${what} leaves errors\n${show(after)}`).toBe("");
    const { mod } = await compile(after, root);
    sets.forEach((units, i) => {
      expect(projection(mod.scoreAll(units)), `${label}: ${what} changed the scores of facts\n${JSON.stringify(units)}\n--- before\n${show(files)}\n--- after\n${show(after)}`).toEqual(want[i]);
    });
  };

  for (const diag of diags) {
    for (const fix of diag.fixes ?? []) {
      if (isSuggestion(fix)) {
        stats.suggestions++;
        continue;
      }
      await same(applyEdits(files, fix.edits, diag.file!), `${diag.code} fix「${fix.title}」`);
      stats.single++;
      stats.byCode.set(diag.code, (stats.byCode.get(diag.code) ?? 0) + 1);
    }
  }
  const all = fixAll(files, root);
  if ([...all].some(([p, t]) => files.get(p) !== t)) {
    await same(all, "--fix (all safe fixes together)");
    stats.together++;
  }
}

const patternsDir = resolve(__dirname, "../patterns");

/** Catalogues at the edges of the safe fixes (each is correct as written: the property is that --fix keeps its scores). */
const edgeCases: { name: string; text: string; facts: Unit[] }[] = [
  {
    // Awards can start the indicator above its points: 上限 本项分值 on the deduction would bind first.
    name: "awards-above-points",
    text: "细则 「边界」\n指标 「a」 2分 {\n  规则 「扣」 「每次扣0.5分」\n    每次 扣 0.5\n  规则 「奖」 「获表彰的得1.5分」\n    得 1.5\n  规则 「奖二」 「获表彰的得1.5分」\n    得 1.5\n}\n",
    facts: [{ name: "甲", facts: { 扣: 5, 奖: "是", 奖二: "是" } }, { name: "乙", facts: { 扣: 3, 奖: "否" } }],
  },
  {
    // A rule cap above the points in an indicator whose awards can exceed them.
    name: "cap-above-points-with-awards",
    text: "细则 「边界」\n指标 「a」 2分 {\n  规则 「扣」 「每次扣0.5分，最多扣3分」\n    每次 扣 0.5 上限 3\n  规则 「奖」 「获表彰的得1.5分」\n    得 1.5\n  规则 「奖二」 「获表彰的得1.5分」\n    得 1.5\n}\n",
    facts: [{ name: "甲", facts: { 扣: 5, 奖: "是", 奖二: "是" } }],
  },
  {
    // A cap above the points in a plain indicator, and one above the most the rule can deduct.
    name: "ineffective-caps",
    text: "细则 「边界」\n指标 「a」 2分 {\n  规则 「扣」 「每次扣0.5分，最多扣3分」\n    每次 扣 0.5 上限 3\n  规则 「一次」 「发生的扣0.5分，最多扣1分」\n    扣 0.5 上限 1\n}\n",
    facts: [{ name: "甲", facts: { 扣: 5, 一次: true } }],
  },
  {
    // Bands overlapping at one value, the first-written band below and above.
    name: "band-overlaps",
    text:
      "细则 「边界」\n指标 「a」 2分 {\n  规则 「甲率」 「完成率98%以上得0.2分、92%—98%得0.1分」\n    分段 {\n      ≥ 98% 得 0.2\n      [92%, 98%] 得 0.1\n    }\n" +
      "  规则 「乙率」 「完成率92%—98%得0.1分、98%以上得0.2分」\n    分段 {\n      [92%, 98%] 得 0.1\n      ≥ 98% 得 0.2\n    }\n}\n",
    facts: [{ name: "甲", facts: { 甲率: "98%", 乙率: "98%" } }, { name: "乙", facts: { 甲率: "95%", 乙率: "99%" } }],
  },
  {
    // A one-value band overlapping the band written first: taking the value from it would empty it
    // (KP2009) — a counterexample the generated catalogues found.
    name: "one-value-band-overlap",
    text: "细则 「边界」\n指标 「a」 2分 {\n  规则 「丙率」 「完成率98%以上得0.2分，98%得0.1分」\n    分段 {\n      [98%, 100%] 得 0.2\n      [98%, 98%] 得 0.1\n    }\n}\n",
    facts: [{ name: "甲", facts: { 丙率: "98%" } }],
  },
  {
    // The clause says how a missing value scores: adding that 未报送 band leaves every given value's score.
    name: "missing-case-band",
    text: "细则 「边界」\n指标 「a」 2分 {\n  规则 「完成率」 「完成目标的75%以上，扣0.2分；75%以下，扣0.8分；未报送信息的，扣2分」\n    分段 {\n      [75%, 100%) 扣 0.2\n      < 75% 扣 0.8\n    }\n}\n",
    facts: [{ name: "甲", facts: { 完成率: "80%" } }, { name: "乙", facts: { 完成率: "10%" } }],
  },
  {
    // A rule cap above its 合计 group's cap, in an indicator whose awards can exceed its points.
    name: "cap-above-group",
    text:
      "细则 「边界」\n指标 「a」 2分 {\n  合计 上限 1 {\n    规则 「扣」 「每次扣0.5分，最多扣1.5分，合计最多扣1分」\n      每次 扣 0.5 上限 1.5\n    规则 「扣二」 「每次扣0.2分，合计最多扣1分」\n      每次 扣 0.2\n  }\n" +
      "  规则 「奖」 「获表彰的得1.5分」\n    得 1.5\n  规则 「奖二」 「获表彰的得1.5分」\n    得 1.5\n}\n",
    facts: [{ name: "甲", facts: { 扣: 4, 扣二: 3, 奖: "是", 奖二: "是" } }],
  },
];

describe("lint fixes keep the scores of a correct catalogue", () => {
  const d = drawFromSeed(SEED);

  it("on the pattern corpus (each safe fix alone, and --fix)", { timeout: 300_000 }, async () => {
    for (const dir of readdirSync(patternsDir).filter((x) => /^\d\d-/.test(x)).sort()) {
      const folder = join(patternsDir, dir);
      const files: Files = new Map(readdirSync(folder).filter((f) => f.endsWith(".kp")).map((f) => [join(folder, f), readFileSync(join(folder, f), "utf8")]));
      const facts = JSON.parse(readFileSync(join(folder, "facts.json"), "utf8")) as { units: Unit[] };
      await checkCatalogue(dir, files, join(folder, "catalogue.kp"), [facts.units.map((u) => ({ ...u, facts: u.facts ?? {} }))], d);
    }
  });

  it("on catalogues at the edges of the safe fixes", { timeout: 120_000 }, async () => {
    for (const c of edgeCases) await checkCatalogue(c.name, new Map([["/edge/细则.kp", c.text]]), "/edge/细则.kp", [c.facts], d);
  });

  it(`on ${RUNS} generated catalogues`, { timeout: 600_000 }, async () => {
    for (let i = 0; i < RUNS; i++) {
      const seed = d.int(0, 0x7fffffff);
      const g = drawFromSeed(seed);
      const cat = genCatalogue(g, UNIT_POOL);
      const rendered = renderCatalogue(cat, genStyle(g));
      const files: Files = new Map(rendered.map((f) => [f.path, f.text]));
      const sets: Unit[][] = [];
      for (let k = 0; k < 4; k++) sets.push(genUnits(g, cat, g.int(1, 5)).map((u) => encodeUnit(g, cat, u)));
      await checkCatalogue(`generated (seed ${seed})`, files, rendered[0]!.path, sets, g);
    }
  });

  it("exercised safe fixes of several rules (the property is not vacuous)", () => {
    // Printed for the report; the codes are those whose fixes --fix applies.
    console.log(`lint-fixes: ${stats.catalogues} catalogues, ${stats.single} single safe fixes, ${stats.together} --fix runs, ${stats.suggestions} suggestions not applied; by code ${JSON.stringify([...stats.byCode].sort())}`);
    expect(stats.single).toBeGreaterThan(0);
    expect(stats.together).toBeGreaterThan(0);
    expect(stats.byCode.size).toBeGreaterThanOrEqual(3);
  });
});
