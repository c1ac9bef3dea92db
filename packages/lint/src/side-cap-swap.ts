/**
 * A two-sided linear rule whose side has its amount and cap swapped (session 27, test/corpus xcgy-02):
 * 「每超额完成任务10%加0.5分,每降低10%扣0.5分,加分或减分最高为1分」 written `… 得 1 上限 0.5，每少 10% 扣 0.5 上限 1`.
 * Both numbers are in the clause, so the number check passes; a two-sided rule's caps are its sides', not
 * the rule's 上限, so the cap-phrase check does not see them.  Reported: a side whose cap is not the clause's one
 * cap value (outside the group's or section's cap) while its amount is that value.
 */
import type { RuleModel } from "@kaoping/core";
import type { ClauseNumber } from "./clause.js";
import { suggestion } from "./fixes.js";
import type { Finding, LintContext } from "./rule.js";
import { fmt, replaceNumberEdit } from "./util.js";

export function sideCapSwaps(ctx: LintContext, rule: RuleModel, text: readonly ClauseNumber[]): Finding[] {
  const b = rule.body;
  const node = rule.node.body;
  if (b.kind !== "linear" || !b.other || node?.kind !== "Linear" || !node.other) return [];
  const enclosing = new Set([rule.group?.cap, rule.owner.kind !== "indicator" ? rule.owner.cap : undefined].filter((x) => x !== undefined));
  const caps = text.filter((t) => t.cap && !t.percent && !enclosing.has(t.raw));
  const values = new Set(caps.map((t) => t.raw));
  const said = caps[0];
  if (!said || values.size !== 1) return [];
  const sides = [
    { action: b.action, amount: b.amount, cap: b.sideCap, amountLit: node.amount, capLit: node.sideCap },
    { action: b.other.action, amount: b.other.amount, cap: b.other.cap, amountLit: node.other.amount, capLit: node.other.cap },
  ];
  const out: Finding[] = [];
  for (const s of sides) {
    if (s.cap === undefined || !s.capLit || !s.amountLit || s.cap === said.raw || s.amount !== said.raw) continue;
    const verb = s.action === "award" ? "得分" : "扣分";
    out.push({
      file: rule.file,
      span: s.capLit.span,
      args: [rule.name, `上限 ${fmt(s.cap)} 与${verb} ${fmt(s.amount)} 对调了：条文的上限是「${said.text}」`],
      fixes: [
        suggestion({
          title: `对调上限与${verb}：上限 ${fmt(s.amount)}，${verb} ${fmt(s.cap)}`,
          edits: [replaceNumberEdit(ctx, rule.file, s.capLit, s.amount), replaceNumberEdit(ctx, rule.file, s.amountLit, s.cap)],
        }),
      ],
    });
  }
  return out;
}
