/**
 * band-overlap: two bands of one 分段 rule both contain some values; the compiled rule takes the
 * first band written, so the second silently loses those values.  `≥ 98%` and `[92%, 98%]` overlap at
 * 98%; `≥ 98%` and `[92%, 98%)` do not.
 */
import type { Fix } from "@kaoping/core";
import { flipBoundEdit } from "../band-edits.js";
import { bandIntervals, intervalText, overlaps } from "../bands.js";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    const bi = bandIntervals(rule);
    if (!bi) continue;
    for (const o of overlaps(bi.intervals)) {
      const range = o.second.band.node.range;
      if (!range) continue;
      const fixes: Fix[] = [];
      if (o.lo.v === o.hi.v) {
        // They meet at one value: exclude it from the band below it (含下限，不含上限).
        const [lower, upper] = o.first.lo.v < o.second.lo.v || (o.first.lo.v === o.second.lo.v && o.first.hi.v <= o.second.hi.v) ? [o.first, o.second] : [o.second, o.first];
        const lowerIv = lower.band.node.range?.kind === "Interval" ? lower.band.node.range : undefined;
        const upperIv = upper.band.node.range?.kind === "Interval" ? upper.band.node.range : undefined;
        // A band of one value ([x, x]) would become empty (KP2009): it cannot give the value up.
        const fromLower = lowerIv && lower.hi.v === o.lo.v && lower.lo.v !== lower.hi.v ? flipBoundEdit(ctx, rule.file, lowerIv, "upper") : undefined;
        const fromUpper =
          fromLower ? undefined : upperIv && upper.lo.v === o.lo.v && upper.lo.v !== upper.hi.v ? flipBoundEdit(ctx, rule.file, upperIv, "lower") : undefined;
        const e = fromLower ?? fromUpper;
        const keeper = fromLower ? upper : lower;
        if (e) {
          const fix = { title: `让 ${intervalText(o.lo, o.hi, bi.percent)} 只属于「${keeper.band.text}」`, edits: [e] };
          // The value is scored by the band written first: taking it from the later band changes
          // nothing computed (safe); taking it from the first band moves it (a suggestion).
          fixes.push(keeper === o.first ? fix : suggestion(fix));
        }
      }
      out.push({
        file: rule.file,
        span: range.span,
        args: [rule.name, o.first.band.text, o.second.band.text, intervalText(o.lo, o.hi, bi.percent)],
        fixes,
        related: [{ file: rule.file, span: o.first.band.node.span, message: `与之重叠的「${o.first.band.text}」` }],
      });
    }
  }
  return out;
}

export const bandOverlap: LintRule = {
  id: "band-overlap",
  code: "KP3021",
  defaultSeverity: "warning",
  title: "分段重叠",
  doc: {
    description:
      "同一「分段」规则中有两段包含相同的数值。计分时按先写的一段计，后一段在重叠部分永远不起作用。按「含」「不含」精确计算：「≥ 98%」与「[92%, 98%]」在 98% 重叠，" +
      "与「[92%, 98%)」不重叠。两段只在一个值上重叠时，修复让这个值只属于一段：从后写的一段中去掉它是安全的修复（它本来就按先写的一段计），从先写的一段中去掉则只是建议。",
    bad: '规则 「上级调训」 「完成率98%以上得0.2分、92%—98%得0.1分」\n  分段 {\n    ≥ 98% 得 0.2\n    [92%, 98%] 得 0.1\n  }',
    good: '规则 「上级调训」 「完成率98%以上得0.2分、92%—98%得0.1分」\n  分段 {\n    ≥ 98% 得 0.2\n    [92%, 98%) 得 0.1\n  }',
  },
  check,
};
