/**
 * The review mark 待核 at compile and scoring time.  `kp check` and the editor warn at each mark
 * (KP2123): the importer wrote the scoring and no person has checked it yet.  Unlike 待补 the rule
 * has a scoring and is compiled and scored as written; commands that compile or score say once how
 * many rules are still unchecked (KP2124) instead of repeating a warning per rule.
 */
import type { Diagnostic } from "../diagnostics.js";
import { fileDiagnostic } from "../project/load.js";

/** How many rules of these diagnostics are still marked 待核 (one KP2123 each). */
export function reviewCount(diags: readonly Diagnostic[]): number {
  return diags.filter((d) => d.code === "KP2123").length;
}

/**
 * The diagnostics of a catalogue about to be compiled or scored: its own, with the KP2123 warnings
 * replaced by one summary KP2124 about `file` (the catalogue's root file), or unchanged when no
 * rule is marked 待核.
 */
export function withReviewSummary(diags: readonly Diagnostic[], file: string): Diagnostic[] {
  const n = reviewCount(diags);
  if (n === 0) return [...diags];
  // about the catalogue, not a place: a file-level diagnostic of its root
  return [...diags.filter((d) => d.code !== "KP2123"), fileDiagnostic("KP2124", file, [String(n)])];
}
