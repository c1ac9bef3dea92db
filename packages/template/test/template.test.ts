/**
 * Templates read back with exceljs, as Excel would open them: sheets, header (the exact fact keys the
 * facts reader accepts, in catalogue order), notes, data validations with prompts, frozen panes, the
 * 说明 sheet; one workbook per department with only its columns (the first listed department owns a
 * column); the CSV form.  A dump of every workbook is a golden: what a department sees, reviewed.
 */
import { analyzeCatalogue, compileCatalogue, factSpecs, importCompiledModule, nodeHost, type CatalogueMeta, type FactSpec } from "@kaoping/core";
import { loadFacts } from "@kaoping/facts";
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { expectGolden } from "../../../test/golden.js";
import { excelList, planTemplates, readUnitsList, templateCsv, templateReadme, templateXlsx, type TemplatePlan } from "../src/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const fixtures = join(here, "fixtures");
const goldenDir = join(here, "golden");

let meta: CatalogueMeta;
let specs: FactSpec[];
let units: { name: string; classes: string }[];

beforeAll(async () => {
  const a = analyzeCatalogue(join(fixtures, "细则.kp"), nodeHost, undefined, { requireRoot: true });
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  specs = factSpecs(a.catalogue);
  meta = (await importCompiledModule(compileCatalogue(a.catalogue, {}).js)).catalogue;
  const list = await readUnitsList(join(fixtures, "单位.txt"), meta, "单位.txt");
  expect(list.diagnostics).toEqual([]);
  units = list.units;
});

type Validation = { type: string; operator?: string; formulae?: unknown[]; errorStyle?: string; prompt?: string; promptTitle?: string; showInputMessage?: boolean };

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const validationAt = (ws: ExcelJS.Worksheet, ref: string) => (ws as unknown as { dataValidations: { find(a: string): Validation | undefined } }).dataValidations.find(ref);
const noteText = (c: ExcelJS.Cell): string => {
  const n = c.note as unknown;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text: string }[] } | undefined)?.texts ?? [];
  return texts.map((t) => t.text).join("");
};

/** What a person sees in a workbook, as text: sheets, header, notes, validations, rows, 说明. */
async function dump(bytes: Buffer): Promise<string> {
  const wb = await open(bytes);
  const out: string[] = [`工作表：${wb.worksheets.map((w) => w.name).join("、")}`];
  const ws = wb.getWorksheet("事实")!;
  const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number };
  out.push(`冻结：${view.state} 列 ${view.xSplit} 行 ${view.ySplit}`);
  const header = ws.getRow(1);
  for (let c = 1; c <= header.cellCount; c++) {
    const cell = header.getCell(c);
    const v = validationAt(ws, ws.getCell(2, c).address);
    out.push(`\n[${cell.address}] ${String(cell.value)}`);
    out.push(...noteText(cell).split("\n").map((l) => `  批注 ${l}`));
    if (v) out.push(`  验证 ${v.type}${v.operator ? " " + v.operator : ""} ${JSON.stringify(v.formulae ?? [])} ${v.errorStyle ?? ""}`, `  提示 ${v.promptTitle ?? ""}：${v.prompt ?? ""}`);
  }
  out.push("\n数据行：");
  ws.eachRow((row, n) => {
    if (n > 1) out.push(`  ${n}: ${(row.values as unknown[]).slice(1).map((x) => String(x ?? "")).join(" | ")}`);
  });
  out.push("\n说明：");
  wb.getWorksheet("说明")!.eachRow((row) => {
    const cells: string[] = [];
    // A merged range once (exceljs gives its value in every cell of it).
    row.eachCell((c) => {
      if (!c.isMerged || c.master === c || c.master.address === c.address) cells.push(String(c.value ?? ""));
    });
    out.push("  " + cells.filter((x) => x !== "").join(" | "));
  });
  return out.join("\n") + "\n";
}

describe("kp template: one workbook with every column", () => {
  let plan: TemplatePlan;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    [plan] = planTemplates(meta, specs, { byDepartment: false, units }) as [TemplatePlan];
    wb = await open(await templateXlsx(plan));
  });

  it("has the sheets 事实 and 说明, the header of exact fact keys in catalogue order, frozen header and unit columns", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["事实", "说明"]);
    const ws = wb.getWorksheet("事实")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["单位", "类别", ...specs.map((s) => s.k)]);
    expect(header).toContain("违纪.轻处分");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    expect([2, 3, 4].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value])).toEqual([
      ["甲县", "县区"],
      ["乙县", "县区"],
      ["丙园区", "园区"],
    ]);
  });

  it("notes each header with the indicator path, the clause, what to enter and the department", () => {
    const ws = wb.getWorksheet("事实")!;
    const col = (key: string) => (ws.getRow(1).values as unknown[]).indexOf(key);
    const note = noteText(ws.getRow(1).getCell(col("参会")));
    expect(note).toContain("指标：会议与信息 › 会议");
    expect(note).toContain("条文：未按要求参加会议的，每次扣0.5分，最多扣2分");
    expect(note).toContain("填写（次数）");
    expect(note).toContain("考评单位：办公室（本指标另列有 督查室，由第一个列出的「办公室」填写）");
    expect(noteText(ws.getRow(1).getCell(col("信息完成率")))).toContain("考评单位：信息科");
    expect(noteText(ws.getRow(1).getCell(col("信息完成率")))).toContain("未报送");
  });

  it("validates cells as the facts reader reads them, with a prompt on every data cell", () => {
    const ws = wb.getWorksheet("事实")!;
    const at = (key: string, row = 2) => validationAt(ws, ws.getCell(row, (ws.getRow(1).values as unknown[]).indexOf(key)).address);
    expect(at("参会")).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop" });
    expect(at("参会", 501)).toMatchObject({ type: "whole" }); // rows beyond the listed units too
    expect(at("清退")).toMatchObject({ type: "list", formulae: ['"是,否"'], errorStyle: "stop" });
    expect(at("满意度")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
    expect(at("评价得分")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 4] });
    expect(at("学习活动")).toMatchObject({ type: "list", formulae: ['"是,否"'], errorStyle: "warning" });
    expect(at("公开评价")).toMatchObject({ type: "list", formulae: ['"好,较好,一般,差"'], errorStyle: "stop" });
    // 未报送 is text: Excel asks rather than refuses
    expect(at("信息完成率")).toMatchObject({ type: "decimal", errorStyle: "warning" });
    // a count that may be incident ids (就高) is only prompted
    expect(at("通报")).toMatchObject({ type: "any", prompt: expect.stringContaining("事件编号") });
    for (const s of specs) expect(at(s.k)?.showInputMessage, s.k).toBe(true);
    expect(validationAt(ws, "B2")).toMatchObject({ type: "list", formulae: ['"县区,园区"'] });
  });

  it("has a 说明 sheet with the title, year, department and how to fill", () => {
    const rows: string[] = [];
    wb.getWorksheet("说明")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String).join("|")));
    expect(rows[0]).toBe("填报表测试细则 事实填报表");
    expect(rows).toContain("年度|2025");
    expect(rows).toContain("考评单位|全部考评单位");
    expect(rows.some((r) => r.includes("填写方法"))).toBe(true);
    expect(rows.some((r) => r.startsWith("C「参会」|会议与信息 › 会议|参会|未按要求参加会议"))).toBe(true);
  });

  it("reads back with the facts reader as it is: every unit, every column, no unknown column, no note about 说明", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-template-"));
    const file = join(dir, "事实填报表.xlsx");
    writeFileSync(file, await templateXlsx(plan));
    const read = await loadFacts(file, meta);
    expect(read.diagnostics).toEqual([]);
    expect(read.units.map((u) => u.name)).toEqual(["甲县", "乙县", "丙园区"]);
    expect(Object.keys(read.units[0]!.facts)).toEqual(specs.map((s) => s.k));
  });

  it("is what the golden shows", async () => {
    expectGolden(join(goldenDir, "全部.txt"), await dump(await templateXlsx(plan)));
  });
});

describe("kp template --by 考评单位", () => {
  it("gives each department only its columns; each fact in exactly one workbook; the first listed department owns a shared indicator", async () => {
    const plans = planTemplates(meta, specs, { byDepartment: true, units });
    expect(plans.map((p) => p.department)).toEqual(["办公室", "信息科", "组织部", "未指定考评单位"]);
    const keys = plans.flatMap((p) => p.columns.map((c) => c.key));
    expect(keys.sort()).toEqual(specs.map((s) => s.k).sort());
    expect(plans[0]!.columns.map((c) => c.key)).toEqual(["参会", "清退"]);
    // 信息 names its own department: its rules are not 办公室's
    expect(plans[1]!.columns.map((c) => c.key)).toEqual(["信息完成率", "违纪.轻处分", "违纪.重处分", "通报", "约谈"]);
    // 督查室 is listed second: no workbook of its own
    expect(plans.some((p) => p.department === "督查室")).toBe(false);
    expect(plans[3]!.columns.map((c) => c.key)).toEqual(["国家表彰"]);
    for (const p of plans) expectGolden(join(goldenDir, `按考评单位-${p.department}.txt`), await dump(await templateXlsx(p)));
  });
});

describe("kp template --format csv", () => {
  it("writes the header and the units with a BOM, and the instructions beside it", () => {
    const [plan] = planTemplates(meta, specs, { byDepartment: true, units }) as [TemplatePlan];
    const csv = templateCsv(plan);
    expect(csv).toBe("\uFEFF单位,类别,参会,清退\r\n甲县,县区,,\r\n乙县,县区,,\r\n丙园区,园区,,\r\n");
    expectGolden(join(goldenDir, "办公室.说明.txt"), templateReadme(plan));
  });
});

describe("Excel lists", () => {
  it("are used only where Excel can hold them (no comma or quote in a name, at most 255 characters)", () => {
    expect(excelList(["好", "较好"])).toBe('"好,较好"');
    expect(excelList(["甲,乙", "丙"])).toBeUndefined();
    expect(excelList(Array.from({ length: 60 }, (_, i) => `结果${i}`))).toBeUndefined();
  });
});

describe("units lists", () => {
  it("reports a unit twice (KP4090), an unknown class (KP4092) and an empty list (KP4091) at their lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-units-"));
    writeFileSync(join(dir, "twice.txt"), "甲县\n乙县,县区\n\n甲县\n丁县,市辖区\n");
    const r = await readUnitsList(join(dir, "twice.txt"), meta, "twice.txt");
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "KP4090 单位名单中「甲县」重复出现：第 1 行与第 4 行",
      "KP4092 单位名单中单位「丁县」的类别「市辖区」未在细则中声明；细则中的类别：县区、园区",
    ]);
    writeFileSync(join(dir, "empty.txt"), "# 没有单位\n\n");
    expect((await readUnitsList(join(dir, "empty.txt"), meta, "empty.txt")).diagnostics.map((d) => d.code)).toEqual(["KP4091"]);
  });

  it("reads the units of a JSON Lines facts file (.jsonl), as of .json, .csv and .xlsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-units-"));
    writeFileSync(join(dir, "名单.jsonl"), '{"name":"甲县","classes":["县区"],"facts":{}}\n{"name":"乙园区","classes":["园区"],"facts":{}}\n');
    const r = await readUnitsList(join(dir, "名单.jsonl"), meta, "名单.jsonl");
    expect(r.diagnostics).toEqual([]);
    expect(r.units).toEqual([
      { name: "甲县", classes: "县区" },
      { name: "乙园区", classes: "园区" },
    ]);
  });
});
