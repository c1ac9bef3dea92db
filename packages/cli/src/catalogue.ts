/**
 * Finding, loading and compiling the catalogue a command is given: a root .kp file, or a directory
 * holding exactly one root (a .kp file with 细则).
 */
import {
  analyzeCatalogue,
  compileCatalogue,
  fileDiagnostic,
  hasErrors,
  isRootFile,
  nodeHost,
  parseKp,
  VERSION,
  withReviewSummary,
  withTodoRefusals,
  type Analysis,
  type CompiledCatalogue,
  type SourceHost,
} from "@kaoping/core";
import { Option } from "commander";
import { statSync } from "node:fs";
import { basename, dirname, relative, sep } from "node:path";
import { UsageError } from "./exit.js";
import { absolutePath, displayPath, type Io } from "./io.js";
import type { CliDiagnostic } from "./report/diagnostics.js";
import { importModule, type ScoringModule } from "./module.js";

/**
 * The file-system host of core, showing paths in messages relative to the working directory (core
 * is given absolute paths so that a file reached twice is recognised as one).
 */
export function cliHost(io: Io): SourceHost {
  return {
    ...nodeHost,
    read(path) {
      const r = nodeHost.read(path);
      if (r.ok) return r;
      return { ...r, args: r.args.map((a) => a.split(path).join(displayPath(io, path))) };
    },
    includeRoots: io.includeRoots ?? [],
  };
}

/** The `--include-root <目录>` option (repeatable) of the commands that load catalogues. */
export function includeRootOption(): Option {
  return new Option(
    "--include-root <目录>",
    "也允许「引入」这个目录（含子目录）中的 .kp 文件（可重复）",
  ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

/**
 * The `--include-root <目录>` options of a command: each must be an existing directory (else a usage
 * error); returns the io whose catalogues may include .kp files from under them too.
 */
export function withIncludeRoots(io: Io, dirs: readonly string[] | undefined): Io {
  if (!dirs || dirs.length === 0) return io;
  const roots = dirs.map((d) => {
    const abs = absolutePath(io, d);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`--include-root 应为目录，但「${displayPath(io, abs)}」不存在`);
    }
    if (!isDir) throw new UsageError(`--include-root 应为目录，但「${displayPath(io, abs)}」不是目录`);
    return abs;
  });
  return { ...io, includeRoots: [...(io.includeRoots ?? []), ...roots] };
}

/** The root file of a catalogue argument, or the diagnostics saying why there is none. */
export function resolveCatalogue(io: Io, arg: string): { root?: string; diagnostics: CliDiagnostic[] } {
  const abs = absolutePath(io, arg);
  const host = cliHost(io);
  if (!host.isDirectory?.(abs)) return { root: abs, diagnostics: [] };
  const files = host.listKpFiles?.(abs) ?? [];
  if (files.length === 0) return { diagnostics: [fileDiagnostic("KP0005", abs, [displayPath(io, abs)])] };
  const roots = files.filter((f) => {
    const r = host.read(f);
    return r.ok && isRootFile(parseKp(r.text, f).ast);
  });
  if (roots.length === 1) return { root: roots[0], diagnostics: [] };
  if (roots.length === 0) return { diagnostics: [fileDiagnostic("KP0009", abs, [displayPath(io, abs)])] };
  return { diagnostics: [fileDiagnostic("KP0010", abs, [displayPath(io, abs), roots.map((r) => displayPath(io, r)).join("、")])] };
}

/** A loaded catalogue: its analysis and the texts of its files (for code frames). */
export interface LoadedCatalogue {
  root: string;
  analysis: Analysis;
  sources: Map<string, string>;
}

/** Loads and checks the catalogue whose root is `root` (which must declare 细则). */
export function loadCatalogue(io: Io, root: string): LoadedCatalogue {
  const analysis = analyzeCatalogue(root, cliHost(io), undefined, { requireRoot: true });
  return { root, analysis, sources: new Map(analysis.files.map((f) => [f.path, f.text])) };
}

/** The source file names written into a module's header: relative to the root's directory. */
export function headerSources(cat: LoadedCatalogue): string[] {
  const dir = dirname(cat.root);
  return cat.analysis.files.map((f) => relative(dir, f.path).split(sep).join("/"));
}

/** Compiles a checked catalogue (no errors) the way `kp compile` does. */
export function compileLoaded(cat: LoadedCatalogue): CompiledCatalogue {
  return compileCatalogue(cat.analysis.catalogue, { version: VERSION, sources: headerSources(cat) });
}

/** The base name of the output files: the root file's name without `.kp`, else `catalogue`. */
export function outputBaseName(root: string): string {
  const name = basename(root).replace(/\.kp$/i, "");
  // Names a file system or an import specifier would trip over fall back to a plain one.
  return name === "" || name.startsWith(".") || /[\\/:*?"<>|\u0000-\u001f]/.test(name) ? "catalogue" : name;
}

/** The outcome of preparing a catalogue for scoring. */
export type Prepared =
  | { ok: true; catalogue: LoadedCatalogue; module: ScoringModule; diagnostics: CliDiagnostic[] }
  | { ok: false; diagnostics: CliDiagnostic[]; sources: Map<string, string> };

/**
 * Resolves, loads, checks and compiles a catalogue, then imports the compiled module — the very
 * text `kp compile` would write.  Stops with the diagnostics when the catalogue has errors.
 */
export async function prepareCatalogue(io: Io, arg: string): Promise<Prepared> {
  const resolved = resolveCatalogue(io, arg);
  if (!resolved.root) return { ok: false, diagnostics: resolved.diagnostics, sources: new Map() };
  const cat = loadCatalogue(io, resolved.root);
  // 待补 rules would score a silent 0: refused here (KP2121), while `kp check` only warns (KP2120).
  // 待核 rules score as written: one line says how many are still unchecked (KP2124), not one per rule.
  const diagnostics = withReviewSummary(withTodoRefusals(cat.analysis.diagnostics), cat.root);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, sources: cat.sources };
  const module = await importModule(compileLoaded(cat).js);
  return { ok: true, catalogue: cat, module, diagnostics: withReviewSummary(cat.analysis.diagnostics, cat.root) };
}
