/**
 * What every part of the JavaScript emitter shares: the emit context (output lines, rule, indicator
 * and fact positions), reading a fact, points and classes as code.
 */
import type * as M from "../../model.js";
import { kpFormat } from "../../runtime/decimal.js";
import { jsString } from "../js-literals.js";

export type Owner = M.IndicatorModel | M.SectionModel;

export interface Ctx {
  out: string[];
  ruleIndex: Map<M.RuleModel, number>;
  indIndex: Map<M.IndicatorModel, number>;
  /** Fact key → its position in FACTS (its value is at Z.F[2i], its incident ids at Z.F[2i+1]). */
  factIndex: Map<string, number>;
}

/** The expression reading a fact (or, with `ids`, its incident ids) of the unit being scored. */
export function fx(ctx: Ctx, key: string, ids = false, unit = "Z"): string {
  const i = ctx.factIndex.get(key);
  if (i === undefined) throw new Error(`internal: no fact key ${key}`);
  return `${unit}.F[${2 * i + (ids ? 1 : 0)}]`;
}

export const fmt = kpFormat;
export const S = jsString;

/** Whether an indicator's points, or a descendant's, differ by unit class. */
export function classDependent(ind: M.IndicatorModel): boolean {
  return ind.classPoints !== undefined;
}

/**
 * Code giving an indicator's points for the unit being scored: a number, or for points that differ
 * by class (`5分 其中 「其他县」 3分`) the first listed class the unit has; derived points are the
 * sum of the children's (each for this unit) plus the awards' maxima.
 */
export function pointsExpr(ind: M.IndicatorModel): string {
  if (!ind.classPoints) return String(ind.points);
  if (!ind.pointsDeclared) {
    const awards = ind.points - ind.children.reduce((s, c) => s + c.points, 0);
    return `(${[...ind.children.map(pointsExpr), ...(awards !== 0 ? [String(awards)] : [])].join(" + ")})`;
  }
  let e = String(ind.points);
  for (const cp of [...ind.classPoints].reverse()) e = `Z.c[${S(cp.unitClass)}] ? ${cp.points} : ${e}`;
  return `(${e})`;
}

export function classCond(classes: string[]): string {
  return classes.map((c) => `Z.c[${S(c)}]`).join(" || ");
}

/** Whether a two-sided linear rule in the indicator or below it may lift a score above points (the indicator block's). */
export { hasAbove } from "../../ir/indicator-block.js";
