/**
 * The base of a linear rule stated in the item rather than the clause (session 27, compose/item-base.ts): the corpus
 * keeps bases stated in the 测评内容 or the item (zjwm-05/06, cqzm-02). 「每低1个百分点扣1分」 under an item requiring
 * 「…比例不低于80%」 reads `基准 80% 每低 1个百分点 扣 1`; 「每超1%扣0.1分」 under 「…率在5%以内」 `基准 5% 每超 1% 扣 0.1` (dlds-04). On clauses written for these tests; near-misses — two
 * percentages in the item (two rules), a bound on the other side of the step, no bound word, an award growing from it, a base the clause states
 * itself beside the item's — stay what they were.
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("the item's one floor on a rate is the base", () => {
  it.each([
    ["每低1个百分点扣1分,直至本项分值扣完。", item("5", { item: "社区志愿服务站覆盖率不低于80%。" }), ["基准 80% 每低 1个百分点 扣 1"]],
    ["未达到的，每下降1%扣0.5分", item("3", { item: "城市道路照明装灯率≥98%。" }), ["基准 98% 每低 1% 扣 0.5"]],
    ["每低一个百分点扣0.2分", item("4", { item: "农村卫生厕所普及率达到95%以上" }), ["基准 95% 每低 1个百分点 扣 0.2"]],
    // the item's one ceiling, a step up that deducts (dlds-04)
    ["每超1个百分点扣1分", item("5", { item: "事故发生率不高于5%。" }), ["基准 5% 每超 1个百分点 扣 1"]],
    ["信息录入差错每超1%扣0.1分;", item("2", { item: "信息录入差错率在3%以内" }), ["基准 3% 每超 1% 扣 0.1"]],
  ] as const)("%s", expectReading);

  it.each([
    // no item, or the item states no percentage
    ["每低1个百分点扣1分", item("5")],
    ["每低1个百分点扣1分", item("5", { item: "按时完成年度目标任务。" })],
    // the clause names another rate than the item's
    ["到位率每低1个百分点扣1分", item("5", { item: "知晓率不低于90%" })],
    // two percentages: two classes (主干道, 支次干道), one rule each — not guessed
    ["未达到每下降1%扣0.1分", item("3", { item: "路灯亮灯率主干道≥98%、支次干道≥97%。" })],
    // a ceiling under a step down, a floor under a step up that deducts: the sides do not fit
    ["每低1个百分点扣1分", item("5", { item: "事故发生率不高于5%。" })],
    ["每超1个百分点扣1分", item("5", { item: "完成率不低于90%。" })],
    // an award growing from the floor outside a 加分 section: its cap is not said
    ["每超过1个百分点加0.5分", item("5", { item: "完成率不低于90%" })],
  ] as const)("stays a to-do: %s", expectTodo);
});
