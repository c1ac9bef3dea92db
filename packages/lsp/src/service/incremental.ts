/**
 * Incremental re-parsing for large files: when an edit lies strictly inside one top-level item (an
 * indicator, a header line …) of a file that parsed without errors, only that item is parsed again
 * and the rest of the previous parse is moved by the edit's length.  Parsing a 10,000-line file
 * takes ~200 ms; one item, a millisecond.
 *
 * Nothing after the edited item is copied: its AST nodes, comments and tokens are the previous
 * parse's objects, their positions moved in place (a walk that allocates nothing, instead of a deep
 * copy per keystroke, which the garbage collector then had to reclaim).  The previous parse is
 * therefore spent: its items after the edit now carry the new positions.  The project replaces it
 * on every edit; what outlives it (lint findings carried onto the new text) holds copies of its
 * spans (see project.ts), never the AST's own.
 *
 * It is only used where it gives exactly what a full parse gives: the previous parse has no
 * errors, the edited item parses on its own without errors into one item of the same kind that
 * spans its whole text.  A top-level item's extent is then decided by its own tokens (braces, or a
 * fixed shape), so the items before and after it parse as before.  Anything else: undefined, and
 * the caller parses the whole file.  (packages/lsp/test/incremental.test.ts checks the equality on
 * thousands of random edits.)
 */
import { LineIndex, parseKp, type Diagnostic, type LoadedFile, type ParseResult, type Position, type Span } from "@kaoping/core";
import type * as A from "@kaoping/core";
import { minimalEdit } from "./format.js";
import type { Token } from "./tokens.js";

/** Files smaller than this are always parsed whole (it is fast enough). */
export const INCREMENTAL_MIN_CHARS = 20_000;

/** The parse of `text`, reusing `prev` (the parse of the previous text of the same file) when it can. */
export function reparse(prev: LoadedFile, text: string): ParseResult | undefined {
  if (text.length < INCREMENTAL_MIN_CHARS) return undefined;
  const edit = minimalEdit(prev.text, text);
  if (!edit) return prev.parsed;
  const items = prev.parsed.ast.items;
  const idx = items.findIndex((it) => it.span.start.offset < edit.start && edit.end < it.span.end.offset);
  if (idx < 0) return undefined;
  const old = items[idx]!;
  // Errors elsewhere may have decided where the items around them end: parse the whole file.
  if (prev.parsed.diagnostics.some((d) => d.severity === "error" && !(d.span.start.offset >= old.span.start.offset && d.span.end.offset <= old.span.end.offset)))
    return undefined;
  const delta = edit.newText.length - (edit.end - edit.start);
  const base = old.span.start.offset;
  const part = copied(text.slice(base, old.span.end.offset + delta));
  if (part.includes("\uFEFF")) return undefined;
  const sub = parseKp(part, prev.path);
  // A broken item is parsed with the whole file: where error recovery ends it depends on what
  // follows (e.g. 指标 typed inside an indicator), so its own parse could differ from the file's.
  if (sub.diagnostics.some((d) => d.severity === "error")) return undefined;
  const item = sub.ast.items[0];
  if (sub.ast.items.length !== 1 || !item || item.kind !== old.kind) return undefined;
  if (item.span.start.offset !== 0 || item.span.end.offset !== part.length) return undefined;

  const lines = LineIndex.afterEdit(prev.parsed.lines, text, edit.start, edit.end, edit.newText.length);
  const after = old.span.end.offset; // offsets ≥ this move by delta
  const moveOld = (o: number) => (o >= after ? o + delta : o);
  const fromSub = (o: number) => o + base;
  // Positions after the edit move by whole lines, and those on the line where the edit ended also
  // by columns: O(1) each, no search.
  const oldEnd = prev.parsed.lines.position(edit.end);
  const newEnd = lines.position(edit.start + edit.newText.length);
  const lineDelta = newEnd.line - oldEnd.line;
  const colShift = newEnd.column - oldEnd.column;
  const movePos = (p: Position): Position => ({
    offset: p.offset + delta,
    line: p.line + lineDelta,
    column: p.line === oldEnd.line ? p.column + colShift : p.column,
  });
  const spanOld = (s: Span): Span =>
    s.end.offset <= base ? s : { start: s.start.offset >= after ? movePos(s.start) : s.start, end: movePos(s.end) };
  const spanSub = (s: Span): Span => lines.span(fromSub(s.start.offset), fromSub(s.end.offset));
  // In place (see the header): every position of the items after the edit lies after it.
  const movePosInPlace = (p: Position): void => {
    if (p.line === oldEnd.line) p.column += colShift;
    p.offset += delta;
    p.line += lineDelta;
  };
  const moveSpanInPlace = (s: Span): void => {
    movePosInPlace(s.start);
    movePosInPlace(s.end);
  };
  const moveTokenInPlace = (t: Token): Token => {
    const sl = t.startLine ?? 0;
    const el = t.endLine ?? 0;
    t.startOffset += delta;
    t.endOffset = (t.endOffset ?? t.startOffset - delta) + delta;
    t.startLine = sl + lineDelta;
    t.endLine = el + lineDelta;
    t.startColumn = (t.startColumn ?? 0) + (sl === oldEnd.line ? colShift : 0);
    t.endColumn = (t.endColumn ?? 0) + (el === oldEnd.line ? colShift : 0);
    return t;
  };
  // Tokens serve highlighting, hover and completion, not diagnostics: they are moved when first
  // asked for (the server asks once the diagnostics are out), off the keystroke's critical path.
  const prevLazy = lazyOf(prev.parsed);
  // The previous version's list is spent like its AST: the edited item's tokens are replaced in it
  // and those after moved, in place (a new list per keystroke, ~40,000 entries on 10,000 lines, was
  // garbage the next keystroke's collection had to sweep).
  const merge = (old: () => Token[], fresh: Token[]) => () => {
    const all = old();
    const from = firstStartingAt(all, base, 0);
    const to = firstStartingAt(all, after, from);
    for (let i = to; i < all.length; i++) moveTokenInPlace(all[i]!);
    const shifted = fresh.map((t) => shiftToken(t, fromSub, lines));
    if (shifted.length <= SPLICE_MAX) all.splice(from, to - from, ...shifted);
    else return [...all.slice(0, from), ...shifted, ...all.slice(to)];
    return all;
  };
  const tokens = new Lazy(merge(prevLazy.tokens.get, sub.tokens), prevLazy.tokens);
  const comments = new Lazy(merge(prevLazy.comments.get, sub.comments), prevLazy.comments);
  // Copies first (diagnostics are few, and may share spans with the AST), then the moves in place.
  const diagnostics = [
    ...prev.parsed.diagnostics.filter((d) => d.span.start.offset < base),
    ...sub.diagnostics.map((d) => shiftDiagnostic(d, spanSub, fromSub)),
    ...prev.parsed.diagnostics.filter((d) => d.span.start.offset >= after).map((d) => shiftDiagnostic(d, spanOld, moveOld)),
  ];
  const astComments: A.Comment[] = [];
  for (const c of prev.parsed.ast.comments) if (c.span.start.offset < base) astComments.push(c);
  for (const c of sub.ast.comments) astComments.push({ ...c, span: spanSub(c.span) });
  for (const c of prev.parsed.ast.comments) {
    if (c.span.start.offset < after) continue;
    moveSpanInPlace(c.span);
    astComments.push(c);
  }
  const newItems = items.slice();
  newItems[idx] = shiftNode(item, spanSub) as A.TopItem;
  for (let i = idx + 1; i < items.length; i++) for (const s of spansOf(items[i]!)) moveSpanInPlace(s);
  const ast: A.KpFile = { ...prev.parsed.ast, items: newItems, comments: astComments, span: lines.span(0, text.length) };
  const result = { ast, diagnostics, lines } as ParseResult;
  Object.defineProperty(result, "tokens", { get: tokens.get, enumerable: true });
  Object.defineProperty(result, "comments", { get: comments.get, enumerable: true });
  lazies.set(result, { tokens, comments });
  edited.set(result, idx);
  return result;
}

/** Tokens spliced in as arguments at most (beyond, the list is rebuilt: arguments are bounded). */
const SPLICE_MAX = 10_000;

/** The index of the first token of `tokens` (in source order) starting at or after `offset`, searching from `lo`. */
function firstStartingAt(tokens: readonly Token[], offset: number, lo: number): number {
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A string with its own characters.  A slice of a long string refers to the whole of it, and so
 * does every name, text and token image parsed from the slice: the item would keep this version of
 * the file alive until it is edited again (up to one version per item: tens of MB on 10,000 lines).
 */
function copied(s: string): string {
  return (" " + s).slice(1); // the concatenation is flattened into a new string, then sliced
}

/** The index of the top-level item a re-parse parsed again, by result. */
const edited = new WeakMap<ParseResult, number>();

/**
 * The top-level item of `p` that an incremental re-parse parsed again (the item the edit lay in);
 * undefined for a full parse.  The editor lints that item at once (the rest when typing pauses).
 */
export function editedItem(p: ParseResult): A.TopItem | undefined {
  const i = edited.get(p);
  return i === undefined ? undefined : p.ast.items[i];
}

/** A token list computed on first use from the previous version's (which is then released). */
class Lazy {
  private value: Token[] | undefined;
  private compute: (() => Token[]) | undefined;
  /** How many unevaluated versions this one stands on (each adds one pass over the tokens). */
  readonly depth: number;

  constructor(compute: () => Token[], prev?: Lazy) {
    this.compute = compute;
    this.depth = prev && !prev.done ? prev.depth + 1 : 1;
    // Bound the chain while nobody asks for tokens: settle the previous version now.
    if (prev && this.depth > MAX_LAZY_DEPTH) {
      prev.get();
      this.depth = 1;
    }
  }

  /** An already computed list (a full parse's). */
  static of(value: Token[]): Lazy {
    const l = new Lazy(() => value);
    l.value = value;
    l.compute = undefined;
    return l;
  }

  get done(): boolean {
    return this.value !== undefined;
  }

  readonly get = (): Token[] => {
    if (this.value === undefined) {
      this.value = this.compute!();
      this.compute = undefined;
    }
    return this.value;
  };
}

const MAX_LAZY_DEPTH = 4;
const lazies = new WeakMap<ParseResult, { tokens: Lazy; comments: Lazy }>();

function lazyOf(p: ParseResult): { tokens: Lazy; comments: Lazy } {
  return lazies.get(p) ?? { tokens: Lazy.of(p.tokens), comments: Lazy.of(p.comments) };
}

/** Computes the tokens a re-parse deferred (the server calls it when the diagnostics are out). */
export function settleTokens(p: ParseResult): void {
  const l = lazies.get(p);
  if (l) {
    l.tokens.get();
    l.comments.get();
  }
}

/** A deep copy of an AST node with every span mapped (spread copies keep the nodes' shapes). */
function shiftNode<T extends A.Node>(node: T, map: (s: Span) => Span): T {
  const out = { ...node } as Record<string, unknown>;
  for (const k in out) {
    const v = out[k];
    if (typeof v !== "object" || v === null) continue;
    if (k === "span") out[k] = map(v as Span);
    else if (Array.isArray(v)) {
      if (v.length > 0) out[k] = v.map((x) => (x && typeof x === "object" && "kind" in x ? shiftNode(x as A.Node, map) : x));
    } else if ("kind" in v && "span" in v) out[k] = shiftNode(v as A.Node, map);
  }
  return out as T;
}

/**
 * Every span of a top-level item, in the order {@link moveNodeInPlace} meets them, listed on its
 * first move: the items after an edit move on every keystroke, and a loop over a list is several
 * times faster than the generic walk over each node's keys (an item keeps its span objects while it
 * is moved; a re-parsed item is a new object with a list of its own).
 */
const itemSpans = new WeakMap<A.TopItem, Span[]>();

function spansOf(item: A.TopItem): Span[] {
  let list = itemSpans.get(item);
  if (!list) {
    const out: Span[] = [];
    moveNodeInPlace(item, (s) => void out.push(s));
    itemSpans.set(item, (list = out));
  }
  return list;
}

/** Moves every span of an AST node in place (the walk of {@link shiftNode}, allocating nothing). */
function moveNodeInPlace(node: A.Node, move: (s: Span) => void): void {
  const n = node as unknown as Record<string, unknown>;
  for (const k in n) {
    const v = n[k];
    if (typeof v !== "object" || v === null) continue;
    if (k === "span") move(v as Span);
    else if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) moveNodeInPlace(x as A.Node, move);
    } else if ("kind" in v && "span" in v) moveNodeInPlace(v as A.Node, move);
  }
}

function shiftToken(t: Token, map: (o: number) => number, lines: LineIndex): Token {
  const start = map(t.startOffset);
  const end = start + t.image.length - 1;
  const s = lines.position(start);
  const e = lines.position(Math.max(start, end));
  return { ...t, startOffset: start, endOffset: end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

function shiftDiagnostic(d: Diagnostic, span: (s: Span) => Span, offset: (o: number) => number): Diagnostic {
  const out: Diagnostic = { ...d, span: span(d.span) };
  if (d.fixes)
    out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: offset(e.start), end: offset(e.end) })) }));
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: span(r.span) }));
  return out;
}
