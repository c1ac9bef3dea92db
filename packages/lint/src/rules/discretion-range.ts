/**
 * discretion-range: a 酌情 range that is not a real range.  min > max is already an error of the
 * checker (KP2031), so this rule adds what the checker allows: min = max (nothing is left to the
 * assessor's discretion — write a fixed deduction) and a maximum above the indicator's points (the
 * upper part of the range can never be deducted).
 */
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt, replaceNumberEdit } from "../util.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    const b = rule.body;
    const node = rule.node.body;
    if (b.kind !== "discretion" || node?.kind !== "Discretion") continue;
    if (b.min === b.max) {
      out.push({
        file: rule.file,
        span: node.span,
        args: [rule.name, `下限与上限相同（都是 ${fmt(b.min)} 分），没有可酌情的余地：应写成「扣 ${fmt(b.min)}」`],
        // The facts change shape (an amount becomes a flag): a suggestion.
        fixes: [suggestion({ title: `改为「扣 ${fmt(b.min)}」`, edits: [{ file: rule.file, start: node.span.start.offset, end: node.span.end.offset, newText: `扣 ${fmt(b.min)}` }] })],
      });
      continue;
    }
    const owner = rule.owner;
    if (owner.kind === "indicator" && !rule.overdraft && owner.points > 0 && b.max > owner.points && node.max && b.min <= owner.points) {
      out.push({
        file: rule.file,
        span: node.max.span,
        args: [rule.name, `的上限 ${fmt(b.max)} 分超过了本项分值 ${fmt(owner.points)} 分：超出的部分永远扣不到`],
        // Assessed amounts above the new maximum would no longer be accepted: a suggestion.
        fixes: [suggestion({ title: `将上限改为本项分值 ${fmt(owner.points)}`, edits: [replaceNumberEdit(ctx, rule.file, node.max, owner.points)] })],
      });
    }
  }
  return out;
}

export const discretionRange: LintRule = {
  id: "discretion-range",
  code: "KP3070",
  defaultSeverity: "warning",
  title: "酌情扣分范围不当",
  doc: {
    description:
      "「酌情 扣 a 至 b」的下限大于上限已由检查器报错（KP2031）。本规则报告检查器允许但不合理的情形：下限等于上限（没有酌情的余地，应写成固定扣分，建议改写），" +
      "以及上限超过本项分值（超出部分永远扣不到，建议把上限改为本项分值）；两者都会改变事实文件能填的内容，只是建议，不由 --fix 自动应用。",
    bad: '指标 「督查落实」 2分 {\n  规则 「督查整改」 「督查发现问题整改不力的，酌情扣1-1分」\n    酌情 扣 1 至 1\n}',
    good: '指标 「督查落实」 2分 {\n  规则 「督查整改」 「督查发现问题整改不力的，扣1分」\n    扣 1\n}',
  },
  check,
};
