/** 待补: parsed into a Todo body, a warning in check, refused (KP2121 at each marker) before compiling or scoring. */
import { describe, expect, it } from "vitest";
import { analyzeFiles, hasErrors, parseKp, withTodoRefusals, type SourceHost } from "@kaoping/core";

const TEXT = "细则 「草稿」\n总分 10分\n指标 「甲」 10分 {\n  规则 「一」 「未报送每次扣1分」 每次 扣 1\n  规则 「二」 「视情况」 待补\n  规则 「三」 「另议」 待补\n}\n";
const host: SourceHost = {
  read: (p) => (p === "a.kp" ? { ok: true, text: TEXT } : { ok: false, code: "KP0001", args: [] }),
  resolve: (_f, t) => t,
  isDirectory: () => false,
};

describe("待补", () => {
  it("parses as a Todo body with the marker's span", () => {
    const r = parseKp(TEXT, "a.kp");
    expect(r.diagnostics).toEqual([]);
    const ind = r.ast.items.find((i) => i.kind === "Indicator")!;
    const rules = (ind as { items: { kind: string; body?: { kind: string; span: { start: { offset: number } } } }[] }).items.filter((i) => i.kind === "Rule");
    expect(rules.map((x) => x.body?.kind)).toEqual(["Per", "Todo", "Todo"]);
    expect(TEXT.slice(rules[1]!.body!.span.start.offset, rules[1]!.body!.span.start.offset + 2)).toBe("待补");
  });

  it("check warns (KP2120) and passes; compiling/scoring is refused with KP2121 at each marker", () => {
    const a = analyzeFiles(["a.kp"], host)[0]!;
    expect(a.diagnostics.map((d) => [d.code, d.severity, d.span.start.line])).toEqual([
      ["KP2120", "warning", 5],
      ["KP2120", "warning", 6],
    ]);
    expect(hasErrors(a.diagnostics)).toBe(false);
    const refused = withTodoRefusals(a.diagnostics);
    expect(refused.map((d) => [d.code, d.severity, d.span.start.line, d.message])).toEqual([
      ["KP2121", "error", 5, "还有 2 条规则待补写，不能计分：规则「二」还是「待补」，请先补写计分方式"],
      ["KP2121", "error", 6, "还有 2 条规则待补写，不能计分：规则「三」还是「待补」，请先补写计分方式"],
    ]);
    // the written rules are still checked and modelled; the 待补 ones are not scored at all
    expect(a.catalogue.indicators[0]!.rules.map((r) => r.name)).toEqual(["一"]);
  });

  it("modifiers after 待补 are an error at the modifiers (KP2122), never silently ignored; 适用 may stay", () => {
    const text = (rest: string): SourceHost => ({ ...host, read: () => ({ ok: true, text: TEXT.replace("「视情况」 待补", `「视情况」 待补 ${rest}`) }) });
    const capped = analyzeFiles(["a.kp"], text("上限 3 倒扣"))[0]!;
    const err = capped.diagnostics.filter((d) => d.code === "KP2122");
    expect(err.map((d) => [d.severity, d.span.start.line, d.message])).toEqual([
      ["error", 5, "规则「二」是「待补」，待补之后不能再写「上限、倒扣」：上限、倒扣、加倍、减半、免扣、其中、平均是计分方式的修饰，请补写计分方式时一并写在计分方式之后"],
    ]);
    expect(hasErrors(capped.diagnostics)).toBe(true);
    for (const rest of ["减半 当 「主动整改」", "免扣 当 「上级调整」", "按 「乡镇数」 平均"]) {
      expect(analyzeFiles(["a.kp"], text(rest))[0]!.diagnostics.map((d) => d.code)).toContain("KP2122");
    }
    // 适用 says which units the rule is for, not how it scores: only the to-do warning
    const applies = analyzeFiles(["a.kp"], { ...host, read: () => ({ ok: true, text: `细则 「草稿」\n总分 10分\n类别 「园区」\n${TEXT.slice(TEXT.indexOf("指标")).replace("「视情况」 待补", "「视情况」 待补 适用 「园区」")}` }) })[0]!;
    expect(applies.diagnostics.map((d) => d.code)).toEqual(["KP2120", "KP2120"]);
  });

  it("a catalogue without 待补 is unaffected", () => {
    const a = analyzeFiles(["a.kp"], { ...host, read: () => ({ ok: true, text: TEXT.replace(/待补/g, "扣 1") }) })[0]!;
    expect(withTodoRefusals(a.diagnostics)).toEqual(a.diagnostics);
  });
});
