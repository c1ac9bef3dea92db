// Items whose rows each show their own points in the points column (session 24, issue 13): rulebook 206's
// shape — 二级 merged down its rows, one requirement per row, 「5」「5」「3」「2」 in the 分值 column.
//
// The table walk takes a row's points as its item's when the item opens in that row and states none (a
// one-row item); when the item's later rows show points of their own, the first row's were the row's too:
// each row keeps its points (the recogniser reads a requirement with none of its own as their award), the
// item's points are their sum (KP5056), and an item that states its points is checked against the sum of
// its rows (KP5057) — never a row's points silently taken for the item's, nor a first row left without.
import { importProblem, type ImportProblem } from "../diagnostics.js";
import { decimalCompare, decimalSum } from "../decimal.js";
import type { Item } from "./tree.js";

export function settleRowPoints(items: readonly Item[], fromRow: ReadonlySet<Item>, problems: ImportProblem[]): void {
  for (const item of items) {
    settleRowPoints(item.children, fromRow, problems);
    if (item.children.length > 0 || item.cells.length < 2) continue;
    const rows = item.cells.map((c) => c.rowPoints ?? null);
    if (rows.some((r) => r === null)) continue;
    const own = rows as string[];
    const sum = decimalSum(own);
    // every row keeps its own points (the first one's were taken as the item's)
    item.cells.splice(0, item.cells.length, ...item.cells.map((c, i) => ({ ...c, points: own[i]! })));
    if (fromRow.has(item)) {
      item.points = sum;
      problems.push(importProblem("KP5056", [item.name, own.join("、"), sum], item.loc));
    } else if (item.points !== null && decimalCompare(item.points, sum) !== 0) {
      problems.push(importProblem("KP5057", [item.name, item.points, own.join("、"), sum], item.loc));
    }
  }
}
