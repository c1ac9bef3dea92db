// The recovered indicator tree: what the structure step hands to the writer.
import type { ImportProblem } from "../diagnostics.js";
import type { SourceLoc } from "../model.js";

/** A cell of clause text under an item (split into clauses by the recogniser later). */
export interface ClauseCell {
  readonly text: string;
  readonly loc: SourceLoc;
  /** Points the document gives this cell's row (a points column), if any. */
  readonly points: string | null;
  /**
   * The points the row's own points cell shows (not one merged down several rows), even where they were
   * first taken as the item's: `row-points.ts` settles an item whose rows each show theirs.
   */
  readonly rowPoints?: string | null;
  /** The header of the table column the cell is in, as written (「扣分标准」), when the table has a header. */
  readonly header?: string;
}

export interface Item {
  name: string;
  points: string | null;
  readonly loc: SourceLoc;
  readonly children: Item[];
  readonly cells: ClauseCell[];
  readonly units: string[];
  readonly notes: string[];
}

export interface Structure {
  readonly title: string | null;
  readonly items: Item[];
  /**
   * The document's notes on scoring as a whole, verbatim (「注：…实行累计扣减。」「说明：…」): paragraphs and
   * table rows across the table that open as a note (`notes.ts`).
   */
  readonly notes: readonly string[];
  /** What was recovered and what is doubtful, located. */
  readonly problems: ImportProblem[];
}

export function newItem(name: string, points: string | null, loc: SourceLoc): Item {
  return { name, points, loc, children: [], cells: [], units: [], notes: [] };
}
