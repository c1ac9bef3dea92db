/**
 * 「已核对，删去「待核」」: on a rule marked 待核 (warning KP2123: its scoring was written by `kp import`
 * and no person has checked it yet), the quick fix a person applies after checking the scoring
 * against the clause.  It removes the keyword and the blanks before it.  Never preferred — an
 * editor's "auto fix" must not mark a reading checked — and one rule at a time: there is no action
 * that marks every rule checked.
 */
import type { Diagnostic, TextEdit } from "@kaoping/core";
import type { CodeAction } from "./actions.js";
import type { DocContext } from "./project.js";

export const REVIEWED_TITLE = "已核对，删去「待核」";

const blank = (ch: string | undefined) => ch === " " || ch === "\t" || ch === "\u3000";

/**
 * The edit that removes the 待核 at `[start, end)` of `text` with the blanks before it
 * (`「条文」 待核 每次 …` → `「条文」 每次 …`).  A 待核 that starts its line takes the blanks after
 * it instead, and its whole line when nothing else is on it.
 */
export function reviewedEdit(text: string, start: number, end: number): TextEdit {
  let from = start;
  while (from > 0 && blank(text[from - 1])) from--;
  const startsLine = from === 0 || text[from - 1] === "\n" || text[from - 1] === "\r";
  if (!startsLine) return { start: from, end, newText: "" };
  let to = end;
  while (to < text.length && blank(text[to])) to++;
  if (to === text.length || text[to] === "\n" || text[to] === "\r") {
    // nothing else on the line: the line goes, its line break too
    if (text[to] === "\r" && text[to + 1] === "\n") to += 2;
    else if (to < text.length) to++;
    return { start: from, end: to, newText: "" };
  }
  return { start, end: to, newText: "" };
}

/** The 「已核对」 quick fix of each KP2123 warning among `here` (the document's diagnostics at the cursor). */
export function reviewActions(ctx: DocContext, here: readonly Diagnostic[]): CodeAction[] {
  return here
    .filter((d) => d.code === "KP2123" && (d.file ?? ctx.path) === ctx.path && ctx.file.text.slice(d.span.start.offset, d.span.end.offset) === "待核")
    .map((d) => ({
      title: REVIEWED_TITLE,
      kind: "quickfix" as const,
      diagnostic: d,
      edits: new Map([[ctx.path, [{ ...reviewedEdit(ctx.file.text, d.span.start.offset, d.span.end.offset), file: ctx.path }]]]),
      preferred: false,
    }));
}
