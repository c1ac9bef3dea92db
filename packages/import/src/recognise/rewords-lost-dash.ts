// A range whose dash the copy lost (session 27, the eighteenth set's to-dos; issue 13): 「扣0.10.5分」 is no number —
// two decimal points in one run of digits — and the corpus reads it as the range it was (wmhb-02 …, book 361:
// `酌情 扣 0.1 至 0.5`; test/corpus/README.md, 「Eighteenth held-out set」's judgement calls). It is read back only
// where that is the one way to read it:
// - exactly two decimal points, and exactly two digits between them, so there is one place to cut: 「0.1|0.5」;
// - the cut gives two amounts as they are written, the lower bound first (0.1 < 0.5) — core's runTogetherSplits,
//   the arithmetic this reword, the run-together guard (guards-run-together.ts) and lint's clause-mismatch share
//   (「扣0.01.5分」 is no 0.0–1.5: 「0.0」 is no amount as written);
// - right after a deduction or award verb and before 分 (「扣0.10.5分」);
// - the upper bound within the item's points when they are known.
// Anything else (「扣0.120.5分」: 0.1–20.5 or 0.12–0.5?; 「扣25分」 in a 20-point item: 2–5 or 25?; a single decimal
// 「扣0.21分」, which IS a number) is left as written — the amount check and the guards then keep it a to-do.
import { runTogetherSplits } from "@kaoping/core";
import type { ClauseContext } from "./index.js";
import { decimalCompare } from "../decimal.js";

const LOST_DASH = /(?<=(?:扣|减|扣除|得|加|计|记)(?:分)?)\d+\.\d\d\.\d+(?=分)(?![\d.])/g;

/** The clause with each run-together decimal range 「扣0.10.5分」 written 「扣0.1-0.5分」, when only one split exists. */
export function rewordLostDash(t: string, ctx: Pick<ClauseContext, "points">): string {
  return t.replace(LOST_DASH, (whole, at: number) => {
    // the run must not continue a number before the verb's amount (「扣10.10.5分」 would be caught by \d+ anyway)
    if (/[\d.]$/.test(t.slice(0, at))) return whole;
    const splits = runTogetherSplits(whole);
    if (splits.length !== 1) return whole;
    const [low, high] = splits[0]!;
    if (ctx.points !== null && ctx.points !== undefined && decimalCompare(high, ctx.points) > 0) return whole;
    return `${low}-${high}`;
  });
}
