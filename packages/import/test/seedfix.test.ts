/**
 * The recogniser gaps the seed round trip showed (issue 13 §6), each as a general rule: band lists whose
 * rows say their bounds, checklist items (brackets inside, run together), 「三分类」, a bound in a
 * checklist task, a count of people among siblings — and the never-guess side of each.
 */
import { recogniseClause, splitClauses, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";

const item = (points: string | null = "2", siblings?: string[]): ClauseContext => ({ indicator: "项", points, section: null, ...(siblings ? { siblings } : {}) });
const bodies = (r: Recognition): readonly string[] | string => (r.kind === "rules" ? r.bodies : `todo: ${r.reason}`);
const texts = (cell: string): string[] => splitClauses(cell).map((c) => c.text);

const BAND_LIST =
  "完成信息目标分值的75%-100%（含75%，不含100%），扣0.2分；完成目标分值的50%-75%（含50%，不含75%），扣0.4分；完成目标分值的25%-50%（含25%，不含50%），扣0.6分；完成目标分值的25%以下，扣0.8分；未报送信息的，扣2分；";

describe("band lists", () => {
  it("are one clause with their 未报送 row, and the next clause stays apart", () => {
    expect(texts(`${BAND_LIST}未完成信息约稿的，每次扣0.1分；`)).toEqual([BAND_LIST, "未完成信息约稿的，每次扣0.1分；"]);
  });

  it("read as one 分段: 含/不含 as written, 「25%以下」 the other side of 「含25%」, the 未报送 row", () => {
    expect(bodies(recogniseClause(BAND_LIST, item()))).toEqual([
      ["分段 {", "  [75%, 100%) 扣 0.2", "  [50%, 75%)  扣 0.4", "  [25%, 50%)  扣 0.6", "  < 25%       扣 0.8", "  未报送      扣 2", "}"].join("\n"),
    ]);
    // 「以上」 beside a range that excludes the number: inclusive
    const up = recogniseClause("完成率80%-90%（含80%，不含90%），扣1分；完成率90%以上，扣0分", item());
    expect(bodies(up)).toEqual([["分段 {", "  [80%, 90%) 扣 1", "  ≥ 90%      扣 0", "}"].join("\n")]);
  });

  it("are a to-do when a range does not say its ends, or an open row cannot be settled", () => {
    expect(recogniseClause("完成率80%-90%，扣1分；完成率90%-100%，扣0.5分", item()).kind).toBe("todo");
    expect(bodies(recogniseClause("完成率80%-90%（含80%，不含90%），扣1分；完成率70%以下，扣2分", item()))).toMatch(/70%以下.*是否含本数/);
    expect(recogniseClause("积极落实并完成上级调训任务（0.2分），上级调训完成率98%以上得0.2分、92%—98%得0.1分、92%以下得0分。", item("1")).kind).toBe("todo");
  });
});

describe("checklist items", () => {
  it("earn their bracketed points even with brackets in the text (「出国（境）」)", () => {
    expect(bodies(recogniseClause("认真做好干部因私出国（境）及出入境证件管理、主职干部违规兼职整治等专项整治工作（0.2分）；", item()))).toEqual(["得 0.2"]);
  });

  it("run together without 「；」 are two clauses; a numbered heading followed by text is not cut", () => {
    expect(texts("构建干部培养机制（0.2分）建立完善研判机制（0.1分）；强化实践提能（0.2分）。")).toEqual(["构建干部培养机制（0.2分）", "建立完善研判机制（0.1分）；", "强化实践提能（0.2分）。"]);
    expect(texts("2、引进省外内资(22分)每引进一家加1分。")).toEqual(["2、引进省外内资(22分)每引进一家加1分。"]);
  });

  it("「三分类」「三分之一」 are no amounts", () => {
    expect(bodies(recogniseClause("启动开展新一轮“三分类三升级”活动（0.1分）；", item()))).toEqual(["得 0.1"]);
  });

  it("a count bound describes the task (「满2个聘期」); a rate's bound is a band (klab-04 「…完好率在80%以上(5)」 → 分段 { ≥ 80% 得 5 })", () => {
    expect(bodies(recogniseClause("做好满2个聘期大学生村官有序流动（0.1分）。", item()))).toEqual(["得 0.1"]);
    expect(bodies(recogniseClause("培训完成率达到90%以上（0.1分）。", item()))).toEqual(["分段 { ≥ 90% 得 0.1 }"]);
    // a percentage of a task is no rate's band (zsjx-01 「…当年任务的20%以上(100分)」 is encoded 得 100)
    expect(recogniseClause("完成当年任务的20%以上（0.1分）。", item()).kind).toBe("todo");
  });
});

describe("siblings that count people", () => {
  const members = ["因落实“×个责任”不力，××主职班子成员被问责，通报、诫勉的，每人次扣0.05分；", "纪律处分的，每人次扣0.2分；"];
  it("do not make a clause about the body a to-do; a clause about people still is", () => {
    expect(bodies(recogniseClause("因落实主体责任不力，××主职班子被问责，检查、通报的，扣0.1分；", item("4", members)))).toEqual(["扣 0.1"]);
    expect(recogniseClause("干部被通报批评的，扣0.1分；", item("4", members)).kind).toBe("todo");
    expect(recogniseClause("被通报的，扣0.1分；", item("4", ["巡查发现问题每宗扣0.3分"])).kind).toBe("todo");
  });
});

describe("the writer: notes and 就高 groups", async () => {
  const { importDocument } = await import("@kaoping/import");
  const { docx } = await import("./build-fixtures.js");
  const { catalogueTree, writeFiles } = await import("./helpers.js");
  const r = await importDocument(
    "细则.docx",
    await docx([
      { paragraph: "某市考评细则" },
      {
        table: [
          ["一级指标", "二级指标", "考评细则", "考评单位"],
          ["责任落实（4分）", "问责情况（2分）", "班子被通报的，扣0.5分；班子成员被诫勉的，每人次扣0.2分；纪律处分的，每人次扣0.3分。因同一问题被问责的，按最高标准扣分，不重复扣。", "市纪委"],
          [null, "工作落实（2分）", "未按时报送的，每次扣0.5分；全年完成率达到90%以上的，得1分。同一问题按最高标准扣分，不重复扣。", null],
          [null, "基层建设", "健全联动体系（0.1分）；全覆盖开展城市基层", null],
        ],
      },
    ]),
  );
  if (!r.ok) throw new Error(r.problem.message);
  const text = r.files.get("01-责任落实.kp")!;

  it("makes a cell's deductions a 就高 group when a clause says 按最高标准扣分、不重复扣 (KP5052)", () => {
    expect(text).toMatch(/就高 \{\n(?:.*\n){6}\s+注 「因同一问题被问责的，按最高标准扣分，不重复扣。」\n\s+\}/);
    expect(r.report.problems.filter((p) => p.code === "KP5052")).toHaveLength(1);
  });

  it("writes the statement as a note when its cell holds more than deductions (KP5051), and a fragment as a note (KP5050)", () => {
    expect(text).toContain("注 「同一问题按最高标准扣分，不重复扣。」");
    expect(text).toContain("注 「全覆盖开展城市基层」");
    expect(r.report.problems.filter((p) => p.code === "KP5051" || p.code === "KP5050").map((p) => p.code).sort()).toEqual(["KP5050", "KP5051"]);
    expect(r.report.clauses.map((c) => c.text)).not.toContain("全覆盖开展城市基层");
  });

  it("passes kp check but for its to-do markers", () => {
    const { diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
