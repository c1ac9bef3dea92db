// Which column holds what: the header row's words (一级指标 / 二级指标 / 考评细则 / 分值 / 考评单位 /
// 备注), or, without a header, the shape of the text (the clause column is the one with the longest text).
import type { Cell, Table } from "../model.js";
import { simplified } from "../variants.js";
import { oneLine } from "./text.js";

export interface Columns {
  /** The header row's index (its last row when it has two), or -1 without one. */
  readonly header: number;
  /** The header's first row (= header, unless a cell of it spans columns named in the row below). */
  readonly headerTop: number;
  readonly levels: readonly number[];
  readonly clause: number;
  readonly points: number | null;
  readonly unit: number | null;
  readonly notes: number | null;
  /** Header words by column, for messages. */
  readonly names: readonly string[];
}

const CLAUSE = /细则|标准|评分|扣分|计分|考核办法|评分办法/;
const WEAK_CLAUSE = /考核要点|考核内容|考评内容|具体内容|评价内容|工作要求|目标任务|内容/;
const POINTS = /^(分值|分数|满分|权重|标准分|基础分|分值（分）|分值\(分\))$|分值/;
const UNIT = /单位|部门|责任|牵头/;
const NOTES = /备注|说明/;
const LEVEL = /指标|项目|类别|名称|内容|事项|序号/;

const text = (c: Cell | null | undefined): string => (c ? oneLine(c.text) : "");

/** A header word in simplified characters (「考核項目」「分值」 in a traditional-script table match as 考核项目 …). */
const headerWord = (n0: string): boolean => {
  const n = simplified(n0);
  return n.length > 0 && n.length <= 12 && (CLAUSE.test(n) || WEAK_CLAUSE.test(n) || POINTS.test(n) || UNIT.test(n) || NOTES.test(n) || LEVEL.test(n));
};

/**
 * A header of two rows: a cell spanning columns (「考核项目」 over 「项目」「分值」) is named, column by
 * column, by the header words of the row below it.  Returns the header's cells by column and its last row.
 */
function headerCells(table: Table, r: number): { cells: readonly (Cell | null)[]; last: number } {
  const top = table.rows[r]!;
  const below = table.rows[r + 1];
  if (!below) return { cells: top, last: r };
  const spanned = top.map((c, i) => c !== null && c.colSpan > 1 && below[i] !== c && headerWord(text(c).replace(/\s/g, "")));
  if (!spanned.some(Boolean) || !spanned.every((s, i) => !s || headerWord(text(below[i]).replace(/\s/g, "")))) return { cells: top, last: r };
  return { cells: top.map((c, i) => (spanned[i] ? below[i]! : c)), last: r + 1 };
}

export function findColumns(table: Table): Columns | null {
  const width = table.rows[0]?.length ?? 0;
  for (let r0 = 0; r0 < Math.min(table.rows.length, 10); r0++) {
    const { cells: row, last: r } = headerCells(table, r0);
    // the header's words as written (messages), and in simplified characters (matching)
    const names = row.map((c) => text(c).replace(/\s/g, ""));
    const keys = names.map(simplified);
    const known = keys.filter(headerWord);
    if (known.length < 2) continue;
    let clause = -1;
    let points: number | null = null;
    let unit: number | null = null;
    let notes: number | null = null;
    const levels: number[] = [];
    // The clause column: a strong word (细则, 标准, 评分 …) wins over a weak one (内容, 要点 …).
    const strong = keys.findIndex((n, c) => n.length > 0 && n.length <= 12 && CLAUSE.test(n) && !/指标/.test(n) && (c === 0 || row[c] !== row[c - 1]));
    if (strong >= 0) clause = strong;
    else {
      const weak = keys.findIndex((n) => n.length > 0 && n.length <= 12 && WEAK_CLAUSE.test(n) && !/指标|项目/.test(n));
      const levelish = keys.some((n, c) => c < weak && LEVEL.test(n));
      if (weak >= 0 && levelish) clause = weak;
    }
    keys.forEach((n, c) => {
      if (c === clause) return;
      if (c > 0 && row[c] === row[c - 1]) return;
      if (!n || n.length > 12) return;
      if (POINTS.test(n) && points === null) points = c;
      else if (NOTES.test(n) && notes === null) notes = c;
      else if (UNIT.test(n) && unit === null) unit = c;
      else if ((LEVEL.test(n) || WEAK_CLAUSE.test(n)) && !/序号/.test(n)) levels.push(c);
    });
    if (clause < 0) clause = longestColumn(table, r + 1, new Set([...levels, points ?? -1, unit ?? -1, notes ?? -1]));
    if (clause < 0) return null;
    return { header: r, headerTop: r0, levels: levels.filter((c) => c < clause), clause, points, unit, notes, names };
  }
  // No header: the longest column holds the clauses, the columns left of it are levels.
  const clause = longestColumn(table, 0, new Set());
  if (clause < 0) return null;
  const levels = Array.from({ length: clause }, (_, i) => i);
  const right = clause + 1 < width ? clause + 1 : null;
  return { header: -1, headerTop: -1, levels, clause, points: null, unit: right, notes: null, names: Array.from({ length: width }, () => "") };
}

function longestColumn(table: Table, from: number, skip: ReadonlySet<number>): number {
  const width = table.rows[0]?.length ?? 0;
  let best = -1;
  let bestLen = 0;
  for (let c = 0; c < width; c++) {
    if (skip.has(c)) continue;
    let total = 0;
    for (let r = from; r < table.rows.length; r++) total += text(table.rows[r]![c]).length;
    if (total > bestLen) {
      best = c;
      bestLen = total;
    }
  }
  return bestLen > 0 ? best : -1;
}
