/**
 * Golden files (under test/golden/; test/golden.ts: a missing one fails) are regenerated, with all
 * others, by `pnpm run update-golden`; review them with `git diff`.
 *
 * Test helpers: an in-memory workspace whose texts may carry cursor markers `<|>` (removed from the
 * text; their offsets are returned), and a project over it.
 *
 *   const w = workspace({ "细则.kp": "细则 「甲」\n指标 「<|>乙」 4分 { }" });
 *   hover(w.ctx("细则.kp"), w.at("细则.kp"))
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lintAnalysis } from "@kaoping/lint";
import { MemoryFileSystem } from "../src/service/files.js";
import { Project, type DocContext } from "../src/service/project.js";
import { expectGolden as goldenCompare } from "../../../test/golden.js";

export const MARK = "<|>";
export const WS = "/ws";
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const rulesDir = path.join(repoRoot, "rules");

/** Removes the markers from a text; returns the text and the markers' offsets. */
export function stripMarkers(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let out = "";
  let i = 0;
  for (;;) {
    const j = text.indexOf(MARK, i);
    if (j < 0) break;
    out += text.slice(i, j);
    offsets.push(out.length);
    i = j + MARK.length;
  }
  out += text.slice(i);
  return { text: out, offsets };
}

export interface TestWorkspace {
  fs: MemoryFileSystem;
  project: Project;
  /** Absolute path of a workspace file. */
  path(name: string): string;
  /** Text of a file (markers removed). */
  text(name: string): string;
  /** Offset of the n-th marker of a file. */
  at(name: string, n?: number): number;
  /** The service context of a file (it must parse). */
  ctx(name: string): DocContext;
  /** Opens a file as an editor document (its text then wins over the "disk"). */
  open(name: string, text?: string): void;
}

/** An in-memory workspace under /ws; files are given by relative name. */
export function workspace(files: Record<string, string>, options: { lint?: boolean } = {}): TestWorkspace {
  const fs = new MemoryFileSystem();
  const markers = new Map<string, number[]>();
  const texts = new Map<string, string>();
  for (const [name, raw] of Object.entries(files)) {
    const { text, offsets } = stripMarkers(raw);
    const p = path.posix.join(WS, name);
    fs.set(p, text);
    markers.set(p, offsets);
    texts.set(p, text);
  }
  const project = new Project(fs, { folders: [WS], lint: options.lint === false ? undefined : (a) => lintAnalysis(a) });
  const abs = (name: string) => path.posix.join(WS, name);
  return {
    fs,
    project,
    path: abs,
    text: (name) => texts.get(abs(name)) ?? "",
    at(name, n = 0) {
      const o = markers.get(abs(name))?.[n];
      if (o === undefined) throw new Error(`no marker #${n} in ${name}`);
      return o;
    },
    ctx(name) {
      const c = project.context(abs(name));
      if (!c) throw new Error(`cannot read ${name}`);
      return c;
    },
    open(name, text) {
      const { text: t, offsets } = stripMarkers(text ?? texts.get(abs(name)) ?? "");
      project.setDocument(abs(name), t);
      texts.set(abs(name), t);
      markers.set(abs(name), offsets);
    },
  };
}

/** The real rules/ catalogue as an in-memory workspace (same file names). */
export function rulesWorkspace(edit: Record<string, (text: string) => string> = {}): TestWorkspace {
  const files: Record<string, string> = {};
  for (const f of readdirSync(rulesDir)) {
    if (!f.endsWith(".kp")) continue;
    const text = readFileSync(path.join(rulesDir, f), "utf8");
    files[f] = edit[f] ? edit[f](text) : text;
  }
  return workspace(files);
}

/** Inserts a marker before the `n`-th occurrence of `needle` (plus `delta` characters). */
export function markAt(text: string, needle: string, delta = 0, n = 0): string {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" #${n} not found`);
  }
  return text.slice(0, i + delta) + MARK + text.slice(i + delta);
}

/** Applies offset edits to a text (non-overlapping, any order). */
export function applyEdits(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Compares `actual` with a golden file (relative to this folder, or absolute; test/golden.ts: a missing golden fails). */
export function expectGolden(file: string, actual: string): void {
  goldenCompare(path.isAbsolute(file) ? file : fileURLToPath(new URL(file, import.meta.url)), actual);
}
