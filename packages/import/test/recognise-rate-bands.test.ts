/**
 * Session 29 (helper rates), class 3: bands from percentage thresholds — rows of a rate reached, a rate's zero below
 * its threshold, a range row whose top the item's next row settles, a rate reached or its doing not done. 以上 and 达
 * include their number, 低于 and 达不到 exclude it; where the text leaves a side open the clause stays a to-do. On
 * clauses written for these tests (never the corpus's text), each reading checked in a catalogue.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

describe("rows of a rate reached, the award growing with the threshold (rate-rows.ts)", () => {
  it.each([
    ["入网率达90%以上得3分,入网率达80%以上得2分", item("3"), ["分段 { ≥ 90% 得 3 [80%, 90%) 得 2 }"]],
    ["注册率达80%得4分,70%得3分,60%得2分", item("4"), ["分段 { ≥ 80% 得 4 [70%, 80%) 得 3 [60%, 70%) 得 2 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // a sibling writes the lowest number from below: which side holds it is open
    ["注册率达80%得4分,70%得3分", item("4", { siblings: ["注册率70%以下的不得分。"] })],
    // the award falls as the threshold rises: no band order
    ["注册率达80%得2分,70%得3分", item("4")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a rate's zero below its threshold (rate-zero.ts)", () => {
  it.each([
    ["③体检覆盖率95%以上(3分),达不到标准不得分。", item("3"), ["分段 { < 95% 不得分 }"]],
    ["最高分为6分,低于85%为0分", item("6"), ["分段 { < 85% 不得分 }"]],
    ["备案率达100%、公示率达100%,达不到标准不计分。", item("4"), ["分段 { < 100% 不得分 }", "分段 { < 100% 不得分 }"]],
    ["村级“两室一站”建成率达100%以上,得2分,未建成,不得分。", item("2"), ["分段 { ≥ 100% 得 2 }"]],
    ["(2)垃圾处理设施运行负荷达到设计能力的70%,得1分,否则不得分。", item("2"), ["分段 { ≥ 70% 得 1 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // the bracket's points are a part's, not the item's: an award of the part, not the item's zero
    ["体检覆盖率95%以上(2分),达不到标准不得分。", item("10")],
    // 最高分 other than the item's points
    ["最高分为5分,低于85%为0分", item("6")],
    // the failing negated is not the rate's own doing
    ["建成率达100%以上,得2分,未验收,不得分。", item("2")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a rate's range row, its top settled by the item's row 超过 it (rate-range.ts)", () => {
  it.each([
    ["资料差错率为2%~4%的,扣0.2分;", item("5", { siblings: ["超过4%的,扣0.5分。"] }), ["分段 { [2%, 4%] 扣 0.2 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // no row above it: whether 4 % is this row's is open
    ["资料差错率为2%~4%的,扣0.2分;", item("5", { siblings: [] })],
    // a row takes 2 % from below too
    ["资料差错率为2%~4%的,扣0.2分;", item("5", { siblings: ["超过4%的,扣0.5分。", "低于2%的不扣分。"] })],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("达标 at the head of band rows is the item's stated standard for the same rate (rewords-item-standard.ts)", () => {
  const standard = { item: "社区服务站建成率达到90%以上,服务规范。" };
  it.each([
    ["服务站建成率达标得3分,80%以上得2分,70%以上得1分", item("3", standard), ["分段 { ≥ 90% 得 3 [80%, 90%) 得 2 [70%, 80%) 得 1 }"]],
  ] as const)("%s", expectReading);

  it("reports the number taken from the item", () => {
    const r = recogniseClause("服务站建成率达标得3分,80%以上得2分,70%以上得1分", item("3", standard));
    expect(r.kind === "rules" ? r.fromItem?.map((f) => f.phrase) : r.reason).toEqual(["社区服务站建成率达到90%以上"]);
  });

  it.each([
    // the item states two percentages: which is the standard is open
    ["服务站建成率达标得3分,80%以上得2分,70%以上得1分", item("3", { item: "建成率达到90%以上,使用率达到60%以上。" })],
    // no item stated
    ["服务站建成率达标得3分,80%以上得2分,70%以上得1分", item("3")],
  ] as const)("stays a to-do: %s", expectTodo);

  // 达标 and its failing alone: a requirement met or not, left as written
  it.each([["服务站建成率达标得2分,未达标不得分", item("2", standard), ["得 2"]]] as const)("%s", expectReading);
});
