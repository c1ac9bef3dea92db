/**
 * clause-mismatch (KP3030) on numbers a clause states as a computation (false alarms of test/corpus 220–279, session
 * 24): 「按比例扣分,扣满8分为止」 is 0.08 a percentage point; 「≥60%的按比例得分」; 「分别减总分的10%、30%」; 「增减分不超过基本分30%」; bands written out
 * from 「依次类推」; `≥ 1项` for 「引进新技术2分」; 1亿元 as 10000万元; 满分 in bands. Each faithful rule is asserted clean and a near miss
 * of each asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule. */
function kp3030(points: number, clause: string, code: string, header = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n  规则 「r1」 「${clause}」\n    ${code}\n}`, points, header);
}

describe("numbers the clause states as a computation", () => {
  it("「按其未完成比例扣分,扣满8分为止」 is 0.08 a percentage point", () => {
    const c = "未完成植树造林年度任务的,按其未完成比例扣分,扣满8分为止";
    expect(kp3030(10, c, "基准 100% 每低 1% 扣 0.08")).toEqual([]);
    expect(kp3030(10, c, "基准 100% 每低 1% 扣 0.8")).not.toEqual([]);
    // no 比例: 0.08 is a number the clause does not write
    expect(kp3030(10, "未完成植树造林年度任务的,扣满8分为止", "基准 100% 每低 1% 扣 0.08")).not.toEqual([]);
  });

  it("「≥60%的按比例得分」 with 满分: the points and their hundredth", () => {
    const c = "覆盖率达到100%的得满分,覆盖率≥60%的按比例得分,低于60%的不得分";
    expect(kp3030(2.4, c, "分段 { ≥ 100% 得 2.4 [60%, 100%) 得 2.4 每低 1个百分点 扣 0.024 }")).toEqual([]);
    expect(kp3030(2.4, c, "分段 { ≥ 100% 得 2.4 [60%, 100%) 得 2.4 每低 1个百分点 扣 0.24 }")).toEqual(["得分 0.24 在条文中没有出现"]);
  });

  it("「分别减总分的10%、30%」: shares of the points", () => {
    const c = "按完成程度90%至100%、80%至90%,分别减总分的10%、30%";
    expect(kp3030(10, c, "分段 { [90%, 100%) 扣 1 [80%, 90%) 扣 3 }")).toEqual([]);
    expect(kp3030(10, c, "分段 { [90%, 100%) 扣 2 [80%, 90%) 扣 3 }")).toEqual(["扣分 2 在条文中没有出现"]);
  });

  it("「增减分不超过基本分30%」: the caps are that share of the points", () => {
    const c = "完成招商引资目标的基本分10分,每增减1个百分点,增减1分,增减分不超过基本分30%";
    expect(kp3030(10, c, "基准 目标值 每增加 1个百分点 得 1 上限 3，每少 1个百分点 扣 1 上限 3")).toEqual([]);
    // the item's points as a cap: not what the clause says
    expect(kp3030(10, c, "基准 目标值 每增加 1个百分点 得 1 上限 10，每少 1个百分点 扣 1 上限 3").join()).toMatch(/上限 10 与条文不符/);
    // amount and cap swapped
    expect(kp3030(10, c, "基准 目标值 每增加 1个百分点 得 3 上限 1，每少 1个百分点 扣 1 上限 3")).not.toEqual([]);
    // the step of 「每增减1个百分点」
    expect(kp3030(10, c, "基准 目标值 每增加 2个百分点 得 1 上限 3，每少 1个百分点 扣 1 上限 3")).not.toEqual([]);
  });

  it("bands written out from 「依次类推」 go on by the clause's step", () => {
    const c = "全面完成年度目标得10分,完成目标的90%得9分,完成80%得8分,依次类推";
    const bands = (first: string, rest: string) => `分段 { ${first} 得 10 [90%, 100%) 得 9 [80%, 90%) 得 8 ${rest} }`;
    expect(kp3030(10, c, bands("≥ 100%", "[70%, 80%) 得 7 [60%, 70%) 得 6"))).toEqual([]);
    expect(kp3030(10, c, bands("≥ 100%", "[65%, 80%) 得 7 [60%, 65%) 得 6"))).toEqual(["分段界限 65% 在条文中没有出现"]);
    expect(kp3030(10, c, bands("≥ 100%", "[70%, 80%) 得 7.5 [60%, 70%) 得 6"))).toEqual(["得分 7.5 在条文中没有出现"]);
    // without 依次类推 the rows the clause does not write are numbers it does not write
    expect(kp3030(10, c.replace(",依次类推", ""), bands("≥ 100%", "[70%, 80%) 得 7"))).not.toEqual([]);
    // 「全面完成年度目标」 is reaching 100%: the band from 100% includes it
    expect(kp3030(10, c, bands("> 100%", "[70%, 80%) 得 7 [60%, 70%) 得 6")).join()).toMatch(/不含 100%.*完成目标就是达到 100%/);
  });

  it("`≥ 1项` is 「引进新技术2分」: any at all", () => {
    const c = "引进新技术2分,引进5项以上计4分";
    expect(kp3030(10, c, "分段 { ≥ 5项 得 4 ≥ 1项 得 2 }")).toEqual([]);
    expect(kp3030(10, c, "分段 { ≥ 5项 得 4 ≥ 3项 得 2 }")).toEqual(["分段界限 3 在条文中没有出现"]);
  });

  it("1亿元 beside 5000万元 is 10000万元", () => {
    const c = "投资额5000万元(含)至1亿元(不含)的,得3分;1亿元及以上的,得5分";
    expect(kp3030(5, c, "分段 { [5000万元, 10000万元) 得 3 ≥ 10000万元 得 5 }")).toEqual([]);
    expect(kp3030(5, c, "分段 { [5000万元, 20000万元) 得 3 ≥ 20000万元 得 5 }")).not.toEqual([]);
  });

  it("满分 in bands beside other amounts: the item's points", () => {
    const c = "全部完成得满分,完成80%以上得2分";
    expect(kp3030(3, c, "分段 { ≥ 100% 得 3 [80%, 100%) 得 2 }")).toEqual([]);
    expect(kp3030(3, c, "分段 { ≥ 100% 得 2.5 [80%, 100%) 得 2 }")).toEqual(["得分 2.5 在条文中没有出现"]);
  });
});
