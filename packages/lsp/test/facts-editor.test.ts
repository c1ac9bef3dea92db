/**
 * Facts files in the editor, through the real server over stdio (built dist/main.js): facts problems
 * as diagnostics at the facts file's line (and .xlsx problems on the root file), re-checked when the
 * file changes on disk; a rename of a rule or class also edits the facts files (annotated, to be
 * confirmed); code lenses; the catalogue summary and the facts schema the editor uses.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  RenameRequest,
  type CodeLens,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { expectGolden, repoRoot, rulesDir } from "./helpers.js";
import { LspClient, serverMain } from "./lsp-client.js";

const F1 = "01-×令畅通.kp";
const ROOT = "细则.kp";
let dir: string;
let client: LspClient;
const file = (name: string) => path.join(dir, name);
const uri = (name: string) => pathToFileURL(file(name)).href;
const text = (name: string) => readFileSync(file(name), "utf8");
const positionOf = (t: string, needle: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = t.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not found`);
  return TextDocument.create("x", "kp", 0, t).positionAt(i);
};
const messageOf = (d: Diagnostic): string => (typeof d.message === "string" ? d.message : d.message.value);
/** The plain text edits of a rename (the server sends no snippet edits). */
const plain = (edits: TextDocumentEdit["edits"]): TextEdit[] => edits.filter((e): e is TextEdit => "newText" in e);
const simple = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);

/** The facts file of the examples with the rule 参会 written under its old name 参加会议 for one unit. */
const renamedKeyJson = () => readFileSync(path.join(repoRoot, "examples/各县事实.json"), "utf8").replace('"参会": 1,', '"参加会议": 1,');

beforeAll(async () => {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-facts-"));
  for (const f of readdirSync(rulesDir)) cpSync(path.join(rulesDir, f), file(f));
  writeFileSync(file("各县事实.json"), renamedKeyJson());
  cpSync(path.join(repoRoot, "examples/各县事实.csv"), file("各县事实.csv"));
  writeFileSync(file("notes.json"), '{"参会": "not a facts file: the name does not follow the convention"}\n');
  client = LspClient.start();
  await client.initialize(pathToFileURL(dir).href, undefined, {
    workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } },
  });
  await client.open(uri(ROOT), text(ROOT));
});
afterAll(async () => {
  await client?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("facts problems as diagnostics at their file and line", () => {
  it("a renamed rule in a facts file next to the catalogue: KP4002 once, at the key, naming the unit's key", async () => {
    const p = await client.waitForDiagnostics((d) => d.uri === uri("各县事实.json") && d.diagnostics.length > 0, 15_000);
    const where = positionOf(text("各县事实.json"), '"参加会议"');
    expect(simple(p.diagnostics)).toEqual([`${where.line + 1}:${where.character + 1} KP4002 单位「青山县」：细则中没有名为「参加会议」的规则`]);
    expect(p.diagnostics[0]).toMatchObject({ severity: 1, source: "kp" });
    // The CSV of the examples is right: published empty or not at all; a file outside the convention is never read.
    expect(client.diagnostics.get(uri("各县事实.csv"))?.diagnostics ?? []).toEqual([]);
    expect(client.diagnostics.has(uri("notes.json"))).toBe(false);
  }, 20_000);

  it("is checked again when the file changes on disk (the client's file watcher)", async () => {
    writeFileSync(file("各县事实.json"), readFileSync(path.join(repoRoot, "examples/各县事实.json"), "utf8"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri("各县事实.json"), type: FileChangeType.Changed }],
    });
    const p = await client.waitForDiagnostics((d) => d.uri === uri("各县事实.json") && d.diagnostics.length === 0, 10_000, false);
    expect(p.diagnostics).toEqual([]);
  }, 20_000);

  it("is checked as it is typed (kp/factsText), and from the disk again when closed", async () => {
    const typed = text("各县事实.json").replace('"报送超时": 2,', '"报送超时": 2,\n        "报送超时了": 1,');
    await client.connection.sendNotification("kp/factsText", { uri: uri("各县事实.json"), text: typed });
    const p = await client.waitForDiagnostics((d) => d.uri === uri("各县事实.json") && d.diagnostics.length > 0, 10_000, false);
    const where = positionOf(typed, '"报送超时了"');
    expect(p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code])).toEqual([[where.line, where.character, "KP4002"]]);
    await client.connection.sendNotification("kp/factsText", { uri: uri("各县事实.json"), text: null });
    await client.waitForDiagnostics((d) => d.uri === uri("各县事实.json") && d.diagnostics.length === 0, 10_000, false);
  }, 20_000);

  it("a CSV cell with a bad value: at its line and column, with the unit", async () => {
    const csv = text("各县事实.csv").replace("青山县,县区,1,", "青山县,县区,很多,");
    writeFileSync(file("各县事实.csv"), csv);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri("各县事实.csv"), type: FileChangeType.Changed }],
    });
    const p = await client.waitForDiagnostics((d) => d.uri === uri("各县事实.csv") && d.diagnostics.length > 0, 10_000, false);
    const where = positionOf(csv, "很多");
    expect(p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code])).toEqual([[where.line, where.character, expect.stringMatching(/^KP40/)]]);
    expect(p.diagnostics[0]!.message).toContain("青山县");
    cpSync(path.join(repoRoot, "examples/各县事实.csv"), file("各县事实.csv"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri("各县事实.csv"), type: FileChangeType.Changed }],
    });
    await client.waitForDiagnostics((d) => d.uri === uri("各县事实.csv") && d.diagnostics.length === 0, 10_000, false);
  }, 20_000);

  it("an .xlsx facts file used to score: its problems on the root file's title line, naming sheet and cell", async () => {
    // exceljs as @kaoping/facts has it
    const ExcelJS = createRequire(path.join(repoRoot, "packages/facts/package.json"))("exceljs") as {
      Workbook: new () => { addWorksheet(name: string): { addRow(row: (string | number)[]): void }; xlsx: { writeFile(file: string): Promise<void> } };
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    ws.addRow(["单位", "类别", "参加会议"]);
    ws.addRow(["青山县", "县区", 1]);
    await wb.xlsx.writeFile(file("评分.xlsx"));
    const r = await client.request<{ ok: boolean }>("kp/score", { uri: uri(ROOT), facts: file("评分.xlsx") });
    expect(r.ok).toBe(false);
    const p = await client.waitForDiagnostics((d) => d.uri === uri(ROOT) && d.diagnostics.some((x) => messageOf(x).includes("评分.xlsx")), 10_000);
    const mine = p.diagnostics.filter((x) => messageOf(x).includes("评分.xlsx"));
    expect(mine.length).toBeGreaterThan(0);
    expectGolden("golden/facts-xlsx-on-root.txt", mine.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${messageOf(d)}`).join("\n") + "\n");
    expect(mine.map((d) => `${d.code} ${d.message}`)).toContain(
      "KP4015 事实文件「评分.xlsx」（工作表「事实」单元格 C1）：无法识别的列「参加会议」；列名应为「单位」「类别」或细则中的规则名（或「规则名.分项」）",
    );
    expect(mine[0]!.range.start.line).toBe(positionOf(text(ROOT), "细则 「").line);
  }, 20_000);
});

describe("rename also updates the facts files", () => {
  it("renaming a rule edits its JSON keys and CSV header, annotated 「同时更新事实文件」 needing confirmation", async () => {
    await client.open(uri(F1), text(F1));
    const edit = (await client.request<WorkspaceEdit>(RenameRequest.method, {
      textDocument: { uri: uri(F1) },
      position: positionOf(text(F1), "参会」"),
      newName: "参加会议",
    }))!;
    expect(edit.changeAnnotations).toEqual({
      "kp.facts": { label: "同时更新事实文件", needsConfirmation: true, description: expect.stringContaining("「各县事实.json」") },
    });
    const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((d) => [d.textDocument.uri, plain(d.edits)]));
    expect(byUri.get(uri(F1))?.length).toBeGreaterThan(0);
    // Offsets are in the text without its byte order mark, as the editor holds it.
    const noBom = (name: string) => text(name).replace(/^\uFEFF/, "");
    const apply = (name: string) => {
      const t = noBom(name);
      const doc = TextDocument.create(uri(name), "json", 0, t);
      const edits = byUri.get(uri(name)) ?? [];
      expect(edits.every((e) => "annotationId" in e && e.annotationId === "kp.facts")).toBe(true);
      return { edits, after: TextDocument.applyEdits(doc, edits) };
    };
    const json = apply("各县事实.json");
    expect(json.edits.length).toBe(text("各县事实.json").split('"参会":').length - 1); // every unit's key
    expect(json.after).toBe(text("各县事实.json").replaceAll('"参会":', '"参加会议":'));
    const csv = apply("各县事实.csv");
    expect(csv.edits.length).toBe(1);
    expect(csv.after.split(/\r?\n/)[0]).toBe(noBom("各县事实.csv").split(/\r?\n/)[0]!.replace(",参会,", ",参加会议,"));
    // The .xlsx file cannot be edited as text: named in a message; a file outside the convention is left alone.
    expect(client.shown.some((m) => m.message.includes("「评分.xlsx」") && m.message.includes("手动"))).toBe(true);
    expect(byUri.has(uri("notes.json"))).toBe(false);
  }, 20_000);

  it("renaming a class edits the classes of the units", async () => {
    const edit = (await client.request<WorkspaceEdit>(RenameRequest.method, {
      textDocument: { uri: uri(ROOT) },
      position: positionOf(text(ROOT), "园区」", 1), // 类别 「县区」、「园区」
      newName: "开发区",
    }))!;
    const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((d) => [d.textDocument.uri, plain(d.edits)]));
    const after = TextDocument.applyEdits(TextDocument.create(uri("各县事实.json"), "json", 0, text("各县事实.json")), byUri.get(uri("各县事实.json"))!);
    const classes = (JSON.parse(after) as { units: { classes: string[] }[] }).units.flatMap((u) => u.classes);
    expect(classes).toContain("开发区");
    expect(classes).not.toContain("园区");
    const csvAfter = TextDocument.applyEdits(TextDocument.create(uri("各县事实.csv"), "csv", 0, text("各县事实.csv").replace(/^\uFEFF/, "")), byUri.get(uri("各县事实.csv"))!);
    expect(csvAfter).toContain(",开发区,");
    expect(csvAfter).not.toContain(",园区,");
  }, 20_000);
});

describe("code lenses, the catalogue summary, the facts schema", () => {
  it("an indicator shows its points and rule count; the root's title 计分 and 解释", async () => {
    const lenses = (await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: uri(F1) } }))!;
    const at = (needle: string) => lenses.filter((l) => l.range.start.line === positionOf(text(F1), needle).line).map((l) => l.command?.title);
    expect(at("指标 「×令畅通」")).toEqual([expect.stringMatching(/^16分 · \d+条规则$/)]);
    expect(at("指标 「落实市×、市××重大决策部署」")).toEqual([expect.stringMatching(/^4分 · \d+条规则$/)]);
    expect(lenses.every((l) => l.command?.command === "")).toBe(true);
    const root = (await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: uri(ROOT) } }))!;
    const title = positionOf(text(ROOT), "细则 「").line;
    expect(root.filter((l) => l.range.start.line === title).map((l) => [l.command?.title, l.command?.command])).toEqual([
      ["计分", "kaoping.score"],
      ["解释", "kaoping.explain"],
    ]);
  });

  it("the lenses of every file of rules/, as the user sees them (golden)", async () => {
    const lines: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".kp")).sort()) {
      if (name !== ROOT && name !== F1) await client.open(uri(name), text(name));
      const t = text(name).split("\n");
      const lenses = (await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: pathToFileURL(file(name)).href } }))!;
      lines.push(`# ${name}`);
      for (const l of lenses) lines.push(`${l.range.start.line + 1}: [${l.command?.title}${l.command?.command ? ` → ${l.command.command}` : ""}] ${t[l.range.start.line]!.trim()}`);
    }
    expectGolden("golden/codelens.txt", lines.join("\n") + "\n");
  });

  it("kp/catalogue: title, total points, errors and facts files", async () => {
    const c = await client.request<Record<string, unknown>>("kp/catalogue", { uri: uri(F1) });
    expect(c).toMatchObject({ title: "市对县保证目标考评细则", points: "62", errors: 0, fragment: false });
    expect(c.factsFiles).toEqual(expect.arrayContaining([uri("各县事实.json"), uri("各县事实.csv"), uri("评分.xlsx")]));
  });

  it("kp/factsSchema: the schema kp compile writes, with the rule keys", async () => {
    const r = (await client.request<{ root: string; schema: string }>("kp/factsSchema", {}))!;
    expect(r.root).toBe(uri(ROOT));
    const schema = JSON.parse(r.schema) as { properties: { units: { items: { properties: { facts: { properties: Record<string, unknown>; additionalProperties: boolean } } } } } };
    const factsSchema = schema.properties.units.items.properties.facts;
    expect(Object.keys(factsSchema.properties)).toContain("参会");
    expect(factsSchema.additionalProperties).toBe(false);
  });

  it("code lenses can be turned off (initializationOptions.codeLens = false) and on again (kp/codeLens, then a refresh)", async () => {
    const other = LspClient.start();
    let refreshes = 0;
    other.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes++;
    });
    try {
      await other.initialize(pathToFileURL(dir).href, { codeLens: false }, { codeLens: { refreshSupport: true } });
      await other.open(uri(F1), text(F1));
      expect(await other.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: uri(F1) } })).toEqual([]);
      await other.connection.sendNotification("kp/codeLens", { enabled: true });
      await expect.poll(() => refreshes, { timeout: 5_000 }).toBe(1);
      expect((await other.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: uri(F1) } }))!.length).toBeGreaterThan(0);
      await other.connection.sendNotification("kp/codeLens", { enabled: false });
      await expect.poll(() => refreshes, { timeout: 5_000 }).toBe(2);
      expect(await other.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: uri(F1) } })).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});

describe("JSON Lines facts files (.jsonl) in the editor", () => {
  it("a renamed rule in a .jsonl file used to score: KP4002 at its line, naming the unit of that line", async () => {
    const units = (JSON.parse(readFileSync(path.join(repoRoot, "examples/各县事实.json"), "utf8")) as { units: unknown[] }).units;
    const jsonl = units.map((u) => JSON.stringify(u)).join("\n").replace('"参会":1,', '"参加会议":1,') + "\n";
    writeFileSync(file("评分.jsonl"), jsonl);
    try {
      const r = await client.request<{ ok: boolean }>("kp/score", { uri: uri(ROOT), facts: file("评分.jsonl") });
      expect(r.ok).toBe(false);
      const p = await client.waitForDiagnostics((d) => d.uri === uri("评分.jsonl") && d.diagnostics.length > 0, 10_000);
      const where = positionOf(jsonl, '"参加会议"');
      expect(simple(p.diagnostics)).toEqual([`${where.line + 1}:${where.character + 1} KP4002 单位「青山县」：细则中没有名为「参加会议」的规则`]);
    } finally {
      rmSync(file("评分.jsonl"), { force: true });
    }
  }, 20_000);
});
