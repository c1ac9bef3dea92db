/**
 * The language server: translates LSP ↔ the language service (service/*.ts).  Positions: LSP uses
 * UTF-16 code units, as core's offsets do, so a position maps to an offset through the document.
 *
 * Robustness: every handler is wrapped (an exception is logged to the client's console and answered
 * with an empty result), and requests about unknown documents get empty results.  Diagnostics come
 * from analysis.ts (runs that yield to the event loop and stop when a newer edit arrives) through
 * publisher.ts; the announced features are in capabilities.ts, URIs in uris.ts.
 */
import type { Diagnostic as KpDiagnostic, Span, TextEdit as KpTextEdit } from "@kaoping/core";
import path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  FoldingRangeKind,
  InlayHintKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  SymbolKind,
  TextDocuments,
  type CancellationToken,
  type AnnotatedTextEdit,
  type ChangeAnnotation,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { FactsMonitor } from "./facts-monitor.js";
import { analysisScheduler, LINT_PAUSE_MS } from "./analysis.js";
import { capabilities } from "./capabilities.js";
import { DiagnosticsPublisher } from "./publisher.js";
import { codeActions } from "./service/actions.js";
import { SUGGEST_COMMAND } from "./service/complete-todo-action.js";
import { completions, type CompletionKind } from "./service/completion.js";
import { nodeFileSystem, type FileSystem } from "./service/files.js";
import { formatEdits, formatRefusal, type Formatter } from "./service/format.js";
import type { CapHints } from "./service/hints.js";
import { inlayHints } from "./service/hints.js";
import { hover } from "./service/hover.js";
import { hasFactsExtension } from "./service/facts-files.js";
import { factsRenameEdits } from "./service/facts-rename.js";
import { codeLenses } from "./service/lenses.js";
import { definition, highlights, prepareRename, references, rename, renameTarget } from "./service/navigation.js";
import { documentSymbols, foldingRanges, workspaceSymbols, type OutlineSymbol } from "./service/outline.js";
import { Project, lintThrough, type CatalogueState, type DocContext, type LintProvider } from "./service/project.js";
import { semanticTokens, semanticTokenModifiers, semanticTokenTypes } from "./service/semantic.js";
import { isScenarioFile, scenarioLenses, ScenarioRunner, SCENARIO_COMMAND } from "./service/scenarios.js";
import { registerCommandRequests } from "./requests.js";
import { ClientUris, uriToPath } from "./uris.js";

/** How the server is wired; everything has a default. */
export interface ServerOptions {
  fs?: FileSystem;
  /** The linter; none when absent (see integrations.ts for the real one). */
  lint?: LintProvider;
  /** Loads the linter during `initialize` (instead of `lint`). */
  loadLint?: () => Promise<LintProvider | undefined>;
  /** The formatter; formatting answers no edits when there is none. */
  formatter?: Formatter;
  /** Loads the formatter on first use (Prettier is big: not loaded at start-up). */
  loadFormatter?: () => Promise<Formatter | undefined>;
  /** Minimum time between two analyses while typing (ms); default 150. */
  diagnosticsInterval?: number;
}

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  diagnosticsInterval?: number;
  /** Which 实际上限 inlay hints to show (default `informative`: where the line does not tell it). */
  capHints?: CapHints;
  /** Code lenses (points and rule counts of indicators, 计分/解释 on the root); default true. */
  codeLens?: boolean;
}

export { KpRequests, type LocatedPlaces } from "./requests.js";

/** Custom notifications a client may send. */
export const KpNotifications = {
  /** The client's code lens setting changed: `{ enabled }`; the server asks the client to fetch them again. */
  codeLens: "kp/codeLens",
  /** A facts file as the editor holds it: `{ uri, text }` while edited, `{ uri, text: null }` when closed. */
  factsText: "kp/factsText",
} as const;

/** The change annotation of facts-file edits in a rename (the user confirms or refuses them). */
export const FACTS_ANNOTATION = "kp.facts";

const severity: Record<KpDiagnostic["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const completionKind: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  unit: CompletionItemKind.Unit,
  measure: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet,
  class: CompletionItemKind.Class,
  rule: CompletionItemKind.Function,
  indicator: CompletionItemKind.Module,
  file: CompletionItemKind.File,
};

const symbolKind: Record<OutlineSymbol["kind"], SymbolKind> = {
  catalogue: SymbolKind.File,
  class: SymbolKind.Class,
  include: SymbolKind.Module,
  grades: SymbolKind.Enum,
  grade: SymbolKind.EnumMember,
  indicator: SymbolKind.Namespace,
  rule: SymbolKind.Function,
  group: SymbolKind.Array,
  section: SymbolKind.Namespace,
};

/** Wires the language service to a connection (which the caller then `listen()`s on). */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => connection.console.error(m);
  let lint: LintProvider | undefined = options.lint;
  const project = new Project(options.fs ?? nodeFileSystem, { log, lint: lintThrough(() => lint) });
  let formatter: Formatter | undefined = options.formatter;
  let formatterLoader = options.loadFormatter;
  const uris = new ClientUris();
  let interval = options.diagnosticsInterval ?? 150;
  let capHints: CapHints = "informative";
  let lensesOn = true;
  let clientRefreshesLenses = false;
  /** Whether the client lets the user confirm annotated edits (LSP 3.16 change annotations). */
  let clientAnnotations = false;
  /** Whether the client applies snippet edits (LSP 3.18): the action 「补写计分方式」 selects the 待补 with one. */
  let clientSnippetEdits = false;
  let shuttingDown = false;

  const pathToUri = (p: string): string => uris.uriOf(p);

  // ---------------------------------------------------------------- conversions
  const docFor = (uri: string) => documents.get(uri);
  const pos = (line: number, column: number): Position => ({ line: Math.max(0, line - 1), character: Math.max(0, column - 1) });
  const rangeOf = (s: Span): Range => ({ start: pos(s.start.line, s.start.column), end: pos(s.end.line, s.end.column) });
  /** The range of offsets in a file (open document, else the file as read). */
  const offsetRange = (file: string, start: number, end: number): Range | undefined => {
    const doc = docFor(pathToUri(file));
    if (doc) return { start: doc.positionAt(start), end: doc.positionAt(end) };
    const f = project.load(file);
    if (!f) return undefined;
    return rangeOf(f.parsed.lines.span(start, end));
  };
  const toDiagnostic = (d: KpDiagnostic): Diagnostic => {
    const out: Diagnostic = { range: rangeOf(d.span), severity: severity[d.severity], code: d.code, source: "kp", message: d.message };
    if (d.related && d.related.length > 0) {
      out.relatedInformation = d.related.map((r) => ({
        location: { uri: pathToUri(r.file ?? d.file ?? ""), range: rangeOf(r.span) },
        message: r.message,
      }));
    }
    return out;
  };
  const workspaceEdit = (edits: Map<string, KpTextEdit[]>): WorkspaceEdit => {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, list] of edits) {
      const lsp: TextEdit[] = [];
      for (const e of list) {
        const range = offsetRange(file, e.start, e.end);
        if (range) lsp.push({ range, newText: e.newText });
      }
      changes[pathToUri(file)] = lsp;
    }
    return { changes };
  };

  /**
   * The edit that selects `[start, end)` of a document: its text written back as a snippet's one placeholder
   * (LSP 3.18 SnippetTextEdit; the text itself unchanged).
   */
  const suggestEdit = (uri: string, doc: TextDocument, at: { start: number; end: number }): WorkspaceEdit => {
    const text = doc.getText().slice(at.start, at.end).replace(/[\\$}]/g, (ch) => `\\${ch}`);
    const range = { start: doc.positionAt(at.start), end: doc.positionAt(at.end) };
    return { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: [{ range, snippet: { kind: "snippet", value: `\${1:${text}}` } }] }] };
  };

  /** The service context of an open document (undefined for unknown documents); linted on request. */
  const contextOf = (uri: string, lint = false): { ctx: DocContext; doc: TextDocument } | undefined => {
    const doc = docFor(uri);
    if (!doc || isScenarioFile(uri)) return undefined;
    const path = uriToPath(uri);
    const ctx = project.context(path, { lint });
    return ctx ? { ctx, doc } : undefined;
  };

  // ---------------------------------------------------------------- handler guard
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, "请求已取消");
  function guard<P, R>(name: string, empty: R, fn: (params: P, token: CancellationToken | undefined) => R | Promise<R>) {
    return async (params: P, token?: CancellationToken): Promise<R | ResponseError<void>> => {
      if (token?.isCancellationRequested) return cancelled();
      try {
        const r = await fn(params, token);
        if (token?.isCancellationRequested) return cancelled();
        return r;
      } catch (e) {
        log(`kp: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
        return empty;
      }
    };
  }
  function guardNotification<P>(name: string, fn: (params: P) => void) {
    return (params: P) => {
      try {
        fn(params);
      } catch (e) {
        log(`kp: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      }
    };
  }

  // ---------------------------------------------------------------- diagnostics
  const publisher = new DiagnosticsPublisher({
    send: (params) => void connection.sendDiagnostics(params),
    uriOf: pathToUri,
    versionOf: (uri) => docFor(uri)?.version,
    toDiagnostic,
    left: (p) => {
      if (project.isOpen(p)) scheduler.touch(p);
    },
  });
  /** What each catalogue last published (the facts findings are published with it). */
  const lastPublished = new Map<string, { state: CatalogueState; diagnostics: readonly KpDiagnostic[] }>();
  const facts = new FactsMonitor({
    project,
    stamp: (f) => nodeFileSystem.stamp(f),
    log,
    republish: (root) => {
      const last = lastPublished.get(root);
      if (last && !shuttingDown) publisher.publish(last.state, [...last.diagnostics, ...facts.diagnosticsOf(root)]);
    },
  });
  const publish = (state: CatalogueState, diagnostics: readonly KpDiagnostic[]): void => {
    lastPublished.set(state.root, { state, diagnostics });
    publisher.publish(state, [...diagnostics, ...facts.diagnosticsOf(state.root)]);
    facts.checked(state);
  };
  const scheduler = analysisScheduler({ project, publish, log, shuttingDown: () => shuttingDown }, interval);

  // ---------------------------------------------------------------- lifecycle
  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    clientHasFolders = params.capabilities?.workspace?.workspaceFolders === true;
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders.push(uriToPath(params.rootUri));
    if (folders.length === 0 && params.rootPath) folders.push(params.rootPath);
    project.setFolders(folders);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.diagnosticsInterval === "number" && init.diagnosticsInterval >= 0) interval = init.diagnosticsInterval;
    if (init.capHints === "informative" || init.capHints === "all" || init.capHints === "off") capHints = init.capHints;
    if (init.codeLens === false) lensesOn = false;
    clientRefreshesLenses = params.capabilities?.workspace?.codeLens?.refreshSupport === true;
    // a snippet edit selects what the action leads to (complete-todo-action.ts)
    clientSnippetEdits = params.capabilities?.workspace?.workspaceEdit?.snippetEditSupport === true;
    clientAnnotations = params.capabilities?.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined &&
      params.capabilities.workspace.workspaceEdit.documentChanges === true;
    scheduler.intervalMs = interval;
    if (!lint && options.loadLint) {
      lint = await options.loadLint().catch((e: unknown) => {
        log(`kp: linter unavailable: ${String(e)}`);
        return undefined;
      });
    }
    return {
      serverInfo: { name: "kaoping", version: "0.1.0" },
      capabilities,
    };
  });

  /** Whether the client supports workspace folders (only then may the server listen for changes). */
  let clientHasFolders = false;
  connection.onInitialized(
    guardNotification("initialized", () => {
      if (!clientHasFolders) return;
      void connection.workspace?.onDidChangeWorkspaceFolders?.((e) => {
        const current = new Set(project.getFolders());
        for (const r of e.removed) current.delete(uriToPath(r.uri));
        for (const a of e.added) current.add(uriToPath(a.uri));
        project.setFolders([...current]);
        for (const p of project.openDocuments()) scheduler.touch(p);
      });
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    scheduler.dispose();
    facts.dispose();
    if (scenarioTimer) clearTimeout(scenarioTimer);
  });

  // ---------------------------------------------------------------- scenario files (*.kptest)
  // Run with core's testing/ against their catalogue (service/scenarios.ts); never part of the project.
  const scenarios = new ScenarioRunner((p) => docFor(pathToUri(p))?.getText());
  const publishScenarios = (uri: string) => {
    const doc = docFor(uri);
    if (!doc) return;
    const { diagnostics } = scenarios.run(uriToPath(uri), doc.getText());
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnostics.map(toDiagnostic) });
  };
  let scenarioTimer: ReturnType<typeof setTimeout> | undefined;
  /** Scenario files on disk whose diagnostics were published without being open. */
  const shownScenarios = new Set<string>();
  /**
   * After an edit of a catalogue (once the typing pauses): the open scenario files run again, and so
   * do the scenario files beside an open catalogue's root, so a change that breaks an agreed case
   * shows in the problems list before its scenario file is opened.  A run compiles and scores the
   * whole catalogue (~20–40 ms on rules/), so it waits for a pause in typing as the deferred lint does
   * (LINT_PAUSE_MS after the last edit, never less than the analysis interval): between two keystrokes
   * it held the next keystroke's diagnostics back (bench 4a's p95).
   */
  const rerunScenarios = () => {
    if (scenarioTimer) clearTimeout(scenarioTimer);
    scenarioTimer = setTimeout(
      guardNotification("scenarios", () => {
        for (const d of documents.all()) if (isScenarioFile(d.uri)) publishScenarios(d.uri);
        const roots = new Set(project.openDocuments().map((o) => project.rootOf(o).root));
        const now = new Set<string>();
        for (const file of scenarios.besides([...roots])) {
          const uri = pathToUri(file);
          if (docFor(uri)) continue;
          const text = scenarios.readDisk(file);
          if (text === undefined) continue;
          now.add(uri);
          void connection.sendDiagnostics({ uri, diagnostics: scenarios.run(file, text).diagnostics.map(toDiagnostic) });
        }
        // Files whose catalogue is no longer open lose their diagnostics.
        for (const uri of shownScenarios) if (!now.has(uri) && !docFor(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        shownScenarios.clear();
        for (const uri of now) shownScenarios.add(uri);
      }),
      Math.max(interval, LINT_PAUSE_MS),
    );
  };
  connection.onExecuteCommand(
    guard("executeCommand", null, (params) => {
      if (params.command !== SCENARIO_COMMAND) return null;
      const [uri, name] = (params.arguments ?? []) as [string, string];
      const doc = typeof uri === "string" ? docFor(uri) : undefined;
      if (!doc || typeof name !== "string") return null;
      const r = scenarios.runOne(uriToPath(uri), doc.getText(), name);
      void connection.sendNotification(ShowMessageNotification.type, { type: r.ok ? MessageType.Info : MessageType.Error, message: r.message });
      publishScenarios(uri);
      return r;
    }),
  );

  documents.onDidOpen(guardNotification("didOpen", (e) => void uris.remember(e.document.uri)));
  documents.onDidChangeContent(
    guardNotification("didChange", (e) => {
      if (isScenarioFile(e.document.uri)) {
        uris.remember(e.document.uri);
        publishScenarios(e.document.uri);
        return;
      }
      rerunScenarios();
      const p = uris.remember(e.document.uri);
      project.setDocument(p, e.document.getText());
      scheduler.touch(p);
    }),
  );
  documents.onDidClose(
    guardNotification("didClose", (e) => {
      if (isScenarioFile(e.document.uri)) {
        void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
        rerunScenarios(); // beside an open catalogue, its file on disk is shown again
        return;
      }
      const p = uriToPath(e.document.uri);
      const { root } = project.rootOf(p);
      project.closeDocument(p); // releases what only this document needed
      // Keep the catalogue's diagnostics while another of its files is open; else clear them.
      const stillOpen = project.openDocuments().some((o) => project.rootOf(o).root === root);
      if (!stillOpen) {
        publisher.clearCatalogue(root);
        lastPublished.delete(root);
        facts.forget(root);
        scheduler.touch(p); // a run in progress (e.g. waiting to lint) is stale now; the next skips the closed file
      } else for (const o of project.openDocuments()) if (project.rootOf(o).root === root) scheduler.touch(o);
      publisher.forget(e.document.uri);
      uris.prune((f) => project.isOpen(f) || publisher.shows(f));
      rerunScenarios();
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification("didChangeWatchedFiles", (e) => {
      const paths = e.changes.map((c) => uriToPath(c.uri));
      const factsFiles = paths.filter(hasFactsExtension);
      if (factsFiles.length > 0) facts.filesChanged(factsFiles);
      if (factsFiles.length === paths.length) return; // only facts files: the catalogues did not change
      project.filesChanged(paths);
      for (const p of project.openDocuments()) scheduler.touch(p);
    }),
  );

  // ---------------------------------------------------------------- language features
  connection.onCompletion(
    guard("completion", [] as CompletionItem[], (params) => {
      const c = contextOf(params.textDocument.uri);
      if (!c) return [];
      const offset = c.doc.offsetAt(params.position);
      return completions(c.ctx, offset).map((item) => {
        const range = { start: c.doc.positionAt(item.replace.start), end: c.doc.positionAt(item.replace.end) };
        const out: CompletionItem = {
          label: item.label,
          kind: completionKind[item.kind],
          detail: item.detail,
          sortText: item.sortText,
          textEdit: { range, newText: item.insertText },
          insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (item.documentation) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
        if (item.filterText) out.filterText = item.filterText;
        return out;
      });
    }),
  );

  connection.onHover(
    guard("hover", null, (params) => {
      const c = contextOf(params.textDocument.uri);
      if (!c) return null;
      const h = hover(c.ctx, c.doc.offsetAt(params.position), () => contextOf(params.textDocument.uri, true)?.ctx);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(h.span) } : null;
    }),
  );

  const toLocation = (l: { file: string; span: Span }): Location => ({ uri: pathToUri(l.file), range: rangeOf(l.span) });

  connection.onDefinition(
    guard("definition", [] as Location[], (params) => {
      const c = contextOf(params.textDocument.uri);
      return c ? definition(c.ctx, c.doc.offsetAt(params.position)).map(toLocation) : [];
    }),
  );
  connection.onReferences(
    guard("references", [] as Location[], (params) => {
      const c = contextOf(params.textDocument.uri);
      return c ? references(c.ctx, c.doc.offsetAt(params.position), params.context.includeDeclaration).map(toLocation) : [];
    }),
  );
  connection.onDocumentHighlight(
    guard("documentHighlight", [] as { range: Range; kind: DocumentHighlightKind }[], (params) => {
      const c = contextOf(params.textDocument.uri);
      if (!c) return [];
      return highlights(c.ctx, c.doc.offsetAt(params.position)).map((h) => ({
        range: rangeOf(h.span),
        kind: h.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
  connection.onPrepareRename(async (params, token) => {
    // Errors here are for the user (e.g. 引入 cannot be renamed): answer them as a ResponseError.
    if (token.isCancellationRequested) return cancelled();
    try {
      const c = contextOf(params.textDocument.uri);
      if (!c) return null;
      const r = prepareRename(c.ctx, c.doc.offsetAt(params.position));
      if (!r) return null;
      if ("error" in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
      return { range: { start: c.doc.positionAt(r.start), end: c.doc.positionAt(r.end) }, placeholder: r.placeholder };
    } catch (e) {
      log(`kp: prepareRename failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });
  connection.onRenameRequest(async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const c = contextOf(params.textDocument.uri);
      if (!c) return null;
      const offset = c.doc.offsetAt(params.position);
      const r = rename(c.ctx, offset, params.newName);
      if (!r) return null;
      if ("error" in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
      const target = renameTarget(c.ctx, offset);
      const edit = workspaceEdit(r);
      return target && r.size > 0 ? withFactsEdits(edit, c.ctx.state.root, target, params.newName) : edit;
    } catch (e) {
      log(`kp: rename failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

  /**
   * Adds the edits of the catalogue's facts files (facts-files.ts says which) to a rename, annotated
   * 「同时更新事实文件」 so that the user sees and may refuse them; files that cannot be edited (.xlsx)
   * are named in a message.  A client without change annotations gets the .kp edits only, and the
   * facts files to update are named in a message.
   */
  const withFactsEdits = (edit: WorkspaceEdit, root: string, target: { kind: "rule" | "class"; name: string }, newName: string): WorkspaceEdit => {
    const found = factsRenameEdits(facts.filesOf(root), target.kind, target.name, newName);
    const what = target.kind === "rule" ? "规则" : "类别";
    const tell = (message: string) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }).catch(() => undefined);
    const names = (files: string[]) => files.map((f) => `「${path.basename(f)}」`).join("、");
    if (found.manual.length > 0) tell(`以下事实文件无法在编辑器中修改，请手动把${what}「${target.name}」改为「${newName}」：${names(found.manual)}`);
    if (found.files.length === 0) return edit;
    if (!clientAnnotations) {
      tell(`以下事实文件也用到了${what}「${target.name}」，请手动更新：${names(found.files.map((f) => f.file))}`);
      return edit;
    }
    const documentChanges: TextDocumentEdit[] = Object.entries(edit.changes ?? {}).map(([uri, edits]) => ({
      textDocument: { uri, version: docFor(uri)?.version ?? null },
      edits,
    }));
    for (const f of found.files) {
      const doc = TextDocument.create(pathToUri(f.file), "plaintext", 0, f.text);
      const edits: AnnotatedTextEdit[] = f.edits.map((e) => ({
        range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) },
        newText: e.newText,
        annotationId: FACTS_ANNOTATION,
      }));
      documentChanges.push({ textDocument: { uri: doc.uri, version: null }, edits });
    }
    const annotation: ChangeAnnotation = {
      label: "同时更新事实文件",
      needsConfirmation: true,
      description: `把事实文件中的${what}「${target.name}」改为「${newName}」：${names(found.files.map((f) => f.file))}`,
    };
    return { documentChanges, changeAnnotations: { [FACTS_ANNOTATION]: annotation } };
  };

  const toDocumentSymbol = (s: OutlineSymbol): DocumentSymbol => ({
    name: s.name,
    detail: s.detail,
    kind: symbolKind[s.kind],
    range: rangeOf(s.span),
    selectionRange: rangeOf(s.selection),
    children: s.children.map(toDocumentSymbol),
  });
  connection.onDocumentSymbol(
    guard("documentSymbol", [] as DocumentSymbol[], (params) => {
      const c = contextOf(params.textDocument.uri);
      return c ? documentSymbols(c.ctx).map(toDocumentSymbol) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    guard("workspaceSymbol", [] as SymbolInformation[], (params) =>
      workspaceSymbols(project, params.query).map((s) => {
        const info: SymbolInformation = {
          name: s.name,
          kind: s.kind === "rule" ? SymbolKind.Function : s.kind === "class" ? SymbolKind.Class : SymbolKind.Namespace,
          location: { uri: pathToUri(s.file), range: rangeOf(s.span) },
        };
        if (s.container) info.containerName = s.container;
        return info;
      }),
    ),
  );
  connection.onFoldingRanges(
    guard("foldingRanges", [] as { startLine: number; endLine: number; kind?: string }[], (params) => {
      const doc = docFor(params.textDocument.uri);
      if (!doc) return [];
      const file = project.load(uriToPath(params.textDocument.uri));
      if (!file) return [];
      return foldingRanges(file).map((r) => {
        const out: { startLine: number; endLine: number; kind?: string } = { startLine: r.startLine - 1, endLine: r.endLine - 1 };
        if (r.kind)
          out.kind =
            r.kind === "comment" ? FoldingRangeKind.Comment : r.kind === "imports" ? FoldingRangeKind.Imports : FoldingRangeKind.Region;
        return out;
      });
    }),
  );

  const encodeTokens = (doc: TextDocument, ctx: DocContext, from?: number, to?: number): number[] => {
    const data: number[] = [];
    let prevLine = 0;
    let prevChar = 0;
    for (const t of semanticTokens(ctx, from, to)) {
      const p = doc.positionAt(t.start);
      const type = semanticTokenTypes.indexOf(t.type);
      let mods = 0;
      for (const m of t.modifiers) mods |= 1 << semanticTokenModifiers.indexOf(m);
      data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, t.length, type, mods);
      prevLine = p.line;
      prevChar = p.character;
    }
    return data;
  };
  connection.languages.semanticTokens.on(
    guard("semanticTokens", { data: [] as number[] }, (params) => {
      const c = contextOf(params.textDocument.uri);
      return { data: c ? encodeTokens(c.doc, c.ctx) : [] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guard("semanticTokens/range", { data: [] as number[] }, (params) => {
      const c = contextOf(params.textDocument.uri);
      if (!c) return { data: [] };
      return { data: encodeTokens(c.doc, c.ctx, c.doc.offsetAt(params.range.start), c.doc.offsetAt(params.range.end)) };
    }),
  );

  const getFormatter = async (): Promise<Formatter | undefined> => {
    if (!formatter && formatterLoader) {
      const load = formatterLoader;
      formatterLoader = undefined;
      formatter = await load().catch((e: unknown) => {
        log(`kp: formatter unavailable: ${String(e)}`);
        return undefined;
      });
    }
    return formatter;
  };
  const formatHandler = async (uri: string, fmt: { tabSize: number; insertSpaces: boolean }, range?: Range): Promise<TextEdit[]> => {
    const c = contextOf(uri);
    const f = await getFormatter();
    if (!c || !f) return [];
    const refusal = formatRefusal(c.ctx.file);
    if (refusal) {
      // a notification (window/showMessage): showWarningMessage would be a request the client may not handle
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: refusal }).catch(() => undefined);
      return [];
    }
    const request: Parameters<typeof formatEdits>[2] = { tabWidth: fmt.tabSize, useTabs: !fmt.insertSpaces };
    if (range) request.range = { start: c.doc.offsetAt(range.start), end: c.doc.offsetAt(range.end) };
    const version = c.doc.version;
    const edits = await formatEdits(c.ctx.file, f, request);
    if (docFor(uri)?.version !== version) return []; // edited meanwhile: the edits would be wrong
    return edits.map((e) => ({ range: { start: c.doc.positionAt(e.start), end: c.doc.positionAt(e.end) }, newText: e.newText }));
  };
  connection.onDocumentFormatting(
    guard("formatting", [] as TextEdit[], (params) => formatHandler(params.textDocument.uri, params.options)),
  );
  connection.onDocumentRangeFormatting(
    guard("rangeFormatting", [] as TextEdit[], (params) => formatHandler(params.textDocument.uri, params.options, params.range)),
  );

  connection.onCodeAction(
    guard("codeAction", [] as CodeAction[], (params) => {
      const c = contextOf(params.textDocument.uri, true); // the linter's fixes are needed here
      if (!c) return [];
      const start = c.doc.offsetAt(params.range.start);
      const end = c.doc.offsetAt(params.range.end);
      // an action that selects a range and opens the suggestions needs a client that applies snippet edits
      const actions = codeActions(c.ctx, start, end, params.context.only).filter((a) => !a.suggest || clientSnippetEdits);
      return actions.map((a) => {
        const out: CodeAction = {
          title: a.title,
          kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
          edit: a.suggest ? suggestEdit(params.textDocument.uri, c.doc, a.suggest) : workspaceEdit(a.edits),
        };
        if (a.suggest) out.command = { title: a.title, command: SUGGEST_COMMAND };
        if (a.preferred) out.isPreferred = true;
        if (a.diagnostic) out.diagnostics = [toDiagnostic(a.diagnostic)];
        return out;
      });
    }),
  );

  connection.languages.inlayHint.on(
    guard(
      "inlayHint",
      [] as { position: Position; label: string; kind: InlayHintKind; paddingLeft: boolean; tooltip: string }[],
      (params) => {
        const c = contextOf(params.textDocument.uri);
        if (!c) return [];
        const from = c.doc.offsetAt(params.range.start);
        const to = c.doc.offsetAt(params.range.end);
        return inlayHints(c.ctx, from, to, capHints).map((h) => ({
          position: c.doc.positionAt(h.offset),
          label: h.label,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          tooltip: h.tooltip,
        }));
      },
    ),
  );

  connection.onCodeLens(
    guard("codeLens", [] as CodeLens[], (params) => {
      if (!lensesOn) return [];
      // 「运行」 on each scenario of a *.kptest file (service/scenarios.ts)
      if (isScenarioFile(params.textDocument.uri)) {
        const doc = docFor(params.textDocument.uri);
        if (!doc) return [];
        return scenarioLenses(params.textDocument.uri, uriToPath(params.textDocument.uri), doc.getText()).map((l) => ({
          range: rangeOf(l.span),
          command: { title: l.title, command: l.command, arguments: l.arguments },
        }));
      }
      const c = contextOf(params.textDocument.uri);
      if (!c) return [];
      return codeLenses(c.ctx).map((l) => ({
        range: rangeOf(l.span),
        // A label only: VS Code draws a lens whose command is "" without making it clickable.
        command: { title: l.title, command: l.command ?? "", ...(l.command ? { arguments: [] } : {}) },
      }));
    }),
  );

  connection.onNotification(
    KpNotifications.codeLens,
    guardNotification(KpNotifications.codeLens, (params: { enabled?: boolean }) => {
      lensesOn = params?.enabled !== false;
      if (clientRefreshesLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }),
  );

  connection.onNotification(
    KpNotifications.factsText,
    guardNotification(KpNotifications.factsText, (params: { uri: string; text: string | null }) => {
      const p = uriToPath(params.uri);
      if (hasFactsExtension(p)) facts.setText(p, typeof params.text === "string" ? params.text : undefined);
    }),
  );

  // ---------------------------------------------------------------- commands (custom requests): requests.ts
  registerCommandRequests({ connection, project, facts, guard, pathToUri, toLocation });

  documents.listen(connection);
}
