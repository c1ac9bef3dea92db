/**
 * The fourteenth fresh set's wrong readings at their cause and the recurring to-do classes read since (session 25,
 * helper s25-tune14, books 280–294 tuned on): amounts without a verb (`src/recognise/patterns/bare-amounts.ts`), the
 * item's score as a whole stated by its effect (`patterns/whole-item.ts`), the item's points for the task before a
 * smaller deduction (`patterns/task-points.ts`) and the direction guards (`guards-direction.ts`) — on clauses written
 * for these tests, general rulebook phrasing, never the corpus's text. Each reading is checked in a catalogue; each
 * class has its near-misses, which stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";

const withSiblings = (points: string, siblings: readonly string[]): ClauseContext => item(points, { siblings });
const penalty = (): ClauseContext => ({ indicator: "违纪扣分", points: null, section: "减分" });

/** Siblings that only deduct (a list whose verb is written once). */
const DEDUCTING = ["上班迟到、早退每次扣1分;", "会议无故缺席一次扣2分;", "违反值班纪律的扣3分。"];
/** Siblings that award. */
const AWARDING = ["按时报送月度计划的得1分;", "参加集中培训每次加0.5分。"];

describe("amounts without a verb take the direction of their list, never a default award (gzjs-23's cause)", () => {
  it.each([
    ["公休假超期每天2分;", withSiblings("20", DEDUCTING), ["每天 扣 2"]],
    ["督查组暗访发现问题每起0.5分", withSiblings("20", DEDUCTING), ["每起 扣 0.5"]],
    ["值班期间脱岗每次3分。", withSiblings("20", DEDUCTING), ["每次 扣 3"]],
    // 扣除 after the amount is the clause's own verb
    ["不按时上交教案的按2分/次扣除,", item("20"), ["每次 扣 2"]],
    ["未经批准调课每次1分扣除。", item("20"), ["每次 扣 1"]],
    ["按每次0.5分扣", item("10"), ["每次 扣 0.5"]],
    // in a 减分 section every rule deducts
    ["擅自离岗每次2分。", penalty(), ["每次 扣 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // no siblings to say the direction and no section: the old refusal or reading stays (never 扣 guessed)
    ["无故缺勤每次2分。", item("20")],
    // siblings that both award and deduct: the direction is open (read 每次 得 2 before: the guard)
    ["病假每次2分;", withSiblings("20", [...DEDUCTING, ...AWARDING])],
    // a range without a verb is no single amount
    ["无故缺勤每次2-4分。", withSiblings("20", DEDUCTING)],
    // merit among deductions: the list's one award may be meant (never 扣 from the list, never 得 by default)
    ["参加义务献血每次2分。", withSiblings("20", DEDUCTING)],
    ["信息被市级媒体采用每篇1分", withSiblings("20", DEDUCTING)],
  ] as const)("stays a to-do: %s", expectTodo);

  it("a task with its points among deductions keeps its award (not counted: what the item earns)", () => {
    expect(bodies(recogniseClause("建立应急演练台账并有记录,1分", withSiblings("1", ["每缺一次记录扣0.5分,扣完为止。"])))).toEqual(["得 1"]);
  });

  it("a counted bare amount among awards stays an award", () => {
    expect(bodies(recogniseClause("参加志愿服务每次0.5分。", withSiblings("5", AWARDING)))).toEqual(["每次 得 0.5"]);
  });

  it("the guard: a counted award with no award verb among siblings that only deduct is a to-do", () => {
    const ctx = withSiblings("20", DEDUCTING);
    const fired = guardsFiring(normalise("事假每次2分;"), ["每次 得 2"], ctx).map((g) => g.name);
    expect(fired).toContain("bare-award-among-deductions");
    // an award written as such is not caught
    expect(guardsFiring(normalise("加班每次得2分;"), ["每次 得 2"], ctx).map((g) => g.name)).not.toContain("bare-award-among-deductions");
  });
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

describe("words out of the order the patterns read: a clock time, a count word after its amount, a step after a full stop", () => {
  it.each([
    // 「05分」 of a clock time is no points amount
    ["9点15分前未完成日终轧账,1次扣1分", item("10"), ["每次 扣 1"]],
    ["17點30分以後未交接凭证的,1次扣0.5分", item("10"), ["每次 扣 0.5"]],
    // the count word after the amount
    ["学生就餐浪费扣1分每人次。", item("10"), ["每人次 扣 1"]],
    ["卫生区有垃圾扣0.5分每处", item("10"), ["每处 扣 0.5"]],
    // the target's points, a full stop, then the steps below it
    ["群众满意率不低于90%,得10分。每低1%减0.5分。", item("10"), ["基准 90% 每低 1% 扣 0.5"]],
  ] as const)("%s", expectReading);

  it.each([
    // minutes beyond the clock, or a time with no 前/后: not a time of day
    ["8点75分前未完成日终轧账,1次扣1分", item("10")],
    ["迟到15分以上扣1分", item("10")],
    // a count word the language does not have after the amount
    ["卫生区有垃圾扣0.5分每桶", item("10")],
    // a full stop before an unrelated deduction (no step): two sentences, two facts
    ["群众满意率不低于90%,得10分。发现问题减0.5分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
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

describe("「A或B各扣N分」: two failings joined by 或, one rule each (the 「A、B各扣N分」 list)", () => {
  it.each([
    ["未制定年度计划或未报送工作总结各扣2分", item("5"), ["扣 2", "扣 2"]],
    ["检查台账,没有建立制度或不按时更新的各扣1分。", item("5"), ["扣 1", "扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // 或 between things that are not both failings: one failing of either kind, not two
    ["未建立防汛或抗旱物资台账各扣1分", item("5")],
    // beside siblings that count: per occurrence may be meant
    ["未制定年度计划或未报送工作总结各扣2分", item("5", { siblings: ["漏报工作信息每次扣1分"] })],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("「完成目标任务各得标准分,超额完成的每增加…,未完成的每减少…」: two-sided from the target", () => {
  it.each([
    ["完成目标任务数各得标准分,超额完成的每增加一个加2分,未完成任务数的每减少一个减2分", item("20"), ["基准 目标值 每增加 1个 得 2，每减少 1个 扣 2"]],
    ["完成年度目标任务的得标准分;超额完成的每增加1个加1分;未完成的每减少1个扣1分", item("10"), ["基准 目标值 每增加 1个 得 1，每减少 1个 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // one side only: the target's other side is not written
    ["完成目标任务数各得标准分,超额完成的每增加一个加2分", item("20")],
    // a side without its step
    ["完成目标任务数各得标准分,超额完成的加2分,未完成任务数的每减少一个减2分", item("20")],
  ] as const)("stays a to-do: %s", expectTodo);
});
