/**
 * A template as an Excel workbook (exceljs, the library the facts reader uses to read it back):
 * sheet 「事实」 with a header of exact fact keys, a note on every header cell, data validation with an
 * input prompt on every data cell, frozen header row and unit columns; sheet 「说明」 with the title,
 * year, department, how to fill, and every column explained.
 */
import ExcelJS from "exceljs";
import { excelList } from "./columns.js";
import type { TemplatePlan } from "./plan.js";
import { columnNote, FACTS_SHEET, HELP_SHEET, howToFill } from "./notes.js";

/** Empty rows given validation when the template has no units listed. */
export const BLANK_ROWS = 500;

/** Excel's limits on a validation prompt. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;

const cut = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + "…");

function columnLetter(column: number): string {
  let c = column;
  let out = "";
  while (c > 0) {
    const m = (c - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    c = Math.floor((c - 1) / 26);
  }
  return out;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };

/** exceljs keeps a sheet's validations by range (`C2:C501`); its typings do not declare them. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: Omit<ExcelJS.DataValidation, "type"> & { type: ExcelJS.DataValidation["type"] | "any" }): void } }).dataValidations;

/** The workbook of a plan, as the bytes of an .xlsx file. */
export async function templateXlsx(plan: TemplatePlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaoping";
  wb.title = plan.title;
  wb.subject = plan.department ?? "全部考评单位";
  // Fixed dates: the same catalogue and units give the same workbook.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;

  const ws = wb.addWorksheet(FACTS_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const header = ["单位", "类别", ...plan.columns.map((c) => c.key)];
  ws.addRow(header);
  for (const u of plan.units) ws.addRow([u.name, u.classes]);
  const last = Math.max(plan.units.length, BLANK_ROWS) + 1;
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 10;
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.height = 30;
  head.alignment = { vertical: "middle", wrapText: true };
  for (let c = 1; c <= header.length; c++) head.getCell(c).fill = HEADER_FILL;
  head.getCell(1).note = "单位名称：已按名单填好，不要改写；同一个单位只占一行。";
  head.getCell(2).note = `单位类别${plan.classes.length > 0 ? `：${plan.classes.join("、")}` : ""}（已按名单填好）。`;
  const classList = excelList(plan.classes);
  if (classList !== undefined) {
    validations(ws).add(`B2:B${last}`, {
      type: "list",
      allowBlank: true,
      formulae: [classList],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "类别",
      error: `细则中的类别：${plan.classes.join("、")}`,
    });
  }
  plan.columns.forEach((col, i) => {
    const n = i + 3;
    const letter = columnLetter(n);
    const cell = head.getCell(n);
    cell.note = columnNote(col);
    if (col.required) cell.fill = REQUIRED_FILL;
    ws.getColumn(n).width = Math.min(30, Math.max(10, [...col.key].length * 2 + 2));
    if (col.form.numFmt !== undefined) for (let r = 2; r <= plan.units.length + 1; r++) ws.getCell(r, n).numFmt = col.form.numFmt;
    const v = col.form.validation;
    const prompt = { showInputMessage: true, promptTitle: cut(col.key, PROMPT_TITLE_MAX), prompt: cut(col.form.enter, PROMPT_MAX) };
    validations(ws).add(
      `${letter}2:${letter}${last}`,
      v
        ? {
            type: v.type,
            operator: v.operator,
            allowBlank: true,
            formulae: v.formulae,
            showErrorMessage: true,
            errorStyle: v.errorStyle,
            errorTitle: cut(col.key, PROMPT_TITLE_MAX),
            error: cut(v.error, PROMPT_MAX),
            ...prompt,
          }
        : { type: "any", allowBlank: true, formulae: [], ...prompt },
    );
  });

  helpSheet(wb, plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 说明 sheet. */
function helpSheet(wb: ExcelJS.Workbook, plan: TemplatePlan): void {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 60;
  ws.getColumn(5).width = 50;
  ws.addRow([`${plan.title} 事实填报表`]).font = { bold: true, size: 14 };
  ws.addRow(["细则", plan.title]);
  ws.addRow(["年度", plan.year ?? "（细则未写年度）"]);
  ws.addRow(["考评单位", plan.department ?? "全部考评单位"]);
  ws.addRow(["单位数", plan.units.length]);
  ws.addRow(["列数", plan.columns.length]);
  ws.addRow([]);
  ws.addRow(["填写方法"]).font = { bold: true };
  howToFill(plan).forEach((line, i) => {
    const row = ws.addRow([`${i + 1}.`, line]);
    ws.mergeCells(row.number, 2, row.number, 5);
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  });
  ws.addRow([]);
  const head = ws.addRow(["列", "指标", "规则", "条文", "填写"]);
  head.font = { bold: true };
  plan.columns.forEach((c, i) => {
    const row = ws.addRow([`${columnLetter(i + 3)}「${c.key}」`, c.path.join(" › "), c.rule ?? "（未涉及）", c.clause, `${c.form.kind}：${c.form.enter}${c.required ? "（必填）" : ""}`]);
    row.alignment = { wrapText: true, vertical: "top" };
  });
}
