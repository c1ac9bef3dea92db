/**
 * An engine's row as the JS module's result (`UnitResult`, the object `kp score --format json` prints
 * and the CSV/table columns read): the same keys in the same order, the indicator tree with each
 * unit's points (points that differ by class are the unit's, as the module's pointsExpr gives them),
 * the vetoes with their rule's clause.  With this, an engine's output is the JS engine's output by
 * construction: the CLI formats both with the same code.
 */
import { kpFormat, kpParse, type Catalogue, type IndicatorModel, type IrProgram, type UnitResult } from "@kaoping/core";
import type { EngineResult } from "./results.js";

type IndicatorResult = NonNullable<UnitResult["indicators"]>[number];

/** A signed decimal text of the engines (kpParse reads unsigned ones) as raw millionths. */
function raw(text: string): number {
  return text.startsWith("-") ? -kpParse(text.slice(1)) : kpParse(text);
}

/**
 * An indicator's points for a unit of these classes: the first listed class the unit has; derived
 * points (not declared) are the children's for the unit plus the awards' maxima (emit-js pointsExpr).
 */
function pointsOf(ind: IndicatorModel, has: (unitClass: string) => boolean): number {
  if (!ind.classPoints) return ind.points;
  if (!ind.pointsDeclared) {
    const awards = ind.points - ind.children.reduce((s, c) => s + c.points, 0);
    return ind.children.reduce((s, c) => s + pointsOf(c, has), 0) + awards;
  }
  for (const cp of ind.classPoints) if (has(cp.unitClass)) return cp.points;
  return ind.points;
}

/**
 * Each indicator's points as the module shows them for one unit (its Z.P, else the catalogue's):
 * walked as the module evaluates — an indicator that does not apply shows the unit's own points
 * below it; at the first 参照 the unit takes, one naming a unit shows that unit's points for the whole
 * subtree (Y.P), one to a pool keeps the indicator's own and shows the catalogue's points below.
 */
function shownPoints(cat: Catalogue, ir: IrProgram, r: EngineResult, classesOf: (unit: string) => readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const own = new Set(r.classes ?? []);
  const takes = new Set(r.takes ?? []);
  const byIndicator = new Map<string, number[]>();
  ir.takings.forEach((t, i) => byIndicator.set(t.indicator, [...(byIndicator.get(t.indicator) ?? []), i]));
  const fill = (ind: IndicatorModel, points: (i: IndicatorModel) => number) => {
    out.set(ind.id, points(ind));
    ind.children.forEach((ch) => fill(ch, points));
  };
  const visit = (ind: IndicatorModel) => {
    const mine = (i: IndicatorModel) => pointsOf(i, (c) => own.has(c));
    out.set(ind.id, mine(ind));
    if (ind.appliesTo && !ind.appliesTo.some((c) => own.has(c))) return fill(ind, mine);
    const taken = (byIndicator.get(ind.id) ?? []).find((i) => takes.has(i));
    if (taken !== undefined) {
      if (ir.takings[taken]!.unit) {
        const named = new Set(classesOf(ir.params[ir.takings[taken]!.unit!.n - 1]!));
        return fill(ind, (i) => pointsOf(i, (c) => named.has(c)));
      }
      return ind.children.forEach((ch) => fill(ch, (i) => i.points));
    }
    ind.children.forEach(visit);
  };
  cat.indicators.forEach(visit);
  return out;
}

/** The units a 参照 names: whose classes {@link unitResultOf} needs (keep them while the results stream). */
export function namedUnits(ir: IrProgram): Set<string> {
  return new Set(ir.takings.flatMap((t) => (t.unit ? [ir.params[t.unit.n - 1]!] : [])));
}

/**
 * A converter of engine rows (queried with `detail`) of this catalogue to the module's results;
 * `classesOf` gives the classes of a unit a 参照 names ({@link namedUnits}).
 */
export function unitResultOf(cat: Catalogue, ir: IrProgram, classesOf: (unit: string) => readonly string[]): (r: EngineResult) => UnitResult {
  const clause = new Map(cat.rules.map((r) => [r.name, r.clause] as const));
  const tree = (list: readonly IndicatorModel[], r: EngineResult, points: Map<string, number>): IndicatorResult[] =>
    list.map((ind) => {
      const score = raw(r.scores[ind.id] ?? "0");
      const p = points.get(ind.id) ?? ind.points;
      return { id: ind.id, name: ind.name, points: kpFormat(p), score: kpFormat(score), lost: kpFormat(p - score), children: tree(ind.children, r, points) };
    });
  return (r) => ({
    unit: r.unit,
    classes: r.classes ?? [],
    total: r.total,
    exactTotal: r.exactTotal,
    rank: r.rank,
    grade: r.grade,
    vetoes: (r.vetoes ?? []).map((i) => {
      const v = ir.vetoes[i]!;
      return { rule: v.rule, level: v.level, clause: clause.get(v.rule) ?? "" };
    }),
    indicators: tree(cat.indicators, r, shownPoints(cat, ir, r, classesOf)),
    bonus: r.bonus,
    penalty: r.penalty,
  });
}
