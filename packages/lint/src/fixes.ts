/**
 * Applying fixes.  `applyFixes` applies non-overlapping edits right to left, so earlier offsets stay
 * valid; `fixEditsFor` gathers, for one file, the first safe fix of every fixable diagnostic — what
 * `kp lint --fix` applies.
 *
 * Safe fixes and suggestions.  A fix is safe when it never changes what a correct catalogue computes
 * (the property test test/property/lint-fixes.test.ts applies every safe fix to the pattern corpus
 * and to generated catalogues and scores random facts before and after).  A fix that changes scores
 * when the catalogue was right (a points-sum fix that lowers a declared total, a clause-mismatch fix
 * that trusts the clause over the code, a deleted rule) is a suggestion: offered to the editor as a
 * quick fix, listed in JSON and SARIF, never applied by `--fix`.
 */
import type { Diagnostic, Fix, TextEdit } from "@kaoping/core";

/** A lint fix: a core fix, marked when it is only a suggestion. */
export interface LintFix extends Fix {
  /** Not applied by `kp lint --fix`: it can change the scores of a correct catalogue. */
  suggestion?: true;
}

/** What a suggestion's title ends with, so that users of every front end see it is not applied. */
export const SUGGESTION_NOTE = "（仅为建议，--fix 不自动应用）";

/** Marks a fix as a suggestion (never applied by `--fix`); its title says so. */
export function suggestion(fix: Fix): LintFix {
  return { ...fix, title: fix.title + SUGGESTION_NOTE, suggestion: true };
}

/** Whether a fix is only a suggestion. */
export function isSuggestion(fix: Fix): boolean {
  return (fix as LintFix).suggestion === true;
}

/**
 * Applies edits to a text.  Edits are taken in order of position; one that overlaps an edit already
 * taken (or a second insertion at the same place) is left out, so conflicting fixes never corrupt
 * the text — lint again to get the rest.  Identical edits count once.  Offsets outside the text are a
 * caller's bug and throw a RangeError.
 */
export function applyFixes(text: string, edits: TextEdit[]): string {
  for (const e of edits) {
    if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length)) {
      throw new RangeError(`edit [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
    }
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEdit[] = [];
  for (const e of sorted) {
    const last = taken[taken.length - 1];
    if (last) {
      if (last.start === e.start && last.end === e.end && last.newText === e.newText) continue;
      if (e.start < last.end) continue;
      if (e.start === last.start && last.start === last.end && e.start === e.end) continue;
    }
    taken.push(e);
  }
  let out = text;
  for (let i = taken.length - 1; i >= 0; i--) {
    const e = taken[i]!;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/**
 * The edits of the first safe fix (not a suggestion) of every diagnostic that has one, for one file:
 * what `kp lint --fix` applies.
 */
export function fixEditsFor(diagnostics: readonly Diagnostic[], file: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => !isSuggestion(f));
    if (!fix) continue;
    const edits = fix.edits.filter((e) => (e.file ?? d.file) === file);
    // A fix that also touches other files is applied whole or not at all.
    if (edits.length !== fix.edits.length) continue;
    out.push(...edits);
  }
  return out;
}
