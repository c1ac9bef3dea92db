/**
 * The item's whole points written as an award (session 27, issue 13: the eighteenth set's zs22-01, hbjp-09 and xzhz-08;
 * test/corpus/README.md "Session 27: the eighteenth set's wrong readings"). Two rules, clauses written for these tests:
 *   start  得分的条件和扣分的条件互为反面、得的是本项的全部分值时，全部分值是本项的起点，只读扣分（得的不是全部分值：待办）
 *   cap    分值前写着「酌情得分」「最高」时，它是评分的上限，不是做到就得的分
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

const MET = "水质比例达到年度任务要求的,得40分;水质比例未达到年度任务要求的,每1个断面未达标扣5分。";

describe("the item's whole points beside deductions on their own negation", () => {
  it("is the item's start: the deductions are the rule", () => {
    expectReading(MET, item("40"), ["每个 扣 5"]);
    expectReading("按要求全部落实到位,得5分;未全部完成时,每少关停一家扣1分,扣完为止。", item("5"), ["每家 扣 1"]);
  });
  it("an award of less than the item: what the deductions come off is not said", () => {
    expectTodo(MET, item("50"), /全部分值/);
  });
  it("a finding that is no negation of the award keeps both rules (cz-07's shape)", () => {
    expectReading("路面整洁卫生,无暴露垃圾,得10分;发现一处扣2分,扣完为止", item("10"), ["得 10", "每处 扣 2"]);
  });
});

describe("a discretionary award's cap is no award of the item's points", () => {
  it("「酌情得分,最高得3分,…酌情扣分」 → to-do, never 酌情 扣 0 至 3", () => {
    expectTodo("财政投入比例较大的,酌情得分,最高得3分,财政投入比例较小的,酌情扣分。", item("3"));
  });
  it("「…的记10分,否则酌情扣分」 with the item's points → a deduction up to them (as before)", () => {
    expectReading("档案管理规范的记10分,否则酌情扣分", item("10"), ["酌情 扣 0 至 10"]);
  });
});
