// Measured quantities, not counts (session 29, helper cats): an area (or a length, a volume, a weight) is measured,
// and a fraction of it is scored in proportion — a linear rule (语言参考 §5.5), never a count of pieces (每个):
//   「坑洼积水,每平方米扣0.2分」                 → 基准 0 每超 1 扣 0.2     (the area found, from nothing)
//   「草高高于8cm,边缘不整齐,每平方米扣0.01分」    → 基准 0 每超 1 扣 0.01
//   「人均面积少1㎡扣1分」                        → 基准 目标值 每少 1 扣 1  (short of the standard the unit must meet,
//                                                   which the clause names — 人均面积 — but does not state)
// Only a unit of measure right after 每 (or after the step's number) and one deduction; a number before it must be
// a measure of its own (「高于8cm」: what is found, described), never a count or a bound on the amount.
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** Units of measure a step is written in: area, volume, length, weight. */
const MEASURE = "平方米|㎡|m2|立方米|m3|平方公里|公里|千米|延米|米|吨";
/** A number in the lead-in that is no measure (「高于8cm」 is one: what is found, described). */
const LEAD_NUMBER = /\d+(?:\.\d+)?(?!\d|\.\d|cm|厘米|mm|毫米|米)/;
/** A lead-in describing what is found holds no count, bound or scoring word. */
const NOT_LEAD = /每|扣|减|加|得|分|次|处|个|件|项|最多|上限|不超过|以上|以下|%/;

export const perMeasure: Pattern = (t) => {
  const m = rxt`^(.*?)每(${MEASURE}),?(?:扣|减)${NUM}分(?:,?扣完为止)?[。;,]?$`.exec(t);
  if (!m) return undefined;
  const lead = m[1]!.replace(/[,;]$/, "");
  if (NOT_LEAD.test(lead.replace(/高于|低于|超过/g, "")) || LEAD_NUMBER.test(lead)) return undefined;
  const x = numberText(m[3]!);
  if (x === undefined) return undefined;
  return reading([`基准 0 每超 1 扣 ${x}`], [x]);
};

/** 「人均面积少1㎡扣1分」: a per-head or total area short of its standard, by the step. */
export const measureShort: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^((?:人均|生均|户均)?[\\u4e00-\\u9fa5]{0,8}?面积)(?:每)?(?:少|减少|低于标准|不足)${NUM}(${MEASURE}),?(?:扣|减)${NUM}分(?:,?扣完为止)?[。;,]?$`.exec(t);
  if (!m) return undefined;
  const step = numberText(m[2]!);
  const x = numberText(m[4]!);
  if (step === undefined || x === undefined) return undefined;
  return reading([`基准 目标值 每少 ${step} 扣 ${x}`], [x]);
};

export const measuredPatterns: readonly Pattern[] = [perMeasure, measureShort];
