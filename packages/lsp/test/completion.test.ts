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
  it("offers, on an empty line of an indicator, its items with their Chinese docs — and no keyword that cannot stand there", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["规则", "指标", "注", "合计", "就高", "适用", "考评单位", "规则（每次扣分）", "合计 上限 { … }"]));
    for (const no of ["以", "为准", "当", "满分", "扣", "上限", "每次", "等次", "细则", "细则文件头", "加分", "个百分点"]) expect(labels).not.toContain(no);
    const rule = items.find((i) => i.label === "规则")!;
    expect(rule).toMatchObject({ kind: "keyword", detail: "结构", documentation: "规则：名称、条文原文与计分方式", insertText: "规则", snippet: false });
  });

  it("follows the grammar through a rule: method after the clause, 扣/得 after 每次, modifiers after the amount", () => {
    const labelsAt = (a: string) => at(a).items.map((i) => i.label);
    const method = labelsAt("指标 「乙」 4分 {\n  规则 「a」 「b」 <|>\n}\n");
    expect(method).toEqual(expect.arrayContaining(["每次", "扣", "得", "不得分", "分段", "基准", "至少", "按评价", "酌情", "一票否决"]));
    for (const no of ["上限", "规则", "适用", "其中"]) expect(method).not.toContain(no);
    const kou = at("指标 「乙」 4分 {\n  规则 「a」 「b」 <|>\n}\n").items.find((i) => i.label === "扣")!;
    expect(kou).toMatchObject({ kind: "keyword", detail: "计分方式", documentation: "扣分" });
    const meici = at("指标 「乙」 4分 {\n  规则 「a」 「b」 <|>\n}\n").items.find((i) => i.label === "每次")!;
    expect(meici).toMatchObject({ kind: "unit", detail: "计次单位", documentation: "按次计：每次扣（或得）一次" });
    expect(labelsAt("指标 「乙」 4分 {\n  规则 「a」 「b」 每次 <|>\n}\n").filter((l) => !l.startsWith("每"))).toEqual(["扣", "得", "酌情"]);
    // …and they come before a second unit word (每村 每次 is rare)
    const afterUnit = at("指标 「乙」 4分 {\n  规则 「a」 「b」 每次 <|>\n}\n").items.sort((x, y) => x.sortText.localeCompare(y.sortText));
    expect(afterUnit.slice(0, 3).map((i) => i.label)).toEqual(["扣", "得", "酌情"]);
    const after = at("指标 「乙」 4分 {\n  规则 「a」 「b」 每次 扣 0.5 <|>\n}\n").items;
    expect(after.map((i) => i.label)).toEqual(expect.arrayContaining(["上限", "倒扣", "加倍", "减半", "适用", "其中", "规则"]));
    const cap = after.find((i) => i.label === "上限")!;
    expect(cap.documentation).toBe("扣分（或得分）的上限，即封顶\n\n也写作：「封顶」");
    // on the same line, what continues the rule comes before a new item
    const first = [...after].filter((i) => i.kind === "keyword").sort((x, y) => x.sortText.localeCompare(y.sortText)).slice(0, 5).map((i) => i.label);
    expect(first).toEqual(expect.arrayContaining(["上限", "倒扣", "加倍", "减半"]));
  });

  it("inside 分段: bands and 未报送; inside 等次: conditions; header items only at the top of the root", () => {
    const bands = at("指标 「乙」 4分 {\n  规则 「a」 「b」 分段 {\n    [75%, 100%) 扣 0.2\n    <|>\n  }\n}\n").items.map((i) => i.label);
    expect(bands).toEqual(expect.arrayContaining(["未报送", "[下限, 上限) 扣 …", "< 数值 扣 …", "≥ 数值 得 …"]));
    expect(bands).not.toContain("规则");
    const grades = at("等次 {\n  「优秀」 <|>\n}\n").items.map((i) => i.label);
    expect(grades).toEqual(expect.arrayContaining(["≥ 分数", "前 …%", "其余"]));
    // a.kp is included by the root: no 细则/年度/总分 there
    const top = at("<|>\n指标 「乙」 4分 {\n}\n").items.map((i) => i.label);
    expect(top).toEqual(expect.arrayContaining(["指标", "加分", "减分", "等次"]));
    for (const no of ["细则", "年度", "总分", "细则文件头", "规则"]) expect(top).not.toContain(no);
    const w = workspace({ "细则.kp": "<|>\n指标 「乙」 4分 {\n}\n" });
    const inRoot = completions(w.ctx("细则.kp"), w.at("细则.kp")).map((i) => i.label);
    expect(inRoot).toEqual(expect.arrayContaining(["细则", "年度", "总分", "类别", "细则文件头", "指标"]));
    // Measure words only after a number.
    expect(inRoot).not.toContain("个百分点");
  });

  it("offers the linear forms: 平均值、中位数、目标值、不足一档四舍五入 and the linear award snippets", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    // each where the grammar allows it: 平均值 after 基准, the step mode after the amount, 得 as a method
    const after = (rule: string) => at(`指标 「乙」 4分 {\n  规则 「a」 「b」 ${rule}<|>\n}\n`).items;
    expect(after("基准 ").find((i) => i.label === "平均值")?.documentation).toBe("基准为各适用单位数值的平均值（先算出全部单位的平均值，再逐个单位计分）");
    expect(after("基准 90% 每低 1% 扣 0.5 ").find((i) => i.label === "不足一档四舍五入")?.documentation).toBe("档数四舍五入：不足半档不计，半档及以上按一档计");
    expect(after("").find((i) => i.label === "得")?.documentation).toContain("也写作：「加」");
    expect(items.find((i) => i.label === "规则（两侧加减分）")?.insertText).toBe("规则 「${1:名称}」 「${2:条文原文}」\n\t基准 ${3:目标值} 每增加 ${4:1%} 得 ${5:1} 上限 ${6:2}，每少 ${7:1%} 扣 ${8:1}");
    expect(items.map((i) => i.label)).toContain("规则（线性加分）");
  });

  it("the rule snippet inserts the common clause shape", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    const s = items.find((i) => i.label === "规则（每次扣分）")!;
    expect(s).toMatchObject({ kind: "snippet", snippet: true, filterText: "规则 guize gz" });
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
        s.filter === "规则" || s.filter === "合计" || s.filter === "就高" || s.filter === "择一" || s.filter === "参照"
          ? `指标 「容器」 4分 {\n${body}\n}\n`
          : s.filter === "分段"
            ? `指标 「容器」 4分 {\n规则 「甲」 「乙」\n${body}\n}\n`
            : s.filter === "免扣" || s.filter === "可减免"
              ? `指标 「容器」 4分 {\n规则 「甲」 「乙」 扣 1 ${body}\n}\n`
              : body + "\n";
      const errors = parseKp(text, "snippet.kp").diagnostics.filter((d) => d.severity === "error");
      expect(
        errors.map((d) => d.message),
        `${s.label}:\n${text}`,
      ).toEqual([]);
    }
  });

  it("offers the assessor's judgement: 评议, 免扣, 可减免 as keywords with docs, and their snippets", () => {
    const { items } = at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 扣 1 <|>\n}\n");
    expect(items.find((i) => i.label === "免扣")).toMatchObject({ kind: "keyword", insertText: "免扣", snippet: false });
    expect(items.find((i) => i.label === "免扣")!.documentation).toContain("条件成立时本规则不扣分");
    expect(items.find((i) => i.label === "可减免")!.documentation).toContain("减免的分数在 0 至扣分之间");
    // 评议 begins a scoring method: offered after the clause, not after an amount
    expect(items.find((i) => i.label === "评议")).toBeUndefined();
    expect(at("指标 「乙」 4分 {\n  规则 「丙」 「丁」 <|>\n}\n").items.find((i) => i.label === "评议")!.documentation).toContain("上限");
    expect(items.find((i) => i.label === "免扣 当 「…」")).toMatchObject({ kind: "snippet", insertText: "免扣 当 「${1:确因上级政策调整}」" });
    expect(items.find((i) => i.label === "规则（每次酌情扣分）")?.insertText).toContain("每次 酌情 扣 ${3:1} 至 ${4:3}");
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

describe("completion of outcomes (issue 11 §1.5, §1.8, §1.13)", () => {
  it("offers 否则, 评为, 分别, 折算自 with their docs, and the snippets", () => {
    const { items } = at("指标 「乙」 4分 {\n  <|>\n}\n");
    // each where the grammar allows it
    const after = (rule: string) => at(`指标 「乙」 4分 {\n  规则 「a」 「b」 ${rule}<|>\n}\n`).items;
    for (const [k, rule] of [["否则", "得 1 "], ["评为", ""], ["分别", "评为 「好」 "], ["折算自", "按评价 得分 "]] as const)
      expect(after(rule).find((i) => i.label === k)?.documentation, k).toBeTruthy();
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["规则（完成得分，否则扣分）", "规则（评定结果）", "规则（折算上级考核结果）"]));
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

describe("completion of signed values (issue 11 §1.8)", () => {
  it("offers 可为负 after 分段, and the step words after a band's outcome", () => {
    const after = (rule: string) => at(`指标 「乙」 4分 {\n  规则 「a」 「b」 ${rule}<|>\n}\n`).items;
    expect(after("分段 ").find((i) => i.label === "可为负")?.documentation).toBeTruthy();
    expect(after("分段 可为负 {\n    < 0 得 1.5 ").map((i) => i.label)).toEqual(expect.arrayContaining(["每低", "每高"]));
    expect(after("分段 可为负 {\n    < 0 得 1.5 每低 0.1 扣 0.1 ").map((i) => i.label)).toEqual(expect.arrayContaining(["不足一档不计"]));
    expect(at("指标 「乙」 4分 {\n  <|>\n}\n").items.map((i) => i.label)).toContain("规则（可为负的数值：提升、持平、下降）");
  });
});
