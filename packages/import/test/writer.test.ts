// The writer: 加分/减分 sections, names made unique, 「」 inside a clause, an item without clauses —
// and what it writes passes `kp check` (to-do markers aside) with each of these.
import { describe, expect, it } from "vitest";
import { importDocument } from "@kaoping/import";
import { docx, type FixtureTable } from "./build-fixtures.js";
import { catalogueTree, treeLines, writeFiles } from "./helpers.js";

const table: FixtureTable = [
  ["一级指标", "二级指标", "考评细则", "考评单位"],
  ["会议落实（6分）", "参加会议（4分）", "未按要求参加重要会议的，每次扣0.5分；\n\n未按要求参加重要会议的，每次扣0.5分。", "市委办公室"],
  [null, "会议落实（2分）", "对「三重一大」事项未集体研究的，每次扣0.2分。", null],
  ["信息工作（2分）", "信息约稿（2分）", "", "市委办公室"],
  [{ text: "加分项目（3分）", span: 2 }, "获省级表彰的，每次加1分，最多加3分。", "市考评办"],
  [{ text: "扣分因素", span: 2 }, "被市委通报批评的，每次扣1分。", null],
];

describe("writer", async () => {
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某市考评细则" }, { table }]));
  if (!r.ok) throw new Error(r.problem.message);
  const all = [...r.files].map(([n, t]) => `== ${n}\n${t}`).join("\n");

  it("writes 加分/减分 sections with their cap, outside the total", () => {
    expect(r.files.get("03-加分项目.kp")).toContain("加分 「加分项目」 上限 3 {");
    expect(r.files.get("04-扣分因素.kp")).toContain("减分 「扣分因素」 {");
    expect(r.files.get("细则.kp")).toContain("总分 8分");
    expect(r.report.problems.filter((p) => p.code === "KP5035")).toHaveLength(2);
    expect(r.report.problems.filter((p) => p.code === "KP5033")).toEqual([]);
  });

  it("makes indicator and rule names unique, and says so", () => {
    expect(all).toContain("指标 「会议落实2」 2分 {");
    expect(r.report.problems.find((p) => p.code === "KP5028")?.message).toBe("名称「会议落实」重复，改为「会议落实2」");
    const names = r.report.clauses.map((c) => c.rule);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps 「」 inside a clause when balanced, and writes an item without clauses with a note", () => {
    expect(all).toContain("「对「三重一大」事项未集体研究的，每次扣0.2分。」");
    expect(all).toContain("注 「原文此项没有条文」");
    expect(r.report.problems.find((p) => p.code === "KP5031")?.message).toContain("信息约稿");
  });

  it("passes kp check (to-do markers aside) and keeps the tree", () => {
    const { tree, diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(treeLines(tree)).toEqual(["会议落实 6分", "  参加会议 4分", "  会议落实2 2分", "信息工作 2分", "  信息约稿 2分"]);
  });
});

describe("a points column, a 序号 column, a 备注 column, a requirement as the item and a 合计 row", async () => {
  const t: FixtureTable = [
    ["序号", "考核项目", "考核内容", "分值", "评分标准", "备注"],
    ["1", "党建工作", "认真落实全面从严治党主体责任，按时召开专题会议研究部署党建工作，年内不少于两次，会议纪要及时归档备查", "4", "未按时召开专题会议的，每少一次扣2分。", "以会议纪要为准"],
    [null, null, "按要求报送信息", "2", "迟报、漏报信息的，每次扣0.5分。", ""],
    ["2", "业务工作", "完成年度目标任务", "4", "未完成年度目标任务的，每项扣1分。", ""],
    [{ text: "合计", span: 3 }, "10", "", ""],
  ];
  const r = await importDocument("表.docx", await docx([{ table: t }]));
  if (!r.ok) throw new Error(r.problem.message);

  it("reads points from the column, ignores 序号, skips the 合计 row and checks it", () => {
    const { tree, diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(treeLines(tree)).toEqual(["党建工作 6分", "  认真落实全面从严治党主体责任 4分", "  按要求报送信息 2分", "业务工作 4分", "  完成年度目标任务 4分"]);
    expect(r.report.problems.map((p) => p.code)).toContain("KP5036");
    expect(r.report.problems.filter((p) => p.code === "KP5023")).toEqual([]);
  });

  it("shortens a long requirement used as the item's name and keeps it as a note; notes go to 注", () => {
    const all = [...r.files.values()].join("\n");
    expect(all).toContain("注 「认真落实全面从严治党主体责任，按时召开专题会议研究部署党建工作，年内不少于两次，会议纪要及时归档备查」");
    expect(all).toContain("注 「以会议纪要为准」");
    expect(r.report.problems.find((p) => p.code === "KP5037")?.message).toBe("指标名太长，取为「认真落实全面从严治党主体责任」，原文写为注");
  });
});

describe("a class of units with its own amount (其中园区…)", async () => {
  const classTable: FixtureTable = [
    ["一级指标", "二级指标", "考评细则"],
    ["安全生产（4分）", "隐患整改（4分）", "检查发现隐患未整改的，每处扣0.5分，其中园区每处扣0.3分；\n\n未按期报送台账的扣1分，其中开发区扣0.5分。"],
  ];
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某县考评细则" }, { table: classTable }]));
  if (!r.ok) throw new Error(r.problem.message);

  it("declares the classes its readings name in the root, and passes kp check", () => {
    expect(r.files.get("细则.kp")).toContain("类别 「园区」、「开发区」");
    const all = [...r.files.values()].join("\n");
    expect(all).toContain("每处 扣 0.5 其中 「园区」 0.3");
    expect(all).toContain("扣 1 其中 「开发区」 0.5");
    const { diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error" || d.severity === "warning")).toEqual([]);
  });
});

describe("a 加分 section whose awards count once at the highest level (按最高级别加分)", async () => {
  const bonusTable: FixtureTable = [
    ["一级指标", "二级指标", "考评细则"],
    ["工作落实（4分）", "任务完成（4分）", "未按期完成的，每项扣1分。"],
    [{ text: "加分项目（3分）", span: 2 }, "获国家级表彰的，每项加3分；\n\n获省级表彰的，每项加2分；\n\n同一项目获多级表彰的，按最高级别加分，不重复计分。"],
  ];
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某县考评细则" }, { table: bonusTable }]));
  if (!r.ok) throw new Error(r.problem.message);

  it("writes them as a 就高 group with the statement as its note (KP5053), and passes kp check", () => {
    const text = r.files.get("02-加分项目.kp")!;
    expect(text).toMatch(/就高 \{\n\s+规则 [^\n]+\n\s+每项 得 3\n\s+规则 [^\n]+\n\s+每项 得 2\n\s+注 「同一项目获多级表彰的，按最高级别加分，不重复计分。」\n\s+\}/);
    expect(r.report.problems.filter((p) => p.code === "KP5053").map((p) => p.message)).toEqual([
      "条文「同一项目获多级表彰的，按最高级别加分，不重复计分。」说明同一事项按最高级别加分、不重复计分：同一单元格的 2 条加分规则写为就高组（事实可填事项编号）",
    ]);
    const { diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a deduction from a person beside the unit's own (首席代表扣N分)", async () => {
  const riderTable: FixtureTable = [
    ["一级指标", "二级指标", "考评细则"],
    ["窗口管理（6分）", "人员管理（6分）", "窗口人员擅自离岗的，每次扣2分、首席代表扣1分；\n\n未按规定着装的，每人次扣0.5分。"],
  ];
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某县政务服务中心考评细则" }, { table: riderTable }]));
  if (!r.ok) throw new Error(r.problem.message);

  it("writes the unit's rule, keeps the clause verbatim and reports the person's deduction (KP5054)", () => {
    const all = [...r.files.values()].join("\n");
    expect(all).toMatch(/规则 「[^」]+」 「窗口人员擅自离岗的，每次扣2分、首席代表扣1分；?」\n\s+每次 扣 2\n/);
    expect(r.report.problems.filter((p) => p.code === "KP5054").map((p) => p.message)).toEqual([
      "条文「窗口人员擅自离岗的，每次扣2分、首席代表扣1分；」中的「首席代表扣1分」是对个人的扣分，不计入被考评单位的得分，未写入规则（条文照录）",
    ]);
    const { diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error" || d.severity === "warning")).toEqual([]);
  });
});

describe("a checklist row's points column (session 23: ClauseContext.alone)", async () => {
  const t: FixtureTable = [
    ["考核项目", "考核内容"],
    ["档案目录（10分）", "建立了档案目录，目录完整规范"],
    ["档案设施（4分）", "配备了档案装具"],
    [null, "建立了档案阅览室"],
  ];
  const r = await importDocument("表.docx", await docx([{ table: t }]));
  if (!r.ok) throw new Error(r.problem.message);
  const all = [...r.files.values()].join("\n");

  it("reads a lone clause as the award of its item's points, never each row of an item with several", () => {
    expect(all).toMatch(/「建立了档案目录，目录完整规范」\s+得 10\n/);
    // the rows of the 4-point item are not each worth 4: written as notes to check (KP5050), as before
    expect(all).toContain("注 「配备了档案装具」");
    expect(all).toContain("注 「建立了档案阅览室」");
    expect(r.report.problems.filter((p) => p.code === "KP5050")).toHaveLength(2);
  });
});

describe("a bound the item states on the thing a clause counts (session 23)", async () => {
  const boundTable: FixtureTable = [
    ["一级指标", "二级指标", "考评细则"],
    ["调解工作（8分）", "调解卷宗全年不少于50件（5分）", "调解卷宗每少一件扣0.5分。"],
    [null, "每季度报送调解信息不少于4篇（3分）", "每少报一篇扣1分。"],
  ];
  const r = await importDocument("细则.docx", await docx([{ paragraph: "某县司法所考评细则" }, { table: boundTable }]));
  if (!r.ok) throw new Error(r.problem.message);
  const all = [...r.files.values()].join("\n");

  it("reads the item's bound into the rule and says where it came from (KP5055)", () => {
    expect(all).toMatch(/「调解卷宗每少一件扣0\.5分。」\n\s+至少 50件 每少 1件 扣 0\.5\n/);
    expect(r.report.problems.filter((p) => p.code === "KP5055").map((p) => p.message)).toEqual([
      "条文「调解卷宗每少一件扣0.5分。」的界限或基准取自本项的要求「调解卷宗全年不少于50件」，已写入规则（至少 50件 每少 1件 扣 0.5），请核对",
    ]);
  });

  it("says where a base the clause does not write came from: the item's floor on the rate (KP5055)", async () => {
    const t: FixtureTable = [
      ["考核项目", "考核内容", "评分标准"],
      ["宣传工作（4分）", "群众对平安建设知晓率不低于80%", "知晓率每低1个百分点扣1分。"],
    ];
    const b = await importDocument("知晓率.docx", await docx([{ table: t }]));
    if (!b.ok) throw new Error(b.problem.message);
    expect([...b.files.values()].join("\n")).toMatch(/「知晓率每低1个百分点扣1分。」\n\s+基准 80% 每低 1个百分点 扣 1\n/);
    expect(b.report.problems.filter((p) => p.code === "KP5055").map((p) => p.message)).toEqual([
      "条文「知晓率每低1个百分点扣1分。」的界限或基准取自本项的要求「群众对平安建设知晓率不低于80%」，已写入规则（基准 80% 每低 1个百分点 扣 1），请核对",
    ]);
  });

  it("never reads a bound per period into the rule: the clause is a to-do with the reason", () => {
    expect(all).toMatch(/「每少报一篇扣1分。」 待补/);
    expect(r.report.clauses.find((c) => c.text === "每少报一篇扣1分。")?.recognition).toMatchObject({ kind: "todo", reason: expect.stringContaining("每季度报送调解信息不少于4篇") });
    const { diagnostics } = catalogueTree(writeFiles(r.files));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
