/**
 * 待核 (a scoring written by the importer that no person has checked yet): parsed onto the rule with
 * the keyword's span, a warning KP2123 at it in check, compiled and scored exactly as without it,
 * summed up as one KP2124 where a catalogue is compiled or scored; misplaced, a syntax error that
 * says what 待核 is for.
 */
import { describe, expect, it } from "vitest";
import { analyzeFiles, compileCatalogue, hasErrors, parseKp, withReviewSummary, withTodoRefusals, type Rule, type SourceHost } from "@kaoping/core";

const TEXT = [
  "细则 「草稿」",
  "总分 10分",
  "指标 「甲」 10分 {",
  "  规则 「考勤」 「迟到一次扣0.5分，最多扣2分」 待核",
  "    每次 扣 0.5 上限 2",
  "  规则 「报送」 「未按时报送的扣1分，情节严重的加倍」 待核 扣 1 加倍 当 「情节严重」",
  "  规则 「会议」 「未参会每次扣1分」 每次 扣 1",
  "}",
  "",
].join("\n");
const hostOf = (text: string): SourceHost => ({
  read: (p) => (p === "a.kp" ? { ok: true, text } : { ok: false, code: "KP0001", args: [] }),
  resolve: (_f, t) => t,
  isDirectory: () => false,
});
const analyse = (text: string) => analyzeFiles(["a.kp"], hostOf(text))[0]!;
const rulesOf = (text: string) => {
  const ind = parseKp(text, "a.kp").ast.items.find((i) => i.kind === "Indicator") as { items: { kind: string }[] };
  return ind.items.filter((i): i is Rule => i.kind === "Rule");
};
/** The syntax errors of TEXT with its first rule's line replaced by `line`: [code, line:col, text at the range, message]. */
const syntaxErrors = (line: string) => {
  const text = TEXT.replace(/ {2}规则 「考勤」[^\n]*\n {4}每次 扣 0\.5 上限 2/, line);
  return parseKp(text, "a.kp").diagnostics.map((d) => [d.code, `${d.span.start.line}:${d.span.start.column}`, text.slice(d.span.start.offset, d.span.end.offset), d.message]);
};

describe("待核", () => {
  it("parses onto the rule (the keyword's range), its body and modifiers as without it", () => {
    const r = parseKp(TEXT, "a.kp");
    expect(r.diagnostics).toEqual([]);
    const rules = rulesOf(TEXT);
    expect(rules.map((x) => [x.name?.value, x.review && TEXT.slice(x.review.span.start.offset, x.review.span.end.offset), x.body?.kind, x.modifiers.map((m) => m.kind)])).toEqual([
      ["考勤", "待核", "Per", ["Cap"]],
      ["报送", "待核", "OneShot", ["Multiplier"]],
      ["会议", undefined, "Per", []],
    ]);
    const plain = rulesOf(TEXT.replace(/ 待核/g, ""));
    expect(rules.map((x) => x.body?.kind)).toEqual(plain.map((x) => x.body?.kind));
  });

  it("check warns KP2123 at each 待核 and passes", () => {
    const a = analyse(TEXT);
    expect(a.diagnostics.map((d) => [d.code, d.severity, `${d.span.start.line}:${d.span.start.column}`, TEXT.slice(d.span.start.offset, d.span.end.offset), d.message])).toEqual([
      ["KP2123", "warning", "4:29", "待核", "规则「考勤」的计分方式由导入自动识别，尚未核对：请对照条文核对，无误后删去「待核」"],
      ["KP2123", "warning", "6:31", "待核", "规则「报送」的计分方式由导入自动识别，尚未核对：请对照条文核对，无误后删去「待核」"],
    ]);
    expect(hasErrors(a.diagnostics)).toBe(false);
    // unlike 待补, nothing is refused: the reading is there
    expect(withTodoRefusals(a.diagnostics)).toEqual(a.diagnostics);
  });

  it("compiles and scores exactly as the same catalogue without 待核", () => {
    const a = analyse(TEXT);
    const b = analyse(TEXT.replace(/ 待核/g, ""));
    expect(b.diagnostics).toEqual([]);
    expect(a.catalogue.indicators[0]!.rules.map((r) => r.name)).toEqual(["考勤", "报送", "会议"]);
    const options = { version: "0.1.0", sources: ["a.kp"] };
    expect(compileCatalogue(a.catalogue, options)).toEqual(compileCatalogue(b.catalogue, options));
  });

  it("where a catalogue is compiled or scored, the warnings become one summary KP2124 about the root file", () => {
    const a = analyse(TEXT);
    const summed = withReviewSummary(a.diagnostics, "a.kp");
    expect(summed.map((d) => [d.code, d.severity, d.file, d.span.start.offset, d.span.end.offset, d.message])).toEqual([
      ["KP2124", "warning", "a.kp", 0, 0, "还有 2 条规则的计分方式由导入自动识别、尚未核对（写有「待核」），照所写的计分方式计分：请用 kp check 列出各处，对照条文核对，无误后删去「待核」"],
    ]);
    const plain = analyse(TEXT.replace(/ 待核/g, "")).diagnostics;
    expect(withReviewSummary(plain, "a.kp")).toEqual(plain);
    // other diagnostics stay as they are (a 待补 beside a 待核 is still refused, at its marker)
    const withTodo = analyse(TEXT.replace("每次 扣 1\n", "待补\n"));
    const both = withReviewSummary(withTodoRefusals(withTodo.diagnostics), "a.kp");
    expect(both.map((d) => d.code).sort()).toEqual(["KP2121", "KP2124"]);
  });

  it("a body's errors under 待核 are reported as without it (the mark hides nothing)", () => {
    const a = analyse(TEXT.replace("每次 扣 0.5 上限 2", "每次 扣 0.5 上限 2 适用 「园区」"));
    expect(a.diagnostics.map((d) => d.code)).toEqual(["KP2123", "KP2001", "KP2123"]);
  });

  it("without a scoring after it, after or before 待补, or anywhere else, 待核 is a syntax error saying what it is for", () => {
    expect(syntaxErrors("  规则 「考勤」 「迟到一次扣0.5分」 待核")).toEqual([
      ["KP1102", "4:23", "待核", "「待核」之后应写计分方式（如「每次 扣 0.5」），实际为「规则」：「待核」标记的是已写出、尚未核对的计分方式；还没有计分方式的规则请写「待补」，删去「待核」"],
    ]);
    expect(syntaxErrors("  规则 「考勤」 「迟到一次扣0.5分」 待核 待补")).toEqual([
      ["KP1102", "4:23", "待核", "「待核」之后不能写「待补」：「待核」标记的是已写出、尚未核对的计分方式；还没有计分方式的规则只写「待补」，请删去「待核」"],
    ]);
    expect(syntaxErrors("  规则 「考勤」 「迟到一次扣0.5分」 待补 待核")).toEqual([
      ["KP1101", "4:26", "待核", "「待补」之后不能写「待核」：「待补」的规则还没有计分方式，没有可核对的内容；请删去「待核」"],
    ]);
    expect(syntaxErrors("  规则 「考勤」 「迟到一次扣0.5分」 每次 扣 0.5 待核")).toEqual([
      ["KP1101", "4:32", "待核", "「待核」只能写在规则的条文之后、计分方式之前（规则 「名称」 「条文」 待核 每次 扣 0.5）"],
    ]);
    // at the end of a file, the error is still at the 待核
    const end = parseKp("细则 「草稿」\n总分 10分\n指标 「甲」 10分 {\n  规则 「考勤」 「迟到」 待核", "a.kp").diagnostics;
    expect(end.map((d) => [d.span.start.line, d.span.start.column, d.message.slice(0, 12)])).toEqual([[4, 16, "「待核」之后应写计分方式"]]);
  });
});
