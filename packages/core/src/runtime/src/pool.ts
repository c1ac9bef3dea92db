/**
 * 参照 to a pool of units (参照 同类单位平均分, 参照 「…」 最高分 …): who takes the pooled score,
 * which units make the pool, their aggregate and its explanation.  A module part: the emitter
 * includes it only in modules of catalogues with such a 参照.
 */

import { kpDivRound } from "./arith.js";
import { kpFormat } from "./text.js";
import { CLASSES, INDICATOR_COUNT, REFERS, type KpPoolScores, type KpRefer, type KpState, type KpUnit } from "./module-env.js";

/** 单位 u 是否取 REFERS[k] 规定的参照得分（不看同一指标中前面的参照）。 */
export function kpTakes(u: KpUnit, R: KpRefer): boolean {
  if (R.app && !R.app.every((l) => l.some((c) => u.c[c] === true))) return false;
  return R.flag !== undefined ? u.F[2 * R.flag] === true : R.unitClass !== undefined && u.c[R.unitClass] === true;
}

/** 参照 REFERS[k] 为单位 u 取平均分（最高分、最低分）的那组单位：本项照常考核、自己不取参照得分的单位。 */
export function kpPool(units: KpUnit[], k: number, u: KpUnit): KpUnit[] {
  const R = REFERS[k];
  return units.filter((v) => {
    if (v === u) return false;
    if (R.app && !R.app.every((l) => l.some((c) => v.c[c] === true))) return false;
    if ((R.sib ?? []).some((j) => kpTakes(v, REFERS[j])) || (R.anc ?? []).some((j) => kpTakes(v, REFERS[j]))) return false;
    if (R.pool === "class") return R.poolClass !== undefined && v.c[R.poolClass] === true;
    if (R.pool === "same") return CLASSES.every((c) => (v.c[c] === true) === (u.c[c] === true));
    return true;
  });
}

/** 平均分（第 6 位小数四舍五入）、最高分或最低分。 */
export function kpAggregate(list: number[], agg: KpRefer["agg"]): number {
  if (list.length === 0) return 0;
  let m = list[0];
  if (agg === "max") {
    for (const x of list) if (x > m) m = x;
    return m;
  }
  if (agg === "min") {
    for (const x of list) if (x < m) m = x;
    return m;
  }
  let sum = 0;
  for (const x of list) sum += x;
  if (!Number.isSafeInteger(sum)) throw new RangeError("KP4018");
  return kpDivRound(sum, list.length);
}

/** 参照 REFERS[k]（指标 n，函数 fn，下级指标 sub）为单位 Z 取的得分，同一组单位只算一次。 */
export function kpPoolScores(Z: KpState, k: number, fn: (Y: KpState) => void, sub: number[]): KpPoolScores {
  const units = Z.X.L!;
  const cache = Z.X.M!;
  const u = units[Z.u];
  const R = REFERS[k];
  const key = k + "|" + (R.pool === "same" ? CLASSES.filter((c) => u.c[c] === true).join("") : "");
  let P = cache.get(key);
  if (P) return P;
  const pool = kpPool(units, k, u);
  const S: number[][] = sub.map(() => []);
  for (const v of pool) {
    const Y: KpState = { F: v.F, c: v.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: v.index, ref: false, zr: false, P: [] };
    fn(Y);
    sub.forEach((j, x) => S[x].push(Y.S[j]));
  }
  P = { names: pool.map((v) => v.name), S, agg: S.map((list) => kpAggregate(list, R.agg)) };
  cache.set(key, P);
  return P;
}

/** 说明：各单位的得分与取值的算式。 */
export function kpPoolText(P: KpPoolScores, agg: KpRefer["agg"]): string {
  const list = P.S[0];
  const each = P.names.map((n, i) => n + " " + kpFormat(list[i])).join("、");
  if (agg === "max") return each + "，最高 " + kpFormat(P.agg[0]);
  if (agg === "min") return each + "，最低 " + kpFormat(P.agg[0]);
  if (list.length === 1) return each + "（只有这 1 个单位），平均分 " + kpFormat(P.agg[0]);
  return each + "，平均分 (" + list.map(kpFormat).join(" + ") + ") ÷ " + list.length + " = " + kpFormat(P.agg[0]);
}
