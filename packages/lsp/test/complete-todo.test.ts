/**
 * Finishing a 待补 in the editor, through the real server over stdio (the built dist/main.js): completion at a 待补
 * (or in the empty scoring slot after a clause) offers scoring shapes filled from the clause's numbers, ranked by
 * what the clause shows — kept for real clauses of the corpus's to-dos in golden/complete-todo.txt —; a template
 * inserted with its defaults is plain code the checker accepts; the action 「补写计分方式（从条文的数字选择写法）」
 * selects the 待补 (a snippet edit) and opens the suggestions (editor.action.triggerSuggest), only where the
 * recogniser cannot read the clause and only for a client that applies snippet edits.
 */
import { describe, expect, it } from "vitest";
import type { CompletionItem, TextEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { expectGolden } from "./helpers.js";
import { lspHarness } from "./lsp-harness.js";

const COMPLETE = "补写计分方式（从条文的数字选择写法）";

/** Real clauses the recogniser leaves to-dos (test/corpus/clauses: books released for tuning, never blind). */
const CORPUS = [
  // 115-water-project-management-standard, slgc-12: rating words, one amount each
  { id: "slgc-12", indicator: "精神文明", points: "40", clause: "绿化程度在本省属好、中、差,分别扣0、3、5分" },
  // 116-shandong-plain-reservoir-performance, sdpy-10: a step with no base written
  { id: "sdpy-10", indicator: "机构设置和人员配备", points: "30", clause: "低于部颁标准最低参考值的每低 10%扣 5 分" },
  // 151-enterprise-technology-innovation-indicators, kjqy-03: count bands, the lowest scoring nothing
  { id: "kjqy-03", indicator: "其他知識產權數量", points: "2", clause: "其他知識產權 12 件及以上得 2 分,6-11 件得 1 分,6 件以下不得分。" },
  // 155-sanitation-service-quality-deductions, hwzy-04: a count word the language has no unit for (座)
  { id: "hwzy-04", indicator: "按时开放公共卫生间", points: "5", clause: "开放时间内保洁人员脱岗,每座扣0.5分" },
] as const;
// 150-tourism-target-table-institutions, lymb-01: discretion in a 加分 section, with a cap
const BONUS = "党委中心组重视对旅游的调研与培训,年内专题安排旅游方面理论学习的,党委、政府组织旅游专题调研(辖区外)的,党委组织旅游专题培训的分别酌情给予加分。最多加20分。";

const SOURCE = [
  "细则 「补写」",
  "对象 「单位」",
  "总分 77分",
  "",
  ...CORPUS.flatMap((c) => [`指标 「${c.indicator}」 ${c.points}分 {`, `  规则 「${c.id}」 「${c.clause}」 待补`, "}", ""]),
  "指标 「考勤」 2分 {",
  "  规则 「迟到」 「迟到一次扣0.5分，最多扣2分」 待补",
  "}",
  "",
  "加分 「旅游调研与培训」 上限 20 {",
  `  规则 「lymb-01」 「${BONUS}」 待补`,
  "}",
  "",
].join("\n");

const SNIPPETS = { workspaceEdit: { documentChanges: true, snippetEditSupport: true } };
const lsp = lspHarness({ prefix: "complete", source: SOURCE, workspace: SNIPPETS });
/** A client that does not apply snippet edits (as Neovim's): no action that cannot select. */
const plain = lspHarness({ prefix: "complete-plain", source: SOURCE });

/** The items at the `nth` 待补 of SOURCE, the cursor at its end (where the action's selection leaves it). */
const atTodo = (nth: number): Promise<CompletionItem[]> => lsp.completionAt("a.kp", SOURCE, "待补", 2, nth);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));

/** A snippet as the editor inserts it with its defaults: placeholders → defaults, later lines indented as the first. */
function inserted(snippet: string, indent: string): string {
  const text = snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_m, v: string) => v.replace(/\\(.)/g, "$1")).replace(/\t/g, "  ");
  return text.split("\n").map((l, i) => (i === 0 ? l : `${indent}${l}`)).join("\n");
}

describe("completion at a 待补: templates filled from the clause", () => {
  it("matches golden/complete-todo.txt (the items at each 待补 of real corpus clauses, best first)", async () => {
    const out: string[] = [];
    const ids = [...CORPUS.map((c) => `${c.id} 「${c.clause}」`), "迟到 「迟到一次扣0.5分，最多扣2分」", `lymb-01 「${BONUS}」（加分）`];
    for (const [i, id] of ids.entries()) {
      const items = sorted(await atTodo(i));
      out.push(`== ${id}`);
      for (const item of items) out.push(`${item.label}  —  ${item.detail}`);
      out.push(`-- the first item's documentation:`, (item0Doc(items[0]!) ?? "").replace(/\(file:\/\/[^)]*\)/g, "(…)"), "");
    }
    expectGolden("golden/complete-todo.txt", out.join("\n"));
  });

  it("each item replaces exactly the 待补 (its filter text starts with 待补), as a snippet whose defaults are the clause's numbers", async () => {
    const items = await atTodo(0);
    const at = SOURCE.indexOf("待补");
    const doc = TextDocument.create("x", "kp", 1, SOURCE);
    for (const item of items) {
      const edit = item.textEdit as TextEdit;
      expect([doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end)]).toEqual([at, at + 2]);
      expect(item.filterText?.startsWith("待补 ")).toBe(true);
    }
    expect(sorted(items)[0]!.label).toBe("评为 「好」、「中」、「差」 分别扣 0、3、5");
    expect((sorted(items)[0]!.textEdit as TextEdit).newText).toBe("评为 「${1:好}」、「${2:中}」、「${3:差}」 分别扣 ${4:0}、${5:3}、${6:5}");
    // only the templates at a 待补: no keyword list there
    expect(items.every((i) => i.kind === 15)).toBe(true);
  });

  it("the first template inserted with its defaults checks without errors, for every clause", async () => {
    const lines = SOURCE.split("\n");
    for (let nth = 0; nth < CORPUS.length + 2; nth++) {
      const best = sorted(await atTodo(nth))[0]!;
      const edit = best.textEdit as TextEdit;
      const indent = /^\s*/.exec(lines[edit.range.start.line]!)![0];
      const text = TextDocument.applyEdits(TextDocument.create("x", "kp", 1, SOURCE), [{ range: edit.range, newText: inserted(edit.newText, indent) }]);
      await lsp.client.open(lsp.uri("t.kp"), text);
      const errors = (await lsp.client.diagnosticsAt(lsp.uri("t.kp"), 1)).filter((d) => d.severity === 1);
      expect({ label: best.label, errors: errors.map((d) => `${d.code} ${d.message}`) }).toEqual({ label: best.label, errors: [] });
      await lsp.client.close(lsp.uri("t.kp"));
    }
  });

  it("a clause the recogniser reads: its reading first (what 「根据条文生成计分方式」 writes), then the templates", async () => {
    const items = sorted(await atTodo(CORPUS.length));
    expect(items.slice(0, 2).map((i) => [i.label, i.detail, (i.textEdit as TextEdit).newText])).toEqual([
      ["每次 扣 0.5 上限 2", "条文识别的计分方式", "每次 扣 0.5 上限 2"],
      ["每次 扣 0.5 上限 2", "按次计分：每次扣 0.5 分，最多扣 2 分", "${1:每次} 扣 ${2:0.5} 上限 ${3:2}"],
    ]);
  });

  it("a count word the item's other clauses count with is offered first (it may carry over), and amounts of kinds as 分类", async () => {
    const t = [
      "细则 「丁」",
      "对象 「单位」",
      "总分 10分",
      "",
      "指标 「信访」 10分 {",
      "  规则 「巡查」 「巡查发现问题每宗扣0.3分」 每宗 扣 0.3",
      "  规则 「整改」 「未及时整改的扣1分」 待补",
      "  规则 「灯」 「信访投诉亮红灯扣1分,蓝灯扣0.5分」 待补",
      "}",
      "",
    ].join("\n");
    await lsp.client.open(lsp.uri("s.kp"), t);
    await lsp.client.diagnosticsAt(lsp.uri("s.kp"), 1);
    const carried = sorted(await lsp.completionAt("s.kp", t, "待补", 2, 0));
    expect(carried.slice(0, 2).map((i) => [i.label, i.detail])).toEqual([
      ["每宗 扣 1", "按次计分：每宗扣 1 分（条文没有写计次的量词，同一项的其他条文按「每宗」计）"],
      ["扣 1", "一次性扣分：发生（事实为「是」）就扣 1 分，不计次数"],
    ]);
    const kinds = sorted(await lsp.completionAt("s.kp", t, "待补", 2, 1));
    expect(kinds.map((i) => (i.textEdit as TextEdit).newText)).toContain("${1:每宗} 扣 「${2:类别1}」 ${3:1}、「${4:类别2}」 ${5:0.5}");
    await lsp.client.close(lsp.uri("s.kp"));
  });

  it("in the empty scoring slot after a clause, the templates come first, then the keywords; a blank is added after 」", async () => {
    const t = "细则 「丙」\n对象 「单位」\n总分 10分\n\n指标 「甲」 10分 {\n  规则 「一」 「发现一处扣2分，最多扣6分」\n  规则 「二」 「条文」 扣 1\n}\n";
    await lsp.client.open(lsp.uri("c.kp"), t);
    await lsp.client.diagnosticsAt(lsp.uri("c.kp"), 1);
    const right = sorted(await lsp.completionAt("c.kp", t, "最多扣6分」", 6));
    expect(right.slice(0, 2).map((i) => (i.textEdit as TextEdit).newText)).toEqual([" 每处 扣 2 上限 6", " ${1:每处} 扣 ${2:2} 上限 ${3:6}"]);
    expect(right.map((i) => i.label)).toEqual(expect.arrayContaining(["每次", "扣", "待补", "待核"]));
    // after a blank: nothing added
    const t2 = t.replace("最多扣6分」\n", "最多扣6分」 \n");
    const v = await lsp.client.change(lsp.uri("c.kp"), [{ text: t2 }]);
    await lsp.client.diagnosticsAt(lsp.uri("c.kp"), v);
    const spaced = sorted(await lsp.completionAt("c.kp", t2, "最多扣6分」 ", 7));
    expect((spaced[0]!.textEdit as TextEdit).newText).toBe("每处 扣 2 上限 6");
    // a rule with its scoring written has no slot: no templates after it
    const written = await lsp.completionAt("c.kp", t2, "扣 1", 3);
    expect(written.some((i) => i.sortText?.startsWith("!"))).toBe(false);
    await lsp.client.close(lsp.uri("c.kp"));
  });
});

describe("「补写计分方式（从条文的数字选择写法）」", () => {
  it("on a 待补 the recogniser cannot read: selects the 待补 (a snippet edit, text unchanged) and opens the suggestions", async () => {
    const acts = (await lsp.actionsAt("a.kp", SOURCE, "待补", 0)).filter((a) => a.title === COMPLETE);
    expect(acts).toHaveLength(1);
    const a = acts[0]!;
    expect([a.kind, a.isPreferred ?? false, a.diagnostics?.map((d) => d.code), a.command?.command]).toEqual(["quickfix", false, ["KP2120"], "editor.action.triggerSuggest"]);
    const change = a.edit!.documentChanges![0] as { textDocument: { uri: string }; edits: { range: TextEdit["range"]; snippet: { kind: string; value: string } }[] };
    expect(change.textDocument.uri).toBe(lsp.uri("a.kp"));
    expect(change.edits).toEqual([{ range: { start: lsp.positionOf(SOURCE, "待补", 0), end: lsp.positionOf(SOURCE, "待补", 0, 2) }, snippet: { kind: "snippet", value: "${1:待补}" } }]);
    // on the rule's clause too (the whole rule is the action's place)
    expect((await lsp.actionsAt("a.kp", SOURCE, "「sdpy-10」")).map((x) => x.title)).toContain(COMPLETE);
  });

  it("not where the recogniser reads the clause (「根据条文生成计分方式」 is the action there), nor on a rule with its scoring", async () => {
    const titles = (await lsp.actionsAt("a.kp", SOURCE, "「迟到」")).map((x) => x.title);
    expect(titles).toContain("根据条文生成计分方式：每次 扣 0.5 上限 2");
    expect(titles).not.toContain(COMPLETE);
  });

  it("not offered to a client that does not apply snippet edits (it could not select the 待补); completion works there as well", async () => {
    expect((await plain.actionsAt("a.kp", SOURCE, "待补", 0)).map((x) => x.title)).not.toContain(COMPLETE);
    const items = await plain.completionAt("a.kp", SOURCE, "待补", 1, 0);
    expect(items.length).toBeGreaterThan(3);
  });
});

/** The Markdown of an item's documentation. */
function item0Doc(item: CompletionItem): string | undefined {
  const d = item.documentation;
  return typeof d === "string" ? d : d?.value;
}
