/**
 * band-gap: the bands of one 分段 rule leave values uncovered between them.  Computed exactly with
 * 含/不含 bounds (see bands.ts): [75%, 100%) beside [50%, 75%) is tight; [50%, 75%) beside (75%, 100%)
 * leaves 75% itself out; [93%, 100%] beside [0%, 92%) leaves [92%, 93%).  Values below the lowest
 * band or above the highest are not a gap (100% completion deducts nothing).
 *
 * Bands of a whole-number fact — every bound a whole number counted in 次, 个, 人 … — only meet
 * whole numbers: `≤ 1次` beside `≥ 2次` leaves (1, 2), which holds none, so it is not a gap.
 */
import type { Fix, RuleModel } from "@kaoping/core";
import { flipBoundEdit } from "../band-edits.js";
import { bandIntervals, gaps, intervalText, type Bound } from "../bands.js";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";

/** Measure words of counted things: a value measured in them is a whole number. */
const countWords = new Set(["次", "个", "件", "人", "人次", "件次", "起", "项", "篇", "家", "所", "户", "名", "例", "条", "处", "份", "批", "宗", "村", "座", "台", "张", "期", "单"]);
const UNIT = 1_000_000;

/**
 * Whether the bands count whole things: no percentage, every bound a whole number, at least one
 * bound measured in a count word and none in another measure (天, 万元 … may be fractional).
 */
function wholeNumberBands(rule: RuleModel): boolean {
  const b = rule.body;
  if (b.kind !== "bands" || b.percent) return false;
  const bounds = b.bands.flatMap((x) => [x.lower, x.upper]).filter((q) => q !== undefined);
  if (bounds.length === 0 || bounds.some((q) => q.percent || q.raw % UNIT !== 0)) return false;
  if (bounds.some((q) => q.measure !== undefined && !countWords.has(q.measure))) return false;
  return bounds.some((q) => q.measure !== undefined);
}

/** Whether a gap holds a whole number. */
function holdsWholeNumber(lo: Bound, hi: Bound): boolean {
  let n = Math.ceil(lo.v / UNIT) * UNIT;
  if (n === lo.v && !lo.inc) n += UNIT;
  return n < hi.v || (n === hi.v && hi.inc);
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    const bi = bandIntervals(rule);
    if (!bi || rule.body.kind !== "bands") continue;
    const award = rule.effect === "award";
    const whole = wholeNumberBands(rule);
    for (const g of gaps(bi.intervals)) {
      if (whole && !holdsWholeNumber(g.lo, g.hi)) continue;
      const range = g.above.band.node.range;
      if (!range) continue;
      const fixes: Fix[] = [];
      if (g.lo.v === g.hi.v) {
        // One value left out: include it in the band above (含下限), or else in the band below.
        const aboveIv = g.above.band.node.range?.kind === "Interval" ? g.above.band.node.range : undefined;
        const belowIv = g.below.band.node.range?.kind === "Interval" ? g.below.band.node.range : undefined;
        const e = (aboveIv && flipBoundEdit(ctx, rule.file, aboveIv, "lower")) ?? (belowIv && flipBoundEdit(ctx, rule.file, belowIv, "upper"));
        if (e) fixes.push(suggestion({ title: `让 ${intervalText(g.lo, g.hi, bi.percent)} 属于相邻的一段`, edits: [e] }));
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
      "按次数等整数计的分段（各界限都是整数，带「次」「个」「人」等量词）只看整数：「≤ 1次」与「≥ 2次」之间的 (1, 2) 没有整数，不算缺口。" +
      "缺口只有一个值时，建议让它属于相邻的一段（会改变这个值的计分，只作为建议，不由 --fix 自动应用）。",
    bad: '规则 「信息完成率」 「完成75%-100%（含75%，不含100%）扣0.2分；50%-75%（不含75%）扣0.4分；25%以下扣0.8分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    [50%, 75%) 扣 0.4\n    < 25% 扣 0.8\n  }',
    good: '规则 「信息完成率」 「完成75%-100%（含75%，不含100%）扣0.2分；50%-75%（不含75%）扣0.4分；25%-50%扣0.6分；25%以下扣0.8分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    [50%, 75%) 扣 0.4\n    [25%, 50%) 扣 0.6\n    < 25% 扣 0.8\n  }',
  },
  check,
};
