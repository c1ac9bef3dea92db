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

/** A converter of engine rows (queried with `detail`) of this catalogue to the module's results. */
export function unitResultOf(cat: Catalogue, ir: IrProgram): (r: EngineResult) => UnitResult {
  const clause = new Map(cat.rules.map((r) => [r.name, r.clause] as const));
  const tree = (list: readonly IndicatorModel[], r: EngineResult, has: (c: string) => boolean): IndicatorResult[] =>
    list.map((ind) => {
      const score = raw(r.scores[ind.id] ?? "0");
      const points = pointsOf(ind, has);
      return { id: ind.id, name: ind.name, points: kpFormat(points), score: kpFormat(score), lost: kpFormat(points - score), children: tree(ind.children, r, has) };
    });
  return (r) => {
    const classes = r.classes ?? [];
    const has = (c: string) => classes.includes(c);
    return {
      unit: r.unit,
      classes,
      total: r.total,
      exactTotal: r.exactTotal,
      rank: r.rank,
      grade: r.grade,
      vetoes: (r.vetoes ?? []).map((i) => {
        const v = ir.vetoes[i]!;
        return { rule: v.rule, level: v.level, clause: clause.get(v.rule) ?? "" };
      }),
      indicators: tree(cat.indicators, r, has),
      bonus: r.bonus,
      penalty: r.penalty,
    };
  };
}
