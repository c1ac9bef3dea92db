/**
 * 「根据条文生成计分方式」 and the 待补 marker in the editor, through the real server over stdio (the built
 * dist/main.js): the action on 待补, on a rule with a clause and no scoring, on a KP3030 mismatch;
 * none where the clause cannot be read; hover and completion know 待补.
 */
import { describe, expect, it } from "vitest";
import { HoverRequest, type Hover } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { lspHarness } from "./lsp-harness.js";

const TITLE = "根据条文生成计分方式";

const SOURCE = [
  "细则 「测试」",
  "对象 「单位」",
  "总分 30分",
  "",
  "指标 「信息报送」 10分 {",
  "  规则 「未报送」 「未报送每次扣1分」 待补",
  "  规则 「视情况」 「视工作情况处理」 待补",
  "  规则 「迟报」 「迟报的每次扣0.5分，最多扣2分」 扣 0.5",
  "}",
  "",
  "指标 「环境卫生」 18分 {",
  "  规则 「设施」 「无垃圾池、垃圾填埋场各扣6分。」 待补",
  "}",
  "",
].join("\n");

const lsp = lspHarness({ prefix: "recog", source: SOURCE });
const { uri, actionsAt, apply } = lsp;

describe("the 待补 marker and the recogniser in the editor", () => {
  it("reports each 待补 as warning KP2120", () => {
    const ds = lsp.client.diagnostics.get(uri("a.kp"))!.diagnostics.filter((d) => d.code === "KP2120");
    expect(ds.map((d) => [d.range.start.line, d.severity, d.message])).toEqual([
      [5, 2, "条文未能自动识别，请补写计分方式：规则「未报送」还是「待补」"],
      [6, 2, "条文未能自动识别，请补写计分方式：规则「视情况」还是「待补」"],
      [11, 2, "条文未能自动识别，请补写计分方式：规则「设施」还是「待补」"],
    ]);
  });

  it("on 待补, writes the scoring the clause reads as (preferred)", async () => {
    const acts = (await actionsAt("a.kp", SOURCE, "待补")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => [a.title, a.isPreferred, a.diagnostics?.[0]?.code])).toEqual([[`${TITLE}：每次 扣 1`, true, "KP2120"]]);
    expect(apply("a.kp", SOURCE, acts[0]!)).toContain("  规则 「未报送」 「未报送每次扣1分」 每次 扣 1\n");
  });

  it("offers nothing on a clause it cannot read (no guess)", async () => {
    const acts = await actionsAt("a.kp", SOURCE, "「视工作情况处理」");
    expect(acts.filter((a) => a.title.startsWith(TITLE))).toEqual([]);
  });

  it("one rule per reading when a clause gives several (「…各扣6分」)", async () => {
    const acts = (await actionsAt("a.kp", SOURCE, "「设施」")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => a.title)).toEqual([`${TITLE}：扣 6；扣 6`]);
    expect(apply("a.kp", SOURCE, acts[0]!)).toContain(
      "  规则 「设施」 「无垃圾池、垃圾填埋场各扣6分。」 扣 6\n  规则 「设施-2」 「无垃圾池、垃圾填埋场各扣6分。」 扣 6\n",
    );
  });

  it("on a KP3030 clause mismatch, offers the reading as the fix", async () => {
    const ds = lsp.client.diagnostics.get(uri("a.kp"))!.diagnostics;
    expect(ds.some((d) => d.code === "KP3030" && d.range.start.line === 7)).toBe(true);
    const acts = (await actionsAt("a.kp", SOURCE, "扣 0.5")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => [a.title, a.isPreferred ?? false, a.diagnostics?.[0]?.code])).toEqual([[`${TITLE}：改为「每次 扣 0.5 上限 2」（仅为建议）`, false, "KP3030"]]);
    expect(apply("a.kp", SOURCE, acts[0]!)).toContain("「迟报的每次扣0.5分，最多扣2分」 每次 扣 0.5 上限 2\n");
  });

  it("on a rule with its clause and no scoring yet, inserts the scoring", async () => {
    const t = "细则 「乙」\n对象 「单位」\n总分 10分\n\n指标 「路面」 10分 {\n  规则 「垃圾」 「发现一处扣2分」\n}\n";
    await lsp.client.open(uri("b.kp"), t);
    await lsp.client.diagnosticsAt(uri("b.kp"), 1);
    const acts = (await actionsAt("b.kp", t, "「发现一处扣2分」")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => a.title)).toEqual([`${TITLE}：每处 扣 2`]);
    expect(apply("b.kp", t, acts[0]!)).toContain("  规则 「垃圾」 「发现一处扣2分」 每处 扣 2\n");
    await lsp.client.close(uri("b.kp"));
  });

  it("a reading that names a class of units declares it in the root file (its 类别 line, or a new one), so no KP2001 is left", async () => {
    const t = "细则 「戊」\n对象 「单位」\n总分 10分\n\n指标 「报送」 10分 {\n  规则 「迟报」 「未按时报送的每次扣0.5分，其中园区每次扣0.3分」 待补\n}\n";
    await lsp.client.open(uri("e.kp"), t);
    await lsp.client.diagnosticsAt(uri("e.kp"), 1);
    const acts = (await actionsAt("e.kp", t, "「未按时")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => a.title)).toEqual([`${TITLE}：每次 扣 0.5 其中 「园区」 0.3`]);
    const fixed = apply("e.kp", t, acts[0]!);
    expect(fixed).toContain("总分 10分\n类别 「园区」\n");
    expect(fixed).toContain("「未按时报送的每次扣0.5分，其中园区每次扣0.3分」 每次 扣 0.5 其中 「园区」 0.3\n");
    // applied, the catalogue checks without errors
    const v2 = await lsp.client.change(uri("e.kp"), [{ text: fixed }]);
    expect((await lsp.client.diagnosticsAt(uri("e.kp"), v2)).filter((d) => d.severity === 1)).toEqual([]);
    // with a 类别 line already there, the class is added to it
    const t2 = t.replace("总分 10分\n", "总分 10分\n类别 「县区」\n");
    const v3 = await lsp.client.change(uri("e.kp"), [{ text: t2 }]);
    await lsp.client.diagnosticsAt(uri("e.kp"), v3);
    const acts2 = (await actionsAt("e.kp", t2, "「未按时")).filter((a) => a.title.startsWith(TITLE));
    expect(apply("e.kp", t2, acts2[0]!)).toContain("类别 「县区」、「园区」\n");
    await lsp.client.close(uri("e.kp"));
  });

  it("on a clause pasted as a line of its own, writes it as a rule (or a 待补 rule when it cannot be read)", async () => {
    const t = "细则 「丁」\n对象 「单位」\n总分 10分\n\n指标 「路面」 10分 {\n  规则 「垃圾」 「发现一处扣2分」 每处 扣 2\n  「②未按时报送的，每次扣0.5分」\n  视工作情况酌定\n}\n";
    await lsp.client.open(uri("d.kp"), t);
    await lsp.client.diagnosticsAt(uri("d.kp"), 1);
    const quoted = (await actionsAt("d.kp", t, "「②")).filter((a) => a.title.includes("这行条文"));
    expect(quoted.map((a) => a.title)).toEqual([`${TITLE}：把这行条文写成规则（每次 扣 0.5）`]);
    expect(apply("d.kp", t, quoted[0]!)).toContain("\n  规则 「未按时报送」 「②未按时报送的，每次扣0.5分」 每次 扣 0.5\n  视工作情况酌定\n");
    const bare = (await actionsAt("d.kp", t, "视工作")).filter((a) => a.title.includes("这行条文"));
    expect(bare.map((a) => a.title)).toEqual(["把这行条文写成待补规则（未能识别：条文没有写分值或计分方式）"]);
    expect(apply("d.kp", t, bare[0]!)).toContain("\n  规则 「视工作情况酌定」 「视工作情况酌定」 待补\n}");
    // a line that is part of the language is never taken for a clause
    expect((await actionsAt("d.kp", t, "规则 「垃圾」")).filter((a) => a.title.includes("这行条文"))).toEqual([]);
    await lsp.client.close(uri("d.kp"));
  });

  it("a reading the recogniser flags for review is written 待核, its reasons in the title, never preferred", async () => {
    const clause = "召开一次乡镇、部门党政正职述职评议工作会议加2分。";
    const t = `细则 「己」\n对象 「单位」\n总分 10分\n\n指标 「会议」 10分 {\n  规则 「述职会议」 「${clause}」 待补\n  「无批准扣5分，无登记扣3分」\n}\n`;
    await lsp.client.open(uri("f.kp"), t);
    await lsp.client.diagnosticsAt(uri("f.kp"), 1);
    const acts = (await actionsAt("f.kp", t, "待补")).filter((a) => a.title.startsWith(TITLE));
    expect(acts.map((a) => [a.title, a.isPreferred ?? false])).toEqual([[`${TITLE}：得 2，写为待核（请核对：条文按「一次」计数，规则却只计一次）`, false]]);
    const fixed = apply("f.kp", t, acts[0]!);
    expect(fixed).toContain(`  规则 「述职会议」 「${clause}」 待核 得 2\n`);
    // the pasted line gives two rules, each written 待核
    const pasted = (await actionsAt("f.kp", t, "「无批准")).filter((a) => a.title.includes("这行条文"));
    expect(pasted.map((a) => a.title)).toEqual([`${TITLE}：把这行条文写成规则（扣 5；扣 3），写为待核（请核对：几个不同的分值各写成一条一次性的规则（会相加），条文说的可能是几种结果之一）`]);
    expect(apply("f.kp", t, pasted[0]!)).toMatch(/规则 「(.+?)」 「无批准扣5分，无登记扣3分」 待核 扣 5\n  规则 「\1-2」 「无批准扣5分，无登记扣3分」 待核 扣 3\n/);
    // applied (the pasted line left aside), the catalogue checks with the mark's warning (KP2123) where the to-do's was
    const version = await lsp.client.change(uri("f.kp"), [{ text: fixed.replace("  「无批准扣5分，无登记扣3分」\n", "") }]);
    const after = await lsp.client.diagnosticsAt(uri("f.kp"), version);
    expect(after.map((d) => d.code)).toContain("KP2123");
    expect(after.map((d) => d.code)).not.toContain("KP2120");
    expect(after.filter((d) => d.severity === 1)).toEqual([]);
    await lsp.client.close(uri("f.kp"));
  });

  it("a suggestion that rewrites a 待核 rule's scoring from its clause on keeps the 待核 (only a person removes it)", async () => {
    const clause = "完成目标的75%-100%（含75%，不含100%），扣0.2分；完成目标的75%以下，扣0.8分；未报送信息的，扣2分";
    const t = `细则 「庚」\n对象 「单位」\n总分 2分\n\n指标 「信息」 2分 {\n  规则 「信息完成率」 「${clause}」 待核 扣 2\n}\n`;
    await lsp.client.open(uri("g.kp"), t);
    const diags = await lsp.client.diagnosticsAt(uri("g.kp"), 1);
    expect(diags.map((d) => d.code)).toContain("KP3030");
    const acts = (await actionsAt("g.kp", t, "扣 2\n")).filter((a) => a.title.startsWith(TITLE));
    expect(acts).toHaveLength(1);
    expect(apply("g.kp", t, acts[0]!)).toContain(`  规则 「信息完成率」 「${clause}」 待核\n    分段 {\n`);
    await lsp.client.close(uri("g.kp"));
  });

  it("on a band list's 待补, writes the whole 分段 (its 未报送 row too), indented under the rule", async () => {
    const clause = "完成目标的75%-100%（含75%，不含100%），扣0.2分；完成目标的75%以下，扣0.8分；未报送信息的，扣2分";
    const t = `细则 「戊」\n对象 「单位」\n总分 2分\n\n指标 「信息」 2分 {\n  规则 「信息完成率」 「${clause}」 待补\n}\n`;
    await lsp.client.open(uri("e.kp"), t);
    await lsp.client.diagnosticsAt(uri("e.kp"), 1);
    const acts = (await actionsAt("e.kp", t, "待补")).filter((a) => a.title.startsWith(TITLE));
    expect(acts).toHaveLength(1);
    const fixed = apply("e.kp", t, acts[0]!);
    expect(fixed).toContain(`  规则 「信息完成率」 「${clause}」\n    分段 {\n      [75%, 100%) 扣 0.2\n      < 75%       扣 0.8\n      未报送      扣 2\n    }\n}`);
    await lsp.client.close(uri("e.kp"));
  });

  it("hover explains 待补 and completion offers it where a scoring method may stand", async () => {
    const doc = TextDocument.create("x", "kp", 1, SOURCE);
    const hover = await lsp.client.request<Hover | null>(HoverRequest.method, { textDocument: { uri: uri("a.kp") }, position: doc.positionAt(SOURCE.indexOf("待补") + 1) });
    expect(JSON.stringify(hover?.contents)).toContain("计分方式还没写");
    const t = "细则 「丙」\n对象 「单位」\n总分 10分\n\n指标 「甲」 10分 {\n  规则 「一」 「条文」 \n}\n";
    await lsp.client.open(uri("c.kp"), t);
    await lsp.client.diagnosticsAt(uri("c.kp"), 1);
    const items = await lsp.completionAt("c.kp", t, "「条文」 ", 5);
    expect(items.map((i) => i.label)).toContain("待补");
    await lsp.client.close(uri("c.kp"));
  });
});
