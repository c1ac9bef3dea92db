/**
 * The TextMate grammar of test scenarios (grammar/kptest.tmLanguage.json) through vscode-textmate +
 * Oniguruma, the engine VS Code uses: generated from core's SCENARIO_WORDS (the words the scenario
 * parser reads), declared for the kptest language in the extension's manifest, every line form of the
 * format scoped, and every non-blank character of the shipped scenario files coloured.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";
import { parseScenarios } from "../../core/src/index.js";
import { kptestGrammarText } from "../scripts/generate-grammar.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const grammarFile = path.join(repo, "grammar/kptest.tmLanguage.json");
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
    loadGrammar: async (scope: string) => (scope === "source.kptest" ? vsctm.parseRawGrammar(readFileSync(grammarFile, "utf8"), grammarFile) : null),
  });
  const g = await registry.loadGrammar("source.kptest");
  if (!g) throw new Error("grammar did not load");
  grammar = g;
});

/** [text, innermost scope] for each non-blank token of a text (lines joined). */
function tokens(text: string): [string, string][] {
  let stack = vsctm.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim() !== "") out.push([s.trim(), t.scopes[t.scopes.length - 1]!]);
    }
    stack = r.ruleStack;
  }
  return out;
}

describe("grammar/kptest.tmLanguage.json", () => {
  it("is the generated one (run `npx tsx packages/vscode/scripts/generate-grammar.ts` after changing SCENARIO_WORDS)", () => {
    expect(readFileSync(grammarFile, "utf8")).toBe(kptestGrammarText());
  });

  it("is the kptest language's grammar in the extension's manifest (copied into syntaxes/ by the build)", () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, "packages/vscode/package.json"), "utf8")) as { contributes: { grammars: { language: string; scopeName: string; path: string }[] } };
    expect(manifest.contributes.grammars).toContainEqual({ language: "kptest", scopeName: "source.kptest", path: "./syntaxes/kptest.tmLanguage.json" });
    expect(readFileSync(path.join(repo, "packages/vscode/tsup.config.ts"), "utf8")).toContain('"./syntaxes/kptest.tmLanguage.json"');
  });

  it("has its own language configuration: // comments only (the format has no block comments), 「」 pairs", () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, "packages/vscode/package.json"), "utf8")) as { contributes: { languages: { id: string; configuration: string }[] } };
    expect(manifest.contributes.languages.find((l) => l.id === "kptest")?.configuration).toBe("./kptest-language-configuration.json");
    expect(readFileSync(path.join(repo, "packages/vscode/tsup.config.ts"), "utf8")).toContain('"./kptest-language-configuration.json"');
    const conf = JSON.parse(readFileSync(path.join(repo, "grammar/kptest-language-configuration.json"), "utf8")) as { comments: object; brackets: string[][] };
    expect(conf.comments).toEqual({ lineComment: "//" });
    expect(conf.brackets).toEqual([["「", "」"]]);
    expect(parseScenarios("/* 块注释 */", "t.kptest").diagnostics.map((d) => d.code)).toEqual(["KP7001"]); // why: a block comment is not part of the format
  });

  it("scopes the header lines, a scenario, its class, facts and every kind of expectation", () => {
    const text = [
      "细则 「../rules/细则.kp」 // 注释",
      "基准",
      "  「执纪审查评价」 = 4",
      "场景 「参会缺席一次」",
      "  类别 「县区」",
      "  「参会」 = 1",
      "  「报送及时」 = 否",
      "  「信息完成率」 = 80%",
      "  期望 规则 「参会」 扣 0.5",
      "  期望 规则 「学习」 不扣分",
      "  期望 指标 「落实部署」 3.5 分",
      "  期望 总分 61.5",
      "  期望 等次 「优秀」",
      "场景 「排名」",
      "  单位 「甲县」 类别 「园区」",
      "    期望 名次 第 2 名",
    ].join("\n");
    expect(parseScenarios(text, "t.kptest").diagnostics).toEqual([]); // the sample is a valid file
    expect(tokens(text)).toEqual([
      ["细则", "keyword.other.header.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["../rules/细则.kp", "string.quoted.other.path.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["//", "punctuation.definition.comment.kptest"],
      ["注释", "comment.line.double-slash.kptest"],
      ["基准", "keyword.other.header.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["执纪审查评价", "variable.other.fact.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["=", "keyword.operator.assignment.kptest"],
      ["4", "constant.numeric.kptest"],
      ["场景", "keyword.control.structure.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["参会缺席一次", "entity.name.function.scenario.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["类别", "keyword.other.header.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["县区", "entity.name.type.class.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["参会", "variable.other.fact.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["=", "keyword.operator.assignment.kptest"],
      ["1", "constant.numeric.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["报送及时", "variable.other.fact.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["=", "keyword.operator.assignment.kptest"],
      ["否", "constant.language.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["信息完成率", "variable.other.fact.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["=", "keyword.operator.assignment.kptest"],
      ["80%", "constant.numeric.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["规则", "keyword.other.expectation.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["参会", "entity.name.function.rule.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["扣", "keyword.other.action.kptest"],
      ["0.5", "constant.numeric.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["规则", "keyword.other.expectation.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["学习", "entity.name.function.rule.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["不扣分", "keyword.other.action.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["指标", "keyword.other.expectation.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["落实部署", "entity.name.namespace.indicator.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["3.5", "constant.numeric.kptest"],
      ["分", "keyword.other.unit.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["总分", "keyword.other.expectation.kptest"],
      ["61.5", "constant.numeric.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["等次", "keyword.other.expectation.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["优秀", "string.quoted.other.grade.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["场景", "keyword.control.structure.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["排名", "entity.name.function.scenario.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["单位", "keyword.control.structure.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["甲县", "entity.name.namespace.unit.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["类别", "keyword.other.header.kptest"],
      ["「", "punctuation.definition.string.begin.kptest"],
      ["园区", "entity.name.type.class.kptest"],
      ["」", "punctuation.definition.string.end.kptest"],
      ["期望", "keyword.control.structure.kptest"],
      ["名次", "keyword.other.expectation.kptest"],
      ["第", "keyword.other.unit.kptest"],
      ["2", "constant.numeric.kptest"],
      ["名", "keyword.other.unit.kptest"],
    ]);
  });

  it("keeps // inside 「」 (a name, not a comment), comments after an item, full-width digits", () => {
    const t = tokens("场景 「网址//不是注释」 // 这是注释\n  「参会」 ＝ ２ // 两次\n  「违纪」 = 事件A、事件B");
    expect(t).toContainEqual(["网址//不是注释", "entity.name.function.scenario.kptest"]);
    expect(t).toContainEqual(["这是注释", "comment.line.double-slash.kptest"]);
    expect(t).toContainEqual(["＝", "keyword.operator.assignment.kptest"]);
    expect(t).toContainEqual(["２", "constant.numeric.kptest"]);
    expect(t).toContainEqual(["两次", "comment.line.double-slash.kptest"]);
    expect(t).toContainEqual(["事件A、事件B", "string.unquoted.value.kptest"]);
    // 是 inside a word is not the fact word 是
    expect(t.filter(([, s]) => s === "constant.language.kptest")).toEqual([]);
  });

  it("every non-blank character of the shipped scenario files gets a scope beyond source.kptest", () => {
    for (const f of ["rules/细则.kptest", "examples/各县.kptest"]) {
      const all = tokens(readFileSync(path.join(repo, f), "utf8"));
      expect(all.length, f).toBeGreaterThan(100);
      expect(
        all.filter(([, s]) => s === "source.kptest"),
        f,
      ).toEqual([]);
    }
  });
});
