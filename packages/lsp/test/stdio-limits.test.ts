/**
 * The server process under abuse, through a real stdio client: memory is released when documents
 * close, a broken message header ends the process (so the editor restarts it), the server exits
 * when its input closes, files that are not regular files never block it, and 引入 is judged as by
 * the CLI (a link to a file outside the folder is refused and never shown).  Needs dist/
 * (`pnpm --filter @kaoping/lsp build`).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DocumentSymbolRequest,
  HoverRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type Hover,
} from "vscode-languageserver-protocol/node";
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
const initialize = frame(
  JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } }),
);

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
    try {
      await client.initialize(pathToFileURL(dir).href); // processId: process.pid
      client.proc.stdin!.end();
      expect(await exitOf(client.proc, 5000)).toBe(1);
    } finally {
      client.proc.kill("SIGKILL");
      client.connection.dispose();
    }
  });

  it("exits with code 0 when stdin closes after a shutdown request", async () => {
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(dir).href);
      await client.connection.sendRequest(ShutdownRequest.type);
      client.proc.stdin!.end();
      expect(await exitOf(client.proc, 5000)).toBe(0);
    } finally {
      client.proc.kill("SIGKILL");
      client.connection.dispose();
    }
  });
});

/** The answer, or an error when it takes over `ms` (a blocked server must fail the test, not hang it). */
function within<T>(ms: number, answer: Promise<T>): Promise<T> {
  return Promise.race([answer, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe("files that are not regular files", () => {
  it("a FIFO .kp in the folder, a FIFO and /dev/zero named by 引入, a FIFO facts file: the server keeps answering", async () => {
    const ws = path.join(dir, "fifo-ws");
    mkdirSync(ws);
    execFileSync("mkfifo", [path.join(ws, "管道.kp"), path.join(ws, "事实.json")]); // no writer: opening one to read would block
    const root = "细则 「管道测试」\n引入 「管道.kp」\n引入 「/dev/zero」\n引入 「指标.kp」\n";
    writeFileSync(path.join(ws, "细则.kp"), root);
    const indicator = "指标 「甲」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」\n    每次 扣 0.5 上限 4\n}\n";
    writeFileSync(path.join(ws, "指标.kp"), indicator);
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(ws).href);
      const uri = (name: string) => pathToFileURL(path.join(ws, name)).href;
      // A file of the catalogue: finding its root reads every .kp file of the folder, the FIFO too.
      await client.open(uri("指标.kp"), indicator);
      await client.open(uri("细则.kp"), root);
      const ds = await client.waitForDiagnostics((p) => p.uri === uri("细则.kp") && p.diagnostics.length >= 2, 10_000);
      const byLine = new Map(ds.diagnostics.map((d) => [d.range.start.line, d]));
      expect(byLine.get(1)?.code).toBe("KP0011");
      expect(byLine.get(1)?.message).toContain("命名管道（FIFO）");
      expect(byLine.get(2)?.severity).toBe(1); // /dev/zero: refused (how, is core's business)
      // Requests that read files: facts (a FIFO), every .kp of the workspace.
      const facts = path.join(ws, "事实.json");
      const units = await within(5000, client.request<{ ok: boolean; message: string }>("kp/units", { facts }));
      expect(units).toEqual({ ok: false, message: expect.stringContaining("KP0011 这不是普通文件，而是命名管道（FIFO）") as string, details: [] });
      const scored = await within(5000, client.request<{ ok: boolean }>("kp/score", { uri: uri("细则.kp"), facts }));
      expect(scored.ok).toBe(false);
      await within(5000, client.request(WorkspaceSymbolRequest.method, { query: "参会" }));
      const at = { textDocument: { uri: uri("指标.kp") }, position: { line: 1, character: 9 } };
      const h = await within(5000, client.request<Hover | null>(HoverRequest.method, at));
      expect(h).not.toBeNull();
    } finally {
      await client.stop();
    }
  }, 30_000);

  it("a facts file too large for the server's heap is refused (KP4030) and the server keeps answering, never aborts", async () => {
    const ws = path.join(dir, "heap-ws");
    mkdirSync(ws);
    const root = "细则 「内存测试」\n指标 「甲」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」\n    每次 扣 0.5 上限 4\n}\n";
    writeFileSync(path.join(ws, "细则.kp"), root);
    // 4,000 rows × 10,000 columns (40 MB of commas): far more than a 64 MB heap can hold as a table.
    const columns = ",".repeat(9998);
    const facts = path.join(ws, "事实.csv");
    writeFileSync(facts, [`单位,参会${columns}`, ...Array.from({ length: 4000 }, (_, i) => `单位${i + 1},1${columns}`)].join("\n") + "\n");
    const client = LspClient.start(["--stdio"], serverMain, { node: ["--max-old-space-size=64"] });
    try {
      await client.initialize(pathToFileURL(ws).href);
      const uri = pathToFileURL(path.join(ws, "细则.kp")).href;
      await client.open(uri, root);
      await client.waitForDiagnostics((p) => p.uri === uri, 10_000);
      for (const [method, params] of [
        ["kp/score", { uri, facts }],
        ["kp/explain", { uri, facts, unit: "单位1" }],
        ["kp/units", { facts }],
      ] as const) {
        const r = await within(20_000, client.request<{ ok: boolean; message: string }>(method, params));
        expect(r.ok, method).toBe(false);
        expect(r.message, method).toContain("KP4030 事实文件太大，内存不够");
      }
      // still alive and answering
      const at = { textDocument: { uri }, position: { line: 2, character: 9 } };
      expect(await within(5000, client.request<Hover | null>(HoverRequest.method, at))).not.toBeNull();
    } finally {
      await client.stop();
    }
  }, 60_000);

  it("a folder with two links back to itself: the workspace scan visits each folder once and the server answers", async () => {
    const ws = path.join(dir, "loop-ws");
    mkdirSync(path.join(ws, "子目录"), { recursive: true });
    symlinkSync(".", path.join(ws, "a"));
    symlinkSync(".", path.join(ws, "b"));
    symlinkSync("..", path.join(ws, "子目录", "上级"));
    writeFileSync(path.join(ws, "细则.kp"), "细则 「循环」\n引入 「子目录/指标.kp」\n");
    const indicator = "指标 「甲」 4分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」\n    每次 扣 0.5 上限 4\n}\n";
    writeFileSync(path.join(ws, "子目录", "指标.kp"), indicator);
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(ws).href);
      const u = pathToFileURL(path.join(ws, "子目录", "指标.kp")).href;
      await client.open(u, indicator); // not a root: its root is searched for in the whole folder
      expect(await client.diagnosticsAt(u, 1, 10_000)).toEqual([]);
      const c = await within(5000, client.request<{ root: string; files: string[] } | null>("kp/catalogue", { uri: u }));
      expect(c?.root).toBe(pathToFileURL(path.join(ws, "细则.kp")).href);
      await within(5000, client.request(WorkspaceSymbolRequest.method, { query: "参会" }));
    } finally {
      await client.stop();
    }
  }, 30_000);
});

describe("引入 as the CLI judges it", () => {
  it("a link in the folder to a .kp file outside it: KP0014 on the 引入 line, and nothing of the outside file is shown", async () => {
    const ws = path.join(dir, "link-ws");
    mkdirSync(ws);
    mkdirSync(path.join(dir, "外面"));
    const secret = "指标 「外部机密指标」 4分 {\n  规则 「外部机密规则」 「外部机密条文」 每次 扣\n}\n";
    writeFileSync(path.join(dir, "外面", "机密.kp"), secret);
    symlinkSync(path.join(dir, "外面", "机密.kp"), path.join(ws, "x.kp"));
    const root = "细则 「链接测试」\n引入 「x.kp」\n";
    writeFileSync(path.join(ws, "细则.kp"), root);
    const client = LspClient.start();
    try {
      await client.initialize(pathToFileURL(ws).href);
      const uri = (name: string) => pathToFileURL(path.join(ws, name)).href;
      await client.open(uri("细则.kp"), root);
      const ds = await client.diagnosticsAt(uri("细则.kp"), 1, 10_000);
      expect(ds.map((d) => [d.code, d.range.start.line])).toContainEqual(["KP0014", 1]);
      const at = { textDocument: { uri: uri("细则.kp") }, position: { line: 1, character: 5 } };
      const h = await within(5000, client.request<Hover | null>(HoverRequest.method, at));
      const shown = JSON.stringify(h);
      expect(shown).toContain("没有引入：KP0014");
      expect(shown).not.toContain("外部机密");
      const c = await within(5000, client.request<{ root: string; files: string[] } | null>("kp/catalogue", { uri: uri("细则.kp") }));
      expect(c?.files).toEqual([uri("细则.kp")]);
      // Nothing published for the link: the outside file's syntax error (扣 without an amount) is never shown.
      expect(JSON.stringify([...client.diagnostics.values()])).not.toContain("外部机密");
      expect(client.diagnostics.get(uri("x.kp"))?.diagnostics ?? []).toEqual([]);
    } finally {
      await client.stop();
    }
  }, 30_000);
});
