/**
 * The acceptance test: a per-occurrence rule with no cap gets a missing-cap finding at the
 * rule's exact range, with a fix adding a cap equal to the indicator's points; applying it, the file
 * still parses and checks clean, and the finding is gone.  Since issue 11 a deduction its indicator
 * bounds (扣完为止) is a hint, not a warning; the fix is safe (applied by --fix) when the indicator
 * cannot start above its points, and a suggestion otherwise.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { applyFixes, fixEditsFor, lintAnalysis } from "@kaoping/lint";
import { parsesClean } from "./helpers.js";

const source = [
  "细则 「示例细则」",
  "",
  "指标 「落实重大决策部署」 4分 {",
  "  规则 「参会」 「未按要求参加重要会议的，每次扣0.5分」",
  "    每次 扣 0.5",
  "}",
  "",
].join("\n");

function write(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "kp-missing-cap-")), "细则.kp");
  writeFileSync(path, text);
  return path;
}

describe("missing-cap on a per-occurrence rule", () => {
  it("reports at the rule's body (a hint: the indicator bounds it), states the worst case and offers 上限 <points>", () => {
    const path = write(source);
    const a = analyzeCatalogue(path, nodeHost);
    expect(a.diagnostics).toEqual([]);
    const diags = lintAnalysis(a);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(d.code).toBe("KP3001");
    expect(d.severity).toBe("hint");
    expect(d.file).toBe(path);
    expect(d.message).toBe("规则「参会」每次扣 0.5 分且没有上限：8 次即扣满本项 4 分，再多也只能扣完为止");
    // Exactly `每次 扣 0.5` on line 5.
    expect([d.span.start.line, d.span.start.column, d.span.end.line, d.span.end.column]).toEqual([5, 5, 5, 13]);
    expect(source.slice(d.span.start.offset, d.span.end.offset)).toBe("每次 扣 0.5");
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0]!.edits).toEqual([{ file: path, start: d.span.end.offset, end: d.span.end.offset, newText: " 上限 4" }]);
  });

  it("after the fix the file parses, checks clean and lints clean", () => {
    const path = write(source);
    const diags = lintAnalysis(analyzeCatalogue(path, nodeHost));
    const fixed = applyFixes(source, fixEditsFor(diags, path));
    expect(fixed).toContain("    每次 扣 0.5 上限 4\n");
    expect(parsesClean(fixed)).toBe(true);
    const again = analyzeCatalogue(write(fixed), nodeHost);
    expect(again.diagnostics).toEqual([]);
    expect(lintAnalysis(again)).toEqual([]);
  });

  it("offers the cap only as a suggestion when the indicator's awards can start it above its points", () => {
    // Awards of up to 3 in a 2-point item: 得 3 − 扣 2.5 = 0.5 uncapped, 得 3 − 扣 2 = 1 with 上限 2
    // (test/property/lint-fixes.test.ts scores it).
    const award = (n: string) => `  规则 「${n}」 「获表彰的得1.5分」\n    得 1.5\n`;
    const text = source.replace("4分", "2分").replace("    每次 扣 0.5\n", `    每次 扣 0.5\n${award("表彰")}${award("表彰二")}`);
    const path = write(text);
    const a = analyzeCatalogue(path, nodeHost);
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const diags = lintAnalysis(a).filter((d) => d.code === "KP3001");
    expect(diags).toHaveLength(1);
    expect(diags[0]!.fixes![0]!.title).toBe("加上限 2（本项分值，即扣完为止）（仅为建议，--fix 不自动应用）");
    expect(fixEditsFor(diags, path)).toEqual([]);
  });

  it("is silent when the indicator's 合计 group caps the rule, and fires again without it", () => {
    const grouped = source.replace("  规则", "  合计 上限 2 {\n  规则").replace("每次 扣 0.5\n", "每次 扣 0.5\n  }\n");
    expect(lintAnalysis(analyzeCatalogue(write(grouped), nodeHost))).toEqual([]);
  });
});

describe("missing-cap leaves a cap the clause states to clause-mismatch", () => {
  it("「最多扣0.1分」 without a cap: KP3030 with the clause's 0.1, no KP3001 offering 上限 本项分值", () => {
    const path = write(
      "细则 「t」\n指标 「文件管理」 0.3分 {\n  规则 「签收」 「文件签收不及时，每件次扣0.02分（最多扣0.1分）」\n    每件次 扣 0.02\n}\n",
    );
    const diags = lintAnalysis(analyzeCatalogue(path, nodeHost));
    expect(diags.map((d) => d.code)).toEqual(["KP3030"]);
    expect(diags[0]!.fixes?.[0]?.title).toContain("上限 0.1");
    // --fix applies no suggestion, so it never writes a cap the clause contradicts (上限 0.3).
    expect(fixEditsFor(diags, path)).toEqual([]);
  });
});

describe("missing-cap and ineffective-cap with the assessor's judgement", () => {
  it("每次 酌情 扣 grows with the occurrences: a hint with the worst case at the range's maximum", () => {
    const path = write("细则 「t」\n指标 「党委责任」 10分 {\n  规则 「会议」 「未开或少开的，按次扣1-3分」\n    每次 酌情 扣 1 至 3\n}\n");
    const diags = lintAnalysis(analyzeCatalogue(path, nodeHost)).filter((d) => d.code === "KP3001");
    expect(diags.map((d) => d.message)).toEqual(["规则「会议」每次酌情扣 1 至 3 分且没有上限：按每次 3 分计，4 次即扣满本项 10 分，再多也只能扣完为止"]);
  });

  it("酌情 扣 once per rule is bounded by its range: no finding", () => {
    const path = write("细则 「t」\n指标 「党委责任」 10分 {\n  规则 「会议」 「视情节酌情扣1-3分」\n    酌情 扣 1 至 3\n}\n");
    expect(lintAnalysis(analyzeCatalogue(path, nodeHost)).filter((d) => d.code === "KP3001")).toEqual([]);
  });

  it("with 可减免 a cap is applied before the reduction, so writing 扣完为止 out is only a suggestion", () => {
    // 每次 扣 1, 12 次, 减免 3: uncapped 12 − 3 = 9 → 10 − 9 = 1; with 上限 10: 10 − 3 = 7 → 10 − 7 = 3.
    const text = "细则 「t」\n指标 「整改」 10分 {\n  规则 「问题」 「每个问题扣1分，主动整改的可酌情减免」\n    每个 扣 1 可减免 当 「主动整改」\n}\n";
    const path = write(text);
    const diags = lintAnalysis(analyzeCatalogue(path, nodeHost)).filter((d) => d.code === "KP3001");
    expect(diags).toHaveLength(1);
    expect(diags[0]!.fixes![0]!.title).toContain("仅为建议");
    expect(fixEditsFor(diags, path)).toEqual([]);
  });

  it("ineffective-cap: lowering a cap above the indicator's points is only a suggestion with 可减免", () => {
    const text = "细则 「t」\n指标 「整改」 10分 {\n  规则 「问题」 「每个问题扣1分，最多扣15分，主动整改的可酌情减免」\n    每个 扣 1 上限 15 可减免 当 「主动整改」\n}\n";
    const path = write(text);
    const diags = lintAnalysis(analyzeCatalogue(path, nodeHost)).filter((d) => d.code === "KP3003");
    expect(diags).toHaveLength(1);
    expect(diags[0]!.fixes!.every((f) => f.title.includes("仅为建议"))).toBe(true);
    expect(fixEditsFor(diags, path)).toEqual([]);
    // without 可减免 the same fix is applied by --fix
    const plain = write(text.replace(" 可减免 当 「主动整改」", ""));
    expect(fixEditsFor(lintAnalysis(analyzeCatalogue(plain, nodeHost)).filter((d) => d.code === "KP3003"), plain).length).toBeGreaterThan(0);
  });
});
