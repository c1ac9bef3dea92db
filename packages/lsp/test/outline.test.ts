import { describe, expect, it } from "vitest";
import { documentSymbols, foldingRanges, fuzzyMatch, workspaceSymbols, type OutlineSymbol } from "../src/service/outline.js";
import { expectGolden, rulesWorkspace, workspace } from "./helpers.js";

function render(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${"  ".repeat(depth)}${s.kind} ${s.name}${s.detail ? ` — ${s.detail}` : ""}`,
    ...render(s.children, depth + 1),
  ]);
}

describe("document symbols", () => {
  it("the outline of every rules/ file: indicators as a tree, rules as children (golden)", () => {
    const w = rulesWorkspace();
    const out: string[] = [];
    for (const f of ["细则.kp", "01-×令畅通.kp", "02-×风连×建设和反腐败工作.kp", "03-组织建设.kp"]) {
      out.push(`# ${f}`, ...render(documentSymbols(w.ctx(f))), "");
    }
    expectGolden("golden/outline.txt", out.join("\n"));
  });

  it("symbols span their construct and select their name", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「乙」 「丙」\n    扣 1\n}\n" });
    const [ind] = documentSymbols(w.ctx("a.kp"));
    expect([ind!.span.start.line, ind!.span.end.line, ind!.selection.start.column, ind!.selection.end.column]).toEqual([1, 4, 4, 7]);
    const rule = ind!.children[0]!;
    expect([rule.span.start.line, rule.span.end.line, rule.selection.start.column]).toEqual([2, 3, 6]);
  });

  it("nests indicators and rules, with points and the children's sum when it differs", () => {
    const w = rulesWorkspace();
    const [top] = documentSymbols(w.ctx("03-组织建设.kp"));
    expect(top).toMatchObject({ name: "组织建设", kind: "indicator", detail: "21分（子项合计 11.2）" });
    const first = top!.children[0]!;
    expect(first).toMatchObject({ name: "×的××建设", detail: "2分" });
    expect(first.children[0]).toMatchObject({ name: "抓好×学习××", detail: "（0.5分）" });
    expect(first.children[0]!.children[0]).toMatchObject({
      name: "遵学讲活动",
      kind: "rule",
      detail: "部署开展“遵×、学×、讲×”活动(0.1分)",
    });
  });

  it("a partial file still has an outline; unnamed items get a placeholder", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「乙」 「丙」 每次 扣\n  指标 {\n" });
    const syms = documentSymbols(w.ctx("a.kp"));
    expect(syms[0]?.name).toBe("甲");
    expect(render(syms).join("\n")).toContain("（未命名）");
  });
});

describe("workspace symbols", () => {
  it("finds indicators and rules across the files of the workspace", () => {
    const w = rulesWorkspace();
    const found = workspaceSymbols(w.project, "参会");
    expect(found.map((s) => [s.name, s.kind, s.file.slice(4), s.container])).toEqual([
      ["参会", "rule", "01-×令畅通.kp", "落实市×、市××重大决策部署"],
    ]);
    expect(workspaceSymbols(w.project, "组织建设").some((s) => s.kind === "indicator" && s.name === "组织建设")).toBe(true);
    expect(workspaceSymbols(w.project, "").length).toBeGreaterThan(127);
  });

  it("matches characters in order", () => {
    expect(fuzzyMatch("信率", "信息完成率")).toBe(true);
    expect(fuzzyMatch("率信", "信息完成率")).toBe(false);
    expect(fuzzyMatch("", "x")).toBe(true);
  });
});

describe("folding", () => {
  it("folds blocks (keeping the closing line), comment runs and 引入 runs", () => {
    const w = workspace({
      "a.kp": [
        "// 一", //  1
        "// 二", //  2
        "细则 「甲」", // 3
        "引入 「b.kp」", // 4
        "引入 「c.kp」", // 5
        "指标 「乙」 4分 {", // 6
        "  规则 「丙」 「丁」", // 7
        "    分段 {", // 8
        "      ≥ 90 扣 0", // 9
        "      < 90 扣 1", // 10
        "    }", // 11
        "  /* 多行", // 12
        "     注释 */", // 13
        "}", // 14
        "",
      ].join("\n"),
      "b.kp": "指标 「b」 1分 {\n}\n",
      "c.kp": "指标 「c」 1分 {\n}\n",
    });
    const ranges = foldingRanges(w.ctx("a.kp").file);
    expect(ranges).toEqual([
      { startLine: 1, endLine: 2, kind: "comment" },
      { startLine: 4, endLine: 5, kind: "imports" },
      { startLine: 6, endLine: 13 },
      { startLine: 8, endLine: 10 },
      { startLine: 12, endLine: 13, kind: "comment" },
    ]);
  });
});
