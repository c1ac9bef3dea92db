/**
 * The language reference (grammar/语言参考.md) as hovers link to it: where the file is, and its
 * numbered sections (`### 5.4 分段 …`) with their lines, so a keyword's hover links to
 * `file:///…/语言参考.md#L322` — a link VS Code opens in the editor at that line (in a remote window
 * too: the extension host's file URIs in hover Markdown are mapped to the remote file system).
 *
 * Where the file is: the extension ships a copy beside its bundled server (`docs/语言参考.md`, copied by
 * packages/vscode's build); run from the repository (the CLI's `kp lsp`, tests), it is the one in
 * `grammar/`.  Found by walking up from this module; without it, hovers name the section unlinked.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file's name, in both places. */
export const REFERENCE_FILE = "语言参考.md";

/** One numbered section of the reference. */
export interface ReferenceSection {
  /** As written at the start of the heading: "5.4", "9". */
  number: string;
  /** The heading without its number, up to its first code span (`5.4 分段 \`分段 {…}\`` → 分段). */
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** The GitHub anchor of the heading (for readers of the file on a forge). */
  anchor: string;
}

/** The reference: its path, its file URI and its sections by number. */
export interface ReferenceDoc {
  path: string;
  uri: string;
  sections: ReadonlyMap<string, ReferenceSection>;
}

/** GitHub's heading anchor: lower case, punctuation dropped (letters, marks, digits, _ and - kept), spaces as -. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The numbered headings of a reference text (`## 9. 等次…`, `### 5.4 分段…`, `#### 5.4.1 …`). */
export function parseSections(text: string): Map<string, ReferenceSection> {
  const out = new Map<string, ReferenceSection>();
  const lines = text.split(/\r?\n/);
  let fenced = false;
  lines.forEach((l, i) => {
    if (/^\s*```/.test(l)) fenced = !fenced;
    if (fenced) return;
    const m = /^#{1,6}\s+(.*)$/.exec(l);
    if (!m) return;
    const heading = m[1]!;
    const num = /^(\d+(?:\.\d+)*[a-z]?)\.?\s+(.*)$/.exec(heading);
    if (!num || out.has(num[1]!)) return;
    out.set(num[1]!, { number: num[1]!, title: shortTitle(num[2]!), line: i + 1, anchor: githubAnchor(heading) });
  });
  return out;
}

function shortTitle(rest: string): string {
  const head = rest.split("`")[0]!.trim().replace(/[：:]$/, "").trim();
  return head || rest.replace(/`/g, "").trim();
}

/** Where the reference is, looking up from `fromDir`: `docs/语言参考.md` (the extension) or `grammar/语言参考.md` (the repository). */
export function findReferenceFile(fromDir: string): string | undefined {
  let dir = fromDir;
  for (let i = 0; i < 8; i++) {
    for (const sub of ["docs", "grammar"]) {
      const p = path.join(dir, sub, REFERENCE_FILE);
      if (existsSync(p)) return p;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Reads a reference file. */
export function loadReference(file: string): ReferenceDoc {
  return { path: file, uri: pathToFileURL(file).href, sections: parseSections(readFileSync(file, "utf8")) };
}

let cached: ReferenceDoc | null | undefined;

/** The reference this server links to (found once); undefined when it is not installed. */
export function referenceDoc(): ReferenceDoc | undefined {
  if (cached === undefined) {
    try {
      const file = findReferenceFile(path.dirname(fileURLToPath(import.meta.url)));
      cached = file ? loadReference(file) : null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}

/** The Markdown link to a section, e.g. `[语言参考 5.4 分段 …](file:///…#L322)`; plain text when the file is not found. */
export function sectionLink(number: string, doc: ReferenceDoc | null = referenceDoc() ?? null): string {
  const s = doc?.sections.get(number);
  const label = `语言参考 ${number}${s ? ` ${s.title}` : ""}`.replace(/[\\[\]*_<>|#]/g, (c) => `\\${c}`);
  if (!doc || !s) return `见${label}`;
  return `[${label}](${doc.uri}#L${s.line})`;
}
