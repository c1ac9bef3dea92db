// The neutral document model every reader produces: tables (a grid of cells with their spans) and
// paragraphs, each located in the source (file + sheet/table + row/col, or line).

/** Where a piece of the document came from. */
export interface SourceLoc {
  readonly file: string;
  /** A worksheet's name (.xlsx). */
  readonly sheet?: string;
  /** The table's number in the document, from 1 (.docx, .html, text). */
  readonly table?: number;
  /** Row and column in the table or sheet, from 1. */
  readonly row?: number;
  readonly col?: number;
  /** Line in a text file, from 1; paragraph number in a .docx. */
  readonly line?: number;
  readonly paragraph?: number;
}

/** One cell of a table: its text and the slots it covers. */
export interface Cell {
  readonly text: string;
  /** Top-left slot of the cell, from 0. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly loc: SourceLoc;
}

/**
 * A table as a full grid: `rows[r][c]` is the cell covering slot (r, c) — a merged cell is the same
 * object in every slot it covers — or null where the source has no cell.
 */
export interface Table {
  readonly kind: "table";
  readonly index: number;
  readonly name?: string;
  readonly rows: readonly (readonly (Cell | null)[])[];
  /** Rows preceded by a break in the source (a blank line inside a text table: a page break). */
  readonly breaksBefore: ReadonlySet<number>;
  /** Whether empty cells continue the cell above (text tables, which cannot express merges). */
  readonly emptyContinues: boolean;
}

export interface Paragraph {
  readonly kind: "paragraph";
  readonly text: string;
  /** Level of a numbered list item (.docx numbering), from 0; absent for plain paragraphs. */
  readonly listLevel?: number;
  readonly loc: SourceLoc;
}

export type Block = Table | Paragraph;

export type SourceFormat = "docx" | "xlsx" | "html" | "text";

export interface ReadDocument {
  readonly file: string;
  readonly format: SourceFormat;
  readonly blocks: readonly Block[];
}
