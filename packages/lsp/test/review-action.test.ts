/**
 * The review mark 待核 in the editor, through the real server over stdio (the built dist/main.js):
 * a warning KP2123 on each keyword; the quick fix 「已核对，删去「待核」」 (never preferred, one rule at a
 * time) that removes the keyword and the blank before it; hover, completion (by pinyin too) and
 * semantic tokens know 待核 as they know 待补.
 */
import { describe, expect, it } from "vitest";
import { CodeActionRequest, HoverRequest, type CodeAction, type Hover } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { completions } from "../src/service/completion.js";
import { semanticTokens } from "../src/service/semantic.js";
import { reviewedEdit } from "../src/service/review-action.js";
import { workspace } from "./helpers.js";
import { lspHarness } from "./lsp-harness.js";

const TITLE = "已核对，删去「待核」";

const SOURCE = [
  "细则 「测试」",
  "对象 「单位」",
  "总分 10分",
  "",
  "指标 「工作纪律」 10分 {",
  "  规则 「考勤」 「迟到一次扣0.5分，最多扣2分」 待核",
  "    每次 扣 0.5 上限 2",
  "  规则 「报送」 「未按时报送的扣1分」 待核 扣 1",
  "  规则 「会议」 「未参会每次扣1分」 每次 扣 1",
  "  规则 「台账」 「台账不规范的酌情处理」 待补",
  "}",
  "",
].join("\n");

const lsp = lspHarness({ prefix: "review", source: SOURCE });
const { uri, actionsAt, apply } = lsp;

describe("the 待核 mark in the editor", () => {
  it("reports each 待核 as warning KP2123, on the keyword", () => {
    const ds = lsp.client.diagnostics.get(uri("a.kp"))!.diagnostics.filter((d) => d.code === "KP2123");
    const col = (line: number) => SOURCE.split("\n")[line]!.indexOf("待核");
    expect(ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message])).toEqual([
      [5, col(5), col(5) + 2, 2, "规则「考勤」的计分方式由导入自动识别，尚未核对：请对照条文核对，无误后删去「待核」"],
      [7, col(7), col(7) + 2, 2, "规则「报送」的计分方式由导入自动识别，尚未核对：请对照条文核对，无误后删去「待核」"],
    ]);
  });

  it("on 待核, 「已核对，删去「待核」」 removes the keyword and the blank before it (not preferred)", async () => {
    const first = (await actionsAt("a.kp", SOURCE, "待核", 0)).filter((a) => a.title === TITLE);
    expect(first.map((a) => [a.kind, a.isPreferred ?? false, a.diagnostics?.map((d) => d.code)])).toEqual([["quickfix", false, ["KP2123"]]]);
    expect(apply("a.kp", SOURCE, first[0]!)).toBe(SOURCE.replace("最多扣2分」 待核\n", "最多扣2分」\n"));
    const second = (await actionsAt("a.kp", SOURCE, "待核", 1)).filter((a) => a.title === TITLE);
    expect(apply("a.kp", SOURCE, second[0]!)).toBe(SOURCE.replace("报送的扣1分」 待核 扣 1", "报送的扣1分」 扣 1"));
  });

  it("offers it only on a 待核 (not on other rules, not on 待补), one rule at a time", async () => {
    for (const needle of ["「会议」", "待补", "每次 扣 0.5"]) expect((await actionsAt("a.kp", SOURCE, needle)).map((a) => a.title)).not.toContain(TITLE);
    const all = await lsp.client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: uri("a.kp") },
      range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } },
      context: { diagnostics: [] },
    });
    // a range over both marks offers one action per mark, each removing its own keyword only
    const ours = all.filter((a) => a.title === TITLE);
    expect(ours.map((a) => a.edit!.changes![uri("a.kp")]!.length)).toEqual([1, 1]);
  });

  it("a 待核 on a line of its own goes with its line; the blanks before it otherwise", () => {
    const cut = (text: string) => {
      const at = text.indexOf("待核");
      const e = reviewedEdit(text, at, at + 2);
      return text.slice(0, e.start) + e.newText + text.slice(e.end);
    };
    expect(cut("  规则 「a」 「b」\n    待核\n    扣 1\n")).toBe("  规则 「a」 「b」\n    扣 1\n");
    expect(cut("  规则 「a」 「b」\n    待核 扣 1\n")).toBe("  规则 「a」 「b」\n    扣 1\n");
    expect(cut("  规则 「a」 「b」\t待核\t扣 1\n")).toBe("  规则 「a」 「b」\t扣 1\n");
    expect(cut("  规则 「a」 「b」待核扣1\n")).toBe("  规则 「a」 「b」扣1\n");
  });

  it("hover explains 待核; completion offers it after a clause (also as dh); it is highlighted as 待补 is", async () => {
    const doc = TextDocument.create("x", "kp", 1, SOURCE);
    const hover = await lsp.client.request<Hover | null>(HoverRequest.method, { textDocument: { uri: uri("a.kp") }, position: doc.positionAt(SOURCE.indexOf("待核") + 1) });
    expect(JSON.stringify(hover?.contents)).toContain("计分方式由导入自动识别，尚未核对");
    const t = "细则 「丙」\n对象 「单位」\n总分 10分\n\n指标 「甲」 10分 {\n  规则 「一」 「条文」 \n}\n";
    await lsp.client.open(uri("c.kp"), t);
    await lsp.client.diagnosticsAt(uri("c.kp"), 1);
    const item = (await lsp.completionAt("c.kp", t, "「条文」 ", 5)).find((i) => i.label === "待核");
    expect(item?.filterText).toBe("待核 daihe dh");
    await lsp.client.close(uri("c.kp"));
    // after 待核 come the scorings, not 待补 (nothing to check: a syntax error)
    const after = workspace({ "d.kp": "指标 「乙」 4分 {\n  规则 「a」 「b」 待核 <|>\n}\n" });
    const labels = completions(after.ctx("d.kp"), after.at("d.kp")).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["每次", "扣", "分段", "不得分"]));
    expect(labels).not.toContain("待补");
    expect(labels).not.toContain("待核");
    const w = workspace({ "s.kp": SOURCE });
    const typeOf = (word: string) => semanticTokens(w.ctx("s.kp")).filter((x) => SOURCE.slice(x.start, x.start + x.length) === word).map((x) => x.type);
    expect(typeOf("待核")).toEqual(["keyword", "keyword"]);
    expect(semanticTokens(w.ctx("s.kp")).find((x) => SOURCE.slice(x.start, x.start + x.length) === "待核")!.modifiers).toEqual(
      semanticTokens(w.ctx("s.kp")).find((x) => SOURCE.slice(x.start, x.start + x.length) === "待补")!.modifiers,
    );
  });
});
