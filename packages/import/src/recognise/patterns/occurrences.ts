// Counts a clause writes after the fact, distributive words, points in brackets without 分, and steps
// whose cap is the item's points (session 23, from the sixth and seventh fresh sets).
//   「迟到或早退一次，扣5分」「凡缺勤一次(除…外)扣10分」 → 每次 扣 5
//   「任一項過程性資料不詳實扣2分，扣完為止」「少任一扣3分」 → 每项 扣 2
//   「建立完善的安全生产责任制度，做到制度上墙。(2.5)」 → as 「…(2.5分)」
//   「发现率低于95%的，每少1%扣0.5分，扣完为止」 → 基准 95% 每少 1% 扣 0.5
//   「就业培训服务率达90%以上；(2分)」 → 分段 { ≥ 90% 得 2 }
//
// Occurrences and pieces counted (session 24, s24-tune13): a discretionary range per occurrence, an extra award
// per piece, an award on having one with a cap above it, either of two kinds of occurrence.
//   「每出现一次险情扣4-10分」「发生1起…扣除2-5分」           → 每次 酌情 扣 4 至 10
//   「被…采用,每条计300分,加按语转发另加75分」               → 每条 得 300 + 每条 得 75
//   「有一次节能工作会议纪要的得1分,最多得2分」               → 每次 得 1 上限 2
//   「发生1起违法违规行为或发生1起未按规定…的行为,扣2分,扣满10分为止」 → 每起 扣 2 上限 10
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { decimalCompare } from "../../decimal.js";
import { unitOf } from "../units.js";
import { countPatterns } from "./count.js";
import { baseLinear } from "./linear.js";
import { singleBand } from "./bands.js";

/** Words that make a clause more than one plain deduction. */
const MORE = /分别|各|加倍|减半|其中|否则|视情|酌情|比例|至少|不少于|不得少于|以上|以下|低于|高于|超过|%|\//;

/** 「迟到或早退一次，扣5分」: one occurrence of the fact, after it — per occurrence. */
export const onceAfterFact: Pattern = (t0) => {
  const cap = capOf(t0);
  if (cap && cap.value !== null) return undefined;
  const t = cap ? cap.rest : t0;
  const m = rxt`^((?:[^,;。\\d]*[,;])*?)((?:凡|如|若)?[^,;。\\d每]*?)(?<![仅只少缺第])[一1](次|起|例)(?:\\([^()\\d]*\\))?,?(?:的)?,?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || MORE.test(t) || m[2] === "" || /发现|出现|发生|查实|有$/.test(m[2]!)) return undefined;
  const amount = numberText(m[4]!);
  if (amount === undefined) return undefined;
  return reading([`${unitOf(m[3]!)} 扣 ${amount}`], [amount]);
};

/** 「任一項…扣2分，扣完為止」「少任一扣3分」: a deduction for each one (「任一…扣5分」 alone stays a to-do). */
export const anyOne: Pattern = (t0) => {
  const cap = capOf(t0);
  if (cap && cap.value !== null) return undefined;
  const t = cap ? cap.rest : t0;
  const m = rxt`^[^,;。\\d]*?(少|缺)?任一(项|个|件|条|处|次)?[^,;。\\d]*?(?:的)?,?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || MORE.test(t) || /不得分|不计分|不记分/.test(t)) return undefined;
  // (「任一项指标未完成的扣5分」 may be once for any: only what is missing, or a deduction until the points
  // are gone, counts each one)
  if (m[1] === undefined && !cap) return undefined;
  const amount = numberText(m[3]!);
  if (amount === undefined) return undefined;
  return reading([`${m[2] ? unitOf(m[2]) : "每项"} 扣 ${amount}`], [amount]);
};

/** 「…做到制度上墙。(2.5)」: a checklist item whose bracketed points lost their 分 (at most the item's). */
export const bracketNoFen: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null || amountsIn(t).length > 0) return undefined;
  const m = /\((\d+(?:\.\d+)?)\)[。;,]?$/.exec(t);
  if (!m || decimalCompare(m[1]!, ctx.points) > 0 || /\d/.test(t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, ""))) return undefined;
  const fixed = `${t.slice(0, m.index)}(${m[1]}分)`;
  for (const p of countPatterns) {
    const r = p(fixed, ctx);
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || r.bodies[0] !== `得 ${numberText(m[1]!)}`) return undefined;
    return reading(r.bodies, []);
  }
  return undefined;
};

/** 「…每少1%扣0.5分，扣完为止」: 扣完为止 is the item's points — the linear step without it. */
export const exhaustedBase: Pattern = (t, ctx) => {
  const cap = capOf(t);
  if (!cap || cap.value !== null) return undefined;
  const r = baseLinear(cap.rest, ctx);
  return r?.kind === "reading" ? r : undefined;
};

/** 「残疾人就业率达90%以上；(2分)」: a bound, then its points in brackets — the band's award. */
export const bracketBand: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  // (only after the clause's own end, 「…;(2分)」: a bracketed task inside a clause, 「培训完成率达到90%以上(0.1分)」,
  // stays a to-do — see seedfix.test.ts)
  const m = rxt`;\\(${NUM}分\\)[。;,]?$`.exec(t);
  if (!m || amountsIn(t.slice(0, m.index)).length > 0 || /扣|减|得|加|计|记|未|不|没有/.test(t.slice(0, m.index))) return undefined;
  const head = t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, "");
  const r = singleBand(`${head},得${m[1]}分`, ctx);
  return r?.kind === "reading" ? r : undefined;
};

export const occurrencePatterns: readonly Pattern[] = [onceAfterFact, anyOne, bracketNoFen, exhaustedBase, bracketBand];

/** Count words of one occurrence (「出现一次」「发生1起」) and the language's word for each. */
const OCCURRENCE_UNIT: Readonly<Record<string, string>> = { 次: "每次", 起: "每起", 例: "每例", 处: "每处" };

/**
 * 「每出现一次险情扣4-10分」「出现一次溺水死亡事件扣4-10分」: a discretionary range on an occurrence counted
 * in the clause (one occurrence, one count word, nothing else counted) is per occurrence (as 「发生一起…扣2分」
 * is 每起, and 「每起扣1-2分」 is 每起 酌情, 语言参考 §5.10). Only one sentence, one range, no other number.
 */
export const occurrenceRange: Pattern = (t) => {
  const m = rxt`^((?:[^;。]*?,)?)([^,;。]*?)(?:每)?(?:出现|发生|发现|查实)(?:了)?[一1](次|起|例|处)([^,;。\\d]*?),?(?:将|则)?(?:酌情)?(?:扣|减)${NUM}(?:分)?(?:-|至|到|~)${NUM}分[。;,]?$`.exec(t);
  if (!m) return undefined;
  const [, before, head, unit, , a, b] = m;
  // (the sentences before it say what is required: no number, no count, no other amount in them — else a
  // to-do: the range pattern after this one would read the range and drop the count)
  if (/\d|[一二两三四五六七八九十](?:次|起|例|处|件|个|项|人)|每|分/.test(head!) || /\d|每|(?:扣|减|得|加)[\d一二两三四五六七八九十]|分/.test(before!)) {
    return refusal("条文写有「出现一次」之类的计数和酌情扣分的范围，前面又有其他数或计数，未能确定是一次性扣分还是按次扣分");
  }
  const [min, max] = [numberText(a!), numberText(b!)];
  if (min === undefined || max === undefined) return undefined;
  return reading([`${OCCURRENCE_UNIT[unit!]!} 酌情 扣 ${min} 至 ${max}`], amountsIn(t));
};

/** Count words a 「每N计P分」 award is written in, and the language's word. */
const AWARD_UNIT: Readonly<Record<string, string>> = { 条: "每条", 篇: "每篇", 次: "每次", 件: "每件", 项: "每项" };

/**
 * 「被…采用,每条计300分,加按语转发另加75分」: an award per piece and, for the pieces the later part names,
 * a second award per piece (「另加」「再加」) — two rules on the same count word, the second's fact the pieces
 * with the extra (the hand's reading, phsj-01). The later part must name its pieces (not be empty) and the
 * clause write no other amount, no cap and no deduction.
 */
export const extraPerPiece: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  const m = rxt`^([^;。]*?)每(条|篇|次|件|项)(?:计|记|得|加)${NUM}分,([^,;。\\d]{2,20}?)(?:另|再)加${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, head, unit, a, extra, b] = m;
  if (/\d|扣|减|上限|最多|最高|不超过|累计|为止/.test(head! + extra!)) return undefined;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined) return undefined;
  const w = AWARD_UNIT[unit!]!;
  return reading([`${w} 得 ${x}`, `${w} 得 ${y}`], amountsIn(t));
};

/**
 * 「有一次节能工作会议纪要的得1分,最多得2分」: an award on having one occurrence with a cap above the amount —
 * the cap says the award is counted (per occurrence), as 「每次得1分,最多得2分」. Without the cap (「有一次…得1分」)
 * it is having one, read elsewhere.
 */
export const cappedOccurrenceAward: Pattern = (t, ctx) => {
  const m = rxt`^有(?:一|1)(次|篇|条|件|项)([^,;。\\d]*?)(?:的)?,?(?:得|加|计|记)${NUM}分,(?:最多|最高)(?:得|加|计|记)?${NUM}分[。;]?$`.exec(t);
  if (!m || ctx.section === "减分") return undefined;
  const [, unit, , a, b] = m;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined || decimalCompare(y, x) <= 0) return undefined;
  return reading([`${AWARD_UNIT[unit!]!} 得 ${x} 上限 ${y}`], amountsIn(t));
};

/**
 * 「发生1起违法违规行为或发生1起未按规定…的行为(…),扣2分,扣满10分为止」: one occurrence of either of two
 * kinds, both counted in the same word, with a cap the deductions fill — per occurrence (as 「发生一起…扣2分」
 * alone is 每起). Every alternative must count one in the same word.
 */
export const alternativeOccurrences: Pattern = (t) => {
  const m = rxt`^((?:(?:发生|出现|发现)[一1](起|次|例)[^,;。\\d()]*?或)+)(?:发生|出现|发现)[一1](起|次|例)[^,;。\\d()]*?(?:\\([^()\\d]*\\))?,?扣${NUM}分,(?:扣满|扣完|最多扣)${NUM}分(?:为止)?[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, alts, , last, a, b] = m;
  const units = [...alts!.matchAll(/(?:发生|出现|发现)[一1](起|次|例)/g)].map((x) => x[1]);
  if (units.some((u) => u !== last)) return undefined;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined || decimalCompare(y, x) <= 0) return undefined;
  return reading([`${OCCURRENCE_UNIT[last!]!} 扣 ${x} 上限 ${y}`], amountsIn(t));
};
