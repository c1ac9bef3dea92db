/**
 * clause-mismatch (KP3030) on numbers as a clause writes them (session 26): 「0。5」, a decimal point copied as a full
 * stop; numbers said in words (「每有一个百分点」, 「2000元以上得分」, a step of 1 as the proportion's unit). Each faithful rule is
 * asserted clean and a near miss of each asserted to be found, so that a reading made too loose fails here.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";
import { clauseNumbers } from "../src/clause.js";

/** KP3030 messages on one indicator of `points` holding one rule, after the indicator's `extra` lines. */
function kp3030(points: number, clause: string, code: string, extra = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n${extra}  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}

describe("「0。5」: a decimal point copied as a full stop", () => {
  it("is read as the decimal", () => {
    const amounts = (t: string) => clauseNumbers(t).filter((n) => n.amount).map((n) => n.raw / 1_000_000);
    expect(amounts("不冲洗滤池、更换氯瓶,每次扣 0。5 分;")).toEqual([0.5]);
    expect(amounts("未执行日常巡检,每次扣0。2分")).toEqual([0.2]);
    expect(amounts("每次扣1。5分")).toEqual([1.5]);
  });

  it("accounts for the rule's amount, and another amount is still reported", () => {
    const c = "未主动完成卫生区卫生(9:00 还未开始打扫),每次扣 0。5 分,";
    expect(kp3030(5, c, "每次 扣 0.5")).toEqual([]);
    expect(kp3030(5, c, "每次 扣 5")).toEqual(["扣分 5 与条文中的「0。5分」不符"]);
  });

  it("a full stop after a count word ends the sentence", () => {
    // 「不少于2次。5分」: 2 is a count and 5 the next sentence's amount
    expect(clauseNumbers("全年不少于2次。5分以下的不计").map((n) => n.raw / 1_000_000)).toEqual([2, 5]);
  });
});

describe("numbers a clause says in words", () => {
  it("「每有一个百分点扣2分」 counts from none, whatever numbers define the rate", () => {
    const c = "发回重审数按各自权重之和占结案数的比例,每有一个百分点扣2分(1个发回重审案件折合0.6个改判案件)。";
    expect(kp3030(5, c, "基准 0% 每高 1个百分点 扣 2")).toEqual([]);
    expect(kp3030(5, c, "基准 5% 每高 1个百分点 扣 2")).toEqual(["基准 5% 在条文中没有出现"]);
    expect(kp3030(5, c, "基准 0% 每高 1个百分点 扣 4")).not.toEqual([]);
    // 「每超一个百分点」 says no zero: the weights are numbers the rule does not account for
    expect(kp3030(5, c.replace("每有", "每超"), "基准 0% 每高 1个百分点 扣 2")).toEqual(["基准 0% 在条文中没有出现"]);
  });

  it("「2000元以上得分,否则不得分」: the one band of the item's one rule awards the item's points", () => {
    const c = "各村秋季防疫工作经费2000元以上得分,否则不得分。";
    expect(kp3030(2, c, "分段 { ≥ 2000元 得 2 }")).toEqual([]);
    expect(kp3030(2, c, "分段 { ≥ 2000元 得 1 }")).toEqual(["得分 1 在条文中没有出现"]);
    // beside another rule, which one takes the item's points is not said
    const two = `指标 「项目」 2分 {\n  规则 「r1」 「${c}」\n    分段 { ≥ 2000元 得 2 }\n  规则 「r2」 「有专人负责的得1分」\n    得 1\n}`;
    expect(kp3030Of(two, 2)).toEqual(["得分 2 在条文中没有出现"]);
  });

  it("「70%89%按比例增分」: a step of 1 is the proportion's unit", () => {
    const c = "合格率达70%以上得该项分数基础分,合格率为90%得该项分数的满分,合格率为70%89%按比例增分,低于70%不得分。";
    expect(kp3030(8, c, "分段 { ≥ 90% 得 8 [70%, 90%) 得 8 每低 1个百分点 扣 0.08 }")).toEqual([]);
    expect(kp3030(8, c, "分段 { ≥ 90% 得 8 [70%, 90%) 得 8 每低 2个百分点 扣 0.16 }")).not.toEqual([]);
    // no 按比例: a step of 1 the clause does not write
    expect(kp3030(8, c.replace("按比例增分", "增分"), "分段 { ≥ 90% 得 8 [70%, 90%) 得 8 每低 1个百分点 扣 0.08 }").join()).toMatch(/步长 1 在条文中没有出现/);
  });
});
