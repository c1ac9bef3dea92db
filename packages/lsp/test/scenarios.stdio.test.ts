/**
 * Issue 16 §1 in the editor, through the stdio client: an open scenario file (*.kptest) is run
 * against its catalogue; a failing expectation is a diagnostic at its line (expected and actual in
 * the message), an edit of the catalogue runs it again, each scenario has a code lens 「运行」 whose
 * command runs it and says the outcome.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeLensRequest, ExecuteCommandRequest, type CodeLens, type InitializeResult } from "vscode-languageserver-protocol/node";
import { LspClient } from "./lsp-client.js";

const catalogue = `细则 「示例」
等次 {
  「优秀」 ≥ 3
  「不合格」 其余
}
指标 「落实」 4分 {
  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5
  规则 「事故」 「发现一起扣1分，最多扣2分」 发现一起 扣 1 上限 2
}
`;

const scenarios = `场景 「缺席一次」
  「参会」 = 1
  期望 规则 「参会」 扣 0.5
  期望 等次 「优秀」

场景 「事故三起」
  「事故」 = 3
  期望 规则 「事故」 扣 3
  期望 总分 2
`;

describe("scenario files in the language server (stdio)", () => {
  let dir: string;
  let client: LspClient;
  let init: InitializeResult;
  let kp: string;
  let test: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kp-scenarios-"));
    writeFileSync(path.join(dir, "细则.kp"), catalogue);
    writeFileSync(path.join(dir, "细则.kptest"), scenarios);
    client = LspClient.start();
    init = await client.initialize(pathToFileURL(dir).href, { diagnosticsInterval: 0 });
    kp = pathToFileURL(path.join(dir, "细则.kp")).href;
    test = pathToFileURL(path.join(dir, "细则.kptest")).href;
    await client.open(kp, catalogue);
    await client.open(test, scenarios);
  });
  afterAll(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("announces code lenses and the run command", () => {
    expect(init.capabilities.codeLensProvider).toBeTruthy();
    expect(init.capabilities.executeCommandProvider?.commands).toContain("kaoping.runScenario");
  });

  it("a failing expectation is a diagnostic at its line, with expected and actual", async () => {
    const p = await client.waitForDiagnostics((d) => d.uri === test);
    expect(p.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.message])).toEqual([
      ["KP7020", 8, "场景「事故三起」未通过：期望 规则「事故」 扣 3，实际 扣 2"],
    ]);
  });

  it("an edit of the catalogue runs the scenarios again", async () => {
    const at = catalogue.indexOf("每次 扣 0.5") + "每次 扣 ".length;
    const line = catalogue.slice(0, at).split("\n").length - 1;
    const character = at - catalogue.lastIndexOf("\n", at - 1) - 1;
    await client.change(kp, [{ range: { start: { line, character }, end: { line, character: character + 3 } }, text: "1" }]);
    const p = await client.waitForDiagnostics((d) => d.uri === test && d.diagnostics.length === 2, 10_000, true);
    expect(p.diagnostics.map((d) => [d.range.start.line + 1, d.message])).toEqual([
      [3, "场景「缺席一次」未通过：期望 规则「参会」 扣 0.5，实际 扣 1"],
      [8, "场景「事故三起」未通过：期望 规则「事故」 扣 3，实际 扣 2"],
    ]);
  });

  it("a code lens 「运行」 on each scenario runs it and says the outcome", async () => {
    const lenses = await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: test } });
    expect(lenses.map((l) => [l.range.start.line + 1, l.command?.title, l.command?.command, l.command?.arguments])).toEqual([
      [1, "运行", "kaoping.runScenario", [test, "缺席一次"]],
      [6, "运行", "kaoping.runScenario", [test, "事故三起"]],
    ]);
    const r = await client.request<{ ok: boolean; message: string }>(ExecuteCommandRequest.method, { command: "kaoping.runScenario", arguments: [test, "事故三起"] });
    expect(r).toEqual({ ok: false, message: "场景「事故三起」未通过：第 8 行期望 扣 3，实际 扣 2" });
    await expect.poll(() => client.shown.map((s) => s.message)).toContain("场景「事故三起」未通过：第 8 行期望 扣 3，实际 扣 2");
  });

  it("unknown names in a scenario file are located errors; the catalogue's hovers never see it", async () => {
    const bad = scenarios.replace("「事故」 = 3", "「事古」 = 3");
    await client.change(test, [{ text: bad }]);
    const p = await client.waitForDiagnostics((d) => d.uri === test && d.diagnostics.some((x) => x.code === "KP7010"), 10_000, true);
    expect(p.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.message])).toEqual([["KP7010", 7, "细则中没有名为「事古」的事实，是否想写「事故」？"]]);
  });
});

describe("scenario files beside an open catalogue (stdio)", () => {
  it("opening only the catalogue shows the failing expectations of the .kptest beside it; closing it clears them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kp-scenarios-"));
    writeFileSync(path.join(dir, "细则.kp"), catalogue);
    writeFileSync(path.join(dir, "细则.kptest"), scenarios);
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(dir).href, { diagnosticsInterval: 0 });
      const kp = pathToFileURL(path.join(dir, "细则.kp")).href;
      const test = pathToFileURL(path.join(dir, "细则.kptest")).href;
      await client.open(kp, catalogue);
      const p = await client.waitForDiagnostics((d) => d.uri === test);
      expect(p.diagnostics.map((d) => [d.code, d.range.start.line + 1])).toEqual([["KP7020", 8]]);
      await client.close(kp);
      await client.waitForDiagnostics((d) => d.uri === test && d.diagnostics.length === 0, 10_000, false);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
