/**
 * Test helpers: golden files and analysing .kp files as `kp lint` does.
 *
 * Regenerate goldens with `UPDATE_GOLDEN=1 npx vitest run packages/lint test/lint`; review with
 * `git diff`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";
import { analyzeFiles, nodeHost, parseKp, type Analysis, type Diagnostic } from "@kaoping/core";

/** Compares `actual` with a golden file; writes it when UPDATE_GOLDEN=1, or when missing outside CI. */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    if (process.env.CI && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file missing: ${path}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

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
