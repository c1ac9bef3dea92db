/** What the server announces in its `initialize` answer. */
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from "vscode-languageserver/node";
import { SCENARIO_COMMAND } from "./service/scenarios.js";
import { semanticTokenModifiers, semanticTokenTypes } from "./service/semantic.js";

export const capabilities: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  completionProvider: { triggerCharacters: ["「", "、"], resolveProvider: false },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: "考评细则" },
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  semanticTokensProvider: {
    legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] },
    full: true,
    range: true,
  },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
  inlayHintProvider: true,
  // code lenses: 「N分 · M条规则」 on indicators, 计分/解释 on the root (service/lenses.ts), 「运行」 on each scenario of a *.kptest file (service/scenarios.ts)
  codeLensProvider: { resolveProvider: false },
  executeCommandProvider: { commands: [SCENARIO_COMMAND] },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
