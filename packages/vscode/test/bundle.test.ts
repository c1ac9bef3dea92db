/**
 * The server bundled into the extension (dist/server.mjs: core, lint, the Prettier plugin and
 * Prettier inside) works on its own over stdio: diagnostics with lint findings, formatting.
 * Needs `pnpm --filter kaoping-vscode build`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentFormattingRequest, HoverRequest, type Hover, type TextEdit } from "vscode-languageserver-protocol/node";
import { LspClient } from "../../lsp/test/lsp-client.js";

const bundle = fileURLToPath(new URL("../dist/server.mjs", import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), "kp-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the extension's bundled server", () => {
  it("checks, lints, hovers and formats without any node_modules", async () => {
    expect(existsSync(bundle), "run `pnpm --filter kaoping-vscode build` first").toBe(true);
    const file = path.join(dir, "a.kp");
    const text = "指标 「甲」   4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次扣0.5\n}\n";
    writeFileSync(file, text);
    // Run a copy outside the repository, where no node_modules can be found.
    const ext = path.join(dir, "ext");
    mkdirSync(ext);
    for (const f of readdirSync(path.dirname(bundle)))
      if (f.endsWith(".mjs")) cpSync(path.join(path.dirname(bundle), f), path.join(ext, f));
    const client = LspClient.start(["--stdio"], path.join(ext, "server.mjs"));
    try {
      await client.initialize(pathToFileURL(dir).href);
      const uri = pathToFileURL(file).href;
      await client.open(uri, text);
      const ds = await client.diagnosticsAt(uri, 1);
      expect(
        ds.map((d) => d.code),
        client.logs.join("\n"),
      ).toContain("KP3001"); // missing-cap, from the bundled linter
      const h = await client.request<Hover>(HoverRequest.method, { textDocument: { uri }, position: { line: 1, character: 7 } });
      expect(JSON.stringify(h.contents)).toContain("未按要求参加会议的");
      const edits = await client.request<TextEdit[]>(DocumentFormattingRequest.method, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
      expect(edits.length).toBe(1);
      expect(applyLspEdits(text, edits)).toContain("指标 「甲」 4分 {\n  规则 「参会」");
      expect(client.stderr).toBe("");
    } finally {
      await client.stop();
    }
  }, 30_000);

  it("scores .csv and .xlsx facts files (@kaoping/facts bundled; exceljs loaded on demand)", async () => {
    expect(existsSync(bundle), "run `pnpm --filter kaoping-vscode build` first").toBe(true);
    const work = path.join(dir, "facts");
    mkdirSync(work);
    const file = path.join(work, "细则.kp");
    const text = "细则 「t」\n指标 「会议」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5 上限 2\n}\n";
    writeFileSync(file, text);
    writeFileSync(path.join(work, "事实.csv"), "单位,参会\n甲县,1\n乙县,3\n");
    const ExcelJS = createRequire(path.join(path.dirname(bundle), "../../facts/package.json"))("exceljs") as {
      Workbook: new () => { addWorksheet(name: string): { addRow(row: (string | number)[]): void }; xlsx: { writeFile(file: string): Promise<void> } };
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    for (const row of [["单位", "参会"], ["甲县", 1], ["乙县", 3]]) ws.addRow(row);
    await wb.xlsx.writeFile(path.join(work, "事实.xlsx"));
    const ext = path.join(dir, "ext-facts");
    mkdirSync(ext);
    for (const f of readdirSync(path.dirname(bundle)))
      if (f.endsWith(".mjs")) cpSync(path.join(path.dirname(bundle), f), path.join(ext, f));
    const client = LspClient.start(["--stdio"], path.join(ext, "server.mjs"));
    try {
      await client.initialize(pathToFileURL(work).href);
      const uri = pathToFileURL(file).href;
      await client.open(uri, text);
      for (const facts of ["事实.csv", "事实.xlsx"]) {
        const r = await client.request<{ ok: boolean; message?: string; details?: string[]; results: { unit: string; total: string }[] }>("kp/score", { uri, facts: path.join(work, facts) });
        expect(r.ok, `${facts}: ${r.message} ${r.details?.join("\n")} ${client.logs.join("\n")}`).toBe(true);
        expect(r.results.map((u) => [u.unit, u.total])).toEqual([
          ["甲县", "3.5"],
          ["乙县", "2.5"],
        ]);
      }
      expect(client.stderr).toBe("");
    } finally {
      await client.stop();
    }
  }, 30_000);
});

/** Applies LSP edits (line/character positions) to a text. */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)))
    out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
