/**
 * Document and range formatting through the Prettier plugin (injected as a function, so the
 * service does not load Prettier until someone formats).  A file with syntax errors is never
 * rewritten: no edits.
 */
import type { LoadedFile, TextEdit } from "@kaoping/core";

/** The formatter's signature (prettier-plugin-kp's `formatKp`). */
export type Formatter = (
  text: string,
  options: { filepath: string; printWidth?: number; tabWidth?: number; useTabs?: boolean; rangeStart?: number; rangeEnd?: number },
) => Promise<string>;

/** Options of {@link formatEdits}. */
export interface FormatRequest {
  printWidth?: number;
  tabWidth?: number;
  useTabs?: boolean;
  /** Format only this range (offsets); the whole file when absent. */
  range?: { start: number; end: number };
}

/**
 * Why a file cannot be formatted, as the writer should read it (undefined when it can): formatting
 * that does nothing without a word looks broken.
 */
export function formatRefusal(file: LoadedFile): string | undefined {
  const errors = file.parsed.diagnostics.filter((d) => d.severity === "error");
  const first = errors[0];
  if (!first) return undefined;
  const where = `第 ${first.span.start.line} 行第 ${first.span.start.column} 列：${first.code} ${first.message}`;
  const count = errors.length > 1 ? `${errors.length} 处语法错误，第一处在` : "语法错误，在";
  return `无法格式化：文件有${count}${where}。改正后再格式化（有语法错误的文件不会被改写）。`;
}

/** The edits that format a file (at most one, covering what changed); none on syntax errors. */
export async function formatEdits(file: LoadedFile, format: Formatter, request: FormatRequest = {}): Promise<TextEdit[]> {
  if (file.parsed.diagnostics.some((d) => d.severity === "error")) return [];
  const options: Parameters<Formatter>[1] = { filepath: file.path };
  if (request.printWidth !== undefined) options.printWidth = request.printWidth;
  if (request.tabWidth !== undefined) options.tabWidth = request.tabWidth;
  if (request.useTabs !== undefined) options.useTabs = request.useTabs;
  if (request.range) {
    options.rangeStart = request.range.start;
    options.rangeEnd = request.range.end;
  }
  let formatted: string;
  try {
    formatted = await format(file.text, options);
  } catch (e) {
    // KpSyntaxError carries the diagnostics: the file is not valid, so it is left alone.
    if (e && typeof e === "object" && "diagnostics" in e) return [];
    throw e;
  }
  const edit = minimalEdit(file.text, formatted);
  return edit ? [edit] : [];
}

/** One edit turning `before` into `after`: the differing middle (undefined when equal). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  // The re-parse and the lint carried over ask for the same pair of a large file's versions.
  if (before === last.before && after === last.after) return last.edit && { ...last.edit };
  const edit = computeEdit(before, after);
  last = { before, after, edit };
  return edit && { ...edit };
}

/** The last pair asked for (two texts held: the document's current and previous versions). */
let last: { before: string; after: string; edit: TextEdit | undefined } = { before: "", after: "", edit: undefined };

function computeEdit(before: string, after: string): TextEdit | undefined {
  const max = Math.min(before.length, after.length);
  // The common head and tail by halving: V8 compares two substrings natively, several times faster
  // than a loop over their characters (a keystroke in a 10,000-line file compares ~400,000 of them).
  let start = 0;
  let hi = max;
  while (start < hi) {
    const mid = (start + hi + 1) >>> 1;
    if (before.slice(start, mid) === after.slice(start, mid)) start = mid;
    else hi = mid - 1;
  }
  let tail = 0;
  hi = max - start;
  while (tail < hi) {
    const mid = (tail + hi + 1) >>> 1;
    if (before.slice(before.length - mid, before.length - tail) === after.slice(after.length - mid, after.length - tail)) tail = mid;
    else hi = mid - 1;
  }
  let endB = before.length - tail;
  let endA = after.length - tail;
  // Never cut a surrogate pair in two.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  if (endB < before.length && isLowSurrogate(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
