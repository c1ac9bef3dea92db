/**
 * Test helpers: golden files and analysing .kp files as `kp lint` does.
 *
 * Goldens: test/golden.ts (a missing one fails; regenerate all with `pnpm run update-golden`,
 * review with `git diff`).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { analyzeCatalogue, analyzeFiles, nodeHost, parseKp, type Analysis, type Diagnostic } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

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

/**
 * The KP3030 (clause-mismatch) messages, without their rule prefix, of a one-file catalogue: `body` under a total of
 * `points` (and an optional `header` before it); the catalogue must check without errors.
 */
export function kp3030Of(body: string, points: number, header = ""): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  writeFileSync(path, `细则 「条文」\n${header}总分 ${points}分\n${body}\n`);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return lintAnalysis(a)
    .filter((d) => d.code === "KP3030")
    .map((d) => d.message.replace(/^规则「[^」]*」与条文不一致：/, ""));
}

/** KP3030 messages on one indicator of `points` holding one rule `code` with its clause. */
export function kp3030(points: number, clause: string, code: string): string[] {
  return kp3030Of(`指标 「项目」 ${points}分 {\n  规则 「r1」 「${clause}」\n    ${code}\n}`, points);
}
