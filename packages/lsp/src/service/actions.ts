/**
 * Code actions: the fixes diagnostics carry (core's lexer fixes such as quoting a bare word or
 * making full-width characters half-width, the linter's such as adding a cap), plus one action that
 * normalises every full-width character of a file at once.
 */
import type { Diagnostic, TextEdit } from "@kaoping/core";
import { isSuggestion } from "@kaoping/lint";
import type { DocContext } from "./project.js";

/** A code action: a title and its edits, by file. */
export interface CodeAction {
  title: string;
  kind: "quickfix" | "source.fixAll";
  /** The diagnostic it fixes. */
  diagnostic?: Diagnostic;
  edits: Map<string, TextEdit[]>;
  /**
   * The first fix of a diagnostic that is not a lint suggestion is the preferred one (applied by
   * "auto fix"): a suggestion can change what a correct catalogue computes, so it is never applied
   * without the writer choosing it.
   */
  preferred: boolean;
}

/** The full-width → half-width warning. */
const FULL_WIDTH = "KP1010";

/** Diagnostics of the document touching `[start, end]`. */
export function diagnosticsIn(ctx: DocContext, start: number, end: number): Diagnostic[] {
  return ctx.state.diagnostics.filter((d) => d.file === ctx.path && d.span.start.offset <= end && d.span.end.offset >= start);
}

function byFile(edits: readonly TextEdit[], file: string): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const f = e.file ?? file;
    const list = out.get(f) ?? [];
    list.push({ ...e, file: f });
    out.set(f, list);
  }
  return out;
}

/** The actions available for `[start, end]` of a document. */
export function codeActions(ctx: DocContext, start: number, end: number, only?: readonly string[]): CodeAction[] {
  const wants = (kind: string) =>
    !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`) || o.startsWith(kind));
  const out: CodeAction[] = [];
  if (wants("quickfix")) {
    for (const d of diagnosticsIn(ctx, start, end)) {
      const preferred = (d.fixes ?? []).find((fix) => !isSuggestion(fix));
      for (const fix of d.fixes ?? []) {
        out.push({ title: fix.title, kind: "quickfix", diagnostic: d, edits: byFile(fix.edits, d.file ?? ctx.path), preferred: fix === preferred });
      }
    }
  }
  const all = fixAllFullWidth(ctx);
  if (all && (wants("source.fixAll") || (wants("quickfix") && diagnosticsIn(ctx, start, end).some((d) => d.code === FULL_WIDTH))))
    out.push(all);
  return out;
}

/** One action that applies every full-width fix of the document (when there are at least two). */
export function fixAllFullWidth(ctx: DocContext): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const d of ctx.state.diagnostics) {
    if (d.file !== ctx.path || d.code !== FULL_WIDTH) continue;
    const fix = d.fixes?.[0];
    if (fix) edits.push(...fix.edits.filter((e) => (e.file ?? ctx.path) === ctx.path));
  }
  if (edits.length < 2) return undefined;
  edits.sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const e of edits) if (merged.length === 0 || e.start >= merged[merged.length - 1]!.end) merged.push(e);
  return { title: "把本文件中的全角字符全部改为半角", kind: "source.fixAll", edits: new Map([[ctx.path, merged]]), preferred: false };
}
