// Points that stand only in the points column, row by row (session 24: ClauseContext.rowPoints,
// src/recognise/row-points.ts): each reading checked, and the never-guess side of each.
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";

/** A row of a 15-point item whose points column says `row`; the item's other rows as siblings. */
const row = (rowPoints: string, siblings: readonly string[] = ["成立应急管理办事机构。", "确定相关负责人员。"]): ClauseContext => ({
  indicator: "应急管理体制建设",
  points: "15",
  section: null,
  siblings,
  rowPoints,
});
const read = (text: string, ctx: ClauseContext): readonly string[] | string => {
  const r = recogniseClause(text, ctx);
  return r.kind === "rules" ? r.bodies : `todo: ${r.reason}`;
};

describe("a requirement with no amount of its own earns its row's points", () => {
  it("a checklist row: 得 N with the row's points, not the item's", () => {
    expect(read("成立应急管理领导机构。", row("5"))).toEqual(["得 5"]);
    expect(read("建立应急管理责任人、工作人员上墙公示制度。", row("2"))).toEqual(["得 2"]);
    // a period says when, it counts nothing; 分 inside a word (分类, 分管) is no amount
    expect(read("每年开展对各类突发事件风险隐患的排查工作。", row("5"))).toEqual(["得 5"]);
    expect(read("建立健全风险隐患点分类、分级登记档案。", row("5"))).toEqual(["得 5"]);
    expect(read("按时按质报送应急管理工作总结、计划。", row("2"))).toEqual(["得 2"]);
  });

  it("the same reasoning as the lone case: the item's only clause earns the item's points", () => {
    expect(read("6、其它门类档案进行了整理,建立了档案目录;", { indicator: "其它门类档案整理", points: "10", section: null, siblings: [] })).toEqual(["得 10"]);
    // without row points, a clause among siblings earns nothing guessed
    expect(read("成立应急管理领导机构。", { indicator: "应急管理体制建设", points: "15", section: null, siblings: ["确定相关负责人员。"] })).toMatch(/^todo/);
  });

  it("a bound the requirement states is a band of the row's points (inclusive, as 不少于 says)", () => {
    expect(read("应急管理工作人员每年参加培训不少于2次。", row("5"))).toEqual(["分段 { ≥ 2次 得 5 }"]);
    expect(read("各级领导干部每年参加各类应急管理业务培训不少1次。", row("5"))).toEqual(["分段 { ≥ 1次 得 5 }"]);
  });

  it("never guesses: a count, a failing, a discretion, a second bound or a period with a count stay to-dos", () => {
    expect(read("每发现一处隐患未整改。", row("5"))).toMatch(/^todo/);
    expect(read("未建立应急管理台账。", row("5"))).toMatch(/^todo/);
    expect(read("根据工作情况酌情评定。", row("5"))).toMatch(/^todo/);
    expect(read("制定不低于上级下达的安全控制指标;", row("5"))).toMatch(/^todo/);
    expect(read("每年参加培训不少于2次,覆盖率不低于90%。", row("5"))).toMatch(/^todo/);
    // a bound per quarter or month is not a bound on the year's count
    expect(read("信息员每季度报送信息不少于4篇。", row("5"))).toMatch(/^todo/);
    expect(read("每月召开安全例会不少于1次。", row("5"))).toMatch(/^todo/);
    expect(read("全年开展应急演练不少于2次。", row("5"))).toEqual(["分段 { ≥ 2次 得 5 }"]);
    // (「每月至少召开一次安全工作例会。」 was a to-do here until session 29: how often a requirement is done, the
    // requirement's — 得 5, as the corpus writes gkwh-10 — recognise-requirements.test.ts)
    // a 加分 section's points are a cap, never an award
    expect(read("成立应急管理领导机构。", { indicator: "加分", points: "5", section: "加分", siblings: [], rowPoints: "5" })).toMatch(/^todo/);
  });
});

describe("a clause that states its own amount keeps it, unless its row's points say otherwise", () => {
  it("the same amount as the row: read as written", () => {
    expect(read("成立组织机构,明确领导分管工作的记4分;", row("4"))).toEqual(["得 4"]);
  });

  it("a one-shot award that disagrees with the row's points: a to-do that names both", () => {
    const r = read("年内召开专题会议1次以上记0.3分(以会议记录为准);", row("3"));
    expect(r).toMatch(/^todo: 条文写的分值（0.3分）与本行分值栏的 3 分不一致/);
    expect(read("列入预算且有凭证的得1分。", row("2"))).toMatch(/^todo: 条文写的分值（1分）与本行分值栏的 2 分不一致/);
  });

  it("a count or a deduction is not compared with the row's points (each thing 1 of an 8-point row)", () => {
    expect(read("档案室配有计算机、复印机、照相机、刻录机、扫描仪、防磁柜、消毒柜、移动硬盘,每项计1分。", row("8", []))).toEqual(["每项 得 1"]);
    expect(read("未建立应急管理台账的扣2分。", row("5", []))).toEqual(["扣 2"]);
  });
});
