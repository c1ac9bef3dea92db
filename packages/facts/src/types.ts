/**
 * What the facts readers produce: units for the scoring module, and a locator that maps a unit and a
 * fact key back to where the user wrote them (a table cell, or a JSON key), so that every problem the
 * module finds is reported at a place in the user's file.
 */
import { diagnostic, LineIndex, type CatalogueMeta, type Diagnostic, type Fix, type MessageCode, type RelatedInformation, type Span, type UnitInput } from "@kaoping/core";

/** A table cell a diagnostic is about. */
export interface CellRef {
  row: number;
  column: number;
  /** e.g. "C5" */
  ref: string;
  /** Excel worksheet name. */
  sheet?: string;
  /** The cell's content as shown (for Excel files, which have no text frame). */
  value?: string;
}

/** A diagnostic about a facts file: a core diagnostic, possibly located at a table cell. */
export interface FactsDiagnostic extends Diagnostic {
  cell?: CellRef;
}

/** Every fact key the catalogue's rules take, in rule order. */
export function factKeys(cat: CatalogueMeta): string[] {
  const own: string[] = [];
  const walk = (list: CatalogueMeta["indicators"]) => {
    for (const i of list) {
      own.push(...(i.facts ?? [])); // 「指标名.未涉及」
      walk(i.children);
    }
  };
  walk(cat.indicators);
  return [...Object.values(cat.rules).flatMap((r) => r.facts), ...own];
}

/** A place in a facts file: a text range, and the table cell when the file is a table. */
export interface FactsLocation {
  span: Span;
  cell?: CellRef;
  /** The file, when the location is in another file than the one a diagnostic is made for (merged facts). */
  file?: string;
}

/** Maps units and fact keys back to where they were written. */
export interface FactsLocator {
  /** The name of the `occurrence`-th unit with this name (0 = first). */
  unit(name: string, occurrence?: number): FactsLocation | undefined;
  /** Where the fact `key` of unit `name` was written. */
  fact(name: string, key: string): FactsLocation | undefined;
  /** Where the classes of unit `name` were written (the class `cls` itself, when it can be told apart). */
  classes(name: string, cls?: string): FactsLocation | undefined;
}

/** A facts file after reading: units, the problems found while reading, and a locator. */
export interface LoadedFacts {
  /** Absolute path. */
  file: string;
  units: UnitInput[];
  diagnostics: FactsDiagnostic[];
  locator: FactsLocator;
  /** The decoded text (CSV, JSON), for code frames; undefined for Excel files. */
  text?: string;
  /** Number of data rows or unit entries read. */
  rows: number;
  /**
   * Fact keys suggested for misnamed columns: their "missing fact" errors (KP4008) are consequences
   * of the misnamed column, already reported once, and are not repeated for every unit.
   */
  suggested?: ReadonlySet<string>;
  /** Facts (`unit + "\u0000" + key`) the reader reported and left out: the module's errors about them are consequences. */
  reported?: ReadonlySet<string>;
  /**
   * Several files merged (loadFactsFiles): each file as read, and the texts of the CSV/JSON ones
   * (for code frames).  Undefined for one file read by loadFacts.
   */
  merged?: MergedFrom;
}

/** What merged facts were merged from. */
export interface MergedFrom {
  files: readonly LoadedFacts[];
  sources: ReadonlyMap<string, string>;
  /** Fact keys and the files that have a column (or a key) for them. */
  columns: ReadonlyMap<string, readonly string[]>;
}

export const emptySpan: Span = new LineIndex("").span(0, 0);

/** A facts diagnostic at a location (file-level when `at` is undefined). */
export function factsDiagnostic(
  file: string,
  code: MessageCode,
  at: FactsLocation | undefined,
  args: (string | number)[],
  extra: { message?: string; related?: RelatedInformation[]; fixes?: Fix[] } = {},
): FactsDiagnostic {
  const d: FactsDiagnostic = diagnostic(code, at?.span ?? emptySpan, args, { file: at?.file ?? file, related: extra.related, fixes: extra.fixes });
  if (extra.message !== undefined) d.message = extra.message;
  if (at?.cell) d.cell = at.cell;
  return d;
}

/** A locator that knows nothing (every problem is then reported for the whole file). */
export const nowhere: FactsLocator = { unit: () => undefined, fact: () => undefined, classes: () => undefined };

/**
 * A facts diagnostic on one line, as the editor lists it: `ok.csv:3:2 KP4003 …`, with the cell
 * (`工作表「事实」单元格 C3`) for an Excel file; `name` is how the file is shown.
 */
export function factsProblemLine(d: FactsDiagnostic, name: string): string {
  let where = name;
  if (d.cell) where += `:${d.cell.row}:${d.cell.column}${d.cell.sheet !== undefined ? `（工作表「${d.cell.sheet}」单元格 ${d.cell.ref}）` : ""}`;
  else if (d.span.end.offset > 0 || d.span.start.offset > 0) where += `:${d.span.start.line}:${d.span.start.column}`;
  return `${where} ${d.code} ${d.message}`;
}
