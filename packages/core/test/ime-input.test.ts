/**
 * Chinese input as people type it (issue 12 §2): the quotes a pinyin IME gives for 「」, a 」 left out
 * after a rule name, and misspelt keywords — each with the fix a writer needs, ranked by position.
 */
import { describe, expect, it } from "vitest";
import { parseKp, type Indicator, type Rule } from "@kaoping/core";

const firstRule = (text: string) => (parseKp(text).ast.items.find((i) => i.kind === "Indicator") as Indicator).items[0] as Rule;

describe("【】“”『』‘’ written for 「」", () => {
  const text = "细则 「x」\n指标 「甲」 4分 {\n  规则 【督办】 “未按要求参加会议的，每次扣0.5分” 每次 扣 0.5 上限 4\n}";

  it("are read as 「」 with a KP1011 warning and a fix each — the rule is the one written with 「」", () => {
    const r = parseKp(text);
    expect(r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code}`)).toEqual(["3:6 warning KP1011", "3:11 warning KP1011"]);
    expect(r.diagnostics[0]!.message).toBe("【督办】 已按 「督办」 处理：名称和条文应写在「」中（中文输入法常打出【】或“”）");
    const rule = firstRule(text);
    expect([rule.name?.value, rule.clause?.value]).toEqual(["督办", "未按要求参加会议的，每次扣0.5分"]);
    const quoted = firstRule(text.replace("【督办】", "「督办」").replace(/“(.*)”/, "「$1」"));
    expect(quoted.name?.value).toBe(rule.name?.value);
    // the fix replaces exactly the two quote characters
    const fix = r.diagnostics[1]!.fixes![0]!;
    let fixed = text;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    expect(fixed).toContain("「未按要求参加会议的，每次扣0.5分」 每次");
  });

  it("inside 「…」 are ordinary text", () => {
    const r = parseKp("细则 「关于“三重一大”和【督办】的细则」");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.items[0]!.kind === "Title" && r.ast.items[0]!.title?.value).toBe("关于“三重一大”和【督办】的细则");
  });

  it("an unclosed 【 is KP1002 with a fix that writes 「…」", () => {
    const r = parseKp("细则 【测试\n");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["KP1002"]);
    expect(r.diagnostics[0]!.fixes![0]!.edits.map((e) => e.newText)).toEqual(["「", "」"]);
  });
});

describe("a 」 left out after a rule name", () => {
  it("closes the name before the clause, not at the end of the line", () => {
    const text = "细则 「x」\n指标 「甲」 4分 {\n  规则 「落实议定事项 「未及时落实的，每次扣1分」 每次 扣 1\n}";
    const r = parseKp(text);
    expect(r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column}-${d.span.end.column} ${d.code}`)).toEqual(["3:6-13 KP1002"]);
    expect(r.diagnostics[0]!.fixes![0]!.edits[0]).toMatchObject({ newText: "」" });
    const rule = firstRule(text);
    expect([rule.name?.value, rule.clause?.value, rule.body?.kind]).toEqual(["落实议定事项", "未及时落实的，每次扣1分", "Per"]);
  });

  it("also when the clause follows without a space", () => {
    const rule = firstRule("细则 「x」\n指标 「甲」 4分 {\n  规则 「名称「条文」 扣 1\n}");
    expect([rule.name?.value, rule.clause?.value]).toEqual(["名称", "条文"]);
  });

  it("leaves a balanced nested string alone", () => {
    const r = parseKp("细则 「关于 「三个责任」 的细则」");
    expect(r.diagnostics).toEqual([]);
  });
});

describe("misspelt keywords", () => {
  const codesAndFixes = (rule: string) => {
    const r = parseKp(`细则 「x」\n指标 「甲」 4分 {\n  规则 「a」 「b」 ${rule}\n}`);
    return r.diagnostics.map((d) => `${d.code} ${d.fixes!.map((f) => f.title).join(" / ")}`);
  };

  it("offers every keyword at the smallest distance as a separate fix (一票否诀)", () => {
    expect(codesAndFixes("一票否诀")).toEqual(["KP1005 改为「一票否决」 / 改为「一票否优」 / 写成「一票否诀」"]);
    const d = parseKp("细则 「x」\n指标 「甲」 4分 {\n  规则 「a」 「b」 一票否诀\n}").diagnostics[0]!;
    expect(d.message).toBe("无法识别的文字「一票否诀」：是关键字「一票否决」或「一票否优」写错了吗？名称和条文须写在「」中");
  });

  it("suggests two-character keywords where the grammar allows them (上线, 封定, 没次)", () => {
    expect(codesAndFixes("每次 扣 0.5 上线 4")).toEqual(["KP1005 改为「上限」 / 写成「上线」"]);
    expect(codesAndFixes("每次 扣 0.5 封定 4")).toEqual(["KP1005 改为「上限」 / 写成「封定」"]);
    expect(codesAndFixes("没次 扣 0.5")).toEqual(["KP1005 改为「每次」 / 写成「没次」"]);
  });

  it("leaves a two-character name alone where no keyword may stand (参会 as a rule name)", () => {
    const r = parseKp("细则 「x」\n指标 「甲」 4分 {\n  规则 参会 「b」 每次 扣 0.5\n}");
    expect(r.diagnostics.map((d) => `${d.code} ${d.fixes!.map((f) => f.title).join(" / ")}`)).toEqual(["KP1001 写成「参会」"]);
  });

  it("suggests an item keyword at the start of an item (规责 → 规则)", () => {
    const r = parseKp("细则 「x」\n指标 「甲」 4分 {\n  规则 「a」 「b」 每次 扣 0.5\n  规责 「c」 「d」 扣 1\n}");
    expect(r.diagnostics.map((d) => `${d.code} ${d.fixes![0]!.title}`)).toEqual(["KP1005 改为「规则」"]);
  });
});
