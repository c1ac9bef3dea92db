/**
 * duplicate-rule: two rules of one indicator (or section) with the same clause text that read the
 * same facts.  With the same scoring too, the second is a duplicate that deducts (or awards) twice
 * for one fact; with different scoring, the two contradict each other.
 *
 * Rules that read different facts are not duplicates: three 酌情 rules or three 不得分 conditions
 * that share one clause are three assessments, each with its own fact, and merging them changes the
 * scores (an item's maximum deduction fell from 30 to 10).  Facts are keyed by rule name today, so
 * two rules never share a fact; the check compares the fact keys (by nameKey, the one identity of a
 * name) so that it stays right when a construct lets rules share one.  Rules limited to disjoint unit
 * classes (适用) are alternatives, not duplicates.  Deleting a rule always changes what is computed,
 * so the fix is a suggestion, never applied by --fix.
 */
import { nameKey, type Fix, type RuleModel } from "@kaoping/core";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";

/** Whether two rules read at least one fact in common. */
function shareFacts(a: RuleModel, b: RuleModel): boolean {
  const keys = new Set(a.facts.map((f) => nameKey(f.key)));
  return b.facts.some((f) => keys.has(nameKey(f.key)));
}

function normalise(s: string): string {
  return s.replace(/[\s\u3000]/g, "");
}

/** The scoring of a rule, comparable with JSON (names, files and nodes left out). */
function scoring(r: RuleModel): string {
  const body = JSON.stringify(r.body, (k, v: unknown) => (k === "node" || k === "text" ? undefined : v));
  return JSON.stringify([body, r.cap ?? null, r.overdraft, r.multipliers, r.occurrences, r.average ?? null, r.appliesTo ?? null]);
}

function disjoint(a: RuleModel, b: RuleModel): boolean {
  if (!a.appliesTo || !b.appliesTo) return false;
  return !a.appliesTo.some((c) => b.appliesTo!.includes(c));
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const owners = [...new Set(ctx.catalogue.rules.map((r) => r.owner))];
  for (const owner of owners) {
    const rules = owner.rules;
    const reported = new Set<RuleModel>();
    for (let j = 0; j < rules.length; j++) {
      const b = rules[j]!;
      if (reported.has(b) || !b.clause.trim() || !b.node.name) continue;
      for (let i = 0; i < j; i++) {
        const a = rules[i]!;
        if (normalise(a.clause) !== normalise(b.clause) || disjoint(a, b) || !shareFacts(a, b)) continue;
        const same = scoring(a) === scoring(b);
        const fixes: Fix[] = [];
        if (same) {
          const text = ctx.text(b.file);
          const lines = ctx.lines(b.file);
          // Delete the whole lines of the duplicate when it stands on lines of its own.
          const first = lines.lineStarts[b.node.span.start.line - 1]!;
          const lastLine = b.node.span.end.line;
          const next = lastLine < lines.lineCount ? lines.lineStarts[lastLine]! : text.length;
          const ownLines = /^[ \t\u3000]*$/.test(text.slice(first, b.node.span.start.offset)) && /^[ \t\u3000]*\r?\n?$/.test(text.slice(b.node.span.end.offset, next));
          fixes.push(suggestion({
            title: `删除重复的规则「${b.name}」`,
            edits: [ownLines ? { file: b.file, start: first, end: next, newText: "" } : { file: b.file, start: b.node.span.start.offset, end: b.node.span.end.offset, newText: "" }],
          }));
        }
        out.push({
          file: b.file,
          span: b.node.name.span,
          args: [b.name, a.name, same ? "的条文和计分完全相同：同一事实会被计两次" : "的条文相同，计分却不同：两条规则互相矛盾"],
          fixes,
          related: [{ file: a.file, span: a.node.name!.span, message: `规则「${a.name}」在这里` }],
        });
        reported.add(b);
        break;
      }
    }
  }
  return out;
}

export const duplicateRule: LintRule = {
  id: "duplicate-rule",
  code: "KP3040",
  defaultSeverity: "warning",
  title: "重复或矛盾的规则",
  doc: {
    description:
      "同一指标（或加分、减分项）中两条规则的条文相同、读取的事实也相同：计分也相同时，后一条是重复的，同一事实会被计两次（建议：删除它，不由 --fix 自动删除）；计分不同时，两条规则互相矛盾。" +
      "读取不同事实的规则不是重复：同一条文下的几条酌情扣分、几个不得分情形各有各的事实，分别计分，不报告（事实按规则名填写，所以目前两条规则总是读取不同的事实）。" +
      "用「适用」分别限定到不同类别的两条规则是针对不同单位的两种计分，不报告。",
    bad: '指标 「值班工作」 1分 {\n  规则 「值班在岗」 「值班人员不在岗的，1次扣0.5分」 每次 扣 0.5 上限 1\n  规则 「值班不在岗」 「值班人员不在岗的，1次扣0.5分」 每次 扣 0.3 上限 1\n}',
    good: '指标 「值班工作」 1分 {\n  规则 「值班在岗」 「值班人员不在岗的，1次扣0.5分」 每次 扣 0.5 上限 1\n}',
  },
  check,
};
