/**
 * duplicate-rule (KP3040) reports only rules that read the same facts (issue 11): rules that share a
 * clause but read different facts — three 酌情 rules, three 不得分 conditions — are separate
 * assessments, and the old --fix that deleted them changed the scores.  Facts are keyed by rule name,
 * so no catalogue the language can express today has two rules reading one fact; the firing path is
 * tested here on a model whose fact keys are made to coincide, as a construct that lets rules share a
 * fact (otherwise-branches) would make them.  Its fix deletes a rule, which always changes what is
 * computed: a suggestion, never applied by --fix.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { fixEditsFor, isSuggestion, lintAnalysis } from "@kaoping/lint";

const source = [
  "细则 「示例细则」",
  "",
  "指标 「督查落实」 30分 {",
  "  规则 「督查整改一」 「督查发现问题整改不力的，酌情扣1-10分」",
  "    酌情 扣 1 至 10",
  "  规则 「督查整改二」 「督查发现问题整改不力的，酌情扣1-10分」",
  "    酌情 扣 1 至 10",
  "}",
  "",
].join("\n");

function analyse() {
  const path = join(mkdtempSync(join(tmpdir(), "kp-dup-")), "细则.kp");
  writeFileSync(path, source);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics).toEqual([]);
  return { a, path };
}

describe("duplicate-rule", () => {
  it("is silent on rules that share a clause but read different facts", () => {
    const { a } = analyse();
    expect(lintAnalysis(a).filter((d) => d.code === "KP3040")).toEqual([]);
  });

  it("fires when two rules read the same fact, and its deletion is only a suggestion", () => {
    const { a, path } = analyse();
    const [first, second] = a.catalogue.rules;
    // What a construct that lets two rules share a fact would give: the same fact keys.
    second!.facts = first!.facts.map((f) => ({ ...f }));
    const diags = lintAnalysis(a).filter((d) => d.code === "KP3040");
    expect(diags.map((d) => d.message)).toEqual(["规则「督查整改二」与同一指标中的规则「督查整改一」的条文和计分完全相同：同一事实会被计两次"]);
    expect(diags[0]!.fixes).toHaveLength(1);
    expect(isSuggestion(diags[0]!.fixes![0]!)).toBe(true);
    expect(diags[0]!.fixes![0]!.title).toContain("--fix 不自动应用");
    expect(fixEditsFor(diags, path)).toEqual([]);
  });
});
