/**
 * Publishing diagnostics: every file of a catalogue gets its list (an empty list clears the file),
 * the same list is not sent twice for the same document version, and a file that left a catalogue
 * (an include removed, a root renamed) is cleared.
 *
 * Errors go first: VS Code draws only the first 500 markers of a file, so a file with hundreds of lint
 * warnings would otherwise hide an error below them.  Past {@link MAX_MARKERS} warnings, information
 * and hints per file the rest are left out and one information diagnostic at the top of the file says
 * how many, and how to see them.
 */
import type { Diagnostic as KpDiagnostic } from "@kaoping/core";
import { formatLintMessage } from "@kaoping/lint";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver/node";
import type { CatalogueState } from "./service/project.js";

/** What the publisher needs of the server. */
export interface PublisherHost {
  send(params: PublishDiagnosticsParams): void;
  uriOf(path: string): string;
  /** The version of an open document (undefined when it is not open). */
  versionOf(uri: string): number | undefined;
  toDiagnostic(d: KpDiagnostic): Diagnostic;
  /** A file is no longer part of the catalogue it was shown with (analyse it on its own if open). */
  left(path: string): void;
}

/** Warnings, information and hints sent per file at most (errors are never left out). */
export const MAX_MARKERS = 300;

const RANK: Record<number, number> = { 1: 0, 2: 1, 3: 2, 4: 3 };
const KP_RANK: Record<KpDiagnostic["severity"], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * A file's diagnostics as sent: errors, then warnings, information and hints, each in source order;
 * past `max` non-errors, the others are left out and one information diagnostic at the top of the
 * file says how many.
 */
export function orderAndCap(list: Diagnostic[], max = MAX_MARKERS): Diagnostic[] {
  const { kept, summary } = orderAndCapBy(list, (d) => RANK[d.severity ?? 1] ?? 0, max);
  return summary ? [...kept, summary] : kept;
}

/**
 * {@link orderAndCap} on any kind of diagnostic, given its rank (0 error … 3 hint): the kept ones
 * in order, and the summary of those left out (undefined when none).  One pass into four buckets
 * (no sort), so that the publisher orders core's diagnostics and converts only those it sends.
 */
export function orderAndCapBy<T>(list: readonly T[], rank: (d: T) => number, max = MAX_MARKERS): { kept: T[]; summary?: Diagnostic } {
  const buckets: T[][] = [[], [], [], []];
  for (const d of list) buckets[rank(d)]!.push(d);
  const kept = buckets[0]!;
  let room = max;
  const left: number[] = [0, 0, 0, 0];
  for (let r = 1; r < 4; r++) {
    const b = buckets[r]!;
    const n = Math.min(room, b.length);
    for (let i = 0; i < n; i++) kept.push(b[i]!);
    room -= n;
    left[r] = b.length - n;
  }
  if (left[1]! + left[2]! + left[3]! === 0) return { kept };
  const parts = (
    [
      [1, "警告"],
      [2, "提示"],
      [3, "建议"],
    ] as const
  )
    .filter(([r]) => left[r]! > 0)
    .map(([r, word]) => `${left[r]} 条${word}`);
  return {
    kept,
    summary: {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      source: "kp",
      code: "KP3906",
      message: formatLintMessage("KP3906", [parts.join("、"), max]),
    },
  };
}

export class DiagnosticsPublisher {
  /** The files each catalogue root last published diagnostics for. */
  private readonly published = new Map<string, Set<string>>();
  /** The diagnostics last sent per URI in this version (to skip sending the same list twice). */
  private readonly lastSent = new Map<string, { version: number | undefined; list: Diagnostic[]; json?: string }>();

  constructor(private readonly host: PublisherHost) {}

  /** Publishes the diagnostics of every file of a catalogue (each diagnostic carries its file). */
  publish(state: CatalogueState, diagnostics: readonly KpDiagnostic[]): void {
    const byFile = new Map<string, KpDiagnostic[]>();
    for (const f of state.files) byFile.set(f, []);
    for (const d of diagnostics) {
      const file = d.file ?? state.root;
      let list = byFile.get(file);
      if (!list) byFile.set(file, (list = []));
      list.push(d);
    }
    const before = this.published.get(state.root) ?? new Set<string>();
    const now = new Set(byFile.keys());
    for (const [root, files] of this.published) if (root !== state.root) for (const f of now) files.delete(f);
    for (const f of before) {
      if (now.has(f)) continue;
      this.clearFile(f);
      this.host.left(f);
    }
    this.published.set(state.root, now);
    for (const [file, all] of byFile) {
      // Ordered and capped before converting: a large catalogue has ~1,700 lint findings of which
      // ~350 are sent; converting the rest on every keystroke was wasted work and garbage.
      const { kept, summary } = orderAndCapBy(all, (d) => KP_RANK[d.severity] ?? 0);
      const list = kept.map((d) => this.host.toDiagnostic(d));
      if (summary) list.push(summary);
      const uri = this.host.uriOf(file);
      const version = this.host.versionOf(uri);
      const last = this.lastSent.get(uri);
      // Compared only when the version is the one last sent (a new version is always sent).
      if (last && last.version === version) {
        const json = JSON.stringify(list);
        if ((last.json ??= JSON.stringify(last.list)) === json) continue;
        this.lastSent.set(uri, { version, list, json });
      } else this.lastSent.set(uri, { version, list });
      this.host.send(version === undefined ? { uri, diagnostics: list } : { uri, version, diagnostics: list });
    }
  }

  /** Clears every file of a catalogue (its last open document was closed). */
  clearCatalogue(root: string): void {
    for (const f of this.published.get(root) ?? []) this.clearFile(f);
    this.published.delete(root);
  }

  /** Forgets what was last sent for a URI (its document was closed). */
  forget(uri: string): void {
    this.lastSent.delete(uri);
  }

  /** True when diagnostics are shown for a file. */
  shows(path: string): boolean {
    for (const files of this.published.values()) if (files.has(path)) return true;
    return false;
  }

  private clearFile(path: string): void {
    const uri = this.host.uriOf(path);
    this.host.send({ uri, diagnostics: [] });
    this.lastSent.delete(uri);
  }
}
