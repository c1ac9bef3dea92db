/**
 * Text from the user's files (unit, column, rule and file names, clauses, source lines) shown in a
 * terminal: control characters are made visible instead of reaching the terminal, where an ESC
 * sequence could recolour, hide or rewrite what is shown, move the cursor or retitle the window,
 * and a bidi control could reorder a line.  Our own colour codes are added after this, so they work.
 * JSON and CSV outputs are data and keep the text exact (JSON escapes C0 controls itself).
 */

/**
 * C0 controls, DEL, C1 controls, and the bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI).  Tab and
 * line feed included: in a name or a table cell they would break the layout.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** How a control character is shown: `\x1b`, `\t`, `\u202e` (ASCII, one column per character). */
function escapeControl(c: string): string {
  const n = c.charCodeAt(0);
  if (c === "\t") return "\\t";
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}

/** A one-line text (a name, a cell, a path) with every control character shown as an escape. */
export function visible(text: string): string {
  return text.replace(CONTROLS, escapeControl);
}

/** A message of several lines: line feeds kept, every other control character shown as an escape. */
export function visibleLines(text: string): string {
  return text.replace(CONTROLS_BUT_NEWLINE, escapeControl);
}
