/**
 * clause-mismatch (KP3030) on caps (session 26): 「最高加至T分」 above the item's points is the score's ceiling (the award
 * side's cap is the ceiling less the points); an amount and its cap swapped where the clause has no cap phrase. Each
 * faithful rule is asserted clean and a near miss of each asserted to be found, so that a reading made too loose fails
 * here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule, after the indicator's `extra` lines. */
function kp3030(points: number, clause: string, code: string, extra = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n${extra}  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}

describe("「最高加至T分」 above the item's points: the score's ceiling", () => {
  const c = "完成县下达任务的,得25分;每增减1%,加减1分,最高加至30分,减分直至扣完。";

  it("the award side's cap is the ceiling less the item's points", () => {
    expect(kp3030(25, c, "基准 100% 每增加 1% 得 1 上限 5，每少 1% 扣 1")).toEqual([]);
    const five = "完成县下达任务的得分5分,每增减1%,加减1分,最高加至10分,减分直至扣完。";
    expect(kp3030(5, five, "基准 100% 每增加 1% 得 1 上限 5，每少 1% 扣 1")).toEqual([]);
  });

  it("a cap that is not the difference is reported, and so is a missing cap", () => {
    expect(kp3030(25, c, "基准 100% 每增加 1% 得 1 上限 30，每少 1% 扣 1").join()).toMatch(/加分的上限 30 与条文「最高加至30分（本项 25 分之上加 5 分）」不符/);
    expect(kp3030(25, c, "基准 100% 每增加 1% 得 1，每少 1% 扣 1").join()).toMatch(/规则加分的一侧没有写上限 5/);
    // the amount and the cap swapped where the item's points are the cap (5 in a 5-point item)
    const five = "完成县下达任务的得分5分,每增减1%,加减1分,最高加至10分,减分直至扣完。";
    expect(kp3030(5, five, "基准 100% 每增加 1% 得 5 上限 1，每少 1% 扣 1")).not.toEqual([]);
  });

  it("「加到1分为止」 in a section is a cap, not a ceiling", () => {
    const body = "加分 「经验」 上限 1 {\n  规则 「r1」 「经验做法被推广的,每条加0.5分,加到1分为止」\n    每条 得 0.5 上限 1\n}";
    expect(kp3030Of(`指标 「项目」 5分 {\n  规则 「r0」 「未完成的扣1分」\n    扣 1\n}\n${body}`, 5)).toEqual([]);
  });
});

describe("an amount and its cap swapped where the clause has no cap phrase", () => {
  const c = "全年開展兩次免費生殖健康服務達80%以上,建立服務檔案記5分,每下降1個百分點扣0.1分;";

  it("the part's points as the cap, the clause's deduction as the amount: clean", () => {
    expect(kp3030(10, c, "基准 80% 每低 1个百分点 扣 0.1 上限 5")).toEqual([]);
  });

  it("the cap is the one amount the clause deducts: swapped", () => {
    expect(kp3030(10, c, "基准 80% 每低 1个百分点 扣 5 上限 0.1")).toEqual(["上限 0.1 与扣分 5 对调了：条文扣的是「0.1分」"]);
  });

  it("not when the clause deducts several amounts", () => {
    const two = "建立檔案記5分,资料不全扣0.5分,每下降1個百分點扣0.1分;";
    expect(kp3030(10, two, "基准 80% 每低 1个百分点 扣 5 上限 0.1").join()).not.toMatch(/对调/);
  });
});
