/**
 * Regression tests for the smaller defects of issue 11 §3, each checked against the old behaviour
 * (the comment beside each says what the old code did).  Every expected number is computed by hand.
 */
import { describe, expect, it } from "vitest";
import { compileRendered, importModule, type ScoringModule } from "../../../test/property/harness.js";

async function compile(text: string): Promise<ScoringModule> {
  return importModule(compileRendered([{ path: "细则.kp", text }]).js);
}

const unit = (name: string, facts: Record<string, unknown>) => ({ name, classes: [] as string[], facts });

describe("the trace shows the computed value before 加倍/减半 and the cap", async () => {
  const m = await compile(`细则 「加倍的说明」
总分 20分
指标 「稳定」 20分 {
  规则 「事件」 「甲类每例扣0.5分，乙类每例扣1分，群体性事件加倍，最多扣3分」 每例 扣 「甲类」 0.5、「乙类」 1 加倍 当 「群体性事件」 上限 3
  规则 「评价」 「按评价得分，整改的减半」 按评价 得分 满分 4 减半 当 「整改」
  就高 {
    规则 「通报」 「每次扣0.1分，重犯加倍」 每次 扣 0.1 加倍 当 「重犯」
    规则 「处分」 「轻处分每例扣0.5分，重处分每例扣1分，整改的减半」 每例 扣 「轻」 0.5、「重」 1 减半 当 「整改」
  }
}
`);
  const trace = (facts: Record<string, unknown>) => {
    const [r] = m.scoreAll([unit("甲县", { 评价: 0, ...facts })], { trace: true });
    return r!.trace!.filter((t) => t.rule !== undefined).map((t) => [t.rule, t.amount, t.text, t.facts]);
  };

  it("categories: 2 × 0.5 + 1 × 1 = 2, doubled → 4, capped at 3", () => {
    // old: 「甲类 2例 × 0.5 + 乙类 1例 × 1 = 3，群体性事件加倍 → 4，封顶 3」 (the value after both)
    expect(trace({ 事件: { 甲类: 2, 乙类: 1, 群体性事件: "是" } })).toEqual([
      ["事件", "3", "甲类 2例 × 0.5 + 乙类 1例 × 1 = 2，群体性事件加倍 → 4，封顶 3", { "事件.甲类": 2, "事件.乙类": 1 }],
    ]);
    // 2 × 0.5 = 1, doubled → 2 (under the cap)
    expect(trace({ 事件: { 甲类: 2, 群体性事件: "是" } })[0]![2]).toBe("甲类 2例 × 0.5 = 1，群体性事件加倍 → 2");
  });

  it("an assessed score: the fact and the computation show the input 3, halved → 1.5", () => {
    // old: 「评价得分 1.5（满分 4），整改减半 → 1.5」 and the fact 评价 = 1.5
    expect(trace({ 评价: 3, "评价.整改": "是" })).toEqual([["评价", "1.5", "评价得分 3（满分 4），整改减半 → 1.5", { 评价: "3" }]]);
  });

  it("就高: the multiplied amount is marked where it is used", () => {
    // old: 「2次 × 0.2 = 0.4，重犯加倍 → 0.2」 and 「轻 1例 × 0.25 = 0.25，整改减半 → 0.25，整改减半 → 0.5」
    expect(trace({ 通报: 2, "通报.重犯": "是", 处分: { 轻: 1, 整改: "是" } }).map((t) => t[2])).toEqual([
      "2次 × 0.2（重犯加倍） = 0.4",
      "轻 1例 × 0.25（整改减半） = 0.25",
    ]);
  });
});
