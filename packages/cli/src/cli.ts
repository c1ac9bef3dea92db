#!/usr/bin/env node
/** The `kp` executable. */
import { writeSync } from "node:fs";
import { formatMessage, removePendingTemporaries } from "@kaoping/core";
import { ExitCode } from "./exit.js";
import { streamFailures, writeProblem } from "./io.js";
import { runCli } from "./program.js";

const argv = process.argv.slice(2);

/**
 * A failed write on standard output or error (the reader went away, a full disk, an I/O error)
 * never ends in a stack trace.  EPIPE — `kp check … | head -1` — is quiet: the reader has what it
 * wanted, and the command still ends with its own exit code.  Any other failure is said in one line
 * on stderr (when stderr still works) and the exit code is not 0: the output is incomplete.
 */
for (const name of ["stdout", "stderr"] as const) {
  process[name].on("error", (e: NodeJS.ErrnoException) => {
    streamFailures[name] ??= e;
    // The language server has nothing left to do once its client is gone.
    if (name === "stdout" && argv[0] === "lsp") process.exit(e.code === "EPIPE" ? 0 : ExitCode.usage);
  });
}

process.on("exit", (code) => {
  removePendingTemporaries();
  const failed = (["stdout", "stderr"] as const).filter((n) => streamFailures[n] !== undefined && streamFailures[n]!.code !== "EPIPE");
  if (failed.length === 0) return;
  if (!streamFailures.stderr) {
    const e = streamFailures.stdout!;
    const line = `错误：KP0019 ${formatMessage("KP0019", ["结果（标准输出）", writeProblem(e) ?? `系统错误 ${e.code ?? ""}`])}\n`;
    try {
      writeSync(2, line);
    } catch {
      // stderr is gone too: the exit code says it
    }
  }
  // The output is incomplete: not a success, and not an internal error either.
  if (code === ExitCode.ok || code === ExitCode.problems) process.exitCode = ExitCode.usage;
});

// exitCode instead of process.exit(): the output is flushed before the process ends.
void runCli(argv).then((code) => {
  process.exitCode = code;
});
