/** Failures already reported (KNOWN): counted, not fatal unless --strict. */
import type { FuzzInput } from "./generators.js";
import type { Failure } from "./invariants.js";

// ==================================================================== known failures

/**
 * Failures already reported to core (see the robustness report); they are counted, not fatal.
 * Each entry: a test on the failure and the bug it stands for.
 */
export const KNOWN: { id: string; test: (f: Failure, input: FuzzInput) => boolean }[] = [];

export function knownId(f: Failure, input: FuzzInput): string | undefined {
  return KNOWN.find((k) => k.test(f, input))?.id;
}

/** Whether a failure is one already reported (KNOWN). */
export function isKnownFailure(f: Failure, input: FuzzInput): boolean {
  return knownId(f, input) !== undefined;
}
