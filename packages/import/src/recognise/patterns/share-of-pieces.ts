// A number of pieces an award is for, scored in proportion below it (session 29, helper rates):
//   「各地每月撰写市场动态分析达8篇的,计10分,不足按比例计分」 in a 10-point item → 按比率 得分 满分 10
//   「山东省商务预报主站采用8条的,计4分,不足按比例计分」                        → 按比率 得分 满分 4
// The award is on reaching a number of pieces (篇、条、份 …: things made or counted, never money, time or a rate),
// so the share below it is the pieces done ÷ the number (语言参考 §5.8). An award per period (「每月…」) is read only
// when it is the item's whole points: no second period can earn it again, so the period only says how the pieces
// are counted, not that the award repeats.
import { canon } from "../../decimal.js";
import type { ClauseContext } from "../index.js";

/** Measure words of things made, sent or counted — never money (元), time (天/月) or a rate. */
const PIECES = "篇|条|份|件|个|项|次|场|家|户|名|人|例|处|期";

/** 「…达8篇」「…采用8条」 at the end of an award's condition: the pieces the award is for. */
export function piecesReached(cond: string): boolean {
  return new RegExp(`(?<![\\d.%])\\d+(?:${PIECES})$`).test(cond);
}

/** The award `n` is the item's whole points (an item, not a 加分/减分 section). */
export function wholeItemAward(n: string, ctx: ClauseContext): boolean {
  return ctx.section === null && ctx.points !== null && canon(n) === canon(ctx.points);
}
