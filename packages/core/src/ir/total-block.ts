/**
 * The total's block: a unit's total is its first-level indicators' scores less the 倒扣 they carry
 * out, plus the 加分 sections, less the 减分 sections; with 总分 N 折算 that sum (out of the indicators'
 * points) is rescaled to N — one rounding, at the sixth decimal — and noted; then the catalogue's 舍入
 * (half away from zero at its places).  A ranking by the total ranks by the total before bonuses: the
 * scores less the carry.  Said once here: ir/lower.ts folds it into the SQL steps (`totalValue`,
 * `roundedValue`, `beforeBonuses`); compile/emit-js/module.ts prints it as runUnit's total (and
 * cross.ts the ranking's), the runtime's kpRound rounding at `rounding` places.
 */
import type * as M from "../model.js";
import { fmt, lit } from "./block-builder.js";
import type { Text } from "./rule-block.js";
import type { Expr } from "./types.js";
import { add, c, sub, sum } from "./expr.js";

/** The printers' names in the rescale note: the sum before it, and the total. */
export const UNSCALED = "unscaled";
export const TOTAL = "total";

export interface TotalBlock {
  /** The first-level indicators. */
  tops: M.IndicatorModel[];
  /** The numbers of 加分 and 减分 sections (b1…, p1…). */
  bonuses: number;
  penalties: number;
  /** 总分 N 折算: from the indicators' points to N, and its note (amount: the total). */
  rescale?: { from: number; to: number; note: Text[] };
  /** 舍入: the places the total is rounded to; -1: not rounded. */
  rounding: number;
}

const dec = (name: string): Text => ({ k: "dec", e: { k: "ref", name } });

export function totalBlock(cat: M.Catalogue): TotalBlock {
  const rescale =
    cat.rescale && cat.declaredTotal !== undefined
      ? (() => {
          const from = cat.indicators.reduce((a, i) => a + i.points, 0);
          const to = cat.declaredTotal;
          return { from, to, note: [lit("各项合计 "), dec(UNSCALED), lit(`（满分 ${fmt(from)}），按满分 ${fmt(to)} 折算：`), dec(UNSCALED), lit(` × ${fmt(to)} ÷ ${fmt(from)} = `), dec(TOTAL)] };
        })()
      : undefined;
  return { tops: cat.indicators, bonuses: cat.bonuses.length, penalties: cat.penalties.length, ...(rescale ? { rescale } : {}), rounding: cat.rounding ?? -1 };
}

/** The parts a fold reads, each as its printer names it. */
export interface TotalParts {
  score: (i: M.IndicatorModel) => Expr;
  carry: (i: M.IndicatorModel) => Expr;
  bonus: Expr;
  penalty: Expr;
  /** Names the sum before 折算 (a step of its own). */
  unscaledStep: (e: Expr) => Expr;
}

/** The total before bonuses: the first-level scores less their carry (a ranking by the total ranks by it). */
export function beforeBonuses(b: TotalBlock, x: Pick<TotalParts, "score" | "carry">): Expr {
  return sub(sum(b.tops.map(x.score)), sum(b.tops.map(x.carry)));
}

/** The total (before 舍入). */
export function totalValue(b: TotalBlock, x: TotalParts): Expr {
  const unscaled = sub(add(sub(sum(b.tops.map(x.score)), sum(b.tops.map(x.carry))), x.bonus), x.penalty);
  return b.rescale ? { k: "mulDiv", a: x.unscaledStep(unscaled), b: c(b.rescale.to), c: b.rescale.from } : unscaled;
}

/** The total rounded at the block's places (half away from zero), as the runtime's kpRound. */
export function roundedValue(b: TotalBlock, total: Expr): Expr {
  const unit = b.rounding < 0 || b.rounding >= 6 ? 1 : 10 ** (6 - b.rounding);
  return unit === 1 ? total : { k: "mul", a: { k: "mulDiv", a: total, b: c(1), c: unit }, b: c(unit) };
}

