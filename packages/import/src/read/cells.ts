// Shared helpers of the readers: cell text cleaning and building a grid from cells with spans.
import { ImportError, importProblem } from "../diagnostics.js";
import type { Cell, SourceLoc, Table } from "../model.js";

/** Removes HTML tags left in text (a copy of a web page: 「<p>组织建设</p>」) and decodes the common entities. */
export function stripTags(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p(\s[^<>]*)?>/gi, "\n")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** At most this many slots (rows × columns) in one table: a rulebook has a few thousand. */
export const MAX_SLOTS = 2_000_000;

/** A cell as a reader found it, before it is placed in the grid. */
export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  loc: SourceLoc;
}

/**
 * Places rows of cells with row and column spans into a full grid (the HTML table model: a cell goes
 * to the first free slot of its row; slots covered by a span from above are skipped).
 */
export function gridFromRows(index: number, rows: readonly (readonly RawCell[])[], name?: string): Table {
  const grid: (Cell | null)[][] = [];
  const ensure = (r: number): (Cell | null)[] => (grid[r] ??= []);
  let slots = 0;
  rows.forEach((cells, r) => {
    const row = ensure(r);
    let c = 0;
    for (const raw of cells) {
      while (row[c] !== undefined && row[c] !== null) c++;
      const rowSpan = Math.max(1, Math.min(raw.rowSpan, rows.length - r));
      const colSpan = Math.max(1, Math.min(raw.colSpan, 1000));
      slots += rowSpan * colSpan;
      if (slots > MAX_SLOTS) throw new ImportError(importProblem("KP5010", [`表格 ${index}`, `超过 ${MAX_SLOTS} 个单元格`], raw.loc));
      const cell: Cell = { text: raw.text, row: r, col: c, rowSpan, colSpan, loc: raw.loc };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = ensure(r + dr);
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = cell;
      }
      c += colSpan;
    }
  });
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.length * width > MAX_SLOTS) throw new ImportError(importProblem("KP5010", [`表格 ${index}`, `${grid.length} 行 × ${width} 列`], rows[0]?.[0]?.loc));
  const full = grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return { kind: "table", index, ...(name !== undefined ? { name } : {}), rows: full, breaksBefore: new Set(), emptyContinues: false };
}
