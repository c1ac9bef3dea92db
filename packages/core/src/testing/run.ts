/**
 * Runs the scenarios of a file against a compiled catalogue (the very module `kp compile` writes,
 * with its trace): names are resolved first (unknown facts, indicators, rules, grades, classes and
 * too many decimals are located KP70xx errors and stop the run), then each scenario's units are
 * scored together and every expectation compared exactly (raw millionths, never floats).
 */
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type { CatalogueMeta, IndicatorMeta, IndicatorResult, ScoringModule, TraceEntry, UnitInput, UnitResult } from "../compile/module.js";
import { kpFormat, kpParse, PLACES } from "../runtime/decimal.js";
import type { Span } from "../text/position.js";
import { decimalPlaces, type Expectation, type FactLine, type Scenario, type ScenarioFile, type ScenarioUnit } from "./scenario.js";
import { closest } from "./suggest.js";

/** One expectation that did not hold. */
export interface Failure {
  unit: string;
  expectation: Expectation;
  /** As a person reads it: 扣 0.4, 1.7, 「良好」, 第 2 名. */
  expected: string;
  actual: string;
  /** The trace entries that explain the actual value. */
  trace: TraceEntry[];
}

export interface ScenarioResult {
  scenario: Scenario;
  passed: boolean;
  failures: Failure[];
  /** Milliseconds spent scoring it. */
  ms: number;
  /** The results of its units (with trace), for coverage and record. */
  results: UnitResult[];
  /** Its units as the module took them. */
  inputs: UnitInput[];
}

export interface FileRun {
  file: ScenarioFile;
  /** Errors in the file (resolution included): when any is an error, no scenario ran. */
  diagnostics: Diagnostic[];
  results: ScenarioResult[];
}

function allIndicators(list: readonly IndicatorMeta[], out: IndicatorMeta[] = []): IndicatorMeta[] {
  for (const i of list) {
    out.push(i);
    allIndicators(i.children, out);
  }
  return out;
}

/** Every fact key the catalogue reads. */
export function factKeysOf(cat: CatalogueMeta): Set<string> {
  const keys = new Set<string>();
  for (const r of Object.values(cat.rules)) for (const f of r.facts) keys.add(f);
  for (const i of allIndicators(cat.indicators)) for (const f of i.facts ?? []) keys.add(f);
  return keys;
}

/** The indicator an expectation names: by number (1.2) or by name. */
function findIndicator(cat: CatalogueMeta, target: string): IndicatorMeta | undefined {
  const all = allIndicators(cat.indicators);
  return all.find((i) => i.id === target) ?? all.find((i) => i.name === target);
}

function suggestion(name: string, candidates: Iterable<string>): string {
  const c = closest(name, candidates);
  return c ? `，是否想写「${c}」？` : "";
}

/** Checks the names and decimals of a parsed file against the catalogue. */
export function resolveScenarios(file: ScenarioFile, cat: CatalogueMeta): Diagnostic[] {
  const out: Diagnostic[] = [];
  const diag = (code: MessageCode, span: Span, args: (string | number)[]) => out.push(diagnostic(code, span, args, { file: file.file }));
  const keys = factKeysOf(cat);
  const checkFacts = (facts: readonly FactLine[]) => {
    for (const f of facts) if (!keys.has(f.key)) diag("KP7010", f.keySpan, [f.key, suggestion(f.key, keys)]);
  };
  checkFacts(file.baseline);
  const indicatorNames = allIndicators(cat.indicators).map((i) => i.name);
  for (const s of file.scenarios) {
    for (const u of s.units) {
      checkFacts(u.facts);
      if (u.unitClass && cat.classes.length > 0 && !cat.classes.includes(u.unitClass.name))
        diag("KP7014", u.unitClass.span, [u.unitClass.name, cat.classes.map((c) => `「${c}」`).join("、")]);
      for (const e of u.expectations) {
        if (e.kind === "indicator" && !findIndicator(cat, e.target!)) diag("KP7011", e.span, [e.target!, suggestion(e.target!, indicatorNames)]);
        if (e.kind === "rule" && !(e.target! in cat.rules)) diag("KP7012", e.span, [e.target!, suggestion(e.target!, Object.keys(cat.rules))]);
        if (e.kind === "grade" && !cat.grades.includes(e.value)) diag("KP7013", e.span, [e.value, cat.grades.map((g) => `「${g}」`).join("、")]);
        if (e.kind === "rank" && s.units.length === 1) diag("KP7022", e.span, [s.name]);
        if (e.kind === "total" && cat.rounding !== undefined && decimalPlaces(e.value) > cat.rounding)
          diag("KP7015", e.span, ["总分", e.value, decimalPlaces(e.value), `细则规定的 ${cat.rounding} 位（舍入 保留 ${cat.rounding} 位）`]);
        else if ((e.kind === "indicator" || e.kind === "rule" || e.kind === "total") && decimalPlaces(e.value) > PLACES)
          diag("KP7015", e.span, [e.kind === "rule" ? "规则得分" : e.kind === "total" ? "总分" : "指标得分", e.written, decimalPlaces(e.value), `计分的精度 ${PLACES} 位（百万分之一分）`]);
      }
    }
  }
  return out;
}

/** A unit of a scenario as the module takes it: the baseline, then the scenario's own facts. */
export function unitInput(file: ScenarioFile, u: ScenarioUnit, cat: CatalogueMeta): UnitInput {
  const facts: Record<string, unknown> = {};
  for (const f of file.baseline) facts[f.key] = f.value;
  for (const f of u.facts) facts[f.key] = f.value;
  const classes = u.unitClass?.name ?? cat.classes[0];
  return classes === undefined ? { name: u.name, facts } : { name: u.name, classes, facts };
}

/** A rule's net amount in a unit's trace (raw): awards positive, deductions negative. */
export function ruleNet(trace: readonly TraceEntry[], rule: string): number {
  let net = 0;
  for (const e of trace) {
    if (e.rule !== rule) continue;
    if (e.kind === "award") net += kpParse(e.amount);
    else if (e.kind === "deduct") net -= kpParse(e.amount);
  }
  return net;
}

function findResult(list: readonly IndicatorResult[], id: string): IndicatorResult | undefined {
  for (const i of list) {
    if (i.id === id) return i;
    const c = findResult(i.children, id);
    if (c) return c;
  }
  return undefined;
}

function signedText(raw: number): string {
  return raw === 0 ? "不扣分" : raw < 0 ? `扣 ${kpFormat(-raw)}` : `得 ${kpFormat(raw)}`;
}

/** Compares one expectation with a unit's result; a failure or undefined. */
function compare(cat: CatalogueMeta, e: Expectation, r: UnitResult): Failure | undefined {
  const trace = r.trace ?? [];
  const fail = (expected: string, actual: string, entries: TraceEntry[]): Failure => ({ unit: r.unit, expectation: e, expected, actual, trace: entries });
  switch (e.kind) {
    case "indicator": {
      const meta = findIndicator(cat, e.target!)!;
      const got = findResult(r.indicators ?? [], meta.id);
      const actual = got ? got.score : "0";
      if (kpParse(actual) === kpParse(e.value)) return undefined;
      return fail(e.value, actual, trace.filter((t) => t.indicator === meta.id || t.indicator.startsWith(meta.id + ".")));
    }
    case "rule": {
      const net = ruleNet(trace, e.target!);
      const want = e.value.startsWith("-") ? -kpParse(e.value.slice(1)) : kpParse(e.value);
      if (net === want) return undefined;
      return fail(signedText(want), signedText(net), trace.filter((t) => t.rule === e.target || (t.kind === "limit" && t.indicator === cat.rules[e.target!]?.indicator)));
    }
    case "total":
      if (kpParse(r.total) === kpParse(e.value)) return undefined;
      return fail(e.value, r.total, trace);
    case "grade":
      if (r.grade === e.value) return undefined;
      return fail(`「${e.value}」`, r.grade === null ? "无等次" : `「${r.grade}」`, trace.filter((t) => t.kind === "veto"));
    case "rank":
      if (String(r.rank) === e.value) return undefined;
      return fail(`第 ${e.value} 名`, `第 ${r.rank} 名（总分 ${r.total}）`, []);
  }
}

/** A facts problem the module reports (KpFactsError / checkFacts). */
interface ModuleFactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

/**
 * Runs every scenario of a parsed file.  Stops before scoring when the file has errors; a
 * scenario's facts the module refuses are located at their line (KP7016, KP7017).
 */
export function runScenarios(file: ScenarioFile, mod: ScoringModule, now: () => number = () => performance.now()): FileRun {
  const cat = mod.catalogue;
  const diagnostics = [...file.diagnostics, ...resolveScenarios(file, cat)];
  const run: FileRun = { file, diagnostics, results: [] };
  if (diagnostics.some((d) => d.severity === "error")) return run;
  for (const s of file.scenarios) {
    const inputs = s.units.map((u) => unitInput(file, u, cat));
    const problems = mod.checkFacts(inputs) as ModuleFactError[];
    if (problems.length > 0) {
      for (const p of problems) diagnostics.push(locateProblem(file, s, p));
      continue;
    }
    const t0 = now();
    const results = mod.scoreAll(inputs, { detail: true, trace: true });
    const ms = now() - t0;
    const failures: Failure[] = [];
    for (const u of s.units) {
      const r = results.find((x) => x.unit === u.name);
      if (!r) continue;
      for (const e of u.expectations) {
        const f = compare(cat, e, r);
        if (f) failures.push(f);
      }
    }
    run.results.push({ scenario: s, passed: failures.length === 0, failures, ms, results, inputs });
  }
  return run;
}

function locateProblem(file: ScenarioFile, s: Scenario, p: ModuleFactError): Diagnostic {
  const u = s.units.find((x) => x.name === p.unit) ?? s.units[0];
  const line = u && p.key !== undefined ? (u.facts.find((f) => f.key === p.key) ?? file.baseline.find((f) => f.key === p.key)) : undefined;
  if (line) return diagnostic("KP7016", line.span, [p.message], { file: file.file });
  if (p.code === "KP4008" && p.key !== undefined) {
    const what = /（([^）]*(?:（[^）]*）)?[^）]*)）$/.exec(p.message)?.[1] ?? "";
    return diagnostic("KP7017", u?.span ?? s.span, [s.name, u?.name ?? s.name, p.key, what], { file: file.file });
  }
  return diagnostic("KP7016", u?.span ?? s.span, [p.message], { file: file.file });
}

/** The diagnostics an editor shows for a run: the file's problems and one per failed expectation. */
export function runDiagnostics(run: FileRun): Diagnostic[] {
  const out = [...run.diagnostics];
  for (const r of run.results)
    for (const f of r.failures) {
      const what = f.expectation.kind === "indicator" ? ` 指标「${f.expectation.target}」` : f.expectation.kind === "rule" ? ` 规则「${f.expectation.target}」` : f.expectation.kind === "total" ? "总分" : f.expectation.kind === "grade" ? "等次" : "名次";
      const unit = r.scenario.units.length > 1 ? `单位「${f.unit}」的` : "";
      out.push(diagnostic("KP7020", f.expectation.span, [r.scenario.name, `${unit}${what}`, f.expected, f.actual], { file: run.file.file }));
    }
  return out;
}
