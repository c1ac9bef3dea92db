// .xlsx (exceljs, as the facts reader uses): every worksheet is a table; merged ranges become one
// cell covering its slots.  Cell text is what Excel shows (rich text joined, numbers as written).
import ExcelJS from "exceljs";
import type { Block, Cell, ReadDocument } from "../model.js";
import { fail } from "../diagnostics.js";
import { MAX_SLOTS } from "./cells.js";

export async function readXlsx(file: string, bytes: Uint8Array): Promise<ReadDocument> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    fail("KP5006", [(e as Error).message.slice(0, 120)], { file });
  }
  const blocks: Block[] = [];
  let index = 0;
  wb.eachSheet((ws) => {
    if (ws.state !== "visible") return;
    index++;
    // The grid spans the cells that hold text (a formatted cell far away, at XFD1048576, adds nothing).
    let height = 0;
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if ((cell.text ?? "").trim() === "") return;
        height = Math.max(height, r);
        width = Math.max(width, c);
      });
    });
    if (height * width > MAX_SLOTS) fail("KP5010", [ws.name, `${height} 行 × ${width} 列`], { file, sheet: ws.name });
    const grid: (Cell | null)[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => null));
    const masters = new Map<string, Cell>();
    for (let r = 1; r <= height; r++) {
      for (let c = 1; c <= width; c++) {
        const xc = ws.getCell(r, c);
        const master = xc.isMerged ? xc.master : xc;
        const key = master.address;
        let cell = masters.get(key);
        if (!cell) {
          const text = (master.text ?? "").replace(/\r\n?/g, "\n").trim();
          cell = { text, row: Number(master.row) - 1, col: Number(master.col) - 1, rowSpan: 1, colSpan: 1, loc: { file, sheet: ws.name, row: Number(master.row), col: Number(master.col) } };
          masters.set(key, cell);
        }
        const m = cell as { rowSpan: number; colSpan: number };
        m.rowSpan = Math.max(m.rowSpan, r - cell.row);
        m.colSpan = Math.max(m.colSpan, c - cell.col);
        grid[r - 1]![c - 1] = cell;
      }
    }
    blocks.push({ kind: "table", index, name: ws.name, rows: grid, breaksBefore: new Set(), emptyContinues: false });
  });
  return { file, format: "xlsx", blocks };
}
