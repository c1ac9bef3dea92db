import type { ClauseContext } from "./index.js";
import { amountsIn } from "./amounts.js";
import { rxt } from "./normalise.js";
import { CREDITS, BASE_POINTS_EARNED, DEDUCT_ASSESSMENT_POINTS, DEDUCT_BEFORE_RANGE, DEDUCTED_FROM_SCORE, signedDeduction, TILDE_RANGE, TOTAL_AS_CAP, UNTIL_ZERO } from "./rewords-amounts.js";
import { ABOVE_AFTER_INCLUSIVE, NOT_REACHED_INCLUSIVE, RESTATED_BOUND, WORKING_DAYS } from "./rewords-bounds.js";
import { COPY_DI, COPY_FOUZHE, COPY_ZHANXIAN } from "./rewords-copies.js";
import { BOOKS, EACH_ITEM_EACH, havingOne, ONE_CASE, ONE_OF_A_MEASURE, PER_NAME, STANDARD_PER_PERIOD, STEP_COMMA } from "./rewords-counts.js";
import { OTHERWISE_IN_BRACKETS, rewordItemPoints } from "./rewords-item.js";

// Words a clause writes for what the patterns already read (session 23, from the sixth and seventh
// fresh sets), rewritten in the normalised text the patterns see — never in the clause, which is kept
// verbatim. Each rewrite says the same thing in the words the patterns know. The order matters (a rewrite
// may make the words a later one reads): REWORDS, then rewordSecondPass, then rewordLastPass (readBody in
// recognise.ts); session 24's rewrites are kept by concern in rewords-counts.ts, rewords-amounts.ts,
// rewords-bounds.ts, rewords-item.ts and rewords-copies.ts, and named here in the order they are applied.

/** One rewrite: what the clause writes, and the words the patterns know. */
export type Reword = readonly [RegExp, string];

const REWORDS: readonly Reword[] = [
  // 「扣减1分」「予以扣减2分」: a deduction
  [/扣减/g, "扣"],
  // 「新筛率达不到90%扣2分」: 达不到 is 未达到 (strict)
  [/达不到/g, "未达到"],
  // 「签订率不达100%的扣10分」「没有达到90%」: 不达 and 没(有)达到 are 未达 — never read as 达 (≥)
  [/(?:不|没有?)达(?:到)?(?=\d)/g, "未达到"],
  // 「达不到要求不给分」「直接计0分」: no points
  [/不给分/g, "不得分"],
  [/(?:直接)?(?:计|记|得)(?:0|零)分/g, "不得分"],
  // 「否那么不计分」: a converted copy's 则 (→ 那么) in 否则
  [/否那么/g, "否则"],
  // 「…的追加0.5分」: an award
  [/追加(?=[\d一二两三四五六七八九十])/g, "加"],
  // 「加分累计不超2分」: 不超 is 不超过
  [/不超(?![过出])(?=\d)/g, "不超过"],
  // 「每逢赶集日安排…接访的记2分」: 每逢 says when, it counts nothing
  [/每逢/g, "逢"],
  // 「每村有一个固定宣传栏…」: 每村 is each unit assessed, not a count — the rule is the unit's own
  [/每(?:个)?(?=(?:村|社区|乡镇|街道)(?:有|都有|均有|建有|设有|配备|要|应|须|必须))/g, ""],
  // 「…采取一票否决的办法，年末不评优」: the veto named by its effect — 不评优 is 一票否优
  [/一票否决(?=[^;。]*?[,;](?:[\u4e00-\u9fa5]{0,4})?不(?:得|能|参加|予)?评(?:优|先))/g, "一票否优"],
  // session 24, in the order its helpers added them (the eighth and ninth sets, s24-multi, s24-tune11)
  STANDARD_PER_PERIOD,
  TILDE_RANGE,
  STEP_COMMA,
  PER_NAME,
  EACH_ITEM_EACH,
  DEDUCTED_FROM_SCORE,
  ABOVE_AFTER_INCLUSIVE,
  WORKING_DAYS,
  ...CREDITS,
  ...BOOKS,
  RESTATED_BOUND,
  NOT_REACHED_INCLUSIVE,
  BASE_POINTS_EARNED,
  ONE_CASE,
  TOTAL_AS_CAP,
];

/** The text with each rewrite of the list made, in order. */
function rewordWith(t: string, rewords: readonly Reword[]): string {
  let out = t;
  for (const [re, to] of rewords) out = out.replace(re, to);
  return out;
}

/** The normalised clause with the words of REWORDS rewritten. */
export function reword(t: string): string {
  return rewordWith(t, REWORDS);
}

/** After REWORDS (session 24, the tenth set): 扣为0分为止, 扣除考核分, a bracketed other side, one of a measure word the language lacks, 展现. */
const SECOND_PASS: readonly Reword[] = [UNTIL_ZERO, DEDUCT_ASSESSMENT_POINTS, OTHERWISE_IN_BRACKETS, ...ONE_OF_A_MEASURE, COPY_ZHANXIAN];

/** The reworded clause with SECOND_PASS rewritten, then a dash as a minus sign (signedDeduction), then having one person (havingOne). */
export function rewordSecondPass(t: string, ctx: ClauseContext): string {
  return havingOne(signedDeduction(rewordWith(t, SECOND_PASS), ctx));
}

/** After the second pass (session 24, the thirteenth set): 扣除 before a range, 旳. */
const LAST_PASS: readonly Reword[] = [DEDUCT_BEFORE_RANGE, COPY_DI, COPY_FOUZHE];

/** The clause with LAST_PASS rewritten, then the item's points (rewordItemPoints). */
export function rewordLastPass(t: string, ctx: ClauseContext): string {
  return rewordItemPoints(rewordWith(t, LAST_PASS), ctx);
}

/**
 * 「乡镇主要负责人每月至少督查1次安全生产工作(4分);」 as its item's only clause, the item being 4 points: the
 * bracketed points are the task's (a checklist item), not a heading to drop. Only when the context says
 * the clause has no siblings (the editor's action, which does not know, keeps dropping them).
 */
export function ownPoints(t: string, ctx: ClauseContext): boolean {
  if (ctx.points === null || ctx.section !== null || !alone(ctx)) return false;
  // (a failing 「未按照…(4分)」 or a discretion 「否则将酌情扣分。(5分)」 is no task done: the points stay the heading)
  // (「(不含保健讲座)」 narrows the task, 「定期或不定期」 says when: they fail nothing — session 24)
  if (/未|没有|无|不|否则|酌情|扣|减/.test(t.replace(/\((?:不含|含)[^()\d]{1,12}\)|不定期/g, ""))) return false;
  return rxt`\\(${ctx.points.replace(".", "\\.")}分\\)[。;,]?$`.test(t) && amountsIn(t).length === 1;
}

/** The clause is its item's only one, with the item's points (ClauseContext.alone, or no siblings given as such). */
export function alone(ctx: ClauseContext): boolean {
  return ctx.alone ?? (ctx.siblings !== undefined && ctx.siblings.length === 0);
}
