/** lintAnalysis: when it runs, severities from the config, order, fragments. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { isLintable, lintAnalysis } from "@kaoping/lint";

function analyse(text: string, name = "细则.kp") {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), name);
  writeFileSync(path, text);
  return analyzeCatalogue(path, nodeHost);
}

const uncapped = "细则 「x」\n类别 「县区」、「园区」\n指标 「a」 4分 {\n  规则 「r」 「每次扣0.5分」 每次 扣 0.5\n  规则 「s」 「每次扣0.3分」 每次 扣 0.2\n}\n";

describe("lintAnalysis", () => {
  it("does not lint a catalogue with syntax errors", () => {
    const a = analyse(uncapped.replace("每次 扣 0.5", "每次 扣"));
    expect(isLintable(a)).toBe(false);
    expect(lintAnalysis(a)).toEqual([]);
  });

  it("uses default severities, the config's levels, and 'off'", () => {
    const a = analyse(uncapped);
    const codes = (cfg?: Parameters<typeof lintAnalysis>[1]) => lintAnalysis(a, cfg).map((d) => `${d.code}:${d.severity}`);
    // missing-cap on deductions the indicator bounds (扣完为止) is a hint at most, whatever its level.
    expect(codes()).toEqual(["KP3050:info", "KP3050:info", "KP3001:hint", "KP3001:hint", "KP3030:error"]);
    expect(codes({ rules: { "missing-cap": "error", "unused-declaration": "off", "clause-mismatch": "info" } })).toEqual([
      "KP3001:hint",
      "KP3001:hint",
      "KP3030:info",
    ]);
  });

  it("reports a deduction nothing bounds (倒扣) at missing-cap's configured level", () => {
    const a = analyse(uncapped.replace("每次 扣 0.5", "每次 扣 0.5 倒扣"));
    const codes = (cfg?: Parameters<typeof lintAnalysis>[1]) => lintAnalysis(a, cfg).filter((d) => d.code === "KP3001").map((d) => d.severity);
    expect(codes()).toEqual(["warning", "hint"]);
    expect(codes({ rules: { "missing-cap": "error" } })).toEqual(["error", "hint"]);
    expect(codes({ rules: { "missing-cap": "info" } })).toEqual(["info", "hint"]);
    expect(codes({ rules: { "missing-cap": "off" } })).toEqual([]);
  });

  it("lints a fragment (a file without 细则) without catalogue-level rules", () => {
    const a = analyse("指标 「a」 4分 {\n  规则 「r」 「每次扣0.5分」 每次 扣 0.5\n}\n", "01.kp");
    expect(a.fragment).toBe(true);
    expect(lintAnalysis(a).map((d) => d.code)).toEqual(["KP3001"]);
  });
});
