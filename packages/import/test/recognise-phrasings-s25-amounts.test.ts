/**
 * Session 25 (helper amounts): clauses with several numbers written with 分 — which of them are amounts, and
 * how the amounts relate (`src/recognise/clock.ts`, `total-caps.ts`, `patterns/categories-of-amounts.ts`), on
 * clauses written for these tests (general rulebook phrasing, never the corpus's text), each reading checked in a
 * catalogue, with the near-misses that must stay to-dos.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";
import { amountsIn } from "../src/recognise/amounts.js";
import { accountingUnaccounted } from "../src/recognise/accounting.js";

const minus = (): ClauseContext => ({ indicator: "考勤", points: null, section: "减分" });
const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

describe("minutes are no amounts: clock times and durations", () => {
  it.each([
    ["9点15分前未打卡,1次扣1分", ["1"]],
    ["17时30分后离岗的,每次扣0.5分", ["0.5"]],
    ["迟到20分鐘以內的扣1分", ["1"]],
    ["会议迟到十五分钟扣2分", ["2"]],
    ["上午8点前到岗得1分", ["1"]],
  ] as const)("%s: the amounts are %j", (text, want) => {
    expect(amountsIn(text)).toEqual(want);
  });

  it.each([
    ["9点15分前未完成交接登记,1次扣1分", minus(), ["每次 扣 1"]],
    ["每日17时30分前未上报值班日志的,每次扣0.5分", minus(), ["每次 扣 0.5"]],
    ["值班人员迟到15分鐘以內,扣1分", minus(), ["扣 1"]],
    ["擅自离岗超过30分钟的,每次扣2分", item("10"), ["每次 扣 2"]],
  ] as const)("%s", expectReading);

  it("the accounting check places a clock time's hour and minutes as a time of day", () => {
    expect(accountingUnaccounted("9点15分前未完成交接登记,1次扣1分", ["每次 扣 1"], minus())).toBeUndefined();
    expect(accountingUnaccounted("值班人员迟到15分鐘以內,扣1分", ["扣 1"], minus())).toBeUndefined();
  });

  it.each([
    // a year stuck to 分 by the copy: never read as 2025 points, and said so
    ["无违规现象记2025分,每发现一处扣1分,扣完为止。", item("10"), /年份/],
    ["全年无事故的记2019分。", item("5"), /年份/],
  ] as const)("%s: a to-do", expectTodo);
});

describe("a total after a per-occurrence amount is its cap", () => {
  it.each([
    ["发现占道经营行为每查到一次扣1分,总分5分,扣完为止。", item("10"), ["每次 扣 1 上限 5"]],
    ["信息报送每条计2分,满分6分。", item("6"), ["每条 得 2 上限 6"]],
    ["建立联动机制。(3分,1个部门0.5分,满分3分)", item("8"), ["每个 得 0.5 上限 3"]],
    ["参加培训每次计1分,总计不超过4分。", item("4"), ["每次 得 1 上限 4"]],
    ["每处问题扣0.5分,总分2分", item("2"), ["每处 扣 0.5 上限 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a total larger than the item's points: another item's, or the book's
    ["每查到一次扣1分,总分20分", item("10")],
    // a one-shot amount with a total: once or per occurrence is not said
    ["未建立台账扣1分,总分4分", item("10")],
    // an award without a count word: the total says it repeats, not per what (每次 would be the reader's word)
    ["落实整改任务得1分,总分10分。", item("12")],
    ["按时参加支部主题党日活动得1分,总分10分。", item("12")],
  ] as const)("%s: a to-do", (text, ctx) => expectTodo(text, ctx));
});
