import { describe, expect, it } from "vitest";
import { keywords } from "@kaoping/core";
import { parseKp } from "@kaoping/core";
import { completions, snippets } from "../src/service/completion.js";
import { applyEdits, workspace } from "./helpers.js";

const root = "细则 「甲」\n类别 「县区」、「园区」\n引入 「a.kp」\n";

function at(a: string, extra: Record<string, string> = {}) {
  const w = workspace({ "细则.kp": root, "a.kp": a, ...extra });
  return { w, items: completions(w.ctx("a.kp"), w.at("a.kp")) };
}

describe("completion", () => {
  it("offers keywords with their Chinese docs, unit words and snippets on an empty line", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["规则", "每次", "扣", "上限", "分段", "适用", "规则（每次扣分）", "分段 { … }"]));
    const kou = items.find((i) => i.label === "扣")!;
    expect(kou).toMatchObject({ kind: "keyword", detail: "计分方式", documentation: "扣分", insertText: "扣", snippet: false });
    const meici = items.find((i) => i.label === "每次")!;
    expect(meici).toMatchObject({ kind: "unit", detail: "计次单位", documentation: "按次计：每次扣（或得）一次" });
    const cap = items.find((i) => i.label === "上限")!;
    expect(cap.documentation).toBe("扣分（或得分）的上限，即封顶\n\n也写作：「封顶」");
    // Every non-measure keyword is offered, once.
    const kws = keywords.filter((k) => k.role !== "measure").map((k) => k.text);
    expect(
      items
        .filter((i) => i.kind === "keyword" || i.kind === "unit")
        .map((i) => i.label)
        .sort(),
    ).toEqual([...kws].sort());
    // Measure words only after a number.
    expect(labels).not.toContain("个百分点");
  });

  it("the rule snippet inserts the common clause shape", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    const s = items.find((i) => i.label === "规则（每次扣分）")!;
    expect(s).toMatchObject({ kind: "snippet", snippet: true, filterText: "规则" });
    expect(s.insertText).toBe("规则 「${1:名称}」 「${2:条文原文}」\n\t每次 扣 ${3:0.5} 上限 ${4:2}");
    expect(s.sortText < items.find((i) => i.label === "规则")!.sortText).toBe(true);
  });

  it("every snippet, with its default values, is valid .kp", () => {
    for (const s of snippets) {
      const body = s.body
        .replace(/\$\{\d+:([^}]*)\}/g, "$1")
        .replace(/\$\d+/g, "")
        .replace(/\t/g, "  ");
      const text =
        s.filter === "规则" || s.filter === "合计" || s.filter === "就高" || s.filter === "参照"
          ? `指标 「容器」 4分 {\n${body}\n}\n`
          : s.filter === "分段"
            ? `指标 「容器」 4分 {\n规则 「甲」 「乙」\n${body}\n}\n`
            : body + "\n";
      const errors = parseKp(text, "snippet.kp").diagnostics.filter((d) => d.severity === "error");
      expect(
        errors.map((d) => d.message),
        `${s.label}:\n${text}`,
      ).toEqual([]);
    }
  });

  it("replaces the partial word being typed (a prefix of a keyword)", () => {
    const { w, items } = at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5 上<|>\n}\n");
    const cap = items.find((i) => i.label === "上限")!;
    const off = w.at("a.kp");
    expect(cap.replace).toEqual({ start: off - 1, end: off });
    expect(applyEdits(w.text("a.kp"), [{ ...cap.replace, newText: cap.insertText }])).toContain("每次 扣 0.5 上限\n");
  });

  it("works without spaces, as typed with an IME (每次扣0.5上…)", () => {
    const { w, items } = at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次扣0.5上<|>\n}\n");
    const cap = items.find((i) => i.label === "上限")!;
    expect(cap.replace).toEqual({ start: w.at("a.kp") - 1, end: w.at("a.kp") });
  });

  it("measure words after a number, first", () => {
    const { items } = at("指标 「乙」 4<|> {\n}\n");
    const fen = items.find((i) => i.label === "分")!;
    expect(fen).toMatchObject({ kind: "measure", detail: "计量单位" });
    expect(items.every((i) => i.kind === "measure" || fen.sortText <= i.sortText)).toBe(true);
  });

  it("after 适用: the declared unit classes, quoted", () => {
    const { items } = at("指标 「乙」 4分 {\n  适用 <|>\n}\n");
    expect(items.map((i) => [i.label, i.insertText, i.kind])).toEqual([
      ["「县区」", "「县区」", "class"],
      ["「园区」", "「园区」", "class"],
    ]);
  });

  it("after 适用 「县区」、 and inside an open 「 : classes (unquoted inside the string)", () => {
    expect(at("指标 「乙」 4分 {\n  适用 「县区」、<|>\n}\n").items.map((i) => i.label)).toEqual(["「县区」", "「园区」"]);
    const { w, items } = at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 扣 1 适用 「园<|>\n}\n");
    expect(items.map((i) => i.label)).toEqual(["园区"]);
    expect(items[0]!.replace).toEqual({ start: w.at("a.kp") - 1, end: w.at("a.kp") });
  });

  it("after 其中 and 参照: classes", () => {
    expect(at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 每次 扣 0.5 其中 <|>\n}\n").items.map((i) => i.label)).toEqual([
      "「县区」",
      "「园区」",
    ]);
    expect(at("指标 「乙」 4分 {\n  参照 <|>\n}\n").items.map((i) => i.label)).toEqual(["「县区」", "「园区」"]);
  });

  it("after 规则 or 指标 a new name comes: nothing", () => {
    expect(at("指标 「乙」 4分 {\n  规则 <|>\n}\n").items).toEqual([]);
  });

  it("after 引入: the .kp files not yet included", () => {
    const w = workspace({
      "细则.kp": "细则 「甲」\n引入 「a.kp」\n引入 <|>\n",
      "a.kp": "指标 「乙」 1分 {\n}\n",
      "b.kp": "指标 「丙」 1分 {\n}\n",
    });
    expect(completions(w.ctx("细则.kp"), w.at("细则.kp")).map((i) => i.label)).toEqual(["「b.kp」"]);
  });

  it("inside a clause text: names of rules and indicators (a clause may cite another item)", () => {
    const { items } = at("指标 「乙」 4分 {\n  规则 「参会」 「每次扣0.5」 每次 扣 0.5\n  规则 「丙」 「同<|>」 扣 1\n}\n");
    expect(items.map((i) => [i.label, i.kind])).toEqual(
      expect.arrayContaining([
        ["「参会」", "rule"],
        ["「乙」", "indicator"],
      ]),
    );
  });

  it("nothing inside a comment or a name", () => {
    expect(at("// 每<|>\n指标 「乙」 4分 {\n}\n").items).toEqual([]);
    expect(at("指标 「乙<|>」 4分 {\n}\n").items).toEqual([]);
  });
});

describe("completion of the cross-unit constructs (issue 11 §1.3, §1.10)", () => {
  it("offers indicator names inside 按 「…」 and classes after 参照 … 以", () => {
    const inBy = at("指标 「项目」 4分 {\n}\n指标 「进位」 3分 {\n  规则 「甲」 「乙」 按 「项<|>」 得分 排名 依次 得 3\n}\n").items;
    expect(inBy.map((i) => [i.label, i.kind])).toEqual([["项目", "indicator"]]);
    const afterYi = at("指标 「项目」 4分 {\n  参照 「园区」 以 「<|>」 平均分 为准\n}\n").items;
    expect(afterYi.map((i) => i.label)).toEqual(["县区", "园区"]);
  });
  it("offers the 参照 and ranking snippets", () => {
    const labels = at("指标 「项目」 4分 {\n  <|>\n}\n").items.filter((i) => i.kind === "snippet").map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["参照（未涉及按平均分计）", "规则（名次依次得分）", "规则（按另一指标的得分排名）"]));
  });
});
