/**
 * The kaoping VS Code extension: a client only.  It starts the bundled language server
 * (dist/server.mjs, the same server as `kp lsp --stdio`) over IPC and adds three commands that run
 * the server's custom requests, so all language logic stays in the server and core.
 */
import path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** What the server's commands answer on failure. */
interface CommandError {
  ok: false;
  message: string;
  details: string[];
}

type Outcome<T> = ({ ok: true } & T) | CommandError;

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
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.kp") },
    initializationOptions: {
      diagnosticsInterval: config.get<number>("diagnosticsInterval", 150),
      capHints: config.get<string>("inlayHints.effectiveCap", "informative"),
    },
    outputChannelName: "考评 kaoping 语言服务",
  };
  client = new LanguageClient("kaoping", "考评 kaoping", serverOptions, clientOptions);
  await client.start();

  const output = vscode.window.createOutputChannel(OUTPUT_NAME);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("kaoping.compile", (outDir?: vscode.Uri) => compile(outDir, output)),
    vscode.commands.registerCommand("kaoping.score", (facts?: vscode.Uri) => score(context, facts, output)),
    vscode.commands.registerCommand("kaoping.explain", (facts?: vscode.Uri, unit?: string) => explain(context, facts, unit, output)),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** The .kp document the command is about: the active editor's. */
function activeKp(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === "kp") return doc;
  void vscode.window.showWarningMessage("请先打开一个 .kp 细则文件");
  return undefined;
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
  const r = await client.sendRequest<Outcome<{ files: string[] }>>("kp/compile", { uri: doc.uri.toString(), outDir: folder.fsPath });
  if (!r.ok) return report(r, output);
  void vscode.window.showInformationMessage(`已编译：${r.files.map((f) => path.basename(f)).join("、")}`);
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
    filters: { 事实文件: ["csv", "xlsx", "json"] },
    defaultUri: last ? vscode.Uri.file(last) : vscode.Uri.file(path.dirname(doc.uri.fsPath)),
  });
  const uri = picked?.[0];
  if (uri) await context.workspaceState.update(LAST_FACTS, uri.fsPath);
  return uri;
}

async function score(context: vscode.ExtensionContext, factsUri: vscode.Uri | undefined, output: vscode.OutputChannel): Promise<void> {
  const doc = activeKp();
  if (!doc || !client) return;
  const facts = await chooseFacts(context, doc, factsUri);
  if (!facts) return;
  const r = await client.sendRequest<Outcome<{ text: string }>>("kp/score", { uri: doc.uri.toString(), facts: facts.fsPath });
  if (!r.ok) return report(r, output);
  output.clear();
  output.append(r.text);
  output.show(true);
}

async function explain(
  context: vscode.ExtensionContext,
  factsUri: vscode.Uri | undefined,
  unit: string | undefined,
  output: vscode.OutputChannel,
): Promise<void> {
  const doc = activeKp();
  if (!doc || !client) return;
  const facts = await chooseFacts(context, doc, factsUri);
  if (!facts) return;
  let name = unit;
  if (!name) {
    const units = await client.sendRequest<Outcome<{ units: string[] }>>("kp/units", { facts: facts.fsPath, uri: doc.uri.toString() });
    if (!units.ok) return report(units, output);
    name = await vscode.window.showQuickPick(units.units, { title: "kp：选择要解释得分的单位", placeHolder: "单位名称" });
    if (!name) return;
  }
  const r = await client.sendRequest<Outcome<{ text: string }>>("kp/explain", { uri: doc.uri.toString(), facts: facts.fsPath, unit: name });
  if (!r.ok) return report(r, output);
  output.clear();
  output.append(r.text);
  output.show(true);
}
