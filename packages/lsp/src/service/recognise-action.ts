/**
 * 「根据条文生成计分方式」: the import's clause recogniser as a code action. On a rule marked 待补, or
 * a rule that has its clause but no scoring yet, it writes the scoring the clause reads as; on a
 * rule whose code the linter finds at odds with its clause (KP3030), it offers the recogniser's
 * reading instead when the reading is unambiguous (one rule) and differs from the code.  A clause
 * the recogniser cannot read fully gets no action: nothing is guessed.
 */
import type * as A from "@kaoping/core";
import type { TextEdit } from "@kaoping/core";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import type { CodeAction } from "./actions.js";
import type { DocContext } from "./project.js";

export const RECOGNISE_TITLE = "根据条文生成计分方式";

interface Located {
  rule: A.Rule;
  ctx: ClauseContext;
}

/** Every rule of a file with what the recogniser needs to know about its place. */
function rulesOf(file: A.KpFile): Located[] {
  const out: Located[] = [];
  const items = (list: readonly { kind: string }[], ctx: ClauseContext): void => {
    for (const item of list) {
      if (item.kind === "Rule") out.push({ rule: item as A.Rule, ctx });
      else if (item.kind === "Indicator") indicator(item as A.Indicator);
      else if (item.kind === "CapGroup" || item.kind === "HighestGroup" || item.kind === "ChoiceGroup") items((item as A.CapGroup).items, ctx);
    }
  };
  const indicator = (n: A.Indicator): void =>
    items(n.items, { indicator: n.name?.value ?? "", points: n.points && !n.points.percent ? n.points.text : null, section: null });
  for (const item of file.items as readonly { kind: string }[]) {
    if (item.kind === "Indicator") indicator(item as A.Indicator);
    else if (item.kind === "BonusSection" || item.kind === "PenaltySection") {
      const s = item as A.BonusSection | A.PenaltySection;
      items(s.items, { indicator: s.name?.value ?? "", points: s.cap?.text ?? null, section: item.kind === "BonusSection" ? "加分" : "减分" });
    }
  }
  return out;
}

/** The other clauses of the rule's group of siblings (so a finding's count word is never guessed). */
function withSiblings(all: readonly Located[], l: Located): ClauseContext {
  const siblings = all.filter((x) => x !== l && x.ctx.indicator === l.ctx.indicator && x.ctx.section === l.ctx.section && x.rule.clause).map((x) => x.rule.clause!.value);
  return { ...l.ctx, siblings };
}

/** The text of the rule's scoring: body and modifiers, as written. */
function scoringRange(rule: A.Rule): { start: number; end: number } | undefined {
  if (!rule.body) return undefined;
  const last = rule.modifiers.length > 0 ? rule.modifiers[rule.modifiers.length - 1]! : rule.body;
  return { start: rule.body.span.start.offset, end: last.span.end.offset };
}

/** The edit that writes a reading in place of the rule's scoring (or after its clause when it has none). */
function editFor(ctx: DocContext, l: Located, r: Extract<Recognition, { kind: "rules" }>): TextEdit | undefined {
  const rule = l.rule;
  if (!rule.clause || !rule.name) return undefined;
  const text = ctx.file.text;
  if (r.bodies.length === 1) {
    const range = scoringRange(rule);
    if (range) return { file: ctx.path, start: range.start, end: range.end, newText: r.bodies[0]! };
    return { file: ctx.path, start: rule.clause.span.end.offset, end: rule.clause.span.end.offset, newText: ` ${r.bodies[0]}` };
  }
  // Several rules from one clause (「A、B各扣6分」): the rule becomes one rule per reading.
  const lineStart = text.lastIndexOf("\n", rule.span.start.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const clause = text.slice(rule.clause.span.start.offset, rule.clause.span.end.offset);
  const name = rule.name.value;
  const end = scoringRange(rule)?.end ?? rule.clause.span.end.offset;
  const rules = r.bodies.map((b, i) => `规则 「${i === 0 ? name : `${name}-${i + 1}`}」 ${clause} ${b}`);
  return { file: ctx.path, start: rule.span.start.offset, end, newText: rules.join(`\n${indent}`) };
}

/** Whether one of the linter's fixes, applied to the rule's scoring, gives the reading. */
function lintFixesGive(ctx: DocContext, fixes: readonly { edits: readonly TextEdit[] }[], range: { start: number; end: number }, reading: string): boolean {
  return fixes.some((fix) => {
    const edits = fix.edits.filter((e) => (e.file ?? ctx.path) === ctx.path);
    if (edits.some((e) => e.start < range.start || e.end > range.end)) return false;
    let text = ctx.file.text.slice(range.start, range.end);
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start - range.start) + e.newText + text.slice(e.end - range.start);
    return squash(text) === squash(reading);
  });
}

/** The scoring of a rule as the formatter would compare it: whitespace collapsed. */
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** The recogniser's actions for the rules touching `[start, end]`. */
export function recogniseActions(ctx: DocContext, start: number, end: number): CodeAction[] {
  const all = rulesOf(ctx.file.parsed.ast);
  const out: CodeAction[] = [];
  for (const l of all) {
    const { rule } = l;
    if (!rule.clause || rule.span.start.offset > end || rule.span.end.offset < start) continue;
    const todo = rule.body?.kind === "Todo";
    const mismatch = ctx.state.diagnostics.find(
      (d) => d.code === "KP3030" && d.file === ctx.path && d.span.start.offset >= rule.span.start.offset && d.span.start.offset <= rule.span.end.offset,
    );
    if (!todo && rule.body && !mismatch) continue;
    const r = recogniseClause(rule.clause.value, withSiblings(all, l));
    if (r.kind !== "rules") continue;
    if (mismatch && !todo) {
      // only an unambiguous reading that says something else than the code
      const range = scoringRange(rule);
      if (r.bodies.length !== 1 || !range || squash(ctx.file.text.slice(range.start, range.end)) === squash(r.bodies[0]!)) continue;
      // the linter's own fix already writes this reading: no second action for it
      if (lintFixesGive(ctx, mismatch.fixes ?? [], range, r.bodies[0]!)) continue;
    }
    const edit = editFor(ctx, l, r);
    if (!edit) continue;
    // like the linter's fixes of KP3030, a suggestion: the code may be right and the clause loose
    const title = mismatch && !todo ? `${RECOGNISE_TITLE}：改为「${r.bodies[0]}」（仅为建议）` : `${RECOGNISE_TITLE}：${r.bodies.join("；")}`;
    const diagnostic =
      mismatch && !todo
        ? mismatch
        : ctx.state.diagnostics.find((d) => d.code === "KP2120" && d.file === ctx.path && d.span.start.offset >= rule.span.start.offset && d.span.end.offset <= rule.span.end.offset);
    const action: CodeAction = { title, kind: "quickfix", edits: new Map([[ctx.path, [edit]]]), preferred: todo };
    if (diagnostic) action.diagnostic = diagnostic;
    out.push(action);
  }
  return out;
}
