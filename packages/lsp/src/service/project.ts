/**
 * The project: open documents over the files of the workspace, and the catalogue each file belongs
 * to.  A document is analysed with the whole catalogue of the root file (the one with 细则) that
 * includes it, so names resolve and diagnostics are reported across files; a file no root includes
 * is checked on its own as a fragment.
 *
 * Everything is cached: a file is parsed again only when its text changed, a catalogue is checked
 * again only when one of its files did, and then re-checks only the items an edit touched (core's
 * CheckCache).  The caches hold what the open documents need: closing a
 * document releases the rest.  Editor-independent: positions are core offsets.
 */
import {
  allowedRoots,
  analyzeCatalogue,
  CheckCache,
  fileDiagnostic,
  includeRefusal,
  includesOf,
  isRootFile,
  parseKp,
  type Analysis,
  type Diagnostic,
  type LoadedFile,
  type Position,
  type ReadResult,
  type SourceHost,
  type Span,
  type TopItem,
} from "@kaoping/core";
import type { FileSystem } from "./files.js";
import { minimalEdit } from "./format.js";
import { editedItem, reparse } from "./incremental.js";

/**
 * Lints an analysed catalogue (the lint package, injected so the service does not depend on it);
 * `item`, when given, lints one top-level item of it: exactly what the whole lint finds inside that
 * item with the codes `item.codes` (undefined when the catalogue cannot be linted).
 */
export type LintProvider = ((analysis: Analysis) => Diagnostic[]) & { item?: ItemLintProvider };

/** Lints one top-level item of a catalogue (see {@link LintProvider}). */
export interface ItemLintProvider {
  codes: ReadonlySet<string>;
  lint(analysis: Analysis, file: string, item: TopItem): Diagnostic[] | undefined;
}

/** A provider that lints with whatever `current()` gives at the time (none yet: no findings). */
export function lintThrough(current: () => LintProvider | undefined): LintProvider {
  const none: ReadonlySet<string> = new Set();
  return Object.assign((a: Analysis) => current()?.(a) ?? [], {
    item: {
      get codes() {
        return current()?.item?.codes ?? none;
      },
      lint: (a: Analysis, file: string, item: TopItem) => current()?.item?.lint(a, file, item),
    },
  });
}

/** A checked catalogue (or fragment) with everything the editor shows about it. */
export interface CatalogueState {
  /** The root file (or the fragment file itself). */
  root: string;
  /** Parse and check results; `analysis.files` are the cached parses. */
  analysis: Analysis;
  /** The linter's findings; undefined until the catalogue has been linted (`catalogueOf` lints by default). */
  lint?: Diagnostic[];
  /** Every diagnostic of the catalogue (parse, check, membership, and lint once linted), each with its `file`. */
  diagnostics: Diagnostic[];
  /**
   * The previous version's lint findings moved onto the new text (those in an edited region are
   * dropped), to show while the linter runs again, so that warnings do not flicker while typing.
   */
  staleLint: Diagnostic[];
  /**
   * Until the catalogue is linted: the lint findings of the items an edit re-parsed (the edited
   * indicator), found when the provisional diagnostics are asked for; they replace the moved
   * findings with their codes inside those items (in `staleLint`).
   */
  itemLint?: { file: string; start: number; end: number; codes: ReadonlySet<string>; diagnostics: Diagnostic[] }[];
  /** The files of the catalogue, root first. */
  files: string[];
}

/** A document with its catalogue: what every language feature works on. */
export interface DocContext {
  path: string;
  /** The document's parse (the very object the catalogue's model points into). */
  file: LoadedFile;
  state: CatalogueState;
  /** Resolves an include target written in a file of the catalogue. */
  resolve(fromFile: string, target: string): string;
  /** The .kp files under a directory. */
  list(dir: string): string[];
}

/** Options of a {@link Project}. */
export interface ProjectOptions {
  /** Workspace folders: where catalogue roots are looked for. */
  folders?: string[];
  lint?: LintProvider;
  /** Reports internal failures (e.g. of the linter), which must not stop the service. */
  log?: (message: string) => void;
  /** How long a directory listing is trusted without a change notification (ms; default 30 s). */
  listingTtlMs?: number;
}

interface DiskEntry {
  stamp: string | undefined;
  result: ReadResult;
}

/** Open documents plus files on disk, parsed and checked on demand, with caches. */
export class Project {
  private readonly overlays = new Map<string, string>();
  private readonly disk = new Map<string, DiskEntry>();
  private readonly parsed = new Map<string, LoadedFile>();
  private readonly ids = new WeakMap<LoadedFile, number>();
  private nextId = 1;
  private readonly catalogues = new Map<string, { key: string; state: CatalogueState }>();
  /** Per catalogue root: the check results of its items, reused for the items an edit did not touch. */
  private readonly checkCaches = new Map<string, CheckCache>();
  private readonly listings = new Map<string, { at: number; files: string[] }>();
  private folders: string[];
  private readonly lint: LintProvider | undefined;
  private readonly log: (message: string) => void;
  private readonly listingTtlMs: number;
  /** The host core reads through: open documents first, then the disk. */
  readonly host: SourceHost;

  constructor(
    readonly fs: FileSystem,
    options: ProjectOptions = {},
  ) {
    this.folders = options.folders ?? [];
    this.lint = options.lint;
    this.log = options.log ?? (() => {});
    this.listingTtlMs = options.listingTtlMs ?? 30_000;
    const host: SourceHost = {
      read: (p) => this.read(p),
      resolve: (from, target) => this.fs.resolve(from, target),
      listKpFiles: (dir) => this.list(dir),
    };
    // 引入 is judged on real paths, as by the CLI: a link in the folder to a .kp file outside it is refused (KP0014).
    if (fs.realpath) host.realpath = (p) => fs.realpath!(p);
    if (fs.isDirectory) host.isDirectory = (p) => fs.isDirectory!(p);
    this.host = host;
  }

  // ---------------------------------------------------------------- documents and files

  setFolders(folders: string[]): void {
    this.folders = [...folders];
    this.listings.clear();
  }

  getFolders(): readonly string[] {
    return this.folders;
  }

  /** Sets the text of an open document (it then wins over the disk). */
  setDocument(path: string, text: string): void {
    const known = this.overlays.has(path);
    this.overlays.set(path, text);
    if (!known && !this.isListed(path)) this.listings.clear(); // a new file: list again
  }

  /**
   * Forgets an open document: the disk version counts again, and everything kept for it (its parse,
   * its catalogue's analysis …) is released unless an open document still needs it.
   */
  closeDocument(path: string): void {
    this.overlays.delete(path);
    this.release();
  }

  /**
   * While `release` finds what the open documents need: the paths read and loaded, and the roots
   * and closures already found (open documents of one folder search the same roots).
   */
  private inUse:
    | { read: Set<string>; loaded: Set<string>; roots: Map<string, string[]>; closures: Map<string, LoadedFile[]> }
    | undefined;

  /**
   * Drops every cached read, parse and catalogue no open document needs.  What they need is what
   * analysing them reads: their catalogues, and the root files (with what those include) searched
   * to find the catalogue a file belongs to.  So the caches hold the working set of the open
   * documents, never the documents that were open once.
   */
  private release(): void {
    const inUse = {
      read: new Set<string>(),
      loaded: new Set<string>(),
      roots: new Map<string, string[]>(),
      closures: new Map<string, LoadedFile[]>(),
    };
    const roots = new Set<string>();
    this.inUse = inUse;
    try {
      for (const p of this.overlays.keys()) {
        const { root } = this.rootOf(p);
        roots.add(root);
        this.closure(root);
      }
    } catch (e) {
      // Finding the working set failed: keep the caches as they are (they are only caches).
      this.log(`releasing closed documents failed: ${(e as Error).stack ?? String(e)}`);
      return;
    } finally {
      this.inUse = undefined;
    }
    for (const root of this.catalogues.keys()) if (!roots.has(root)) this.catalogues.delete(root);
    for (const root of this.checkCaches.keys()) if (!roots.has(root)) this.checkCaches.delete(root);
    for (const p of this.parsed.keys()) if (!inUse.loaded.has(p)) this.parsed.delete(p);
    for (const p of this.disk.keys()) if (!inUse.read.has(p)) this.disk.delete(p);
  }

  isOpen(path: string): boolean {
    return this.overlays.has(path);
  }

  openDocuments(): string[] {
    return [...this.overlays.keys()];
  }

  /** Files changed on disk (or were created or deleted): forget listings and cached reads. */
  filesChanged(paths: readonly string[] = []): void {
    this.listings.clear();
    for (const p of paths) this.disk.delete(p);
  }

  /** The text of a file: the open document, else the disk. */
  read(path: string): ReadResult {
    this.inUse?.read.add(path);
    const text = this.overlays.get(path);
    if (text !== undefined) return { ok: true, text }; // an empty new document is no error in an editor
    const stamp = this.fs.stamp(path);
    const cached = this.disk.get(path);
    if (cached && cached.stamp === stamp && stamp !== undefined) return cached.result;
    const result = this.fs.read(path);
    this.disk.set(path, { stamp, result });
    return result;
  }

  /** The parse of a file (cached while its text is unchanged); undefined when it cannot be read. */
  load(path: string): LoadedFile | undefined {
    this.inUse?.loaded.add(path);
    const r = this.read(path);
    if (!r.ok) {
      this.parsed.delete(path);
      return undefined;
    }
    const prev = this.parsed.get(path);
    if (prev && prev.text === r.text) return prev;
    // A large file edited inside one item: parse that item only (see incremental.ts).
    const parsed = (prev && reparse(prev, r.text)) ?? parseKp(r.text, path);
    const f: LoadedFile = { path, text: r.text, parsed };
    this.ids.set(f, this.nextId++);
    this.parsed.set(path, f);
    return f;
  }

  /** .kp files under a directory (open documents included), cached. */
  list(dir: string): string[] {
    const now = Date.now();
    const cached = this.listings.get(dir);
    if (cached && now - cached.at < this.listingTtlMs) return cached.files;
    const files = new Set(this.fs.listKpFiles(dir));
    for (const p of this.overlays.keys()) if (p.endsWith(".kp") && this.fs.contains(dir, p)) files.add(p);
    const sorted = [...files].sort();
    this.listings.set(dir, { at: now, files: sorted });
    return sorted;
  }

  private isListed(path: string): boolean {
    for (const { files } of this.listings.values()) if (files.includes(path)) return true;
    return false;
  }

  // ---------------------------------------------------------------- catalogues

  /** Directories searched for the roots of a file's catalogue (none for an untitled document). */
  private searchDirs(path: string): string[] {
    if (!isFilePath(path)) return [];
    const inFolders = this.folders.filter((f) => this.fs.contains(f, path));
    return inFolders.length > 0 ? inFolders : [this.fs.dirname(path)];
  }

  /** Catalogue roots (files declaring 细则) under a directory. */
  rootsIn(dir: string): string[] {
    const known = this.inUse?.roots.get(dir);
    if (known) return known;
    const roots = this.list(dir).filter((p) => {
      const r = this.read(p);
      if (!r.ok || !r.text.includes("细则")) return false; // cheap test before parsing
      const f = this.load(p);
      return f !== undefined && isRootFile(f.parsed.ast);
    });
    this.inUse?.roots.set(dir, roots);
    return roots;
  }

  /**
   * The files of the catalogue rooted at `root`: the root and what it includes, transitively — only
   * what the root may include (core's {@link includeRefusal}, as the analysis judges it), so exactly the files its analysis loads.
   */
  closure(root: string): LoadedFile[] {
    const known = this.inUse?.closures.get(root);
    if (known) return known;
    const out: LoadedFile[] = [];
    const seen = new Set<string>();
    // The server has no extra include roots: the root's folder (and a linked root's real one).
    const allowed = allowedRoots(root, this.host);
    const visit = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      const f = this.load(p);
      if (!f) return;
      out.push(f);
      for (const target of includesOf(f.parsed.ast, this.host)) if (includeRefusal(target, allowed, this.host) === undefined) visit(target);
    };
    visit(root);
    this.inUse?.closures.set(root, out);
    return out;
  }

  /**
   * The root of the catalogue a file belongs to: itself when it declares 细则, else the first root
   * (in path order) that includes it and may include it, else itself as a fragment.  `orphanOf` names a root in the
   * same directory that does not include it (then the file is reported as not included).
   */
  rootOf(path: string): { root: string; orphanOf?: string } {
    const f = this.load(path);
    if (f && isRootFile(f.parsed.ast)) return { root: path };
    let sameDir: string | undefined;
    for (const dir of this.searchDirs(path)) {
      for (const r of this.rootsIn(dir)) {
        if (r === path) continue;
        if (this.closure(r).some((g) => g.path === path)) return { root: r };
        if (sameDir === undefined && this.fs.dirname(r) === this.fs.dirname(path)) sameDir = r;
      }
    }
    return sameDir === undefined ? { root: path } : { root: path, orphanOf: sameDir };
  }

  /**
   * The checked catalogue a file belongs to (cached until one of its files changes), linted unless
   * `lint: false` (linting a large catalogue takes longer than checking it).
   */
  catalogueOf(path: string, options: { lint?: boolean } = {}): CatalogueState {
    const { root, orphanOf } = this.rootOf(path);
    const files = this.closure(root);
    const key = files.map((f) => `${f.path}#${this.ids.get(f)}`).join("|") + `|${orphanOf ?? ""}|${this.read(root).ok}`;
    const cached = this.catalogues.get(root);
    let state: CatalogueState;
    if (cached && cached.key === key) state = cached.state;
    else {
      const preloaded = new Map(files.map((f) => [f.path, f]));
      let checkCache = this.checkCaches.get(root);
      if (!checkCache) this.checkCaches.set(root, (checkCache = new CheckCache()));
      const analysis = analyzeCatalogue(root, this.host, preloaded, { checkCache });
      const diagnostics = analysis.diagnostics.map((d) => (d.file === undefined ? { ...d, file: root } : d));
      if (orphanOf !== undefined) diagnostics.push(fileDiagnostic("KP2037", path, [baseName(path), baseName(orphanOf)]));
      state = {
        root,
        analysis,
        diagnostics,
        staleLint: cached ? carryOver(cached.state, analysis) : [],
        files: analysis.files.map((f) => f.path),
      };
      if (state.files.length === 0) state.files.push(root);
      this.catalogues.set(root, { key, state });
    }
    if ((options.lint ?? true) && state.lint === undefined) {
      const lint = this.runLint(state.analysis).map((d) => (d.file === undefined ? { ...d, file: root } : d));
      state.lint = lint;
      state.diagnostics = [...state.diagnostics, ...lint];
      state.staleLint = [];
      delete state.itemLint;
    }
    return state;
  }

  /** The lint findings of the items of a catalogue that an incremental re-parse parsed again. */
  private lintEditedItems(state: CatalogueState): NonNullable<CatalogueState["itemLint"]> {
    const out: NonNullable<CatalogueState["itemLint"]> = [];
    const item = this.lint?.item;
    if (!item || !isLintable(state.analysis)) return out;
    for (const f of state.analysis.files) {
      const it = editedItem(f.parsed);
      if (!it) continue;
      try {
        const found = item.lint(state.analysis, f.path, it);
        if (found) out.push({ file: f.path, start: it.span.start.offset, end: it.span.end.offset, codes: item.codes, diagnostics: found.map(detached) });
      } catch (e) {
        this.log(`linter failed: ${(e as Error).stack ?? String(e)}`);
      }
    }
    return out;
  }

  /**
   * What to show before the catalogue is linted again: its diagnostics, the lint findings of the
   * edited items (linted now), and the previous findings moved onto the new text (except those the
   * edited items' findings replace).  The edited items' findings join `staleLint`, so that the next
   * version carries them over.
   */
  provisionalDiagnostics(state: CatalogueState): Diagnostic[] {
    if (state.lint !== undefined) return state.diagnostics;
    if (state.itemLint === undefined) {
      const items = (state.itemLint = this.lintEditedItems(state));
      if (items.length > 0) {
        const replaced = (d: Diagnostic) =>
          items.some((i) => i.codes.has(d.code) && (d.file ?? state.root) === i.file && d.span.start.offset >= i.start && d.span.end.offset <= i.end);
        state.staleLint = [...state.staleLint.filter((d) => !replaced(d)), ...items.flatMap((i) => i.diagnostics)];
      }
    }
    return [...state.diagnostics, ...state.staleLint];
  }

  private runLint(analysis: Analysis): Diagnostic[] {
    if (!this.lint) return [];
    // A half-typed file gives a partial AST: linting it would only add noise to the syntax errors.
    if (!isLintable(analysis)) return [];
    try {
      return this.lint(analysis).map(detached);
    } catch (e) {
      this.log(`linter failed: ${(e as Error).stack ?? String(e)}`);
      return [];
    }
  }

  /**
   * A document with its catalogue; undefined when the file cannot be read.  Lints the catalogue
   * unless `lint: false` (hover, completion and the like do not need the linter's findings).
   */
  context(path: string, options: { lint?: boolean } = {}): DocContext | undefined {
    const own = this.load(path);
    if (!own) return undefined;
    const state = this.catalogueOf(path, options);
    const file = state.analysis.files.find((f) => f.path === path) ?? own;
    return { path, file, state, resolve: (from, target) => this.fs.resolve(from, target), list: (dir) => this.list(dir) };
  }

  /** Every .kp file of the workspace folders (for workspace symbols). */
  workspaceFiles(): string[] {
    const out = new Set<string>();
    for (const dir of this.folders) for (const f of this.list(dir)) out.add(f);
    for (const p of this.overlays.keys()) out.add(p);
    return [...out].sort();
  }

  /** Roots of the catalogues the open documents belong to (deduplicated). */
  openCatalogueRoots(): string[] {
    const roots = new Set<string>();
    for (const p of this.overlays.keys()) roots.add(this.rootOf(p).root);
    return [...roots];
  }
}

/** Whether the linter runs on an analysis: not on a half-typed file (syntax errors, KP0xxx/KP1xxx). */
function isLintable(analysis: Analysis): boolean {
  return !analysis.diagnostics.some((d) => d.severity === "error" && /^KP[01]/.test(d.code));
}

/**
 * A lint finding with spans of its own: the AST's spans move in place on the next incremental
 * re-parse (incremental.ts), while findings kept for the next version (carried over) must keep the
 * positions of the text they were found in.
 */
function detached(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { ...d, span: copySpan(d.span) };
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: copySpan(r.span) }));
  return out;
}

function copySpan(s: Span): Span {
  return { start: { ...s.start }, end: { ...s.end } };
}

/**
 * The edit between two versions of a file, and where a position after it stands in the new text:
 * whole lines moved, and columns too on the line where the edit ended (O(1) per position, no search
 * in the line index: a large catalogue carries ~1,700 findings over on every keystroke).
 */
function mover(before: LoadedFile, after: LoadedFile): { start: number; end: number; move: (p: Position) => Position } | null {
  const e = minimalEdit(before.text, after.text);
  if (!e) return null;
  const delta = e.newText.length - (e.end - e.start);
  const oldEnd = before.parsed.lines.position(e.end);
  const newEnd = after.parsed.lines.position(e.start + e.newText.length);
  const lineDelta = newEnd.line - oldEnd.line;
  const colShift = newEnd.column - oldEnd.column;
  return {
    start: e.start,
    end: e.end,
    move: (p) => ({ offset: p.offset + delta, line: p.line + lineDelta, column: p.line === oldEnd.line ? p.column + colShift : p.column }),
  };
}

/** The lint findings of a previous state, moved onto the texts of a new analysis. */
function carryOver(prev: CatalogueState, analysis: Analysis): Diagnostic[] {
  const lint = prev.lint ?? prev.staleLint;
  if (lint.length === 0) return [];
  const oldFiles = new Map(prev.analysis.files.map((f) => [f.path, f]));
  const newFiles = new Map(analysis.files.map((f) => [f.path, f]));
  const edits = new Map<string, ReturnType<typeof mover>>();
  const out: Diagnostic[] = [];
  for (const d of lint) {
    const file = d.file ?? prev.root;
    const before = oldFiles.get(file);
    const after = newFiles.get(file);
    if (!before || !after) continue;
    if (before.text === after.text) {
      out.push(d);
      continue;
    }
    if (!edits.has(file)) edits.set(file, mover(before, after));
    const e = edits.get(file);
    if (!e) continue;
    const { start, end } = { start: d.span.start.offset, end: d.span.end.offset };
    let moved: Diagnostic;
    if (end <= e.start && !d.fixes) {
      out.push(d); // before the edit nothing moved (and a finding carried once has no fixes: kept as it is)
      continue;
    } else if (end <= e.start) moved = { ...d, span: copySpan(d.span) };
    else if (start >= e.end) moved = { ...d, span: { start: e.move(d.span.start), end: e.move(d.span.end) } };
    else continue; // the edit touched it: the linter will say
    delete moved.fixes; // stale offsets: fixes come from the next lint
    out.push(moved);
  }
  return out;
}

/** True for a path on a file system (not e.g. `untitled:Untitled-1`). */
function isFilePath(p: string): boolean {
  return p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p);
}

function baseName(p: string): string {
  return p.replace(/^.*[\\/]/, "");
}
