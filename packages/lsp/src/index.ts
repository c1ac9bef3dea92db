/**
 * @kaoping/lsp — the kaoping language server.  `startServer()` serves LSP on the transport given on
 * the command line (`--stdio`, `--node-ipc`, `--socket=<port>`); the language logic is in
 * service/*.ts, editor-independent and usable in-process.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { loadFormatter, loadLint } from "./integrations.js";
import { createServer } from "./server.js";
import { registerTestHooks } from "./test-hooks.js";
import { stdioTransport } from "./transport.js";

/** Starts the language server on the transport named in `process.argv` (e.g. `--stdio`). */
export function startServer(): void {
  let connection;
  if (process.argv.includes("--stdio")) {
    // Framing checked, and an exit when the input ends (see transport.ts).
    const { reader, writer } = stdioTransport();
    connection = createConnection(ProposedFeatures.all, reader, writer);
  } else connection = createConnection(ProposedFeatures.all);
  createServer(connection, { loadLint, loadFormatter });
  // A promise nobody awaited (a client that rejects a request of ours) is logged, not fatal: Node's
  // default would end the server and leave the writer without diagnostics.
  process.on("unhandledRejection", (reason) => connection.console.error(`kp: unhandled rejection: ${String(reason)}`));
  registerTestHooks(connection);
  connection.listen();
}

export { createServer, KpRequests, type InitializationOptions, type ServerOptions } from "./server.js";
export { uriToPath } from "./uris.js";
export { loadFormatter, loadLint } from "./integrations.js";
export { AnalysisScheduler } from "./scheduler.js";
export { FrameChecker, MAX_HEADER_BYTES, MAX_MESSAGE_BYTES, stdioTransport, type StdioProcess } from "./transport.js";
export { MemoryFileSystem, nodeFileSystem, type FileSystem } from "./service/files.js";
export { Project, type CatalogueState, type DocContext, type LintProvider, type ProjectOptions } from "./service/project.js";
export { completions, snippets, type CompletionItem } from "./service/completion.js";
export { hover, ruleHover, type HoverResult } from "./service/hover.js";
export { definition, references, highlights, prepareRename, rename, type Location } from "./service/navigation.js";
export { documentSymbols, workspaceSymbols, foldingRanges, type OutlineSymbol } from "./service/outline.js";
export { semanticTokens, semanticTokenTypes, semanticTokenModifiers, type SemanticToken } from "./service/semantic.js";
export { codeActions, type CodeAction } from "./service/actions.js";
export { inlayHints, type InlayHint } from "./service/hints.js";
export { formatEdits, minimalEdit, type Formatter } from "./service/format.js";
export { ruleMeaning, worstCaseText, deductionBound, childrenSum } from "./service/describe.js";
export { compileTo, score, explain, unitsOf, readFacts } from "./service/commands.js";
