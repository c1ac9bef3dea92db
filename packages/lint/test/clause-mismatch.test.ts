/**
 * clause-mismatch (KP3030), cases the corpus under test/lint/clause-mismatch/ does not pin down: a
 * code amount that appears in the clause only as a percentage (「缺席率超过0.5%的，扣2分」 against
 * `扣 0.5`) is not found in the clause — 0.5% is a threshold, not 0.5 points.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

function mismatches(points: number, rule: string): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  writeFileSync(path, `细则 「条文」\n总分 ${points}分\n指标 「会议」 ${points}分 {\n  ${rule}\n}\n`);
  return lintAnalysis(analyzeCatalogue(path, nodeHost))
    .filter((d) => d.code === "KP3030")
    .map((d) => `${d.span.start.line}:${d.span.start.column} ${d.message}`);
}

describe("clause-mismatch: a percentage is not an amount", () => {
  it("扣 0.5 against 「…超过0.5%的，扣2分」 is the 2 points written wrongly", () => {
    expect(mismatches(10, "规则 「缺席」 「缺席率超过0.5%的，扣2分」 扣 0.5")).toEqual([
      "4:30 规则「缺席」与条文不一致：扣分 0.5 与条文中的「2分」不符",
    ]);
  });

  it("also when 扣2分 is the indicator's points (不得分), so the clause's amount needs no partner", () => {
    expect(mismatches(2, "规则 「缺席」 「缺席率超过0.5%的，扣2分」 扣 0.5")).toEqual(["4:30 规则「缺席」与条文不一致：扣分 0.5 在条文中没有出现"]);
  });

  it("a cap that appears only as a percentage is not in the clause either", () => {
    expect(mismatches(10, "规则 「缺席」 「每缺席一次扣0.5分，缺席率超过1%的扣1分」 每次 扣 0.5 上限 1")).toEqual([]);
    expect(mismatches(10, "规则 「缺席」 「每缺席一次扣0.5分，缺席率超过3%的另扣1分」 每次 扣 0.5 上限 3")).toEqual([
      "4:49 规则「缺席」与条文不一致：上限 3 与条文中的「1分」不符",
    ]);
  });

  it("the same numbers as points are found", () => {
    expect(mismatches(10, "规则 「缺席」 「缺席率超过0.5%的，扣0.5分」 扣 0.5")).toEqual([]);
  });
});

describe("clause-mismatch on outcomes (issue 11 §1.5, §1.8, §1.13): the numbers of 否则, 评为 and 折算自 are the rule's", () => {
  it("否则: the deduction is checked against the clause", () => {
    expect(mismatches(1, "规则 「按期」 「按期完成的得1分，未完成的倒扣2分」 得 1 否则 倒扣 2")).toEqual([]);
    expect(mismatches(1, "规则 「按期」 「按期完成的得1分，未完成的倒扣2分」 得 1 否则 倒扣 3")).toEqual([
      "4:41 规则「按期」与条文不一致：得分 3 与条文中的「2分」不符",
    ]);
  });
  it("评为: amounts and shares are checked against the clause", () => {
    expect(mismatches(5, "规则 「公开」 「评为好、较好、一般的分别得满分、80%、60%」 评为 「好」、「较好」、「一般」 分别得 满分、80%、60%")).toEqual([]);
    expect(mismatches(5, "规则 「公开」 「评为好、较好、一般的分别得满分、80%、60%」 评为 「好」、「较好」、「一般」 分别得 满分、80%、50%")).toEqual([
      "4:65 规则「公开」与条文不一致：份额 50% 与条文中的「60%」不符",
    ]);
    expect(mismatches(3, "规则 「档案」 「评为一级、二级的分别得2分、1.5分」 评为 「一级」、「二级」 分别得 2、1")).toEqual([
      // the category reading pairs the clause's amounts with the outcomes in order: the second is wrong
      "4:51 规则「档案」与条文不一致：得分 1 与条文中的「1.5分」不符",
    ]);
  });
  it("折算自: the scale is checked against the clause (百分制 is 100)", () => {
    expect(mismatches(4, "规则 「上级」 「采用上级部门考核结果（满分120分），按本项分值折算」 按评价 得分 折算自 120")).toEqual([]);
    expect(mismatches(4, "规则 「上级」 「按评价结果（百分制）折算」 按评价 得分 折算自 100")).toEqual([]);
    expect(mismatches(4, "规则 「上级」 「采用上级部门考核结果（满分120分），按本项分值折算」 按评价 得分 折算自 100")).toEqual([
      "4:51 规则「上级」与条文不一致：原满分 100 与条文中的「120分」不符",
    ]);
  });
});

describe("clause-mismatch: the award cap of a two-sided linear rule", () => {
  const clause = "完成得基本分;大于目标值的,每增加1%加1分,最高加2分;小于目标值的,每少1%扣1分,扣分至基本分值扣完为止。";
  it("a faithful encoding is clean, with the cap after either side", () => {
    expect(mismatches(5, `规则 「编制率」 「${clause}」 基准 目标值 每增加 1% 得 1 上限 2，每少 1% 扣 1`)).toEqual([]);
    expect(mismatches(5, `规则 「编制率」 「${clause}」 基准 目标值 每少 1% 扣 1，每增加 1% 得 1 上限 2`)).toEqual([]);
  });

  it("最高加2分: the amount and the cap swapped (both numbers are in the clause) is found", () => {
    expect(mismatches(5, `规则 「编制率」 「${clause}」 基准 目标值 每增加 1% 得 2 上限 1，每少 1% 扣 1`)).toEqual([
      "4:92 规则「编制率」与条文不一致：加分的上限 1 与条文「最高加2分」不符（应为 2）",
    ]);
  });

  it("加分至基本分值封顶: the cap is the item's points; another number of the clause, or none, is found", () => {
    const c2 = "完成得基本分,大于目标值的,每增加10万元加0.5分, 加分至基本分值封顶;少于目标值的,每少10万元扣1分,扣分至基本分值扣完为止。";
    expect(mismatches(5, `规则 「资金」 「${c2}」 基准 目标值 每增加 10万元 得 0.5 上限 5，每少 10万元 扣 1`)).toEqual([]);
    expect(mismatches(5, `规则 「资金」 「${c2}」 基准 目标值 每增加 10万元 得 0.5 上限 10，每少 10万元 扣 1`)).toEqual([
      "4:106 规则「资金」与条文不一致：加分的上限 10 与条文「加分至基本分值封顶」不符（应为 5）",
    ]);
    expect(mismatches(5, `规则 「资金」 「${c2}」 基准 目标值 每增加 10万元 得 0.5，每少 10万元 扣 1`)).toEqual([
      "4:81 规则「资金」与条文不一致：条文规定了加分的上限「加分至基本分值封顶」，规则加分的一侧没有写上限 5",
    ]);
  });
});

describe("clause-mismatch: item numbers, thresholds and yearly targets are not the clause's values (corpus false positives dh-07, pb-03)", () => {
  it("an item number opening the clause is not partnered with the code's numbers", () => {
    // Not 「目标次数 5 与条文中的「3」不符」: the 3 is the item's number.
    expect(mismatches(10, "规则 「例会」 「3.按要求召开例会,每少一次扣0.25分。」 至少 5次 每少 1次 扣 0.25")).toEqual([
      "4:38 规则「例会」与条文不一致：目标次数 5 在条文中没有出现",
    ]);
    expect(mismatches(10, "规则 「例会」 「（2）按要求召开例会,每少一次扣0.25分。」 至少 5次 每少 1次 扣 0.25")).toEqual([
      "4:39 规则「例会」与条文不一致：目标次数 5 在条文中没有出现",
    ]);
    // A number that only looks like one (「3.5分」) stays a value.
    expect(mismatches(10, "规则 「例会」 「3.5分，未召开例会的扣。」 扣 2")).toEqual(["4:29 规则「例会」与条文不一致：扣分 2 与条文中的「3.5分」不符"]);
  });

  it("「至少每季度…一次」 is a yearly target of 4; 每月 is 12; another target is still found", () => {
    expect(mismatches(10, "规则 「例会」 「至少每季度召开一次例会,每少一次扣0.25分。」 至少 4次 每少 1次 扣 0.25")).toEqual([]);
    expect(mismatches(10, "规则 「例会」 「每月至少召开一次例会,每少一次扣0.25分。」 至少 12次 每少 1次 扣 0.25")).toEqual([]);
    expect(mismatches(10, "规则 「例会」 「至少每季度召开一次例会,每少一次扣0.25分。」 至少 3次 每少 1次 扣 0.25")).toHaveLength(1);
  });

  it("「发展1名以上新党员计2分」 is a threshold, not a count per person; 「每发展1名计2分」 still is", () => {
    const per = (clause: string, code: string) =>
      mismatches(10, `规则 「发展」 「${clause}」 ${code}`).filter((m) => m.includes("按次计分"));
    expect(per("年内发展1名以上新党员计2分。", "得 2")).toEqual([]);
    expect(per("年内每发展1名新党员计2分。", "得 2")).toHaveLength(1);
  });
});

describe("clause-mismatch: the multiples of 其中 (加 N倍 is N + 1 times, 按 N倍 N times)", () => {
  const rule = (clause: string, code: string) => mismatches(10, `规则 「秸秆」 「${clause}」 ${code}`);

  it("a faithful 加 N倍 / 按 N倍 is clean", () => {
    expect(rule("每发现一处扣0.2分，重复发生的加2倍扣分。", "每处 扣 0.2 其中 「重复发生」 加 2倍")).toEqual([]);
    expect(rule("每发现一处扣0.2分，重复发生的按3倍扣分。", "每处 扣 0.2 其中 「重复发生」 按 3倍")).toEqual([]);
    expect(rule("每发现一处扣0.2分，重复发生的加倍扣分。", "每处 扣 0.2 其中 「重复发生」 加倍")).toEqual([]);
  });

  it("加 and 按 swapped is found, with the clause's words", () => {
    expect(rule("每发现一处扣0.2分，重复发生的加2倍扣分。", "每处 扣 0.2 其中 「重复发生」 按 2倍")).toEqual([
      "4:57 规则「秸秆」与条文不一致：「按 2倍」是原扣分的 2 倍，条文写的是「加2倍」（3 倍）",
    ]);
  });

  it("a wrong N is found; 「加2倍」 written 加倍 is found", () => {
    expect(rule("每发现一处扣0.2分，重复发生的加2倍扣分。", "每处 扣 0.2 其中 「重复发生」 加 3倍")).toEqual([
      "4:57 规则「秸秆」与条文不一致：倍数 3 在条文中没有出现",
    ]);
    expect(rule("每发现一处扣0.2分，重复发生的加2倍扣分。", "每处 扣 0.2 其中 「重复发生」 加倍")).toEqual([
      "4:28 规则「秸秆」与条文不一致：条文的「加2倍」（原扣分的 3 倍）在规则中没有对应的倍数（「加倍」是 2 倍；应写「其中 「条件」 加 2倍」）",
    ]);
  });
});

describe("clause-mismatch: what the second held-out corpus showed (session 21)", () => {
  it("another person's deduction (「首席代表扣1分」) is not the unit's; the unit's own is still checked", () => {
    expect(mismatches(10, "规则 「撤岗」 「擅自撤出窗口人员的,每人次扣2分、首席代表扣1分。」 每人次 扣 2")).toEqual([]);
    expect(mismatches(10, "规则 「撤岗」 「擅自撤出窗口人员的,每人次扣2分、首席代表扣1分。」 每人次 扣 1")).toEqual([
      "4:45 规则「撤岗」与条文不一致：扣分 1 与条文中的「2分」不符",
    ]);
    // The unit's award for what its leader does is the unit's.
    expect(mismatches(10, "规则 「参加」 「县主要领导参加一次加2.5分」 每次 得 1")).toHaveLength(1);
  });

  it("「0. 5分」 (a copy that split the point) is 0.5", () => {
    expect(mismatches(10, "规则 「指南」 「办事指南不准确的,每发现一项扣0. 5分。」 每项 扣 0.5")).toEqual([]);
  });

  it("a base of 0 and a step of 1 go without saying only when every number of the clause is accounted for", () => {
    expect(mismatches(10, "规则 「经费」 「每上升一个百分点加1分」 基准 0% 每增加 1个百分点 得 1 上限 10")).toEqual([]);
    expect(mismatches(10, "规则 「平台」 「被平台扣分的,按被扣分值的10倍扣分」 基准 0 每超 1 扣 10")).toEqual([]);
    expect(mismatches(10, "规则 「经费」 「比上年增长5%以上的,每上升一个百分点加1分」 基准 0% 每增加 1个百分点 得 1 上限 10")).toHaveLength(1);
  });
});
