/**
 * What the commands that write files from a catalogue share (`kp compile`, `kp compile --target sql`,
 * `kp template`): `-o` must be a folder or absent, and the catalogue is loaded with its problems
 * printed — nothing is written when it has errors.
 */
import { formatMessage, hasErrors, withReviewSummary, withTodoRefusals } from "@kaoping/core";
import { statSync } from "node:fs";
import { loadCatalogue, resolveCatalogue, type LoadedCatalogue } from "../catalogue.js";
import { UsageError } from "../exit.js";
import { displayPath, type Colors, type Io } from "../io.js";
import { countsText, type CliDiagnostic } from "../report/diagnostics.js";
import { printDiagnostics } from "./shared.js";

/** `-o` names a file, not a folder: a usage error (KP0017).  An absent folder is created later. */
export function refuseFileAsOutputFolder(io: Io, outDir: string): void {
  try {
    if (!statSync(outDir).isDirectory()) throw new UsageError(formatMessage("KP0017", [displayPath(io, outDir), "-o 应为目录，这是一个文件"]), "KP0017");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // Absent: created once there is something to write.
  }
}

/**
 * The catalogue, its problems printed; undefined (after saying that nothing was written) when it
 * has errors.  `todo`: 待补 rules are refused (KP2121) — a module or query cannot score them.  Rules
 * marked 待核 are summed up in one warning (KP2124).
 */
export function catalogueForOutput(
  io: Io,
  catalogueArg: string,
  err: Colors,
  todo: "refuse" | "allow",
): { cat: LoadedCatalogue; diagnostics: CliDiagnostic[] } | undefined {
  const resolved = resolveCatalogue(io, catalogueArg);
  if (!resolved.root) {
    printDiagnostics(io, io.stderr, resolved.diagnostics, new Map(), err);
    io.stderr.write(err.red("细则有错误，未生成任何文件。") + "\n");
    return undefined;
  }
  const cat = loadCatalogue(io, resolved.root);
  // 待核 rules are written out as they read: one line says how many are still unchecked (KP2124).
  const diagnostics = withReviewSummary(todo === "refuse" ? withTodoRefusals(cat.analysis.diagnostics) : cat.analysis.diagnostics, cat.root);
  if (diagnostics.length > 0) printDiagnostics(io, io.stderr, diagnostics, cat.sources, err);
  if (hasErrors(diagnostics)) {
    io.stderr.write(err.red(`细则有错误（${countsText(diagnostics)}），未生成任何文件。`) + "\n");
    return undefined;
  }
  return { cat, diagnostics };
}
