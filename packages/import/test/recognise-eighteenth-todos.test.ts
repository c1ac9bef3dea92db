/**
 * The eighteenth set's to-dos read by general rules (session 27, issue 13; test/corpus/README.md 「Session 27: the
 * eighteenth set's to-dos」), on clauses written for these tests:
 * - a range whose dash the copy lost (rewords-lost-dash.ts): 「扣0.10.5分」 has two decimal points in one run of digits
 *   and only one split into two numbers, 0.1 and 0.5 — read as the range the corpus encodes (361: `酌情 扣 0.1 至 0.5`),
 *   only after a verb, lower bound first, within the item's points; a split that is not forced stays a to-do;
 * - 「每月次」 is 每次 (count-words.ts; zs22-03, mlxx-01/02);
 * - a bare amount takes the direction its cap's verb states (compose/rule.ts): 「每处2分，最多扣4分」 deducts,
 *   「…10分，扣分扣完为止」 deducts — only a counted amount; a cap without a verb (「最高4分」) states nothing, and a
 *   one-shot amount under a cap (「违规的2分，扣完为止」) may have lost its count word.
 * - 「少一样」 counts kinds (count-words.ts; bbxx-04/07/08/10 → 每项): only after 少/缺, 「一样」 being "the same" elsewhere.
 * Near-misses stay to-dos.
 */
import { describe, it } from "vitest";
import { rewordLostDash } from "../src/recognise/rewords-lost-dash.js";
import { expectReading, expectTodo, item } from "./phrasing-check.js";
import { expect } from "vitest";
import { recogniseClause } from "@kaoping/import";

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
  });
});

describe("每月次 is 每次", () => {
  it.each([
    ["断面水质反弹为劣V类的,每月次扣3分。", item("100"), ["每次 扣 3"]],
    ["水质反弹为劣Ⅴ类的,每月次10分,扣分扣完为止。", item("100"), ["每次 扣 10"]],
  ] as const)("%s", expectReading);

  it.each(["每月次数不足的扣3分", "每月次日前未报送的扣1分"])("not in 月次数, 月次日 (the next day): %s", (text) => {
    const r = recogniseClause(text, item("10"));
    expect(r.kind === "rules" ? r.bodies.join(" / ") : "").not.toMatch(/每次/);
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

describe("少一样 counts kinds (每项)", () => {
  it.each([
    ["台账资料少一样扣2分", item("10"), ["每项 扣 2"]],
    ["缺1样资料扣1分", item("5"), ["每项 扣 1"]],
    // the fourth set's wrong class (bbxx-04 was read one-shot `扣 2`): a count, never once
    ["制度上墙，少一样扣1分", item("4"), ["每项 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // 一样 is "the same" anywhere else
    ["与上年一样扣2分", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});
