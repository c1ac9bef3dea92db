// Structure: the neutral document → the indicator tree (tables by their columns, or numbered headings
// in paragraphs when there is no table), sub-headings inside clause cells as a further level, and
// the points checked against their parts.
import { fail, importProblem, type ImportProblem } from "../diagnostics.js";
import type { Paragraph, ReadDocument, Table } from "../model.js";
import { findColumns } from "./columns.js";
import { decimalCompare, decimalSum } from "../decimal.js";
import { readParagraphs } from "./paragraphs.js";
import { newBuilder, readTable } from "./table.js";
import { BRACKET_POINTS, cellHeading, cleanDecimal, oneLine, sectionOf } from "./text.js";
import { newItem, type Item, type Structure } from "./tree.js";
import { settleRowPoints } from "./row-points.js";
import { documentNotes } from "./notes.js";

export type { Item, Structure, ClauseCell } from "./tree.js";

export function recoverStructure(doc: ReadDocument): Structure {
  const b = newBuilder();
  const tables = doc.blocks.filter((x): x is Table => x.kind === "table");
  const paragraphs = doc.blocks.filter((x): x is Paragraph => x.kind === "paragraph");
  let used = 0;
  for (const t of tables) {
    const cols = findColumns(t);
    if (!cols) continue;
    // After the first table, only tables with a header continue the tree (a sheet of notes does not).
    if (used > 0 && cols.header < 0) {
      b.problems.push(importProblem("KP5030", [`${t.name ? `工作表「${t.name}」` : `表格 ${t.index}`}（没有表头）`], t.rows[0]?.find((c) => c)?.loc));
      continue;
    }
    used++;
    readTable(b, t, cols);
  }
  settleRowPoints(b.items, b.fromRow, b.problems);
  let title: string | null = null;
  const firstTable = doc.blocks.findIndex((x) => x.kind === "table");
  const before = firstTable < 0 ? [] : doc.blocks.slice(0, firstTable).filter((x): x is Paragraph => x.kind === "paragraph");
  if (used === 0 || b.items.length === 0) {
    const r = readParagraphs(paragraphs, b.problems);
    if (!r) fail(tables.length > 0 && used === 0 ? "KP5022" : "KP5020", [], { file: doc.file });
    title = r.title;
    b.items.push(...r.items);
  } else {
    title = before.find((p) => oneLine(p.text).length <= 60)?.text ?? b.above.find((t) => t.length <= 60) ?? null;
    for (const p of doc.blocks.slice(firstTable < 0 ? 0 : firstTable).filter((x): x is Paragraph => x.kind === "paragraph")) {
      b.problems.push(importProblem("KP5030", [short(p.text)], p.loc));
    }
  }
  for (const item of b.items) splitHeadings(item, b.problems);
  // A 加分/减分 section needs no points (they are its cap); its sub-items' clauses are written in it.
  for (const item of b.items) if (sectionOf(item.name) === null) derivePoints(item, b.problems);
  if (!hasPoints(b.items)) fail("KP5021", [], { file: doc.file });
  checkSums(b.items, b.problems);
  for (const t of b.totals) {
    const base = b.items.filter((i) => sectionOf(i.name) === null);
    const sum = base.every((i) => i.points !== null) ? decimalSum(base.map((i) => i.points!)) : null;
    b.problems.push(importProblem("KP5036", [t.text, t.points ?? "—"], t.loc));
    if (t.points !== null && sum !== null && decimalCompare(sum, t.points) !== 0) b.problems.push(importProblem("KP5023", ["合计", t.points, sum], t.loc));
  }
  shortenNames(b.items, b.problems);
  return { title: title ? oneLine(title) : null, items: b.items, notes: [...documentNotes(doc.blocks).filter((n) => !b.notes.includes(n)), ...b.notes], problems: b.problems };
}

const short = (s: string, n = 40): string => {
  const t = oneLine(s);
  return t.length > n ? t.slice(0, n) + "…" : t;
};

/** A leaf item's cells that open with a heading (「公文报送情况（0.3分）。…」) become its sub-items. */
function splitHeadings(item: Item, problems: ImportProblem[]): void {
  for (const c of item.children) splitHeadings(c, problems);
  if (item.children.length > 0) return;
  const direct = [];
  let last: Item | null = null;
  for (const cell of item.cells) {
    // A cell may hold several headed sections, one per line (paragraphs of the cell).
    for (const line of cell.text.split("\n")) {
      const h = cellHeading(line);
      if (!h) {
        if (last) last.cells.push({ ...cell, text: line });
        else direct.push({ ...cell, text: line });
        continue;
      }
      let sub: Item | null = last && last.name === h.heading.name ? last : null;
      if (!sub) {
        sub = newItem(h.heading.name, h.heading.points, cell.loc);
        item.children.push(sub);
        problems.push(importProblem("KP5032", [h.heading.name], cell.loc));
      }
      sub.cells.push({ ...cell, text: h.rest });
      last = sub;
    }
  }
  if (item.children.length > 0) item.cells.splice(0, item.cells.length, ...direct);
}

/**
 * An item without points whose clauses each give theirs in brackets (「…（0.1分）；…（0.2分）」, a list of
 * awards) has their sum: declared, so that the catalogue states it even while its rules are to-do.
 */
function derivePoints(item: Item, problems: ImportProblem[]): void {
  for (const c of item.children) derivePoints(c, problems);
  if (item.points !== null) return;
  if (item.children.length > 0) {
    if (item.children.every((c) => c.points !== null)) return;
    problems.push(importProblem("KP5033", [item.name], item.loc));
    return;
  }
  const text = item.cells.map((c) => c.text).join("\n");
  const found = [...text.matchAll(new RegExp(BRACKET_POINTS.source, "g"))].map((m) => cleanDecimal(m[1]!));
  if (found.length > 0 && !/扣/.test(text)) {
    item.points = decimalSum(found);
    problems.push(importProblem("KP5034", [item.name, item.points], item.loc));
  } else {
    problems.push(importProblem("KP5033", [item.name], item.loc));
  }
}

/** An indicator name longer than 40 characters (a requirement written in the level column) is shortened; the full text becomes a note. */
function shortenNames(items: readonly Item[], problems: ImportProblem[]): void {
  for (const item of items) {
    shortenNames(item.children, problems);
    if (item.name.length <= 40) continue;
    const full = item.name;
    const first = full.split(/[，,；;。：:（(]/)[0]!.replace(/[^\p{L}\p{N}×“”]/gu, "");
    item.name = (first.length >= 2 ? first : full).slice(0, 16);
    item.notes.unshift(full);
    problems.push(importProblem("KP5037", [item.name], item.loc));
  }
}

function hasPoints(items: readonly Item[]): boolean {
  return items.some((i) => i.points !== null || i.cells.some((c) => c.points !== null) || hasPoints(i.children));
}

function checkSums(items: readonly Item[], problems: ImportProblem[]): void {
  for (const item of items) {
    checkSums(item.children, problems);
    if (item.points === null || item.children.length === 0 || item.children.some((c) => c.points === null)) continue;
    const sum = decimalSum(item.children.map((c) => c.points!));
    if (decimalCompare(sum, item.points) !== 0) problems.push(importProblem("KP5023", [item.name, item.points, sum], item.loc));
  }
}
