/**
 * Facts files as they are typed: the text of an edited facts file (.json, .csv named by the
 * convention — `*.facts.json`, a name with 事实 — or one the server lists for the current catalogue)
 * is sent to the server (`kp/factsText`) after a short pause, so its problems follow the typing;
 * when the file is closed the server reads the disk again.  The server ignores a file that belongs
 * to no open catalogue.
 */
import path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { CatalogueStatus } from "./status.js";

const PAUSE_MS = 250;

/** The facts file naming convention (as the server's facts-files.ts). */
export function isFactsFileName(file: string): boolean {
  const base = path.basename(file);
  const lower = base.toLowerCase();
  const ext = path.extname(lower);
  if (ext !== ".json" && ext !== ".csv") return false;
  if (lower.endsWith(".schema.json")) return false;
  return lower.endsWith(`.facts${ext}`) || base.includes("事实");
}

export function registerFactsSync(context: vscode.ExtensionContext, client: LanguageClient, status: CatalogueStatus): void {
  let listed = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const isFacts = (doc: vscode.TextDocument) => doc.uri.scheme === "file" && (isFactsFileName(doc.uri.fsPath) || listed.has(doc.uri.toString()));
  const send = (uri: vscode.Uri, text: string | null) => void client.sendNotification("kp/factsText", { uri: uri.toString(), text });
  context.subscriptions.push(
    status.onDidRefresh((s) => {
      listed = new Set(s?.factsFiles ?? []);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isFacts(e.document)) return;
      const key = e.document.uri.toString();
      const t = timers.get(key);
      if (t) clearTimeout(t);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          send(e.document.uri, e.document.getText());
        }, PAUSE_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (!isFacts(doc)) return;
      const key = doc.uri.toString();
      const t = timers.get(key);
      if (t) clearTimeout(t);
      timers.delete(key);
      send(doc.uri, null);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
