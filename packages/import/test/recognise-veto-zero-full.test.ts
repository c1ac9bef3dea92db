/**
 * The item's zero and what stands beside it, read by the compositional reader (session 27, compose/vetoed.ts,
 * compose.ts `fullThenFailings`, parts.ts ZERO_SOURCE), on clauses written for these tests (never the corpus's text):
 *  - a veto beside the zero of one finding: `不得分` and `一票否决` (the corpus: bzxz-11, yeyd-10/11);
 *  - 「扣完基本分」 as the zero (pzbz-04);
 *  - 「得满分」 with its failings: 「…得满分,否则不得分」 is `得 P`; 「…得满分,…扣N分,…不得分」 the failings (xsbj-01/02).
 * Near-misses stay to-dos: a veto beside an amount, two vetoes, 「扣完基本分为止」 (a cap), 「得满分」 and a failing
 * that escalates.
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("a veto beside the item's zero", () => {
  it.each([
    ["辖区内发生非法占用耕地建坟的一票否决，该项不得分。", item("10"), ["不得分", "一票否决"]],
    ["发生重大安全责任事故的，本项不得分，并实行一票否决", item("8"), ["不得分", "一票否决"]],
    ["未完成年度减排任务的，实行“一票否决”，本项不得分", item("6"), ["不得分", "一票否决"]],
  ] as const)("%s", expectReading);

  it.each([
    // beside an amount: the veto instead of the points, or on top of them?
    ["发生重大事故的扣10分，并实行一票否决", item("10")],
    // two vetoes: two findings or one?
    ["发生火灾的一票否决，发生命案的一票否决，该项不得分", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("扣完基本分 is the zero", () => {
  it.each([
    ["对违规建设问题未及时整治的扣完基本分。", item("4"), ["不得分"]],
    ["台账资料缺失的，扣完本项基本分", item("3"), ["不得分"]],
  ] as const)("%s", expectReading);

  it.each([
    // 「扣完基本分为止」 is a cap, and a cap needs its amount per time
    ["资料不全的扣完基本分为止", item("4")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("得满分 with its failings", () => {
  it.each([
    ["领导小组健全得满分，否则不得分。", item("2"), ["得 2"]],
    ["工作台账齐全得满分，台账不齐全扣1分，无台账不得分。", item("3"), ["扣 1", "不得分"]],
    ["应急预案完善得满分，预案不完善扣1分，预案未演练扣1分，无预案不得分。", item("4"), ["扣 1", "扣 1", "不得分"]],
  ] as const)("%s", expectReading);

  it.each([
    // the failing escalates (情节严重): on top of the deduction, or instead?
    ["制度健全得满分，制度不健全扣1分，情节严重的不得分。", item("3")],
    // a failing without a condition of its own
    ["制度健全得满分，扣1分，无制度不得分。", item("3")],
    // in a 加分 section 得满分 has no points to stand for
    ["制度健全得满分，否则不得分。", { indicator: "加分", points: "2", section: "加分" as const }],
  ] as const)("stays a to-do: %s", expectTodo);
});
