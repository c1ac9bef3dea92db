/**
 * A reading takes nothing that changes a score by default (session 27, issue 13: the seventeenth set's blind wrongs,
 * test/corpus/README.md "Session 27: defaults stated or refused"). For each class, clauses written for these tests
 * (never the corpus's text): the risky shape, where no word states what a reading would take, is a to-do with a
 * Chinese reason; the same shape with the stating word is read. Each class is one rule a reader could say in one
 * sentence:
 *   direction   分值前没有扣或得时，只有条文、本项名称或所在的加分/减分项写明方向（或条文写的是要做到的事、没有毛病）才读；
 *               条文写的是毛病而没有扣字，不读作得分
 *   count       「少一X」扣分是每少一个扣；没有计数单位，或前面写了应有的数量而计分方式没写，就不读
 *   third state 分值旁另有「不得分」的条件时，不把不得分丢掉
 *   whole       「…得满分，…不得分」是做到得本项分值，不是只有不得分
 */
import { describe, expect, it } from "vitest";
import type { ClauseContext } from "@kaoping/import";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { directionOf, faultStated } from "../src/recognise/patterns/stated-direction.js";
import { pointsColumn } from "../src/recognise/row-points.js";
import { totalAsCap } from "../src/recognise/total-caps.js";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

/** An item with no points of its own and no siblings, named as given. */
const named = (indicator: string, extra: Partial<ClauseContext> = {}): ClauseContext => ({ indicator, points: null, section: null, siblings: [], ...extra });

describe("direction: a verbless amount goes the way a word states, never by default", () => {
  it.each([
    // a fault described, no verb anywhere: no award
    ["垃圾桶摆放随意,影响市容 0.5分/处", named("市容管理")],
    ["施工围挡破损、污渍明显 1分/处", named("市容管理")],
    ["宣传栏歪斜未修复的 2分", named("宣传阵地")],
    ["擅自占用人行道停放车辆 0.2分/辆", named("交通秩序")],
    // neither a fault nor a thing to do: which way is not written
    ["沿街门店 0.5分/家", named("市容管理")],
    // an item named as deductions, a one-shot amount (a task's points among deductions?): not read either way
    ["年度汇报材料 3分", named("扣分项目")],
    // a thing named with its points, no verb and no word of doing or having it
    ["季度工作简报 2分", item("2", { siblings: [] })],
  ] as const)("%s → to-do", (text, ctx) => expectTodo(text, ctx, /扣分还是得分/));

  it.each([
    // the clause's own verb
    ["施工围挡破损扣1分/处", named("市容管理"), ["每处 扣 1"]],
    // the item's name states deductions: the verbless count goes down
    ["施工围挡破损 1分/处", named("市容扣分项目"), ["每处 扣 1"]],
    // a 减分 section
    ["宣传栏歪斜未修复的 2分/处", { indicator: "减分", points: null, section: "减分" }, ["每处 扣 2"]],
    // something to have or do, a merit, a task with its points in brackets: what the item earns
    ["建立门前三包责任制 2分", item("2", { siblings: [] }), ["得 2"]],
    ["社区志愿服务队伍配备齐全 3分", item("3", { siblings: [] }), ["得 3"]],
    ["经验材料在市级刊物刊发 1分/篇", named("宣传加分"), ["每篇 得 1"]],
    ["向辖区居民发放宣传册(0.5分)", item("0.5", { siblings: [] }), ["得 0.5"]],
    // the absence of a fault is the requirement (its fault words are what must not happen)
    ["全年无乱堆乱放现象 2分", item("2", { siblings: [] }), ["得 2"]],
  ] as const)("%s → read", (text, ctx, want) => expectReading(text, ctx, want));

  it("a total after a verbless amount is its cap, and gives it no direction (total-caps.ts)", () => {
    expectTodo("每处乱堆乱放0.5分,总分5分", item("5", { siblings: [] }), /扣分还是得分/);
    expectReading("每建一个示范点0.5分,总分2分", item("2", { siblings: [] }), ["每个 得 0.5 上限 2"]);
    expectReading("每处乱堆乱放扣0.5分,总分5分", item("5", { siblings: [] }), ["每处 扣 0.5 上限 5"]);
    // the rewrite itself writes no verb the clause does not
    expect(totalAsCap("每处0.5分,总分5分", item("5"))).toBe("每处0.5分,最多5分");
    expect(totalAsCap("每处扣0.5分,总分5分", item("5"))).toBe("每处扣0.5分,最多扣5分");
  });

  it("a row of a points column: a requirement done earns the row's points, a fault described does not (row-points.ts)", () => {
    expectTodo("擅自设置户外广告。", item("10", { siblings: [], rowPoints: "2" }));
    expectReading("设置户外广告公示栏。", item("10", { siblings: [], rowPoints: "2" }), ["得 2"]);
    // the pattern itself, before any guard
    expect(pointsColumn(normalise("擅自设置户外广告。"), item("10", { siblings: [], rowPoints: "2" }))).toBeUndefined();
  });

  it("the words: a section or item name states a direction only when it says one way", () => {
    expect(directionOf("减分", "x")).toBe("扣");
    expect(directionOf("加分", "x")).toBe("得");
    expect(directionOf(null, "市容扣分项目")).toBe("扣");
    expect(directionOf(null, "创新工作加分")).toBe("得");
    expect(directionOf(null, "加分和扣分")).toBeUndefined();
    expect(directionOf(null, "市容管理")).toBeUndefined();
    expect(faultStated("灯箱画面破损 1分/处")).toBe("破损");
    expect(faultStated("全年无违规搭建、乱堆乱放 2分")).toBeUndefined();
    // a requirement that names a fault as its object is no fault described
    expect(faultStated("建立违法线索举报奖励制度(2分)")).toBeUndefined();
  });

  it("the guards catch an unstated award whoever wrote it (the compositional reader too)", () => {
    expect(guardsFiring(normalise("季度工作简报 2分"), ["得 2"], item("2", { siblings: [] })).map((f) => f.name)).toContain("award-unstated");
    expect(guardsFiring(normalise("年度汇报材料 3分"), ["得 3"], named("扣分项目")).map((f) => f.name)).toContain("award-unstated");
    expect(guardsFiring(normalise("编制季度工作简报 2分"), ["得 2"], item("2", { siblings: [] }))).toEqual([]);
  });

  it("the guard and the accounting check catch an award on a fault whoever wrote it", () => {
    const t = normalise("路灯灯罩破损、积尘严重 0.5分/处");
    const firing = guardsFiring(t, ["每处 得 0.5"], named("路灯管理")).map((f) => f.name);
    expect(firing).toContain("award-on-fault");
    expect(firing).toContain("accounting");
    // the deduction is what the clause means: nothing fires on it
    expect(guardsFiring(t, ["每处 扣 0.5"], named("路灯管理"))).toEqual([]);
  });
});

describe("count: a deduction for one thing missing is counted per thing, its required number written", () => {
  it.each([
    // one of a named list missing: per thing, or once?
    ["查看台账,少“一簿”扣3分", item("10", { siblings: [] })],
    ["现场检查,缺“一牌”的扣2分", item("10", { siblings: [] })],
    // a number required before the shortfall: the bound is not written
    ["五类应急物资少一类扣1分", item("5", { siblings: [] })],
    ["三支志愿队伍缺一支扣2分", item("6", { siblings: [] })],
  ] as const)("%s → to-do", (text, ctx) => expectTodo(text, ctx));

  it.each([
    // the count word stated
    ["查看台账,每少一项扣3分", item("10", { siblings: [] }), ["每项 扣 3"]],
    // the requirement's number stated as a bound: read with it
    ["应急预案不少于5项,每少1项扣1分", item("5", { siblings: [] }), ["至少 5项 每少 1项 扣 1"]],
  ] as const)("%s → read", (text, ctx, want) => expectReading(text, ctx, want));

  it("the guards catch the dropped count whoever wrote the reading", () => {
    expect(guardsFiring(normalise("查看台账,少“一簿”扣3分"), ["扣 3"], item("10", { siblings: [] })).length).toBeGreaterThan(0);
    const required = guardsFiring(normalise("五种应急物资少一种扣1分"), ["每项 扣 1"], item("5", { siblings: [] })).map((f) => f.name);
    expect(required).toContain("accounting");
    // (「一类」 is masked as a name before the accounting check reads the clause: the guards of guards-counts.ts catch it)
    expect(guardsFiring(normalise("五类应急物资少一类扣1分"), ["每项 扣 1"], item("5", { siblings: [] })).length).toBeGreaterThan(0);
  });
});

describe("third state: 不得分 beside a deduction is never dropped", () => {
  it.each([
    ["按时报送的不扣分,逾期报送扣1分,未报送不得分", item("3", { siblings: [] })],
  ] as const)("%s → to-do", (text, ctx) => expectTodo(text, ctx));

  it.each([
    // the three states written out (compose/compose.ts fullThenFailings, as the corpus writes xsbj-02): the 不得分 kept
    ["台账齐全得满分,台账不全扣2分,无台账不得分。", item("5", { siblings: [] }), ["扣 2", "不得分"]],
    // the deduction alone
    ["台账不全扣2分", item("5", { siblings: [] }), ["扣 2"]],
    // 不得分 as the other side of an award: the award is the reading
    ["按时报送得2分,未报送不得分", item("2", { siblings: [] }), ["得 2"]],
  ] as const)("%s → read", (text, ctx, want) => expectReading(text, ctx, want));
});

describe("whole: 「…得满分，…不得分」 is the item's points when done", () => {
  it.each([
    ["活动开展到位得满分,未开展不得分。", item("3", { siblings: [] }), ["得 3"]],
    ["制度健全得满分,否则不得分", item("2", { siblings: [] }), ["得 2"]],
    // 不得分 alone stays what it was
    ["未开展活动的不得分", item("3", { siblings: [] }), ["不得分"]],
  ] as const)("%s → read", (text, ctx, want) => expectReading(text, ctx, want));

  it("with the item's points not known, no award is written: 不得分 as before (the same scores)", () => {
    expectReading("活动开展到位得满分,未开展不得分。", item(null, { siblings: [] }), ["不得分"]);
  });
});
