// Formulas and panel scores (session 23, from the sixth and seventh fresh sets): the amount a clause
// writes is the full points of a rate or the top of a panel's range, never an award.
//   「得分=及时受理率 c 5分」「即时答复率满分20分，按百分比扣分」 → 按比率 得分 满分 N
//   「得分=(实际到位资金额/时序目标任务)×分值」「以实际评定的好路率X120」(the item's points) → 按比率 得分
//   「完成或超额完成目标值得基本分；没有完成的扣分，每低于目标值2%扣1分」 → 基准 100% 每低 2% 扣 1
//   「考评组…进行打分，最高分为5分」 → 评议 得分 上限 5
import { amountsIn } from "../amounts.js";
import { decimalCompare } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";

/** Nothing but punctuation left once the formula is taken out. */
const bare = (s: string): boolean =>
  !/[\d分扣得加减]/.test(s.replace(/^(?:\(\d+\)|\d+[、.])/, "").replace(/按[^,;。]{0,8}(?:比例|比率)(?:得分|计分)[。;,]?/, ""));

/** 「得分=…率 c 5分」 (the copy's × lost or garbled) and 「…率满分20分，按百分比扣分」: a rate of N points. */
export const rateOfPoints: Pattern = (t) => {
  const f = rxt`得分=[^,;。=]*?率[c×xX*]${NUM}分`.exec(t) ?? rxt`^[^,;。\\d]*?率(?:满分|为)${NUM}分,?按(?:百分比|比例|比率)(?:扣分|计分|得分)`.exec(t);
  if (!f) return undefined;
  const n = numberText(f[1]!);
  if (n === undefined || !bare(t.replace(f[0], ""))) return undefined;
  return reading([`按比率 得分 满分 ${n}`], [n]);
};

/** 「得分=(…/…)×分值」「以实际评定的好路率X120」 (120 the item's points): a rate of the item's points. */
export const rateOfItem: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const byWord = rxt`得分=[^,;。=]*[×xX*](?:分值|满分|标准分|本项分值)`.exec(t);
  const byNumber = rxt`^(?:以|按)[^,;。\\d]*?率[×xX*](\\d+(?:\\.\\d+)?)(?![\\d.分])`.exec(t);
  const f = byWord ?? byNumber;
  if (!f || (byNumber && !byWord && numberText(byNumber[1]!) !== ctx.points)) return undefined;
  if (!bare(t.replace(f[0], "").replace(/[°o]/g, ""))) return undefined;
  return reading(["按比率 得分"], []);
};

const DONE = "^完成(?:或超额完成)?(?:目标值|目标任务|目标|任务)?(?:的)?得(?:基本分|满分)[;,]";
const ZERO = "(?:,?(?:最低为零分|最低为0分|最低得0分|扣完为止))?[。;]?$";

/** 「完成…得基本分；没有完成的扣分，每低于目标值2%扣1分」: steps below the target (100 % done). */
export const belowTarget: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = rxt`${DONE}(?:没有完成|未完成|完不成)的?(?:扣分)?,?每低于目标值?${NUM}%(?:扣|减)${NUM}分${ZERO}`.exec(t);
  if (!m) return undefined;
  const [step, amount] = [numberText(m[1]!), numberText(m[2]!)];
  if (step === undefined || amount === undefined) return undefined;
  return reading([`基准 100% 每低 ${step}% 扣 ${amount}`], [amount]);
};

/** 「完成…得基本分；没有完成的，按实际完成值占目标值的比重计算得分」: the rate done. */
export const shareOfTarget: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  if (!rxt`${DONE}(?:没有完成|未完成|完不成)的?,?按实际完成(?:值|数|额)?占目标(?:值|任务)?的?(?:比重|比例)计算得分${ZERO}`.test(t)) return undefined;
  return reading(["按比率 得分"], []);
};

/** 「考评组视…进行打分，最高分为5分」: a panel's score up to N. */
export const panelScore: Pattern = (t) => {
  const m = rxt`(?:考评组|考核组|评审组|专家组|评委会?)[^;。]*?(?:打分|评分|评议)[^;。\\d]*?,?最高(?:分)?(?:为|可得|得)?${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const n = numberText(m[1]!);
  if (n === undefined || /\d/.test(t.slice(0, m.index))) return undefined;
  return reading([`评议 得分 上限 ${n}`], [n]);
};

export const formulaPatterns: readonly Pattern[] = [rateOfPoints, rateOfItem, belowTarget, shareOfTarget, panelScore];

/**
 * 「…纳入基本建设管理程序得1.5分。计分公式：A的数量÷B的数量×1.5」: the award is the full points of a rate the
 * formula defines (a ÷ and the award as the factor) — 按比率 with the award as 满分.
 */
export const formulaOfAward: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`(?:得|计|记)${NUM}分[,。;](?:采用完成比率计分法[,。;])?计分公式[:：]([^;。]+?)[÷/]([^;。]+?)[×xX*]${NUM}[。;]?$`.exec(t);
  if (!m) return undefined;
  const [award, factor] = [numberText(m[1]!), numberText(m[4]!)];
  if (award === undefined || award !== factor || amountsIn(t).length !== 1) return undefined;
  if (ctx.points !== null && decimalCompare(award, ctx.points) > 0) return refusal(`条文的满分 ${award} 分超过本项分值 ${ctx.points} 分，未能确定`);
  return reading([`按比率 得分 满分 ${award}`], [award]);
};
