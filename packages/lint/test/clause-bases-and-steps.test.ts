/**
 * clause-mismatch (KP3030) on a rule's base and step as the clause states them (session 26): 「每下降1%扣1分」 falls from 100
 * %; a bound that is the task (「增长12%完成任务」); 「得分=70×实际达标率-63」, a score linear in a rate; a step the clause names with
 * no score at all (the amount in the points column). Each faithful rule is asserted clean and a near miss of each
 * asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule, after the indicator's `extra` lines. */
function kp3030(points: number, clause: string, code: string, extra = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n${extra}  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}

describe("a rate falling by steps from the whole", () => {
  it("「每下降1%扣1分」 with no other percentage starts at 100%", () => {
    expect(kp3030(2, "每下降1%扣1分,扣完为止。", "基准 100% 每低 1% 扣 1")).toEqual([]);
    expect(kp3030(10, "以季度考核为准,每差1%扣10分", "基准 100% 每低 1% 扣 10")).toEqual([]);
    expect(kp3030(8, "单项密度每降1%扣0.5分,扣完为止。", "基准 100% 每低 1% 扣 0.5")).toEqual([]);
  });

  it("another base is still unsaid, and a clause naming its own rate keeps its base", () => {
    expect(kp3030(2, "每下降1%扣1分,扣完为止。", "基准 90% 每低 1% 扣 1")).toEqual(["基准 90% 在条文中没有出现"]);
    // 「低于95%的，每下降1%」: 100% is not the clause's base
    expect(kp3030(2, "低于95%的,每下降1%扣1分", "基准 100% 每低 1% 扣 1")).toEqual(["基准 100% 与条文中的「95%」不符"]);
  });
});

describe("a bound that is the task", () => {
  const c = "农林牧副渔业总产值比上年度增长12%完成任务计10分不完成任务扣2分";

  it("「增长12%完成任务…不完成任务扣2分」: 12% completes the task, so the band below excludes it", () => {
    expect(kp3030(10, c, "分段 { < 12% 扣 2 }")).toEqual([]);
    expect(kp3030(10, c, "分段 { ≤ 12% 扣 2 }")).toEqual(["分段「≤ 12%」含 12%，条文写的是「12%完成任务」"]);
  });

  it("「12%未完成任务」「12%未能完成任务」 are no task reached", () => {
    // 低于 decides: 12% is not in the band below
    expect(kp3030(10, "总产值增长低于12%未完成任务的扣2分", "分段 { ≤ 12% 扣 2 }")).toEqual(["分段「≤ 12%」含 12%，条文写的是「低于12%」"]);
    // no word before it: the bare bound is in its band, as 「被三次通报的不得分」
    expect(kp3030(10, "总产值增长12%未能完成任务的扣2分", "分段 { < 12% 扣 2 }").join()).toMatch(/没有「以上」「超过」之类的字样/);
  });
});

describe("「得分=70×实际达标率-63」: a score linear in a rate", () => {
  const c = "得分=70×实际达标率-63";

  it("is 0.7 a percentage point below 100% in a 7-point item", () => {
    expect(kp3030(7, c, "基准 100% 每低 1个百分点 扣 0.7")).toEqual([]);
  });

  it("another amount, or the formula in an item whose points it does not reach, is reported", () => {
    expect(kp3030(7, c, "基准 100% 每低 1个百分点 扣 0.07")).toEqual(["扣分 0.07 在条文中没有出现"]);
    expect(kp3030(10, c, "基准 100% 每低 1个百分点 扣 0.7")).not.toEqual([]);
  });
});

describe("a step the clause names with no score at all", () => {
  const section = (clause: string, code: string) =>
    kp3030Of(`指标 「项目」 5分 {\n  规则 「r0」 「未完成的扣1分」\n    扣 1\n}\n加分 「出口增长」 上限 30 {\n  规则 「r1」 「${clause}」\n    ${code}\n}`, 5);

  it("「当年实绩比上年每增长一个百分点」: the amount stands in the points column", () => {
    expect(section("当年实绩比上年每增长一个百分点", "基准 0% 每增加 1个百分点 得 0.5")).toEqual([]);
  });

  it("its step and base are still the clause's, and a clause that scores says its amount", () => {
    expect(section("当年实绩比上年每增长一个百分点", "基准 0% 每增加 2个百分点 得 0.5")).not.toEqual([]);
    expect(section("当年实绩比上年每增长一个百分点加1分", "基准 0% 每增加 1个百分点 得 0.5")).toEqual(["得分 0.5 在条文中没有出现"]);
    // a one-shot award row is left to the item's sum (row-awards.ts)
    expect(section("完成当年出口工作目标分解指标", "得 5")).toEqual(["得分 5 在条文中没有出现"]);
  });
});
