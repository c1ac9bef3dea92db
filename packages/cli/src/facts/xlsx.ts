/**
 * Excel facts files (.xlsx, read with exceljs): the first worksheet is a table like a CSV file.
 *
 * Cell values: numbers (kept as numbers, at Excel's own 15 significant digits, so that a formula
 * giving 0.1 + 0.2 is 0.3; a cell formatted as a percentage holding 0.875 is "87.5%"), text, booleans,
 * formulas (their cached result), rich text and hyperlinks (their text), merged cells (the value of
 * the merged range, so a unit name merged over several rows names each row), error values (their
 * text, e.g. "#DIV/0!", which the module then reports as not a number).
 */
import type { Cell, CellValue } from "exceljs";
import type { CliDiagnostic } from "../report/diagnostics.js";
import type { Table, TableCell, TableRow } from "./table.js";
import { factsDiagnostic } from "./types.js";

/** A decimal text with the point moved `places` to the right ("0.875", 2 → "87.5"). */
export function shiftDecimal(text: string, places: number): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return text;
  const [, sign, int = "", frac = "", exp = "0"] = m;
  const digits = int + frac;
  const point = int.length + Number(exp) + places;
  let whole: string;
  let rest: string;
  if (point <= 0) {
    whole = "0";
    rest = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + "0".repeat(point - digits.length);
    rest = "";
  } else {
    whole = digits.slice(0, point);
    rest = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, "");
  rest = rest.replace(/0+$/, "");
  return sign + whole + (rest ? "." + rest : "");
}

/** A number as Excel shows it: at most 15 significant digits. */
function excelNumber(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** The value of a cell for the scoring module, and its text. */
function cellValue(cell: Cell): { value: unknown; text: string } {
  const fromValue = (v: CellValue): { value: unknown; text: string } => {
    if (v === null || v === undefined) return { value: "", text: "" };
    if (typeof v === "number") {
      const n = excelNumber(v);
      if (/%/.test(cell.numFmt ?? "")) {
        const text = shiftDecimal(String(n), 2) + "%";
        return { value: text, text };
      }
      return { value: n, text: String(n) };
    }
    if (typeof v === "string") return { value: v, text: v.trim() };
    if (typeof v === "boolean") return { value: v, text: v ? "TRUE" : "FALSE" };
    if (v instanceof Date) {
      const text = v.toISOString().slice(0, 10);
      return { value: text, text };
    }
    if ("richText" in v) {
      const text = v.richText.map((r) => r.text).join("");
      return { value: text, text: text.trim() };
    }
    if ("formula" in v || "sharedFormula" in v) return fromValue((v as { result?: CellValue }).result ?? null);
    if ("hyperlink" in v) {
      const t = (v as { text?: unknown }).text;
      return fromValue(typeof t === "string" ? t : "");
    }
    if ("error" in v) return { value: v.error, text: v.error };
    return { value: String(v), text: String(v) };
  };
  return fromValue(cell.isMerged ? cell.master.value : cell.value);
}

/** Reads the first worksheet of an .xlsx file. */
export async function readXlsx(file: string, bytes: Buffer): Promise<{ table?: Table; diagnostics: CliDiagnostic[] }> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    return { diagnostics: [factsDiagnostic(file, "KP4020", undefined, [`不是有效的 Excel 文件（.xlsx）：${(e as Error).message}`])] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { diagnostics: [factsDiagnostic(file, "KP4020", undefined, ["工作簿中没有工作表"])] };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (TableCell | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const { value, text } = cellValue(cell);
      cells[column - 1] = { column, value, text, start: 0, end: 0 };
    });
    rows.push({ row: rowNumber, cells });
  });
  return { table: { file, sheet: sheet.name, rows }, diagnostics: [] };
}
