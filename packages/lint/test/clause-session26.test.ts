/**
 * clause-mismatch (KP3030) false alarms of test/corpus fixed in session 26, each class on clauses of our
 * own: a faithful rule that must stay clean beside a mis-encoding that must still be reported, so that a
 * reading made too loose fails here.
 *
 * - the item's requirement kept as the indicator's `注` (as `kp import` keeps a requirement written in a
 *   level column) states the bound or base its clause leaves to it;
 * - 「每次扣 0。5 分」: a copy that wrote the decimal point as a full stop;
 * - 「每下降1%扣1分」 with no other percentage: the rate falls from 100%;
 * - 「得25分;每增减1%,加减1分,最高加至30分」: the score's ceiling, the award side's cap 5.
 */
import { describe, expect, it } from "vitest";
import { kp3030Of } from "./helpers.js";
import { clauseNumbers } from "../src/clause.js";


/** KP3030 messages on one indicator of `points` holding one rule, after the indicator's `extra` lines. */
function kp3030(points: number, clause: string, code: string, extra = ""): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n${extra}  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}

describe("the item's requirement kept as the indicator's note", () => {
  const note = "  注 「人民调解卷宗全年不少于50件、大调解卷宗全年不少于20件」\n";
  const clause = "人民调解卷宗每少一件扣0.5分";

  it("states the target the clause leaves to it", () => {
    expect(kp3030(5, clause, "至少 50件 每少 1件 扣 0.5", note)).toEqual([]);
    expect(kp3030(5, clause, "至少 20件 每少 1件 扣 0.5", note)).toEqual([]);
  });

  it("a target the note does not state is still reported, and without the note the target is unsaid", () => {
    expect(kp3030(5, clause, "至少 40件 每少 1件 扣 0.5", note)).toEqual(["目标次数 40 在条文中没有出现"]);
    expect(kp3030(5, clause, "至少 50件 每少 1件 扣 0.5")).toEqual(["目标次数 50 在条文中没有出现"]);
  });

  it("accounts for bounds and bases only, never for an amount", () => {
    const awardNote = "  注 「全年经费不低于2000元(3分)」\n";
    expect(kp3030(5, "达不到标准扣2分", "分段 { < 2000元 扣 2 }", awardNote)).toEqual([]);
    expect(kp3030(5, "达不到标准扣2分", "分段 { < 2000元 扣 3 }", awardNote)).toEqual(["扣分 3 与条文中的「2分」不符"]);
  });
});

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

describe("a range whose dash a copy lost", () => {
  it("「视情扣14分」 in a 12-point item is 1-4", () => {
    const c = "抓好消防安全工作的的视情扣14分,";
    expect(kp3030(12, c, "酌情 扣 1 至 4")).toEqual([]);
    expect(kp3030(2, "顶窗出现损坏或者漏水的扣12分", "酌情 扣 1 至 2")).toEqual([]);
  });

  it("another range, or a number the item's points allow as one amount, is still reported", () => {
    const c = "抓好消防安全工作的的视情扣14分,";
    expect(kp3030(12, c, "酌情 扣 1 至 5")).not.toEqual([]);
    expect(kp3030(12, c, "酌情 扣 2 至 4")).not.toEqual([]);
    // in a 20-point item 14 may be one deduction: the range is not what the clause says
    expect(kp3030(20, c, "酌情 扣 1 至 4")).not.toEqual([]);
  });

  it("「46名」 between 「前3名」 and 「7名以后」 is places 4 to 6", () => {
    const c = "累计得分之和前3名学院计30分、46名计20分、7名以后计10分。";
    expect(kp3030(30, c, "分段 { ≤ 3 得 30 (3, 6] 得 20 > 6 得 10 }")).toEqual([]);
    expect(kp3030(30, c, "分段 { ≤ 3 得 30 (3, 5] 得 20 > 5 得 10 }")).toEqual(["分段界限 5 在条文中没有出现"]);
    // in order (「前3名…、46名以后…」 has no place after it): 46 is a place
    expect(kp3030(30, "前3名计30分、46名以后计20分", "分段 { ≤ 3 得 30 (3, 6] 得 20 }")).not.toEqual([]);
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

describe("the item's points as its clauses state them", () => {
  const a = "发动组织群众好的计2.5分,差的扣1分;";
  const b = "及时反馈典型信息5条的计2.5分,每差1条扣0.5分,扣完为止。";
  const item = (codeA: string, codeB: string, points = 5) =>
    kp3030Of(`指标 「组织发动」 ${points}分 {\n  规则 「a」 「${a}」\n    ${codeA}\n  规则 「b」 「${b}」\n    ${codeB}\n}`, points);

  it("parts that add up to the item's points are no amounts the rules must write", () => {
    expect(item("扣 1", "至少 5条 每少 1条 扣 0.5")).toEqual([]);
  });

  it("a deduction changed is still reported, and parts that do not add up are the clause's amounts", () => {
    expect(item("扣 2", "至少 5条 每少 1条 扣 0.5")).toEqual(["扣分 2 与条文中的「1分」不符"]);
    // in a 6-point item the parts (2.5 + 2.5) are not the item's points
    expect(item("扣 1", "至少 5条 每少 1条 扣 0.5", 6)).toEqual(["条文中的「2.5分」在规则中没有对应的数值", "条文中的「2.5分」在规则中没有对应的数值"]);
  });

  it("「没有贫困村的乡镇计10分」 in a 15-point item is a deduction of 5", () => {
    expect(kp3030(15, "没有贫困村的乡镇计10分", "扣 5")).toEqual([]);
    expect(kp3030(15, "没有贫困村的乡镇计10分", "扣 4")).not.toEqual([]);
    // in a 10-point item, 计10分 is the points, not a deduction
    expect(kp3030(10, "没有贫困村的乡镇计10分", "扣 5")).not.toEqual([]);
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
