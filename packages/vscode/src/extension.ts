/**
 * The kaoping VS Code extension: a client only.  It starts the bundled language server
 * (dist/server.mjs, the same server as `kp lsp --stdio`) over IPC and adds three commands that run
 * the server's custom requests, so all language logic stays in the server and core.  Scores and
 * explanations are shown in the results view (results/panel.ts).
 *
 * Also: the current catalogue in the status bar (status.ts), the facts JSON Schema for
 * `jsonValidation` (schema.ts), facts files sent to the server as they are typed (facts-sync.ts), and
 * the file watcher that lets the server re-check facts files when they change on disk.
 */
import path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import type { CommandError, Outcome, ReviewNote } from "./results/messages.js";
import { ResultsPanel, type Request } from "./results/panel.js";
import { registerFactsSync } from "./facts-sync.js";
import { registerFactsSchema } from "./schema.js";
import { registerCatalogueStatus } from "./status.js";

let client: LanguageClient | undefined;

const OUTPUT_NAME = "考评 kaoping 计分";
const LAST_FACTS = "kaoping.lastFactsFile";

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.mjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const config = vscode.workspace.getConfiguration("kaoping");
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "kp" },
      { scheme: "untitled", language: "kp" },
      // scenario files: run against their catalogue, failing expectations shown, code lens 「运行」
      { scheme: "file", language: "kptest" },
    ],
    // .kp files, and facts files (the server re-checks those of open catalogues when they change)
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher("**/*.kp"), vscode.workspace.createFileSystemWatcher("**/*.{json,jsonl,csv,xlsx}")],
    },
    initializationOptions: {
      diagnosticsInterval: config.get<number>("diagnosticsInterval", 150),
      capHints: config.get<string>("inlayHints.effectiveCap", "informative"),
      codeLens: config.get<boolean>("codeLens.enable", true),
    },
    outputChannelName: "考评 kaoping 语言服务",
  };
  client = new LanguageClient("kaoping", "考评 kaoping", serverOptions, clientOptions);
  await client.start();
  const started = client;
  // kaoping.codeLens.enable takes effect at once: the server drops or draws the lenses again.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("kaoping.codeLens.enable")) return;
      const enabled = vscode.workspace.getConfiguration("kaoping").get<boolean>("codeLens.enable", true);
      void started.sendNotification("kp/codeLens", { enabled });
    }),
  );
  const status = registerCatalogueStatus(context, started);
  registerFactsSchema(context, started, status);
  registerFactsSync(context, started, status);

  const output = vscode.window.createOutputChannel(OUTPUT_NAME);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("kaoping.compile", (outDir?: vscode.Uri) => compile(outDir, output)),
    // Arguments (another command may call these): the facts file's Uri; for explain, the unit's name.
    vscode.commands.registerCommand("kaoping.score", (facts?: vscode.Uri) => score(context, facts, output)),
    vscode.commands.registerCommand("kaoping.explain", (facts?: vscode.Uri, unit?: string) => explain(context, facts, unit, output)),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** The .kp document the command is about: the active editor's (else a visible .kp editor's). */
function activeKp(): vscode.TextDocument | undefined {
  // With the results view focused there is no active text editor: the .kp editor beside it counts.
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === "kp");
  const doc = editor?.document;
  if (doc && doc.languageId === "kp") return doc;
  void vscode.window.showWarningMessage("请先打开一个 .kp 细则文件");
  return undefined;
}

/** The column a document is shown in (rules are opened there from the results view). */
function columnOf(doc: vscode.TextDocument): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
}

function report(e: CommandError, output: vscode.OutputChannel): void {
  if (e.details.length > 0) {
    output.clear();
    output.appendLine(e.message);
    for (const d of e.details) output.appendLine(`  ${d}`);
    output.show(true);
  }
  void vscode.window.showErrorMessage(e.message);
}

async function compile(outDir: vscode.Uri | undefined, output: vscode.OutputChannel): Promise<void> {
  const doc = activeKp();
  if (!doc || !client) return;
  const folder =
    outDir ??
    (
      await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: "编译到这个文件夹",
        title: "kp：选择编译输出的文件夹",
        defaultUri: vscode.Uri.file(path.dirname(doc.uri.fsPath)),
      })
    )?.[0];
  if (!folder) return;
  const r = await client.sendRequest<Outcome<{ files: string[]; review?: ReviewNote }>>("kp/compile", { uri: doc.uri.toString(), outDir: folder.fsPath });
  if (!r.ok) return report(r, output);
  const written = `已编译：${r.files.map((f) => path.basename(f)).join("、")}`;
  // rules marked 待核 are compiled as written: said with the files, as kp compile says it (KP2124)
  if (r.review) void vscode.window.showWarningMessage(`${written}。${r.review.message}`);
  else void vscode.window.showInformationMessage(written);
}

async function chooseFacts(
  context: vscode.ExtensionContext,
  doc: vscode.TextDocument,
  given?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const last = context.workspaceState.get<string>(LAST_FACTS);
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectMany: false,
    openLabel: "用这个事实文件计分",
    title: "kp：选择事实文件（CSV、Excel 或 JSON）",
    filters: { 事实文件: ["csv", "xlsx", "json", "jsonl"] },
    defaultUri: last ? vscode.Uri.file(last) : vscode.Uri.file(path.dirname(doc.uri.fsPath)),
  });
  const uri = picked?.[0];
  if (uri) await context.workspaceState.update(LAST_FACTS, uri.fsPath);
  return uri;
}

/** The server's custom requests, for the results view. */
const request: Request = <R>(method: string, params: unknown) => {
  if (!client) return Promise.reject(new Error("考评语言服务未启动"));
  return client.sendRequest<R>(method, params);
};

/** 「用事实文件计分」: the ranking in the results view. */
async function score(context: vscode.ExtensionContext, factsUri: vscode.Uri | undefined, output: vscode.OutputChannel): Promise<void> {
  const doc = activeKp();
  if (!doc || !client) return;
  const facts = await chooseFacts(context, doc, factsUri);
  if (!facts) return;
  await ResultsPanel.show(context, request, (e) => report(e, output), { catalogue: doc.uri, facts, column: columnOf(doc) });
}

/** 「解释单位得分」: one unit's explanation in the results view (the ranking one click away). */
async function explain(
  context: vscode.ExtensionContext,
  factsUri: vscode.Uri | undefined,
  unit: string | undefined,
  output: vscode.OutputChannel,
): Promise<void> {
  const doc = activeKp();
  if (!doc || !client) return;
  const column = columnOf(doc);
  const facts = await chooseFacts(context, doc, factsUri);
  if (!facts) return;
  let name = unit;
  if (!name) {
    const units = await client.sendRequest<Outcome<{ units: string[] }>>("kp/units", { facts: facts.fsPath, uri: doc.uri.toString() });
    if (!units.ok) return report(units, output);
    name = await vscode.window.showQuickPick(units.units, { title: "kp：选择要解释得分的单位", placeHolder: "单位名称" });
    if (!name) return;
  }
  await ResultsPanel.show(context, request, (e) => report(e, output), { catalogue: doc.uri, facts, column }, name);
}
