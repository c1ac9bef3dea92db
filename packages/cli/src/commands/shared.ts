/** What several commands share: printing lists of diagnostics. */
import type { Colors, Io, OutStream } from "../io.js";
import { formatDiagnostic, sortForOutput, type CliDiagnostic, type Sources } from "../report/diagnostics.js";

/** Most facts problems listed in text output (a broken 10 MB file must not flood the terminal). */
export const MAX_LISTED = 100;

/**
 * Prints diagnostics in reading order, a blank line after each; with `limit`, the rest are counted
 * in a closing line.
 */
export function printDiagnostics(
  io: Io,
  stream: OutStream,
  diags: readonly CliDiagnostic[],
  sources: Sources,
  c: Colors,
  limit = Infinity,
): void {
  const sorted = sortForOutput(diags);
  const shown = sorted.slice(0, limit);
  for (const d of shown) stream.write(formatDiagnostic(io, d, sources, c) + "\n\n");
  if (sorted.length > shown.length) stream.write(`……另有 ${sorted.length - shown.length} 个问题未列出（共 ${sorted.length} 个）。\n\n`);
}
