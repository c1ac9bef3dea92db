/**
 * The harness the editor-action tests share (recognise-action, review-action, complete-todo): a real server over
 * stdio (the built dist/main.js) in a temporary folder, one document opened and checked before the tests, and the
 * requests they make — code actions at a needle, an action's edit applied, completion at a needle.
 * `lspHarness` registers its own beforeAll/afterAll in the calling test file.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { CodeActionRequest, CompletionRequest, type CodeAction, type CompletionItem, type CompletionList, type Position } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspClient, serverMain } from "./lsp-client.js";

export interface LspHarness {
  /** The client (started in beforeAll). */
  readonly client: LspClient;
  /** The URI of a file of the temporary folder. */
  uri(name: string): string;
  /** The position of the `nth` occurrence (0: the first) of `needle` in `text`, moved by `shift` characters. */
  positionOf(text: string, needle: string, nth?: number, shift?: number): Position;
  /** The code actions at the `nth` occurrence of `needle` (an empty range there). */
  actionsAt(name: string, text: string, needle: string, nth?: number): Promise<CodeAction[]>;
  /** The text after an action's edit of `name` (its `changes`). */
  apply(name: string, text: string, action: CodeAction): string;
  /** The completion items at the `nth` occurrence of `needle`, moved by `shift` characters. */
  completionAt(name: string, text: string, needle: string, shift?: number, nth?: number): Promise<CompletionItem[]>;
}

export interface HarnessOptions {
  /** The temporary folder's name prefix (kp-lsp-…-). */
  prefix: string;
  /** The document opened (as a.kp) and checked before the tests; none when undefined. */
  source?: string;
  /** Client capabilities of the workspace (e.g. `workspaceEdit`). */
  workspace?: Record<string, unknown>;
  initializationOptions?: unknown;
}

export function lspHarness(options: HarnessOptions): LspHarness {
  let dir = "";
  let client: LspClient | undefined;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const offsetOf = (text: string, needle: string, nth = 0): number => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`「${needle}」 is not in the text`);
    return at;
  };
  const positionOf = (text: string, needle: string, nth = 0, shift = 0): Position => TextDocument.create("x", "kp", 1, text).positionAt(offsetOf(text, needle, nth) + shift);

  beforeAll(async () => {
    if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run \`pnpm --filter @kaoping/lsp build\` first`);
    dir = mkdtempSync(path.join(os.tmpdir(), `kp-lsp-${options.prefix}-`));
    client = LspClient.start();
    await client.initialize(pathToFileURL(dir).href, options.initializationOptions, options.workspace ?? {});
    if (options.source !== undefined) {
      await client.open(uri("a.kp"), options.source);
      await client.diagnosticsAt(uri("a.kp"), 1);
    }
  });
  afterAll(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const started = (): LspClient => {
    if (!client) throw new Error("the harness's client starts in beforeAll");
    return client;
  };
  // (methods without `this`: a test may take them apart, `const { actionsAt } = lsp`)
  return {
    get client(): LspClient {
      return started();
    },
    uri,
    positionOf,
    async actionsAt(name, text, needle, nth = 0) {
      const pos = positionOf(text, needle, nth);
      return started().request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: uri(name) }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
    },
    apply(name, text, action) {
      return TextDocument.applyEdits(TextDocument.create("x", "kp", 1, text), action.edit!.changes![uri(name)]!);
    },
    async completionAt(name, text, needle, shift = 0, nth = 0) {
      const position = positionOf(text, needle, nth, shift);
      const res = await started().request<CompletionList | CompletionItem[]>(CompletionRequest.method, { textDocument: { uri: uri(name) }, position });
      return Array.isArray(res) ? res : res.items;
    },
  };
}
