/**
 * The first worksheet of an .xlsx facts file read as a stream, row by row (exceljs's streaming
 * WorkbookReader), in batches of units, for `kp score` on files too large for the whole-file reader
 * (which holds the workbook in memory, xlsx.ts).  Each batch of rows becomes units through the same
 * tableToUnits, each cell through the same cellValue as the whole-file reader, so a value reads the
 * same either way.
 *
 * It streams only what reads the same without a word from the whole-file reader, and stops with
 * `ok: false` otherwise (the caller then reads the file whole, reporting every problem at its sheet
 * and cell; nothing has been written): a workbook with a sheet besides the one read (other than a
 * template's 「说明」), a hidden first sheet, formulas (the whole-file reader notes their cached
 * results), merged cells (the streaming reader does not see them: the worksheet is scanned for them
 * first), a text with U+FFFD (exceljs-load.ts), the LONG layout, any problem in the facts.  The zip is checked first (entries, and the
 * declared size against the file's: a decompression bomb is not inflated).
 */
import { statSync } from "node:fs";
import type { UnitInput } from "@kaoping/core";
import type { Cell } from "exceljs";
import yauzl from "yauzl";
import { loadExcelJs } from "./exceljs-load.js";
import { isLongHeader, tableToUnits, type KnownFacts, type TableCell, type TableRow } from "./table.js";
import { cellValue, MAX_XLSX_ENTRIES, MAX_XLSX_RATIO, type FormulaCount } from "./xlsx.js";
import { duplicateNames, Stop, STREAM_BATCH_ROWS, type StreamOptions, type StreamOutcome } from "./stream-common.js";

/** The zip's entries' names, or why it is not streamed (too many entries, a suspicious ratio, merged cells). */
async function zipCheck(file: string, size: number): Promise<string | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (e, z) => (e || !z ? reject(e ?? new Error("no zip")) : resolve(z))));
  } catch {
    return "不是 zip 文件";
  }
  try {
    if (zip.entryCount > MAX_XLSX_ENTRIES) return "条目太多";
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    const listed = await new Promise<boolean>((resolve) => {
      zip.on("entry", (e: yauzl.Entry) => {
        entries.push(e);
        declared += e.uncompressedSize;
        zip.readEntry();
      });
      zip.on("end", () => resolve(true));
      zip.on("error", () => resolve(false));
      zip.readEntry();
    });
    if (!listed) return "zip 已损坏";
    if (declared > 16 * 1024 * 1024 && declared > size * MAX_XLSX_RATIO) return "压缩比异常";
    // Merged cells are listed after the rows (<mergeCells>): look for them in every worksheet.
    for (const entry of entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.fileName))) {
      const merged = await new Promise<boolean | undefined>((resolve) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return resolve(undefined);
          let tail = "";
          let inflated = 0;
          stream.on("data", (chunk: Buffer) => {
            inflated += chunk.length;
            const text = tail + chunk.toString("latin1");
            if (/<(?:\w+:)?mergeCell[\s>/]/.test(text) || inflated > size * MAX_XLSX_RATIO) {
              stream.destroy();
              resolve(true);
            }
            tail = text.slice(-32);
          });
          stream.on("end", () => resolve(false));
          stream.on("error", () => resolve(undefined));
        });
      });
      if (merged !== false) return merged === undefined ? "zip 已损坏" : "有合并单元格";
    }
    return undefined;
  } finally {
    zip.close();
  }
}

/**
 * Reads the first worksheet of an .xlsx facts file (an absolute path) in batches of units, calling
 * `onBatch` for each; see the file comment for when it stops (`ok: false`).
 */
export async function streamXlsxUnits(file: string, known: KnownFacts, onBatch: (units: UnitInput[]) => void, options: StreamOptions = {}): Promise<StreamOutcome> {
  const batchRows = options.batchRows ?? STREAM_BATCH_ROWS;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, why: "不是普通文件" };
    size = st.size;
  } catch {
    return { ok: false, why: "无法读取" };
  }
  const refused = await zipCheck(file, size);
  if (refused) return { ok: false, why: refused };
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  const names = duplicateNames(options.seen);
  let units = 0;
  let rows = 0;
  let done = false;
  try {
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<{ number: number; eachCell(o: { includeEmpty: boolean }, f: (cell: Cell, column: number) => void): void }> & { name?: string; state?: string };
      const model = (reader as unknown as { model?: { sheets?: { name: string; state?: string }[] } }).model;
      const tabs = model?.sheets;
      if (!tabs || tabs.length === 0 || ws.name === undefined) throw new Stop("工作簿结构");
      const first = tabs.find((t) => (t.state ?? "visible") === "visible");
      if (!first || tabs[0] !== first || tabs.some((t) => t !== first && t.name !== "说明")) throw new Stop("不止一个工作表");
      if (ws.name !== first.name || done) {
        for await (const _ of ws) void _; // a template's 「说明」: read past it
        continue;
      }
      done = true;
      let header: TableRow | undefined;
      let batch: TableRow[] = [];
      const flush = () => {
        if (batch.length === 0) return;
        const read = tableToUnits({ file, sheet: first.name, rows: [header!, ...batch] }, known);
        const problem = read.diagnostics[0];
        if (problem) throw new Stop("有问题", `${problem.cell ? `工作表「${first.name}」${problem.cell.ref} 单元格：` : ""}${problem.message}`);
        names(read.units);
        units += read.units.length;
        batch = [];
        onBatch(read.units);
      };
      const formulas: FormulaCount = { missing: [], cached: 0 };
      for await (const row of ws) {
        const cells: (TableCell | undefined)[] = [];
        let any = false;
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const v = cell.value as unknown;
          if (v !== null && typeof v === "object" && "sharedString" in (v as object)) throw new Stop("共享字符串在工作表之后");
          const { value, text } = cellValue(cell, formulas, row.number, column);
          // a character broken by the streaming reader's decoding (see exceljs-load.ts): read whole
          if (text.includes("\uFFFD")) throw new Stop("文字解码");
          if (text !== "") any = true;
          cells[column - 1] = { column, value, text, start: 0, end: 0 };
        });
        if (formulas.missing.length > 0 || formulas.cached > 0) throw new Stop("有公式");
        if (!header) {
          if (!any) continue;
          if (isLongHeader(cells.map((c) => c?.text ?? ""))) throw new Stop("长表格式");
          header = { row: row.number, cells };
          continue;
        }
        rows++;
        batch.push({ row: row.number, cells });
        if (batch.length >= batchRows) flush();
      }
      flush();
    }
    if (!done || units === 0) return { ok: false, why: "没有单位" };
    return { ok: true, units, rows };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, why: e.message, problem: e.problem };
    if (isFactsError(e)) throw e;
    // exceljs, sax and unzip errors (a broken file): the whole-file reader reports it in Chinese
    return { ok: false, why: "无法读取" };
  }
}

function isFactsError(e: unknown): boolean {
  return e instanceof Error && e.name === "KpFactsError";
}
