/**
 * A real LSP client over stdio for tests and the latency benchmark: spawns
 * `node packages/lsp/dist/main.js --stdio` and talks to it with vscode-languageserver-protocol.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CancellationTokenSource,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

export const serverMain = fileURLToPath(new URL("../dist/main.js", import.meta.url));

interface Waiter {
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

/** An LSP client connected to a spawned server process. */
export class LspClient {
  readonly connection: ProtocolConnection;
  /** The last diagnostics published per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics received, in order, with the time it arrived. */
  readonly published: { at: number; params: PublishDiagnosticsParams }[] = [];
  /** Messages the server logged (window/logMessage). */
  readonly logs: string[] = [];
  /** Messages the server showed the user (window/showMessage): type (1 error … 4 log) and text. */
  readonly shown: { type: number; message: string }[] = [];
  stderr = "";
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly proc: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    proc.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push({ at: performance.now(), params: p });
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.connection.onNotification(LogMessageNotification.method, (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onNotification("window/showMessage", (p: { type: number; message: string }) => {
      this.shown.push(p);
    });
    this.connection.listen();
  }

  /**
   * Spawns the server (built dist/, or another entry such as the extension's bundle) and connects;
   * `node` adds options for Node.js (e.g. `--expose-gc`), `env` environment variables.
   */
  static start(args: string[] = ["--stdio"], main = serverMain, options: { node?: string[]; env?: NodeJS.ProcessEnv } = {}): LspClient {
    const env = { ...process.env, ...options.env };
    const proc = spawn(process.execPath, [...(options.node ?? []), main, ...args], { stdio: ["pipe", "pipe", "pipe"], env });
    return new LspClient(proc);
  }

  /** `workspace` adds client capabilities of the workspace (e.g. `workspaceEdit`). */
  async initialize(rootUri: string, initializationOptions?: unknown, workspace: Record<string, unknown> = {}): Promise<InitializeResult> {
    const r = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "ws" }],
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
        },
        workspace: { workspaceFolders: true, ...workspace },
      },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return r;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "kp", version: 1, text },
    });
  }

  /** Sends a change; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Resolves with the first publishDiagnostics (already received or future) matching `pred`. */
  waitForDiagnostics(
    pred: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs = 10_000,
    includePast = true,
  ): Promise<PublishDiagnosticsParams> {
    if (includePast) for (const p of this.diagnostics.values()) if (pred(p)) return Promise.resolve(p);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; stderr: ${this.stderr}; logs: ${this.logs.join("\n")}`));
      }, timeoutMs);
      const waiter: Waiter = {
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for the diagnostics of `uri` at `version` (or any version when the server sends none). */
  diagnosticsAt(uri: string, version: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    return this.waitForDiagnostics((p) => p.uri === uri && p.version === version, timeoutMs).then((p) => p.diagnostics);
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    // (An explicit `undefined` token would count as a second positional parameter.)
    return (token ? this.connection.sendRequest(method, params, token.token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  /** Resident memory of the server process (Linux), in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, "utf8");
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    const exited = new Promise<void>((r) => (this.proc.exitCode !== null ? r() : this.proc.once("exit", () => r())));
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
