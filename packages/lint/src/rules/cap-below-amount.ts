/**
 * cap-below-amount: a cap smaller than one single deduction (or award) of the rules it caps, so that
 * even one occurrence cannot count in full — usually a typo (上限 0.05 for 上限 0.5) or a cap written
 * on the wrong rule.
 */
import type { CapModifier, CapGroup, HighestGroup } from "@kaoping/core";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt, largestAmount } from "../util.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    if (rule.cap === undefined) continue;
    const mod = rule.node.modifiers.find((m): m is CapModifier => m.kind === "Cap");
    const single = largestAmount(rule);
    if (!mod || single === undefined || rule.cap >= single) continue;
    out.push({ file: rule.file, span: mod.span, args: [`规则「${rule.name}」`, fmt(rule.cap), rule.effect === "award" ? "得分" : "扣分", fmt(single)] });
  }
  const seen = new Set<CapGroup | HighestGroup>();
  for (const rule of ctx.catalogue.rules) {
    const g = rule.group;
    if (!g || g.cap === undefined || g.node.kind === "ChoiceGroup" || seen.has(g.node) || !g.node.cap) continue;
    seen.add(g.node);
    const amounts = g.rules.map((r) => largestAmount(r)).filter((a): a is number => a !== undefined);
    if (amounts.length === 0) continue;
    const single = Math.max(...amounts);
    if (g.cap >= single) continue;
    out.push({ file: rule.file, span: g.node.cap.span, args: [`${g.kind === "cap" ? "合计" : "就高"}组`, fmt(g.cap), rule.effect === "award" ? "得分" : "扣分", fmt(single)] });
  }
  return out;
}

export const capBelowAmount: LintRule = {
  id: "cap-below-amount",
  code: "KP3004",
  defaultSeverity: "warning",
  title: "上限小于单次扣分",
  doc: {
    description:
      "规则（或合计、就高组）的上限比单次扣分（得分）还小：发生一次就被上限截断，多半是笔误（把 0.5 写成了 0.05）或上限写错了规则。" +
      "按分类扣分时与最重的一类比较，分段时与最大的一段比较，酌情扣分时与下限比较。",
    bad: '指标 「文件管理情况」 0.3分 {\n  规则 「文件签收领取」 「文件领取不及时，每件次扣0.02分（最多扣0.1分）」\n    每件次 扣 0.2 上限 0.1\n}',
    good: '指标 「文件管理情况」 0.3分 {\n  规则 「文件签收领取」 「文件领取不及时，每件次扣0.02分（最多扣0.1分）」\n    每件次 扣 0.02 上限 0.1\n}',
  },
  check,
};
