/**
 * The server process under abuse, through a real stdio client: memory is released when documents
 * close, a broken message header ends the process (so the editor restarts it), the server exits
 * when its input closes, and files that are not regular files never block it.  Needs dist/
 * (`pnpm --filter @kaoping/lsp build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentSymbolRequest, ShutdownRequest, SemanticTokensRequest } from "vscode-languageserver-protocol/node";
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

/** Resolves with the exit code, or "still running" after `ms`. */
function exitOf(proc: ChildProcess, ms: number): Promise<number | null | "still running"> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still running"), ms);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** A framed message, as a client writes it. */
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const initialize = frame(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } }));

describe("framing", () => {
  // Each is written after a valid initialize request; stdin stays open (so the exit is the header's doing).
  const cases: [string, string, string][] = [
    ["a negative Content-Length", "Content-Length: -5\r\n\r\n{}", "消息长度「-5」不是一个非负整数"],
    ["a Content-Length over the limit (10^11)", `Content-Length: 100000000000\r\n\r\n{"jsonrpc":"2.0"`, "消息长度 100,000,000,000 字节，超过上限 64 MiB"],
    ["a Content-Length with letters", "Content-Length: 12abc\r\n\r\n{}", "消息长度「12abc」不是一个非负整数"],
    ["no Content-Length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", "消息头中没有 Content-Length"],
    ["two Content-Length headers", "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "消息头中有多个 Content-Length"],
    ["header lines ending in LF only", "Content-Length: 2\n\n{}", "消息头的行须以回车换行（CR LF）结束"],
    ["a header line without a colon", "Content-Length 2\r\n\r\n{}", "不是「名称: 值」的形式"],
    ["a header that never ends", "X".repeat(9000), "消息头超过 8 KiB 仍未结束"],
  ];
  it.each(cases)("%s: one line (KP0020) on stderr and exit code 1, at once", async (_name, bytes, reason) => {
    const proc = spawn(process.execPath, [serverMain, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    let stdout = "";
    proc.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    try {
      proc.stdin!.write(initialize);
      await expect.poll(() => stdout.includes('"id":1'), { timeout: 10_000 }).toBe(true); // it answered
      proc.stdin!.write(bytes);
      expect(await exitOf(proc, 5000)).toBe(1);
      expect(stderr).toMatch(/^kp: KP0020 无法读取编辑器发来的消息：[^\n]+；语言服务器退出（编辑器会重新启动它）\n$/);
      expect(stderr).toContain(reason);
    } finally {
      proc.kill("SIGKILL");
    }
  });
});

describe("end of input", () => {
  it("exits when stdin closes although the client's process (this one) is alive: code 1 without shutdown", async () => {
    const client = LspClient.start();
    await client.initialize(pathToFileURL(dir).href); // processId: process.pid
    client.proc.stdin!.end();
    expect(await exitOf(client.proc, 5000)).toBe(1);
    client.connection.dispose();
  });

  it("exits with code 0 when stdin closes after a shutdown request", async () => {
    const client = LspClient.start();
    await client.initialize(pathToFileURL(dir).href);
    await client.connection.sendRequest(ShutdownRequest.type);
    client.proc.stdin!.end();
    expect(await exitOf(client.proc, 5000)).toBe(0);
    client.connection.dispose();
  });
});
