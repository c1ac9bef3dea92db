/**
 * Figure 4 — editor latency through the real language server (packages/lsp/dist/main.js --stdio),
 * driven by an LSP client over stdio exactly as an editor drives it:
 *
 *   4a/4b  didChange → publishDiagnostics (for that document version), p50/p95 over N edits, on
 *          rules/ (editing an included file: the whole catalogue is re-checked) and on a generated
 *          catalogue of ~10,000 lines; edits type a digit into an amount and delete it again, at
 *          places spread over the file, paced like a typist (≥ 160 ms apart, more than the server's
 *          150 ms re-analysis interval, so each edit is analysed as an isolated keystroke).  The
 *          diagnostics waited for include the lint of the edited indicator: each typed digit makes
 *          the amount disagree with its clause (clause-mismatch, KP3030), and 4b counts the edits
 *          whose first publish already carries that finding on the edited line (all must);
 *   4c     completion request → response, p95, at the start of rule bodies of the large catalogue;
 *   4d     the server's peak resident memory (VmHWM) after the large-catalogue session.
 *
 * Without a built server the figures say "not available (server not built)".
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { generateCatalogue } from "../gen-catalogue.js";
import { percentile } from "../measure.js";
import { lspEntry, rulesDir } from "../paths.js";
import { unavailable, type Figure } from "../report.js";
import { childNodeArgs, cpuTimeMs, peakRssMB, rssMB } from "./proc.js";

/** Sizes of the editor figures. */
export interface EditorPlan {
  edits: number;
  completions: number;
  largeLines: number;
}

const DIAGNOSTICS_TIMEOUT = 10_000;
/** Time after opening for the server's first whole-catalogue lint to end. */
const LINT_SETTLE_MS = 1500;
const PACE_MS = 160;

const sleep = (t: number) => new Promise<void>((r) => setTimeout(r, t));
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A running server and a client connected to it. */
class Session {
  private readonly waiting = new Map<string, { version: number; resolve: (t: number, p: PublishDiagnosticsParams) => void }>();
  /** Diagnostics received, by URI (for checks). */
  readonly published = new Map<string, PublishDiagnosticsParams>();
  private stderr = "";

  private constructor(
    readonly child: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    child.stderr!.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString("utf8")).slice(-4000);
    });
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const t = now();
      this.published.set(p.uri, p);
      const w = this.waiting.get(p.uri);
      // Diagnostics of an older version do not answer the edit being waited for.
      if (w && (p.version === undefined || p.version === null || p.version >= w.version)) {
        this.waiting.delete(p.uri);
        w.resolve(t, p);
      }
    });
  }

  static async start(workspace: string): Promise<Session> {
    const child = spawn(process.execPath, [...childNodeArgs, lspEntry, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const s = new Session(child, conn);
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "bench" }],
      capabilities: {
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
        },
        workspace: { workspaceFolders: true, configuration: false },
      },
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return s;
  }

  /** Resolves with the arrival time of diagnostics for `uri` at `version` or later. */
  diagnosticsFor(uri: string, version: number): Promise<number | undefined> {
    return this.publishFor(uri, version).then((r) => r?.at);
  }

  /** Resolves with the first diagnostics published for `uri` at `version` or later, and their arrival time. */
  publishFor(uri: string, version: number): Promise<{ at: number; params: PublishDiagnosticsParams } | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(uri);
        resolve(undefined);
      }, DIAGNOSTICS_TIMEOUT);
      this.waiting.set(uri, {
        version,
        resolve: (at, params) => {
          clearTimeout(timer);
          resolve({ at, params });
        },
      });
    });
  }

  async open(uri: string, text: string): Promise<number | undefined> {
    const t0 = now();
    const got = this.diagnosticsFor(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "kp", version: 1, text } });
    const t = await got;
    return t === undefined ? undefined : t - t0;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), sleep(3000)]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    await Promise.race([new Promise((r) => this.child.once("exit", r)), sleep(3000)]);
    if (this.child.exitCode === null) this.child.kill();
    this.conn.dispose();
  }

  get log(): string {
    return this.stderr;
  }
}

/** The positions of amounts (a number after 扣/得) in a text, as LSP positions of their end. */
function amountEnds(text: string): Position[] {
  const out: Position[] = [];
  const lines = text.split("\n");
  lines.forEach((l, line) => {
    for (const m of l.matchAll(/(?:扣|得) (\d+(?:\.\d+)?)/g)) out.push({ line, character: m.index! + m[0].length });
  });
  return out;
}

/** Where rule bodies start on their own line (for completion requests). */
function bodyStarts(text: string): Position[] {
  const out: Position[] = [];
  text.split("\n").forEach((l, line) => {
    const m = /^(\s+)(每|扣 |得 |分段|基准|至少|酌情|按)/.exec(l);
    if (m) out.push({ line, character: m[1]!.length });
  });
  return out;
}

interface EditRun {
  latencies: number[];
  timeouts: number;
  openMs: number | undefined;
  /** Typed digits whose first publish carried the edited rule's clause-mismatch finding (KP3030) on its line. */
  lintIncluded: number;
  inserts: number;
  /** The server's CPU time per edit (all threads), ms: less sensitive to the machine's load than latency. */
  serverCpuPerEdit: number | undefined;
}

/** N edits (type a digit after an amount, then delete it), each waiting for its diagnostics. */
async function editSession(s: Session, uri: string, text: string, edits: number): Promise<EditRun> {
  const openMs = await s.open(uri, text);
  await sleep(LINT_SETTLE_MS); // the open's whole-catalogue lint, out of the per-edit CPU time
  const cpu0 = cpuTimeMs(s.child.pid!);
  const spots = amountEnds(text);
  if (spots.length === 0) throw new Error(`no amounts to edit in ${uri}`);
  const latencies: number[] = [];
  let timeouts = 0;
  let version = 1;
  let lintIncluded = 0;
  let inserts = 0;
  for (let i = 0; i < edits; i++) {
    // pairs of edits at one spot; successive pairs walk through the file
    const spot = spots[Math.floor(i / 2) * 7919 % spots.length]!;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: spot, end: spot }, text: "1" }
      : { range: { start: spot, end: { line: spot.line, character: spot.character + 1 } }, text: "" };
    version++;
    const got = s.publishFor(uri, version);
    const sent = now();
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const r = await got;
    const t = r?.at;
    if (t === undefined) timeouts++;
    else latencies.push(t - sent);
    if (insert) {
      inserts++;
      if (r?.params.diagnostics.some((d) => d.code === "KP3030" && d.range.start.line === spot.line)) lintIncluded++;
    }
    const next = Math.max((t ?? now()) + 10, sent + PACE_MS);
    await sleep(Math.max(0, next - now()));
  }
  const cpu1 = cpuTimeMs(s.child.pid!);
  const serverCpuPerEdit = cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / edits;
  return { latencies, timeouts, openMs, lintIncluded, inserts, serverCpuPerEdit };
}

/** N completion requests at rule-body starts. */
async function completionSession(s: Session, uri: string, text: string, n: number): Promise<{ latencies: number[]; items: number }> {
  const spots = bodyStarts(text);
  if (spots.length === 0) throw new Error("no rule bodies for completion");
  const latencies: number[] = [];
  let items = 0;
  await sleep(300);
  for (let i = 0; i < n; i++) {
    const position = spots[(i * 7919) % spots.length]!;
    const t0 = now();
    const r = await s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    latencies.push(now() - t0);
    items = Array.isArray(r) ? r.length : (r?.items.length ?? 0);
    await sleep(20);
  }
  return { latencies, items };
}

const fmt = (x: number) => `${x.toFixed(1)} ms`;

/** Figures 4a–4d. */
export async function editorFigures(plan: EditorPlan): Promise<Figure[]> {
  const names = [
    "didChange→diagnostics, rules/",
    `didChange→diagnostics incl. the edited indicator's lint, ${plan.largeLines.toLocaleString("en-US")} lines`,
    "completion",
    "server peak RSS",
  ];
  const goals = ["p95 ≤ 50 ms", "p95 ≤ 50 ms", "p95 ≤ 30 ms", "≤ 200 MB"];
  if (!existsSync(lspEntry)) return names.map((n, i) => unavailable(`4${"abcd"[i]}`, n, goals[i]!, "not available (server not built: run pnpm build)"));

  // rules/: edit an included file; the server re-checks the whole catalogue.
  const rulesFile = join(rulesDir, "01-×令畅通.kp");
  const rulesText = readFileSync(rulesFile, "utf8");
  const a = await Session.start(rulesDir);
  let small: EditRun;
  try {
    small = await editSession(a, pathToFileURL(rulesFile).href, rulesText, plan.edits);
  } finally {
    await a.stop();
  }

  // a generated catalogue of ~10,000 lines, alone in a temporary workspace
  const dir = mkdtempSync(join(tmpdir(), "kp-bench-lsp-"));
  const gen = generateCatalogue({ lines: plan.largeLines }, 3);
  const bigFile = join(dir, "细则.kp");
  writeFileSync(bigFile, gen.kp);
  const b = await Session.start(dir);
  let big: EditRun;
  let completion: { latencies: number[]; items: number };
  let rss: number | undefined;
  let peak: number | undefined;
  try {
    const uri = pathToFileURL(bigFile).href;
    big = await editSession(b, uri, gen.kp, plan.edits);
    completion = await completionSession(b, uri, gen.kp, plan.completions);
    rss = rssMB(b.child.pid!);
    peak = peakRssMB(b.child.pid!);
  } finally {
    await b.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const latencyFigure = (id: string, name: string, r: EditRun, extra: Record<string, number>, requireLint = false): Figure => {
    const p50 = percentile(r.latencies, 50);
    const p95 = percentile(r.latencies, 95);
    const lintOk = !requireLint || r.lintIncluded === r.inserts;
    const ok = r.latencies.length > 0 && r.timeouts === 0 && lintOk;
    const notes = [
      ...(r.timeouts > 0 ? [`${r.timeouts} of ${r.latencies.length + r.timeouts} edits got no diagnostics within ${DIAGNOSTICS_TIMEOUT / 1000} s`] : []),
      ...(lintOk ? [] : [`only ${r.lintIncluded} of ${r.inserts} typed digits had the edited rule's lint finding in their first publish`]),
    ];
    return {
      id,
      name,
      goal: "p95 ≤ 50 ms",
      measured: r.latencies.length
        ? `p50 ${fmt(p50)}, p95 ${fmt(p95)}${r.serverCpuPerEdit !== undefined ? `; server CPU ${r.serverCpuPerEdit.toFixed(0)} ms/edit` : ""}`
        : "no diagnostics received",
      baseline: "—",
      ratio: null,
      met: ok ? p95 <= 50 : false,
      status: "ok",
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
      values: {
        edits: r.latencies.length + r.timeouts,
        timeouts: r.timeouts,
        p50,
        p95,
        max: Math.max(...r.latencies),
        openToDiagnostics: r.openMs ?? null,
        serverCpuPerEditMs: r.serverCpuPerEdit ?? null,
        typedDigits: r.inserts,
        editedIndicatorLintInFirstPublish: r.lintIncluded,
        ...extra,
      },
    };
  };
  const cp95 = percentile(completion.latencies, 95);
  return [
    latencyFigure("4a", names[0]!, small, {}),
    latencyFigure("4b", names[1]!, big, { lines: gen.lines, rules: gen.rules }, true),
    {
      id: "4c",
      name: names[2]!,
      goal: goals[2]!,
      measured: `p50 ${fmt(percentile(completion.latencies, 50))}, p95 ${fmt(cp95)}`,
      baseline: "—",
      ratio: null,
      met: cp95 <= 30,
      status: "ok",
      values: { requests: completion.latencies.length, p50: percentile(completion.latencies, 50), p95: cp95, items: completion.items },
    },
    {
      id: "4d",
      name: names[3]!,
      goal: goals[3]!,
      measured: peak === undefined ? "unknown" : `peak ${peak.toFixed(0)} MB (now ${rss?.toFixed(0)} MB)`,
      baseline: "—",
      ratio: null,
      met: peak === undefined ? null : peak <= 200,
      status: peak === undefined ? "not available" : "ok",
      values: { peakMB: peak ?? null, rssMB: rss ?? null },
    },
  ];
}
