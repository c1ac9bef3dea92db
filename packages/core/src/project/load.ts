/**
 * Multi-file catalogues: reading a root file and the files it includes (引入), in order, through a
 * host (the file system for the CLI, open documents for the language server), then checking them
 * together.  File problems become diagnostics (KP0xxx), never exceptions.
 */
import type * as A from "../ast.js";
import { checkCatalogue } from "../check/checker.js";
import type { CheckCache } from "../check/item-cache.js";
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import type { Catalogue } from "../model.js";
import { parseKp, type ParseResult } from "../syntax/parse.js";
import { LineIndex, type Span } from "../text/position.js";

/** The outcome of reading a file. */
export type ReadResult = { ok: true; text: string } | { ok: false; code: MessageCode; args: string[] };

/** Where sources come from. */
export interface SourceHost {
  /** Reads a file as text. */
  read(path: string): ReadResult;
  /** Resolves an include target written in `fromFile`. */
  resolve(fromFile: string, target: string): string;
  /** Lists .kp files under a directory, recursively, sorted (for discovery). */
  listKpFiles?(dir: string): string[];
  /** True when the path is a directory. */
  isDirectory?(path: string): boolean;
  /** The canonical form of a path (e.g. absolute), so one file is never seen under two names. */
  normalize?(path: string): string;
  /**
   * The real path of an existing file or directory: `..` and symbolic links resolved (what the
   * include restriction judges); undefined when it does not exist.  Without it, paths are judged as
   * written.
   */
  realpath?(path: string): string | undefined;
  /**
   * Folders besides the root file's own (and their subfolders) from which 引入 may read (the CLI's
   * `--include-root`).  Absolute paths.
   */
  includeRoots?: readonly string[];
}

/** One parsed file of a catalogue. */
export interface LoadedFile {
  path: string;
  text: string;
  parsed: ParseResult;
}

/** A loaded and checked catalogue (or fragment). */
export interface Analysis {
  /** Root first, then included files in include order. */
  files: LoadedFile[];
  /** The checked model; present even with errors (it may then be partial). */
  catalogue: Catalogue;
  /** All diagnostics: files, syntax, semantics. */
  diagnostics: Diagnostic[];
  /** True when no file of the catalogue declares a title: a fragment checked on its own. */
  fragment: boolean;
}

const emptySpan: Span = new LineIndex("").span(0, 0);

/** A diagnostic about a whole file (no better position exists). */
export function fileDiagnostic(code: MessageCode, file: string, args: string[]): Diagnostic {
  return diagnostic(code, emptySpan, args, { file });
}

/**
 * Loads a catalogue from its root file and checks it.  `preloaded` supplies already-parsed files
 * (e.g. open editor documents) by path; `checkCache` keeps per-item check results between two
 * analyses of the same catalogue (the editor's; see check/item-cache.ts).
 */
export function analyzeCatalogue(
  rootPath: string,
  host: SourceHost,
  preloaded?: Map<string, LoadedFile>,
  options: { requireRoot?: boolean; checkCache?: CheckCache } = {},
): Analysis {
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const byPath = new Map<string, LoadedFile>();
  rootPath = host.normalize?.(rootPath) ?? rootPath;
  const allowed = allowedRoots(rootPath, host);

  const load = (path: string): LoadedFile | undefined => {
    const pre = preloaded?.get(path);
    if (pre) return pre;
    const r = host.read(path);
    if (!r.ok) {
      diagnostics.push(fileDiagnostic(r.code, path, r.args));
      return undefined;
    }
    return { path, text: r.text, parsed: parseKp(r.text, path) };
  };

  const visit = (path: string, stack: string[]): void => {
    const f = load(path);
    if (!f) return;
    files.push(f);
    byPath.set(path, f);
    diagnostics.push(...f.parsed.diagnostics);
    for (const item of f.parsed.ast.items) {
      if (item.kind !== "Include" || !item.target) continue;
      const target = host.resolve(path, item.target.value);
      const refused = includeRefusal(target, allowed, host);
      if (refused) {
        const args = refused.code === "KP0002" ? [] : [item.target.value, refused.detail];
        diagnostics.push(diagnostic(refused.code, item.target.span, args, { file: path }));
        continue;
      }
      if (stack.includes(target)) {
        diagnostics.push(
          diagnostic("KP0006", item.target.span, [[...stack.slice(stack.indexOf(target)), path, target].map(baseName).join(" → ")], { file: path }),
        );
        continue;
      }
      if (byPath.has(target)) {
        diagnostics.push(diagnostic("KP2015", item.target.span, [item.target.value], { file: path }));
        continue;
      }
      const r = preloaded?.has(target) ? ({ ok: true, text: "" } as const) : host.read(target);
      if (!r.ok) {
        const code: MessageCode = r.code === "KP0001" ? "KP2014" : r.code;
        diagnostics.push(diagnostic(code, item.target.span, code === "KP2014" ? [item.target.value] : r.args, { file: path }));
        continue;
      }
      visit(target, [...stack, path]);
    }
  };
  visit(rootPath, []);

  const asts: A.KpFile[] = files.map((f) => f.parsed.ast);
  // A file without 细则 is a fragment, checked on its own — unless the caller needs a catalogue.
  const fragment = !options.requireRoot && !asts.some((a) => a.items.some((i) => i.kind === "Title"));
  const checked = checkCatalogue(asts, options.checkCache ? { fragment, cache: options.checkCache } : { fragment });
  diagnostics.push(...checked.diagnostics);
  return { files, catalogue: checked.catalogue, diagnostics, fragment };
}

/**
 * The folders 引入 may read from: the root file's directory and the host's extra include roots, each
 * as a real path (symbolic links resolved) when the host can tell.
 */
export function allowedRoots(rootPath: string, host: SourceHost): string[] {
  const real = (p: string) => host.realpath?.(p) ?? p;
  const rootReal = host.realpath?.(rootPath);
  // A root reached through a symbolic link: its includes resolve beside the link, so both count.
  const dirs = [real(dirName(rootPath)), ...(rootReal !== undefined ? [dirName(rootReal)] : []), ...(host.includeRoots ?? []).map(real)];
  return [...new Set(dirs)];
}

/** True when `file` is `dir` or lies under it (both canonical paths). */
function isInside(dir: string, file: string): boolean {
  const d = dir.replace(/[\\/]+$/, "");
  return file === d || file.startsWith(d + "/") || file.startsWith(d + "\\");
}

const KP_EXTENSION = /\.kp$/i;

/**
 * Why an 引入 target may not be read, or undefined when it may: it must be a .kp file, and lie —
 * after `..` and symbolic links are resolved — inside one of the allowed folders.  Judged on the
 * path alone, so a refused file's content is never read (and so never quoted).
 */
export function includeRefusal(target: string, allowed: readonly string[], host: SourceHost): { code: MessageCode; detail: string } | undefined {
  if (!KP_EXTENSION.test(target)) {
    // A directory is named as such (nothing of it is read either way).
    if (host.isDirectory?.(target)) return { code: "KP0002", detail: "" };
    return { code: "KP0013", detail: "它不是 .kp 文件" };
  }
  const real = host.realpath?.(target);
  if (real !== undefined && !KP_EXTENSION.test(real)) return { code: "KP0013", detail: "它是指向非 .kp 文件的符号链接" };
  const judged = real ?? target;
  if (!allowed.some((dir) => isInside(dir, judged))) return { code: "KP0014", detail: "" };
  return undefined;
}

/** Whether a parsed file is a catalogue root (declares 细则). */
export function isRootFile(ast: A.KpFile): boolean {
  return ast.items.some((i) => i.kind === "Title");
}

/**
 * The include targets of a file, resolved.  Targets that are not .kp files are left out: they are
 * never read (the catalogue's analysis reports them, KP0013).
 */
export function includesOf(ast: A.KpFile, host: SourceHost): string[] {
  return ast.items.flatMap((i) => {
    if (i.kind !== "Include" || !i.target) return [];
    const target = host.resolve(ast.path, i.target.value);
    return KP_EXTENSION.test(target) ? [target] : [];
  });
}

/**
 * Finds the catalogues among a set of .kp files: each root with what it includes, and every file no
 * root includes as a fragment of its own.  Returns one analysis per catalogue or fragment.
 */
export function analyzeFiles(givenPaths: readonly string[], host: SourceHost): Analysis[] {
  const paths = [...new Set(givenPaths.map((p) => host.normalize?.(p) ?? p))];
  const parsed = new Map<string, LoadedFile>();
  const failures: Analysis[] = [];
  for (const p of paths) {
    const r = host.read(p);
    if (!r.ok) {
      failures.push({
        files: [],
        catalogue: checkCatalogue([], { fragment: true }).catalogue,
        diagnostics: [fileDiagnostic(r.code, p, r.args)],
        fragment: true,
      });
      continue;
    }
    parsed.set(p, { path: p, text: r.text, parsed: parseKp(r.text, p) });
  }
  const roots = [...parsed.values()].filter((f) => isRootFile(f.parsed.ast));
  const covered = new Set<string>();
  const out: Analysis[] = [...failures];
  for (const root of roots) {
    const a = analyzeCatalogue(root.path, host, parsed);
    for (const f of a.files) covered.add(f.path);
    out.push(a);
  }
  for (const f of parsed.values()) {
    if (covered.has(f.path)) continue;
    // A file of a catalogue whose root was not given: check it with its root when one includes it.
    const siblings = host.listKpFiles?.(dirName(f.path)) ?? [];
    let owner: string | undefined;
    for (const s of siblings) {
      if (s === f.path) continue;
      const r = parsed.get(s) ?? (() => {
        const rr = host.read(s);
        return rr.ok ? { path: s, text: rr.text, parsed: parseKp(rr.text, s) } : undefined;
      })();
      if (r && isRootFile(r.parsed.ast) && includesOf(r.parsed.ast, host).includes(f.path)) {
        owner = s;
        break;
      }
    }
    if (owner) {
      const a = analyzeCatalogue(owner, host, parsed);
      // Only when the root really loaded the file (引入 may refuse it: outside the root's tree).
      if (a.files.some((g) => g.path === f.path)) {
        // Only this file's diagnostics concern the user here.
        a.diagnostics = a.diagnostics.filter((d) => d.file === f.path);
        for (const g of a.files) covered.add(g.path);
        out.push(a);
        continue;
      }
    }
    const a = analyzeCatalogue(f.path, host, parsed);
    const rootHere = roots.find((r) => dirName(r.path) === dirName(f.path));
    if (rootHere) a.diagnostics.push(fileDiagnostic("KP2037", f.path, [baseName(f.path), baseName(rootHere.path)]));
    out.push(a);
  }
  return out;
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, "");
}
function dirName(p: string): string {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i < 0 ? "." : p.slice(0, i);
}
