// Plain text: a table copied from a web page or a PDF arrives as tab-separated lines (the seed is
// one); the lines before and after it are paragraphs.  A blank line inside such a table is a page
// break: the row after it may continue the row before it (the structure step decides).
import type { Block, Cell, ReadDocument } from "../model.js";
import { MAX_SLOTS, stripTags } from "./cells.js";
import { fail } from "../diagnostics.js";

export function readText(file: string, text: string): ReadDocument {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  const tabbed = lines.map((l) => l.includes("\t"));
  const first = tabbed.indexOf(true);
  const last = tabbed.lastIndexOf(true);
  const paragraph = (i: number): void => {
    const t = stripTags(lines[i]!).trim();
    if (t) blocks.push({ kind: "paragraph", text: t, loc: { file, line: i + 1 } });
  };
  if (first < 0) {
    lines.forEach((_, i) => paragraph(i));
    return { file, format: "text", blocks };
  }
  for (let i = 0; i < first; i++) paragraph(i);
  const rows: (Cell | null)[][] = [];
  const breaks = new Set<number>();
  let pendingBreak = false;
  for (let i = first; i <= last; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      pendingBreak = true;
      continue;
    }
    const r = rows.length;
    if (pendingBreak) breaks.add(r);
    pendingBreak = false;
    rows.push(
      line.split("\t").map((t, c): Cell => ({ text: stripTags(t).trim(), row: r, col: c, rowSpan: 1, colSpan: 1, loc: { file, line: i + 1, col: c + 1 } })),
    );
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length * width > MAX_SLOTS) fail("KP5010", ["表格", `${rows.length} 行 × ${width} 列`], { file, line: first + 1 });
  const full = rows.map((r, ri) =>
    Array.from({ length: width }, (_, c): Cell => r[c] ?? { text: "", row: ri, col: c, rowSpan: 1, colSpan: 1, loc: { ...r[0]!.loc, col: c + 1 } }),
  );
  blocks.push({ kind: "table", index: 1, rows: full, breaksBefore: breaks, emptyContinues: true });
  for (let i = last + 1; i < lines.length; i++) paragraph(i);
  return { file, format: "text", blocks };
}
