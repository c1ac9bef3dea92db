/**
 * The TextMate grammar (grammar/kp.tmLanguage.json) through vscode-textmate + Oniguruma, the very
 * engine VS Code uses: generated from core's keywords, every token of rules/ gets a scope, names are
 * told from clause texts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";
import { grammarText } from "../scripts/generate-grammar.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const grammarFile = path.join(repo, "grammar/kp.tmLanguage.json");
let grammar: vsctm.IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) =>
      scope === "source.kp" ? vsctm.parseRawGrammar(readFileSync(grammarFile, "utf8"), grammarFile) : null,
  });
  const g = await registry.loadGrammar("source.kp");
  if (!g) throw new Error("grammar did not load");
  grammar = g;
});

/** [text, innermost scope] for each token of a text (lines joined). */
function tokens(text: string): [string, string][] {
  let stack = vsctm.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim() !== "") out.push([s, t.scopes[t.scopes.length - 1]!]);
    }
    stack = r.ruleStack;
  }
  return out;
}

const scopeOf = (text: string, needle: string, n = 0) => {
  const found = tokens(text).filter(([s]) => s === needle);
  if (!found[n]) throw new Error(`no token "${needle}" in ${JSON.stringify(tokens(text))}`);
  return found[n]![1];
};

describe("grammar/kp.tmLanguage.json", () => {
  it("is the generated one (run `npx tsx packages/vscode/scripts/generate-grammar.ts` after changing keywords)", () => {
    expect(readFileSync(grammarFile, "utf8")).toBe(grammarText());
  });

  it("scopes a rule: keyword, rule name, clause text, unit word, action, number, modifier", () => {
    const line = "  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5 上限 4";
    expect(tokens(line)).toEqual([
      ["规则", "keyword.control.structure.kp"],
      ["「", "punctuation.definition.string.begin.kp"],
      ["参会", "entity.name.function.rule.kp"],
      ["」", "punctuation.definition.string.end.kp"],
      ["「", "punctuation.definition.string.begin.kp"],
      ["未按要求参加会议的，每次扣0.5分", "string.quoted.other.clause.kp"],
      ["」", "punctuation.definition.string.end.kp"],
      ["每次", "keyword.other.unit.counting.kp"],
      ["扣", "keyword.other.action.kp"],
      ["0.5", "constant.numeric.kp"],
      ["上限", "storage.modifier.kp"],
      ["4", "constant.numeric.kp"],
    ]);
  });

  it("without spaces, as typed with an IME: 每次扣0.5上限4", () => {
    expect(tokens("每次扣0.5上限4").map(([s, sc]) => `${s}:${sc.split(".")[0]}`)).toEqual([
      "每次:keyword",
      "扣:keyword",
      "0.5:constant",
      "上限:storage",
      "4:constant",
    ]);
  });

  it("indicators, points with their measure word, classes, comments", () => {
    const t =
      "细则 「甲」 // 注释\n类别 「县区」、「园区」\n指标 「乙」 4分 {\n  适用 「园区」\n  规则 「丙」 「丁」 每次 扣 0.5 其中 「园区」 0.3 上限 2\n}\n/* 块\n注释 */";
    expect(scopeOf(t, "甲")).toBe("entity.name.namespace.title.kp");
    expect(scopeOf(t, "//")).toBe("punctuation.definition.comment.kp");
    expect(scopeOf(t, " 注释")).toBe("comment.line.double-slash.kp");
    expect(scopeOf(t, "、")).toBe("punctuation.separator.list.kp");
    expect(scopeOf(t, "县区")).toBe("entity.name.type.class.kp");
    expect(scopeOf(t, "园区", 0)).toBe("entity.name.type.class.kp");
    expect(scopeOf(t, "乙")).toBe("entity.name.namespace.indicator.kp");
    expect(scopeOf(t, "4")).toBe("constant.numeric.kp");
    expect(scopeOf(t, "分")).toBe("keyword.other.unit.kp");
    expect(scopeOf(t, "园区", 1)).toBe("entity.name.type.class.kp");
    expect(scopeOf(t, "园区", 2)).toBe("entity.name.type.class.kp");
    expect(scopeOf(t, "0.3")).toBe("constant.numeric.kp");
    expect(scopeOf(t, "上限")).toBe("storage.modifier.kp");
    expect(scopeOf(t, "{")).toBe("punctuation.section.block.begin.kp");
    expect(scopeOf(t, "注释 ")).toBe("comment.block.kp");
  });

  it("keeps nested 「」 inside one string, and a name may start with a keyword", () => {
    const t = "  规则 「每次会议」 「按《办法》「附件」执行」 扣 1";
    expect(scopeOf(t, "每次会议")).toBe("entity.name.function.rule.kp");
    expect(
      tokens(t)
        .filter(([, s]) => s === "string.quoted.other.clause.kp")
        .map(([x]) => x)
        .join(""),
    ).toBe("按《办法》「附件」执行");
    expect(scopeOf(t, "扣")).toBe("keyword.other.action.kp");
  });

  it("colours 且, 前, 其余 and comparison signs in 等次 and 分段 as word-like operators; counting units as keywords, not names (issue 12 §4)", () => {
    const t = "等次 {\n  「优秀」 ≥ 90 且 前 20%\n  「不合格」 其余\n}\n指标 「乙」 4分 {\n  规则 「率」 「…」 分段 { [75%, 100%) 扣 0.2  < 75% 扣 0.5  = 0 不得分 }\n  规则 「丙」 「丁」 发现一起 扣 1\n  规则 「戊」 「己」 每件次 扣 1\n}";
    // The innermost scope is what a theme colours: the default themes colour keyword.operator.wordlike, not keyword.operator.
    for (const w of ["≥", "且", "前", "其余", "<", "="]) expect(scopeOf(t, w)).toBe("keyword.operator.wordlike.kp");
    const all = (needle: string) => {
      let stack = vsctm.INITIAL;
      for (const line of t.split("\n")) {
        const r = grammar.tokenizeLine(line, stack);
        const hit = r.tokens.find((k) => line.slice(k.startIndex, k.endIndex) === needle);
        if (hit) return hit.scopes;
        stack = r.ruleStack;
      }
      return [];
    };
    expect(all("≥")).toContain("keyword.operator.comparison.kp");
    for (const w of ["发现一起", "每件次"]) expect(scopeOf(t, w)).toBe("keyword.other.unit.counting.kp");
    expect(scopeOf(t, "乙")).toBe("entity.name.namespace.indicator.kp");
  });

  it("the marks 待核 and 待补 after a clause are highlighted alike", () => {
    const t = "  规则 「考勤」 「迟到一次扣0.5分」 待核 每次 扣 0.5";
    expect(scopeOf(t, "待核")).toBe("keyword.other.action.kp");
    expect(scopeOf(t, "待核")).toBe(scopeOf("  规则 「考勤」 「视情况酌定」 待补", "待补"));
  });

  it("longer keywords win over their prefixes (分段 is not 分 + 段, 得分 is not 得 + 分)", () => {
    expect(scopeOf("分段 {", "分段")).toBe("keyword.other.action.kp");
    expect(scopeOf("按评价 得分 满分 4", "得分")).toBe("keyword.other.action.kp");
    expect(scopeOf("至少 4 次 每少 1 次 扣 0.25", "至少")).toBe("keyword.other.action.kp");
    expect(scopeOf("至少 4 次 每少 1 次 扣 0.25", "次")).toBe("keyword.other.unit.kp");
    expect(scopeOf("[75%, 100%) 扣 0.2", "75%")).toBe("constant.numeric.kp");
  });

  it("every non-blank character of rules/ outside strings and comments gets a scope beyond source.kp", () => {
    const rules = path.join(repo, "rules");
    for (const f of readdirSync(rules).filter((x) => x.endsWith(".kp"))) {
      const bare = tokens(readFileSync(path.join(rules, f), "utf8")).filter(([, s]) => s === "source.kp");
      expect(bare, f).toEqual([]);
    }
  });
});

describe("grammar/language-configuration.json", () => {
  const conf = JSON.parse(readFileSync(path.join(repo, "grammar/language-configuration.json"), "utf8")) as Record<string, unknown>;
  it("comments, brackets, auto-closing and surrounding pairs, indentation", () => {
    expect(conf.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(conf.brackets).toEqual([
      ["{", "}"],
      ["[", "]"],
      ["(", ")"],
      ["「", "」"],
    ]);
    const auto = (conf.autoClosingPairs as { open: string; close: string }[]).map((p) => p.open + p.close);
    expect(auto).toEqual(expect.arrayContaining(["「」", "“”", "（）", "{}", "[]", "()"]));
    const surround = (conf.surroundingPairs as string[][]).map((p) => p.join(""));
    expect(surround).toEqual(expect.arrayContaining(["「」", "“”", "（）", "{}"]));
    const ind = conf.indentationRules as { increaseIndentPattern: string; decreaseIndentPattern: string };
    expect(new RegExp(ind.increaseIndentPattern).test("指标 「甲」 4分 {")).toBe(true);
    expect(new RegExp(ind.increaseIndentPattern).test("指标 「甲」 4分 { }")).toBe(false);
    expect(new RegExp(ind.increaseIndentPattern).test("// 一级指标 {")).toBe(false);
    expect(new RegExp(ind.decreaseIndentPattern).test("  }")).toBe(true);
  });
});
