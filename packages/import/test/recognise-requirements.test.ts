/**
 * A requirement and its points from elsewhere (session 29, issue 13; test/corpus/README.md "Session 29: requirements and
 * periods (helper reqs)"): a checklist row's requirement met earns its row's points whatever its form — a state, having,
 * the absence of a harm, a prohibition, a distance or a time that describes it, a frequency among its parts
 * (row-requirement.ts) —; a period before a requirement whose award passes half the item says when it holds, 「未发生一起」
 * is none, and at least once a period among a requirement's parts is how often (rewords-requirement.ts). Clauses
 * written for these tests (the corpus's are measured by recognise-corpus.test.ts).
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, expectTodo, item } from "./phrasing-check.js";

/** A row of a checklist with its points in the points column, beside other rows. */
const row = (points: string) => item("20", { rowPoints: points, siblings: ["其他一行的要求"] });

describe("a checklist row's requirement met earns its row's points", () => {
  it.each([
    ["停车场地面平整,标线清晰", "3"], // a state required
    ["有消防部门出具的验收合格证明", "2"], // having
    ["辖区内无重大安全事故,三年内无重大疫情", "3"], // the absence of a harm, a time window
    ["厨房内卫生整洁,无乱堆、乱放现象", "2"], // an absence in its own sentence
    ["店内不得有私拉乱接的电线,不得存放易燃物品", "2"], // prohibitions
    ["300米内有公共厕所", "2"], // a distance describing it
    ["距离学校、医院等场所100米以上", "2"], // kept away from, a length bound
    ["正常营业一年以上", "2"], // a state that has lasted a year (having one)
    ["工作人员每年至少进行一次体检,上岗时持有健康证明", "2"], // a yearly frequency among other parts
    ["管理人员每月至少召开一次例会", "5"], // a frequency shorter than the year
  ])("%s (row %s) → 得 the row's points", (text, points) => {
    expectReading(text, row(points), [`得 ${points}`]);
  });

  it.each([
    ["设施破损,标识脱落"], // a fault described
    ["庭院内杂物乱堆乱放"], // a fault, no absence
    ["无专职管理人员"], // the absence of something required, not of a harm
    ["配备3名保洁人员"], // a count
    ["根据工作情况酌情评定"], // a discretion
    ["正常营业两年以上"], // a bound of two years: a band or a to-do, not the requirement's
    ["每年至少召开1次座谈会"], // a yearly count that is the whole requirement: not read as a frequency
  ])("%s → a to-do, never the row's points", (text) => {
    expectTodo(text, row("2"));
  });

  it("a yearly count that is the whole requirement stays session 24's band", () => {
    expectReading("每年参加培训不少于2次。", row("5"), ["分段 { ≥ 2次 得 5 }"]);
  });

  it("only with the row's own points: the same words alone in a 10-point item with no points column are not read", () => {
    expect(bodies(recogniseClause("周边环境良好,无乱建现象", item("10", { siblings: ["其他一行的要求"] })))).toMatch(/^todo/);
  });
});

describe("a period before a requirement is when it holds, not a count", () => {
  it("「每天…得3分」 in a 5-point item: twice would pass the item — the award once", () => {
    expectReading("每天主动并按质按量完成本岗工作,得3分。", item("5"), ["得 3"]);
    expectReading("每月无安全事故,得3分。", item("5"), ["得 3"]);
  });

  it("an award that fits the item twice keeps the period's count", () => {
    expect(bodies(recogniseClause("每天主动并按质按量完成本岗工作,得3分。", item("10")))).not.toEqual(["得 3"]);
  });

  it("「未发生一起」 is none: no count", () => {
    expectReading("每月未发生一起安全事故,无水质不合格情况,得3分.", item("5"), ["得 3"]);
  });
});

describe("at least once a period among a requirement's parts is how often it is done", () => {
  it("beside other parts, or for a half year, the clause's award once", () => {
    expectReading("制定演练计划,每年至少组织一次综合演练,每半年至少组织一次现场演练的,得1分;", item("3"), ["得 1"]);
  });

  it("a deduction for a period missed may be each period's: a to-do", () => {
    expectTodo("每月至少召开一次例会,未召开的扣1分", item("5"));
  });

  it("a count after it (每次) is still counted", () => {
    expect(bodies(recogniseClause("安全工作专题会议每季度至少一次,每次0.5分,", item("2")))).not.toEqual(["得 0.5"]);
  });
});
