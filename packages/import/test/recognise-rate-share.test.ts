/**
 * Session 29 (helper rates), class 2: 「不足按比例计分」 after a number of pieces reached, and formulas of a rate written
 * out — 按比率 得分 满分 N. On clauses written for these tests (never the corpus's text), each reading checked in a
 * catalogue, with the near-misses that stay to-dos.
 */
import { describe, it } from "vitest";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

describe("a number of pieces reached, 不足按比例计分 (share-of-pieces.ts, proportion.ts awardThenShare)", () => {
  it.each([
    ["每季度报送调研文章达6篇的,计8分,不足按比例计分;", item("8"), ["按比率 得分 满分 8"]],
    ["政务信息被采用12条的,计3分,不足按比例计分。", item("3"), ["按比率 得分 满分 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // an award per period below the item's points: whether it repeats each period is not said
    ["每季度报送调研文章达6篇的,计2分,不足按比例计分;", item("8")],
    // money is no piece: the share of it is not this class
    ["每季度筹集资金达6万元的,计8分,不足按比例计分;", item("8")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("formulas of a rate written out (formula-rates.ts)", () => {
  it.each([
    ["(3)报送得分=报送率×200", item("200"), ["按比率 得分 满分 200"]],
    ["整改占3分,得分=整改数量/10*3。", item("5", { siblings: ["其余事项占2分。"] }), ["按比率 得分 满分 3"]],
    // the copy's 二 for = before a formula
    ["整改占3分,得分二整改数量/10*3;", item("5", { siblings: ["其余事项占2分。"] }), ["按比率 得分 满分 3"]],
    ["资料报送得分为资料报送率与6之乘积,资料报送率即实际报送次数与应报次数之比。", item("6"), ["按比率 得分 满分 6"]],
  ] as const)("%s", expectReading);

  it.each([
    // a rate of faults: the score is not a share of N done
    ["(3)报送得分=差错率×200", item("200")],
    // the factor is not the part's points
    ["整改占3分,得分=整改数量/10*4。", item("5")],
    // beyond the item's points
    ["(3)报送得分=报送率×300", item("200")],
  ] as const)("stays a to-do: %s", expectTodo);
});
