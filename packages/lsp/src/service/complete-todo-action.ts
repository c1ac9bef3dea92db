/**
 * 「补写计分方式（从条文的数字选择写法）」: on a 待补 whose clause the recogniser cannot read (so
 * 「根据条文生成计分方式」 has nothing to offer), the action that leads to the templates of todo-templates.ts —
 * it selects the 待补 and opens the suggestions there, where the completion offers the shapes filled from the
 * clause's numbers. It changes nothing by itself: the 待补 stays until the writer chooses a template.
 *
 * The selection is a snippet edit (LSP 3.18 `SnippetTextEdit`: the 待补 written back as the snippet's one
 * placeholder, so the editor selects it) and the suggestions are the client's command `editor.action.triggerSuggest`
 * (VS Code's). The server offers the action only to a client that applies snippet edits (server.ts).
 */
import type * as A from "@kaoping/core";
import { recogniseClause } from "@kaoping/import";
import type { CodeAction } from "./actions.js";
import type { DocContext } from "./project.js";
import { rulesOf, withSiblings } from "./recognise-action.js";

export const COMPLETE_TITLE = "补写计分方式（从条文的数字选择写法）";

/** The client command that opens the suggestions at the cursor (VS Code's). */
export const SUGGEST_COMMAND = "editor.action.triggerSuggest";

/** The action for each 待补 rule touching `[start, end]` whose clause the recogniser leaves a to-do. */
export function completeTodoActions(ctx: DocContext, start: number, end: number): CodeAction[] {
  const all = rulesOf(ctx.file.parsed.ast);
  const out: CodeAction[] = [];
  for (const l of all) {
    const { rule } = l;
    const body = rule.body;
    if (!rule.clause || body?.kind !== "Todo" || rule.span.start.offset > end || rule.span.end.offset < start) continue;
    const r = recogniseClause(rule.clause.value, withSiblings(all, l));
    if (r.kind !== "todo") continue;
    const action: CodeAction = {
      title: COMPLETE_TITLE,
      kind: "quickfix",
      edits: new Map(),
      preferred: false,
      suggest: { start: body.span.start.offset, end: body.span.end.offset },
    };
    const diagnostic = todoDiagnostic(ctx, rule);
    if (diagnostic) action.diagnostic = diagnostic;
    out.push(action);
  }
  return out;
}

/** The rule's warning KP2120 (待补), which the action answers. */
function todoDiagnostic(ctx: DocContext, rule: A.Rule) {
  return ctx.state.diagnostics.find((d) => d.code === "KP2120" && d.file === ctx.path && d.span.start.offset >= rule.span.start.offset && d.span.end.offset <= rule.span.end.offset);
}
