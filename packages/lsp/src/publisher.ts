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

/**
 * A file's diagnostics as sent: errors, then warnings, information and hints, each in source order;
 * past `max` non-errors, the others are left out and one information diagnostic at the top of the
 * file says how many.
 */
export function orderAndCap(list: Diagnostic[], max = MAX_MARKERS): Diagnostic[] {
  const sorted = list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (RANK[a.d.severity ?? 1] ?? 0) - (RANK[b.d.severity ?? 1] ?? 0) || a.i - b.i)
    .map((x) => x.d);
  const errors = sorted.filter((d) => (d.severity ?? 1) === 1).length;
  if (sorted.length - errors <= max) return sorted;
  const kept = sorted.slice(0, errors + max);
  const left = sorted.slice(errors + max);
  const parts = (
    [
      [2, "警告"],
      [3, "提示"],
      [4, "建议"],
    ] as const
  )
    .map(([sev, word]) => [left.filter((d) => d.severity === sev).length, word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} 条${word}`);
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: "kp",
    code: "KP3906",
    message: formatLintMessage("KP3906", [parts.join("、"), max]),
  });
  return kept;
}

export class DiagnosticsPublisher {
  /** The files each catalogue root last published diagnostics for. */
  private readonly published = new Map<string, Set<string>>();
  /** The diagnostics last sent per URI in this version (to skip sending the same list twice). */
  private readonly lastSent = new Map<string, { version: number | undefined; json: string }>();

  constructor(private readonly host: PublisherHost) {}

  /** Publishes the diagnostics of every file of a catalogue (each diagnostic carries its file). */
  publish(state: CatalogueState, diagnostics: readonly KpDiagnostic[]): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of state.files) byFile.set(f, []);
    for (const d of diagnostics) {
      const file = d.file ?? state.root;
      const list = byFile.get(file) ?? [];
      list.push(this.host.toDiagnostic(d));
      byFile.set(file, list);
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
      const list = orderAndCap(all);
      const uri = this.host.uriOf(file);
      const version = this.host.versionOf(uri);
      const json = JSON.stringify(list);
      const last = this.lastSent.get(uri);
      if (last && last.version === version && last.json === json) continue;
      this.lastSent.set(uri, { version, json });
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
