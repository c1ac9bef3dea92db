/**
 * A veto named by its effect on the unit's whole result (session 29, issue 13; patterns/veto-result.ts): not assessed at
 * all (不参评) or a failing grade of the assessment (考核结果为不合格, 即为未完成等级, 否决性指标) is 一票否决, as the
 * corpus writes it; the item's own failing, 不评优 and a veto beside points are not this reading. Clauses written for
 * these tests.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, expectTodo, item } from "./phrasing-check.js";

describe("a veto named by its effect on the unit's result", () => {
  it.each([
    ["校舍不独立的不参评;"],
    ["园舍不獨立不參評;"],
    ["被吊销许可证的不进行信誉考核,考核结果为不合格;"],
    ["发生重大安全事故的,该年度考核检查不合格。"],
    ["本指标为否决性指标,未达到年度目标值即为未完成等级。"],
  ])("%s → 一票否决", (text) => {
    expectReading(text, item("10"), ["一票否决"]);
  });

  it("the item's own failing is no grade of the unit: a to-do", () => {
    expectTodo("资料不全的,该项考核不合格", item("10"));
  });

  it("points beside the failing grade: read by their own pattern, never as a veto", () => {
    expect(JSON.stringify(bodies(recogniseClause("考核结果为不合格的扣5分", item("10"))))).not.toMatch(/一票否决/);
  });

  it("不评优 stays 一票否优 (kinds.ts)", () => {
    expectReading("发生越级上访的,取消年度评优资格。", item("10"), ["一票否优"]);
  });
});
