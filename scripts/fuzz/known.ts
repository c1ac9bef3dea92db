/** Failures already reported (KNOWN): counted, not fatal unless --strict. */
import type { FuzzInput } from "./generators.js";
import type { Failure } from "./invariants.js";

// ==================================================================== known failures

/**
 * Failures already reported to core (see the robustness report); they are counted, not fatal.
 * Each entry: an id naming the bug (issue and item) and a test on the failure, e.g.
 *
 *   { id: "issue N item M: …", test: (f, i) => i.factsFile?.format === "csv" && f.invariant === "no silent loss" }
 *
 * Remove an entry once its fix is merged; its smallest input (saved with --save-known in
 * test/robustness/fuzz-failures/) then shows in every CI run that the fix holds.
 *
 * Empty: every issue-10 entry (facts files: mixed line ends, JSON lexemes, duplicate keys, formulas,
 * hidden sheets, deep nesting, English library errors, invisible unit names, a value under no Excel
 * column, nested arrays as an incident list) is fixed and was removed.
 */
export const KNOWN: { id: string; test: (f: Failure, input: FuzzInput) => boolean }[] = [];

export function knownId(f: Failure, input: FuzzInput): string | undefined {
  return KNOWN.find((k) => k.test(f, input))?.id;
}

/** Whether a failure is one already reported (KNOWN). */
export function isKnownFailure(f: Failure, input: FuzzInput): boolean {
  return knownId(f, input) !== undefined;
}
