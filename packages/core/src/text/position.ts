/**
 * Source positions.  Offsets are UTF-16 code-unit offsets into the file text (what JavaScript strings
 * index by, and what LSP uses by default); lines and columns are 1-based for people.
 */

/** A point in a source file. */
export interface Position {
  /** 0-based UTF-16 offset. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
}

/** A half-open source range: `start` is included, `end` is not. */
export interface Span {
  start: Position;
  end: Position;
}

/** Maps offsets to lines and columns for one text, in O(log n). */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(
    readonly text: string,
    /** The line starts of `text` when already known (see {@link LineIndex.afterEdit}). */
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    scanLines(text, 0, text.length, starts);
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, the text of `prev` with `[start, end)` replaced by `newLength` code units:
   * only the lines the edit touched are scanned (the line starts after it move by the length
   * difference), so an edit of a large file costs its own size.  Equal to `new LineIndex(text)`.
   */
  static afterEdit(prev: LineIndex, text: string, start: number, end: number, newLength: number): LineIndex {
    const old = prev.lineStarts;
    const delta = newLength - (end - start);
    // From the start of the line before the edit's (a \r\n may be split or joined at its start) …
    let l = lineOf(old, Math.max(0, start - 1));
    const from = old[l]!;
    const starts = old.slice(0, l + 1);
    // … to just past it (likewise at its end); the rest of the text is the old one, moved.
    const to = Math.min(text.length, start + newLength + 1);
    scanLines(text, from, to, starts);
    const last = starts[starts.length - 1]!;
    for (l = lineOf(old, Math.max(0, to - delta)); l < old.length; l++) {
      const s = old[l]! + delta;
      if (s > to && s > last) starts.push(s);
    }
    return new LineIndex(text, starts);
  }

  /** The position of an offset (clamped into the text). */
  position(offset: number): Position {
    // Small integers (`| 0`, no Math.min/max, whose results V8 may box): a Position whose fields
    // ever held a boxed number makes every position hold three boxes (~7 MB on 10,000 lines).
    const len = this.text.length;
    const o = (offset < 0 ? 0 : offset > len ? len : offset) | 0;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: (lo + 1) | 0, column: (o - this.lineStarts[lo]! + 1) | 0 };
  }

  /** The span between two offsets. */
  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.lineStarts.length));
    const start = this.lineStarts[l - 1]!;
    const next = l < this.lineStarts.length ? this.lineStarts[l]! : this.text.length;
    return Math.min(start + Math.max(0, column - 1), next);
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Pushes the line starts after the line breaks found in `text[from, to)` (a \r\n at `to - 1` counts whole). */
function scanLines(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

/** The index of the line (in `starts`) holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A span covering both spans. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: a.start.offset <= b.start.offset ? a.start : b.start, end: a.end.offset >= b.end.offset ? a.end : b.end };
}
