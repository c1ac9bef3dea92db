// A range whose dash the copy lost (session 27, the eighteenth set's to-dos; issue 13): 「扣0.10.5分」 is no number —
// two decimal points in one run of digits — and the corpus reads it as the range it was (wmhb-02 …, book 361:
// `酌情 扣 0.1 至 0.5`; test/corpus/README.md, 「Eighteenth held-out set」's judgement calls). It is read back only
// where that is the one way to read it:
// - exactly two decimal points, and exactly two digits between them, so the split is forced: 「0.1|0.5」 (「0.10|.5」
//   gives no number);
// - right after a deduction or award verb and before 分 (「扣0.10.5分」), the lower bound first (0.1 < 0.5);
// - the upper bound within the item's points when they are known.
// Anything else (「扣0.120.5分」: 0.1–20.5 or 0.12–0.5?; 「扣25分」 in a 20-point item: 2–5 or 25?; a single decimal
// 「扣0.21分」, which IS a number) is left as written — the amount check and the guards then keep it a to-do.
import type { ClauseContext } from "./index.js";
import { decimalCompare } from "../decimal.js";

const LOST_DASH = /(?<=(?:扣|减|扣除|得|加|计|记)(?:分)?)(\d+)\.(\d)(\d)\.(\d+)(?=分)(?![\d.])/g;

/** The clause with each run-together decimal range 「扣0.10.5分」 written 「扣0.1-0.5分」, when only one split exists. */
export function rewordLostDash(t: string, ctx: Pick<ClauseContext, "points">): string {
  return t.replace(LOST_DASH, (whole, a: string, f: string, i: string, g: string, at: number) => {
    // the run must not continue a number before the verb's amount (「扣10.10.5分」 would be caught by (\d+) anyway)
    if (/[\d.]$/.test(t.slice(0, at))) return whole;
    const low = `${a}.${f}`;
    const high = `${i}.${g}`;
    if (decimalCompare(low, high) >= 0) return whole;
    if (ctx.points !== null && ctx.points !== undefined && decimalCompare(high, ctx.points) > 0) return whole;
    return `${low}-${high}`;
  });
}
