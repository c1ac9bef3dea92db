// The item's score as a whole, stated by its effect (session 25, helper s25-tune14): a clause that says what
// the whole item comes to rather than what is added or taken —
//   「违纪违法造成社会后果的本项考核为0分」「…此大项计0分」「该单项基准分扣完为止」「发现一件全扣」 → 不得分
//   「两次以上本项考核为0分」「淹死树木10株以上的该项不得分」                                → 分段 { ≥ 2次 不得分 }
// 语言参考: 不得分 is the item's points lost (§ 不得分); a bound that voids the item is a band of it.
import { normalise, NUM, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";
import type { ClauseContext } from "../index.js";
import { unitOf } from "../units.js";

/** 「本项考核为0分」「该项考核分为0分」「此大项计0分」「本单项得分为零分」: the item's score is nothing. */
const ITEM_ZERO = /(?:本|该|此)(?:大|单|小)?项(?:的)?(?:考核)?(?:总)?(?:分|得分|分数|分值)?(?:为|计|记|按)(?:0|零)分(?:计(?:算)?)?/g;
/** 「该单项基准分扣完为止」「本项分值全部扣除」「扣完该项分值」: the item's whole points taken, no amount named. */
// (and the verb first, 「扣完该项分值」「扣除本项全部分值」 — session 25, s25-tune15, xlsc-03)
const ITEM_ALL_TAKEN = /(?:(?:本|该|此)(?:大|单|小)?项)?(?:基准分|基础分|分值|分数)(?:扣完为止|全部扣(?:除|完))|扣(?:完|除|光)(?:本|该|此)(?:大|单|小)?项(?:的)?(?:全部|所有)?(?:基准分|基础分|分值|分数)(?=[。;.]?$)|(?<=[\u4e00-\u9fa5])全扣(?=[。;.]?$)/g;

/**
 * The clause with the item's score-as-a-whole words rewritten to 不得分, which the patterns read. The whole-points
 * phrases only when the clause names no amount of its own (「每处扣1分,扣完为止」 is a cap, not a loss of the item).
 */
export function rewordWholeItem(t: string, ctx: ClauseContext): string {
  let out = t.replace(ITEM_ZERO, "不得分");
  // 「单项基准2分,不符合要求,该单项基准分扣完为止」: the item's points stated first (as its base) are no amount of the clause
  const stated = ctx.points === null ? null : rxt`^(?:单项|本项|该项)?(?:基准分?|基础分|分值)(?:为)?${ctx.points.replace(".", "\\.")}分,`.exec(out);
  const rest = stated ? out.slice(stated[0].length) : out;
  if (!/\d+(?:\.\d+)?分/.test(rest) && new RegExp(ITEM_ALL_TAKEN.source).test(rest)) out = rest.replace(ITEM_ALL_TAKEN, "不得分");
  // a copy's trailing full stop 「.」 after the rewrite
  return out.replace(/不得分\.$/, "不得分。");
}

/** Measure words of things counted that the language has no count word for: the band keeps the bare number, as the corpus writes it. */
const MEASURE_ONLY = /^(?:株|棵)$/;

/** 「两次以上本项不得分」「10株以上的该项不得分」 after the rewrite: a count bound that voids the item. */
const ABOVE_VOID = rxt`^([^\\d,;。]*?)${NUM}([\\u4e00-\\u9fa5]{1,2}?)(?:\\(含\\)|及)?以上(?:的)?,?(?:(?:本|该|此)(?:大|单|小)?项)?不得分[。;]?$`;

/**
 * 「两次以上本项考核为0分」 → `分段 { ≥ 2次 不得分 }`: the count that voids the item (以上 includes the number, as
 * session 24 settled for bare 「N以上」). Not beside a sibling that writes the same number with 以下 (the other side
 * of the bound), not with a percentage or any other number, not with 每/扣/得 in the head.
 */
export const aboveVoidBand: Pattern = (t, ctx) => {
  const m = ABOVE_VOID.exec(t);
  if (!m) return undefined;
  const [, head, n, word] = m;
  if (/每|扣|减|加|得|计|记|以下|不足|低于|少于|未达|酌情|视情|否则|%/.test(head!)) return undefined;
  const value = numberText(n!);
  if (value === undefined || value === "1") return undefined;
  const unit = unitOf(word!);
  const measure = unit !== undefined ? unit.replace(/^每/, "") : MEASURE_ONLY.test(word!) ? "" : undefined;
  if (measure === undefined) return undefined;
  if ((ctx.siblings ?? []).some((s) => rxt`${n!}[^\\d,;。]{0,4}?(?:以下|以内)|(?:不足|低于|少于)${n!}`.test(normalise(s)))) {
    return refusal(`同一项的另一条条文以「${n}${word}以下」为界，「以上」「以下」哪一边含本数未能确定`);
  }
  return reading([`分段 { ≥ ${value}${measure} 不得分 }`], []);
};

export const wholeItemPatterns: readonly Pattern[] = [aboveVoidBand];

/**
 * The accounting check (accounting.ts): 「发现一次」「发生一起」 before the loss of the whole item is the fact that
 * voids it — one occurrence is enough, a second takes nothing more — so the one is placed by a reading that is
 * 不得分 (or 一票否决) alone.
 */
export function oneVoidsItem(value: string, unit: string, all: string): boolean {
  return value === "1" && /^(?:次|起|件|例|个|项|处)$/.test(unit) && /^(?:不得分|一票否决|一票否优)(?: (?:不得分|一票否决|一票否优))*$/.test(all);
}
