/**
 * The server process under abuse, through a real stdio client: memory is released when documents
 * close, a broken message header ends the process (so the editor restarts it), the server exits
 * when its input closes, and files that are not regular files never block it.  Needs dist/
 * (`pnpm --filter @kaoping/lsp build`).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSymbolRequest, SemanticTokensRequest } from "vscode-languageserver-protocol/node";
import { MemoryRequest, TEST_HOOKS_ENV, type MemoryReport } from "../src/test-hooks.js";
import { LspClient, serverMain } from "./lsp-client.js";

let dir: string;
const uriIn = (name: string) => pathToFileURL(path.join(dir, name)).href;

beforeAll(() => {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-limits-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A catalogue of about 60 KB (UTF-8) whose names are its own: no two documents share a string. */
function document(n: number): string {
  let text = `细则 「文档${n}」\n`;
  for (let i = 0; text.length < 30_000; i++) {
    text += `指标 「文档${n}指标${i}」 4分 {\n  规则 「文档${n}规则${i}」 「第${i}项未按要求完成的，每次扣0.5分，最多扣1分」\n    每次 扣 0.5 上限 1\n}\n`;
  }
  return text;
}

describe("memory", () => {
  it("closing a document releases it: opening and closing 60 different 60 KB documents leaves the heap near where it was", async () => {
    const client = LspClient.start(["--stdio"], serverMain, { node: ["--expose-gc"], env: { [TEST_HOOKS_ENV]: "1" } });
    try {
      await client.initialize(pathToFileURL(dir).href);
      const memory = () => client.request<MemoryReport>(MemoryRequest, {});
      const cycle = async (n: number) => {
        const u = uriIn(`文档${n}.kp`);
        const text = document(n);
        await client.open(u, text);
        await client.diagnosticsAt(u, 1, 20_000);
        // Everything an editor asks for, and an edit inside one item (an incremental re-parse).
        await client.request(SemanticTokensRequest.method, { textDocument: { uri: u } });
        await client.request(DocumentSymbolRequest.method, { textDocument: { uri: u } });
        const at = { line: 2, character: 0 };
        const v = await client.change(u, [{ range: { start: at, end: at }, text: "  // 改\n" }]);
        await client.diagnosticsAt(u, v, 20_000);
        await client.close(u);
        await client.waitForDiagnostics((p) => p.uri === u && p.version === undefined && p.diagnostics.length === 0, 20_000, false);
      };
      for (let n = 0; n < 5; n++) await cycle(n); // warm up: the linter, compiled code, caches of constants
      const before = await memory();
      expect(before.collected).toBe(true);
      for (let n = 5; n < 65; n++) await cycle(n);
      const after = await memory();
      const grownMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
      console.log(`heap: ${(before.heapUsed / 2 ** 20).toFixed(1)} MB → ${(after.heapUsed / 2 ** 20).toFixed(1)} MB`);
      // The old server kept about 2.5 MB per closed document (≈ 150 MB here).
      expect(grownMb).toBeLessThan(20);
    } finally {
      await client.stop();
    }
  }, 300_000);
});
