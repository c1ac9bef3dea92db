/**
 * The ranking of `kp score`: a terminal table (cli-table3; CJK characters count two columns), CSV or
 * JSON.  Scores are printed exactly as the module returns them — decimal strings, never converted
 * to floating point.
 */
import Table from "cli-table3";
import { displayWidth } from "../width.js";
import type { Colors } from "../io.js";
import type { CatalogueMeta, UnitResult } from "../module.js";
import { csvField } from "./spreadsheet.js";
import { visible } from "./terminal.js";

/** One column of the ranking. */
export interface RankingColumn {
  /** Full header (CSV). */
  header: string;
  /** Header for the terminal table (names shortened, points on a second line). */
  tableHeader: string;
  numeric: boolean;
  value(r: UnitResult): string;
}

/** Longest indicator name a table header keeps, in display columns. */
const HEADER_WIDTH = 12;

/** Shortens a text to `max` display columns, ending with "…" when cut. */
export function shorten(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

const vetoWord = (level: string) => (level === "fail" ? "一票否决" : "一票否优");

/** The columns of a ranking for this catalogue and these results. */
export function rankingColumns(cat: CatalogueMeta, results: readonly UnitResult[], vetoes = results.some((r) => r.vetoes.length > 0)): RankingColumn[] {
  const cols: RankingColumn[] = [
    { header: "名次", tableHeader: "名次", numeric: true, value: (r) => String(r.rank) },
    { header: "单位", tableHeader: "单位", numeric: false, value: (r) => r.unit },
    { header: "总分", tableHeader: "总分", numeric: true, value: (r) => r.total },
  ];
  cat.indicators.forEach((ind, i) => {
    // points that differ by class: 「5分，其他县 3分」 (each unit's own are in its results)
    const points = `${ind.points}分${(ind.classPoints ?? []).map((cp) => `，${cp.unitClass} ${cp.points}分`).join("")}`;
    cols.push({
      header: `${ind.name}（${points}）`,
      tableHeader: `${shorten(visible(ind.name), HEADER_WIDTH)}\n${points}`,
      numeric: true,
      value: (r) => r.indicators?.[i]?.score ?? "",
    });
  });
  if (cat.bonuses.length > 0) cols.push({ header: "加分", tableHeader: "加分", numeric: true, value: (r) => r.bonus ?? "" });
  if (cat.penalties.length > 0) cols.push({ header: "减分", tableHeader: "减分", numeric: true, value: (r) => r.penalty ?? "" });
  if (cat.grades.length > 0) cols.push({ header: "等次", tableHeader: "等次", numeric: false, value: (r) => r.grade ?? "" });
  if (vetoes) {
    cols.push({
      header: "否决",
      tableHeader: "否决",
      numeric: false,
      value: (r) => r.vetoes.map((v) => `${vetoWord(v.level)}（${v.rule}）`).join("；"),
    });
  }
  return cols;
}

/** Above this many rows, rows are laid out here rather than by cli-table3 (too slow for 10⁵ rows). */
const CLI_TABLE_MAX_ROWS = 1000;

/**
 * The ranking as a terminal table.  `onRow` is called after each row (for progress).  `layout`
 * chooses who lays out the rows (tests compare both); by default cli-table3 up to 1000 rows.
 */
export function rankingTable(
  cat: CatalogueMeta,
  results: readonly UnitResult[],
  c: Colors,
  onRow?: () => void,
  layout: "auto" | "cli-table3" | "fast" = "auto",
): string {
  const cols = rankingColumns(cat, results);
  const head = cols.map((col) => c.bold(col.tableHeader));
  const colAligns = cols.map((col) => (col.numeric ? ("right" as const) : ("left" as const)));
  const style = { head: [], border: [], compact: true };
  // Names come from the user's files: control characters are shown, before widths are measured.
  const rows = results.map((r) => cols.map((col) => visible(col.value(r))));
  const title = `${visible(cat.title)}${cat.year ? `（${visible(cat.year)}）` : ""}：${results.length} 个单位`;
  if (layout === "cli-table3" || (layout === "auto" && rows.length <= CLI_TABLE_MAX_ROWS)) {
    const table = new Table({ head, colAligns, style });
    for (const row of rows) {
      table.push(row);
      onRow?.();
    }
    return `${c.bold(title)}\n${table.toString()}\n`;
  }
  // cli-table3 draws the frame (header, borders) with the widths computed here; the rows are
  // written the way it writes them: │ cell │ with one space of padding.
  const inner = cols.map((col, i) => {
    let w = Math.max(...col.tableHeader.split("\n").map(displayWidth));
    for (const r of rows) w = Math.max(w, displayWidth(r[i]!));
    return w;
  });
  const frame = new Table({ head, colAligns, colWidths: inner.map((w) => w + 2), style });
  if (rows[0]) frame.push(rows[0]);
  const lines = frame.toString().split("\n");
  const bottom = lines.pop()!;
  lines.pop(); // the first row, written below like the others
  const out = [c.bold(title), ...lines];
  for (const row of rows) {
    const cells = row.map((v, i) => {
      const pad = " ".repeat(inner[i]! - displayWidth(v));
      return colAligns[i] === "right" ? ` ${pad}${v} ` : ` ${v}${pad} `;
    });
    out.push(`│${cells.join("│")}│`);
    onRow?.();
  }
  out.push(bottom);
  return out.join("\n") + "\n";
}

/**
 * The ranking as CSV (header row, then one row per unit; `\n` line ends), for spreadsheets: a text
 * that would start a formula is neutralised (report/spreadsheet.ts).
 */
export function rankingCsv(cat: CatalogueMeta, results: readonly UnitResult[], onRow?: () => void): string {
  const cols = rankingColumns(cat, results);
  const lines = [cols.map((col) => csvField(col.header)).join(",")];
  for (const r of results) {
    lines.push(cols.map((col) => csvField(col.value(r), col.numeric)).join(","));
    onRow?.();
  }
  return lines.join("\n") + "\n";
}

/** The ranking as JSON: the module's results, as they are. */
export function rankingJson(results: readonly UnitResult[]): string {
  return JSON.stringify(results, null, 2) + "\n";
}
