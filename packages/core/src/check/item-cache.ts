/**
 * Incremental checking: what the checker found inside one top-level indicator or 加分/减分 section,
 * kept between two checks of the same catalogue so that an edit costs the item it touched, not the
 * whole catalogue.
 *
 * An item's model and its own diagnostics depend only on the item's AST and on its context: its
 * file, its position among the catalogue's items (its id 1, 2 … or S1 …, the numbers of its 择一
 * groups), the declared classes and whether the catalogue is a fragment.  Everything that looks
 * across items — duplicate rule names (KP2002), fact keys equal to another rule's name (KP2030),
 * rankings by another indicator's score, points sums against 总分, rank cycles, fact-key clashes —
 * is a whole-catalogue pass that runs on every check (checker.ts).  An item with a ranking by an
 * indicator's score (resolved across items, which changes its model) is never kept.
 *
 * The cache is keyed by the item's AST object: the editor's incremental parse keeps the objects of
 * the items an edit did not touch (moving their positions in place) and makes a new one for the
 * edited item; a whole parse makes new objects for all.  A kept item whose position moved gets its
 * diagnostics moved with it (an item's text is unchanged, so every offset in it moves by the same
 * amount, lines likewise, and columns only on its first line).
 */
import type * as A from "../ast.js";
import type { Diagnostic } from "../diagnostics.js";
import type * as M from "../model.js";
import type { Position, Span } from "../text/position.js";

/** What checking one top-level item found (see the header). */
export interface ItemCheck {
  /** The item's model (undefined for a header item, which is checked with the header every time). */
  model?: M.IndicatorModel | M.SectionModel;
  /** Its rules with a model, in source order (the catalogue's rule list is their concatenation). */
  rules: M.RuleModel[];
  /** KP2039 on its names. */
  invisible: Diagnostic[];
  /** Found while modelling it. */
  own: Diagnostic[];
  /** Found while deriving its points (indicators). */
  derived: Diagnostic[];
  /** Found while finishing it (rule maxima against points, facts). */
  finished: Diagnostic[];
  /** How many 择一 groups it numbered. */
  choices: number;
}

interface Entry {
  context: string;
  /** The item's start when the diagnostics were made (they are detached copies at these positions). */
  start: Position;
  check: ItemCheck;
}

/** Per-item results of the previous checks of one catalogue (pass the same object to every check of it). */
export class CheckCache {
  private readonly entries = new WeakMap<A.TopItem, Entry>();
  /** Items reused and checked by the last check (for tests and figures). */
  readonly last = { reused: 0, checked: 0 };

  /** The kept result of `item` in `context`, its diagnostics moved to where the item is now. */
  reuse(item: A.TopItem, context: string): ItemCheck | undefined {
    const e = this.entries.get(item);
    if (!e || e.context !== context) return undefined;
    const now = item.span.start;
    if (now.offset !== e.start.offset || now.line !== e.start.line || now.column !== e.start.column) {
      const move = mover(e.start, now);
      const c = e.check;
      e.check = { ...c, invisible: c.invisible.map(move), own: c.own.map(move), derived: c.derived.map(move), finished: c.finished.map(move) };
      e.start = { ...now };
    }
    return e.check;
  }

  /**
   * Keeps what checking `item` found, unless a diagnostic of it reaches outside the item (it would
   * then not move with it).
   */
  store(item: A.TopItem, file: string, context: string, check: ItemCheck): void {
    const { start, end } = item.span;
    const inside = (s: Span) => s.start.offset >= start.offset && s.end.offset <= end.offset;
    const all = [...check.invisible, ...check.own, ...check.derived, ...check.finished];
    const contained = all.every(
      (d) =>
        (d.file ?? file) === file &&
        inside(d.span) &&
        (d.related ?? []).every((r) => r.file === file && inside(r.span)) &&
        (d.fixes ?? []).every((f) => f.edits.every((x) => x.start >= start.offset && x.end <= end.offset)),
    );
    if (!contained) {
      this.entries.delete(item);
      return;
    }
    const copy = mover(start, start);
    const kept: ItemCheck = { ...check, invisible: check.invisible.map(copy), own: check.own.map(copy), derived: check.derived.map(copy), finished: check.finished.map(copy) };
    this.entries.set(item, { context, start: { ...start }, check: kept });
  }
}

/** Copies a diagnostic of an item that started at `from` so that it stands where the item starts at `to`. */
function mover(from: Position, to: Position): (d: Diagnostic) => Diagnostic {
  const dOffset = to.offset - from.offset;
  const dLine = to.line - from.line;
  const dColumn = to.column - from.column;
  const pos = (p: Position): Position => ({ offset: p.offset + dOffset, line: p.line + dLine, column: p.line === from.line ? p.column + dColumn : p.column });
  const span = (s: Span): Span => ({ start: pos(s.start), end: pos(s.end) });
  return (d) => {
    const out: Diagnostic = { ...d, span: span(d.span) };
    if (d.related) out.related = d.related.map((r) => ({ ...r, span: span(r.span) }));
    if (d.fixes) out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((x) => ({ ...x, start: x.start + dOffset, end: x.end + dOffset })) }));
    return out;
  };
}
