/**
 * Test helpers: golden files and analysing .kp files as `kp lint` does.
 *
 * Goldens: test/golden.ts (a missing one fails; regenerate all with `pnpm run update-golden`,
 * review with `git diff`).
 */
import { expect } from "vitest";
import { analyzeFiles, nodeHost, parseKp, type Analysis, type Diagnostic } from "@kaoping/core";

/** Compares `actual` with a golden file (test/golden.ts: a missing golden fails). */
export { expectGolden } from "../../../test/golden.js";

/** Analyses one root .kp file (with what it includes) as `kp lint <file>` would. */
export function analyseFile(path: string): Analysis {
  const all = analyzeFiles([path], nodeHost);
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** The error diagnostics of an analysis (files, syntax, semantics). */
export function coreErrors(a: Analysis): Diagnostic[] {
  return a.diagnostics.filter((d) => d.severity === "error");
}

/** Whether a text parses without errors. */
export function parsesClean(text: string): boolean {
  return parseKp(text, "fixed.kp").diagnostics.every((d) => d.severity !== "error");
}
