// Guards on the direction of a reading (session 25, helper s25-tune14): an award the clause does not say.
//   bare-award-among-deductions  「病、事假每次2分;」 read `每次 得 2` among siblings that deduct (gzjs-23,
//                                read wrong before: a bare amount was taken as an award by default)
//   whole-score-as-award         「没有贫困村的乡镇计10分」 read `得 10` beside 「完成任务计15分,不完成任务扣2分」 in
//                                a 15-point item (gxmb-04, read wrong before): where a sibling states the item's
//                                points as what doing the task scores, 计N分 states the item's whole score, not an
//                                award on top of it
//   award-on-fault               (session 27) an award where the clause writes no award verb and describes a fault
//                                (「擅自…影响市容市貌的 0.5分/处」 read `每处 得 0.5`: ldgg-05, ldld-04/05)
//   award-unstated               (session 27) an award of a clause with no scoring verb at all, where nothing states
//                                it (patterns/stated-direction.ts: the item's name, a thing to do, a merit, a task)
import type { Guard } from "./guards.js";
import { normalise, NUM, rxt } from "./normalise.js";
import { deductionList, faultList } from "./patterns/bare-amounts.js";
import { canon } from "../decimal.js";
import { awardUnstatedReason, faultStated } from "./patterns/stated-direction.js";

/** An award verb before an amount the clause writes (「得2分」「加1分」「计3分」). */
export const AWARD_WRITTEN = rxt`(?:得|加|计|记|奖励?|给|增|可得)${NUM}分|得满分`;
/** A sibling's deduction of an amount. */
const DEDUCTS = rxt`(?:扣|减)${NUM}分`;
export const AWARDS = (bodies: readonly string[]): boolean => bodies.some((b) => /(?:^|\s)得(?:\s|$)/.test(b));

/** A sibling that states the item's points P as what completing the task scores, with a deduction after it. */
function pointsAsTaskScore(siblings: readonly string[] | undefined, points: string): boolean {
  return (siblings ?? []).some((raw) => {
    const s = normalise(raw);
    const m = rxt`(?:完成|做到|达到)[^;。]*?(?:计|记|得)${NUM}分[,;]?[^;。]*?(?:扣|减)${NUM}分`.exec(s);
    return m !== null && canon(m[1]!) === points;
  });
}

export const GUARDS_DIRECTION: readonly Guard[] = [
  {
    // 「擅自在建筑物墙面悬挂喷绘布幅广告,影响市容市貌的 0.5分/处」 read `每处 得 0.5` (ldgg-05, ldld-04/05 of the
    // seventeenth set, session 27): an award where the clause writes no award verb and describes a fault
    name: "award-on-fault",
    since: 27,
    check: (t, bodies) => {
      if (!AWARDS(bodies) || AWARD_WRITTEN.test(t)) return undefined;
      const fault = faultStated(t);
      return fault !== undefined ? `条文写的是毛病（「${fault}」），分值前没有「得」或「加」，计分方式却是得分，未能确定是扣分还是得分` : undefined;
    },
  },
  {
    // 「年度汇报材料 3分」 in an item named 「扣分项目」, or with no word of a thing to do, read `得 3` (the
    // compositional reader's default, session 27): an award of a clause with no scoring verb must be stated
    name: "award-unstated",
    since: 27,
    check: (t, bodies, ctx) => (AWARDS(bodies) ? awardUnstatedReason(t, ctx) : undefined),
  },
  {
    name: "bare-award-among-deductions",
    since: 25,
    check: (t, bodies, ctx) => {
      // counted readings only: a task with its points (「…并有检查记录,0.5分」) is what the item earns among deductions
      if (!AWARDS(bodies) || !bodies.every((b) => /^每/.test(b)) || AWARD_WRITTEN.test(t) || ctx.section !== null) return undefined;
      // siblings that deduct (all of them, or some beside awards): the list's direction is not the award's
      // (or siblings that price faults with no verb at all: a deductions table, wqsr-10, session 25 s25-tune15)
      if (!deductionList(ctx.siblings) && !faultList(ctx.siblings) && !(ctx.siblings ?? []).some((s) => DEDUCTS.test(normalise(s)))) return undefined;
      return "条文的分值前没有「扣」或「得」，同一项的其他条文有扣分，未能确定是扣分还是得分";
    },
  },
  {
    name: "whole-score-as-award",
    since: 25,
    check: (t, bodies, ctx) => {
      if (ctx.points === null || ctx.section !== null || bodies.length !== 1) return undefined;
      const award = /^得 ([\d.]+)$/.exec(bodies[0]!);
      if (!award || !/(?:计|记|为)[\d.]+分/.test(t)) return undefined;
      const points = canon(ctx.points);
      if (canon(award[1]!) === points || !pointsAsTaskScore(ctx.siblings, points)) return undefined;
      return `同一项的其他条文以「计${points}分」为完成任务的得分（本项满分），本条的「${award[1]}分」可能是本项的总得分而不是另得的分，未能确定是得分还是扣分`;
    },
  },
];
