/**
 * Session 29 (helper rates), class 1: a stated full mark and a per-step fall — the base is read only where the clause
 * states it (a rate named at N % before the item's points, 低于 a rate as the ceiling of steps above it, a rate
 * required of several classes each with its own percentage), and a verbless step amount before 扣完为止 is a
 * deduction. On clauses written for these tests (general rulebook phrasing, never the corpus's text), each reading
 * checked in a catalogue, with the near-misses that stay to-dos.
 */
import { describe, it } from "vitest";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

describe("a rate named at N % with the item's points, then steps below it (steps.ts targetThenSteps)", () => {
  it.each([
    ["疫苗接种率100%,得6分;每降1%扣0.5分,扣完为止。", item("6"), ["基准 100% 每低 1% 扣 0.5"]],
    ["档案归档率95%得4分,每下降1%扣1分。", item("4"), ["基准 95% 每低 1% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the award is not the item's points: what the other points are for is not said
    ["疫苗接种率100%得5分,每降2%扣1分,扣完为止。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("低于 a rate is the ceiling of steps above it (percent-points.ts)", () => {
  it.each([
    ["(2)差错率低于3%,每超过一个百分点扣0.5分。", item("5"), ["基准 3% 每超 1个百分点 扣 0.5"]],
  ] as const)("%s", expectReading);

  it.each([
    // an award above the ceiling, outside a 加分 section: whether it may pass the item's points is not said
    ["差错率低于3%,每超过一个百分点加0.5分。", item("5")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a rate required of several classes, each its own percentage, one step for all (rates-by-class.ts)", () => {
  it.each([
    ["1、缴费率,要求机关达到99%、企业96%每差1%,扣5分", item(null), ["基准 99% 每低 1% 扣 5", "基准 96% 每低 1% 扣 5"]],
    ["办结率机关90%、街道95%(特殊事项不列入考核)每差1%,扣1分;", item(null), ["基准 90% 每低 1% 扣 1", "基准 95% 每低 1% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a class named by a bound of its own: which units are in it is a condition the rules would have to write
    ["缴费率,要求机关99%、年缴费100万元以上企业96%每差1%,扣5分", item(null)],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a step's verbless amount before 扣完为止 is a deduction (rewords-step-floor.ts)", () => {
  it.each([
    ["①投诉率2.0%以下(3分),每上升1%1分,扣完为止。", item("3"), ["基准 2.0% 每高 1% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // no base anywhere the recogniser can see: never guessed
    ["每下降1%1分,扣完为止。", item("2")],
    // no 扣完为止: the direction is not said
    ["投诉率2.0%以下,每上升1%1分。", item("3")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a change before the percentage is no rate's level (steps.ts targetThenSteps)", () => {
  it.each([["投诉量较上年下降5%,得5分,每降1%扣1分。", item("5")]] as const)("stays a to-do: %s", expectTodo);
});
