/**
 * Who is in a 参照's pool (参照 同类单位平均分, 参照 「…」 最高分 …; 语言参考 §6.6), said once, as
 * conditions on one unit: a member is a unit the indicator applies to (its 适用 and its ancestors') that
 * takes no 参照 on this indicator nor on any above it (as each of those applies to it), of the pool's
 * class (「类别」); for 同类单位 only the members with the taker's classes (`part`: one 0/1 per declared
 * class, compared whole).  And who needs the pool (KP4050 when it is empty): a unit the indicator
 * applies to that takes this 参照 — the first on the indicator that concerns it — and none above.
 *
 * lower.ts writes `among` and `part` into the IR's `IrRefer.pool` (the SQL's window over the units);
 * compile/emit-js/tables.ts prints all three into the module's REFERS as predicates over a unit, which
 * the runtime's pool.ts (kpPool, the pool cache's key) and api.ts (KP4050) call.
 */
import type * as M from "../model.js";
import { andAll, classes, indicatorApplies, type BlockNames } from "./block-builder.js";
import { takerCond } from "./indicator-block.js";
import { c, iff } from "./expr.js";
import type { Cond, Expr } from "./types.js";

export interface PoolMembership {
  /** The units in the pool (for 同类单位, before `part` is compared). */
  among: Cond;
  /** 同类单位: one 0/1 per declared class; a member has the same values as the taker. */
  part?: Expr[];
  /** The units taking this 参照's pooled score, which need a member. */
  needs: Cond;
}

const not = (x: Cond): Cond => ({ k: "not", c: x });

/** The pool of `ref`, a 参照 of `ind` to a pool of units; `declared`: the catalogue's classes. */
export function poolMembership(names: Pick<BlockNames, "param" | "col">, declared: readonly string[], ind: M.IndicatorModel, ref: M.ReferModel): PoolMembership {
  const src = ref.source;
  if (src.kind !== "pool") throw new Error(`internal: the 参照 of ${ind.id} names one unit, not a pool`);
  const app = indicatorApplies(names, ind);
  // a unit taking a 参照 here (one of this indicator's, as it applies here) or above (as it applies there)
  const here = ind.refers.map((x) => andAll([app, takerCond(names, x)]));
  const above: Cond[] = [];
  for (let p = ind.parent; p; p = p.parent) for (const x of p.refers) above.push(andAll([indicatorApplies(names, p), takerCond(names, x)]));
  const among = [app, ...here.map(not), ...above.map(not)];
  if (src.pool === "class") among.push(classes(names, [src.unitClass!]));
  const part = src.pool === "same" ? declared.map((cl) => iff(classes(names, [cl]), c(1), c(0))) : undefined;
  const j = ind.refers.indexOf(ref);
  return {
    among: andAll(among),
    ...(part ? { part } : {}),
    needs: andAll([here[j]!, ...here.slice(0, j).map(not), ...above.map(not)]),
  };
}
