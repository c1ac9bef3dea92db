/**
 * Diagnostics as people read them in a terminal, and as JSON for tools.
 *
 *   rules/01.kp:12:7 错误 KP2001 未声明的类别「园区」：请先在根文件中用「类别」声明
 *      12 |   适用 「园区」
 *         |        ^~~~~~
 *     说明：rules/细则.kp:5:1 …
 *     修复建议：…
 *
 * Carets sit under the exact range, counted in display columns (a CJK character is two columns wide),
 * so they line up in any terminal.  A diagnostic about a whole file (an empty range at its start, e.g.
 * KP0001) prints without a frame.  A facts diagnostic may point at a table cell: it is then located
 * by row and column number (`facts.csv:5:3`), as spreadsheet users count.
 */
import { compareText, LineIndex, severityWords as coreSeverityWords, type Diagnostic, type Severity, type Span } from "@kaoping/core";
import { displayWidth } from "../width.js";
import { displayPath, type Colors, type Io } from "../io.js";
import { visible, visibleLines } from "./terminal.js";

/** A cell of a facts table (CSV or Excel): 1-based row and column, and its A1-style name. */
import type { CellRef } from "@kaoping/facts";

export type { CellRef };

/** A diagnostic of the CLI: a core diagnostic, possibly located at a table cell. */
export interface CliDiagnostic extends Diagnostic {
  cell?: CellRef;
}

/** File texts by path, for code frames. */
export type Sources = ReadonlyMap<string, string>;

const severityWords = coreSeverityWords;

/** The Chinese word for a severity. */
export function severityWord(s: Severity): string {
  return severityWords[s];
}

/** True for a diagnostic about a whole file: an empty range at the file's start, and no cell. */
export function isFileLevel(d: CliDiagnostic): boolean {
  return !d.cell && d.span.start.offset === 0 && d.span.end.offset === 0;
}

/** `path:line:col`, `path:row:col` for a cell, or just `path` for a file-level diagnostic. */
export function locationText(io: Io, d: CliDiagnostic): string {
  if (d.file === undefined) return "";
  const file = displayPath(io, d.file);
  if (d.cell) return `${file}:${d.cell.row}:${d.cell.column}`;
  if (isFileLevel(d)) return file;
  return `${file}:${d.span.start.line}:${d.span.start.column}`;
}

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === "error" ? (t) => c.bold(c.red(t)) : s === "warning" ? (t) => c.bold(c.yellow(t)) : s === "info" ? c.blue : c.cyan;
}

/** Formats one diagnostic with its code frame, related information and fix titles. */
export function formatDiagnostic(io: Io, d: CliDiagnostic, sources: Sources, c: Colors): string {
  // File names, messages and source lines can hold control characters: shown, never sent to the terminal.
  const loc = visible(locationText(io, d));
  const head = `${loc ? c.cyan(loc) + " " : ""}${severityColor(c, d.severity)(severityWord(d.severity))} ${c.gray(d.code)} ${visibleLines(d.message)}`;
  const out = [head];
  const text = d.file !== undefined ? sources.get(d.file) : undefined;
  if (text !== undefined && !isFileLevel(d) && !(d.cell && d.cell.sheet !== undefined)) out.push(...codeFrame(text, d.span, c));
  else if (d.cell && d.cell.sheet !== undefined) {
    out.push(`    ${c.gray("|")} 工作表「${visible(d.cell.sheet)}」单元格 ${d.cell.ref}${d.cell.value !== undefined ? `：${d.cell.value === "" ? "（空）" : visible(d.cell.value)}` : ""}`);
  }
  for (const r of d.related ?? []) {
    const rd: CliDiagnostic = { code: "", severity: "info", message: r.message, span: r.span, file: r.file ?? d.file };
    const rl = visible(locationText(io, rd));
    out.push(`  说明：${rl ? c.cyan(rl) + " " : ""}${visibleLines(r.message)}`);
  }
  for (const f of d.fixes ?? []) out.push(`  修复建议：${visibleLines(f.title)}`);
  return out.join("\n");
}

/** Widest a frame line may be before it is cut around the range. */
const MAX_FRAME_CHARS = 120;
/** Most lines a frame shows; longer ranges show their first and last lines. */
const MAX_FRAME_LINES = 6;

const expandTabs = (s: string) => s.replace(/\t/g, "    ");
/** A source line as shown: tabs as spaces, other control characters as escapes (terminal.ts). */
const shown = (s: string) => visible(expandTabs(s));
const width = (s: string) => displayWidth(shown(s));

/**
 * The source lines of a range with `^~~~` under it.  Columns are UTF-16 based in the span and turned
 * into display columns here; very long lines are cut to a window around the range.
 */
export function codeFrame(text: string, span: Span, c: Colors): string[] {
  const index = new LineIndex(text);
  const first = span.start.line;
  let last = span.end.line;
  // A range that ends at the very start of a line does not touch that line.
  if (last > first && span.end.column === 1) last--;
  let lines: number[] = [];
  for (let l = first; l <= last; l++) lines.push(l);
  let elided = false;
  if (lines.length > MAX_FRAME_LINES) {
    lines = [...lines.slice(0, 3), ...lines.slice(-2)];
    elided = true;
  }
  const gutter = String(lines[lines.length - 1]).length;
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (elided && i === 3) out.push(`${" ".repeat(gutter + 2)}${c.gray("⋮")}`);
    let line = index.lineText(l);
    let from = l === first ? span.start.column - 1 : 0;
    let to = l === span.end.line ? span.end.column - 1 : line.length;
    if (to < from) to = from;
    // Keep long lines readable: a window around the range.
    if (line.length > MAX_FRAME_CHARS) {
      const start = Math.max(0, Math.min(from - 40, line.length - MAX_FRAME_CHARS));
      const end = start + MAX_FRAME_CHARS;
      const prefix = start > 0 ? "…" : "";
      line = prefix + line.slice(start, end) + (end < line.length ? "…" : "");
      from = from - start + prefix.length;
      to = Math.min(to, end) - start + prefix.length;
      if (to < from) to = from;
    }
    const pad = " ".repeat(width(line.slice(0, from)));
    const w = Math.max(1, width(line.slice(from, to)));
    const marks = l === first ? "^" + "~".repeat(w - 1) : "~".repeat(w);
    out.push(`${c.gray(String(l).padStart(gutter + 2) + " |")} ${shown(line)}`);
    out.push(`${c.gray(" ".repeat(gutter + 2) + " |")} ${pad}${c.red(marks)}`);
  });
  return out;
}

/** Counts of a list of diagnostics by severity. */
export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diags) n[d.severity]++;
  return n;
}

/** `0 个错误，2 个警告` (提示 and 建议 only when there are some). */
export function countsText(diags: readonly Diagnostic[]): string {
  const n = countBySeverity(diags);
  const parts = [`${n.error} 个错误`, `${n.warning} 个警告`];
  if (n.info > 0) parts.push(`${n.info} 条${coreSeverityWords.info}`);
  if (n.hint > 0) parts.push(`${n.hint} 条${coreSeverityWords.hint}`);
  return parts.join("，");
}

/** Sorts diagnostics for output: by file, then position (cells by row and column), then code. */
export function sortForOutput<T extends CliDiagnostic>(diags: readonly T[]): T[] {
  const line = (d: T) => (d.cell ? d.cell.row : d.span.start.line);
  const col = (d: T) => (d.cell ? d.cell.column : d.span.start.column);
  return [...diags].sort(
    (a, b) =>
      compareText(a.file ?? "", b.file ?? "") ||
      line(a) - line(b) ||
      col(a) - col(b) ||
      a.span.start.offset - b.span.start.offset ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Removes exact duplicates (same file, range, code and message), keeping the first. */
export function dedupe<T extends CliDiagnostic>(diags: readonly T[]): T[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.file}\u0000${d.span.start.offset}\u0000${d.span.end.offset}\u0000${d.code}\u0000${d.message}\u0000${d.cell?.ref ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface JsonPosition {
  line: number;
  column: number;
  offset: number;
}

/** A diagnostic as JSON, fields in a fixed order; paths relative to the working directory. */
export function diagnosticToJson(io: Io, d: CliDiagnostic, sources: Sources): Record<string, unknown> {
  const pos = (p: { line: number; column: number; offset: number }): JsonPosition => ({ line: p.line, column: p.column, offset: p.offset });
  const o: Record<string, unknown> = {
    file: d.file === undefined ? null : displayPath(io, d.file),
    severity: d.severity,
    code: d.code,
    message: d.message,
    start: pos(d.span.start),
    end: pos(d.span.end),
  };
  if (d.cell) {
    const cell: Record<string, unknown> = { row: d.cell.row, column: d.cell.column, ref: d.cell.ref };
    if (d.cell.sheet !== undefined) cell.sheet = d.cell.sheet;
    o.cell = cell;
  }
  if (d.related?.length) {
    o.related = d.related.map((r) => ({
      file: r.file ?? d.file ? displayPath(io, (r.file ?? d.file)!) : null,
      start: pos(r.span.start),
      end: pos(r.span.end),
      message: r.message,
    }));
  }
  if (d.fixes?.length) {
    o.fixes = d.fixes.map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => {
        const file = e.file ?? d.file;
        const text = file !== undefined ? sources.get(file) : undefined;
        const index = text !== undefined ? new LineIndex(text) : undefined;
        return {
          file: file === undefined ? null : displayPath(io, file),
          start: index ? pos(index.position(e.start)) : { offset: e.start },
          end: index ? pos(index.position(e.end)) : { offset: e.end },
          newText: e.newText,
        };
      }),
    }));
  }
  return o;
}
