/**
 * Suppression comments: each must give a reason; kp-disable only before the first item; unknown
 * rules, missing rule names and unused suppressions are reported; half- and full-width punctuation.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatLintText, lintAnalysis } from "@kaoping/lint";
import { analyseFile, coreErrors, expectGolden } from "./helpers.js";

const dir = resolve(__dirname, "fixtures/suppress");

describe("suppression comments", () => {
  const a = analyseFile(resolve(dir, "细则.kp"));
  const diags = lintAnalysis(a);
  const at = (line: number) => diags.filter((d) => d.span.start.line === line && d.file?.endsWith("细则.kp")).map((d) => d.code);

  it("matches the golden output", () => {
    expect(coreErrors(a)).toEqual([]);
    expectGolden(resolve(__dirname, "golden/suppress.txt"), formatLintText(diags, dir, { fixes: true }));
  });

  it("suppresses the next rule, and several rules with full-width punctuation", () => {
    expect(at(13)).toEqual([]); // 参会
    expect(at(17)).toEqual([]); // 学习部署: missing-cap and clause-mismatch (扣 0.3)
    expect(at(20)).toEqual(["KP3001"]); // 反馈: not suppressed
  });

  it("a file-level kp-disable in an included file covers that file only", () => {
    expect(diags.filter((d) => d.file?.endsWith("02-信息工作.kp"))).toEqual([]);
  });

  it("a suppression without a reason, a misplaced kp-disable or an unknown rule does not take effect", () => {
    expect(at(2)).toEqual(["KP3901"]);
    expect(at(5)).toEqual(["KP3904"]);
    expect(at(6)).toEqual(["KP3010"]); // the misplaced kp-disable points-sum did not apply
    expect(at(26)).toEqual(["KP3902"]);
    expect(diags.find((d) => d.code === "KP3902")!.message).toContain("是否想写「missing-cap」");
    expect(at(28)).toEqual(["KP3001"]);
    expect(at(30)).toEqual(["KP3905"]);
  });

  it("reports a suppression that suppressed nothing, as info", () => {
    const unused = diags.filter((d) => d.code === "KP3903");
    expect(unused.map((d) => [d.span.start.line, d.severity])).toEqual([[22, "info"]]);
  });

  it("does not report a suppression of a rule that is off as unused", () => {
    const off = lintAnalysis(a, { rules: { "missing-cap": "off" } });
    expect(off.filter((d) => d.code === "KP3903")).toEqual([]);
    expect(off.filter((d) => d.code === "KP3001")).toEqual([]);
  });
});
