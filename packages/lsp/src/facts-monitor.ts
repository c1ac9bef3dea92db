/**
 * Keeps the facts files of each open catalogue checked (see service/facts-files.ts for which files
 * belong to a catalogue): after the catalogue checks clean (a pause in typing), when a facts file
 * changes on disk (the client's file watcher), and at once when one is used to score.  The findings
 * are added to the catalogue's diagnostics by the server, so the publisher shows them on the facts
 * file (or the root file for .xlsx) and clears them when they go away.
 *
 * A facts file is checked again only when it or what the catalogue expects of facts (its facts
 * schema) changed: typing in a clause does not re-read a 10 MB facts file.  A facts file being
 * edited is checked as the editor holds it (`setText`, the client's `kp/factsText`), as it is typed.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { emitFactsSchema, type Diagnostic } from "@kaoping/core";
import { checkFactsFile, conventionalFactsFiles } from "./service/facts-files.js";
import type { CatalogueState, Project } from "./service/project.js";

/** How long a catalogue must stay unchanged before its facts files are checked again (ms). */
export const FACTS_PAUSE_MS = 400;

export interface FactsMonitorHost {
  project: Project;
  /** A change stamp of a file (undefined when it is gone). */
  stamp(file: string): string | undefined;
  /** Publish the catalogue's diagnostics again (the facts findings changed). */
  republish(root: string): void;
  log(message: string): void;
}

interface Checked {
  signature: string;
  diagnostics: Diagnostic[];
}

export class FactsMonitor {
  /** The facts file last used to score or explain each catalogue. */
  private readonly used = new Map<string, string>();
  /** Per catalogue root, per facts file: what was found, and for which schema and file stamp. */
  private readonly found = new Map<string, Map<string, Checked>>();
  /** The last clean state of each catalogue (what facts are checked against). */
  private readonly clean = new Map<string, CatalogueState>();
  /** The facts schema of each catalogue's last clean state (computed when first asked for). */
  private readonly schemas = new Map<string, { state: CatalogueState; text: string }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Facts files as the editor holds them (unsaved edits), with a digest of the text. */
  private readonly texts = new Map<string, { text: string; digest: string }>();
  private disposed = false;

  constructor(private readonly host: FactsMonitorHost) {}

  /** The facts files of a catalogue: the one used to score it, then those named by the convention. */
  filesOf(root: string): string[] {
    const out: string[] = [];
    const used = this.used.get(root);
    if (used) out.push(used);
    const dir = path.dirname(root);
    const roots = this.host.project.rootsIn(dir).filter((r) => path.dirname(r) === dir);
    if (roots.length === 1 && roots[0] === root) for (const f of conventionalFactsFiles(dir)) if (!out.includes(f)) out.push(f);
    return out;
  }

  /** The facts findings to publish with a catalogue's own diagnostics. */
  diagnosticsOf(root: string): Diagnostic[] {
    const byFile = this.found.get(root);
    if (!byFile) return [];
    return [...byFile.values()].flatMap((c) => c.diagnostics);
  }

  /** The facts JSON Schema of a catalogue, as it last checked clean (undefined when it never did). */
  schemaOf(root: string): string | undefined {
    const state = this.clean.get(root);
    if (!state) return undefined;
    const cached = this.schemas.get(root);
    if (cached?.state === state) return cached.text;
    const text = JSON.stringify(emitFactsSchema(state.analysis.catalogue), null, 2) + "\n";
    this.schemas.set(root, { state, text });
    return text;
  }

  /** A catalogue was checked: if clean, its facts files are checked after a pause. */
  checked(state: CatalogueState): void {
    if (state.analysis.fragment || state.analysis.diagnostics.some((d) => d.severity === "error")) return;
    // Nothing more on the keystroke's path: the schema and the facts wait for the pause.
    this.clean.set(state.root, state);
    this.schedule(state.root, FACTS_PAUSE_MS);
  }

  /** A facts file was used to score or explain a catalogue: it belongs to it now; check it at once. */
  async use(state: CatalogueState, file: string): Promise<void> {
    this.used.set(state.root, file);
    if (!state.analysis.fragment && !state.analysis.diagnostics.some((d) => d.severity === "error")) this.clean.set(state.root, state);
    await this.run(state.root);
  }

  /** Files changed on disk: check the catalogues whose facts files they are (or may now be). */
  filesChanged(paths: readonly string[]): void {
    for (const root of this.clean.keys()) {
      const files = this.filesOf(root);
      const dir = path.dirname(root);
      if (paths.some((p) => files.includes(p) || path.dirname(p) === dir)) this.schedule(root, 50);
    }
  }

  /** A facts file as the editor holds it (undefined: as on disk again, e.g. closed); its catalogues are checked soon. */
  setText(file: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(file);
    else this.texts.set(file, { text, digest: createHash("sha1").update(text).digest("hex") });
    for (const root of this.clean.keys()) if (this.filesOf(root).includes(file)) this.schedule(root, 150);
  }

  /** Forgets a catalogue (its last document closed). */
  forget(root: string): void {
    const t = this.timers.get(root);
    if (t) clearTimeout(t);
    this.timers.delete(root);
    this.clean.delete(root);
    this.schemas.delete(root);
    this.found.delete(root);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(root: string, ms: number): void {
    const t = this.timers.get(root);
    if (t) clearTimeout(t);
    this.timers.set(
      root,
      setTimeout(() => {
        this.timers.delete(root);
        void this.run(root);
      }, ms),
    );
  }

  /** Checks the facts files of a catalogue that changed; republishes when a finding did. */
  private async run(root: string): Promise<void> {
    if (this.disposed) return;
    const state = this.clean.get(root);
    if (!state) return;
    // Made when a facts file is there to check (most catalogues being typed have none: the schema
    // of a large one is megabytes of JSON, not to be made after every keystroke for nothing).
    let schema: string | undefined;
    const before = this.found.get(root) ?? new Map<string, Checked>();
    const now = new Map<string, Checked>();
    let changed = false;
    for (const file of this.filesOf(root)) {
      const edited = this.texts.get(file);
      const stamp = edited ? `text:${edited.digest}` : this.host.stamp(file);
      if (stamp === undefined) {
        changed ||= before.has(file);
        continue;
      }
      schema ??= this.schemaOf(root) ?? "";
      const signature = `${stamp}\u0000${schema}`;
      const prev = before.get(file);
      if (prev && prev.signature === signature) {
        now.set(file, prev);
        continue;
      }
      try {
        const r = await checkFactsFile(state, file, edited?.text);
        if (this.disposed || this.clean.get(root) !== state) return; // a newer check will run
        if (!r) continue;
        now.set(file, { signature, diagnostics: r.diagnostics });
        changed ||= JSON.stringify(prev?.diagnostics ?? []) !== JSON.stringify(r.diagnostics);
      } catch (e) {
        this.host.log(`kp: checking facts file ${file} failed: ${(e as Error)?.stack ?? String(e)}`);
      }
    }
    for (const f of before.keys()) if (!now.has(f)) changed = true;
    this.found.set(root, now);
    if (changed) this.host.republish(root);
  }
}
