/**
 * The item's points, bound and base as a clause uses them (patterns/item-points.ts, whole-item.ts, task-points.ts,
 * steps.ts, rewords-item.ts, item.ts): the item's bound reaching 少一次 and 达不到标准, the item's points before its
 * deductions, 「…任务为P分」 as the item's points and not an award, the item's points for a target or for meeting every
 * requirement, the item's base up and down, its score as a whole stated by its effect (「本项考核为0分」「扣完该项分值」), 基础分, and
 * parts that share the whole (「其中…各占N分」) — on clauses written for these tests (general rulebook phrasing, never the
 * corpus's text), each reading checked in a catalogue (it must parse and check), with the near-misses that must stay
 * to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";

const alone = (points: string): ClauseContext => item(points, { siblings: [] });

const withSiblings = (points: string, siblings: readonly string[]): ClauseContext => item(points, { siblings });

describe("the item's bound reaches 少一次 and 达不到标准 (gzw-04/14, ynlg-04/07 were read 每次 扣 1 / 扣 2)", () => {
  it.each([
    ["走访慰问少一次扣0.5分", item("3", { item: "每年走访慰问困难群众不少于四次" }), ["至少 4次 每少 1次 扣 0.5"]],
    ["督查缺少一次的扣1分", item("4", { item: "督查工作每年不少于3次" }), ["至少 3次 每少 1次 扣 1"]],
    ["每少 1 次扣 0.5 分", item("2", { item: "全年不少于 4 次" }), ["至少 4次 每少 1次 扣 0.5"]],
    ["未达到标准的扣3分", item("3", { item: "培训经费不低于5000元" }), ["分段 { < 5000元 扣 3 }"]],
    ["达不到要求扣1分。", item("2", { item: "全年开展宣传活动不少于6次" }), ["分段 { < 6次 扣 1 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // no item bound: the short count alone is counted as the corpus writes it (每次), never a made-up bound
    ["走访慰问少一次扣0.5分", item("3")],
  ] as const)("%s (no item bound) → 每次", (text, ctx) => {
    expect(bodies(recogniseClause(text, ctx))).toEqual(["每次 扣 0.5"]);
  });

  it.each([
    // two bounds in the item: which one 达不到标准 means is not said
    ["达不到标准扣2分", item("2", { item: "经费不低于2000元、活动不少于4次" })],
    // a bound per quarter is not the year's
    ["走访少一次扣1分", item("3", { item: "每季度走访不少于1次" })],
  ] as const)("%s → to-do", expectTodo);
});

describe("the item's points, then deductions (记N分;少一项扣M分; 直至不得分; 少于N次/年)", () => {
  it.each([
    ["有方案、有台账、有总结,记3分;少一项,扣1分。", item("3"), ["每项 扣 1"]],
    ["制度上墙、人员到位的,计2分;缺一项,扣0.5分", item("2"), ["每项 扣 0.5"]],
    ["按时上报月度报表得4分;每迟报1次扣1分,直至不得分。", item("4"), ["每次 扣 1"]],
    ["开展6次以上专项检查得3分,少开展的一次扣0.5分,直至不得分。", item("3"), ["至少 6次 每少 1次 扣 0.5"]],
    ["群众满意度测评达90分得5分,每低1分扣1分,直至不得分", item("5"), ["基准 90 每低 1 扣 1"]],
    ["召开联席会议少于3次/年的,少一次扣1分", item("3"), ["至少 3次 每少 1次 扣 1"]],
    ["组织学习每年不少于 6 次,每少 1 次,扣 0.5 分,扣完为止。", item("3"), ["至少 6次 每少 1次 扣 0.5"]],
    // 基础分 is 基本分: the completion rate from 100 %
    ["完成计划得基础分,每下降1%扣0.2分,扣分不超过3分", item("6"), ["基准 100% 每低 1% 扣 0.2 上限 3"]],
    ["完成任务的得基础分,降低0.5%扣0.1分", item("4"), ["基准 100% 每低 0.5% 扣 0.1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the award is a part of the item (3 of 5 points): the deduction's reach is not said
    ["有方案、有台账、有总结,记3分;少一项,扣1分。", item("5")],
    // a bound per quarter: the year's number is not written
    ["每季度召开例会少于1次的,少一次扣1分", item("4")],
    // 直至不得分 after an award that is not the item's points
    ["按时上报得2分;每迟报1次扣1分,直至不得分。", item("4")],
    // 基础分 with a step that is not a rate: the base's value is not said
    ["完成计划得基础分,每少1户扣0.2分", item("6")],
  ] as const)("%s → to-do", expectTodo);
});

describe("「…任务为P分」 states the item's points, not an award (the wrong reading's cause)", () => {
  it.each([
    ["完成年度防汛物资储备任务为8分,未全部完成的不记分。", item("8"), ["不得分"]],
    ["按期完成老旧小区改造工作为6分,没有按期完成的不得分。", item("6"), ["不得分"]],
  ] as const)("%s", expectReading);

  it.each([
    // the points alone: what the task is worth, no award and no failing — never 得 P
    ["完成年度防汛物资储备任务为8分。", item("8")],
    // another number than the item's points: not the item's, and not an award either
    ["完成年度防汛物资储备任务为5分,未全部完成的不记分。", item("8")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("an award written 「得P分」 before a failing is read as before (得 P)", () => {
    expect(bodies(recogniseClause("完成年度防汛物资储备任务的得8分,未全部完成的不记分。", item("8")))).toEqual(["得 8"]);
  });
});

describe("the item's points for the target, then a deduction per step below it", () => {
  it.each([
    ["完成年度造林计划任务(面积)得12分,每减少10%扣2分。", item("12"), ["基准 100% 每低 10% 扣 2"]],
    ["城乡居民养老保险参保率达到98.5%,得6分,每下降0.5%,扣1分,扣完为止。", item("6"), ["基准 98.5% 每低 0.5% 扣 1"]],
    ["(2)完成全年征收任务得8分,每降低5%扣1分。", item("8"), ["基准 100% 每低 5% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the award is not the item's points: two rules or one, not said
    ["完成年度造林计划任务得10分,每减少10%扣2分。", item("12")],
    // a bound in the task (未 / 以上): the target is not 100 % as written
    ["完成80%以上任务得12分,每减少10%扣2分。", item("12")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's base, the same amount up and down, each side capped at a share of the base", () => {
  it.each([
    ["完成地区生产总值增长指标的基本分20分,每增减1个百分点,增减2分,增减分不超过基本分50%。", item("20"), ["基准 目标值 每增加 1个百分点 得 2 上限 10，每少 1个百分点 扣 2 上限 10"]],
    // the cap computed exactly: 15 × 50 % = 7.5, 15 × 35 % = 5.25 (no binary floating point)
    ["完成新建社区便民网点任务的基本分15分,每增减1个增减1分,增减分不超过基本分50%。", item("15"), ["基准 目标值 每增加 1个 得 1 上限 7.5，每少 1个 扣 1 上限 7.5"]],
    ["完成招商项目落地任务的基本分15分,每增减1个增减0.5分,增减分不超过基本分35%。", item("15"), ["基准 目标值 每增加 1个 得 0.5 上限 5.25，每少 1个 扣 0.5 上限 5.25"]],
  ] as const)("%s", expectReading);

  it.each([
    // the base is not the item's points
    ["完成地区生产总值增长指标的基本分10分,每增减1个百分点,增减2分,增减分不超过基本分50%。", item("20")],
    // no share stated: the caps are not said
    ["完成地区生产总值增长指标的基本分20分,每增减1个百分点,增减2分。", item("20")],
    // a step in %, not in 个百分点: relative or absolute is not said
    ["完成地区生产总值增长指标的基本分20分,每增减1%,增减2分,增减分不超过基本分50%。", item("20")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's points for meeting every requirement, then two or more deductions on their own failings", () => {
  it.each([
    ["方案齐全,按时上报得10分,未制定方案扣4分,未按时上报扣3分。", item("10"), ["扣 4", "扣 3"]],
    ["按时完成验收手续,资料齐全得12分,未完成验收扣4分,资料不全扣4分,未按时上报扣4分。", item("12"), ["扣 4", "扣 4", "扣 4"]],
  ] as const)("%s", expectReading);

  it("one deduction after the award stays as before (得 P 否则 扣 N)", () => {
    expect(bodies(recogniseClause("按时完成得10分,未完成扣5分。", item("10")))).toEqual(["得 10 否则 扣 5"]);
  });

  it.each([
    // the award is not the item's points
    ["方案齐全,按时上报得8分,未制定方案扣4分,未按时上报扣3分。", item("10")],
    // a deduction beside an award later in the list
    ["方案齐全得10分,未制定方案扣4分,按时上报加1分,未按时上报扣3分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's score as a whole stated by its effect", () => {
  it.each([
    ["酒后驾驶公车造成不良影响的本项考核为0分。", item("30"), ["不得分"]],
    ["伪造考勤记录的,该项考核分为0分。", item("30"), ["不得分"]],
    ["年度内发生重大安全事故的,此大项计0分。", item("30"), ["不得分"]],
    ["泄露考试试题的发现一次本项考核分为零分;", item("30"), ["不得分"]],
    ["台账弄虚作假的,发现一次,该项得分为0分。", item("30"), ["不得分"]],
    ["不按规定建立台账,该单项基准分扣完为止。", item("3"), ["不得分"]],
    ["擅自处置国有资产的,发现一起全扣。", item("5"), ["不得分"]],
    // a count that voids the item: a band of the count (以上 includes the number)
    ["三次以上本项考核为0分。", item("30"), ["分段 { ≥ 3次 不得分 }"]],
    ["一年内被通报批评2次以上的该项不得分。", item("30"), ["分段 { ≥ 2次 不得分 }"]],
    ["毁坏绿化苗木20株以上的,本项不得分。", item("10"), ["分段 { ≥ 20 不得分 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // 扣完为止 after an amount is a cap of the deductions, not the loss of the item
    ["台账不全每处扣1分,该单项基准分扣完为止。", item("3"), ["每处 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the same number with 以下 in a sibling: which side holds the bound is open
    ["三次以上本项考核为0分。", withSiblings("30", ["三次以下的每次扣5分。"])],
    // a percentage bound is no count
    ["完成率60%以上本项考核为0分。", item("30")],
    // a score other than nothing: the item's whole is not said to be lost
    ["违反规定的本项考核为5分。", item("30")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's points for the task before a smaller deduction (计P分…扣M分)", () => {
  it.each([
    ["完成年度植树造林任务计12分未完成任务扣3分", item("12"), ["扣 3"]],
    ["完成农村改厕任务计8分;没有完成任务的扣2分", item("8"), ["扣 2"]],
    ["完成秸秆禁烧、综合利用、宣传培训任务计6分;每小项不完成任务扣1分", item("6"), ["每项 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the points are not the item's: an award of their own
    ["完成年度植树造林任务计5分未完成任务扣3分", item("12")],
    // a deduction of the item's points or more: 得 P 否则 扣 M in the corpus (jgwt), not read here as 扣 M
    ["完成年度植树造林任务计12分未完成任务扣12分", item("12")],
    // a task bounded by a rate: the band is not written
    ["粮食产量比上年增长5%完成任务计10分不完成任务扣2分", item("10")],
  ] as const)("stays a to-do or another reading, never 扣 M: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    if (r.kind === "rules") expect(r.bodies).not.toEqual([`扣 ${/扣(\d+)分/.exec(text)![1]}`]);
    else expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("the whole-score guard: 计N分 beside a sibling that states the item's points as the task's score is no award (gxmb-04's cause)", () => {
    const ctx = withSiblings("15", ["完成道路硬化任务计15分不完成任务扣3分"]);
    expectTodo("辖区内没有通村道路任务的计12分", ctx, /总得分|扣分/);
    const fired = guardsFiring(normalise("辖区内没有通村道路任务的计12分"), ["得 12"], ctx).map((g) => g.name);
    expect(fired).toContain("whole-score-as-award");
    // the item's points themselves, or no such sibling: not this guard's
    expect(guardsFiring(normalise("辖区内没有通村道路任务的计15分"), ["得 15"], ctx).map((g) => g.name)).not.toContain("whole-score-as-award");
    expect(guardsFiring(normalise("辖区内没有通村道路任务的计12分"), ["得 12"], item("15")).map((g) => g.name)).not.toContain("whole-score-as-award");
  });
});

describe("基础分 as the item's points before counted deductions, the item's base before its loss, the award's other side in words", () => {
  it.each([
    ["各村卫生室达到县定建设标准,得基础分6分。每项不达标减2分。", item("6"), ["每项 扣 2"]],
    ["制度健全的得基础分3分,每缺一项扣1分。", item("3"), ["每项 扣 1"]],
    ["单项基准2分,不符合要求,该单项基准分扣完为止", item("2"), ["不得分"]],
    ["基础分为4分,资料不符合要求的,本项基础分扣完为止。", item("4"), ["不得分"]],
    ["单项基准3分,未按期建立台账,该单项基准分扣完为止。", item("3"), ["不得分"]],
    ["办公经费达到预算标准要求得8分,不达要求不得分;", item("12"), ["得 8"]],
    ["公共场所设施达到创建标准的记4分,达不到标准的不计分。", item("4"), ["得 4"]],
  ] as const)("%s", expectReading);

  it.each([
    // the base is not the item's points: an amount of its own
    ["各村卫生室达到县定建设标准,得基础分4分。每项不达标减2分。", item("6")],
    // the base before a deduction without a count
    ["单项基准3分,未按期建立台账扣1分,该单项基准分扣完为止。", item("3")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("a failing other than the requirement's negation is no 否则 (a zero on a condition of its own)", () => {
    const r = recogniseClause("办公经费达到预算标准要求得8分,发现挪用的不得分;", item("12"));
    expect(bodies(r)).not.toEqual(["得 8"]);
  });
});

describe("the item's whole points taken, the verb first: 「扣完该项分值」 (xlsc-03's first cause)", () => {
  it.each([
    ["发现违规占用基本农田的,扣完该项分值。", item("7"), ["不得分"]],
    ["瞒报迟报灾情的,扣除本项全部分值", item("5"), ["不得分"]],
    // with an amount of its own 扣完 is the cap's business: not the item's loss
    ["每发现一处扣1分,扣完该项分值", item("7"), ["每处 扣 1"]],
  ] as const)("%s", expectReading);

  it("a bound of another measure before the loss stays a to-do (which occurrences void the item is the bound's role)", () => {
    expectTodo("出现10亩以上成片撂荒1处,扣完该项分值。", item("7"));
  });
});

describe("parts that share the item's points (「其中…各占N分」, the whole then its parts)", () => {
  it.each([
    // parts that share the whole: one award each
    ["按时完成年度报告的计12分，其中内容完整、数据准确和格式规范各占4分。", item("12"), ["得 4", "得 4", "得 4"]],
    // the whole, then its parts each with its own share: one award per part
    ["设立便民服务点记3分，其中，配备专职人员的记2分，公示服务事项的记1分。", item("6"), ["得 2", "得 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // parts that do not add up to the whole, or a whole other than the item's points
    ["按时完成的计10分，其中内容、格式和时效各占3分", item("10")],
    ["按时完成的计12分，其中内容、格式和时效各占4分", item("20")],
    ["设立便民服务点记3分，其中配备专职人员的记2分，公示服务事项的记2分", item("6")],
    ["设立便民服务点记8分，其中配备专职人员的记4分，公示服务事项的记4分", item("6")],
  ] as const)("never guessed: %s", expectTodo);
});
