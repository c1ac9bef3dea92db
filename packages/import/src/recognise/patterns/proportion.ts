// Scoring in proportion to a rate of completion (session 25, helper ratio): clauses that score a task
// or target by the share of it done, read by the two forms 语言参考 has for them.
//
//   「完成…任务的得13分,没有完成任务按比例得分」「…4篇以上记2分(完不成的按比例扣分)」
//       → 按比率 得分 满分 13   (§5.8: the award on completion is the full marks; the fact is the rate done)
//   「完成…得标准分,未完成的按实际完成率乘以标准分计分」 (the item's points, or what its other clauses leave)
//       → 按比率 得分 [满分 N]
//   「未完成…目标任务的,按其(未)完成比例扣分,扣满5分为止」
//       → 基准 100% 每低 1% 扣 0.05   (§5.5: the cap's 5 points over the 100 % not done, linear from 100 %)
//   「…全年共计4篇,按缺失比例扣分」 in a 4-point item
//       → 至少 4篇 每少 1篇 扣 1        (the item's points over the pieces required, each piece missing)
//   「未完成的,按比例扣分」「按任务完成比例计分」「完成率×10分」「得分=实际完成数÷目标任务数×8」「根据任务数,算出每人
//   的平均分数,缺1例,扣减1人平均分」 → 按比率 得分 [满分 N]
//
// The full marks are never guessed: they come from the clause (「得13分」), from the item's points
// (标准分, 满分, 基本分 of an item whose only scoring this is), or from what the item's other clauses
// leave of its points when each of them is a plain award; otherwise a to-do says what is missing.
// A proportion of something else (「比例不低于1.0%」, 「检查比例」, 「报销比例」, a rate target other
// than 100 %, 超额 … 按比例加分) is not read here.
import type { ClauseContext } from "../index.js";
import { canon, decimalCompare, decimalDifference, decimalSum, exactQuotient, shareOf } from "../../decimal.js";
import { NUM, normalise, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern, type PatternResult } from "../reading.js";
import { alone } from "../rewords.js";
import { amountsIn } from "../amounts.js";
import { unitOf } from "../units.js";
import { piecesReached, wholeItemAward } from "./share-of-pieces.js";

/** A task or target not (fully) done. */
const NOT_DONE = "(?:未能?完成|[没沒]有?完成|完不成|不能完成|未达到|达不到|未达|不足(?![\\d一二两三四五六七八九十半]|档))";
/** The share the clause scores by (「按比例」「按其未完成比例」「按实际完成率」「按相应比例」). */
const BY_SHARE = "按(?:照)?(?:其)?(?:实际)?(?:未完成|完成|缺失|缺少|相应)?(?:的)?(?:比例|比率|率)";
/** What may close the clause: the floor, said again. */
const FLOOR = "(?:,?(?:扣完为止|最低为(?:零|0)分|最低得(?:零|0)分|直至扣完))?\\)?[。;]?$";
/** A share of the task done (「按完成比例」「按其未完成比例」「按任务完成进度比例」「按实际完成率」). */
const BY_DONE = "按(?:照)?(?:其)?(?:实际)?(?:任务|目标)?(?:未完成|完成)(?:进度|任务)?(?:的)?(?:比例|比率|百分比|率)";
/** A share said without what of (「按比例」「按相应比例」): only after a task not done. */
const BY_ANY = "按(?:照)?(?:其)?(?:相应)?(?:的)?(?:比例|比率)";
/** The standard score by any of its names. */
const STANDARD = "(?:标准分|满分|基本分|基础分|全分|本项分值|分值)";

/** Words that make a proportion something else than a share of a task done (a bonus beyond it, a rate target). */
const ELSEWHERE = /超额|超过部分|加分|增加|每(?:增|高|超|多)/;

/** 「完成…任务的得13分,没有完成任务按比例得分」: the award on completion is the rate's full marks. */
export const awardThenShare: Pattern = (t, ctx) => {
  // (「…推广率达100%的计9分,低于100%的按比例计分」: below the whole is not done — session 25, s25-tune15)
  const m = rxt`^([^;。]*?)(?:的)?,?(?:得|记|计|可得)${NUM}分[,;(]?(?:${NOT_DONE}|低于100%)[^,;。()]{0,24}?(?:的)?,?${BY_SHARE}(?:计算)?(?:得分|计分|扣分|扣减|折算)${FLOOR}`.exec(t);
  if (!m) return undefined;
  const cond = m[1]!;
  const n = numberText(m[2]!);
  if (n === undefined || ELSEWHERE.test(t)) return undefined;
  // the award is on completing something: a task, a target, or a number of pieces (「上报…4篇以上」), or on a rate
  // reaching the whole (「推广率达100%」「达到…100%规范化」, session 25 s25-tune15)
  if (!/完成|任务|目标|计划/.test(cond) && !rxt`\\d+(?:\\.\\d+)?[\\u4e00-\\u9fa5]{1,2}(?:及)?以上$`.test(cond) && !/达(?:到)?[^,;。]{0,12}?100%/.test(cond) && !piecesReached(cond)) return undefined;
  // an award per period or per piece (「每月按时完成得0.5分」): the share of which period is not said — unless the award
  // is the item's whole points (「每月撰写…达8篇的,计10分」 in a 10-point item: no period can earn it again, session 29)
  if (/每(?!年)/.test(cond) && !wholeItemAward(n, ctx)) return refusal("条文按期（或按件）得分又按比例计分，未能确定比率的算法");
  // a rate target other than 100 %: the share of it is not the rate done
  const pct = /(\d+(?:\.\d+)?)%/.exec(cond);
  if (pct && canon(pct[1]!) !== "100") return refusal(`条文按比例计分，目标是「${pct[0]}」而不是全部完成，未能确定比率的算法`);
  // a second number of pieces in the condition (「每季度1篇,全年4篇以上」): which one the share is of is not said
  if ((cond.match(/\d+(?:\.\d+)?(?!%)/g) ?? []).length > 1) return refusal("条文按比例计分，完成的条件中有几个数，未能确定比率以哪一个为准");
  if (ctx.section === null && ctx.points !== null && decimalCompare(canon(n), canon(ctx.points)) > 0) return refusal(`条文按比例计分的满分 ${n} 分超过本项分值 ${ctx.points} 分，未能确定`);
  // the floor said again (「最低为0分」) is the rate's own: nothing below 0
  const floor = /最低(?:为|得)(0|零)分/.exec(t);
  return reading([`按比率 得分 满分 ${n}`], floor ? [m[2]!, floor[1]!] : [m[2]!]);
};

/** 「完成…得标准分,未完成的按实际完成率乘以标准分计分」: the standard score times the rate done. */
export const standardTimesShare: Pattern = (t, ctx) => {
  const m =
    rxt`^(?:[^,;。]*?完成[^,;。]*?(?:的)?,?得${STANDARD}[,;])?${NOT_DONE}[^,;。]{0,24}?(?:的)?,?按(?:照)?(?:其)?(?:实际)?完成(?:率|比例|比率|进度)(?:乘以|×|x|X|\\*)${STANDARD}(?:计分|得分|计算得分|计算)?${FLOOR}`.exec(t);
  if (!m || ELSEWHERE.test(t) || /\d/.test(t)) return undefined;
  if (unknownItem(ctx)) return undefined;
  const full = fullMarks(ctx, true);
  if (full === undefined) return refusal(`条文按完成率乘以标准分计分，${missing(ctx)}，标准分是多少没有写明，未能确定满分`);
  return reading([full === "item" ? "按比率 得分" : `按比率 得分 满分 ${full}`], []);
};

/**
 * 「完成…的得满分,未完成的按未完成比例扣分」「未完成的按完成进度比例计分」「按任务完成比例计分」: the item's points
 * (or what its other awards leave) times the rate done — no amount in the clause, a task done the share's measure.
 */
export const itemShare: Pattern = (t, ctx) => {
  const m = rxt`^(?:(?:本项|该项|此项)?满分(?:为)?${NUM}分[,;])?(?:[^,;。]*?完成[^,;。]*?(?:的)?,?(?:(?:得|记|计)${STANDARD}|满分)[,;])?(?:超额完成的?(?:不加分|不另加分|不再加分)[,;])?(?:${NOT_DONE}[^,;。]{0,24}?(?:的)?,?${BY_ANY}|(?:${NOT_DONE}[^,;。]{0,24}?(?:的)?,?)?${BY_DONE})(?:计分|得分|扣分|扣减|计算得分|折算得分|折算)${FLOOR}`.exec(t);
  if (!m || ELSEWHERE.test(t.replace(/超额完成的?(?:不加分|不另加分|不再加分)/, ""))) return undefined;
  // 「按比例」 without what of: only the share of a task (「未达到要求的,按比例扣分」 — a requirement is no quantity)
  if (!rxt`${BY_DONE}`.test(t) && !/完成|任务|目标|计划/.test(t.slice(0, t.lastIndexOf("按")))) return undefined;
  // the full marks stated (「本项满分10分,按完成比例计分」): the rate's, and no other number
  if (m[1] !== undefined) {
    const n = numberText(m[1]);
    if (n === undefined || /\d/.test(t.slice(m[0].indexOf(m[1]) + m[1].length))) return undefined;
    if (ctx.points !== null && decimalCompare(canon(n), canon(ctx.points)) > 0) return refusal(`条文按完成比例计分的满分 ${n} 分超过本项分值 ${ctx.points} 分，未能确定`);
    return reading([`按比率 得分 满分 ${n}`], [m[1]]);
  }
  if (/\d/.test(t)) return undefined;
  if (unknownItem(ctx)) return undefined;
  const full = fullMarks(ctx, true);
  if (full === undefined) return refusal(`条文按完成比例计分，${missing(ctx)}，未能确定满分`);
  return reading([full === "item" ? "按比率 得分" : `按比率 得分 满分 ${full}`], []);
};

/** 「以完成率乘以该项分值计分」「完成率×10分」「得分=实际完成数÷目标任务数×10」: a rate of completion times the full marks. */
export const formulaShare: Pattern = (t, ctx) => {
  const m =
    rxt`^(?:得分=|以|按)?(?:[^,;。=]{0,12}?)完成(?:率|比例|比率|进度)(?:乘以|×|x|X|\\*)(?:${NUM}分?|该项分值|本项分值|${STANDARD})(?:计分|得分|计算得分|计算)?[。;]?$`.exec(t) ??
    rxt`^(?:得分=|(?:计分|计算)公式[:：])\\(?[^,;。=()]*?完成[^,;。=()]*?[÷/][^,;。=()]*?(?:目标|任务|计划)[^,;。=()]*?\\)?(?:乘以|×|x|X|\\*)(?:${NUM}分?|该项分值|本项分值|${STANDARD})[。;]?$`.exec(t);
  if (!m || ctx.section !== null) return undefined;
  if (m[1] !== undefined) {
    const n = numberText(m[1]);
    if (n === undefined) return undefined;
    if (ctx.points !== null && decimalCompare(canon(n), canon(ctx.points)) > 0) return refusal(`条文按完成率计分的满分 ${n} 分超过本项分值 ${ctx.points} 分，未能确定`);
    return reading([`按比率 得分 满分 ${n}`], amountsIn(m[0]));
  }
  if (unknownItem(ctx)) return undefined;
  const full = fullMarks(ctx, true);
  if (full === undefined) return refusal(`条文按完成率乘以分值计分，${missing(ctx)}，未能确定满分`);
  return reading([full === "item" ? "按比率 得分" : `按比率 得分 满分 ${full}`], []);
};

/** 「未完成…目标任务的,按其(未)完成比例扣分,扣满5分为止」: the cap over the 100 % not done, linear from 100 %. */
export const cappedShare: Pattern = (t, ctx) => {
  const capped = rxt`,?(?:扣满|最多扣|最高扣|扣完|最多扣除|最高扣除|最多扣减|扣分最多|最多)${NUM}分(?:为止|为限|封顶)?[。;]?$`.exec(t);
  if (!capped) return undefined;
  // 「任务完成率低于100%的」 is a task not done
  const head = t.slice(0, capped.index).replace(/完成率(?:低于|未达到?|不足|达不到)100%/, "未完成");
  const m = rxt`^([^;。]*?${NOT_DONE}[^;。]*?)(?:的)?,?${BY_SHARE}(?:扣(?:分|减|除)?|减分)$`.exec(head);
  if (!m) return undefined;
  if (!/任务|目标|计划|指标|完成/.test(m[1]!) || ELSEWHERE.test(t)) return undefined;
  if (/%|\d/.test(head)) return refusal("条文按比例扣分，完成的条件中写有数，未能确定比率以哪一个为准");
  if (ctx.section !== null) return refusal("条文按比例扣分，但写在加分或减分项中，未能确定从哪个分值扣起");
  const cap = numberText(capped[1]!);
  if (cap === undefined || decimalCompare(canon(cap), "0") <= 0) return undefined;
  if (ctx.points !== null && decimalCompare(canon(cap), canon(ctx.points)) > 0) return refusal(`条文按比例扣分，扣满 ${cap} 分超过本项分值 ${ctx.points} 分，未能确定`);
  const step = shareOf(canon(cap), "1");
  if (step === undefined) return undefined;
  return reading([`基准 100% 每低 1% 扣 ${step}`], [capped[1]!]);
};

/**
 * 「根据任务数,算出每人的平均分数,缺1例,扣减1人平均分」「…少完成1例任务扣减相应的分值」: the points shared out
 * over the task's cases, each case missing losing its share — the points times the rate done.
 */
export const averageShare: Pattern = (t, ctx) => {
  const m = rxt`^(?:根据|按照?)任务(?:数|量)?,?(?:算出|计算出?|折算出?)每(?:人|例|件|个|项)的?平均(?:分数|分值|分),?(?:缺|少完成|未完成|少)(?:1|一)(人|例|件|个|项)(?:任务)?(?:的)?,?扣(?:减|除)?(?:(?:1|一)(?:人|例|件|个|项)(?:的)?平均(?:分数|分值|分)|相应(?:的)?分值)[。;]?$`.exec(t);
  if (!m) return undefined;
  if (unknownItem(ctx)) return undefined;
  const full = fullMarks(ctx, true);
  if (full === undefined) return refusal(`条文按任务数平均计分，${missing(ctx)}，未能确定平均的总分`);
  return reading([full === "item" ? "按比率 得分" : `按比率 得分 满分 ${full}`], []);
};

/** Periods a year has, for a requirement per period restating the year's total (「每季度至少1篇,全年共计4篇」). */
const PERIODS: Readonly<Record<string, string>> = { 季度: "4", 季: "4", 月: "12", 半年: "2" };

/** 「…全年共计4篇,按缺失比例扣分」: the item's points over the pieces required, for each piece missing. */
export const shortfallShare: Pattern = (t, ctx) => {
  const m = rxt`(?:共计?|合计|总计|全年|不少于|至少)${NUM}([\\u4e00-\\u9fa5]),?按(?:其)?(?:缺失|缺少|缺报|少报|未完成|缺)(?:的)?(?:比例|比率)扣分[。;]?$`.exec(t);
  if (!m) return undefined;
  const total = numberText(m[1]!);
  const unit = unitOf(m[2]!);
  if (total === undefined || total === "0" || unit === undefined) return refusal("条文按缺失比例扣分，未能确定应完成的数量或计数单位");
  const head = t.slice(0, m.index);
  // other numbers before: only a requirement per period that restates the total (4 quarters × 1 = 4)
  for (const x of head.matchAll(/每(季度|季|月|半年)(?:至少|不少于)?[\u4e00-\u9fa5]{0,6}?(\d+|[一二两三四五六七八九十])([\u4e00-\u9fa5])/g)) {
    const per = numberText(x[2]!);
    if (per === undefined || x[3] !== m[2] || decimalCompare(canon(String(BigInt(per) * BigInt(PERIODS[x[1]!]!))), total) !== 0) return refusal(`条文的「${x[0]}」与总数 ${total} 不一致，未能确定按比例扣分的基数`);
  }
  if (/\d|[一二两三四五六七八九十](?=[\u4e00-\u9fa5]{0,2}(?:篇|个|件|次|项|条|份))/.test(head.replace(/每(?:季度|季|月|半年)(?:至少|不少于)?[\u4e00-\u9fa5]{0,6}?(?:\d+|[一二两三四五六七八九十])[\u4e00-\u9fa5]/g, ""))) return refusal("条文按缺失比例扣分，还写有其他的数，未能确定");
  if (unknownItem(ctx)) return undefined;
  const full = fullMarks(ctx, true);
  if (full === undefined) return refusal(`条文按缺失比例扣分，${missing(ctx)}，未能确定按比例扣减的满分`);
  const points = full === "item" ? ctx.points! : full;
  const each = exactQuotient(canon(points), total);
  if (each === undefined) return refusal(`条文按缺失比例扣分：${points} 分 ÷ ${total} 不是有限小数，未能写成每少一${m[2]} 扣多少分`);
  return reading([`至少 ${total}${m[2]} 每少 1${m[2]} 扣 ${each}`], []);
};

/**
 * The full marks of a proportion whose clause writes none: the item's points when the clause is its item's
 * only one (`"item"`, 满分 left out as 语言参考 §5.8 allows), or — when every other clause of the item is a
 * plain award of one amount — what they leave of the item's points (「…得标准分10分」 beside it in a
 * 20-point item: 10). With `deductionsToo`, other clauses that only deduct take nothing of the points (the
 * item's points, written: the item then has several rules, KP2018).
 */
function fullMarks(ctx: ClauseContext, deductionsToo = false): "item" | string | undefined {
  if (ctx.section !== null) return undefined;
  // the item's one rule: its points, whatever the document gives them (満分 left out)
  if (alone(ctx)) return "item";
  if (ctx.points === null) return undefined;
  const siblings = (ctx.siblings ?? []).map(normalise);
  if (ctx.siblings === undefined || siblings.length === 0) return undefined;
  const deducting = (s: string): boolean => /扣|减|不得分|不计分|不记分/.test(s) && !/得|加|记\d|计\d/.test(s.replace(/不得分/g, ""));
  // other clauses that only deduct take nothing of the points; the rule is one of several, so 满分 is written (KP2018)
  if (deductionsToo && siblings.every(deducting)) return canon(ctx.points);
  const awards: string[] = [];
  for (const s of siblings) {
    const amounts = [...s.matchAll(/(\d+(?:\.\d+)?)分/g)];
    const award = /(?:得|记|计)(?:标准分|基本分)?(\d+(?:\.\d+)?)分[。;]?$/.exec(s);
    if (amounts.length !== 1 || !award || /扣|减|每|比例|比率|按|否则|未|不/.test(s)) return undefined;
    awards.push(canon(award[1]!));
  }
  const taken = decimalSum(awards);
  if (decimalCompare(taken, canon(ctx.points)) >= 0) return undefined;
  return decimalDifference(canon(ctx.points), taken);
}

/**
 * Nothing is known of the item's other clauses (neither `siblings` nor `alone` given): the full marks are not this
 * pattern's to settle — the older patterns read such a clause `按比率 得分` (the item's points, which `kp check`
 * refuses when the item has other rules, KP2018), or it stays a to-do.
 */
function unknownItem(ctx: ClauseContext): boolean {
  return ctx.siblings === undefined && ctx.alone === undefined;
}

/** What keeps the full marks unknown, in Chinese. */
function missing(ctx: ClauseContext): string {
  if (ctx.section !== null) return "条文在加分或减分项中，没有分值";
  if (ctx.points === null) return "本项没有分值";
  if (ctx.siblings === undefined || ctx.siblings.length === 0) return "本项另有其他行的条文";
  return "本项另有计数、扣分以外的得分或几个分值的条文";
}

/** Every proportion reading rests on one of these words: a clause without any is passed at once (cost per clause). */
const SHARE_WORD = /比|率|平均|得分=|公式/;

/** The proportion patterns, tried before the others (recognise.ts). */
export const proportionPatterns: readonly Pattern[] = [awardThenShare, standardTimesShare, itemShare, formulaShare, averageShare, cappedShare, shortfallShare].map(
  (p): Pattern =>
    (t, ctx) =>
      SHARE_WORD.test(t) ? p(t, ctx) : undefined,
);

/** Whether a number of the clause is placed by a proportion reading (the accounting check, accounting.ts). */
export function proportionPlaced(masked: string, at: number, text: string, value: string, all: string): boolean {
  const after = masked.slice(at + text.length);
  // the cap of a share deducted (「扣满5分为止」 read 基准 100% 每低 1% 扣 0.05)
  const linear = /^基准 100% 每低 1% 扣 ([\d.]+)$/.exec(all);
  if (linear && /^分/.test(after) && shareOf(value, "1") === linear[1] && /(?:扣满|最多扣|最高扣|扣完|最多扣除|最高扣除|最多扣减|扣分最多|最多)$/.test(masked.slice(0, at))) return true;
  // the one case missing of a share averaged over the task (「缺1例,扣减1人平均分」 read 按比率 得分)
  if (/^按比率 得分/.test(all) && value === "1" && /平均(?:分数|分值|分)/.test(masked) && (/(?:缺|少完成|未完成|少)$/.test(masked.slice(0, at)) || /^(?:人|例|件|个|项)(?:的)?平均/.test(after))) return true;
  // the target a formula divides by (「建成8个…得2分,计分公式:已建成数÷8×2」): what the rate is of
  if (/^按比率 得分/.test(all) && /^\d+$/.test(value) && new RegExp(`[÷/]${value}(?![\\d.])`).test(masked) && (/^[\u4e00-\u9fa5]/.test(after) || /[÷/]$/.test(masked.slice(0, at)))) return true;
  // the whole a rate reaches for its full marks (「推广率达100%的计9分」「完成…和100%规范化…的计7分」 read 按比率 得分
  // 满分 N: the rate's 100 %, session 25 s25-tune15)
  if (/^按比率 得分 满分 /.test(all) && value === "100" && /^%/.test(after)) return true;
  return rateTarget(masked, at + text.length, all);
}

/**
 * Whether the number ending at `end` is the target a rate is of (「上报…4篇以上记2分(完不成的按比例扣分)」 read 按比率
 * 得分 满分 2: the fact is the pieces ÷ 4, at most 100 %; 「完成招商引资5000万元得8分」) — the accounting check and
 * the bound guard.
 */
export function rateTarget(t: string, end: number, all: string): boolean {
  return /^按比率 得分 满分 /.test(all) && /^[\u4e00-\u9fa5]{1,3}(?:及)?(?:以上)?[^,;。\d]{0,10}?(?:的)?,?(?:得|记|计|可得)\d/.test(t.slice(end)) && /按[^,;。]{0,6}(?:比例|比率)/.test(t);
}

/**
 * Whether the bound at `at` caps the count a rate is of at its target (「数量(超过5个以5个计算)÷5×1」 read 按比率:
 * a rate is at most 100 %, 语言参考 §5.8) — the bound guard (guards.ts).
 */
export function rateCapped(t: string, at: number, all: string): boolean {
  // 「…达100%的计9分,低于100%的按比例计分」: below the whole is where the rate scores (session 25, s25-tune15)
  if (/^按比率 得分 满分 /.test(all) && /^低于100%/.test(t.slice(at))) return true;
  const m = /^超过(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{0,2})(?:的)?(?:以|按)(\d+(?:\.\d+)?)\2(?:计算|计)/.exec(t.slice(at));
  return /^按比率 得分/.test(all) && m !== null && m[1] === m[3] && new RegExp(`[÷/]${m[1]!.replace(".", "\\.")}(?!\\d)`).test(t);
}

/** 比例 / 比率 as a way of scoring (「按…比例」, 「比例扣分」), not the name of a thing. */
const SHARE_METHOD = /按[^,;。]{0,8}(?:比例|比率|比重)|(?:比例|比率|比重)(?:得分|扣分|计分|扣减|减分|加分|折算|计算|递减|递增)/;

/**
 * The clause with 比例 / 比率 masked where each names a thing the condition is about (「未对网格员设定检查比例的,扣3分」
 * 「提高…报销比例…的,得8分」, 「达不到该比率的」) and none is a way of scoring: the one-amount patterns (count.ts)
 * then read the clause as any other — its bounds are still the guards' to check.
 */
export function namedShareMasked(t: string): string {
  if (!/比例|比率/.test(t) || SHARE_METHOD.test(t)) return t;
  return t.replace(/比例|比率/g, "□□");
}

/** Re-exported for tests: one proportion reading of a clause, or undefined (no pattern applies). */
export function readProportion(t: string, ctx: ClauseContext): PatternResult {
  for (const p of proportionPatterns) {
    const r = p(t, ctx);
    if (r) return r;
  }
  return undefined;
}
