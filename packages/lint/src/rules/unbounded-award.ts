/**
 * unbounded-award: an award (得) that grows with a count — 每次 得 0.5, 每项 得 「A」 0.1、「B」 0.2 —
 * with no cap of its own and not inside a capped 加分 section.  Bonuses must always be capped: the
 * more occurrences, the higher the score, which no rulebook intends.  (A 加分 section itself cannot
 * lack its cap: the grammar requires `加分 「…」 上限 N`.)
 */
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt, insertCapEdit, unitWords } from "../util.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    if (rule.effect !== "award" || rule.cap !== undefined) continue;
    const b = rule.body;
    if (b.kind !== "per" && b.kind !== "categories") continue;
    if (rule.owner.kind === "bonus" && rule.owner.cap !== undefined) continue;
    const how =
      b.kind === "per"
        ? `${unitWords(rule)}得 ${fmt(Math.max(b.amount, ...b.overrides.map((o) => o.amount)))} 分`
        : `${rule.node.body?.kind === "Per" ? unitWords(rule) : "每次"}按分类得分`;
    const owner = rule.owner;
    const points = owner.kind === "indicator" && owner.pointsDeclared ? owner.points : undefined;
    const why =
      points !== undefined
        ? `次数越多得分越高，只能靠本项 ${fmt(points)} 分截住；加分必须写明上限`
        : "次数越多得分越高，加分必须写明上限";
    out.push({
      file: rule.file,
      span: rule.node.body!.span,
      args: [`规则「${rule.name}」`, how, why],
      // Capping an award changes the score when the same indicator also deducts: a suggestion.
      fixes: points !== undefined ? [suggestion({ title: `加上限 ${fmt(points)}（本项分值）`, edits: [insertCapEdit(rule, points)] })] : [],
    });
  }
  return out;
}

export const unboundedAward: LintRule = {
  id: "unbounded-award",
  code: "KP3002",
  defaultSeverity: "warning",
  title: "得分（加分）没有上限",
  doc: {
    description:
      "按次得分（每次 得、每项 得 ……）的规则没有「上限」，又不在有上限的「加分」项中时报告：次数越多得分越高，加分必须封顶。" +
      "建议（不由 --fix 自动应用）：在规则末尾加「上限 本项分值」（或条文规定的最高分）。",
    bad: '指标 「信息采用」 1分 {\n  规则 「信息采用」 「信息被省级采用的，每篇得0.2分」\n    每篇 得 0.2\n}',
    good: '指标 「信息采用」 1分 {\n  规则 「信息采用」 「信息被省级采用的，每篇得0.2分，最高得1分」\n    每篇 得 0.2 上限 1\n}',
  },
  check,
};
