/**
 * Measured quantities, not counts (session 29, patterns/measured.ts): 「每平方米扣0.2分」 is a linear rule from nothing
 * (基准 0 每超 1), 「人均面积少1㎡扣1分」 one from the unit's standard (基准 目标值 每少 1) — never 每个.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, item } from "./phrasing-check.js";

describe("an area measured", () => {
  it.each([
    ["坑洼积水,每平方米扣0.2分;", item("10"), ["基准 0 每超 1 扣 0.2"]],
    ["因养护不到位,草坪有明显斑秃每平方米扣0.01分;", item("10"), ["基准 0 每超 1 扣 0.01"]],
    // a length bound says which area is measured
    ["草高高于8cm,边缘不整齐,每平方米扣0.01分。", item("10"), ["基准 0 每超 1 扣 0.01"]],
    ["人均面积少1㎡扣1分;", item("8"), ["基准 目标值 每少 1 扣 1"]],
    ["生均绿地面积少0.5平方米扣2分", item("8"), ["基准 目标值 每少 0.5 扣 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a count in the lead-in (每处) or a bound on the amount: something else
    ["面积超过10平方米的每处扣1分", item("10")],
    ["坑洼积水,每平方米扣0.2分,最多扣3分", item("10")],
  ] as const)("is not a measured area from nothing: %s", (text, ctx) => {
    expect(JSON.stringify(bodies(recogniseClause(text, ctx)))).not.toMatch(/基准 0 每超 1 扣 0\.2"|基准 0 每超 1 扣 1"/);
  });
});
