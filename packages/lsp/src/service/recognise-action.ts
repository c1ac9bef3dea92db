/**
 * 「根据条文生成计分方式」: the import's clause recogniser as a code action. On a rule marked 待补, or
 * a rule that has its clause but no scoring yet, it writes the scoring the clause reads as; on a
 * rule whose code the linter finds at odds with its clause (KP3030), it offers the recogniser's
 * reading instead when the reading is unambiguous (one rule) and differs from the code.  A clause
 * the recogniser cannot read fully gets no action: nothing is guessed.
 */
import type * as A from "@kaoping/core";
import type { TextEdit } from "@kaoping/core";
import { classesOf, recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import type { CodeAction } from "./actions.js";
import type { DocContext } from "./project.js";

export const RECOGNISE_TITLE = "根据条文生成计分方式";

export interface Located {
  rule: A.Rule;
  ctx: ClauseContext;
}

/** Every rule of a file with what the recogniser needs to know about its place. */
export function rulesOf(file: A.KpFile): Located[] {
  const out: Located[] = [];
  const items = (list: readonly { kind: string }[], ctx: ClauseContext): void => {
    for (const item of list) {
      if (item.kind === "Rule") out.push({ rule: item as A.Rule, ctx });
      else if (item.kind === "Indicator") indicator(item as A.Indicator);
      else if (item.kind === "CapGroup" || item.kind === "HighestGroup" || item.kind === "ChoiceGroup") items((item as A.CapGroup).items, ctx);
    }
  };
  // (the indicator's 注 — kp import writes a 备注 there — are its notes on scoring: a direction they state, session 28)
  const indicator = (n: A.Indicator): void =>
    items(n.items, { indicator: n.name?.value ?? "", points: n.points && !n.points.percent ? n.points.text : null, section: null, ...notesOf(n.items) });
  for (const item of file.items as readonly { kind: string }[]) {
    if (item.kind === "Indicator") indicator(item as A.Indicator);
    else if (item.kind === "BonusSection" || item.kind === "PenaltySection") {
      const s = item as A.BonusSection | A.PenaltySection;
      items(s.items, { indicator: s.name?.value ?? "", points: s.cap?.text ?? null, section: item.kind === "BonusSection" ? "加分" : "减分" });
    }
  }
  return out;
}

/** An indicator's 注 texts as the clause context's notes (none: no field). */
function notesOf(list: readonly { kind: string }[]): { notes?: readonly string[] } {
  const notes = list.filter((i): i is A.Note => i.kind === "Note").flatMap((i) => (i.text ? [i.text.value] : []));
  return notes.length > 0 ? { notes } : {};
}

/** The other clauses of the rule's group of siblings (so a finding's count word is never guessed). */
export function withSiblings(all: readonly Located[], l: Located): ClauseContext {
  const siblings = all.filter((x) => x !== l && x.ctx.indicator === l.ctx.indicator && x.ctx.section === l.ctx.section && x.rule.clause).map((x) => x.rule.clause!.value);
  return { ...l.ctx, siblings };
}

/** The text of the rule's scoring: body and modifiers, as written. */
function scoringRange(rule: A.Rule): { start: number; end: number } | undefined {
  if (!rule.body) return undefined;
  const last = rule.modifiers.length > 0 ? rule.modifiers[rule.modifiers.length - 1]! : rule.body;
  return { start: rule.body.span.start.offset, end: last.span.end.offset };
}

/** 「 待核」 after the clause when the recogniser flags its reading for review (its reasons: `reviewNote`). */
function reviewMark(r: Extract<Recognition, { kind: "rules" }>): string {
  return r.review !== undefined && r.review.length > 0 ? " 待核" : "";
}

/** The action's title says why a reading is written 待核. */
function reviewNote(r: Extract<Recognition, { kind: "rules" }>): string {
  return r.review !== undefined && r.review.length > 0 ? `，写为待核（请核对：${r.review.join("；")}）` : "";
}

/** A body after its rule's clause: on the same line, or, when it spans lines (分段 { … }), under the rule. */
function placed(body: string, indent: string): string {
  return body.includes("\n") ? `\n${body.split("\n").map((l) => `${indent}  ${l}`).join("\n")}` : ` ${body}`;
}

/**
 * The edit that writes a reading in place of the rule's scoring (or after its clause when it has none); `mark` (「 待核」
 * or empty) goes after the clause: a reading the recogniser flags for review keeps its flag in the catalogue.
 */
function editFor(ctx: DocContext, l: Located, r: Extract<Recognition, { kind: "rules" }>, mark: string): TextEdit | undefined {
  const rule = l.rule;
  if (!rule.clause || !rule.name) return undefined;
  const text = ctx.file.text;
  const lineStart = text.lastIndexOf("\n", rule.span.start.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  // an edit that starts at the clause rewrites a 待核 the rule has: kept (a person removes it, never an edit)
  const kept = rule.review !== undefined ? " 待核" : mark;
  if (r.bodies.length === 1) {
    const range = scoringRange(rule);
    const body = r.bodies[0]!;
    const clauseEnd = rule.clause.span.end.offset;
    // a body of several lines (分段 { … }) goes under the rule, from the clause on
    if (body.includes("\n") && (!range || text.slice(clauseEnd, range.start).replace(/待核/, "").trim() === "")) {
      return { file: ctx.path, start: clauseEnd, end: range?.end ?? clauseEnd, newText: `${kept}${placed(body, indent)}` };
    }
    if (range) return { file: ctx.path, start: range.start, end: range.end, newText: mark && rule.review === undefined ? `${mark.trim()} ${body}` : body };
    return { file: ctx.path, start: clauseEnd, end: clauseEnd, newText: `${mark} ${body}` };
  }
  // Several rules from one clause (「A、B各扣6分」): the rule becomes one rule per reading.
  const clause = text.slice(rule.clause.span.start.offset, rule.clause.span.end.offset);
  const name = rule.name.value;
  const end = scoringRange(rule)?.end ?? rule.clause.span.end.offset;
  const rules = r.bodies.map((b, i) => `规则 「${i === 0 ? name : `${name}-${i + 1}`}」 ${clause}${kept}${placed(b, indent)}`);
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

/** Lines that start a construct of the language: never taken for a pasted clause. */
const CONSTRUCT = /^(?:规则|指标|注|合计|就高|择一|加分|减分|细则|总分|对象|年度|类别|引入|等次|编号|考评单位|适用|参照|舍入|\/\/|\/\*|\}|\{)/;

/** A short rule name from a clause: its first words without numbering and punctuation. */
function nameFrom(clause: string, taken: ReadonlySet<string>): string {
  const plain = clause.replace(/^\s*(?:[①-⑳]|[（(]?[0-9０-９一二三四五六七八九十]{1,2}[）).．、])\s*/, "").replace(/[\s，,。；;：:、“”"'（）()《》「」【】]/g, "");
  // the subject before the scoring (「未按时报送的，每次扣0.5分」 → 未按时报送)
  const cut = /每|扣|加|得|计|[0-9０-９]/.exec(plain);
  const subject = (cut && cut.index >= 2 ? plain.slice(0, cut.index) : plain).replace(/的$/, "");
  const base = [...subject].slice(0, 10).join("") || "条文";
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/**
 * A clause pasted as a line of its own inside an indicator or section (「未报送每次扣1分」, with or without
 * the quotes): the line becomes a rule with the recognised scoring, or with 待补 when it cannot be read.
 */
function pastedLine(ctx: DocContext, at: number, all: readonly Located[]): CodeAction | undefined {
  const text = ctx.file.text;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd);
  const trimmed = line.trim();
  if (trimmed === "" || CONSTRUCT.test(trimmed) || !/[\u4e00-\u9fa5]/.test(trimmed)) return undefined;
  const quoted = /^「([^「」]+)」$/.exec(trimmed);
  if (!quoted && /[「」{}]/.test(trimmed)) return undefined;
  const clause = quoted ? quoted[1]! : trimmed;
  // inside a block of an indicator or section, and not a piece of an existing rule
  const owner = blockAt(ctx.file.parsed.ast, lineStart);
  if (!owner || all.some((l) => l.rule.span.start.offset <= lineStart && l.rule.span.end.offset >= lineEnd)) return undefined;
  const siblings = all.filter((l) => l.ctx.indicator === owner.indicator && l.ctx.section === owner.section && l.rule.clause).map((l) => l.rule.clause!.value);
  const r = recogniseClause(clause, { ...owner, siblings });
  const taken = new Set(all.map((l) => l.rule.name?.value ?? ""));
  const indent = /^[ \t]*/.exec(line)![0];
  const name = nameFrom(clause, taken);
  const bodies = r.kind === "rules" ? r.bodies : ["待补"];
  const mark = r.kind === "rules" ? reviewMark(r) : "";
  const rules = bodies.map((b, i) => `规则 「${i === 0 ? name : `${name}-${i + 1}`}」 「${clause}」${mark}${placed(b, indent)}`);
  const title = r.kind === "rules" ? `${RECOGNISE_TITLE}：把这行条文写成规则（${r.bodies.join("；")}）${reviewNote(r)}` : `把这行条文写成待补规则（未能识别：${r.reason}）`;
  return {
    title,
    kind: "quickfix",
    edits: withClasses(ctx, { file: ctx.path, start: lineStart + indent.length, end: lineEnd - (line.length - line.trimEnd().length), newText: rules.join(`\n${indent}`) }, bodies),
    preferred: false,
  };
}

/**
 * The edits of an action: the reading's own, plus — where a reading names a class of units the catalogue
 * does not declare (`其中 「园区」 0.3`) — its declaration in the root file (added to its 类别 line, or a
 * 类别 line after the header), so applying the action never leaves KP2001 behind.
 */
function withClasses(ctx: DocContext, edit: TextEdit, bodies: readonly string[]): Map<string, TextEdit[]> {
  const edits = new Map<string, TextEdit[]>([[ctx.path, [edit]]]);
  const root = ctx.state.analysis.files[0];
  const wanted = [...new Set(bodies.flatMap(classesOf))];
  if (!root || wanted.length === 0) return edits;
  const decl = root.parsed.ast.items.find((i): i is A.ClassesDecl => i.kind === "Classes");
  const declared = new Set(decl?.names.map((n) => n.value) ?? []);
  const missing = wanted.filter((c) => !declared.has(c));
  if (missing.length === 0) return edits;
  const list = missing.map((c) => `「${c}」`).join("、");
  const last = decl?.names[decl.names.length - 1];
  const header = root.parsed.ast.items.filter((i) => i.kind === "Title" || i.kind === "Year" || i.kind === "Subject" || i.kind === "Total");
  const at = last ? last.span.end.offset : header.length > 0 ? header[header.length - 1]!.span.end.offset : 0;
  const add: TextEdit = { file: root.path, start: at, end: at, newText: last ? `、${list}` : at === 0 ? `类别 ${list}\n` : `\n类别 ${list}` };
  edits.set(root.path, [...(edits.get(root.path) ?? []), add]);
  return edits;
}

/** The indicator or section whose block holds `offset` (innermost), as a clause context. */
function blockAt(file: A.KpFile, offset: number): ClauseContext | undefined {
  let found: ClauseContext | undefined;
  const inside = (n: A.Node) => n.span.start.offset < offset && n.span.end.offset > offset;
  const visit = (items: readonly { kind: string }[]): void => {
    for (const item of items) {
      if (item.kind === "Indicator" && inside(item as A.Indicator)) {
        const n = item as A.Indicator;
        found = { indicator: n.name?.value ?? "", points: n.points && !n.points.percent ? n.points.text : null, section: null, ...notesOf(n.items) };
        visit(n.items);
      } else if ((item.kind === "BonusSection" || item.kind === "PenaltySection") && inside(item as A.BonusSection)) {
        const n = item as A.BonusSection | A.PenaltySection;
        found = { indicator: n.name?.value ?? "", points: n.cap?.text ?? null, section: item.kind === "BonusSection" ? "加分" : "减分" };
      }
    }
  };
  visit(file.items as readonly { kind: string }[]);
  return found;
}

/** The recogniser's actions for the rules touching `[start, end]`, and for a pasted clause line at `start`. */
export function recogniseActions(ctx: DocContext, start: number, end: number): CodeAction[] {
  const all = rulesOf(ctx.file.parsed.ast);
  const out: CodeAction[] = [];
  const pasted = pastedLine(ctx, start, all);
  if (pasted) out.push(pasted);
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
    // a reading written where there was none keeps the recogniser's doubt as 待核; a suggestion replacing code is
    // already the person's choice (its title says 仅为建议)
    const suggestion = mismatch !== undefined && !todo;
    const mark = suggestion ? "" : reviewMark(r);
    const edit = editFor(ctx, l, r, mark);
    if (!edit) continue;
    // like the linter's fixes of KP3030, a suggestion: the code may be right and the clause loose
    const title = suggestion ? `${RECOGNISE_TITLE}：改为「${r.bodies[0]}」（仅为建议）` : `${RECOGNISE_TITLE}：${r.bodies.join("；")}${reviewNote(r)}`;
    const diagnostic =
      mismatch && !todo
        ? mismatch
        : ctx.state.diagnostics.find((d) => d.code === "KP2120" && d.file === ctx.path && d.span.start.offset >= rule.span.start.offset && d.span.end.offset <= rule.span.end.offset);
    const action: CodeAction = { title, kind: "quickfix", edits: withClasses(ctx, edit, r.bodies), preferred: todo && mark === "" };
    if (diagnostic) action.diagnostic = diagnostic;
    out.push(action);
  }
  return out;
}
