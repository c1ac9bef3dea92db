import { describe, expect, it } from "vitest";
import { codeActions } from "../src/service/actions.js";
import { inlayHints } from "../src/service/hints.js";
import { semanticTokens } from "../src/service/semantic.js";
import { applyEdits, markAt, rulesWorkspace, workspace } from "./helpers.js";

describe("semantic tokens", () => {
  it("classifies keywords by role, names apart from clause texts, numbers, operators, comments", () => {
    const text = [
      "细则 「甲」",
      "类别 「县区」",
      "/* 块",
      "注释 */",
      "指标 「乙」 4分 {",
      "  规则 「参会」 「每次扣0.5分」 // 行注释",
      "    每次 扣 0.5 上限 2 适用 「县区」",
      "  规则 「率」 「…」 分段 { ≥ 90% 扣 0 }",
      "}",
      "",
    ].join("\n");
    const w = workspace({ "a.kp": text });
    const toks = semanticTokens(w.ctx("a.kp")).map(
      (t) => `${text.slice(t.start, t.start + t.length)}:${t.type}${t.modifiers.length ? `.${t.modifiers.join(".")}` : ""}`,
    );
    expect(toks).toEqual([
      "细则:keyword.header",
      "「甲」:namespace.declaration",
      "类别:keyword.header",
      "「县区」:class.declaration",
      "/* 块:comment",
      "注释 */:comment",
      "指标:keyword.structure",
      "「乙」:namespace.declaration",
      "4:number",
      "分:keyword.measure",
      "规则:keyword.structure",
      "「参会」:function.declaration",
      "「每次扣0.5分」:string.documentation",
      "// 行注释:comment",
      "每次:unitWord",
      "扣:keyword.action",
      "0.5:number",
      "上限:keyword.modifier",
      "2:number",
      "适用:keyword.structure",
      "「县区」:class",
      "规则:keyword.structure",
      "「率」:function.declaration",
      "「…」:string.documentation",
      "分段:keyword.action",
      "≥:operator",
      "90%:number",
      "扣:keyword.action",
      "0:number",
    ]);
  });

  it("counting units are unitWord, not keywords or names; 且 前 其余 and comparison signs are operators (issue 12 §4)", () => {
    const text = "细则 「甲」\n等次 {\n  「优秀」 ≥ 90 且 前 20%\n  「不合格」 其余\n}\n指标 「乙」 4分 {\n  规则 「丙」 「丁」 发现一起 扣 1\n  规则 「戊」 「己」 每村 每次 扣 0.1\n  规则 「率」 「…」 分段 { [75%, 100%) 扣 0.2 < 75% 扣 0.5 }\n}\n";
    const w = workspace({ "a.kp": text });
    const of = (word: string) => semanticTokens(w.ctx("a.kp")).filter((t) => text.slice(t.start, t.start + t.length) === word).map((t) => t.type);
    for (const u of ["发现一起", "每村", "每次"]) expect(of(u)).toEqual(["unitWord"]);
    for (const o of ["≥", "且", "前", "其余", "<"]) expect(of(o)).toEqual(["operator"]);
    expect(of("「优秀」")).toEqual(["enumMember"]);
  });

  it("a range request returns only the tokens in the range", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 「丙」 「丁」 扣 1\n}\n" });
    const line2 = "指标 「乙」 4分 {\n".length;
    const toks = semanticTokens(w.ctx("a.kp"), line2, line2 + 8);
    expect(toks.map((t) => t.type)).toEqual(["keyword", "function"]);
  });
});

describe("inlay hints", () => {
  it("after an uncapped per-occurrence rule: the effective cap (the indicator's points) — shown with 「all」, not by default", () => {
    const w = workspace({
      "a.kp":
        "指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5<|>\n  规则 「戊」 「己」 每次 扣 0.5 上限 1\n  合计 上限 2 {\n    规则 「庚」 「辛」 每次 扣 1\n  }\n}\n",
    });
    const hints = inlayHints(w.ctx("a.kp"), 0, Number.POSITIVE_INFINITY, "all");
    expect(hints).toEqual([{ offset: w.at("a.kp"), label: "实际上限 4", tooltip: "本规则没有写上限：最多扣 4 分（指标「乙」的分值）" }]);
    // by default (informative): 扣完为止 at the indicator's own points is what every writer expects — no hint
    expect(inlayHints(w.ctx("a.kp"))).toEqual([]);
    expect(inlayHints(w.ctx("a.kp"), 0, Number.POSITIVE_INFINITY, "off")).toEqual([]);
  });

  it("by default a cap hint shows where the line does not tell it: a 倒扣 rule nothing bounds", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5 倒扣<|>\n}\n" });
    const hints = inlayHints(w.ctx("a.kp"));
    expect(hints.map((h) => [h.offset, h.label])).toEqual([[w.at("a.kp"), "不设上限"]]);
  });

  it("after an indicator's points: its children's sum when it differs; derived points after a name", () => {
    const w = rulesWorkspace({ "03-组织建设.kp": (t) => markAt(markAt(t, "指标 「组织建设」 21分", 13), "「抓好×学习××」", 9) });
    const f = "03-组织建设.kp";
    const hints = inlayHints(w.ctx(f)).filter((h) => h.offset === w.at(f, 0) || h.offset === w.at(f, 1));
    expect(hints).toEqual([
      { offset: w.at(f, 0), label: "子项合计 11.2", tooltip: "分值 21 分，子项合计 11.2 分，相差 9.8 分" },
      { offset: w.at(f, 1), label: "0.5分", tooltip: "未写分值：由子项推出为 0.5 分" },
    ]);
  });

  it("only hints in the requested range", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5\n}\n" });
    expect(inlayHints(w.ctx("a.kp"), 0, 5)).toEqual([]);
  });

  it("with 倒扣 there is no limit", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5 倒扣\n}\n" });
    expect(inlayHints(w.ctx("a.kp")).map((h) => h.label)).toEqual(["不设上限"]);
  });
});

const isSuppression = (a: { title: string }) => a.title.startsWith("本行不检查");

describe("code actions", () => {
  it("KP1001: quote a bare word", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 出席<|>会议 「丁」 扣 1\n}\n" });
    const acts = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp"));
    expect(acts.map((a) => [a.title, a.kind, a.preferred, a.diagnostic?.code])).toEqual([["写成「出席会议」", "quickfix", true, "KP1001"]]);
    expect(applyEdits(w.text("a.kp"), acts[0]!.edits.get(w.path("a.kp"))!)).toContain("规则 「出席会议」 「丁」");
  });

  it("a lint suggestion (not applied by --fix) is never the preferred fix", () => {
    // The clause caps at 2 but the code at 3: correcting the cap is a suggestion (the code may be right).
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 「丙」 「未参会的，每次扣0.5分，最多扣2分」 每次 扣 0.5 上限 <|>3\n}\n" });
    const acts = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp")).filter((a) => a.diagnostic?.code === "KP3030" && !isSuppression(a));
    expect(acts.length).toBeGreaterThan(0);
    for (const a of acts) {
      expect(a.title).toContain("仅为建议");
      expect(a.preferred).toBe(false);
    }
  });

  it("a cap larger than the item and not the clause's: the clause's fix comes first, the item's is not preferred", () => {
    const w = workspace({ "a.kp": "指标 「甲」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分，最多扣2分」 每次 扣 0.5 上限 <|>6\n}\n" });
    const acts = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp")).filter((a) => !isSuppression(a));
    expect(acts.map((a) => [a.diagnostic?.code, a.title, a.preferred])).toEqual([
      ["KP3030", "将上限 6 改为条文中的 2（仅为建议，--fix 不自动应用）", false],
      // changing 6 to the item's 4 would leave the clause-mismatch error on the same number
      ["KP3003", "将上限改为本项分值 4", false],
      ["KP3003", "删除这个上限", false],
    ]);
  });

  it("KP1010: full-width to half-width, one at a time or the whole file", () => {
    const w = workspace({ "a.kp": "指标 「乙」 ４分 {\n  规则 「丙」 「丁」 每次 扣 ０．<|>５\n}\n" });
    // (The linter also offers a cap here: not this test's business.)
    const acts = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp")).filter((a) => a.diagnostic?.code !== "KP3001" && !isSuppression(a));
    expect(acts.map((a) => [a.title, a.kind])).toEqual([
      ["改为半角「0.5」", "quickfix"],
      // beside one of its diagnostics the whole-file fix is a quick fix: VS Code's Ctrl+. menu lists
      // quick fixes, not source actions (the e2e test found it missing there)
      ["把本文件中的全角字符全部改为半角", "quickfix"],
    ]);
    expect(applyEdits(w.text("a.kp"), acts[1]!.edits.get(w.path("a.kp"))!)).toBe(
      "指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5\n}\n",
    );
    // Asked only for source actions (e.g. "fix all" on save): the quick fixes are not offered.
    expect(codeActions(w.ctx("a.kp"), 0, 0, ["source.fixAll"]).map((a) => a.kind)).toEqual(["source.fixAll"]);
  });

  it("KP1011: 【】 and “” typed for 「」, one at a time or the whole file in one action", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规则 【丙】 “丁<|>” 扣 1\n}\n" });
    const acts = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp")).filter((a) => a.diagnostic?.code !== "KP3001");
    expect(acts.map((a) => [a.title, a.kind])).toEqual([
      ["改为「丁」", "quickfix"],
      ["把本文件中的【】“”『』‘’ 全部改为「」", "quickfix"],
    ]);
    expect(applyEdits(w.text("a.kp"), acts[1]!.edits.get(w.path("a.kp"))!)).toBe("指标 「乙」 4分 {\n  规则 「丙」 「丁」 扣 1\n}\n");
  });

  it("missing-cap (lint): add a cap equal to the indicator's points; the file then lints clean of it", () => {
    const text = "指标 「乙」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」\n    每次 扣 0.<|>5\n}\n";
    const w = workspace({ "a.kp": text });
    const all = codeActions(w.ctx("a.kp"), w.at("a.kp"), w.at("a.kp")).filter((a) => a.diagnostic?.code === "KP3001");
    // the fix, and the suppression every lint finding offers (never preferred)
    expect(all.map((a) => [a.title, a.preferred])).toEqual([
      [all[0]!.title, true],
      ["本行不检查（kp-disable-next-line missing-cap）", false],
    ]);
    const acts = all.filter((a) => !isSuppression(a));
    expect(acts[0]!.title).toContain("上限 4");
    const fixed = applyEdits(w.text("a.kp"), acts[0]!.edits.get(w.path("a.kp"))!);
    expect(fixed).toContain("每次 扣 0.5 上限 4");
    w.open("a.kp", fixed);
    expect(w.project.catalogueOf(w.path("a.kp")).diagnostics.filter((d) => d.code === "KP3001")).toEqual([]);
  });

  it("points-sum (lint): the fix is offered where the sum is reported", () => {
    const text =
      "指标 「甲」 5分 {\n  指标 「乙」 2分 {\n    规则 「丙」 「…」 扣 1\n  }\n  指标 「丁」 2分 {\n    规则 「戊」 「…」 扣 1\n  }\n}\n";
    const w = workspace({ "a.kp": text });
    const s = w.project.catalogueOf(w.path("a.kp"));
    const d = s.diagnostics.find((x) => x.code === "KP3010");
    expect(d).toBeDefined();
    const acts = codeActions(w.ctx("a.kp"), d!.span.start.offset, d!.span.end.offset).filter((a) => a.diagnostic?.code === "KP3010");
    expect(acts.length).toBeGreaterThan(0);
    const fixed = applyEdits(text, acts[0]!.edits.get(w.path("a.kp"))!);
    w.open("a.kp", fixed);
    expect(w.project.catalogueOf(w.path("a.kp")).diagnostics.filter((x) => x.code === "KP3010")).toEqual([]);
  });

  it("no actions where there is no diagnostic", () => {
    const w = rulesWorkspace();
    expect(codeActions(w.ctx("细则.kp"), 0, 0)).toEqual([]);
  });
});
