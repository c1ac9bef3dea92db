/**
 * The catalogues the figures use: rules/ (read once from disk, then analysed from memory so file I/O
 * stays out of the timings) and generated ones.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { analyzeCatalogue, hasErrors, type Analysis, type SourceHost } from "./core.js";
import { rulesDir, rulesRoot } from "./paths.js";

/** A host over texts in memory (paths are keys). */
export function memoryHost(files: ReadonlyMap<string, string>): SourceHost {
  return {
    read: (path) => {
      const text = files.get(path);
      return text === undefined ? { ok: false, code: "KP0001", args: [] } : { ok: true, text };
    },
    resolve: (from, target) => join(from.slice(0, from.lastIndexOf("/")), target),
  };
}

/** rules/: its files' texts, keyed by absolute path, and the root path. */
export function rulesSources(): { files: Map<string, string>; root: string; bytes: number } {
  const files = new Map<string, string>();
  // The root and the files it includes (read as the loader would, through a host that records them).
  const recording: SourceHost = {
    read: (path) => {
      const text = readFileSync(path, "utf8");
      files.set(path, text);
      return { ok: true, text };
    },
    resolve: (from, target) => join(from.slice(0, from.lastIndexOf("/")), target),
  };
  analyzeCatalogue(rulesRoot, recording);
  let bytes = 0;
  for (const t of files.values()) bytes += Buffer.byteLength(t, "utf8");
  return { files, root: rulesRoot, bytes };
}

/** Analyses a catalogue and fails loudly when it has errors: figures on a broken catalogue mean nothing. */
export function analyzeOrThrow(root: string, host: SourceHost, what: string): Analysis {
  const a = analyzeCatalogue(root, host);
  if (hasErrors(a.diagnostics)) {
    const first = a.diagnostics.filter((d) => d.severity === "error").slice(0, 5);
    throw new Error(`${what} has errors:\n${first.map((d) => `  ${basename(d.file ?? "")}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`).join("\n")}`);
  }
  return a;
}

export { rulesDir };
