/**
 * A model node as the writer wrote it: its source text with comments dropped and whitespace
 * collapsed to single spaces, so that a diff speaks in the catalogue's own words.
 */
import type { Span } from "../text/position.js";

/** Texts of a catalogue's files by path (an Analysis's files). */
export type SourceTexts = ReadonlyMap<string, string>;

/** The words of `span` in `file`, or "" when the text is not at hand. */
export function wordsAt(texts: SourceTexts, file: string, span: Span | undefined): string {
  if (!span) return "";
  const text = texts.get(file);
  if (text === undefined) return "";
  return text
    .slice(span.start.offset, span.end.offset)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/(^|\s)\/\/.*$/, "$1"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
