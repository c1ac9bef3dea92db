/**
 * Code actions: the fixes diagnostics carry (core's lexer fixes such as quoting a bare word or
 * making full-width characters half-width, the linter's such as adding a cap), plus one action that
 * normalises every full-width character of a file at once, the clause recogniser's
 * 「根据条文生成计分方式」 (recognise-action.ts), 「补写计分方式（从条文的数字选择写法）」 (complete-todo-action.ts)
 * and 「已核对，删去「待核」」 (review-action.ts).
 */
import type { Diagnostic, TextEdit } from "@kaoping/core";
import { isSuggestion, ruleIdOf, suppressionEdit } from "@kaoping/lint";
import type { DocContext } from "./project.js";
import { completeTodoActions } from "./complete-todo-action.js";
import { recogniseActions } from "./recognise-action.js";
import { reviewActions } from "./review-action.js";

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
  /**
   * Select this range and open the suggestions there (complete-todo-action.ts): the client writes it back as a
   * snippet placeholder and runs its suggest command. Offered only to clients that apply snippet edits.
   */
  suggest?: { start: number; end: number };
}

/**
 * Warnings whose first fix only normalises what an IME typed, one action for the whole file each:
 * full-width characters (KP1010) and 【】“”『』‘’ written for 「」 (KP1011).
 */
const NORMALISING = [
  { code: "KP1010", title: "把本文件中的全角字符全部改为半角" },
  { code: "KP1011", title: "把本文件中的【】“”『』‘’ 全部改为「」" },
] as const;

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
    // Errors' fixes first: with a cap that is both larger than the item (info) and not the clause's
    // (error), the fix the clause supports is the one to read first.
    const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
    const here = diagnosticsIn(ctx, start, end).sort((a, b) => rank[a.severity] - rank[b.severity]);
    for (const d of here) {
      const preferred = (d.fixes ?? []).find((fix) => !isSuggestion(fix) && !leavesErrorOnItsRange(ctx, d, fix.edits));
      for (const fix of d.fixes ?? []) {
        out.push({ title: fix.title, kind: "quickfix", diagnostic: d, edits: byFile(fix.edits, d.file ?? ctx.path), preferred: fix === preferred });
      }
      // 待核 (KP2123): a person has checked the importer's reading — never preferred (review-action.ts).
      out.push(...reviewActions(ctx, [d]));
      // A lint finding the writer judges right for this rulebook: suppress it here, saying why.
      const id = ruleIdOf(d.code);
      if (id && (d.file ?? ctx.path) === ctx.path) {
        const edit = suppressionEdit(ctx.file, d, id);
        out.push({ title: `本行不检查（kp-disable-next-line ${id}）`, kind: "quickfix", diagnostic: d, edits: byFile([edit], ctx.path), preferred: false });
      }
    }
  }
  // 根据条文生成计分方式: 待补 rules, rules with a clause and no scoring, KP3030 mismatches
  if (wants("quickfix")) out.push(...recogniseActions(ctx, start, end));
  // 补写计分方式: where the recogniser cannot read the clause, to the templates filled from its numbers
  if (wants("quickfix")) out.push(...completeTodoActions(ctx, start, end));
  for (const { code, title } of NORMALISING) {
    const all = fixAllOf(ctx, code, title);
    if (!all) continue;
    // Beside one of its diagnostics it is a quick fix (VS Code's Ctrl+. menu lists quick fixes, not
    // source actions); asked for as a source action (fix all on save) it is source.fixAll.
    if (wants("quickfix") && diagnosticsIn(ctx, start, end).some((d) => d.code === code)) out.push({ ...all, kind: "quickfix" });
    else if (wants("source.fixAll")) out.push(all);
  }
  return out;
}

/**
 * True when another error of the document lies on a range the edits change: the fix does not answer
 * it (that error has fixes of its own), so it may leave the error there and is not preferred.
 */
function leavesErrorOnItsRange(ctx: DocContext, d: Diagnostic, edits: readonly TextEdit[]): boolean {
  return ctx.state.diagnostics.some(
    (o) =>
      o !== d &&
      o.severity === "error" &&
      o.file === ctx.path &&
      edits.some((e) => (e.file ?? ctx.path) === ctx.path && e.start <= o.span.end.offset && o.span.start.offset <= e.end),
  );
}

/** One action that applies the first fix of every `code` diagnostic of the document (when there are at least two). */
function fixAllOf(ctx: DocContext, code: string, title: string): CodeAction | undefined {
  const edits: TextEdit[] = [];
  let fixes = 0;
  for (const d of ctx.state.diagnostics) {
    if (d.file !== ctx.path || d.code !== code) continue;
    const fix = d.fixes?.[0];
    if (fix) {
      fixes++;
      edits.push(...fix.edits.filter((e) => (e.file ?? ctx.path) === ctx.path));
    }
  }
  if (fixes < 2) return undefined;
  edits.sort((a, b) => a.start - b.start);
  const merged: TextEdit[] = [];
  for (const e of edits) if (merged.length === 0 || e.start >= merged[merged.length - 1]!.end) merged.push(e);
  return { title, kind: "source.fixAll", edits: new Map([[ctx.path, merged]]), preferred: false };
}
