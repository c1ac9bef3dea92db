/**
 * What every report shows, derived once from the scoring module's results (with their trace): the
 * indicators by id, each unit's deductions and awards as rows (what `kp explain` says), and the rules
 * that cost units the most points.  Pure functions; scores stay exact decimal strings.
 */
import { factText, usedFacts, type CatalogueMeta, type IndicatorMeta, type IndicatorResult, type TraceEntry, type UnitResult } from "@kaoping/core";

export { factText };
import { fromMillionths, toMillionths } from "./decimal.js";

/** What a report is made from. */
export interface ReportInput {
  catalogue: CatalogueMeta;
  /** Every unit's result in ranking order, with its trace (`scoreAll(units, { trace: true })`). */
  results: readonly UnitResult[];
  /** Each unit's facts as read (flattened to `rule.sub` keys), to show a fact as the user wrote it. */
  facts?: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** An indicator or bonus/penalty section, placed in the catalogue. */
export interface Place {
  id: string;
  name: string;
  /** Names from the top-level indicator down ("×令畅通 › 落实…"). */
  path: string[];
  /** Position of its top-level indicator (or section, after the indicators). */
  top: number;
}

export const kindWords: Record<TraceEntry["kind"], string> = { deduct: "扣分", award: "得分", limit: "核减", veto: "否决", note: "说明" };

/** One step of one unit's computation: a row of the deductions sheet and of a unit page. */
export interface Step {
  unit: string;
  rank: number;
  place: Place | undefined;
  kind: TraceEntry["kind"];
  rule: string;
  clause: string;
  facts: string;
  computation: string;
  amount: string;
}

/** Every indicator and section by id. */
export function placesOf(cat: CatalogueMeta): Map<string, Place> {
  const out = new Map<string, Place>();
  const walk = (ind: IndicatorMeta, path: string[], top: number) => {
    const p = [...path, ind.name];
    out.set(ind.id, { id: ind.id, name: ind.name, path: p, top });
    for (const c of ind.children) walk(c, p, top);
  };
  cat.indicators.forEach((ind, i) => walk(ind, [], i));
  const n = cat.indicators.length;
  cat.bonuses.forEach((s, i) => out.set(s.id, { id: s.id, name: s.name, path: [`加分：${s.name}`], top: n + i }));
  cat.penalties.forEach((s, i) => out.set(s.id, { id: s.id, name: s.name, path: [`减分：${s.name}`], top: n + cat.bonuses.length + i }));
  return out;
}

/** The facts a step used, as written (see usedFacts). */
function factsText(cat: CatalogueMeta, e: TraceEntry, inputs: Readonly<Record<string, unknown>> | undefined): string {
  return usedFacts(cat, e, inputs)
    .map(([k, v]) => `${k} = ${factText(v)}`)
    .join("，");
}

/** A unit's steps, in trace order. */
export function stepsOf(input: ReportInput, r: UnitResult, places: ReadonlyMap<string, Place>): Step[] {
  const inputs = input.facts?.get(r.unit);
  return (r.trace ?? []).map((e) => ({
    unit: r.unit,
    rank: r.rank,
    place: places.get(e.indicator),
    kind: e.kind,
    rule: e.rule ?? "",
    clause: e.clause ?? "",
    facts: factsText(input.catalogue, e, inputs),
    computation: e.text,
    amount: e.kind === "veto" ? "" : e.amount,
  }));
}

/** A rule and the points it took from all units together (before caps), with how many units it hit. */
export interface RuleCost {
  rule: string;
  clause: string;
  place: Place | undefined;
  total: string;
  units: number;
}

/** The rules that deducted most in total over all units, largest first (ties by catalogue order). */
export function costliestRules(input: ReportInput, places: ReadonlyMap<string, Place>, limit: number): RuleCost[] {
  const acc = new Map<string, { total: bigint; units: Set<string>; clause: string; indicator: string; order: number }>();
  for (const r of input.results) {
    for (const e of r.trace ?? []) {
      if (e.kind !== "deduct" || e.rule === undefined) continue;
      let a = acc.get(e.rule);
      if (!a) acc.set(e.rule, (a = { total: 0n, units: new Set(), clause: e.clause ?? "", indicator: e.indicator, order: acc.size }));
      a.total += toMillionths(e.amount);
      a.units.add(r.unit);
    }
  }
  const ruleOrder = Object.keys(input.catalogue.rules);
  const order = (rule: string) => {
    const i = ruleOrder.indexOf(rule);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...acc.entries()]
    .filter(([, a]) => a.total > 0n)
    .sort(([ra, a], [rb, b]) => (a.total === b.total ? order(ra) - order(rb) : a.total > b.total ? -1 : 1))
    .slice(0, limit)
    .map(([rule, a]) => ({ rule, clause: a.clause, place: places.get(a.indicator), total: fromMillionths(a.total), units: a.units.size }));
}

/** Every indicator of a result below a top-level one, depth first, with its depth (1 = child). */
export function descendants(ind: IndicatorResult, depth = 1): { ind: IndicatorResult; depth: number }[] {
  return ind.children.flatMap((c) => [{ ind: c, depth }, ...descendants(c, depth + 1)]);
}

/** Points of a top-level indicator as a header says them: 「5分，其他县 3分」. */
export function pointsText(ind: IndicatorMeta): string {
  return `${ind.points}分${(ind.classPoints ?? []).map((cp) => `，${cp.unitClass} ${cp.points}分`).join("")}`;
}

export const vetoWord = (level: string): string => (level === "fail" ? "一票否决" : "一票否优");
