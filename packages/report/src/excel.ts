/**
 * The Excel workbook 报告.xlsx (exceljs): 排名 (rank, unit, class, total, each top-level indicator and
 * bonus/penalty section, grade), one sheet per top-level indicator with its sub-indicators, and 扣分明细
 * (every deduction, cap, veto and bonus/penalty entry, with an autofilter).  Every score is a number cell whose stored value is
 * the exact decimal `kp score` prints (decimal.ts) with a number format showing the same digits.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CatalogueMeta, UnitResult } from "@kaoping/core";
import { canonical, excelNumber, numberFormat } from "./decimal.js";
import { descendants, kindWords, placesOf, pointsText, stepsOf, vetoWord, type ReportInput, type Step } from "./data.js";

/** Data rows per sheet: Excel's 1,048,576 rows less the title and header. */
const MAX_ROWS = 1_048_574;

/**
 * The steps the deductions sheet lists: deductions, caps (核减), vetoes, and every entry of a bonus or
 * penalty section.  An indicator's own awards (a checklist item done, an evaluation's score) are in
 * the indicator sheets and on the unit pages; listing them here would bury the deductions.
 */
function isDeduction(s: Step): boolean {
  if (s.kind === "deduct" || s.kind === "limit" || s.kind === "veto") return true;
  return s.kind === "award" && s.place !== undefined && s.place.path[0]!.startsWith("加分：");
}

type Cell = string | number | { score: string };
interface Column {
  header: string;
  width: number;
  value(r: UnitResult): Cell;
}

const FONT = "等线";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB0B7C0" } },
  bottom: { style: "thin", color: { argb: "FFB0B7C0" } },
  left: { style: "thin", color: { argb: "FFB0B7C0" } },
  right: { style: "thin", color: { argb: "FFB0B7C0" } },
};

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "指标";
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** Per sheet (by its id), the cells whose exact text has trailing zeros exceljs would drop ("48.00"). */
type ExactTexts = Map<number, Map<string, string>>;

function setCell(cell: ExcelJS.Cell, v: Cell, exact: ExactTexts): void {
  if (typeof v === "object") {
    if (v.score === "") return;
    const n = excelNumber(v.score);
    cell.value = n;
    cell.numFmt = numberFormat(v.score);
    if (String(n) !== v.score) {
      const id = cell.worksheet.id;
      if (!exact.has(id)) exact.set(id, new Map());
      exact.get(id)!.set(cell.address, v.score);
    }
  } else cell.value = v;
}

/** Writes the exact texts into the sheets' XML: `<v>48</v>` becomes `<v>48.00</v>` (the same number). */
async function withExactTexts(bytes: Uint8Array, exact: ExactTexts): Promise<Uint8Array> {
  if (exact.size === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  for (const [id, cells] of exact) {
    const path = `xl/worksheets/sheet${id}.xml`;
    const file = zip.file(path);
    if (!file) throw new Error(`internal: ${path} is not in the workbook`);
    let left = cells.size;
    const xml = (await file.async("string")).replace(/<c r="([A-Z]+\d+)"([^>]*)><v>([^<]*)<\/v>/g, (m, addr: string, attrs: string, v: string) => {
      const text = cells.get(addr);
      if (text === undefined) return m;
      if (v !== canonical(text)) throw new Error(`internal: cell ${addr} holds ${v}, not ${text}`);
      left--;
      return `<c r="${addr}"${attrs}><v>${text}</v>`;
    });
    if (left !== 0) throw new Error(`internal: ${left} cells of ${path} were not found`);
    zip.file(path, xml);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A sheet: a title row over the whole width, a header row, one row per item; printed A4 landscape. */
function tableSheet<T>(wb: ExcelJS.Workbook, exact: ExactTexts, name: string, title: string, cols: { header: string; width: number; value(x: T): Cell }[], rows: readonly T[], filter = false): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: "2:2", margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    views: [{ state: "frozen", ySplit: 2, xSplit: 0 }],
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  ws.columns = cols.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, cols.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 14, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 26;
  ws.getRow(1).commit();
  const head = ws.getRow(2);
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  head.commit();
  rows.forEach((x, ri) => {
    const row = ws.getRow(ri + 3);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      setCell(cell, c.value(x), exact);
      cell.font = { name: FONT };
      cell.border = THIN;
      cell.alignment = { vertical: "top", wrapText: typeof cell.value === "string" };
    });
    row.commit();
  });
  if (filter) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: cols.length } };
  ws.commit();
  return ws;
}

/** Display width of a header, for column widths (CJK characters count two). */
function widthOf(text: string, min: number, max: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return Math.max(min, Math.min(max, w + 2));
}

function rankingColumns(cat: CatalogueMeta, results: readonly UnitResult[]): Column[] {
  const cols: Column[] = [
    { header: "名次", width: 6, value: (r) => r.rank },
    { header: "单位", width: 16, value: (r) => r.unit },
  ];
  if (cat.classes.length > 0) cols.push({ header: "类别", width: 10, value: (r) => r.classes.join("、") });
  cols.push({ header: cat.total ? `总分（${cat.total}分）` : "总分", width: 10, value: (r) => ({ score: r.total }) });
  cat.indicators.forEach((ind, i) => {
    const header = `${ind.name}（${pointsText(ind)}）`;
    cols.push({ header, width: widthOf(header, 10, 18), value: (r) => ({ score: r.indicators?.[i]?.score ?? "" }) });
  });
  if (cat.bonuses.length > 0) cols.push({ header: "加分", width: 8, value: (r) => ({ score: r.bonus ?? "" }) });
  if (cat.penalties.length > 0) cols.push({ header: "减分", width: 8, value: (r) => ({ score: r.penalty ?? "" }) });
  if (cat.grades.length > 0) cols.push({ header: "等次", width: 8, value: (r) => r.grade ?? "" });
  if (results.some((r) => r.vetoes.length > 0)) cols.push({ header: "否决", width: 20, value: (r) => r.vetoes.map((v) => `${vetoWord(v.level)}（${v.rule}）`).join("；") });
  return cols;
}

const scoreCache = new WeakMap<UnitResult, Map<string, string>>();
/** A unit's score of every indicator by id. */
function scoresOf(r: UnitResult): Map<string, string> {
  let m = scoreCache.get(r);
  if (!m) {
    m = new Map();
    for (const top of r.indicators ?? []) for (const { ind } of [{ ind: top }, ...descendants(top)]) m.set(ind.id, ind.score);
    scoreCache.set(r, m);
  }
  return m;
}

/** The whole workbook, as the bytes of an .xlsx file. */
export async function excelReport(input: ReportInput): Promise<Uint8Array> {
  const { catalogue: cat, results } = input;
  // Streamed: each row is written out as it is made, so 20,000 units do not hold every cell in memory.
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  // A fixed date keeps the same results in the same bytes (no clock in a report).
  const date = new Date(Date.UTC(2000, 0, 1));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = wb.lastModifiedBy = "kaoping";
  wb.created = wb.modified = date;
  const heading = `${cat.title}${cat.year ? `（${cat.year}）` : ""}`;
  const taken = new Set<string>(["排名", "扣分明细"]);
  const exact: ExactTexts = new Map();

  tableSheet(wb, exact, "排名", `${heading}考评结果排名（${results.length} 个单位）`, rankingColumns(cat, results), results);

  cat.indicators.forEach((ind, i) => {
    const sample = results.find((r) => r.indicators?.[i]);
    const subs = sample ? descendants(sample.indicators![i]!) : [];
    const cols: Column[] = [
      { header: "名次", width: 6, value: (r) => r.rank },
      { header: "单位", width: 16, value: (r) => r.unit },
      { header: `${ind.name}（${pointsText(ind)}）`, width: 12, value: (r) => ({ score: r.indicators?.[i]?.score ?? "" }) },
    ];
    subs.forEach(({ ind: sub, depth }) => {
      const header = `${"　".repeat(depth - 1)}${sub.name}（${sub.points}分）`;
      cols.push({
        header,
        width: widthOf(header, 10, 22),
        value: (r) => ({ score: scoresOf(r).get(sub.id) ?? "" }),
      });
    });
    tableSheet(wb, exact, sheetName(ind.name, taken), `${heading}：${ind.name}（${pointsText(ind)}）`, cols, results);
  });

  const places = placesOf(cat);
  const steps = results.flatMap((r) => stepsOf(input, r, places).filter(isDeduction));
  const deductionColumns: { header: string; width: number; value(s: Step): Cell }[] = [
    { header: "单位", width: 14, value: (s) => s.unit },
    { header: "名次", width: 6, value: (s) => s.rank },
    { header: "指标", width: 28, value: (s) => s.place?.path.join(" › ") ?? "" },
    { header: "类型", width: 6, value: (s) => kindWords[s.kind] },
    { header: "规则", width: 16, value: (s) => s.rule },
    { header: "条款", width: 40, value: (s) => s.clause },
    { header: "事实", width: 20, value: (s) => s.facts },
    { header: "计算", width: 24, value: (s) => s.computation },
    { header: "分值", width: 8, value: (s) => ({ score: s.amount }) },
  ];
  // A sheet holds at most 1,048,576 rows: more deductions go on to 扣分明细（2）and so on.
  for (let k = 0; k === 0 || k * MAX_ROWS < steps.length; k++) {
    const name = k === 0 ? "扣分明细" : sheetName(`扣分明细（${k + 1}）`, taken);
    tableSheet(wb, exact, name, `${heading}扣分明细${k > 0 ? `（${k + 1}）` : ""}`, deductionColumns, steps.slice(k * MAX_ROWS, (k + 1) * MAX_ROWS), true);
  }
  await wb.commit();
  await ended;
  return withExactTexts(new Uint8Array(Buffer.concat(chunks)), exact);
}
