/**
 * An amount whose digits may be two amounts run together (session 27, issue 13: the eighteenth set's book 361, whose
 * copy lost every range's dash — 「扣0.10.5分」 beside 「扣0.21分」, read `扣 0.21` where the table means 0.2–1;
 * test/corpus/README.md "Session 27: the eighteenth set's wrong readings"). The rule: 同一项的条文里有连写的分值（一个数有两个
 * 小数点，如「0.10.5」）时，本条能拆成两个由小到大的分值的数也可能是连写的范围，不读. And the other side: 「扣0.10.5分」 itself,
 * which is no number, read back as the range where only one cut exists (rewords-lost-dash.ts; both take the cuts from
 * core's runTogetherSplits). Clauses written for these tests.
 */
import { describe, expect, it } from "vitest";
import { guardsFiring } from "../src/recognise/guards.js";
import { RUN_TOGETHER, runTogetherSplit } from "../src/recognise/guards-run-together.js";
import { normalise } from "../src/recognise/normalise.js";
import { expectReading, expectTodo, item } from "./phrasing-check.js";
import { rewordLostDash } from "../src/recognise/rewords-lost-dash.js";

const LOST = ["搅拌场所未采取封闭、降尘措施,扣0.10.5分"];

describe("an amount run together, in an item whose copy lost its ranges' dashes", () => {
  it.each([
    ["道路未硬化处理,扣0.52分", "3"],
    ["无防止光污染措施,扣0.21分", "2"],
    ["出入口无车辆清洁措施,扣12分", "20"],
    ["围挡封闭不严密,扣0.25分", "2"],
  ])("%s beside 「扣0.10.5分」 → to-do", (text, points) => {
    expectTodo(text, item(points, { siblings: LOST }), /连写/);
  });

  it("the loss shown in the clause's item requirement counts too", () => {
    expectTodo("道路未硬化处理,扣0.52分", item("3", { siblings: [], item: "扬尘控制(每项扣0.10.5分)" }), /连写/);
  });

  it.each([
    // nothing in the item shows the loss: the amount is as written
    ["道路未硬化处理,扣0.52分", item("3")],
    // an amount no split makes two (0.5, 1.5, 10) is no run-together range
    ["道路未硬化处理,扣0.5分", item("3", { siblings: LOST })],
    ["道路未硬化处理,扣1.5分", item("3", { siblings: LOST })],
    // a section number is no amount: it shows no loss
    ["道路未硬化处理,扣0.52分", item("3", { siblings: ["按3.2.1条的规定检查"] })],
  ])("%s → read as written", (text, ctx) => {
    const r = /扣([\d.]+)分/.exec(text)![1]!;
    expectReading(text, ctx, [`扣 ${r}`]);
  });

  it("splits a number into two amounts in the order a range is written, or not at all", () => {
    expect(runTogetherSplit("0.21")).toEqual(["0.2", "1"]);
    expect(runTogetherSplit("0.52")).toEqual(["0.5", "2"]);
    expect(runTogetherSplit("25")).toEqual(["2", "5"]);
    expect(runTogetherSplit("0.5")).toBeUndefined();
    expect(runTogetherSplit("1.5")).toBeUndefined();
    expect(runTogetherSplit("10")).toBeUndefined();
    expect(runTogetherSplit("21")).toBeUndefined();
    expect(RUN_TOGETHER.test("扣0.10.5分")).toBe(true);
    expect(RUN_TOGETHER.test("按3.2.1条")).toBe(false);
  });

  it("the guard catches the reading whoever wrote it (a pattern or the compositional reader)", () => {
    const ctx = item("3", { siblings: LOST });
    expect(guardsFiring(normalise("道路未硬化处理,扣0.52分"), ["扣 0.52"], ctx).map((f) => f.name)).toContain("run-together-amount");
    expect(guardsFiring(normalise("道路未硬化处理,扣0.52分"), ["酌情 扣 0.5 至 2"], ctx).map((f) => f.name)).not.toContain("run-together-amount");
  });
});

describe("a range whose dash the copy lost", () => {
  it.each([
    ["围挡不整洁,扣0.10.5分", item("2"), ["酌情 扣 0.1 至 0.5"]],
    ["道路未硬化,扣0.51.5分", item("3"), ["酌情 扣 0.5 至 1.5"]],
    ["洒水设施缺失的扣1.52.5分", item("5"), ["酌情 扣 1.5 至 2.5"]],
  ] as const)("%s", expectReading);

  it.each([
    // the split is not forced (0.1–20.5 or 0.12–0.5?)
    ["围挡不整洁,扣0.120.5分", item("30")],
    // the upper bound above the item's points
    ["围挡不整洁,扣0.13.5分", item("2")],
    // not from the lower to the higher
    ["围挡不整洁,扣0.50.1分", item("2")],
    // no verb before it
    ["围挡不整洁,0.10.5分", item("2")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("rewrites only the forced split, after a verb and before 分", () => {
    expect(rewordLostDash("扣0.10.5分", { points: "2" })).toBe("扣0.1-0.5分");
    expect(rewordLostDash("得0.10.5分", { points: null })).toBe("得0.1-0.5分");
    expect(rewordLostDash("扣0.21分", { points: "2" })).toBe("扣0.21分");
    expect(rewordLostDash("扣0.120.5分", { points: "30" })).toBe("扣0.120.5分");
    expect(rewordLostDash("扣0.10.5万元", { points: "2" })).toBe("扣0.10.5万元");
    expect(rewordLostDash("于2020.10.5前报送,扣1分", { points: "2" })).toBe("于2020.10.5前报送,扣1分");
    // the one cut must give two amounts as they are written (core's runTogetherSplits): 「0.0」 is none
    expect(rewordLostDash("扣0.01.5分", { points: "2" })).toBe("扣0.01.5分");
  });
});
