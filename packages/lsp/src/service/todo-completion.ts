/**
 * Completion at a 待补 (or in the empty scoring slot after a rule's clause): the templates of todo-templates.ts,
 * filled from the clause, first; when the recogniser reads the clause fully, its reading comes before them (what
 * 「根据条文生成计分方式」 would write). Every item is the writer's choice; nothing is inserted by itself.
 */
import { recogniseClause } from "@kaoping/import";
import type { CompletionItem } from "./completion.js";
import type { DocContext } from "./project.js";
import { rulesOf, withSiblings } from "./recognise-action.js";
import { slotAt, templateDoc, todoTemplates } from "./todo-templates.js";

/** The items for the slot at `offset`, or undefined when the cursor is at none. */
export function todoCompletions(ctx: DocContext, offset: number): { items: CompletionItem[]; todo: boolean } | undefined {
  const text = ctx.file.text;
  const all = rulesOf(ctx.file.parsed.ast);
  const slot = slotAt(text, all.map((l) => l.rule), offset);
  if (!slot) return undefined;
  const located = all.find((l) => l.rule === slot.rule)!;
  const clause = slot.rule.clause!.value;
  const context = withSiblings(all, located);
  const recognition = recogniseClause(clause, context);
  const { shape, templates } = todoTemplates(clause, context);
  // in an empty slot right after the clause's 」, a blank first
  const lead = !slot.todo && slot.replace.start > 0 && !/\s/.test(text.charAt(slot.replace.start - 1)) ? " " : "";
  const filter = (body: string) => (slot.todo ? `待补 ${body}` : body);
  const items: CompletionItem[] = [];
  if (recognition.kind === "rules" && recognition.bodies.length === 1 && !recognition.bodies[0]!.includes("\n")) {
    const body = recognition.bodies[0]!;
    const review = recognition.review !== undefined && recognition.review.length > 0;
    items.push({
      label: body,
      kind: "snippet",
      detail: review ? "条文识别的计分方式（写为待核，请核对）" : "条文识别的计分方式",
      documentation: review ? `识别器没有把握：${recognition.review!.join("；")}。插入后规则标为「待核」，核对无误后删去。` : "与「根据条文生成计分方式」写入的相同。",
      // a reading flagged for review keeps its flag: 待核 goes right after the clause, where the 待补 stood
      insertText: `${lead}${review ? "待核 " : ""}${body}`,
      snippet: false,
      replace: slot.replace,
      filterText: filter(body),
      sortText: "!00",
    });
  }
  for (const [i, t] of templates.entries()) {
    items.push({
      label: t.text.replace(/\n\s*/g, " "),
      kind: "snippet",
      detail: t.detail,
      documentation: templateDoc(t, shape, recognition),
      insertText: `${lead}${t.snippet}`,
      snippet: true,
      replace: slot.replace,
      filterText: filter(t.text.replace(/\s+/g, " ")),
      sortText: `!${String(i + 1).padStart(2, "0")}`,
    });
  }
  return { items, todo: slot.todo };
}
