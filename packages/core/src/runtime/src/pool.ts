/**
 * 参照 to a pool of units (参照 同类单位平均分, 参照 「…」 最高分 …): the units that make the pool (by
 * REFERS' predicates, printed from the IR: ir/refer-pool.ts), their scores, their aggregate and its
 * explanation.  A module part: the emitter
 * includes it only in modules of catalogues with such a 参照.
 */

import { kpDivRound } from "./arith.js";
import { kpFormat } from "./text.js";
import { INDICATOR_COUNT, REFERS, type KpPoolScores, type KpRefer, type KpState, type KpUnit } from "./module-env.js";

/**
 * 参照 REFERS[k] 为单位 u 取平均分（最高分、最低分）的那组单位：本项照常考核、自己不取参照得分的单位
 * （among，编译时从计分的中间表示印出）；同类单位还要类别与 u 完全相同（part）。
 */
export function kpPool(units: KpUnit[], k: number, u: KpUnit): KpUnit[] {
  const R = REFERS[k];
  const among = R.among!;
  const part = R.part;
  if (!part) return units.filter((v) => among(v));
  const own = part(u).join("");
  return units.filter((v) => among(v) && part(v).join("") === own);
}

/** 参照 REFERS[k] 为单位 u 取的那组单位的缓存键：每条参照一组；同类单位按 u 的类别（每个声明的类别 0 或 1）各一组。 */
export function kpPoolKey(k: number, u: KpUnit): string {
  const part = REFERS[k].part;
  return k + "|" + (part ? part(u).join("") : "");
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
  const key = kpPoolKey(k, u);
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
