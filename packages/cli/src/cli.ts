#!/usr/bin/env node
/** The `kp` executable. */
import { runCli } from "./program.js";

// Piping into `head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// exitCode instead of process.exit(): the output is flushed before the process ends.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
