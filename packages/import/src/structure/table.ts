// From a table to the indicator tree.  Rows are read top to bottom; a level column's cell opens an
// item (a merged cell, or an empty cell in a text table, continues the one above).  Before that, the
// layout faults real documents have are repaired, each with a report entry:
//   - a row shifted left (its clause written in a level column, the clause column empty) is moved back;
//   - a row cut by a page break (text tables: a blank line) is joined to the row it continues;
//   - a level cell repeated at the top of a new page is the same item, not a new one.
import { simplified } from "../variants.js";
import { importProblem, type ImportProblem } from "../diagnostics.js";
import type { Cell, SourceLoc, Table } from "../model.js";
import type { Columns } from "./columns.js";
import { clauseLike, endsSentence, parseHeading, squeeze, oneLine, cleanDecimal, type Heading } from "./text.js";
import { newItem, type Item } from "./tree.js";
import { numberingLevel } from "./paragraphs.js";
import { noteRow } from "./notes.js";

interface Slot {
  text: string;
  cell: Cell | null;
  loc: SourceLoc;
}

interface Row {
  readonly index: number;
  slots: Slot[];
  readonly loc: SourceLoc;
}

const short = (s: string, n = 30): string => {
  const t = oneLine(s);
  return t.length > n ? t.slice(0, n) + "…" : t;
};

const merged = (s: Slot): boolean => s.cell !== null && (s.cell.rowSpan > 1 || s.cell.colSpan > 1);

/** The state of a walk over several tables of one document. */
export interface TreeBuilder {
  readonly items: Item[];
  readonly problems: ImportProblem[];
  /** The open item of each level and the cell that opened it. */
  current: { item: Item; cell: Cell | null; heading: Heading }[];
  /** Cells already read (a merged cell covers several rows). */
  readonly seen: Set<Cell>;
  /** Text above a table's header row (a sheet's merged title row). */
  readonly above: string[];
  /** 合计 rows: the total they state. */
  readonly totals: { text: string; points: string | null; loc: SourceLoc }[];
  /** Items whose points were taken from their first row's own points cell (row-points.ts settles them). */
  readonly fromRow: Set<Item>;
  /** Rows across a table that are a note on scoring (「注：…实行累计扣减。」, notes.ts), verbatim. */
  readonly notes: string[];
}

export function newBuilder(): TreeBuilder {
  return { items: [], problems: [], current: [], seen: new Set(), above: [], totals: [], fromRow: new Set(), notes: [] };
}

function toRows(table: Table, from: number): Row[] {
  const rows: Row[] = [];
  for (let r = from; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    const first = cells.find((c) => c !== null);
    // The row's location: its first cell's, without the column.
    const { col: _col, ...loc }: SourceLoc = first ? first.loc : { file: "" };
    void _col;
    rows.push({
      index: r,
      loc,
      slots: cells.map((c) => ({
        // A merged cell's text counts in its first row only when the table marks continuation by emptiness.
        text: c ? squeeze(c.text) : "",
        cell: c,
        loc: c?.loc ?? loc,
      })),
    });
  }
  return rows;
}

/** Moves a row whose clause sits in a level column back to the clause column. */
function repairShift(row: Row, cols: Columns, problems: ImportProblem[]): void {
  const k = cols.clause;
  if (row.slots[k]!.text) return;
  let j = k - 1;
  while (j >= 0 && !row.slots[j]!.text) j--;
  if (j < 0 || merged(row.slots[j]!) || !clauseLike(row.slots[j]!.text)) return;
  const shift = k - j;
  const moved = row.slots.slice(0, k + 1).map((_, c) => (c - shift >= 0 ? row.slots[c - shift]! : { text: "", cell: null, loc: row.loc }));
  problems.push(importProblem("KP5024", [short(row.slots[j]!.text), cols.names[j] || `第 ${j + 1} 列`, cols.names[k] || `第 ${k + 1} 列`], row.slots[j]!.loc));
  row.slots = [...moved, ...row.slots.slice(k + 1)];
}

/** Whether the row after a page break continues the row before it. */
function continues(prev: Row, row: Row, cols: Columns): boolean {
  const levelsEmpty = cols.levels.every((c) => !row.slots[c]!.text);
  const prevClause = prev.slots[cols.clause]!.text;
  if (levelsEmpty && prevClause && row.slots[cols.clause]!.text && !endsSentence(prevClause)) return true;
  // A heading cut in two: the part before the break has no points, the part after has them.
  return cols.levels.some((c) => prev.slots[c]!.text && parseHeading(prev.slots[c]!.text).points === null && row.slots[c]!.text && parseHeading(row.slots[c]!.text).points !== null) &&
    (!row.slots[cols.clause]!.text || !endsSentence(prevClause));
}

function join(prev: Row, row: Row, problems: ImportProblem[]): void {
  prev.slots = prev.slots.map((s, c) => {
    const t = row.slots[c]?.text ?? "";
    return t ? { ...s, text: s.text + t } : s;
  });
  problems.push(importProblem("KP5025", [row.loc.line ?? row.index + 1, prev.loc.line ?? prev.index + 1], row.loc));
}

function splitUnits(text: string): string[] {
  return oneLine(text)
    .split(/[、，,；;\/\n]+/)
    .map((u) => u.trim())
    .filter((u) => u);
}

/** An outline number 「1.1」「1.2.3」 before a name (not a decimal amount: 「1.5万元…」 keeps its number). */
const OUTLINE = /^\d+(?:[.．]\d+)+\s*(?=[\u4e00-\u9fa5])(?![万亿元个分倍年月日天次件人户项])/;

/** A level cell's numbering label (「（一）包绿化美化」「1.搞好…」「1.2.3…」) is layout, not part of the item's name. */
function unnumbered(h: Heading): Heading {
  const n = numberingLevel(h.name);
  const rest = n ? n.rest.trim() : h.name.replace(OUTLINE, "").trim();
  return rest ? { ...h, name: rest } : h;
}

/** Reads one table into the tree. */
export function readTable(b: TreeBuilder, table: Table, cols: Columns): void {
  for (let r = 0; r < cols.headerTop; r++) {
    for (const c of table.rows[r]!) if (c && c.text.trim() && !b.above.includes(oneLine(c.text))) b.above.push(oneLine(c.text));
  }
  const rows = toRows(table, cols.header + 1);
  const header = cols.header >= 0 ? table.rows[cols.header]!.map((c) => (c ? squeeze(c.text) : "")) : null;
  const kept: Row[] = [];
  for (const row of rows) {
    if (row.slots.every((s) => !s.text)) continue;
    // a row across the table opening as a note (「注：本项考评…实行累计扣减。」) is the document's, not an item's
    const note = noteRow(table.rows[row.index]!);
    if (note !== null) {
      if (!b.notes.includes(note)) b.notes.push(note);
      continue;
    }
    if (header && row.slots.every((s, c) => s.text === header[c])) continue;
    repairShift(row, cols, b.problems);
    const prev = kept[kept.length - 1];
    if (prev && table.breaksBefore.has(row.index) && continues(prev, row, cols)) {
      join(prev, row, b.problems);
      continue;
    }
    kept.push(row);
  }
  for (const row of kept) readRow(b, row, cols, table);
}

const TOTAL_ROW = /^(合\s*计|总\s*计|总\s*分|小\s*计)/;

function readRow(b: TreeBuilder, row: Row, cols: Columns, table: Table): void {
  // A 合计 row states the total; it is not an item (the total is checked against the items').
  const first = cols.levels.map((c) => row.slots[c]!.text).find((t) => t);
  if (first !== undefined && TOTAL_ROW.test(simplified(oneLine(first)))) {
    const pts = [first, ...(cols.points !== null ? [row.slots[cols.points]!.text] : []), row.slots[cols.clause]!.text].map((t) => /(\d+(?:\.\d+)?)\s*分?\s*$/.exec(oneLine(t))?.[1]).find((x) => x !== undefined);
    b.totals.push({ text: oneLine(first), points: pts ? cleanDecimal(pts) : null, loc: row.slots[cols.levels[0]!]!.loc });
    return;
  }
  let opened = -1;
  const openedHere = new Set<number>();
  cols.levels.forEach((c, level) => {
    const slot = row.slots[c]!;
    if (!slot.text) return;
    // A cell spanning two level columns (an item without a lower level) is one item.
    if (level > 0 && slot.cell !== null && slot.cell === row.slots[cols.levels[level - 1]!]!.cell) return;
    const open = b.current[level];
    if (open && slot.cell !== null && open.cell === slot.cell && !table.emptyContinues) return;
    const heading = unnumbered(parseHeading(slot.text));
    if (open && opened < 0 && open.heading.name === heading.name && (heading.points === null || open.heading.points === heading.points)) {
      // The same item again (a page's header repeats the cells that span pages).
      if (slot.cell !== open.cell) b.problems.push(importProblem("KP5026", [heading.name], slot.loc));
      return;
    }
    if (!heading.name) return;
    const item = newItem(heading.name, heading.points, slot.loc);
    let parentLevel = level - 1;
    while (parentLevel >= 0 && !b.current[parentLevel]) parentLevel--;
    if (parentLevel >= 0) b.current[parentLevel]!.item.children.push(item);
    else b.items.push(item);
    b.current[level] = { item, cell: slot.cell, heading };
    b.current.length = level + 1;
    opened = level;
    openedHere.add(level);
  });
  const deepest = [...b.current].reverse().find((x) => x !== undefined)?.item;
  const pointsText = cols.points !== null ? oneLine(row.slots[cols.points]!.text) : "";
  const pm = /^(\d+(?:\.\d+)?)\s*分?$/.exec(pointsText);
  const rowPoints = pm ? cleanDecimal(pm[1]!) : null;
  // A points cell merged down several rows states their points together (the item's), not a row's own.
  const pointsCell = cols.points !== null ? row.slots[cols.points]!.cell : null;
  const own = pointsCell !== null && pointsCell.rowSpan > 1 ? null : rowPoints;
  // A points column between two level columns (一级 | 二级 | 分值 | 三级 …) holds the points of the level to its left.
  const pointsLevel = cols.points === null ? -1 : cols.levels.filter((c) => c < cols.points!).length - 1;
  if (pointsLevel >= 0 && pointsLevel < cols.levels.length - 1) {
    const own = b.current[pointsLevel]?.item;
    if (rowPoints !== null && own && openedHere.has(pointsLevel) && own.points === null) own.points = rowPoints;
  } else if (rowPoints !== null && deepest && opened >= 0 && deepest.points === null && deepest === b.current[opened]!.item) {
    deepest.points = rowPoints;
    if (own !== null) b.fromRow.add(deepest);
  }
  const clause = row.slots[cols.clause]!;
  const fresh = (slot: Slot): boolean => {
    if (slot.cell === null || table.emptyContinues) return true;
    if (b.seen.has(slot.cell)) return false;
    b.seen.add(slot.cell);
    return true;
  };
  if (clause.text && fresh(clause)) {
    if (!deepest) b.problems.push(importProblem("KP5027", [short(clause.text)], clause.loc));
    else deepest.cells.push({ text: clause.text, loc: clause.loc, points: opened >= 0 && deepest.points === rowPoints ? null : own, rowPoints: own, ...(cols.header >= 0 && cols.names[cols.clause] ? { header: cols.names[cols.clause]! } : {}) });
  }
  if (cols.unit !== null && row.slots[cols.unit]!.text) {
    const top = b.current[0]?.item;
    if (top) for (const u of splitUnits(row.slots[cols.unit]!.text)) if (!top.units.includes(u)) top.units.push(u);
  }
  if (cols.notes !== null && row.slots[cols.notes]!.text && deepest && fresh(row.slots[cols.notes]!)) {
    const n = oneLine(row.slots[cols.notes]!.text);
    if (!deepest.notes.includes(n)) deepest.notes.push(n);
  }
}
