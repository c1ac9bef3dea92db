/**
 * clause-mismatch (KP3030) on what a clause's words make a number (session 24): 「每低2—0.5分」 is no range; 「有一名专职人员…记3分」
 * is staff to have, not a count; a base is not read from an amount nor from a step's 一, nor a bound or target from an
 * amount scored; a step with words between (「每超额完成1个单位」). Each faithful rule is asserted clean and a near miss of each
 * asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule. */
function kp3030(points: number, clause: string, code: string, header = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n  规则 「r1」 「${clause}」\n    ${code}\n}`, points, header);
}

describe("readings of the text", () => {
  it("「每低2—0.5分」 is no range; 「扣0.5—2分」 is", () => {
    expect(kp3030(10, "合格率不低于90%,每低2—0.5分", "基准 90% 每低 2% 扣 0.5")).toEqual([]);
    expect(kp3030(10, "视情节酌情扣0.5—2分", "酌情 扣 0.5 至 2")).toEqual([]);
    expect(kp3030(10, "视情节酌情扣0.5—2分", "酌情 扣 1 至 2")).not.toEqual([]);
  });

  it("「…,有一名专职人员负责日常工作记3分」 is staff to have, 「…,有一篇信息被采用加1分」 a count", () => {
    expect(kp3030(3, "成立领导小组,有一名专职人员负责日常工作记3分", "得 3")).toEqual([]);
    expect(kp3030(3, "重视信息报送,有一篇信息被采用加1分", "得 1").join()).toMatch(/条文按次计分/);
  });

  it("a base is not read from an amount nor from the step's 一", () => {
    expect(kp3030(10, "当年增幅比上年每增长一个百分点得0.5分", "基准 0% 每增加 1个百分点 得 0.5")).toEqual([]);
    expect(kp3030(10, "当年增幅比上年每增长一个百分点得0.5分", "基准 1% 每增加 1个百分点 得 0.5")).toEqual(["基准 1% 在条文中没有出现"]);
    expect(kp3030(10, "每超过年度任务数200万元的奖励1分", "基准 1万元 每增加 200万元 得 1").join()).toMatch(/^基准 1 /);
    // 「达60分」 is a bound, not an amount scored
    expect(kp3030(2, "综合评分达60分得2分,每低1分扣0.5分", "基准 60 每低 1 扣 0.5")).toEqual([]);
  });

  it("a bound or target is not read from an amount scored: 「自查三次得6分」", () => {
    expect(kp3030(6, "对安全制度自查三次得6分", "分段 { ≥ 3次 得 6 }")).toEqual([]);
    expect(kp3030(6, "对安全制度自查三次得6分", "分段 { ≥ 6次 得 6 }")).toEqual(["分段界限 6 与条文中的「三」不符"]);
    expect(kp3030(8, "完成得8分。少1个团队扣4分", "至少 4个 每少 1个 扣 4")).toEqual(["目标次数 4 在条文中没有出现"]);
    // 「考核得90分以上」 is a bound
    expect(kp3030(5, "年度考核得90分以上的得5分", "分段 { ≥ 90 得 5 }")).toEqual([]);
  });

  it("「每超额完成1个单位奖励2分」: the step after a few words", () => {
    expect(kp3030(10, "每超额完成1个单位奖励2分", "基准 目标值 每增加 1个 得 2")).toEqual([]);
    expect(kp3030(10, "每超额完成1个单位奖励2分", "基准 目标值 每增加 2个 得 2")).not.toEqual([]);
  });
});
