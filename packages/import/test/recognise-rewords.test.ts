/**
 * Words the patterns read another way (rewords.ts, rewords-order.ts, rewords-lists.ts): words rewritten for the
 * patterns, words out of the order the patterns read (a clock time, a count word after its amount, a step after a full
 * stop), 「A或B各扣N分」 as one rule each — on clauses written for these tests (general rulebook phrasing, never the
 * corpus's text), each reading checked in a catalogue (it must parse and check), with the near-misses that must stay
 * to-dos with a Chinese reason.
 */
import { recogniseClause } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";

describe("words rewritten for the patterns", () => {
  it.each([
    ["被行政拘留的扣3分/名;", { indicator: "项", points: null, section: "减分" as const }, ["每人 扣 3"]],
    ["学习笔记、心得体会不达标的,每项各扣1分", item("4"), ["每项 扣 1"]],
    ["未按时完成约稿的,每篇扣减年度综合得分2分。", { indicator: "项", points: null, section: "减分" as const }, ["每篇 扣 2"]],
    ["工作开展不力的,酌情扣1~3分。", item("5"), ["酌情 扣 1 至 3"]],
  ] as const)("%s", (text, ctx, want) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(want);
  });

  it.each([
    // 稿件得分为0 beside the deduction: per piece or once? not said
    ["报送材料不实的,本条稿件得分为0,并扣减年度综合得分5分。", { indicator: "项", points: null, section: "减分" as const }],
  ] as const)("%s → to-do", expectTodo);
});

describe("words out of the order the patterns read: a clock time, a count word after its amount, a step after a full stop", () => {
  it.each([
    // 「05分」 of a clock time is no points amount
    ["9点15分前未完成日终轧账,1次扣1分", item("10"), ["每次 扣 1"]],
    ["17點30分以後未交接凭证的,1次扣0.5分", item("10"), ["每次 扣 0.5"]],
    // the count word after the amount
    ["学生就餐浪费扣1分每人次。", item("10"), ["每人次 扣 1"]],
    ["卫生区有垃圾扣0.5分每处", item("10"), ["每处 扣 0.5"]],
    // the target's points, a full stop, then the steps below it
    ["群众满意率不低于90%,得10分。每低1%减0.5分。", item("10"), ["基准 90% 每低 1% 扣 0.5"]],
  ] as const)("%s", expectReading);

  it.each([
    // minutes beyond the clock, or a time with no 前/后: not a time of day
    ["8点75分前未完成日终轧账,1次扣1分", item("10")],
    ["迟到15分以上扣1分", item("10")],
    // a count word the language does not have after the amount
    ["卫生区有垃圾扣0.5分每桶", item("10")],
    // a full stop before an unrelated deduction (no step): two sentences, two facts
    ["群众满意率不低于90%,得10分。发现问题减0.5分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("「A或B各扣N分」: two failings joined by 或, one rule each (the 「A、B各扣N分」 list)", () => {
  it.each([
    ["未制定年度计划或未报送工作总结各扣2分", item("5"), ["扣 2", "扣 2"]],
    ["检查台账,没有建立制度或不按时更新的各扣1分。", item("5"), ["扣 1", "扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // 或 between things that are not both failings: one failing of either kind, not two
    ["未建立防汛或抗旱物资台账各扣1分", item("5")],
    // beside siblings that count: per occurrence may be meant
    ["未制定年度计划或未报送工作总结各扣2分", item("5", { siblings: ["漏报工作信息每次扣1分"] })],
  ] as const)("stays a to-do: %s", expectTodo);
});
