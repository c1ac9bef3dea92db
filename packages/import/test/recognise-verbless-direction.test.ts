/**
 * A verbless amount's direction (patterns/bare-amounts.ts, compose/rule.ts; guards-direction.ts): from its list
 * (siblings that only deduct, a deductions table whose rows never write 扣), from its cap's verb (「每处2分，最多扣4分」), an
 * amount per piece after what is earned stays an award — never a default award where a fault is priced — on clauses
 * written for these tests (general rulebook phrasing, never the corpus's text), each reading checked in a catalogue
 * (it must parse and check), with the near-misses that must stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, expectReading, expectTodo, bodies } from "./phrasing-check.js";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { faultList } from "../src/recognise/patterns/bare-amounts.js";

const notional = (siblings: readonly string[]): ClauseContext => ({ indicator: "环境卫生", points: null, section: null, siblings });

/** Rows of a deductions table that never write 扣: each prices a fault. */
const FAULTS = ["门前有积存垃圾未清理的 1分/处", "果皮箱破损未及时更换 0.5分/个", "占道经营未劝离的 2分/处", "墙面乱贴小广告 0.5分/处"];

const withSiblings = (points: string, siblings: readonly string[]): ClauseContext => item(points, { siblings });

const disciplinePenalty = (): ClauseContext => ({ indicator: "违纪扣分", points: null, section: "减分" });

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
    ["擅自离岗每次2分。", disciplinePenalty(), ["每次 扣 2"]],
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

describe("a deductions table whose rows never write 扣 (wqsr-01–11's cause: the list's direction had to come from a verb)", () => {
  it.each([
    ["公厕内有异味、地面有积水的 1分/处", notional(FAULTS), ["每处 扣 1"]],
    ["擅自在绿地内堆放杂物、搭建棚架 0.5分/项", notional(FAULTS), ["每项 扣 0.5"]],
    ["夜间施工噪音扰民,影响居民休息的 2分/次", notional(FAULTS), ["每次 扣 2"]],
    ["下水井盖缺失未及时补齐每处1分", notional(FAULTS), ["每处 扣 1"]],
  ] as const)("%s", expectReading);

  it("the fault list: every sibling one verbless amount describing a fault", () => {
    expect(faultList(FAULTS)).toBe(true);
    // one row names merit: a list of another kind
    expect(faultList([...FAULTS, "参加全市评比获表彰的 2分/次"])).toBe(false);
    // one row writes its verb: deductionList's concern, not this one
    expect(faultList([...FAULTS, "路面积水扣1分"])).toBe(false);
    // rows that describe no fault (a checklist of tasks with their points)
    expect(faultList(["建立卫生管理台账 1分/项", "设置分类垃圾桶 0.5分/个"])).toBe(false);
    // a single sibling says no list
    expect(faultList(["门前有积存垃圾未清理的 1分/处"])).toBe(false);
    // the absence of a fault is what an item earns: no fault list
    expect(faultList(["全年无安全事故 2分", "无违纪违法问题 1分/项"])).toBe(false);
  });

  it("an absence among the faults is not read as a deduction", () => {
    expect(bodies(recogniseClause("全年无群众投诉 1分/项", notional(FAULTS)))).not.toEqual(["每项 扣 1"]);
  });

  it("no siblings, no section: never 扣 from a list that is not there (the older reading stays)", () => {
    expect(bodies(recogniseClause("公厕内有异味的 1分/处", notional([])))).not.toEqual(["每处 扣 1"]);
  });

  it.each([
    // merit among the faults: which way is not written
    ["参加市容环境评比获表彰的 2分/次", notional(FAULTS)],
  ] as const)("stays a to-do: %s", expectTodo);

  it("a verbless task list keeps its award (no fault words anywhere)", () => {
    expect(bodies(recogniseClause("建立门前三包台账 1分/项", notional(["设置分类垃圾桶 0.5分/个", "配备保洁人员 1分/人"])))).toEqual(["每项 得 1"]);
  });

  it("the guard: an award read from a verbless amount among rows that price faults is a to-do", () => {
    const fired = guardsFiring(normalise("搭棚唱戏,燃放鞭炮 0.5分/项"), ["每项 得 0.5"], notional(FAULTS)).map((g) => g.name);
    expect(fired).toContain("bare-award-among-deductions");
  });
});

describe("a bare amount's direction from its cap's verb", () => {
  it.each([
    ["巡查发现问题每宗0.3分，最多扣0.6分", item("5"), ["每宗 扣 0.3 上限 0.6"]],
    ["清扫保洁人员不在岗的 1分/项，最多扣2分", item("5"), ["每项 扣 1 上限 2"]],
    ["资料缺失每处0.5分,扣完为止", item("5"), ["每处 扣 0.5"]],
    ["发表信息每篇1分，最多加3分", item("5"), ["每篇 得 1 上限 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a cap without a verb states no direction
    ["巡查发现问题每宗0.3分，最高0.6分", item("5")],
    // a one-shot amount under a cap: a count the clause may have dropped
    ["违规的2分，扣完为止", item("5")],
    ["违规的2分，最多扣2分", item("5")],
    // a range per occurrence under a cap
    ["违规每次2-3分，最多扣6分", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("an unsigned amount per piece: an award after what is earned, nothing after a fault", () => {
  it.each([
    // (an unsigned amount per piece after what is earned stays an award, as before)
    ["信息录用2分/条", item(), ["每条 得 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // an unsigned amount per occurrence after a fault: deduction or award? nothing in the clause says
    ["迟报0.5分/次", item()],
  ] as const)("never guessed: %s", expectTodo);
});
