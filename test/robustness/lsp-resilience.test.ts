/**
 * Language-server resilience, over stdio against the built server (`packages/lsp/dist/main.js`;
 * `pnpm test` builds it first).  A raw client is used so that broken bytes can be sent:
 * - malformed messages that keep the framing (invalid JSON, non-JSON-RPC bodies, unknown methods,
 *   wrong parameters, bytes that are not UTF-8) — the server answers the next request;
 * - requests for unknown or odd documents, and positions outside the document — answered, never
 *   with an internal error;
 * - cancellations (immediate, late, of unknown ids) — every request is answered, with its result or
 *   RequestCancelled;
 * - 1,000 didChange edits in a burst — afterwards the diagnostics, hovers, symbols and semantic
 *   tokens equal those of a fresh server given the final text.
 * All of it runs against one server instance, which must still answer correctly at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./bad-input-fixtures.js";

const SERVER = join(REPO, "packages/lsp/dist/main.js");

interface Message {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A JSON-RPC client over a spawned server's stdio that can also write raw bytes. */
class RawClient {
  readonly proc: ChildProcess;
  readonly notifications: Message[] = [];
  private buf = Buffer.alloc(0);
  private nextId = 1000;
  private readonly waiting = new Map<number, (m: Message) => void>();
  private readonly listeners: ((m: Message) => void)[] = [];
  exited: string | undefined;
  stderr = "";

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout!.on("data", (d: Buffer) => this.read(d));
    this.proc.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.proc.on("exit", (code, signal) => (this.exited = `${code ?? signal}`));
    this.proc.stdin!.on("error", () => {});
  }

  private read(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const head = this.buf.indexOf("\r\n\r\n");
      if (head < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString("ascii"));
      if (!m) throw new Error(`bad header from server: ${this.buf.subarray(0, head).toString()}`);
      const len = Number(m[1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString("utf8")) as Message;
      this.buf = this.buf.subarray(head + 4 + len);
      if (msg.id !== undefined && msg.id !== null && msg.method === undefined) this.waiting.get(Number(msg.id))?.(msg);
      else if (msg.method) {
        this.notifications.push(msg);
        for (const l of this.listeners) l(msg);
        // server → client requests (e.g. workspace/configuration): answer with nothing
        if (msg.id !== undefined) this.send({ jsonrpc: "2.0", id: msg.id, result: null });
      }
    }
  }

  raw(bytes: Buffer | string): void {
    this.proc.stdin!.write(bytes);
  }
  send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }
  /** Sends a request; resolves with the whole response (result or error). */
  request(method: string, params: unknown, timeoutMs = 20_000): Promise<Message> & { id: number } {
    const id = ++this.nextId;
    const p = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no answer to ${method} (#${id}) within ${timeoutMs} ms; exited: ${this.exited}; stderr: ${this.stderr.slice(0, 500)}`));
      }, timeoutMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(m);
      });
    }) as Promise<Message> & { id: number };
    p.id = id;
    this.send({ jsonrpc: "2.0", id, method, params });
    return p;
  }
  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }
  /** Resolves with the first notification (past or future) matching `pred`. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 20_000): Promise<Message> {
    const past = [...this.notifications].reverse().find(pred);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching notification within ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push((m) => {
        if (pred(m)) {
          clearTimeout(timer);
          resolve(m);
        }
      });
    });
  }
  async initialize(root: string, capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES): Promise<Message> {
    const r = await this.request("initialize", { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: "ws" }], capabilities });
    this.notify("initialized", {});
    return r;
  }
  async stop(): Promise<void> {
    if (this.exited === undefined) {
      await Promise.race([this.request("shutdown", null, 3000).catch(() => undefined), sleep(3000)]);
      this.notify("exit", null);
      await Promise.race([new Promise((r) => this.proc.once("exit", r)), sleep(3000)]);
    }
    if (this.exited === undefined) this.proc.kill("SIGKILL");
  }
}

const DEFAULT_CAPABILITIES = {
  workspace: { workspaceFolders: true, configuration: false },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
    rename: { prepareSupport: true },
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ws = "";
let server: RawClient;
const F1 = "01-×令畅通.kp";
const uriOf = (name: string) => pathToFileURL(join(ws, name)).href;

/** Line/character (UTF-16) of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** What a fresh editor session would show for `text`: diagnostics, hovers, symbols, tokens. */
async function observe(c: RawClient, uri: string, text: string, version: number) {
  const diags = await c.waitFor((m) => m.method === "textDocument/publishDiagnostics" && (m.params as { uri: string; version?: number }).uri === uri && ((m.params as { version?: number }).version ?? version) === version);
  const offsets = [...text.matchAll(/规则 「/g)].slice(0, 12).map((m) => m.index! + 4);
  if (text.includes("「新规则」")) offsets.push(text.indexOf("「新规则」") + 1);
  const hovers = [];
  for (const o of offsets) hovers.push((await c.request("textDocument/hover", { textDocument: { uri }, position: positionAt(text, o) })).result);
  const symbols = (await c.request("textDocument/documentSymbol", { textDocument: { uri } })).result;
  const tokens = (await c.request("textDocument/semanticTokens/full", { textDocument: { uri } })).result;
  const sortDiags = (ds: { range: unknown; code?: unknown; message: string }[]) => [...ds].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { diagnostics: sortDiags((diags.params as { diagnostics: { range: unknown; message: string }[] }).diagnostics), hovers, symbols, tokens };
}

beforeAll(async () => {
  if (!existsSync(SERVER)) throw new Error(`找不到 ${SERVER}：请先构建（pnpm build）`);
  ws = mkdtempSync(join(tmpdir(), "kp-lsp-resilience-"));
  cpSync(join(REPO, "rules"), ws, { recursive: true });
  server = new RawClient();
  await server.initialize(ws);
  server.notify("textDocument/didOpen", { textDocument: { uri: uriOf(F1), languageId: "kp", version: 1, text: readFileSync(join(ws, F1), "utf8") } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (ws) rmSync(ws, { recursive: true, force: true });
});

const hoverFirstRule = () => {
  const text = readFileSync(join(ws, F1), "utf8");
  return server.request("textDocument/hover", { textDocument: { uri: uriOf(F1) }, position: positionAt(text, text.indexOf("规则 「") + 4) });
};

describe("language server resilience (one server through everything)", () => {
  it("answers after malformed messages that keep the framing", { timeout: 60_000 }, async () => {
    const good = await hoverFirstRule();
    expect(good.error).toBeUndefined();
    expect(JSON.stringify(good.result)).toContain("参会");
    // Each body is exactly as long (in bytes) as its header says: the framing stays intact.
    const frame = (body: string | Buffer, declared?: number) => {
      const b = typeof body === "string" ? Buffer.from(body, "utf8") : body;
      const n = declared ?? b.length;
      return Buffer.concat([Buffer.from(`Content-Length: ${n}\r\n\r\n`, "ascii"), b, Buffer.alloc(Math.max(0, n - b.length), " ")]);
    };
    const cases: [string, Buffer][] = [
      ["invalid JSON", frame("{oops")],
      ["JSON that is not JSON-RPC", frame('{"a": 1}')],
      ["a JSON array", frame("[1,2]")],
      ["a JSON string", frame('"hi"')],
      ["bytes that are not UTF-8", frame(Buffer.from([0xff, 0xfe, 0xfd, 0xfc]))],
      ["a declared length longer than the JSON, padded with blanks", frame("{}", 40)],
      ["an unknown notification", frame(JSON.stringify({ jsonrpc: "2.0", method: "kp/未知" }))],
      ["a response to nothing", frame(JSON.stringify({ jsonrpc: "2.0", id: 424242, result: 1 }))],
      ["a request without a method", frame(JSON.stringify({ jsonrpc: "2.0", id: 5 }))],
    ];
    for (const [what, bytes] of cases) {
      server.raw(bytes);
      const r = await hoverFirstRule();
      expect(r.result, what).toEqual(good.result);
    }
    const unknown = await server.request("kp/没有这个方法", {});
    expect(unknown.error?.code).toBe(-32601);
    for (const [method, params] of [
      ["textDocument/hover", { textDocument: 5 }],
      ["textDocument/hover", { textDocument: { uri: uriOf(F1) }, position: { line: "x", character: null } }],
      ["textDocument/completion", {}],
      ["textDocument/definition", { textDocument: { uri: 42 }, position: {} }],
      ["textDocument/rename", { textDocument: { uri: uriOf(F1) }, position: { line: 3, character: 8 }, newName: 7 }],
    ] as const) {
      const r = await server.request(method, params);
      // Answered: a result, or a JSON-RPC error (never silence).
      expect(r.result !== undefined || r.error !== undefined, `${method} ${JSON.stringify(params)}`).toBe(true);
    }
    expect((await hoverFirstRule()).result).toEqual(good.result);
    expect(server.exited).toBeUndefined();
  });

  it("answers requests about unknown and odd documents without internal errors", { timeout: 60_000 }, async () => {
    const docs = [uriOf("不存在.kp"), "untitled:Untitled-1", "file:///%E4%B8%8D/%20%2F..%2F..%2Fetc%2Fpasswd.kp", "http://example.com/x.kp", "file:///", "not a uri"];
    const pos = { line: 99999, character: 99999 };
    for (const uri of docs) {
      const td = { textDocument: { uri } };
      const requests: [string, unknown][] = [
        ["textDocument/hover", { ...td, position: pos }],
        ["textDocument/completion", { ...td, position: { line: 0, character: 0 } }],
        ["textDocument/definition", { ...td, position: pos }],
        ["textDocument/references", { ...td, position: pos, context: { includeDeclaration: true } }],
        ["textDocument/documentHighlight", { ...td, position: pos }],
        ["textDocument/prepareRename", { ...td, position: pos }],
        ["textDocument/rename", { ...td, position: pos, newName: "新名" }],
        ["textDocument/documentSymbol", td],
        ["textDocument/foldingRange", td],
        ["textDocument/semanticTokens/full", td],
        ["textDocument/formatting", { ...td, options: { tabSize: 2, insertSpaces: true } }],
        ["textDocument/codeAction", { ...td, range: { start: pos, end: pos }, context: { diagnostics: [] } }],
        ["textDocument/inlayHint", { ...td, range: { start: { line: 0, character: 0 }, end: pos } }],
      ];
      for (const [method, params] of requests) {
        const r = await server.request(method, params);
        expect(r.error?.code, `${method} on ${uri}: ${r.error?.message}`).not.toBe(-32603);
      }
    }
    // positions outside the open document, and in the middle of a surrogate pair
    for (const position of [{ line: -1, character: -1 }, { line: 0, character: 10_000 }, { line: 10_000, character: 0 }]) {
      const r = await server.request("textDocument/hover", { textDocument: { uri: uriOf(F1) }, position });
      expect(r.error?.code, JSON.stringify(position)).not.toBe(-32603);
    }
  });

  it("answers every request after cancellations (its result or RequestCancelled)", { timeout: 60_000 }, async () => {
    const text = readFileSync(join(ws, F1), "utf8");
    const pending = [];
    for (let i = 0; i < 60; i++) {
      const method = ["textDocument/hover", "textDocument/completion", "textDocument/references", "textDocument/semanticTokens/full", "textDocument/formatting"][i % 5]!;
      const position = positionAt(text, (i * 97) % text.length);
      const params =
        method === "textDocument/references"
          ? { textDocument: { uri: uriOf(F1) }, position, context: { includeDeclaration: true } }
          : method === "textDocument/formatting"
            ? { textDocument: { uri: uriOf(F1) }, options: { tabSize: 2, insertSpaces: true } }
            : method === "textDocument/semanticTokens/full"
              ? { textDocument: { uri: uriOf(F1) } }
              : { textDocument: { uri: uriOf(F1) }, position };
      const p = server.request(method, params);
      if (i % 3 !== 2) server.notify("$/cancelRequest", { id: p.id });
      pending.push(p);
    }
    server.notify("$/cancelRequest", { id: 987654 }); // unknown id
    server.notify("$/cancelRequest", { id: "字符串" });
    server.notify("$/cancelRequest", {});
    const answers = await Promise.all(pending);
    for (const a of answers) expect(a.result !== undefined || a.error?.code === -32800, JSON.stringify(a.error)).toBe(true);
    // cancelling a request already answered changes nothing
    const done = await hoverFirstRule();
    server.notify("$/cancelRequest", { id: Number(done.id) });
    expect((await hoverFirstRule()).result).toEqual(done.result);
  });

  it("after 1,000 didChange edits in a burst, shows what a fresh server shows for the final text", { timeout: 120_000 }, async () => {
    const uri = uriOf(F1);
    let text = readFileSync(join(ws, F1), "utf8");
    let version = 1;
    const edit = (start: number, end: number, newText: string) => {
      version++;
      server.notify("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: newText }],
      });
      text = text.slice(0, start) + newText + text.slice(end);
    };
    // Type a new rule character by character into the first indicator, with typos fixed on the way,
    // then edit numbers all over the file; a full-text change in the middle.
    const at = text.indexOf("\n", text.indexOf("指标 「落实")) + 1;
    const typed = "    规则 「新规则」 「未按要求报送材料的，每次扣0.3分」 每次 扣 0.3 上限 1\n";
    let cursor = at;
    for (const ch of typed) {
      edit(cursor, cursor, ch);
      cursor += ch.length;
      if (ch === "扣") {
        edit(cursor, cursor, "扣");
        edit(cursor, cursor + 1, ""); // a typo, deleted
      }
    }
    version++;
    server.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    // Then edits all over: the new rule's clause grows by one character at a time (so a lost or
    // misplaced edit shows in its hover), numbers change, blank lines come and go.
    const chars = [..."，逾期未报送的加倍扣分😀"];
    while (version < 1001) {
      const k = version % 3;
      if (k === 0) {
        const close = text.indexOf("」", text.indexOf("「未按要求报送材料"));
        edit(close, close, chars[version % chars.length]!);
      } else if (k === 1) {
        const nums = [...text.matchAll(/扣 (\d+(?:\.\d+)?)/g)];
        const m = nums[(version * 7919) % nums.length]!;
        const start = m.index! + 2;
        edit(start, start + m[1]!.length, version % 2 ? "0.2" : "0.5");
      } else {
        const line = text.indexOf("\n", (version * 104729) % text.length);
        if (text.startsWith("\n\n", line)) edit(line, line + 1, "");
        else edit(line, line, "\n");
      }
    }
    expect(version).toBe(1001);
    const after = await observe(server, uri, text, version);

    const fresh = new RawClient();
    try {
      await fresh.initialize(ws);
      fresh.notify("textDocument/didOpen", { textDocument: { uri, languageId: "kp", version, text } });
      const expected = await observe(fresh, uri, text, version);
      expect(after.diagnostics).toEqual(expected.diagnostics);
      expect(after.hovers).toEqual(expected.hovers);
      expect(after.symbols).toEqual(expected.symbols);
      expect(after.tokens).toEqual(expected.tokens);
      expect(JSON.stringify(after.symbols)).toContain("新规则");
    } finally {
      await fresh.stop();
    }
    expect(server.exited).toBeUndefined();
  });
});

describe("language server: defects found and fixed (regression tests)", () => {
  // A framing error (a Content-Length that is not a number, missing, or shorter than the body) leaves
  // vscode-jsonrpc's reader stopped: the process stays alive and never answers again, so an editor
  // waits forever.  It should resynchronise at the next header, or exit so that the client restarts it.
  it("after a framing error the server answers again or exits, never stays alive and silent", { timeout: 30_000 }, async () => {
    const c = new RawClient();
    try {
      await c.initialize(ws);
      c.raw("Content-Length: abc\r\n\r\n{}");
      // Wait for whichever comes first, the answer or the exit (not a fixed time after which the
      // process's state is looked at): a server alive and silent makes the poll time out.
      let answered = false;
      void c.request("textDocument/hover", { textDocument: { uri: uriOf(F1) }, position: { line: 0, character: 0 } }, 15_000).then(
        () => (answered = true),
        () => undefined,
      );
      await expect.poll(() => answered || c.exited !== undefined, { timeout: 10_000, interval: 20 }).toBe(true);
    } finally {
      await c.stop();
    }
  });

  // onInitialized registers onDidChangeWorkspaceFolders unconditionally; vscode-languageserver throws
  // for clients without the capability, and the server logs「kp: initialized failed」as an error.
  it("a client without workspace-folder support initializes without an error log", { timeout: 30_000 }, async () => {
    const c = new RawClient();
    try {
      await c.initialize(ws, { textDocument: {} });
      // onInitialized runs synchronously when `initialized` is read, and messages are handled in
      // order: an error it logs is written before the answer to this later request.
      await c.request("textDocument/hover", { textDocument: { uri: uriOf(F1) }, position: { line: 0, character: 0 } });
      const errors = c.notifications.filter((m) => m.method === "window/logMessage" && (m.params as { type: number }).type === 1);
      expect(errors.map((m) => (m.params as { message: string }).message)).toEqual([]);
    } finally {
      await c.stop();
    }
  });
});
