/**
 * The office's cycle through the built CLI (subprocesses): kp template → fill (as Excel stores what a
 * person types) → kp score the returns merged → exactly examples/expected.json; merged returns'
 * conflicts and gaps (KP4080–KP4087) as goldens; kp facts check (text, JSON, exit codes); bad filled
 * templates (text in a count column, a merged cell, a renamed sheet, a unit twice, not a workbook).
 */
import ExcelJS from "exceljs";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtures, golden, kp, kpGolden, repoRoot, tempDir, transcript } from "./helpers.js";
import { factsTable, fillTemplate } from "./template-fill.js";
import { writeTemplateWorkbooks } from "./template-fixtures.js";

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string;
  indicators: Record<string, string>;
}

describe("kp template → fill → kp score on the shipped example", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir("kp-template-cycle-");
    const r = kp(["template", "rules", "-o", join(dir, "填报表"), "--by", "考评单位", "--units", "examples/各县事实.csv"], { cwd: repoRoot });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    golden("template/example-by-department.txt", transcript(["template", "rules", "-o", "$T/填报表", "--by", "考评单位", "--units", "examples/各县事实.csv"], { ...r, stdout: r.stdout.split(dir).join("$T") }));
    const table = factsTable(join(repoRoot, "examples", "各县事实.csv"));
    mkdirSync(join(dir, "交回"));
    for (const f of readdirSync(join(dir, "填报表"))) writeFileSync(join(dir, "交回", f), await fillTemplate(readFileSync(join(dir, "填报表", f)), table));
  });

  it("writes one workbook per department, each with a 说明 sheet naming it", async () => {
    const files = readdirSync(join(dir, "填报表")).sort();
    expect(files).toEqual(["市×办公室.xlsx", "市×组织×.xlsx", "市纪×监×.xlsx"].sort());
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "填报表", f));
      expect(wb.worksheets.map((w) => w.name)).toEqual(["事实", "说明"]);
      expect(wb.getWorksheet("说明")!.getCell("B4").value).toBe(f.replace(/\.xlsx$/, ""));
      expect(wb.getWorksheet("事实")!.rowCount).toBe(12); // header + 11 units
    }
  });

  it("gives exactly examples/expected.json from the filled returns, merged (and the same bytes as the CSV)", () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as Expected[];
    const r = kp(["score", "rules", join(dir, "交回"), "--format", "json"], { cwd: repoRoot });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as { unit: string; total: string; exactTotal: string; rank: number; grade: string; indicators: { id: string; score: string }[] }[];
    expect(got.map((u) => ({ unit: u.unit, total: u.total, exactTotal: u.exactTotal, rank: u.rank, grade: u.grade }))).toEqual(
      expected.map((e) => ({ unit: e.unit, total: e.total, exactTotal: e.exactTotal, rank: e.rank, grade: e.grade })),
    );
    for (const u of got) for (const ind of u.indicators) expect(ind.score, `${u.unit} ${ind.id}`).toBe(expected.find((x) => x.unit === u.unit)!.indicators[ind.id]);
    const single = kp(["score", "rules", "examples/各县事实.csv", "--format", "json"], { cwd: repoRoot });
    expect(r.stdout).toBe(single.stdout);
    // the files named one by one, too
    const files = readdirSync(join(dir, "交回")).map((f) => join(dir, "交回", f));
    expect(kp(["score", "rules", ...files, "--format", "json"], { cwd: repoRoot }).stdout).toBe(single.stdout);
  });

  it("explains a unit from the merged returns as from the single file", () => {
    const merged = kp(["explain", "rules", join(dir, "交回"), "-u", "青山县"], { cwd: repoRoot });
    const single = kp(["explain", "rules", "examples/各县事实.csv", "-u", "青山县"], { cwd: repoRoot });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
  });

  it("kp facts check says the returns are complete (exit 0)", () => {
    const r = kp(["facts", "check", "rules", join(dir, "交回")], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("齐全：各单位需要的事实都已填写（11 个单位，3 个文件）。\n");
  });

  it("writes CSV templates with their instructions", () => {
    const out = join(dir, "csv");
    const r = kp(["template", "rules", "-o", out, "--format", "csv", "--units", "examples/各县事实.csv"], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["事实填报表.csv", "事实填报表.说明.txt"]);
    const csv = readFileSync(join(out, "事实填报表.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe(readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8").split(/\r?\n/)[0]);
    expect(csv.split("\r\n")[1]).toMatch(/^青山县,县区,,/);
  });
});

describe("merged returns: conflicts and gaps (goldens)", () => {
  it("a fact in two files, classes that differ (KP4080, KP4081), and a department that did not return (KP4085)", () => {
    const r = kpGolden("merge/conflict.txt", ["score", "merge/细则.kp", "merge/冲突"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP4080 单位「甲县」的「参会」在两个文件中都填写了：merge/冲突/信息科.csv 第 2 行第 8 列（H2）填「3」，merge/冲突/办公室.csv 第 2 行第 3 列（C2）填「2」");
  });

  it("a missing row, a return sent back empty, a missing column (KP4083, KP4084, KP4085)", () => {
    const r = kpGolden("merge/gaps.txt", ["score", "merge/细则.kp", "merge/缺漏"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP4083");
    expect(r.stderr).toContain("KP4084");
    expect(r.stderr).toContain("KP4085");
  });

  it("a unit not in the units list (KP4082)", () => {
    const r = kpGolden("merge/units-list.txt", ["facts", "check", "merge/细则.kp", "merge/交回", "--units", "merge/单位.txt"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("merge/交回/办公室.csv:4:1 错误 KP4082 单位「丙园区」不在单位名单「merge/单位.txt」中");
  });

  it("an empty folder (KP4086), a file given twice (KP4087), a unit twice in one of several files (KP4006)", () => {
    const t = tempDir("kp-merge-");
    mkdirSync(join(t, "空"));
    cpSync(join(fixtures, "merge"), join(t, "merge"), { recursive: true });
    writeFileSync(join(t, "merge", "交回", "办公室.csv"), readFileSync(join(fixtures, "merge", "交回", "办公室.csv"), "utf8") + "甲县,县区,1,\n");
    const r = kpGolden("merge/folder-twice-unit-twice.txt", ["score", "merge/细则.kp", "空", "merge/交回", "merge/交回/办公室.csv"], { cwd: t });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("空 错误 KP4086 目录「空」中没有事实文件（.csv、.json、.xlsx）");
    expect(r.stderr).toContain("merge/交回/办公室.csv 警告 KP4087 事实文件「merge/交回/办公室.csv」给了两次，只读一次");
    expect(r.stderr).toContain("merge/交回/办公室.csv:5:1 错误 KP4006 单位「甲县」重复出现");
  });

  it("scores split returns as the whole file", () => {
    const whole = kp(["score", "merge/细则.kp", "merge/全部.csv", "--format", "json"]);
    const split = kp(["score", "merge/细则.kp", "merge/交回", "--format", "json"]);
    expect(whole.code).toBe(0);
    expect(split.stdout).toBe(whole.stdout);
    // a return is an input: never overwritten
    const over = kp(["score", "merge/细则.kp", "merge/交回", "-o", "merge/交回/办公室.csv"]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("KP0016 输出文件「merge/交回/办公室.csv」就是输入文件「merge/交回/办公室.csv」");
  });
});

describe("kp facts check", () => {
  it("lists what is missing by department and unit, exit 1 (text)", () => {
    const r = kpGolden("merge/facts-check.txt", ["facts", "check", "merge/细则.kp", "merge/缺漏"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("考评单位「办公室」：1 个单位，2 项\n  丙园区：参会、清退");
    expect(r.stdout).toContain("填报表「merge/缺漏/信息科.csv」整张没有填写");
    expect(r.stdout).toContain("考评单位「组织部」：3 个单位，3 项");
    expect(r.stdout).toContain("考评单位「未指定考评单位」：没有交回（它负责的 1 列，没有一个文件有）");
  });

  it("gives the same list as JSON", () => {
    const r = kp(["facts", "check", "merge/细则.kp", "merge/缺漏", "--format", "json"]);
    expect(r.code).toBe(1);
    golden("merge/facts-check.json", r.stdout);
    const j = JSON.parse(r.stdout) as { complete: boolean; missing: { department: string; units: { unit: string; facts: string[] }[]; unfilled?: string[]; absent?: string[] }[] };
    expect(j.complete).toBe(false);
    expect(j.missing.map((d) => d.department)).toEqual(["办公室", "信息科", "组织部", "未指定考评单位"]);
    // no file has 未指定考评单位's column: it sent nothing back
    expect(j.missing[3]).toEqual({ department: "未指定考评单位", units: [], absent: ["国家表彰"] });
    expect(j.missing[2]!.units).toEqual([
      { unit: "甲县", facts: ["评价得分"] },
      { unit: "乙县", facts: ["评价得分"] },
      { unit: "丙园区", facts: ["评价得分"] },
    ]);
  });

  it("says complete and exits 0 when nothing is missing", () => {
    const r = kp(["facts", "check", "merge/细则.kp", "merge/交回"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("齐全：各单位需要的事实都已填写（3 个单位，4 个文件）。\n");
  });
});

describe("bad filled templates: a clear Chinese error with file, sheet and cell", () => {
  let t: string;
  beforeAll(async () => {
    t = tempDir("kp-template-bad-");
    await writeTemplateWorkbooks(join(t, "填报"));
  });
  const run = (name: string, args: string[]) => {
    const r = kp(args, { cwd: t });
    golden(`template/bad-${name}.txt`, transcript(args, r));
    return r;
  };

  it("the filled one-workbook template and the department returns score as the CSV", () => {
    const csv = kp(["score", "merge/细则.kp", "merge/全部.csv", "--format", "csv"]);
    for (const facts of ["填报/全部.xlsx", "填报/交回"]) {
      const r = kp(["score", "填报/细则.kp", facts, "--format", "csv"], { cwd: t });
      expect(r.stderr, facts).toBe("");
      expect(r.stdout, facts).toBe(csv.stdout);
    }
  });

  it("text in a count column: KP4003 at 工作表「事实」单元格 C2", () => {
    const r = run("text-in-count", ["score", "填报/细则.kp", "填报/计数写了文字.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("填报/计数写了文字.xlsx:2:3 错误 KP4003 「参会」的值「三次」应为非负整数（次数）\n    | 工作表「事实」单元格 C2：三次");
  });

  it("a merged cell over two units: KP4089, not the value counted twice", () => {
    const r = run("merged-cell", ["score", "填报/细则.kp", "填报/合并单元格.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP4089 「参会」的单元格 C2 在合并单元格 C2:C3 中");
  });

  it("a renamed sheet is read all the same; 说明 moved first is KP4001 at 工作表「说明」单元格 A1", () => {
    const renamed = run("renamed-sheet", ["score", "填报/细则.kp", "填报/改了工作表名.xlsx", "--format", "csv"]);
    expect(renamed.code).toBe(0);
    const first = run("help-sheet-first", ["score", "填报/细则.kp", "填报/说明在前.xlsx"]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("工作表「说明」单元格 A1");
  });

  it("a unit twice: KP4006 at the repeated row, with the first", () => {
    const r = run("unit-twice", ["score", "填报/细则.kp", "填报/单位重复.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("填报/单位重复.xlsx:5:1 错误 KP4006 单位「甲县」重复出现");
  });

  it("an .xlsx that is not a workbook: KP4020", () => {
    const r = run("not-a-workbook", ["score", "填报/细则.kp", "填报/不是工作簿.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP4020 事实文件的结构不对：不是有效的 Excel 文件（.xlsx）");
  });

  it("the same fact in two workbooks names both cells (file, sheet, cell); an empty return is KP4084", () => {
    const r = run("conflict-xlsx", ["score", "填报/细则.kp", "填报/冲突"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("填报/冲突/办公室.xlsx:2:3 错误 KP4080 单位「甲县」的「参会」在两个文件中都填写了：填报/冲突/全部.xlsx（工作表「事实」单元格 C2）填「2」，填报/冲突/办公室.xlsx（工作表「事实」单元格 C2）填「2」");
    const empty = run("unfilled", ["facts", "check", "填报/细则.kp", "填报/未填写"]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toContain("填报表「填报/未填写/办公室.xlsx」整张没有填写");
  });
});

describe("kp template: bad input", () => {
  it("a units list with a unit twice: KP4090 at its lines, nothing written", () => {
    const t = tempDir("kp-template-units-");
    writeFileSync(join(t, "单位.txt"), "甲县\n乙县\n甲县\n");
    cpSync(join(fixtures, "merge", "细则.kp"), join(t, "细则.kp"));
    const r = kpGolden("template/units-twice.txt", ["template", "细则.kp", "-o", "out", "--units", "单位.txt"], { cwd: t });
    expect(r.code).toBe(1);
    expect(existsSync(join(t, "out"))).toBe(false);
  });
});
