/** How names and keywords are told apart, and what the lexer does with Chinese IME input. */
import { describe, expect, it } from "vitest";
import { checkCatalogue, lex, parseKp, type Rule } from "@kaoping/core";

const kinds = (text: string) => lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe("lexer", () => {
  it("needs no spaces between keywords, numbers and strings", () => {
    expect(kinds("每次扣0.5上限4")).toEqual(["PerTime:每次", "Deduct:扣", "NumberLiteral:0.5", "Cap:上限", "NumberLiteral:4"]);
    expect(kinds("规则「参会」「x」每次扣0.5分")).toEqual([
      "RuleKw:规则",
      "StringLiteral:「参会」",
      "StringLiteral:「x」",
      "PerTime:每次",
      "Deduct:扣",
      "NumberLiteral:0.5",
      "Measure0:分",
    ]);
  });

  it("reads the count words 每份 and 每场 (session 23: real rulebooks count 份 and 场) and 份, 场 after numbers", () => {
    expect(kinds("每份 扣 1")).toEqual(["PerCopy:每份", "Deduct:扣", "NumberLiteral:1"]);
    expect(kinds("至少 30场 每少 1场 扣 0.25").filter((k) => /场/.test(k))).toEqual(["Measure30:场", "Measure30:场"]);
    const text = "细则 「计次」\n对象 「单位」\n总分 6分\n指标 「甲」 6分 {\n  规则 「a」 「每发现1份未按时录入的，扣1分」 每份 扣 1\n  规则 「b」 「不少于30场，每少1场扣0.25分」 至少 30场 每少 1场 扣 0.25\n}\n";
    const r = parseKp(text);
    expect(r.diagnostics).toEqual([]);
    expect(checkCatalogue([r.ast]).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("takes the longest keyword: 每人次 before 每人, 得分 before 得, 不足一档按一档计 before 不足一档不计", () => {
    expect(kinds("每人次 每人 得分 得 不足一档按一档计 不足一档不计 至少 至")).toEqual([
      "PerPersonTime:每人次",
      "PerPerson:每人",
      "ScoreWord:得分",
      "Award:得",
      "ModeCeil:不足一档按一档计",
      "ModeFloor:不足一档不计",
      "AtLeast:至少",
      "To:至",
    ]);
  });

  it("reports a bare word cut at a one-character keyword as the one word it is (加强, 扣除)", () => {
    const codes = (text: string) => parseKp(text).diagnostics.map((d) => `${d.code}:${d.message.match(/「([^」]*)」/)?.[1]}`);
    // 加 (得) and 按 start bare words: one unknown word, whose quoting fix makes the line valid.
    const r = parseKp("细则 「x」 指标 「甲」 5分 { 规则 「乙」 加强管理 得 1 }");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["KP1001"]);
    expect(r.diagnostics[0]!.message).toContain("「加强管理」");
    expect(r.diagnostics[0]!.fixes?.[0]?.edits[0]?.newText).toBe("「加强管理」");
    expect(codes("细则 「x」 指标 「甲」 5分 { 规则 「乙」 「y」 得 1 强加 }")[0]).toBe("KP1001:强加");
    // A misspelt keyword keeps its suggestion, and the parser's consequent error is not reported twice.
    expect(codes("细则 「x」 指标 「甲」 5分 { 规则 「乙」 「y」 每次 扣除 1 }")).toEqual(["KP1005:扣除"]);
    // An unknown word that is itself near a keyword stays apart (上线 → 上限), and keywords alone never join.
    expect(kinds("扣 1 上线 3")).toEqual(["Deduct:扣", "NumberLiteral:1", "StringLiteral:上线", "NumberLiteral:3"]);
    expect(kinds("当前")).toEqual(["When:当", "Top:前"]);
  });

  it("lets a quoted name start with a keyword or mix scripts", () => {
    const r = parseKp("细则 「x」 指标 「每次会议A类」 1分 { 规则 「每次扣分ABC」 「每次扣0.5分」 每次 扣 0.5 }");
    expect(r.diagnostics).toEqual([]);
    const ind = r.ast.items[1]!;
    expect(ind.kind === "Indicator" && ind.name?.value).toBe("每次会议A类");
    const rule = (ind.kind === "Indicator" ? ind.items[0] : undefined) as Rule;
    expect(rule.name?.value).toBe("每次扣分ABC");
  });

  it("allows balanced 「」 inside strings and keeps clause text verbatim", () => {
    const r = parseKp("细则 「关于「三个责任」的细则」");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.items[0]!.kind === "Title" && r.ast.items[0]!.title?.value).toBe("关于「三个责任」的细则");
  });

  it("reports a bare name with a fix that quotes it, and recovers it as a name", () => {
    const r = parseKp("细则 「x」\n指标 「甲」 1分 { 规则 参会 「x」 每次 扣 0.5 }");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["KP1001"]);
    expect(r.diagnostics[0]!.fixes![0]!.edits[0]!.newText).toBe("「参会」");
    const ind = r.ast.items[1]!;
    expect(ind.kind === "Indicator" && (ind.items[0] as Rule).name?.value).toBe("参会");
  });

  it("accepts full-width digits and punctuation from an IME, with a warning and a fix", () => {
    const r = parseKp("细则 「x」\n指标 「甲」 ４分 ｛ 规则 「a」 「b」 分段 ｛ ［７５％，１００％） 扣 ０．２ ｝ ｝");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const warned = r.diagnostics.map((d) => d.message);
    expect(warned).toContain("全角字符「７５％」已按半角「75%」处理");
    expect(r.diagnostics.every((d) => d.code === "KP1010" && d.fixes?.length === 1)).toBe(true);
    const ind = r.ast.items[1]!;
    expect(ind.kind === "Indicator" && ind.points?.text).toBe("4");
  });

  it("skips statement punctuation people type out of habit", () => {
    const r = parseKp("细则 「x」；\n指标 「甲」 1分 { 规则 「a」：「b」 每次 扣 0.5。 }");
    expect(r.diagnostics).toEqual([]);
  });

  it("keeps comments in the token stream", () => {
    const r = parseKp("// 头注释\n细则 「x」 /* 块 */\n");
    expect(r.ast.comments.map((c) => [c.style, c.text])).toEqual([
      ["line", "// 头注释"],
      ["block", "/* 块 */"],
    ]);
  });

  it("answers arbitrary input with located diagnostics, not an exception", () => {
    // not only "does not throw": each input gets the diagnostics a writer should see, at the right place
    const cases: [string, string[]][] = [
      ["", []],
      ["「", ["1:1-1:2 KP1002"]],
      ["」", ["1:1-1:2 KP1003"]],
      ["/*", ["1:1-1:3 KP1004"]],
      ["\u0000", ["1:1-1:2 KP1003"]],
      ["每", ["1:1-1:2 KP1001"]],
      ["🙂规则「", ["1:1-1:3 KP1003", "1:3-1:5 KP1104", "1:5-1:6 KP1002"]],
      ["[[[(((", ["1:1-1:2 KP1104"]],
      ["1.2.3.4", ["1:1-1:4 KP1104", "1:4-1:5 KP1003"]],
      ["\uFEFF细则", ["1:4-1:4 KP1101"]],
    ];
    for (const [text, want] of cases) {
      const r = parseKp(text);
      const got = r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column} ${d.code}`);
      expect(got, JSON.stringify(text)).toEqual(want);
      for (const d of r.diagnostics) expect(d.severity === "error" && /[\u4e00-\u9fff]/.test(d.message), d.message).toBe(true);
    }
  });
});

describe("parser recovery", () => {
  it("reports three different syntax errors at their exact line:column and still builds the rest", () => {
    const text = [
      "细则 「三处错误」",
      "指标 「甲」 4分 {",
      "  规则 「a」 「未参会的，每次扣0.5分」 每次 扣 上限 4",
      "  规则 「b」 「未学习的，每次扣0.5分」 每次 扣 0.5",
      "  规则 「c」 「信息」 分段 { [75%, 100% 扣 0.2 }",
      "  规则 「d」 「x」 每次 扣 1 @",
      "}",
    ].join("\n");
    const r = parseKp(text);
    expect(r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code}`)).toEqual([
      "3:30 KP1102",
      "5:31 KP1102",
      "6:21 KP1003",
    ]);
    const ind = r.ast.items[1]!;
    expect(ind.kind === "Indicator" && ind.items.map((i) => (i as Rule).name?.value)).toContain("b");
  });
});
