/**
 * Scores judged or given elsewhere, and one-shot words of the item's score (session 29, issue 13; patterns/judged.ts,
 * modifiers.ts, rewords-copies.ts): 「按程度计分」 and 「…得满分,…酌情给分,…不得分」 are 评议 up to the item's points, a
 * survey's 得分平均值 is 按评价, 「扣分不封顶」 is 倒扣, and a copy's 「否者」 is 否则. Clauses written for these tests.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, expectTodo, item } from "./phrasing-check.js";

describe("the assessor's judgement up to the item's points", () => {
  it.each([
    ["按程度计分。", "15"],
    ["路面保持干净,无杂物堆积现象。按程度进行计分", "5"],
  ])("%s (item %s) → 评议 得分 上限 the item's points", (text, points) => {
    expectReading(text, item(points), [`评议 得分 上限 ${points}`]);
  });

  it("full marks, 酌情 between, nothing at the bottom", () => {
    expectReading("台账齐全得6分,台账不全酌情给分,无台账不得分", item("6"), ["评议 得分 上限 6"]);
  });

  it("full marks that are not the item's points: a to-do", () => {
    expectTodo("台账齐全得4分,台账不全酌情给分,无台账不得分", item("6"));
  });

  it("按程度 with an amount beside it is not this reading (the amount's own pattern reads it)", () => {
    expect(JSON.stringify(bodies(recogniseClause("按程度扣1-3分,按程度计分", item("5"))))).not.toMatch(/评议/);
  });
});

describe("another assessment's score", () => {
  it("a survey's average score → 按评价", () => {
    expectReading("按群众满意度调查得分平均值计算。", item("20"), ["按评价 得分"]);
  });
});

describe("扣分不封顶 and 否者", () => {
  it("deductions with no ceiling are 倒扣", () => {
    expectReading("每出现一起违规生育扣15分,扣分不封顶。", item("10"), ["每起 扣 15 倒扣"]);
  });

  it("a copy's 否者 for 否则", () => {
    expectReading("实现疫苗冷链运输得2分,否者不得分。", item("2"), ["得 2"]);
  });
});
