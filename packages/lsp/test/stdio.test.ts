/**
 * The language server as a process, through a real LSP client over stdio (the built dist/main.js:
 * `pnpm --filter @kaoping/lsp build` first; `pnpm test` does it).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintAnalysis } from "@kaoping/lint";
import { formatKp } from "prettier-plugin-kp";
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Location,
  type SemanticTokens,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { nodeFileSystem } from "../src/service/files.js";
import { Project } from "../src/service/project.js";
import { repoRoot, rulesDir } from "./helpers.js";
import { LspClient, serverMain } from "./lsp-client.js";

const F1 = "01-×令畅通.kp";
const F2 = "02-×风连×建设和反腐败工作.kp";
let dir: string;
let client: LspClient;
let init: InitializeResult;
const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
const text = (name: string) => readFileSync(path.join(dir, name), "utf8");
const lineOf = (t: string, needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = t.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not found`);
  return TextDocument.create("x", "kp", 0, t).positionAt(i);
};
const simple = (ds: Diagnostic[]) =>
  ds
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`,
    )
    .sort();

beforeAll(async () => {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-stdio-"));
  for (const f of readdirSync(rulesDir)) cpSync(path.join(rulesDir, f), path.join(dir, f));
  client = LspClient.start();
  init = await client.initialize(pathToFileURL(dir).href);
});
afterAll(async () => {
  await client?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the server over stdio", () => {
  it("announces its features", () => {
    const c = init.capabilities;
    expect(init.serverInfo?.name).toBe("kaoping");
    expect(c).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      inlayHintProvider: true,
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
    });
    expect(c.semanticTokensProvider?.legend.tokenTypes).toContain("keyword");
    expect(c.completionProvider?.triggerCharacters).toContain("「");
  });

  it("opening rules/ files: diagnostics for every file of the catalogue, no errors, the same as in-process", async () => {
    for (const f of ["细则.kp", F1, F2, "03-组织建设.kp"]) await client.open(uri(f), text(f));
    for (const f of ["细则.kp", F1, F2, "03-组织建设.kp"]) {
      const ds = await client.diagnosticsAt(uri(f), 1);
      expect(ds.filter((d) => d.severity === 1)).toEqual([]);
      for (const d of ds) expect(d.source).toBe("kp");
    }
    const p = new Project(nodeFileSystem, { folders: [dir], lint: (a) => lintAnalysis(a) });
    const state = p.catalogueOf(path.join(dir, F1));
    const expected = state.diagnostics.filter((d) => d.file === path.join(dir, F1));
    const got = client.diagnostics.get(uri(F1))!.diagnostics;
    expect(got.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`).sort()).toEqual(
      expected.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code}`).sort(),
    );
  });

  it("a mistake shows up as a diagnostic at its exact place, and goes away when undone", async () => {
    const t = text(F1);
    const at = lineOf(t, "每次 扣 0.5", 1); // the second rule: 「学习部署」
    const v = await client.change(uri(F1), [
      { range: { start: { line: at.line, character: at.character + 5 }, end: { line: at.line, character: at.character + 8 } }, text: "扣" },
    ]);
    const ds = await client.diagnosticsAt(uri(F1), v);
    const errors = ds.filter((d) => d.severity === 1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toMatch(/^KP110/);
    expect(errors[0]!.range.start).toEqual({ line: at.line, character: at.character + 5 });
    const v2 = await client.change(uri(F1), [
      {
        range: { start: { line: at.line, character: at.character + 5 }, end: { line: at.line, character: at.character + 6 } },
        text: "0.5",
      },
    ]);
    expect((await client.diagnosticsAt(uri(F1), v2)).filter((d) => d.severity === 1)).toEqual([]);
  });

  it("a mistake in one file is reported in another file of the catalogue (an undeclared class)", async () => {
    const t = text(F2);
    const at = lineOf(t, "适用 「县区」");
    const v = await client.change(uri(F2), [
      {
        range: { start: { line: at.line, character: at.character + 4 }, end: { line: at.line, character: at.character + 6 } },
        text: "乡镇",
      },
    ]);
    const ds = await client.diagnosticsAt(uri(F2), v);
    expect(simple(ds.filter((d) => d.severity === 1))).toEqual([
      `${at.line + 1}:${at.character + 4}-${at.line + 1}:${at.character + 8} KP2001 未声明的类别「乡镇」：请先在根文件中用「类别」声明`,
    ]);
    const v2 = await client.change(uri(F2), [
      {
        range: { start: { line: at.line, character: at.character + 4 }, end: { line: at.line, character: at.character + 6 } },
        text: "县区",
      },
    ]);
    expect((await client.diagnosticsAt(uri(F2), v2)).filter((d) => d.severity === 1)).toEqual([]);
  });

  it("completion: keywords with docs and snippets", async () => {
    const at = lineOf(text(F1), "    每次 扣 0.5");
    const r = await client.request<CompletionItem[] | CompletionList>(CompletionRequest.method, {
      textDocument: { uri: uri(F1) },
      position: { line: at.line, character: 4 },
    });
    const items = Array.isArray(r) ? r : r.items;
    const labels = items.map((i) => i.label);
    // after a rule's clause: its scoring method, not modifiers or a new item
    expect(labels).toEqual(expect.arrayContaining(["每次", "扣", "分段", "一票否决", "分段 { … }"]));
    for (const no of ["上限", "规则", "规则（每次扣分）", "以", "为准", "满分", "细则"]) expect(labels).not.toContain(no);
    expect(items.find((i) => i.label === "扣")?.documentation).toEqual({ kind: "markdown", value: "扣分" });
    expect(items.find((i) => i.label === "分段 { … }")?.insertTextFormat).toBe(2);
  });

  it("hover on a rule name shows its clause text", async () => {
    const at = lineOf(text(F1), "「参会」");
    const h = await client.request<Hover>(HoverRequest.method, {
      textDocument: { uri: uri(F1) },
      position: { line: at.line, character: at.character + 2 },
    });
    expect(h.contents).toMatchObject({ kind: "markdown" });
    expect((h.contents as { value: string }).value).toContain("> 未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分");
    expect(h.range).toEqual({ start: at, end: { line: at.line, character: at.character + 4 } });
  });

  it("definition and references across files", async () => {
    const at = lineOf(text(F2), "适用 「县区」");
    const defs = await client.request<Location[]>(DefinitionRequest.method, {
      textDocument: { uri: uri(F2) },
      position: { line: at.line, character: at.character + 5 },
    });
    const rootAt = lineOf(text("细则.kp"), "「县区」");
    expect(defs).toEqual([{ uri: uri("细则.kp"), range: { start: rootAt, end: { line: rootAt.line, character: rootAt.character + 4 } } }]);
    const refs = await client.request<Location[]>(ReferencesRequest.method, {
      textDocument: { uri: uri("细则.kp") },
      position: rootAt,
      context: { includeDeclaration: true },
    });
    expect(refs.map((r) => r.uri)).toEqual([uri("细则.kp"), uri(F2)]);
  });

  it("rename of a class edits every file that uses it", async () => {
    const rootAt = lineOf(text("细则.kp"), "「县区」");
    const pos = { line: rootAt.line, character: rootAt.character + 1 };
    const prep = await client.request<{ range: unknown; placeholder: string }>(PrepareRenameRequest.method, {
      textDocument: { uri: uri("细则.kp") },
      position: pos,
    });
    expect(prep.placeholder).toBe("县区");
    const edit = await client.request<WorkspaceEdit>(RenameRequest.method, {
      textDocument: { uri: uri("细则.kp") },
      position: pos,
      newName: "县市区",
    });
    expect(Object.keys(edit.changes!).sort()).toEqual([uri(F2), uri("细则.kp")].sort());
    // (The earlier tests restored F2's text, so the file on disk is what the editor has.)
    const applied = TextDocument.applyEdits(TextDocument.create(uri(F2), "kp", 1, text(F2)), edit.changes![uri(F2)]!);
    expect(applied).toContain("适用 「县市区」");
    // A clash is refused with a Chinese message.
    await expect(
      client.request(RenameRequest.method, { textDocument: { uri: uri("细则.kp") }, position: pos, newName: "园区" }),
    ).rejects.toThrow("单位类别「园区」已经存在");
  });

  it("formatting through the Prettier plugin", async () => {
    const messy = "指标 「甲」   4分 {\n规则 「乙」 「丙」 每次扣０.５\n}\n";
    await client.open(uri("messy.kp"), messy);
    const edits = await client.request<TextEdit[]>(DocumentFormattingRequest.method, {
      textDocument: { uri: uri("messy.kp") },
      options: { tabSize: 2, insertSpaces: true },
    });
    const out = TextDocument.applyEdits(TextDocument.create("x", "kp", 1, messy), edits);
    expect(out).toBe(await formatKp(messy, { filepath: path.join(dir, "messy.kp"), tabWidth: 2, useTabs: false }));
    expect(out).toContain("每次 扣 0.5");
    await client.close(uri("messy.kp"));
  });

  it("formatting a file with syntax errors says why nothing changed (window/showMessage)", async () => {
    const broken = "指标 「甲」 4分 {\n  规则 「乙」 「丙」 每次 扣\n}\n";
    await client.open(uri("broken.kp"), broken);
    const before = client.shown.length;
    const edits = await client.request<TextEdit[]>(DocumentFormattingRequest.method, {
      textDocument: { uri: uri("broken.kp") },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toEqual([]);
    for (let i = 0; i < 200 && client.shown.length === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(client.shown[before]).toEqual({
      type: 2,
      message: expect.stringMatching(/^无法格式化：文件有语法错误，在第 3 行第 1 列：KP1102 .*改正后再格式化（有语法错误的文件不会被改写）。$/),
    });
    await client.close(uri("broken.kp"));
  });

  it("a lint finding can be suppressed for its rule with a reason to write (本行不检查)", async () => {
    const t = "指标 「甲」 4分 {\n  规则 「乙」 「未参会的，每次扣0.5分，最多扣2分」\n    每次 扣 0.5 上限 3\n}\n";
    await client.open(uri("suppress.kp"), t);
    const ds = await client.diagnosticsAt(uri("suppress.kp"), 1);
    const d = ds.find((x) => x.code === "KP3030")!;
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: uri("suppress.kp") },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const suppress = actions.find((a) => a.title === "本行不检查（kp-disable-next-line clause-mismatch）")!;
    expect(suppress.isPreferred).toBeFalsy();
    const out = TextDocument.applyEdits(TextDocument.create("x", "kp", 1, t), suppress.edit!.changes![uri("suppress.kp")]!);
    expect(out).toBe("指标 「甲」 4分 {\n  // kp-disable-next-line clause-mismatch: 在此写明原因\n  规则 「乙」 「未参会的，每次扣0.5分，最多扣2分」\n    每次 扣 0.5 上限 3\n}\n");
    // With the placeholder left in, the suppression has no reason and does not take effect (KP3901) …
    await client.change(uri("suppress.kp"), [{ text: out }]);
    let now = await client.diagnosticsAt(uri("suppress.kp"), 2);
    // (KP2037: the file is not included by the folder's catalogue: not this test's business.)
    const codes = () => now.map((x) => x.code).filter((c) => c !== "KP2037").sort();
    expect(codes()).toEqual(["KP3030", "KP3901"]);
    // … with a reason written, the finding is gone.
    await client.change(uri("suppress.kp"), [{ text: out.replace("在此写明原因", "原文另有补充通知，按 3 分计") }]);
    now = await client.diagnosticsAt(uri("suppress.kp"), 3);
    expect(codes()).toEqual([]);
    await client.close(uri("suppress.kp"));
  });

  it("code action: the fix a diagnostic carries (quote a bare word)", async () => {
    const t = "指标 「甲」 4分 {\n  规则 出席会议 「丙」 扣 1\n}\n";
    await client.open(uri("bare.kp"), t);
    const ds = await client.diagnosticsAt(uri("bare.kp"), 1);
    const d = ds.find((x) => x.code === "KP1001")!;
    expect(d.range).toEqual({ start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: uri("bare.kp") },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title === "写成「出席会议」")!;
    expect(fix).toMatchObject({ kind: "quickfix", isPreferred: true });
    expect(TextDocument.applyEdits(TextDocument.create("x", "kp", 1, t), fix.edit!.changes![uri("bare.kp")]!)).toContain(
      "规则 「出席会议」 「丙」",
    );
    await client.close(uri("bare.kp"));
  });

  it("semantic tokens, document symbols, folding, inlay hints, workspace symbols", async () => {
    const tokens = await client.request<SemanticTokens>(SemanticTokensRequest.method, { textDocument: { uri: uri(F1) } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(200);
    const legend = init.capabilities.semanticTokensProvider!.legend;
    // The first token of 01 is its first line, a comment.
    const [dl, , len, type] = tokens.data.slice(0, 5);
    expect([dl, len, legend.tokenTypes[type!]]).toEqual([0, "// 一级指标「×令畅通」（16分）".length, "comment"]);
    const syms = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri: uri(F1) } });
    expect(syms.map((s) => s.name)).toEqual(["×令畅通"]);
    expect(syms[0]!.children!.map((c) => c.name)).toContain("信息工作");
    const folds = await client.request<{ startLine: number }[]>(FoldingRangeRequest.method, { textDocument: { uri: uri(F1) } });
    expect(folds.length).toBeGreaterThan(5);
    const hints = await client.request<{ label: string }[]>(InlayHintRequest.method, {
      textDocument: { uri: uri(F1) },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    // rules/ deducts up to each indicator's points (扣完为止): no 实际上限 hint by default (issue 12 §4)
    expect(hints.map((h) => h.label)).not.toContain("实际上限 4");
    const ws = await client.request<{ name: string }[]>(WorkspaceSymbolRequest.method, { query: "信息完成率" });
    expect(ws.map((s) => s.name)).toEqual(["信息完成率"]);
  });

  it("custom requests: score a facts file and explain a unit", async () => {
    const facts = path.join(repoRoot, "examples/各县事实.json");
    const r = await client.request<{ ok: boolean; results: { unit: string; total: string }[] }>("kp/score", { uri: uri("细则.kp"), facts });
    expect(r.ok).toBe(true);
    expect(r.results[0]).toMatchObject({ unit: "××区", total: "49.93" });
    const e = await client.request<{ ok: boolean; text: string }>("kp/explain", { uri: uri(F1), facts, unit: "××区" });
    expect(e.text).toContain("单位「××区」");
  });

  it("custom requests read facts as kp score does (@kaoping/facts): a CSV file scores, a lossy JSON number is refused", async () => {
    const csv = await client.request<{ ok: boolean; results: { unit: string; total: string }[] }>("kp/score", { uri: uri("细则.kp"), facts: path.join(repoRoot, "examples/各县事实.csv") });
    expect(csv.ok).toBe(true);
    expect(csv.results[0]).toMatchObject({ unit: "××区", total: "49.93" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-facts-"));
    try {
      const lossy = path.join(dir, "精度.json");
      writeFileSync(lossy, readFileSync(path.join(repoRoot, "examples/各县事实.json"), "utf8").replace('"参会": 1,', '"参会": 2.0000000000000001,'));
      const r = await client.request<{ ok: boolean; details: string[] }>("kp/score", { uri: uri("细则.kp"), facts: lossy });
      expect(r.ok).toBe(false);
      expect(r.details).toEqual([expect.stringMatching(/^精度\.json:\d+:\d+ KP4010 「参会」的值「2\.0000000000000001」小数位数超过 6 位$/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("resilience", () => {
  it("answers requests about unknown documents with empty results", async () => {
    const unknown = uri("不存在.kp");
    const pos = { line: 0, character: 0 };
    expect(await client.request(HoverRequest.method, { textDocument: { uri: unknown }, position: pos })).toBeNull();
    expect(await client.request(CompletionRequest.method, { textDocument: { uri: unknown }, position: pos })).toEqual([]);
    expect(await client.request(DocumentSymbolRequest.method, { textDocument: { uri: unknown } })).toEqual([]);
    expect(await client.request(DefinitionRequest.method, { textDocument: { uri: unknown }, position: pos })).toEqual([]);
    expect(await client.request(SemanticTokensRequest.method, { textDocument: { uri: unknown } })).toEqual({ data: [] });
    expect(
      await client.request(DocumentFormattingRequest.method, {
        textDocument: { uri: unknown },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });

  it("survives positions outside the document and malformed parameters", async () => {
    expect(
      await client.request(HoverRequest.method, { textDocument: { uri: uri(F1) }, position: { line: 99999, character: 99999 } }),
    ).toBeNull();
    // A negative position is read as the start of the file: the completions offered there.
    const atStart = await client.request(CompletionRequest.method, { textDocument: { uri: uri(F1) }, position: { line: 0, character: 0 } });
    expect(atStart).toEqual(expect.arrayContaining([expect.objectContaining({ label: expect.any(String) })]));
    expect(
      await client.request(CompletionRequest.method, { textDocument: { uri: uri(F1) }, position: { line: -5, character: -1 } }),
    ).toEqual(atStart);
    expect(await client.request(HoverRequest.method, {})).toBeNull();
    expect(await client.request("kp/score", { uri: uri(F1), facts: "/nonexistent.json" })).toMatchObject({ ok: false, message: expect.stringMatching(/^无法读取事实文件「\/nonexistent\.json」：KP0001 /) });
    // Still alive.
    const h = await client.request<Hover>(HoverRequest.method, { textDocument: { uri: uri(F1) }, position: lineOf(text(F1), "「参会」") });
    expect(h).not.toBeNull();
  });

  it("a cancelled request is answered with RequestCancelled (or its result), and the server goes on", async () => {
    const source = new CancellationTokenSource();
    const p = client.request(DocumentSymbolRequest.method, { textDocument: { uri: uri(F1) } }, source);
    source.cancel();
    const r = await p.then(
      (v) => ({ ok: true as const, v }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    if (!r.ok) {
      expect(r.e).toBeInstanceOf(ResponseError);
      expect((r.e as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    }
    const syms = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri: uri(F1) } });
    expect(syms).toHaveLength(1);
  });

  /** A catalogue over TWO_PHASE_CHARS whose last rule has no cap (a missing-cap warning). */
  const largeCatalogue = (prefix: string) => {
    let text = "";
    for (let i = 0; text.length < 120_000; i++) {
      // The clause states no cap, so removing the code's cap is a missing-cap finding (a clause that
      // states one leaves it to clause-mismatch).
      text += `指标 「${prefix}${i}」 4分 {\n  规则 「${prefix}规则${i}」 「第${i}项未按要求完成的，每次扣0.5分」\n    每次 扣 0.5 上限 1\n}\n`;
    }
    return text + `指标 「${prefix}末」 4分 {\n  规则 「${prefix}无上限」 「未按要求的，每次扣0.5分」\n    每次 扣 0.5\n}\n`;
  };
  const forUri = (u: string) => client.published.filter((p) => p.params.uri === u);

  it("a large catalogue: diagnostics after checking first (lint findings moved along), then after linting", async () => {
    const text = largeCatalogue("");
    const lastLine = text.split("\n").length - 3; // 0-based line of 「每次 扣 0.5」 of 「无上限」
    await client.open(uri("big.kp"), text);
    await client.waitForDiagnostics((p) => p.uri === uri("big.kp") && p.diagnostics.some((d) => d.code === "KP3001"), 20_000);
    const from = client.published.length;
    const v = await client.change(uri("big.kp"), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// 新的一行\n" },
    ]);
    const first = await client.diagnosticsAt(uri("big.kp"), v, 20_000);
    // Already in the first publish: the missing-cap warning, one line lower.
    expect(first.filter((d) => d.code === "KP3001").map((d) => d.range.start.line)).toEqual([lastLine + 1]);
    await expect
      .poll(() => client.published.slice(from).filter((p) => p.params.uri === uri("big.kp") && p.params.version === v).length, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(1);
    // A new finding in the edited indicator is in the check's publish already (the edited
    // indicator is linted at once). Remove the cap of 「规则0」 (line 3 now): 「    每次 扣 0.5 上限 1」.
    const capAt = { line: 3, character: "    每次 扣 0.5".length };
    const v2 = await client.change(uri("big.kp"), [
      { range: { start: capAt, end: { line: 3, character: capAt.character + " 上限 1".length } }, text: "" },
    ]);
    const lines = (ds: { code?: string | number; range: { start: { line: number } } }[]) =>
      ds
        .filter((d) => d.code === "KP3001")
        .map((d) => d.range.start.line)
        .sort((a, b) => a - b);
    const firstOfV2 = await client.diagnosticsAt(uri("big.kp"), v2, 20_000);
    expect(lines(firstOfV2)).toEqual([3, lastLine + 1]);
    // After the pause, the whole lint says the same.
    const from2 = client.published.length;
    await expect
      .poll(() => client.published.slice(from2).filter((p) => p.params.uri === uri("big.kp") && p.params.version === v2).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    const linted = client.published.slice(from2).find((p) => p.params.uri === uri("big.kp") && p.params.version === v2)!.params.diagnostics;
    const key = (ds: typeof linted) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    expect(key(linted)).toEqual(key(firstOfV2));
    // A new finding outside any single edited item is the whole lint's: an edit from the first line
    // into 「规则0」 (no one item holds it) puts the cap back and removes the one of 「规则1」.
    const v3 = await client.change(uri("big.kp"), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// 又一行\n" },
      { range: { start: { line: 4, character: capAt.character }, end: { line: 4, character: capAt.character } }, text: " 上限 1" },
      { range: { start: { line: 8, character: capAt.character }, end: { line: 8, character: capAt.character + " 上限 1".length } }, text: "" },
    ]);
    expect(lines(await client.diagnosticsAt(uri("big.kp"), v3, 20_000))).toEqual([lastLine + 2]);
    await client.waitForDiagnostics((p) => p.uri === uri("big.kp") && p.version === v3 && lines(p.diagnostics).includes(8), 20_000);
    await client.close(uri("big.kp"));
  }, 60_000);

  it("a large catalogue closed while its lint waits for a pause ends with no diagnostics", async () => {
    const u = uri("closing.kp");
    // A second large catalogue, edited with the first: its lint comes after the pause, in the run
    // after the close — the observable event that any lint of the closed file would precede (runs
    // are serial).  Waiting for it touches nothing, so it cannot cancel a stray lint.
    const other = uri("closing-other.kp");
    await client.open(u, largeCatalogue("关"));
    await client.open(other, largeCatalogue("伴"));
    await client.waitForDiagnostics((p) => p.uri === u && p.diagnostics.some((d) => d.code === "KP3001"), 20_000);
    await client.waitForDiagnostics((p) => p.uri === other && p.diagnostics.some((d) => d.code === "KP3001"), 20_000);
    const v = await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// 改\n" }]);
    // Add a line before the first item and remove the cap of 「伴规则0」 (line 3 then): no single
    // item holds the edit, so the missing-cap warning there comes only from the whole lint.
    const capAt = { line: 3, character: "    每次 扣 0.5".length };
    const vo = await client.change(other, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// 伴\n" },
      { range: { start: capAt, end: { line: 3, character: capAt.character + " 上限 1".length } }, text: "" },
    ]);
    await client.diagnosticsAt(u, v, 20_000); // the check's publish; the lint now waits for a pause
    const before = forUri(u).length;
    await client.close(u);
    await client.waitForDiagnostics(
      (p) => p.uri === other && p.version === vo && p.diagnostics.some((d) => d.code === "KP3001" && d.range.start.line === 3),
      20_000,
    );
    // After the close: the clearing publish, and nothing after it (a lint that had already
    // published before the close may come first on a slow machine).
    const after = forUri(u).slice(before).map((p) => p.params.diagnostics);
    const clearedAt = after.findIndex((d) => d.length === 0);
    expect(clearedAt, JSON.stringify(after)).toBeGreaterThanOrEqual(0);
    expect(after.slice(clearedAt)).toEqual([[]]);
    await client.close(other);
  }, 60_000);

  it("a small document edited with a large one gets its diagnostics before the large one is linted", async () => {
    const big = uri("big-first.kp");
    const small = uri("small-second.kp");
    await client.open(big, largeCatalogue("先"));
    await client.waitForDiagnostics((p) => p.uri === big && p.diagnostics.some((d) => d.code === "KP3001"), 20_000);
    await client.open(small, "指标 「乙」 4分 {\n  规则 「小」 「每次扣0.5分」\n    每次 扣 0.5 上限 4\n}\n");
    // Its publish ends the run that checked it: the scheduler is idle now.
    await client.diagnosticsAt(small, 1, 20_000);
    // Both edited together (one analysis run, the large one first). The large one's edit adds a
    // line before its first item and removes a cap (no single item holds the edit, so the edited
    // indicator is not linted at once): the new missing-cap warning on line 3 comes only from its lint.
    const capAt = { line: 3, character: "    每次 扣 0.5".length };
    const vb = await client.change(big, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// 新\n" },
      { range: { start: capAt, end: { line: 3, character: capAt.character + " 上限 1".length } }, text: "" },
    ]);
    const vs = await client.change(small, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 12 } }, text: "扣" }]);
    const linted = await client.waitForDiagnostics(
      (p) => p.uri === big && p.version === vb && p.diagnostics.some((d) => d.code === "KP3001" && d.range.start.line === 3),
      20_000,
    );
    const smallAt = client.published.findIndex((p) => p.params.uri === small && p.params.version === vs);
    const lintedAt = client.published.findIndex((p) => p.params === linted);
    expect(smallAt).toBeGreaterThanOrEqual(0);
    expect(smallAt).toBeLessThan(lintedAt);
    await client.close(small);
    await client.close(big);
  }, 60_000);

  it("200 rapid edits: the diagnostics of the last version are right", async () => {
    const name = "rapid.kp";
    const base = "指标 「甲」 4分 {\n  规则 「乙」 「每次扣0.5分」\n    每次 扣 0.5 上限 4\n}\n";
    await client.open(uri(name), base);
    await client.diagnosticsAt(uri(name), 1);
    // Type 200 characters into a comment at the end of line 1, one change per character…
    const line0 = "指标 「甲」 4分 {".length;
    await client.change(uri(name), [{ range: { start: { line: 0, character: line0 }, end: { line: 0, character: line0 } }, text: " //" }]);
    for (let i = 0; i < 198; i++) {
      void client.change(uri(name), [
        { range: { start: { line: 0, character: line0 + 3 + i }, end: { line: 0, character: line0 + 3 + i } }, text: "字" },
      ]);
    }
    // …then break the rule on the last one.
    const v = await client.change(uri(name), [
      { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 12 } }, text: "扣" },
    ]);
    expect(v).toBe(201);
    const ds = await client.diagnosticsAt(uri(name), v, 15_000);
    expect(ds.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start])).toEqual([
      [expect.stringMatching(/^KP110/), { line: 2, character: 9 }],
    ]);
    // Fewer analyses than edits: they were coalesced.
    const runs = client.published.filter((p) => p.params.uri === uri(name)).length;
    expect(runs).toBeLessThan(50);
    await client.close(uri(name));
    expect(client.stderr).toBe("");
  });
});
