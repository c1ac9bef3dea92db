/**
 * Session 29 (helper danger): three dangerous classes of wrong readings on the twenty-first set, each a guard
 * (guards-danger.ts) — a rate threshold after 每 the reading does not write, a distributive 「每个X的Y…的,得N分」 read
 * per X, a time written with 半 a one-shot reading leaves out. On clauses written for these tests (never the corpus's
 * text), with near-misses each guard must let through.
 */
import { describe, expect, it } from "vitest";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

const fired = (text: string, reading: readonly string[], ctx = item()): string[] => guardsFiring(normalise(text), reading, ctx).map((f) => f.name);

describe("per-rate-bound: a rate threshold after 每 the reading does not write", () => {
  it.each([
    ["每期参学率未达85%的支部扣2分", ["每次 扣 2"]],
    ["每月考核合格率低于95%的,扣1分", ["每月 扣 1"]],
    ["每季度到位率不足80%扣3分", ["扣 3"]],
  ] as const)("stops 「%s」 read %j", (text, reading) => {
    expect(fired(text, reading, item(null, { section: "减分" }))).toContain("per-rate-bound");
  });

  it.each([
    // the threshold written by the reading (a band)
    ["每期参学率未达85%的支部扣2分", ["分段 { < 85% 扣 2 }"]],
    // a count bound after 每 (a requirement per thing: what is missing is counted) is the bound guard's business
    ["每条道路宣传牌达到5块为合格,每少1块扣1分", ["每块 扣 1"]],
    // a rate with no 每 before it in its clause part
    ["参学率未达85%扣2分,每发现一人未学扣0.5分", ["每人 扣 0.5"]],
  ] as const)("lets 「%s」 read %j through", (text, reading) => {
    expect(fired(text, reading, item(null, { section: "减分" }))).not.toContain("per-rate-bound");
  });

  it("makes the clause a to-do end to end", () => expectTodo("每期参学率未达85%的支部量化考核减2分", item(null, { section: "减分" })));
});

describe("「每期」 with no verb between is the period assessed, not an issue counted (count-words.ts)", () => {
  // the count-word table writes 「每出一期」 (an issue of a bulletin) as 每次; 「每期」 itself names the period: a
  // requirement held every period earns its points once (the corpus's convention, jsb-01 「每天主动…完成本岗工作…,得3分」
  // → 得 3), never per time (it was read `每次 得 2` before)
  it("reads a requirement every period once", () => expectReading("每期按时完成学习的,得2分", item("5"), ["得 2"]));
  it("still counts an issue published", () => expectReading("板报每出一期得0.5分", item("5"), ["每次 得 0.5"]));
});

describe("distributive-scope: 「每个X的Y…的,得N分」 is a requirement on every X, not an award per X", () => {
  it.each([
    ["每个小区的保洁人员均按规定持证上岗的,得3分", ["每个 得 3"]],
    ["每个网格的信息员按要求配备到位的得2分", ["每个 得 2"]],
    ["每家企业的台账按规定建立的,得2分", ["每家 得 2"]],
  ] as const)("stops 「%s」 read %j", (text, reading) => {
    expect(fired(text, reading)).toContain("distributive-scope");
  });

  it.each([
    // an award per thing done more of
    ["每引进一个项目的,得2分", ["每个 得 2"]],
    // 每个…的, ends a condition (each one that meets it earns): the guard leaves it
    ["每个达标的,得1分", ["每个 得 1"]],
    // the one-shot award the corpus writes for the requirement
    ["每个小区的保洁人员均按规定持证上岗的,得3分", ["得 3"]],
  ] as const)("lets 「%s」 read %j through", (text, reading) => {
    expect(fired(text, reading)).not.toContain("distributive-scope");
  });

  it("makes the clause a to-do end to end", () => expectTodo("每个小区的保洁人员均按规定持证上岗的,得3分", item("5"), /每个小区/));
  it("makes 每家 a to-do end to end", () => expectTodo("每家企业的台账按规定建立的,得2分", item("5"), /每家企业/));
});

describe("half-step: a time written with 半 a one-shot reading leaves out", () => {
  it.each([
    ["开放时间每少半小时,扣1分", ["扣 1"]],
    ["值班每缺岗半天扣2分", ["扣 2"]],
    ["会议请假半日扣0.5分", ["扣 0.5"]],
  ] as const)("stops 「%s」 read %j", (text, reading) => {
    // (「扣 0.5」 writes 0.5 as the amount, not as the half day: the guard still fires)
    expect(fired(text, reading)).toContain("half-step");
  });

  it.each([
    // a per-count reading counts the half days (the corpus's convention)
    ["每旷岗半天扣3分", ["每次 扣 3"]],
    // 半年 names a period
    ["未报送半年工作总结的扣2分", ["扣 2"]],
    ["上半年未完成的扣2分", ["扣 2"]],
    // the step written
    ["开放时间每少半小时,扣1分", ["基准 3小时 每少 0.5小时 扣 1"]],
  ] as const)("lets 「%s」 read %j through", (text, reading) => {
    expect(fired(text, reading)).not.toContain("half-step");
  });

  it("makes the clause a to-do end to end", () => expectTodo("开放时间每少半小时,扣1分", item("5"), /半小时/));
  it("still reads a half day counted", () => expectReading("每旷岗半天扣3分", item("10"), ["每次 扣 3"]));
});
