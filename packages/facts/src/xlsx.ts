/**
 * Excel facts files (.xlsx, read with exceljs): one worksheet is a table like a CSV file.
 *
 * Which worksheet: the first *visible* one (tab order), or the one `--sheet` names (its name, or its
 * 1-based number in tab order; a hidden sheet only this way).  When the workbook has several sheets,
 * an info diagnostic (KP4028) says which was read (not when the others are only a 「说明」 sheet, as in
 * the templates kp template writes); an unknown `--sheet`, or a workbook whose sheets
 * are all hidden, is KP4027, listing the sheets.
 *
 * Before exceljs sees the bytes, the zip is checked (yauzl): at most {@link MAX_XLSX_ENTRIES} entries,
 * a declared uncompressed total of at most {@link MAX_XLSX_UNZIPPED_BYTES}, no more than
 * {@link MAX_XLSX_RATIO} times the file's size when that total is over 16 MiB, and the same limit
 * counted on the bytes actually inflated (a header that lies is caught): a decompression bomb is
 * KP4029 within a second, instead of minutes and gigabytes.  A file that is not a zip, or a broken
 * one, is KP4020 in Chinese (the libraries' English messages are not shown).
 *
 * Cell values: numbers (kept as numbers, at Excel's own 15 significant digits, so that a formula
 * giving 0.1 + 0.2 is 0.3; a cell formatted as a percentage holding 0.875 is "87.5%"), text, booleans,
 * formulas (their cached result: a formula cell without one is KP4025 at the cell, since Excel was not
 * there to compute it; when cached results were used, one KP4026 note per file says how many), rich
 * text and hyperlinks (their text), merged cells (the value of the merged range, so a unit name merged
 * over several rows names each row; a range over several rows is marked, and a fact cell in one is
 * KP4089 in table.ts: one value would be counted for several units), error values (their text, e.g.
 * "#DIV/0!", which the module then reports as not a number).
 */
import { byteCount, formatBytes, nameKey } from "@kaoping/core";
import type { Cell, CellValue, Worksheet } from "exceljs";
import yauzl from "yauzl";
import { loadExcelJs } from "./exceljs-load.js";
import { cellName, type Table, type TableCell, type TableRow } from "./table.js";
import { factsDiagnostic, type FactsDiagnostic } from "./types.js";

/**
 * The most bytes the entries of an .xlsx file may inflate to, together (declared and actual).  exceljs
 * holds the whole workbook in memory, about 25 times its XML (23 MB of sheet XML, 50,000 units of 15
 * facts, takes 680 MB): 100 MiB keeps it under 3 GB, below the JavaScript heap's limit.  Larger sets
 * of facts fit in CSV files.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** The most entries an .xlsx zip may have (a workbook has a few dozen). */
export const MAX_XLSX_ENTRIES = 10_000;
/**
 * The highest declared compression ratio accepted for a workbook that inflates to more than 16 MiB
 * (sheet XML compresses 5 to 50 times; deflate cannot pass about 1,030).
 */
export const MAX_XLSX_RATIO = 500;

const BROKEN_ZIP = "不是有效的 Excel 文件（.xlsx）：文件已损坏，或不是 .xlsx 格式（.xlsx 是一个 zip 压缩包）";

/** Why an .xlsx file's zip must not be opened. */
export interface ZipProblem {
  code: "KP4029" | "KP4020";
  args: string[];
  message?: string;
}

/** Why an .xlsx file's zip must not be opened, or undefined when it may. */
export async function checkZip(bytes: Buffer): Promise<ZipProblem | undefined> {
  const limit = formatBytes(MAX_XLSX_UNZIPPED_BYTES);
  const declaredTooLarge = (n: number): ZipProblem => ({ code: "KP4029", args: [`文件中声明为 ${byteCount(n)}`, limit] });
  const inflatedTooLarge: ZipProblem = { code: "KP4029", args: [`超过 ${byteCount(MAX_XLSX_UNZIPPED_BYTES)}`, limit] };
  const broken = { code: "KP4020" as const, args: [BROKEN_ZIP] };
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (e, z) => (e || !z ? reject(e ?? new Error("no zip")) : resolve(z))),
    );
  } catch {
    return broken;
  }
  if (zip.entryCount > MAX_XLSX_ENTRIES) {
    zip.close();
    return { code: "KP4020", args: [`Excel 文件中的条目太多（${zip.entryCount} 个，上限 ${MAX_XLSX_ENTRIES} 个），不像是一个工作簿`] };
  }
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  const listed = await new Promise<"ok" | "broken">((resolve) => {
    zip.on("entry", (e: yauzl.Entry) => {
      entries.push(e);
      declared += e.uncompressedSize;
      zip.readEntry();
    });
    zip.on("end", () => resolve("ok"));
    zip.on("error", () => resolve("broken"));
    zip.readEntry();
  });
  if (listed === "broken") return broken;
  if (declared > MAX_XLSX_UNZIPPED_BYTES) return declaredTooLarge(declared);
  if (declared > 16 * 1024 * 1024 && declared > bytes.length * MAX_XLSX_RATIO) {
    const ratio = Math.round(declared / bytes.length);
    return {
      code: "KP4029",
      args: [`文件中声明为 ${byteCount(declared)}`, limit],
      message: `Excel 文件的压缩比异常：文件中声明解压后为 ${byteCount(declared)}，是文件大小的 ${ratio} 倍（上限 ${MAX_XLSX_RATIO} 倍），不像是一个工作簿`,
    };
  }
  // Inflate every entry once, counting: sizes that lie are caught by the count, not believed.
  let inflated = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    const r = await new Promise<"ok" | "broken" | "large">((resolve) => {
      zip.openReadStream(entry, (e, stream) => {
        if (e || !stream) return resolve("broken");
        let done = false;
        const finish = (v: "ok" | "broken" | "large") => {
          if (done) return;
          done = true;
          if (v !== "ok") stream.destroy();
          resolve(v);
        };
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > MAX_XLSX_UNZIPPED_BYTES) finish("large");
        });
        stream.on("end", () => finish("ok"));
        stream.on("error", () => finish("broken"));
      });
    });
    if (r === "large") return inflatedTooLarge;
    if (r === "broken") return broken;
  }
  zip.close();
  return undefined;
}

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

/** The value of a cell for the scoring module, and its text (also read by xlsx-stream.ts). */
export function cellValue(cell: Cell, formulas: FormulaCount, row: number, column: number): { value: unknown; text: string } {
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
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: CellValue }).result;
      if (result === undefined || result === null) {
        // No saved result: nothing to read, and an empty cell would be a count of 0.
        formulas.missing.push({ row, column });
        return { value: "", text: "" };
      }
      if (formulas.cached++ === 0) formulas.firstCached = cellName(row, column);
      return fromValue(result);
    }
    if ("hyperlink" in v) {
      const t = (v as { text?: unknown }).text;
      return fromValue(typeof t === "string" ? t : "");
    }
    if ("error" in v) return { value: v.error, text: v.error };
    return { value: String(v), text: String(v) };
  };
  return fromValue(cell.isMerged ? cell.master.value : cell.value);
}

/** What was learned while reading cells: formulas without and with a cached result. */
export interface FormulaCount {
  missing: { row: number; column: number }[];
  cached: number;
  firstCached?: string;
}

/** Reads one worksheet of an .xlsx file: the first visible one, or the one `sheetArg` names. */
export async function readXlsx(file: string, bytes: Buffer, sheetArg?: string): Promise<{ table?: Table; diagnostics: FactsDiagnostic[] }> {
  const zipProblem = await checkZip(bytes);
  if (zipProblem) return { diagnostics: [factsDiagnostic(file, zipProblem.code, undefined, zipProblem.args, { message: zipProblem.message })] };
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    // exceljs and jszip speak English ("End of data reached", "Can't find end of central directory"…).
    return { diagnostics: [factsDiagnostic(file, "KP4020", undefined, ["不是有效的 Excel 文件（.xlsx）：无法读取其中的工作簿内容，文件可能已损坏"])] };
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return { diagnostics: [factsDiagnostic(file, "KP4020", undefined, ["工作簿中没有工作表"])] };
  const diagnostics: FactsDiagnostic[] = [];
  const listing = sheets.map((s, i) => `${i + 1}.「${s.name}」${s.state === "visible" ? "" : "（隐藏）"}`).join("、");
  let sheet: Worksheet | undefined;
  if (sheetArg !== undefined) {
    const wanted = sheetArg.trim();
    sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => nameKey(s.name) === nameKey(wanted));
    if (!sheet && /^[0-9]+$/.test(wanted)) sheet = sheets[Number(wanted) - 1];
    if (!sheet) return { diagnostics: [factsDiagnostic(file, "KP4027", undefined, [`没有名为或序号为「${sheetArg}」的工作表；工作簿中的工作表：${listing}`])] };
  } else {
    sheet = sheets.find((s) => s.state === "visible");
    if (!sheet) return { diagnostics: [factsDiagnostic(file, "KP4027", undefined, [`工作簿中的工作表都是隐藏的：${listing}；要读取隐藏的工作表，请用 --sheet 指定名称或序号`])] };
  }
  // A template's instructions sheet (kp template's 「说明」) is not a second table: no note about it.
  if (sheets.some((s) => s !== sheet && s.name !== "说明")) diagnostics.push(factsDiagnostic(file, "KP4028", undefined, [sheet.name, sheets.length, listing]));
  const formulas: FormulaCount = { missing: [], cached: 0 };
  const rows: TableRow[] = [];
  // Merged ranges by their master cell: the cells in each, to mark those spanning several rows.
  const merges = new Map<string, { cells: TableCell[]; rows: Set<number>; last: string }>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (TableCell | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const { value, text } = cellValue(cell, formulas, rowNumber, column);
      const read: TableCell = { column, value, text, start: 0, end: 0 };
      cells[column - 1] = read;
      if (cell.isMerged) {
        const m = merges.get(cell.master.address) ?? { cells: [], rows: new Set<number>(), last: cell.address };
        merges.set(cell.master.address, m);
        m.cells.push(read);
        m.rows.add(rowNumber);
        m.last = cell.address;
      }
    });
    rows.push({ row: rowNumber, cells });
  });
  for (const [master, m] of merges) if (m.rows.size > 1) for (const c of m.cells) c.merged = `${master}:${m.last}`;
  for (const m of formulas.missing) {
    const ref = cellName(m.row, m.column);
    diagnostics.push({ ...factsDiagnostic(file, "KP4025", undefined, [ref]), cell: { row: m.row, column: m.column, ref, sheet: sheet.name, value: "" } });
  }
  if (formulas.cached > 0) diagnostics.push(factsDiagnostic(file, "KP4026", undefined, [formulas.cached, formulas.firstCached ?? ""]));
  return { table: { file, sheet: sheet.name, rows }, diagnostics };
}
