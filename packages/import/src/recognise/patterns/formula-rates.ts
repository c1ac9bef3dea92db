// Formulas of a rate written out (session 29, helper rates): the number the rate multiplies is its full marks.
//   「(2)上报得分=上报率×540」                                       → 按比率 得分 满分 540
//   「落实占4分,得分=落实数量/12*4」「转载占1分,得分二转载数量/12*1」    → 按比率 得分 满分 4 / 满分 1
//   「信息泵数据质量得分为数据上传率与4之乘积,数据上传率即实际上传次数与应传次数之比」 → 按比率 得分 满分 4
// A rate of something done (上报率, 上传率, a number done ÷ its target) times N is 按比率 with 满分 N (语言参考 §5.8: the
// rate is at most 100 %). Not a rate of change or of faults (增长率, 差错率 …: the score would not be a share of N
// done), not a factor beyond the item's points, and where the clause states the part's points (「落实占4分」) the factor
// must be them. 「得分二」 before a formula is the copy's 「得分=」 (二 for =), read only before a formula with ÷ or /
// and a factor.
import { canon, decimalCompare } from "../../decimal.js";
import type { ClauseContext } from "../index.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern, type PatternResult } from "../reading.js";

/** A rate that is no share of something done: a change, a fault, a deviation. */
const NOT_A_SHARE = /增长|增幅|增速|下降|降低|减少|变化|差错|错误|误差|偏差|超标|违法|违规|发生|事故|投诉/;

function withinItem(n: string, ctx: ClauseContext): PatternResult | undefined {
  if (ctx.section !== null) return refusal("条文按比率计分，但写在加分或减分项中，未能确定");
  if (ctx.points !== null && decimalCompare(canon(n), canon(ctx.points)) > 0) return refusal(`条文按比率计分的满分 ${n} 分超过本项分值 ${ctx.points} 分，未能确定`);
  return undefined;
}

/** 「上报得分=上报率×540」: a rate of something done times N, nothing else. */
export const rateTimesNumber: Pattern = (t, ctx) => {
  const m = rxt`^(?:\\(\\d+\\)|\\d+[、.](?!\\d))?[^,;。=\\d]{0,12}?得分=([^,;。=\\d()]{1,16}?率)[×xX*]${NUM}(?:分)?[。;]?$`.exec(t);
  if (!m || NOT_A_SHARE.test(m[1]!)) return undefined;
  const n = numberText(m[2]!);
  if (n === undefined) return undefined;
  return withinItem(n, ctx) ?? reading([`按比率 得分 满分 ${n}`], /分[。;]?$/.test(t) ? [m[2]!] : []);
};

/** 「落实占4分,得分=落实数量/12*4」: the part's points, then a count over its target times those points. */
export const countOverTarget: Pattern = (t, ctx) => {
  const m = rxt`^([^,;。=\\d]{1,12}?)(?:占|为|满分)${NUM}分,得分[=二]\\(?([^,;。=\\d()]{1,12}?)(?:数量|个数|数)\\)?[/÷]${NUM}\\)?[×xX*]${NUM}[。;]?$`.exec(t);
  if (!m || NOT_A_SHARE.test(m[3]!)) return undefined;
  const [points, target, factor] = [numberText(m[2]!), numberText(m[4]!), numberText(m[5]!)];
  if (points === undefined || target === undefined || factor === undefined || canon(points) !== canon(factor) || canon(target) === "0") return undefined;
  return withinItem(points, ctx) ?? reading([`按比率 得分 满分 ${points}`], [m[2]!]);
};

/** 「…得分为数据上传率与4之乘积,数据上传率即实际上传次数与应传次数之比」: a rate's product with N. */
export const productOfRate: Pattern = (t, ctx) => {
  const m = rxt`^[^,;。=\\d]{0,16}?得分(?:为|是)([^,;。=\\d]{1,12}?率)与${NUM}(?:分)?(?:之|的)?乘积(?:,\\1(?:即|是|为)[^,;。=\\d]{1,30}?之比)?[。;]?$`.exec(t);
  if (!m || NOT_A_SHARE.test(m[1]!)) return undefined;
  const n = numberText(m[2]!);
  if (n === undefined) return undefined;
  return withinItem(n, ctx) ?? reading([`按比率 得分 满分 ${n}`], []);
};

/** The formula patterns of session 29, tried with the proportion patterns (recognise.ts). */
export const formulaRatePatterns: readonly Pattern[] = [rateTimesNumber, countOverTarget, productOfRate];
