/**
 * The whole API as `kp lint <dir> [--fix]` uses it, without a subprocess: discover the .kp files,
 * analyse them (analyzeFiles + nodeHost), find kp.config.json upward, lint, render text; then apply
 * the fixes file by file and lint again.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFiles, nodeHost, type Diagnostic } from "@kaoping/core";
import { applyFixes, findLintConfig, fixEditsFor, formatLintText, isSuggestion, lintAnalysis } from "@kaoping/lint";
import { coreErrors, expectGolden } from "./helpers.js";

const project = resolve(__dirname, "fixtures/project");
const golden = (name: string) => join(__dirname, "golden", name);

function lintDir(root: string): { diags: Diagnostic[]; configPath?: string } {
  const dir = join(root, "细则");
  const files = nodeHost.listKpFiles!(dir);
  const analyses = analyzeFiles(files, nodeHost);
  expect(analyses).toHaveLength(1);
  for (const a of analyses) expect(coreErrors(a)).toEqual([]);
  const { config, path, diagnostics } = findLintConfig(dir);
  const out: { diags: Diagnostic[]; configPath?: string } = { diags: [...diagnostics, ...analyses.flatMap((a) => lintAnalysis(a, config))] };
  if (path) out.configPath = path;
  return out;
}

describe("kp lint, through the API", () => {
  it("lints a multi-file catalogue with the config found upward", () => {
    const { diags, configPath } = lintDir(project);
    expect(configPath).toBe(join(project, "kp.config.json"));
    // missing-cap is raised to error and unused-declaration is off in kp.config.json; the uncapped
    // 参会 relies on its indicator's 扣完为止, which missing-cap reports as a hint at most.
    expect(diags.filter((d) => d.code === "KP3001").map((d) => d.severity)).toEqual(["hint"]);
    expect(diags.some((d) => d.code === "KP3050")).toBe(false);
    // The suppressed clause mismatch (扣 0.4 against 0.5) is not reported.
    expect(diags.some((d) => d.code === "KP3030")).toBe(false);
    expectGolden(golden("project.txt"), formatLintText(diags, project, { fixes: true }));
  });

  it("--fix: applies every first safe fix per file; the catalogue still checks and only suggestions and unfixable findings remain", () => {
    const copy = mkdtempSync(join(tmpdir(), "kp-lint-project-"));
    cpSync(project, copy, { recursive: true });
    const before = lintDir(copy).diags;
    for (const file of new Set(before.flatMap((d) => (d.file ? [d.file] : [])))) {
      const edits = fixEditsFor(before, file);
      if (edits.length) writeFileSync(file, applyFixes(readFileSync(file, "utf8"), edits));
    }
    const after = lintDir(copy).diags;
    expect(after.every((d) => (d.fixes ?? []).every(isSuggestion))).toBe(true);
    expectGolden(golden("project-fixed.txt"), formatLintText(after, copy, { fixes: true }));
    expectGolden(golden("project-fixed-信息工作.kp.txt"), readFileSync(join(copy, "细则/02-信息工作.kp"), "utf8"));
  });
});
