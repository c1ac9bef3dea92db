/**
 * band-gap: the bands of one 分段 rule leave values uncovered between them.  Computed exactly with
 * 含/不含 bounds (see bands.ts): [75%, 100%) beside [50%, 75%) is tight; [50%, 75%) beside (75%, 100%)
 * leaves 75% itself out; [93%, 100%] beside [0%, 92%) leaves [92%, 93%).  Values below the lowest
 * band or above the highest are not a gap (100% completion deducts nothing).
 */
import type { Fix } from "@kaoping/core";
import { flipBoundEdit } from "../band-edits.js";
import { bandIntervals, gaps, intervalText } from "../bands.js";
import type { Finding, LintContext, LintRule } from "../rule.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    const bi = bandIntervals(rule);
    if (!bi || rule.body.kind !== "bands") continue;
    const award = rule.effect === "award";
    for (const g of gaps(bi.intervals)) {
      const range = g.above.band.node.range;
      if (!range) continue;
      const fixes: Fix[] = [];
      if (g.lo.v === g.hi.v) {
        // One value left out: include it in the band above (含下限), or else in the band below.
        const aboveIv = g.above.band.node.range?.kind === "Interval" ? g.above.band.node.range : undefined;
        const belowIv = g.below.band.node.range?.kind === "Interval" ? g.below.band.node.range : undefined;
        const e = (aboveIv && flipBoundEdit(ctx, rule.file, aboveIv, "lower")) ?? (belowIv && flipBoundEdit(ctx, rule.file, belowIv, "upper"));
        if (e) fixes.push({ title: `让 ${intervalText(g.lo, g.hi, bi.percent)} 属于相邻的一段`, edits: [e] });
      }
      out.push({
        file: rule.file,
        span: range.span,
        args: [rule.name, intervalText(g.lo, g.hi, bi.percent), g.below.band.text, g.above.band.text, award ? "不属于任何一段，得 0 分" : "不属于任何一段，不扣分"],
        fixes,
        related: [{ file: rule.file, span: g.below.band.node.span, message: `缺口下方的一段「${g.below.band.text}」` }],
      });
    }
  }
  return out;
}

export const bandGap: LintRule = {
  id: "band-gap",
  code: "KP3020",
  defaultSeverity: "warning",
  title: "分段有缺口",
  doc: {
    description:
      "同一「分段」规则的各段之间有数值没有被覆盖，落在缺口中的数值既不扣分也不得分。按「含」「不含」精确计算：[50%, 75%) 与 [75%, 100%) 紧密相接；" +
      "[50%, 75%) 与 (75%, 100%) 之间漏掉了 75% 这一个值。百分数的开放端按 [0%, 100%] 理解；最低一段以下、最高一段以上的数值不算缺口。" +
      "缺口只有一个值时，修复会让它属于相邻的一段。",
    bad: '规则 「信息完成率」 「完成75%-100%（含75%，不含100%）扣0.2分；50%-75%（不含75%）扣0.4分；25%以下扣0.8分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    [50%, 75%) 扣 0.4\n    < 25% 扣 0.8\n  }',
    good: '规则 「信息完成率」 「完成75%-100%（含75%，不含100%）扣0.2分；50%-75%（不含75%）扣0.4分；25%-50%扣0.6分；25%以下扣0.8分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    [50%, 75%) 扣 0.4\n    [25%, 50%) 扣 0.6\n    < 25% 扣 0.8\n  }',
  },
  check,
};
