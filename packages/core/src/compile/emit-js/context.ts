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

export function classCond(classes: string[]): string {
  return classes.map((c) => `Z.c[${S(c)}]`).join(" || ");
}

/** Whether a two-sided linear rule in the indicator or below it may lift a score above points (the indicator block's). */
export { hasAbove } from "../../ir/indicator-block.js";
