/**
 * clause-mismatch (KP3030) on bands, kinds, caps and category names a clause states (misses of test/corpus 220–279,
 * session 24): 「完成年度目标任务得6分」 includes 100 %, 到達 and 「前5名」 include their bound, bands tied on one bound, a bound
 * against the words before its amount, 「考核不合格」 as 一票否决, 「评估定分」, a quotient as a rate, 「共4分」 and the section's cap,
 * 「奖励分不超过本项基本分」, category names in traditional characters. Each faithful rule is asserted clean and a near miss of
 * each asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";

/** KP3030 messages on one indicator of `points` holding one rule. */
function kp3030(points: number, clause: string, code: string, header = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n  规则 「r1」 「${clause}」\n    ${code}\n}`, points, header);
}

describe("misses the fresh sets found", () => {
  it("「完成年度目标任务得6分」 includes 100%; 到達 includes its bound", () => {
    const c = "完成年度目标任务得6分,完成80%以上得4分";
    expect(kp3030(6, c, "分段 { ≥ 100% 得 6 [80%, 100%) 得 4 }")).toEqual([]);
    expect(kp3030(6, c, "分段 { > 100% 得 6 [80%, 100%) 得 4 }")).toHaveLength(1);
    // 超额完成 is above the target
    expect(kp3030(6, "超额完成年度目标任务得6分", "分段 { > 100% 得 6 }")).toEqual([]);
    expect(kp3030(3, "完成率到達95%旳得3分", "分段 { ≥ 95% 得 3 }")).toEqual([]);
    expect(kp3030(3, "完成率到達95%旳得3分", "分段 { > 95% 得 3 }").join()).toMatch(/到達95%/);
  });

  it("「前5名」 includes the 5th", () => {
    const c = "排名前5名的得10分,6—10名得6分";
    expect(kp3030(10, c, "分段 { ≤ 5 得 10 (5, 10] 得 6 }")).toEqual([]);
    expect(kp3030(10, c, "分段 { < 5 得 10 (5, 10] 得 6 }").join()).toMatch(/前5/);
    // 提前 is time: 「提前3天完成的得2分」 is not read as 「前3」
    expect(kp3030(2, "提前3天完成的得2分", "分段 { < 3天 得 2 }").join()).not.toMatch(/「前3/);
  });

  it("a band's bound against the words before its amount: 「低于60%的,扣2分」「前3名…计20分」", () => {
    expect(kp3030(5, "参保率低于60%的,扣2分", "分段 { < 60% 扣 2 }")).toEqual([]);
    expect(kp3030(5, "参保率低于60%的,扣2分", "分段 { < 100% 扣 2 }")).toEqual(["分段「< 100%」的界限 100% 与条文不符：这一档的条文写的是「低于60%」"]);
    const rank = "排名前3名的计20分,4—6名计10分";
    expect(kp3030(20, rank, "分段 { ≤ 3 得 20 (3, 6] 得 10 }")).toEqual([]);
    expect(kp3030(20, rank, "分段 { ≤ 6 得 20 (3, 6] 得 10 }")).toEqual(["分段「≤ 6」的界限 6 与条文不符：这一档的条文写的是「前3」"]);
    // 「每超过20%」 is a step, and 分别 lists are read in order elsewhere
    expect(kp3030(5, "超过计划10%的加1分,另每超过20%加1分", "分段 { > 10% 得 1 }")).toEqual([]);
    expect(kp3030(30, "培训率达到30%、20%,分别扣0、5分", "分段 { [20%, 30%) 扣 5 ≥ 30% 扣 0 }")).toEqual([]);
  });

  it("bands tied on one bound: the comparison word tells whose it is", () => {
    const c = "参加培训不少于4次,得基础分1分(每少一次扣0.25分)";
    expect(kp3030(1, c, "分段 { ≥ 4次 得 1 < 4次 得 1 每低 1次 扣 0.25 }")).toEqual([]);
    expect(kp3030(1, c, "分段 { > 4次 得 1 < 4次 得 1 每低 1次 扣 0.25 }").join()).toMatch(/不少于4/);
  });

  it("「该年度考核不合格」 is 一票否决; 「评估定分」 is an assessment; a quotient is a rate", () => {
    const veto = "发生重大安全事故的,该年度考核不合格";
    expect(kp3030(10, veto, "一票否决")).toEqual([]);
    expect(kp3030(10, veto, "一票否优").join()).toMatch(/不合格/);
    expect(kp3030(4, "由考核组综合考核,评估定分", "按评价 得分")).toEqual([]);
    expect(kp3030(4, "由考核组综合考核,评估定分", "按比率 得分")).toHaveLength(1);
    expect(kp3030(4, "得分=发表论文数/教师人数", "按比率 得分")).toEqual([]);
    expect(kp3030(4, "得分=发表论文数/教师人数", "按评价 得分")).toHaveLength(1);
  });

  it("caps: 「共4分」, the section's cap written on the rule, 「奖励分不超过本项基本分」", () => {
    expect(kp3030(10, "一处不合格扣1分,共4分,扣完为止", "每处 扣 1 上限 4")).toEqual([]);
    expect(kp3030(10, "一处不合格扣1分,共4分,扣完为止", "每处 扣 4 上限 1")).not.toEqual([]);
    const section = (code: string) => `加分 「信息加分」 上限 2 {\n  规则 「r1」 「报送信息被采用的,加0.5分/次,累计不超过2分」\n    ${code}\n}`;
    expect(kp3030Of(`指标 「项目」 10分 {\n  规则 「r0」 「完成得10分」\n    得 10\n}\n${section("每次 得 0.5 上限 2")}`, 10)).toEqual([]);
    expect(kp3030Of(`指标 「项目」 10分 {\n  规则 「r0」 「完成得10分」\n    得 10\n}\n${section("每次 得 2 上限 0.5")}`, 10)).not.toEqual([]);
    const c = "超额完成任务的,每超额1个奖励2分,奖励分不超过本项基本分;未完成的,每差1个扣2分";
    expect(kp3030(8, c, "基准 目标值 每增加 1个 得 2 上限 8，每少 1个 扣 2")).toEqual([]);
    expect(kp3030(8, c, "基准 目标值 每增加 1个 得 2 上限 1，每少 1个 扣 2").join()).toMatch(/加分的上限 1/);
  });

  it("category names in traditional characters", () => {
    const c = "國家級項目每項計10分,省級每項計5分";
    expect(kp3030(10, c, "每项 得 「国家级」 10、「省级」 5 上限 10")).toEqual([]);
    expect(kp3030(10, c, "每项 得 「国家级」 5、「省级」 10 上限 10").join()).toMatch(/分类「国家级」的金额与条文不符/);
 
    // 「市级立项30分(无资助者8分)」: 「市级无资助者」 is named by what it adds to 「市级」
    const d = "省级立项50分,市级立项30分(无资助者8分),校内立项5分";
    expect(kp3030(10, d, "每项 得 「省级」 50、「市级」 30、「市级无资助者」 8、「校内」 5 上限 10")).toEqual([]);
    expect(kp3030(10, d, "每项 得 「省级」 50、「市级」 8、「市级无资助者」 30、「校内」 5 上限 10").join()).toMatch(/条文中「无资助者」之后写的是「8分」/);
    // 「省级刊物且为核心期刊」 for 「省级核心期刊」: the name with a few words between
    const e = "发表在国家级刊物的每篇计8分,发表在省级刊物且为核心期刊的每篇计5分";
    expect(kp3030(10, e, "每篇 得 「国家级刊物」 8、「省级核心期刊」 5 上限 10")).toEqual([]);
    expect(kp3030(10, e, "每篇 得 「国家级刊物」 5、「省级核心期刊」 8 上限 10").join()).toMatch(/分类「国家级刊物」的金额与条文不符/);
  });
});
