/**
 * Requests for the server's own tests, registered only when the environment variable
 * `KP_LSP_TEST_HOOKS=1` is set: they report the process's memory, so a test can check that closing
 * documents releases them.  Nothing here is part of the protocol editors use.
 */
import type { Connection } from "vscode-languageserver/node";

/** The environment variable that enables the test-only requests. */
export const TEST_HOOKS_ENV = "KP_LSP_TEST_HOOKS";

/** Test-only request: `kp/test/memory` → the memory in use after a full garbage collection. */
export const MemoryRequest = "kp/test/memory";

/** What `kp/test/memory` answers (bytes); `collected` is false when `--expose-gc` was not given. */
export interface MemoryReport {
  heapUsed: number;
  rss: number;
  collected: boolean;
}

/** Registers the test-only requests when enabled by the environment. */
export function registerTestHooks(connection: Connection, env: NodeJS.ProcessEnv = process.env): void {
  if (env[TEST_HOOKS_ENV] !== "1") return;
  connection.onRequest(MemoryRequest, (): MemoryReport => {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Twice: the first collection can leave objects whose finalization frees more.
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    return { heapUsed: m.heapUsed, rss: m.rss, collected: gc !== undefined };
  });
}
