/**
 * The facts JSON Schema of the current catalogue, for VS Code's JSON language service: package.json
 * contributes `jsonValidation` for facts files (`*.facts.json`, `*事实*.json`) with the URL
 * `kaoping-schema:/facts.schema.json`, which this content provider serves.  The schema is the one
 * `kp compile` writes to `<名>.facts.schema.json` (the server's `kp/factsSchema`, from the catalogue as
 * it last checked clean); when it changes the JSON service is told, so completion of rule keys and
 * squiggles on unknown keys follow the catalogue as it is edited.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { CatalogueStatus } from "./status.js";

export const SCHEMA_URI = vscode.Uri.parse("kaoping-schema:/facts.schema.json");

/** Served while no catalogue is known: accepts anything, says why. */
const NO_CATALOGUE = JSON.stringify({ $comment: "考评：尚未打开细则（.kp），无法给出事实文件的结构" }, null, 2);

export function registerFactsSchema(context: vscode.ExtensionContext, client: LanguageClient, status: CatalogueStatus): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let last: string | undefined;
  const fetch = async (): Promise<string> => {
    const doc = status.document();
    try {
      const r = await client.sendRequest<{ schema: string } | null>("kp/factsSchema", doc ? { uri: doc.toString() } : {});
      return r?.schema ?? NO_CATALOGUE;
    } catch {
      return NO_CATALOGUE;
    }
  };
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: async () => {
      last = await fetch();
      return last;
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEMA_URI.scheme, provider),
    // After each check: a new schema (a rule added or renamed) reaches the JSON service.
    status.onDidRefresh(async () => {
      if (last === undefined) return; // never asked for yet
      const now = await fetch();
      if (now !== last) changed.fire(SCHEMA_URI);
    }),
  );
}
