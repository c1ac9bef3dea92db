/**
 * Figure 3 — scoring throughput: the compiled seed catalogue (rules/) scoring synthetic units, against
 * (a) the hand-written float scorer (handwritten.js) and (b) the model-walking interpreter
 * (interpreter.ts).  All three take the same unit objects and must agree: the compiled module and the
 * interpreter exactly (totals, exact totals, ranks, grades, vetoes), the hand-written one to the cent
 * (totals as rounded to 2 decimals, ranks, grades).  A disagreement throws: the bench fails.
 *
 * The same agreement is checked (untimed) on a generated catalogue that uses every rule kind, so the
 * compiler's output is compared with an independent implementation of the semantics on each run.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { compileCatalogue, type Catalogue } from "../core.js";
import { generateCatalogue } from "../gen-catalogue.js";
import { generateUnits, type Unit } from "../gen-facts.js";
import { scoreAllHandwritten, type HandwrittenResult } from "../handwritten.js";
import { Interpreter, type UnitResult } from "../interpreter.js";
import { consume, interleaved, timeOnce, type RunPlan } from "../measure.js";
import { ms, type Figure } from "../report.js";

/** What a compiled module exports (the parts the bench uses). */
interface CompiledModule {
  scoreAll(units: unknown, options?: { detail?: boolean; trace?: boolean }): CompiledResult[];
}
interface CompiledResult {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: string }[];
  trace?: { rule?: string; kind: string; amount: string }[];
}

/** Compiles a catalogue and imports the module (written to a temporary directory). */
export async function importCompiled(cat: Catalogue, name: string): Promise<{ mod: CompiledModule; evalOnly: CompiledModule | undefined; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "kp-bench-"));
  const file = join(dir, `${name}.mjs`);
  const js = compileCatalogue(cat).js;
  writeFileSync(file, js);
  const mod = (await import(pathToFileURL(file).href)) as CompiledModule;
  // For information only: the same module whose scoreAll takes facts already read (units.preRead),
  // to time its evaluation without the facts reader.  Skipped if the module's layout changed.
  const at = js.indexOf(READ_CALL, js.indexOf("export function scoreAll("));
  let evalOnly: CompiledModule | undefined;
  if (at >= 0) {
    const evalFile = join(dir, `${name}-eval.mjs`);
    writeFileSync(evalFile, js.slice(0, at) + "const read = units.preRead ? { units: units.preRead, errors: [] } : kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);" + js.slice(at + READ_CALL.length));
    evalOnly = (await import(pathToFileURL(evalFile).href)) as CompiledModule;
  }
  return { mod, evalOnly, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
const READ_CALL = "const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);";

/** Differences between the compiled module's results and the interpreter's (exact). */
export function diffExact(a: readonly CompiledResult[], b: readonly UnitResult[]): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`${a.length} results against ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length) && out.length < 5; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const vx = JSON.stringify(x.vetoes.map((v) => [v.rule, v.level]));
    const vy = JSON.stringify(y.vetoes.map((v) => [v.rule, v.level]));
    if (x.unit !== y.unit || x.total !== y.total || x.exactTotal !== y.exactTotal || x.rank !== y.rank || x.grade !== y.grade || vx !== vy) {
      out.push(`#${i + 1}: compiled ${JSON.stringify([x.unit, x.total, x.exactTotal, x.rank, x.grade, vx])} ≠ interpreter ${JSON.stringify([y.unit, y.total, y.exactTotal, y.rank, y.grade, vy])}`);
    }
  }
  return out;
}

/** Differences between the compiled module's results and the hand-written scorer's (to the cent). */
export function diffCents(a: readonly CompiledResult[], b: readonly HandwrittenResult[]): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`${a.length} results against ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length) && out.length < 5; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.unit !== y.unit || x.total !== y.total || x.rank !== y.rank || x.grade !== y.grade) {
      out.push(`#${i + 1}: compiled ${JSON.stringify([x.unit, x.total, x.rank, x.grade])} ≠ hand-written ${JSON.stringify([y.unit, y.total, y.rank, y.grade])}`);
    }
  }
  return out;
}

/** Throws with the differences, if any: the scorers must agree for the figures to mean anything. */
function mustAgree(what: string, diffs: string[]): void {
  if (diffs.length > 0) throw new Error(`scorers disagree (${what}):\n  ${diffs.join("\n  ")}`);
}

/** Rules that deducted, awarded or vetoed something for at least one unit (from the trace). */
function exercised(mod: CompiledModule, units: readonly Unit[]): Set<string> {
  const seen = new Set<string>();
  for (const r of mod.scoreAll(units, { detail: false, trace: true })) for (const t of r.trace ?? []) if (t.rule !== undefined && (t.amount !== "0" || t.kind === "veto")) seen.add(t.rule);
  return seen;
}

/** Sizes of the scoring figure. */
export interface ScorePlan extends RunPlan {
  units: number;
  /** Units of the detail/trace information row. */
  infoUnits: number;
  /** Units scored with trace to check that every rule is exercised. */
  coverageUnits: number;
  /** The generated catalogue and units of the untimed agreement check. */
  crossCheckBytes: number;
  crossCheckUnits: number;
}

/** Figure 3 (3a, 3b, and information rows 3c–3e) plus the checks it made. */
export async function scoreFigures(plan: ScorePlan): Promise<{ figures: Figure[]; checks: Record<string, unknown> }> {
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  const { mod, evalOnly: evalOnlyMod, dispose } = await importCompiled(cat, "rules");
  try {
    // As a JSON facts file gives them: the objects JSON.parse makes (V8 gives them hidden classes; objects
    // built key by key would be dictionaries, a different speed for every scorer).
    const units = JSON.parse(JSON.stringify(generateUnits(cat, plan.units))) as Unit[];
    const interp = new Interpreter(cat);
    const stats: { naiveRounding?: number } = {};

    // JIT warm-up on a slice, so the measured runs all see optimised code.
    const warm = units.slice(0, Math.min(units.length, 5000));
    for (let w = 0; w < Math.max(1, plan.warmup); w++) {
      consume(mod.scoreAll(warm, { detail: false }));
      consume(scoreAllHandwritten(warm));
      consume(interp.scoreAll(warm));
    }

    let compiled: CompiledResult[] = [];
    let hand: HandwrittenResult[] = [];
    let interpreted: UnitResult[] = [];
    const s = await interleaved(
      [
        { name: "compiled", fn: () => (compiled = mod.scoreAll(units, { detail: false })) },
        { name: "handwritten", fn: () => (hand = scoreAllHandwritten(units, stats)) },
        { name: "interpreter", fn: () => (interpreted = interp.scoreAll(units)) },
        // core's facts reader alone (the part of both timings above that validates the input)
        { name: "readOnly", fn: () => interp.readRaw(units) },
      ],
      { warmup: 0, runs: plan.runs },
    );
    mustAgree("compiled vs interpreter, rules/", diffExact(compiled, interpreted));
    mustAgree("compiled vs hand-written, rules/", diffCents(compiled, hand));

    consume(undefined);
    // Information: evaluation alone — facts read beforehand (untimed) by the same reader.
    // (the compiled module takes the reader's units as they are; the interpreter its keyed copy)
    const rawRead = interp.readRaw(units);
    const preRead = interp.keyed(rawRead);
    const warmRaw = interp.readRaw(warm);
    const warmRead = interp.keyed(warmRaw);
    if (evalOnlyMod) {
      consume(evalOnlyMod.scoreAll(Object.assign([], { preRead: warmRaw }), { detail: false }));
      consume(interp.scoreRead(warmRead));
    }
    let evalCompiled: CompiledResult[] = [];
    let evalInterp: UnitResult[] = [];
    const evalOnly = evalOnlyMod
      ? await interleaved(
          [
            { name: "compiled", fn: () => (evalCompiled = evalOnlyMod.scoreAll(Object.assign([], { preRead: rawRead }), { detail: false })) },
            { name: "interpreter", fn: () => (evalInterp = interp.scoreRead(preRead)) },
          ],
          { warmup: 0, runs: plan.runs },
        )
      : undefined;
    if (evalOnly) mustAgree("compiled vs interpreter, evaluation only", diffExact(evalCompiled, evalInterp));
    consume(undefined);
    // Information: the cost of detail and trace (on fewer units: a trace of 100,000 units takes GBs).
    const infoUnits = units.slice(0, plan.infoUnits);
    const infoRuns = 1;
    const detail = await interleaved(
      [
        { name: "plain", fn: () => mod.scoreAll(infoUnits, { detail: false }) },
        { name: "detail", fn: () => mod.scoreAll(infoUnits, { detail: true }) },
        { name: "trace", fn: () => mod.scoreAll(infoUnits, { detail: true, trace: true }) },
      ],
      { warmup: 0, runs: infoRuns },
    );
    consume(undefined);

    const covered = exercised(mod, units.slice(0, plan.coverageUnits));
    const missing = cat.rules.map((r) => r.name).filter((n) => !covered.has(n));
    if (missing.length > 0 && plan.coverageUnits >= 1000) throw new Error(`synthetic facts leave rules unexercised: ${missing.join("、")}`);

    const cross = await crossCheck(plan);

    const c = s.compiled!.median;
    const h = s.handwritten!.median;
    const i = s.interpreter!.median;
    const r = s.readOnly!.median;
    const perUnit = (t: number) => `${((t * 1000) / plan.units).toFixed(1)} µs/unit`;
    const n = plan.units.toLocaleString("en-US");
    const figures: Figure[] = [
      {
        id: "3a",
        name: `score ${n} units: compiled vs hand-written`,
        goal: "≤ 1.5× hand-written",
        measured: `${ms(c)} (${perUnit(c)})`,
        baseline: `hand-written ${ms(h)} (${perUnit(h)})`,
        ratio: c / h,
        met: c / h <= 1.5,
        status: "ok",
        note: `compiled includes reading/validating facts (core kpReadUnits alone: ${ms(r)}); hand-written reads the objects as they are. All ${n} totals, ranks, grades agree to the cent.`,
        values: { units: plan.units, compiledMedian: c, compiledMin: s.compiled!.min, compiledMax: s.compiled!.max, handwrittenMedian: h, handwrittenMin: s.handwritten!.min, handwrittenMax: s.handwritten!.max, readOnlyMedian: r },
      },
      {
        id: "3b",
        name: `score ${n} units: compiled vs interpreter`,
        goal: "≥ 10× faster than interpreter",
        measured: ms(c),
        baseline: `interpreter ${ms(i)}`,
        ratio: i / c,
        met: i / c >= 10,
        status: "ok",
        note: `both read facts with core's reader (alone: ${ms(r)}); 3d times evaluation without it. Results agree exactly.`,
        values: { interpreterMedian: i, interpreterMin: s.interpreter!.min, interpreterMax: s.interpreter!.max },
      },
      {
        id: "3c",
        name: `score ${plan.infoUnits.toLocaleString("en-US")} units with detail / with trace`,
        goal: "info",
        measured: `detail ${ms(detail.detail!.median)}; detail+trace ${ms(detail.trace!.median)}`,
        baseline: `detail:false ${ms(detail.plain!.median)}`,
        ratio: null,
        met: null,
        status: "ok",
        values: { units: plan.infoUnits, plainMedian: detail.plain!.median, detailMedian: detail.detail!.median, traceMedian: detail.trace!.median },
      },
    ];
    if (evalOnly) {
      const ec = evalOnly.compiled!.median;
      const ei = evalOnly.interpreter!.median;
      figures.push({
        id: "3d",
        name: `score ${n} units, facts read beforehand: compiled vs interpreter`,
        goal: "info",
        measured: `${ms(ec)} (${perUnit(ec)})`,
        baseline: `interpreter ${ms(ei)}; hand-written ${ms(h)}`,
        ratio: ei / ec,
        met: null,
        status: "ok",
        note: "evaluation, ranking and grading only: both take units already read by core's facts reader (compiled: the same module with its kpReadUnits call bypassed).",
        values: { compiledMedian: ec, compiledMin: evalOnly.compiled!.min, compiledMax: evalOnly.compiled!.max, interpreterMedian: ei, interpreterMin: evalOnly.interpreter!.min, interpreterMax: evalOnly.interpreter!.max },
      });
    }
    const checks = {
      scorersAgree: { units: plan.units, compiledInterpreter: "exact", compiledHandwritten: "to the cent" },
      rulesExercised: `${covered.size}/${cat.rules.length}`,
      unexercised: missing,
      naiveRoundingWouldDiffer: stats.naiveRounding ?? null,
      generatedCatalogueAgreement: cross,
    };
    return { figures, checks };
  } finally {
    dispose();
  }
}

/** Compiled module vs interpreter on a generated catalogue with every rule kind (untimed). */
async function crossCheck(plan: ScorePlan): Promise<Record<string, unknown>> {
  const gen = generateCatalogue({ bytes: plan.crossCheckBytes }, 2);
  const path = "/bench/交叉检查.kp";
  const cat = analyzeOrThrow(path, memoryHost(new Map([[path, gen.kp]])), "the cross-check catalogue").catalogue;
  const { mod, dispose } = await importCompiled(cat, "crosscheck");
  try {
    const units = generateUnits(cat, plan.crossCheckUnits, 11);
    const t = await timeOnce(() => mustAgree("compiled vs interpreter, generated catalogue", diffExact(mod.scoreAll(units, { detail: false }), new Interpreter(cat).scoreAll(units))));
    return { rules: gen.rules, kinds: Object.keys(gen.kinds).length, units: plan.crossCheckUnits, agree: true, ms: Math.round(t) };
  } finally {
    dispose();
  }
}
