/**
 * ineffective-cap: a cap that can never bind.  A rule's (or a 合计 / 就高 group's) cap larger than the
 * indicator's points — the indicator's own floor (扣完为止) bites first; a rule cap larger than its
 * 加分 / 减分 section's cap; a cap larger than the most a bounded rule can ever deduct (one-shot,
 * bands, shortfall, discretion).  A cap equal to the indicator's points is the explicit 扣完为止 and
 * is fine.  Rules that may deduct beyond their indicator (倒扣) are not checked against its points.
 *
 * The fixes (lower the cap, or delete it) change no score when the cap really never binds: always for
 * a cap above the group's or section's cap or above what the rule can deduct; for a cap above the
 * indicator's points only when the indicator cannot start above its points (startsWithinPoints) —
 * otherwise they are suggestions.  A rule with 可减免 is reduced after its cap (the reduction is bounded
 * by the capped deduction), so there its cap always matters: the fixes are suggestions.
 */
import type { CapGroup, CapModifier, Fix, HighestGroup, NumberLit } from "@kaoping/core";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { startsWithinPoints } from "./missing-cap.js";
import { boundedMaximum, deleteWithLeadingBlanks, fmt, ownerLabel, replaceNumberEdit } from "../util.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    if (rule.cap === undefined) continue;
    const mod = rule.node.modifiers.find((m): m is CapModifier => m.kind === "Cap");
    if (!mod?.value) continue;
    const owner = rule.owner;
    const removeFix: Fix = { title: "删除这个上限", edits: [deleteWithLeadingBlanks(ctx, rule.file, mod.span.start.offset, mod.span.end.offset)] };
    const subject = `规则「${rule.name}」`;
    // 可减免 applies after the rule's cap: changing the cap changes what is left after the reduction
    const reducible = rule.waivers.some((w) => w.mode === "reduce");
    const guard = (f: Fix): Fix => (reducible ? suggestion(f) : f);
    if (owner.kind === "indicator" && !rule.overdraft && rule.cap > owner.points && owner.points > 0) {
      out.push({
        file: rule.file,
        span: mod.span,
        args: [subject, fmt(rule.cap), `它超过了所在${ownerLabel(owner)}的分值 ${fmt(owner.points)} 分，本项扣完为止时上限还没到`],
        fixes: [{ title: `将上限改为本项分值 ${fmt(owner.points)}`, edits: [replaceNumberEdit(ctx, rule.file, mod.value, owner.points)] }, removeFix].map((f) =>
          startsWithinPoints(owner) && !reducible ? f : suggestion(f),
        ),
      });
      continue;
    }
    if (rule.group?.cap !== undefined && rule.cap > rule.group.cap) {
      out.push({
        file: rule.file,
        span: mod.span,
        args: [subject, fmt(rule.cap), `它超过了所在合计组的上限 ${fmt(rule.group.cap)} 分`],
        fixes: [{ title: `将上限改为 ${fmt(rule.group.cap)}`, edits: [replaceNumberEdit(ctx, rule.file, mod.value, rule.group.cap)] }, removeFix].map(guard),
      });
      continue;
    }
    if (owner.kind !== "indicator" && owner.cap !== undefined && rule.cap > owner.cap) {
      out.push({
        file: rule.file,
        span: mod.span,
        args: [subject, fmt(rule.cap), `它超过了所在${ownerLabel(owner)}的上限 ${fmt(owner.cap)} 分`],
        fixes: [{ title: `将上限改为 ${fmt(owner.cap)}`, edits: [replaceNumberEdit(ctx, rule.file, mod.value, owner.cap)] }, removeFix].map(guard),
      });
      continue;
    }
    const max = boundedMaximum(rule, owner.kind === "indicator" ? owner.points : undefined);
    if (max !== undefined && rule.cap > max) {
      out.push({
        file: rule.file,
        span: mod.span,
        args: [subject, fmt(rule.cap), `这条规则最多只扣 ${fmt(max)} 分，达不到上限`],
        fixes: [removeFix],
      });
    }
  }
  // Group caps against the indicator's points.
  const seen = new Set<CapGroup | HighestGroup>();
  for (const rule of ctx.catalogue.rules) {
    const g = rule.group;
    const owner = rule.owner;
    if (!g || g.cap === undefined || g.node.kind === "ChoiceGroup" || seen.has(g.node) || owner.kind !== "indicator") continue;
    seen.add(g.node);
    const capLit: NumberLit | undefined = g.node.cap;
    if (!capLit || g.cap <= owner.points || owner.points <= 0 || g.rules.some((r) => r.overdraft)) continue;
    const word = g.kind === "cap" ? "合计" : "就高";
    out.push({
      file: rule.file,
      span: capLit.span,
      args: [`${word}组`, fmt(g.cap), `它超过了所在${ownerLabel(owner)}的分值 ${fmt(owner.points)} 分，本项扣完为止时上限还没到`],
      fixes: [{ title: `将上限改为本项分值 ${fmt(owner.points)}`, edits: [replaceNumberEdit(ctx, rule.file, capLit, owner.points)] }].map((f) =>
        startsWithinPoints(owner) ? f : suggestion(f),
      ),
    });
  }
  return out;
}

export const ineffectiveCap: LintRule = {
  id: "ineffective-cap",
  code: "KP3003",
  defaultSeverity: "info",
  title: "上限不起作用",
  doc: {
    description:
      "上限比所在指标的分值还大（扣完为止先起作用），比所在合计组或加分/减分项的上限还大，或比规则本身最多能扣的分还大（一次性扣分、分段、至少……每少、酌情扣分）时，这个上限永远达不到。" +
      "上限等于指标分值是明确写出的「扣完为止」，不报告；可倒扣的规则不按本项分值检查。" +
      "修复：把上限改为本项分值，或删除上限。若条文原文就是这样写的，可以用抑制注释说明。",
    bad: '指标 「值班工作」 1分 {\n  规则 「值班在岗」 「值班人员不在岗的，1次扣0.5分，最多扣2分」\n    每次 扣 0.5 上限 2\n}',
    good: '指标 「值班工作」 1分 {\n  规则 「值班在岗」 「值班人员不在岗的，1次扣0.5分，扣完为止」\n    每次 扣 0.5 上限 1\n}',
  },
  check,
};
