// The document's notes on scoring as a whole (session 28, issue 13): 「注：本项考评市路灯管理处,总分为100分,分项无基准分值,
// 实行累计扣减。」「说明：1.…」 — paragraphs outside the tables, and rows of a table that are one cell across it, that
// open with 注/说明/备注. They are kept verbatim for the recogniser (`ClauseContext.notes`), which takes a direction from
// one only when it states a general rule of one direction (patterns/stated-direction.ts); the structure judges nothing.
import type { Block, Cell } from "../model.js";
import { simplified } from "../variants.js";
import { oneLine } from "./text.js";

/** A note's opening word with its colon (「注：」「说明:」「(注)」「备注：」「附注：」). */
const NOTE_OPENING = /^[（(]?(?:注|说明|备注|附注|注意)[）)]?\s*[:：]/;
/** A note's heading alone on its line (「说明」「注：」): the lines after it are the note, up to the next table. */
const NOTE_HEADING = /^[（(]?(?:注|说明|备注|附注)[）)]?\s*[:：]?$/;

/** Whether a text opens as a note (in simplified characters: 「註：」「說明：」 too). */
export function opensNote(text: string): boolean {
  return NOTE_OPENING.test(simplified(oneLine(text)).trim());
}

/** A table row that is one cell across the table opening as a note, or null. */
export function noteRow(cells: readonly (Cell | null)[]): string | null {
  const present = cells.filter((c): c is Cell => c !== null);
  if (present.length === 0 || present.some((c) => c !== present[0])) return null;
  const text = oneLine(present[0]!.text).trim();
  return opensNote(text) ? text : null;
}

/** The document's note paragraphs, verbatim (one line each): those opening as a note, and the lines after a note's heading. */
export function documentNotes(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  let underHeading = false;
  for (const b of blocks) {
    if (b.kind === "table") {
      underHeading = false;
      continue;
    }
    const text = oneLine(b.text).trim();
    if (text === "") continue;
    if (NOTE_HEADING.test(simplified(text))) {
      underHeading = true;
      continue;
    }
    if (underHeading || opensNote(text)) out.push(text);
  }
  return out;
}
