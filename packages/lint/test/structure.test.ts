/**
 * issue 11 §1.12/§1.14 in the linter: points-sum counts a 择一 group once (its largest alternative),
 * and compares sums per class when points differ by class; unused-declaration treats an indicator's
 * 其中 as a partition of the classes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

function lint(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  writeFileSync(path, text);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return lintAnalysis(a);
}
const messages = (text: string, code: string) => lint(text).filter((d) => d.code === code).map((d) => d.message);

describe("points-sum", () => {
  const exclusive = (points: string) =>
    `细则 「x」\n总分 ${points}分\n指标 「表彰」 ${points}分 {\n  择一 {\n    规则 「国家级」 「获国家级表彰的加3分」 得 3\n    规则 「省级」 「获省级表彰的加2分」 得 2\n  }\n}\n`;

  it("counts a 择一 group at its largest alternative, not the sum", () => {
    expect(messages(exclusive("3"), "KP3010")).toEqual([]);
    // the old sum (3 + 2 = 5) is now the one that disagrees
    expect(messages(exclusive("5"), "KP3010")).toEqual(["指标「表彰」的子项合计 3 分，与声明的分值 5 分不一致（少 2 分）"]);
  });

  const classes = (other: string) =>
    `细则 「x」\n类别 「重点县」、「其他县」\n总分 10分\n指标 「招商」 5分 其中 「其他县」 ${other}分 {\n  规则 「a」 「未完成的扣1分」 扣 1\n}\n指标 「综合」 5分 其中 「其他县」 7分 {\n  规则 「b」 「未完成的扣1分」 扣 1\n}\n`;

  it("compares the 总分 per class when points differ by class", () => {
    expect(messages(classes("3"), "KP3010")).toEqual([]); // 5 + 5 = 3 + 7 = 10
    expect(messages(classes("4"), "KP3010")).toEqual(["各一级指标（对「其他县」类单位）合计 11 分，与声明的总分 10 分不一致（多 1 分）"]);
  });

  it("compares a parent's per-class points with its children's", () => {
    const text = `细则 「x」\n类别 「重点县」、「其他县」\n指标 「综合」 5分 其中 「其他县」 6分 {\n  指标 「甲」 2分 其中 「其他县」 4分 {\n    规则 「a」 「未完成的扣1分」 扣 1\n  }\n  指标 「乙」 3分 {\n    规则 「b」 「未完成的扣1分」 扣 1\n  }\n}\n`;
    expect(messages(text, "KP3010")).toEqual(["指标「综合」的子项（对「其他县」类单位）合计 7 分，与声明的分值 6 分不一致（多 1 分）"]);
    expect(messages(text.replace("6分 {", "7分 {"), "KP3010")).toEqual([]);
  });
});

describe("unused-declaration", () => {
  it("does not report the classes an indicator's 其中 partitions", () => {
    const text = `细则 「x」\n类别 「重点县」、「其他县」\n指标 「招商」 5分 其中 「其他县」 3分 {\n  规则 「a」 「未完成的扣1分」 扣 1\n}\n`;
    expect(lint(text).filter((d) => d.code === "KP3050")).toEqual([]);
  });
});
