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
  /** What was recovered and what is doubtful, located. */
  readonly problems: ImportProblem[];
}

export function newItem(name: string, points: string | null, loc: SourceLoc): Item {
  return { name, points, loc, children: [], cells: [], units: [], notes: [] };
}
