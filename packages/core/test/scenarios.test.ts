/**
 * Scenario files (testing/): the parser's located errors, exact comparison, and the example of
 * grammar/语言参考.md §13 (it parses cleanly and names only what the seed catalogue has).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, evaluateCompiledModule, nodeHost, parseScenarios, resolveScenarios, runScenarios } from "@kaoping/core";

const seed = fileURLToPath(new URL("../../../rules/细则.kp", import.meta.url));
const mod = evaluateCompiledModule(compileCatalogue(analyzeCatalogue(seed, nodeHost).catalogue).js);

describe("scenario files", () => {
  it("the example of 语言参考 §13 parses cleanly and names only what the seed has", () => {
    const ref = readFileSync(fileURLToPath(new URL("../../../grammar/语言参考.md", import.meta.url)), "utf8");
    const section = ref.slice(ref.indexOf("## 13. 测试场景"));
    const example = /^```\n([\s\S]*?)^```$/m.exec(section)![1]!;
    const parsed = parseScenarios(example, "例子.kptest");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.scenarios.map((s) => [s.name, s.units.map((u) => u.name)])).toEqual([
      ["缺席会议一次", ["缺席会议一次"]],
      ["优秀要在前 30%", ["甲县", "乙县"]],
    ]);
    expect(resolveScenarios(parsed, mod.catalogue)).toEqual([]);
  });

  it("compares exactly: 50.6 is 50.60, 扣 0.5 is a rule's deduction, 不扣分 is nothing", () => {
    const base = readFileSync(fileURLToPath(new URL("../../../rules/细则.kptest", import.meta.url)), "utf8").split(/^场景 /m)[0]!;
    const text = `${base}场景 「甲」\n  「参会」 = 1\n  期望 总分 50.60\n  期望 规则 「参会」 扣 0.5\n  期望 规则 「学习部署」 不扣分\n  期望 指标 「1.1」 3.5\n`;
    const run = runScenarios(parseScenarios(text, "t.kptest"), mod);
    expect(run.diagnostics).toEqual([]);
    expect(run.results.map((r) => [r.passed, r.failures.map((f) => f.actual)])).toEqual([[true, []]]);
    const wrong = runScenarios(parseScenarios(text.replace("扣 0.5", "得 0.5").replace("50.60", "50.61"), "t.kptest"), mod);
    expect(wrong.results[0]!.failures.map((f) => [f.expectation.span.start.line, f.expected, f.actual])).toEqual([
      [expect.any(Number), "50.61", "50.60"],
      [expect.any(Number), "得 0.5", "扣 0.5"],
    ]);
  });

  it("a comment may follow a line; // inside 「」 is part of the name", () => {
    const p = parseScenarios("场景 「a//b」 // 注释\n  「参会」 = 1 // 一次\n  期望 总分 1\n", "t.kptest");
    expect(p.diagnostics).toEqual([]);
    expect(p.scenarios[0]!.name).toBe("a//b");
    expect(p.scenarios[0]!.units[0]!.facts[0]!.value).toBe("1");
  });
});
