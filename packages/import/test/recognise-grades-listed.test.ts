/**
 * Grades listed part by part (session 29, patterns/grades-listed.ts): a 「评分:」 lead-in with short grades whose first
 * is the item's points, 「评价为X」 in every part with rising deductions, and 「分X(扣N分)、…」 states of one thing —
 * each one judgement, 评为 … 分别得/扣. On clauses written for these tests; near-misses stay to-dos or other readings.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, item } from "./phrasing-check.js";

describe("grades after 评分:", () => {
  it.each([
    ["评分:好的得5分;一般的得4分;一般以下的得3分;", item("5"), ["评为 「好」、「一般」、「一般以下」 分别得 5、4、3"]],
    ["评分:好的得2分;一般的得1分;", item("2"), ["评为 「好」、「一般」 分别得 2、1"]],
    ["评分:优秀的得6分;良好的得4分;合格的得2分。", item("6"), ["评为 「优秀」、「良好」、「合格」 分别得 6、4、2"]],
  ] as const)("%s", expectReading);

  it.each([
    // the first grade is not the item's points: the list does not share out the item
    ["评分:好的得4分;一般的得3分;", item("5")],
    // rising points are no grades from best to worst
    ["评分:好的得3分;一般的得4分;", item("4")],
    // parts that are tasks, not grades (no grade word), and long descriptions the author would shorten
    ["评分:参加培训的得2分;发表论文的得1分;", item("2")],
    ["评分:学校与保安公司签订服务外包合同聘评保安的得10分;学校(幼儿园)自聘保安的得5分,", item("10")],
  ] as const)("is no grade list: %s", (text, ctx) => {
    expect(JSON.stringify(bodies(recogniseClause(text, ctx)))).not.toMatch(/评为/);
  });
});

describe("评价为X with rising deductions", () => {
  it.each([
    ["1.企业公共信用综合评价为A的不扣分,评价为B的扣5分,评价为C的扣10分,评价为D的扣20分。", item("20"), ["评为 「A」、「B」、「C」、「D」 分别扣 0、5、10、20"]],
    ["年度考评评定为合格的不扣分,评定为基本合格的扣2分,评定为不合格的不得分", item("6"), ["评为 「合格」、「基本合格」、「不合格」 分别扣 0、2、6"]],
  ] as const)("%s", expectReading);

  it("is no grade list when the deductions fall", () => {
    expect(JSON.stringify(bodies(recogniseClause("评价为A的扣10分,评价为B的扣5分", item("20"))))).not.toMatch(/评为/);
  });
});

describe("分 states, each deduction in brackets", () => {
  it.each([
    ["分最清洁(不扣分)、一般清洁(扣2分)、清扫后不清洁(扣5分)、未清扫不清洁不得分。", item("10"), ["评为 「最清洁」、「一般清洁」、「清扫后不清洁」、「未清扫不清洁」 分别扣 0、2、5、10"]],
    ["分整齐(不扣分)、较整齐(扣1分)、不整齐(扣3分)", item("5"), ["评为 「整齐」、「较整齐」、「不整齐」 分别扣 0、1、3"]],
  ] as const)("%s", expectReading);

  it("is no grade list when the last state's nothing is less than the deduction before it", () => {
    expect(JSON.stringify(bodies(recogniseClause("分最清洁(不扣分)、一般清洁(扣2分)、清扫后不清洁(扣5分)、未清扫不清洁不得分。", item("4"))))).not.toMatch(/评为/);
  });
});
