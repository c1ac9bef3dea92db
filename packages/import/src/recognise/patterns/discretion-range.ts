// Discretionary ranges (session 25, general class; 语言参考 §5.10, 模式 17 / 37): the assessors give an amount
// within a range the clause writes, once or per thing counted.
//   「…,酌情扣1~3分」「视情况扣2至5分」                → 酌情 扣 1 至 3
//   「…,酌情0.5-5分」 in a 减分 section (no verb)     → 酌情 扣 0.5 至 5   (the direction from the section)
//   「每处酌情0.5-2分」「每处有问题酌情1-2分」         → 每处 酌情 扣 0.5 至 2
//   「酌情每有1人扣2-5分」「每人扣分5-10分」           → 每人 酌情 扣 2 至 5
//   「…,每项酌情加0.2-0.5分」                         → 每项 酌情 得 0.2 至 0.5
// The direction is the clause's verb; with none, only the section (减分 → 扣, 加分 → 得) or an item named as
// deductions or bonuses (「…(扣分内容)」「加分项目」) gives it — the same facts the guard `section-effect` reads;
// otherwise a to-do. A count word the language lacks, another amount or number before the range, a range that
// falls (「5-2分」) or two ranges: left to the other patterns or a to-do.
import { NUM, numberText, rxt } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { amountsIn, capOf } from "../amounts.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";
import { statedDirection } from "./stated-direction.js";

/** What may stand between the counted noun and the range: a fault found there. */
const FAULT_AFTER_NOUN = "有问题|存在问题|不合格|不符合要求|不到位|不达标";

// (session 25, s25-tune15: the copy's double dash 「扣1——3分」 — normalised to 「--」 — and 「视情节严重」「视情节轻重」 are
// the same range and discretion word: bjlh-03)

/** A range at the end of the clause, loosely: what the near-misses below are found on. */
const RANGE_END = rxt`(酌情|视情况|视情节(?:轻重|严重)?|视情)?(扣除|扣减|扣|减|加|得)?(?:分)?${NUM}(?:分)?(?:-{1,2}|~|至|到)${NUM}分(?:/[\\u4e00-\\u9fa5]{1,2})?[。;,]?$`;

/** Why a range at the end of the clause cannot be read (never read by the older range pattern either), or undefined. */
function nearMiss(t: string): string | undefined {
  const r = RANGE_END.exec(t);
  if (!r || (r[1] === undefined && r[2] === undefined && !/酌情|视情/.test(t))) return undefined;
  const [min, max] = [numberText(r[3]!), numberText(r[4]!)];
  if (min !== undefined && max !== undefined && decimalCompare(min, max) > 0) return `条文的分值范围「${r[0].replace(/[。;,]$/, "")}」由大到小，未能确定（可能是抄录有误）`;
  const before = t.slice(0, r.index);
  const per = /每([\u4e00-\u9fa5]{1,2}?)(?:酌情|视情况)?$/.exec(before);
  if (per && unitOf(per[1]!) === undefined && !/^有/.test(per[1]!)) return `条文按「${per[0].replace(/酌情|视情况/, "")}」酌情计分，语言中没有这个计数单位，未能确定`;
  // a count or bound before the range (「3次以上的酌情扣1-2分」): which occurrences it takes is not written
  const bound = /\d+(?:\.\d+)?(?:次|件|个|项|人|处|起|例|%)?(?:以上|以下|及以上|及以下)|(?:超过|不足|少于|多于|低于|高于)\d+/.exec(before);
  if (bound) return `条文在酌情范围之前写有「${bound[0]}」，未能确定它的作用`;
  return undefined;
}

export const discretionRange: Pattern = (t0, ctx) => {
  // a cap after the range (「…每处酌情扣0.5-1分,最多扣3分」): only on a counted range, above its top
  const c = capOf(t0);
  const t = c ? c.rest : t0;
  const miss = nearMiss(t);
  if (miss !== undefined) return refusal(miss);
  const m = rxt`^([^;]*?)[,。]?(酌情|视情况|视情节(?:轻重|严重)?|视情)?(?:每(?:有|发现|出现|查出|查实)?(?:[一1])?(${NOUNS})(?:${FAULT_AFTER_NOUN})?)?(酌情|视情况|视情节(?:轻重|严重)?|视情)?(扣除|扣减|扣|减|加|得)?(分)?${NUM}(?:分)?(?:-{1,2}|~|至|到)${NUM}分(?:/(${NOUNS}))?[。;,]?$`.exec(t);
  if (!m) return undefined;
  const [, head, d1, noun, d2, verbWord, verbPoints, a, b, slashNoun] = m;
  const discretionary = d1 !== undefined || d2 !== undefined;
  // a bare range with neither 酌情 nor a verb (「死亡3-5人」 is not one; 「0.5-2分」 alone says nothing of who gives it)
  if (!discretionary && verbWord === undefined) return undefined;
  // 「每人扣分5-10分」: 扣分 before the range; 「每处扣0.5-2分」 is read by the range pattern (kinds.ts) as before
  if (!discretionary && noun === undefined && verbPoints === undefined) return undefined;
  // another amount, number or count before the range: the other patterns (or a to-do)
  if (/\d|每|分|按次/.test(head!) || rxt`[一二两三四五六七八九十](?:${NOUNS})`.test(head!)) return undefined;
  const [min, max] = [numberText(a!), numberText(b!)];
  if (min === undefined || max === undefined || decimalCompare(min, max) >= 0) return undefined;
  if (noun !== undefined && slashNoun !== undefined) return refusal("条文既按「每…」又按「/…」酌情计分，未能确定计数单位");
  const counted = noun ?? slashNoun;
  const unit = counted !== undefined ? unitOf(counted) : undefined;
  if (counted !== undefined && unit === undefined) return undefined;
  const action = verbWord !== undefined ? (/^(?:扣除|扣减|扣|减)$/.test(verbWord) ? "扣" : "得") : statedDirection(ctx);
  if (action === undefined) return refusal("条文酌情给出分值范围，但没有写明是扣分还是加分，本项也没有说明，未能确定");
  if (c !== undefined && (c.value === null || unit === undefined || decimalCompare(c.value, max) <= 0)) return undefined;
  const capText = c?.value != null ? ` 上限 ${c.value}` : "";
  return reading([`${unit !== undefined ? `${unit} ` : ""}酌情 ${action} ${min} 至 ${max}${capText}`], amountsIn(t0));
};
