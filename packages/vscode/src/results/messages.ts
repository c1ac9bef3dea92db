/**
 * The shapes that cross the results view's two boundaries:
 * - the server's answers to `kp/score` and `kp/explain` (packages/lsp/src/service/commands.ts; the
 *   places translated to LSP locations by server.ts), as the extension receives them;
 * - the messages between the extension and the webview (`postMessage` both ways).
 *
 * The webview never names a file: it asks to open a rule or an indicator by its key, and the
 * extension looks the place up in the answer it holds.
 */
import type { CatalogueMeta, UnitResult } from "@kaoping/core";

/** What the server answers when a command cannot run (in Chinese). */
export interface CommandError {
  ok: false;
  message: string;
  details: string[];
}

export type Outcome<T> = ({ ok: true } & T) | CommandError;

/** An LSP location: where a name is written (0-based lines and UTF-16 characters). */
export interface Place {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Where the rules (by name) and the indicators and sections (by id: "1.2", "S1") are written. */
export interface Places {
  rules: Record<string, Place>;
  indicators: Record<string, Place>;
}

/** `kp/score`'s answer. */
export interface ScoreAnswer {
  title: string;
  results: UnitResult[];
  /** The ranking as text (shown by clients without a results view). */
  text: string;
  catalogue: CatalogueMeta;
  places: Places;
  /** The facts reader's warnings and infos, one a line. */
  notes: string[];
  /** The rules scored as written although marked 待核 (a scoring the importer wrote, not yet checked): absent when none. */
  review?: ReviewNote;
}

/** How many rules are still marked 待核, and the sentence that says so (Chinese; packages/lsp/src/service/review-note.ts). */
export interface ReviewNote {
  count: number;
  message: string;
}

/** `kp/explain`'s answer. */
export interface ExplainAnswer {
  result: UnitResult;
  text: string;
  /** How many units were ranked. */
  count: number;
  catalogue: CatalogueMeta;
  places: Places;
  /** The unit's facts the trace names, as read. */
  inputs: Record<string, unknown>;
}

/** What may be opened in the editor from the results view. */
export type PlaceKind = "rule" | "indicator";

/** Extension → webview. */
export type ToWebview =
  | { type: "ranking"; html: string }
  | { type: "explain"; html: string; unit: string }
  | { type: "busy"; text: string }
  | { type: "error"; html: string };

/** Webview → extension. */
export type FromWebview =
  | { type: "explain"; unit: string }
  | { type: "open"; kind: PlaceKind; key: string }
  | { type: "rescore" }
  | { type: "ranking" };

const isString = (v: unknown): v is string => typeof v === "string";

/** Whether a message from the webview has one of the expected shapes (anything else is ignored). */
export function isFromWebview(m: unknown): m is FromWebview {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case "explain":
      return isString(o.unit);
    case "open":
      return (o.kind === "rule" || o.kind === "indicator") && isString(o.key);
    case "rescore":
    case "ranking":
      return true;
    default:
      return false;
  }
}
