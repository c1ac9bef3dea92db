/**
 * JSON Lines facts files (.jsonl): one unit `{ "name", "classes"?, "facts" }` per line, the shape of
 * one element of a JSON facts file, read by the same reader (json.ts: numbers from their text,
 * exactly; keys written twice, invisible characters, names repeated — the same codes at the same
 * places).  Blank lines are skipped.
 *
 * Read whole (loadFacts): each line is first parsed on its own, so that a line that is not one JSON
 * value — a syntax error (KP4013), two values or a unit broken over two lines (KP4101) — is reported
 * at that line and the other lines are still checked; the good lines are then read together as one
 * JSON array (a `[` before the first line, a `,` at the end of each line but the last), whose
 * positions are mapped back to the file: lines are unchanged, the first line's columns shift by one.
 */
import { LineIndex, type Position, type Span, type UnitInput } from "@kaoping/core";
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { readJson, syntaxMessage, type KeysByName } from "./json.js";
import { factsDiagnostic, type FactsDiagnostic, type FactsLocation, type FactsLocator } from "./types.js";

/** One line of a JSON Lines text: where it starts and its text without the line break. */
interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const index = new LineIndex(text);
  return index.lineStarts.map((start, i) => ({ start, text: index.lineText(i + 1) }));
}

/** Why one line is not one JSON value (its KP code, message and offset in the line), or undefined. */
export function jsonlLineProblem(line: string): { code: "KP4013" | "KP4101"; what: string; at: number; length: number } | undefined {
  const errors: ParseError[] = [];
  parseTree(line, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const name = printParseErrorCode(first.error);
  // more after the value on the line (two units), or a value not closed on its line (a unit broken over lines)
  const unclosed = (name === "CloseBraceExpected" || name === "CloseBracketExpected" || name === "ValueExpected" || name === "PropertyNameExpected" || name === "ColonExpected") && first.offset >= line.trimEnd().length;
  if (name === "EndOfFileExpected") return { code: "KP4101", what: "这一行在一个单位之后还有内容（每行只能写一个单位）", at: first.offset, length: first.length };
  if (unclosed) return { code: "KP4101", what: "这一行的单位没有在行末写完（一个单位不能分写在几行）", at: first.offset, length: first.length };
  return { code: "KP4013", what: syntaxMessage(name), at: first.offset, length: first.length };
}

/** Reads a JSON Lines facts text (already decoded): the same result as readJson's. */
export function readJsonl(
  file: string,
  text: string,
  keys: KeysByName = new Map(),
  perItem: ReadonlySet<string> = new Set(),
): ReturnType<typeof readJson> {
  const index = new LineIndex(text);
  const lines = linesOf(text);
  const diagnostics: FactsDiagnostic[] = [];
  const good: boolean[] = lines.map((l) => {
    if (l.text.trim() === "") return false;
    const p = jsonlLineProblem(l.text);
    if (!p) return true;
    const at = l.start + Math.min(p.at, l.text.length);
    diagnostics.push(factsDiagnostic(file, p.code, { span: index.span(at, Math.min(at + Math.max(p.length, 1), l.start + l.text.length)) }, [p.what]));
    return false;
  });
  const last = good.lastIndexOf(true);
  // The good lines as one JSON array, line for line (bad and blank lines as spaces).
  const parts: string[] = ["["];
  lines.forEach((l, i) => {
    parts.push(good[i] ? l.text : " ".repeat(l.text.length));
    if (good[i] && i < last) parts.push(",");
    if (i < lines.length - 1) parts.push("\n");
  });
  parts.push("]");
  const r = readJson(file, parts.join(""), keys, perItem);
  // Positions in the array text → the file: the same line; on the first line one column less.
  const back = (p: Position): Position => {
    const column = p.line === 1 ? Math.max(1, p.column - 1) : p.column;
    return index.position(index.offsetAt(p.line, column));
  };
  const span = (s: Span): Span => ({ start: back(s.start), end: back(s.end) });
  const location = (l: FactsLocation | undefined): FactsLocation | undefined => (l ? { ...l, span: span(l.span) } : undefined);
  for (const d of r.diagnostics) {
    d.span = span(d.span);
    for (const rel of d.related ?? []) if (rel.file === file) rel.span = span(rel.span);
    diagnostics.push(d);
  }
  const locator: FactsLocator = {
    unit: (name, occurrence) => location(r.locator.unit(name, occurrence)),
    fact: (name, key) => location(r.locator.fact(name, key)),
    classes: (name, cls) => location(r.locator.classes(name, cls)),
  };
  return { units: r.units as UnitInput[], diagnostics, locator, rows: r.rows, reported: r.reported };
}
