/**
 * The language server: translates LSP ↔ the language service (service/*.ts).  Positions: LSP uses
 * UTF-16 code units, as core's offsets do, so a position maps to an offset through the document.
 *
 * Robustness: every handler is wrapped (an exception is logged to the client's console and answered
 * with an empty result), requests about unknown documents get empty results, and analysis runs
 * in steps that yield to the event loop and stop when a newer edit arrives.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Diagnostic as KpDiagnostic, Span, TextEdit as KpTextEdit } from "@kaoping/core";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  FoldingRangeKind,
  InlayHintKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
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
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { AnalysisScheduler, yieldToEventLoop } from "./scheduler.js";
import { codeActions } from "./service/actions.js";
import { compileTo, explain, score, unitsOf } from "./service/commands.js";
import { completions, type CompletionKind } from "./service/completion.js";
import { nodeFileSystem, type FileSystem } from "./service/files.js";
import { formatEdits, type Formatter } from "./service/format.js";
import { inlayHints } from "./service/hints.js";
import { hover } from "./service/hover.js";
import { settleTokens } from "./service/incremental.js";
import { definition, highlights, prepareRename, references, rename } from "./service/navigation.js";
import { documentSymbols, foldingRanges, workspaceSymbols, type OutlineSymbol } from "./service/outline.js";
import { Project, type CatalogueState, type DocContext, type LintProvider } from "./service/project.js";
import { semanticTokens, semanticTokenModifiers, semanticTokenTypes } from "./service/semantic.js";

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
}

/** Custom requests (used by the VS Code commands; any client may send them). */
export const KpRequests = {
  compile: "kp/compile",
  score: "kp/score",
  units: "kp/units",
  explain: "kp/explain",
  catalogue: "kp/catalogue",
} as const;

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

/**
 * Catalogues larger than this (UTF-16 code units, ≈ 2,500 lines) get their diagnostics in two
 * steps: after checking (with the previous lint findings moved onto the new text), then after
 * linting.  Smaller ones are linted before anything is published (a few milliseconds).
 */
export const TWO_PHASE_CHARS = 100_000;
/** How long typing must pause before a large catalogue is linted (ms). */
export const LINT_PAUSE_MS = 300;

function sizeOf(state: CatalogueState): number {
  return state.analysis.files.reduce((n, f) => n + f.text.length, 0);
}

/** URI → file path (file: URIs become paths; other schemes are used as they are). */
export function uriToPath(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

/** Wires the language service to a connection (which the caller then `listen()`s on). */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => connection.console.error(m);
  let lint: LintProvider | undefined = options.lint;
  const project = new Project(options.fs ?? nodeFileSystem, { log, lint: (a) => (lint ? lint(a) : []) });
  let formatter: Formatter | undefined = options.formatter;
  let formatterLoader = options.loadFormatter;
  const uriOf = new Map<string, string>(); // path → the URI the client uses
  let interval = options.diagnosticsInterval ?? 150;
  let shuttingDown = false;

  const pathToUri = (p: string): string => uriOf.get(p) ?? (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) ? pathToFileURL(p).href : p);

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

  /** The service context of an open document (undefined for unknown documents); linted on request. */
  const contextOf = (uri: string, lint = false): { ctx: DocContext; doc: TextDocument } | undefined => {
    const doc = docFor(uri);
    if (!doc) return undefined;
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
  /** Files each catalogue root last published diagnostics for. */
  const published = new Map<string, Set<string>>();

  /** The diagnostics last sent per URI in this version (to skip sending the same list twice). */
  const lastSent = new Map<string, { version: number | undefined; json: string }>();

  /**
   * Publishes the diagnostics of every file of a catalogue; `provisional` (before linting) shows the
   * previous lint findings moved onto the new text.
   */
  const publish = (state: CatalogueState, provisional: boolean) => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of state.files) byFile.set(f, []);
    for (const d of provisional ? project.provisionalDiagnostics(state) : state.diagnostics) {
      const file = d.file ?? state.root;
      const list = byFile.get(file) ?? [];
      list.push(toDiagnostic(d));
      byFile.set(file, list);
    }
    const before = published.get(state.root) ?? new Set<string>();
    const now = new Set(byFile.keys());
    for (const [root, files] of published) if (root !== state.root) for (const f of now) files.delete(f);
    for (const f of before) {
      if (now.has(f)) continue;
      // No longer part of this catalogue: clear, and analyse it again on its own if it is open.
      void connection.sendDiagnostics({ uri: pathToUri(f), diagnostics: [] });
      lastSent.delete(pathToUri(f));
      if (project.isOpen(f)) scheduler.touch(f);
    }
    published.set(state.root, now);
    for (const [file, diagnostics] of byFile) {
      const uri = pathToUri(file);
      const version = docFor(uri)?.version;
      const json = JSON.stringify(diagnostics);
      const last = lastSent.get(uri);
      if (last && last.version === version && last.json === json) continue;
      lastSent.set(uri, { version, json });
      void connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  };

  const analysisFailed = (p: string, e: unknown) => log(`kp: analysis of ${p} failed: ${(e as Error)?.stack ?? String(e)}`);

  /** Lints a document's catalogue (if not linted yet) and publishes every diagnostic of it. */
  const lintAndPublish = async (p: string, stale: () => boolean): Promise<void> => {
    try {
      const linted = project.catalogueOf(p);
      await yieldToEventLoop();
      if (!stale()) publish(linted, false);
    } catch (e) {
      analysisFailed(p, e);
    }
  };

  // Parse → check → lint → publish for each edited catalogue, yielding between steps; abandoned
  // when stale.  A large catalogue takes a while to lint: its check's findings (with the previous
  // lint findings moved along) are published at once, and it is linted only when typing pauses,
  // after every other catalogue of the run, so that linting never holds up a keystroke's diagnostics.
  const scheduler = new AnalysisScheduler(async (paths, stale) => {
    const done = new Set<string>();
    const lintLater: string[] = [];
    for (const p of paths) {
      await yieldToEventLoop();
      if (stale() || shuttingDown) return;
      if (!project.isOpen(p)) continue;
      try {
        const { root } = project.rootOf(p); // parses the edited file
        if (done.has(root)) continue;
        done.add(root);
        await yieldToEventLoop();
        if (stale()) return;
        const checked = project.catalogueOf(p, { lint: false });
        if (sizeOf(checked) > TWO_PHASE_CHARS && checked.lint === undefined) {
          publish(checked, true);
          // Then the tokens a re-parse deferred (highlighting, hover and completion need them).
          await yieldToEventLoop();
          if (stale()) return;
          for (const f of checked.analysis.files) settleTokens(f.parsed);
          lintLater.push(p);
          continue;
        }
      } catch (e) {
        analysisFailed(p, e);
        continue;
      }
      await lintAndPublish(p, stale);
    }
    if (lintLater.length === 0 || !(await scheduler.quiet(LINT_PAUSE_MS))) return;
    for (const p of lintLater) {
      await yieldToEventLoop();
      if (stale() || shuttingDown) return;
      if (!project.isOpen(p)) continue; // closed during the pause
      await lintAndPublish(p, stale);
    }
  }, interval);

  // ---------------------------------------------------------------- lifecycle
  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    clientHasFolders = params.capabilities?.workspace?.workspaceFolders === true;
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders.push(uriToPath(params.rootUri));
    if (folders.length === 0 && params.rootPath) folders.push(params.rootPath);
    project.setFolders(folders);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.diagnosticsInterval === "number" && init.diagnosticsInterval >= 0) interval = init.diagnosticsInterval;
    scheduler.intervalMs = interval;
    if (!lint && options.loadLint) {
      lint = await options.loadLint().catch((e: unknown) => {
        log(`kp: linter unavailable: ${String(e)}`);
        return undefined;
      });
    }
    return {
      serverInfo: { name: "kaoping", version: "0.1.0" },
      capabilities: {
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
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
  });

  documents.onDidOpen(
    guardNotification("didOpen", (e) => {
      const p = uriToPath(e.document.uri);
      uriOf.set(p, e.document.uri);
    }),
  );
  documents.onDidChangeContent(
    guardNotification("didChange", (e) => {
      const p = uriToPath(e.document.uri);
      uriOf.set(p, e.document.uri);
      project.setDocument(p, e.document.getText());
      scheduler.touch(p);
    }),
  );
  documents.onDidClose(
    guardNotification("didClose", (e) => {
      const p = uriToPath(e.document.uri);
      const { root } = project.rootOf(p);
      project.closeDocument(p);
      // Keep the catalogue's diagnostics while another of its files is open; else clear them.
      const stillOpen = project.openDocuments().some((o) => project.rootOf(o).root === root);
      if (!stillOpen) {
        for (const f of published.get(root) ?? []) {
          void connection.sendDiagnostics({ uri: pathToUri(f), diagnostics: [] });
          lastSent.delete(pathToUri(f));
        }
        published.delete(root);
        scheduler.touch(p); // a run in progress (e.g. waiting to lint) is stale now; the next skips the closed file
      } else for (const o of project.openDocuments()) if (project.rootOf(o).root === root) scheduler.touch(o);
      lastSent.delete(e.document.uri);
      // The URIs of files neither open nor shown with diagnostics are no longer needed.
      for (const f of uriOf.keys()) if (!project.isOpen(f) && ![...published.values()].some((s) => s.has(f))) uriOf.delete(f);
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification("didChangeWatchedFiles", (e) => {
      project.filesChanged(e.changes.map((c) => uriToPath(c.uri)));
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
      const h = hover(c.ctx, c.doc.offsetAt(params.position));
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
      const r = rename(c.ctx, c.doc.offsetAt(params.position), params.newName);
      if (!r) return null;
      if ("error" in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.error);
      return workspaceEdit(r);
    } catch (e) {
      log(`kp: rename failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

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
      return codeActions(c.ctx, start, end, params.context.only).map((a) => {
        const out: CodeAction = {
          title: a.title,
          kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
          edit: workspaceEdit(a.edits),
        };
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
        return inlayHints(c.ctx, from, to).map((h) => ({
          position: c.doc.positionAt(h.offset),
          label: h.label,
          kind: InlayHintKind.Parameter,
          paddingLeft: true,
          tooltip: h.tooltip,
        }));
      },
    ),
  );

  // ---------------------------------------------------------------- commands (custom requests)
  const stateFor = (uri: string): CatalogueState | undefined => {
    const p = uriToPath(uri);
    return project.load(p) ? project.catalogueOf(p, { lint: false }) : undefined;
  };
  const noFile = (uri: string) => ({ ok: false as const, message: `无法读取「${uriToPath(uri)}」`, details: [] });
  connection.onRequest(
    KpRequests.catalogue,
    guard("kp/catalogue", null, (params: { uri: string }) => {
      const s = stateFor(params.uri);
      return s
        ? { root: pathToUri(s.root), files: s.files.map(pathToUri), fragment: s.analysis.fragment, title: s.analysis.catalogue.title }
        : null;
    }),
  );
  connection.onRequest(
    KpRequests.compile,
    guard("kp/compile", null, (params: { uri: string; outDir: string }) => {
      const s = stateFor(params.uri);
      return s ? compileTo(s, uriToPath(params.outDir)) : noFile(params.uri);
    }),
  );
  connection.onRequest(
    KpRequests.score,
    guard("kp/score", null, (params: { uri: string; facts: string }) => {
      const s = stateFor(params.uri);
      return s ? score(s, uriToPath(params.facts)) : noFile(params.uri);
    }),
  );
  connection.onRequest(
    KpRequests.units,
    guard("kp/units", null, (params: { facts: string }) => unitsOf(uriToPath(params.facts))),
  );
  connection.onRequest(
    KpRequests.explain,
    guard("kp/explain", null, (params: { uri: string; facts: string; unit: string }) => {
      const s = stateFor(params.uri);
      return s ? explain(s, uriToPath(params.facts), params.unit) : noFile(params.uri);
    }),
  );

  documents.listen(connection);
}
