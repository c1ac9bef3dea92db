/**
 * Numbers a rule writes that the clause states only as a computation (clause-mismatch's false alarms
 * on the session 24 fresh sets):
 *
 * - 「按其(未)完成比例扣分,扣满5分为止」「≥50%的按比例得分」: N points times a share is N/100 per
 *   percentage point — a step of 1% (or 1个百分点) whose amount times 100 is an amount of the clause
 *   or the item's points; the clause's N is then the code's amount × 100;
 * - 「分别减总分的5%、15%」「增减分不超过基本分50%」「最多增加该项分值50%」: a share of the item's
 *   points, listed after the words that name the points;
 * - 「超额完成10%(含)至20%加1分,20%(含)至30%加2分,依次类推」: bands written out from the first ones,
 *   their bounds and amounts going on by the step the clause shows;
 * - 「引进新品种3分」 as `≥ 1个`: a one-sided band that starts at 1 (any at all) is what the clause
 *   says in words.
 *
 * - 「合格率为70%89%按比例增分」: a step of 1 (per cent or percentage point) is the proportion's unit;
 * - 「得分=70×实际达标率-63」 in a 7-point item (70 − 63 = 7 at 100%): a step of one percentage point worth 0.7;
 * - 「没有贫困村的乡镇计10分」 in a 15-point item, written `扣 5`: the item's score in that case, the
 *   deduction the rest of its points;
 * - 「完成任务的得25分;每增减1%,加减1分,最高加至30分」 in an item of 25 points: 30 is the score's ceiling,
 *   so the award side's cap is 30 − 25 = 5 (session 26).
 *
 * - 「每完成任务一个百分点得0.1分,共10分」 as `按比率 得分 满分 10`: the rate's score point by point, each
 *   percentage point worth the 满分's hundredth (session 27).
 *
 * Each reading accounts for a number only when the clause says the words it rests on (比例, 总分的,
 * 依次类推, 加至), so a number changed by hand still disagrees.
 */
import type { RuleModel } from "@kaoping/core";
import { halfWidth, type ClauseNumber } from "./clause.js";
import { rawOf, type RuleNumber } from "./util.js";

const ONE = 1_000_000;

/** The item's points (a section's cap), when stated. */
function pointsOf(rule: RuleModel): number | undefined {
  return rule.owner.kind === "indicator" ? rule.owner.points : rule.owner.cap;
}

/** 「按比例」: a share times the points, when the rule's step is 1% or one percentage point. */
function proportional(rule: RuleModel, code: readonly RuleNumber[]): boolean {
  return /比例|比率/.test(rule.clause) && code.some((c) => c.role === "step" && c.raw === ONE);
}

/** Values a per-percentage-point amount may be the hundredth of: the clause's amounts and the points. */
function hundredfold(rule: RuleModel, text: readonly ClauseNumber[]): Set<number> {
  const s = new Set<number>(text.filter((t) => t.amount && !t.percent).map((t) => t.raw));
  const p = pointsOf(rule);
  if (p !== undefined && /满分|滿分|标准分|標準分|分值|基本分/.test(rule.clause)) s.add(p);
  if (p !== undefined && text.every((t) => !t.amount)) s.add(p);
  return s;
}

/** 「总分的5%、15%」「基本分50%」「该项分值50%」: the percentages listed right after the words that name the points. */
function sharesOfPoints(clause: string, text: readonly ClauseNumber[], role: "amount" | "cap"): ClauseNumber[] {
  const out: ClauseNumber[] = [];
  for (const m of clause.matchAll(/(?:总分|總分|分值|基本分|标准分|標準分|满分|滿分)的?\s*(?:的)?(?=[0-9０-９])/g)) {
    // 「不超过基本分50%」「最多增加该项分值50%」 is a cap; 「分别减总分的5%」 an amount.
    const capWords = /(?:不超过|不超過|不得超过|最多|最高|至多|上限|封顶)[^，,。；;\d]{0,8}$/.test(clause.slice(Math.max(0, m.index - 12), m.index));
    if (capWords !== (role === "cap")) continue;
    const at = m.index + m[0].length;
    let end = at;
    for (const t of text) {
      if (t.start < end) continue;
      if (!t.percent || !/^[\s%％、,，和及]*$/.test(clause.slice(end, t.start))) break;
      if (t.start !== at && !/[、,，和及]/.test(clause.slice(end, t.start))) break;
      out.push(t);
      end = t.end;
    }
  }
  return out;
}

/** The arithmetic progression of values a clause states before 「依次类推」: first value and step (negative going down). */
function progression(values: readonly number[]): { first: number; step: number } | undefined {
  const distinct = [...new Set(values)];
  if (distinct.length < 2) return undefined;
  const step = distinct[1]! - distinct[0]!;
  if (step === 0) return undefined;
  for (let i = 2; i < distinct.length; i++) if (distinct[i]! - distinct[i - 1]! !== step) return undefined;
  return { first: distinct[0]!, step };
}

/** On the progression, from its first value on in the direction it goes, within [0, max]. */
function onProgression(v: number, p: { first: number; step: number } | undefined, max: number): boolean {
  return !!p && v >= 0 && v <= max && (p.step > 0 ? v >= p.first : v <= p.first) && (v - p.first) % p.step === 0;
}

/**
 * 「最高加至30分」「加到10分为止」 above the item's points: the most the item's score reaches with the award,
 * as points (the award side's cap is it less the points), with the words; undefined when the clause says
 * no such ceiling or it is not above the item's points (「每條加0.5分,加到1分為止」 in a section is a cap).
 */
export function scoreCeiling(rule: RuleModel, text: readonly ClauseNumber[]): { raw: number; cap: number; said: ClauseNumber; words: string } | undefined {
  if (rule.owner.kind !== "indicator") return undefined;
  const points = rule.owner.points;
  for (const t of text) {
    if (!t.amount || t.percent) continue;
    const m = /(?:(?:最高|最多)\s*)?(?:加|增)(?:至|到)\s*$/.exec(rule.clause.slice(Math.max(0, t.start - 6), t.start));
    if (m && t.raw > points) return { raw: t.raw, cap: t.raw - points, said: t, words: m[0].trimEnd() + t.text };
  }
  return undefined;
}

/**
 * The item's score a one-shot deduction's clause states instead of the deduction (「没有贫困村的乡镇计10分」
 * in a 15-point item for `扣 5`): the clause's one amount, after a verb of scoring, less than the points by
 * exactly the rule's amount.
 */
export function statedScore(rule: RuleModel, text: readonly ClauseNumber[]): ClauseNumber | undefined {
  const b = rule.body;
  if (rule.owner.kind !== "indicator" || b.kind !== "once" || rule.effect !== "deduct" || b.overrides.length > 0) return undefined;
  const amounts = text.filter((t) => t.amount && !t.percent);
  const t = amounts[0];
  if (amounts.length !== 1 || !t || !/[计計记記得]\s*$/.test(rule.clause.slice(Math.max(0, t.start - 2), t.start))) return undefined;
  return t.raw < rule.owner.points && rule.owner.points - t.raw === b.amount ? t : undefined;
}

/**
 * 「得分=70×实际达标率-63」: a score linear in a rate, A × rate − B, that is the item's points at 100% (A − B):
 * A's hundredth a percentage point.  Returns A, or undefined when the clause writes no such formula.
 */
function rateFormula(rule: RuleModel): number | undefined {
  const points = pointsOf(rule);
  const m = /得分\s*[=＝]\s*(\d+(?:\.\d+)?)\s*[×xXＸ＊*]\s*[^，,。；;\d=＝]{0,10}率\s*[-－—]\s*(\d+(?:\.\d+)?)/.exec(rule.clause);
  const a = m ? rawOf(m[1]!) : undefined;
  const b = m ? rawOf(m[2]!) : undefined;
  return a !== undefined && b !== undefined && points !== undefined && a - b === points ? a : undefined;
}

/**
 * 「每完成任务一个百分点得0.1分」「完成率每1%计0.4分」: the amount a percentage point of a rate is worth, when
 * it is the hundredth of a 按比率 or 按评价 rule's 满分 — the rate times the 满分, said point by point.  Returns
 * the clause's amount, or undefined.
 */
export function perPointOfRate(rule: RuleModel, text: readonly ClauseNumber[]): ClauseNumber | undefined {
  const b = rule.body;
  if (b.kind !== "rate" && b.kind !== "assessed") return undefined;
  const clause = halfWidth(rule.clause);
  return text.find(
    (t) =>
      t.amount &&
      !t.percent &&
      !t.cap &&
      BigInt(t.raw) * 100n === BigInt(b.max) &&
      /每[^，,。；;\d]{0,10}?(?:[一1]\s*个|1\s*)?(?:百分点|%)\s*(?:得|加|计|計|记|記|给|給)\s*$/.test(clause.slice(Math.max(0, t.start - 24), t.start)),
  );
}

/** A code number the clause states as a computation (see the module's comment). */
export function derivedCodeNumber(n: RuleNumber, rule: RuleModel, code: readonly RuleNumber[], text: readonly ClauseNumber[]): boolean {
  const points = pointsOf(rule);
  if (n.role === "cap" && scoreCeiling(rule, text)?.cap === n.raw) return true;
  if (n.role === "amount" && statedScore(rule, text)) return true;
  const formula = rule.body.kind === "linear" ? rateFormula(rule) : undefined;
  if (formula !== undefined && ((n.role === "step" && n.raw === ONE) || (n.role === "amount" && BigInt(n.raw) * 100n === BigInt(formula)))) return true;
  // 「70%—89%按比例增分」: in proportion, point by point — a step of 1 (session 26).
  if (n.role === "step" && n.raw === ONE && /按[^，,。；;\d]{0,6}比例/.test(rule.clause)) return true;
  if (n.role === "amount" && proportional(rule, code) && hundredfold(rule, text).has(n.raw * 100)) return true;
  if ((n.role === "amount" || n.role === "cap") && points !== undefined) {
    if (sharesOfPoints(rule.clause, text, n.role).some((t) => BigInt(points) * BigInt(t.raw) === BigInt(n.raw) * 100_000_000n)) return true;
  }
  if (rule.body.kind === "bands" && /[依以]次类推|[依以]此类推|[依以]次類推/.test(rule.clause)) {
    if (n.role === "threshold") {
      const p = progression(text.filter((t) => t.percent === n.percent && !t.amount).map((t) => t.raw));
      if (onProgression(n.raw, p, n.percent ? 100 * ONE : Number.MAX_SAFE_INTEGER)) return true;
    }
    if (n.role === "amount") {
      const stated = text.filter((t) => t.amount && !t.cap && !t.percent).map((t) => t.raw);
      const max = Math.max(points ?? 0, ...text.filter((t) => t.amount && !t.percent).map((t) => t.raw));
      if (onProgression(n.raw, progression(stated), max)) return true;
    }
  }
  // 「引进新品种3分」: `≥ 1个` is any at all.
  if (n.role === "threshold" && !n.percent && n.raw === ONE && rule.body.kind === "bands") {
    const band = rule.body.bands.find((b) => b.lower?.raw === ONE && b.lowerInclusive && b.upper === undefined);
    if (band && !text.some((t) => !t.percent && t.raw === ONE)) return true;
  }
  return false;
}

/** The clause caps the rule at a share of the item's points (「增减分不超过基本分50%」). */
export function statesShareCap(rule: RuleModel, text: readonly ClauseNumber[]): boolean {
  return sharesOfPoints(rule.clause, text, "cap").length > 0;
}

/** The caps a clause states as shares of the item's points, as points (「不超过基本分50%」 of 20: 10). */
export function shareCaps(rule: RuleModel, text: readonly ClauseNumber[]): { raw: number; share: ClauseNumber }[] {
  const points = pointsOf(rule);
  if (points === undefined) return [];
  const out: { raw: number; share: ClauseNumber }[] = [];
  for (const t of sharesOfPoints(rule.clause, text, "cap")) {
    const v = (BigInt(points) * BigInt(t.raw)) / 100_000_000n;
    if ((BigInt(points) * BigInt(t.raw)) % 100_000_000n === 0n) out.push({ raw: Number(v), share: t });
  }
  return out;
}

/**
 * Clause amounts a rule's code accounts for by a computation: the N of 「按比例扣分,扣满N分为止」, the
 * ceiling T of 「最高加至T分」 when the code's cap is T less the item's points.
 */
export function derivedClauseAmounts(rule: RuleModel, code: readonly RuleNumber[], text: readonly ClauseNumber[]): Set<number> {
  const s = new Set<number>();
  if (proportional(rule, code)) for (const c of code) if (c.role === "amount" && !c.percent) s.add(c.raw * 100);
  const ceiling = scoreCeiling(rule, text);
  if (ceiling && code.some((c) => c.role === "cap" && c.raw === ceiling.cap)) s.add(ceiling.raw);
  const score = statedScore(rule, text);
  if (score) s.add(score.raw);
  const perPoint = rule.body.kind === "rate" ? perPointOfRate(rule, text) : undefined;
  if (perPoint) s.add(perPoint.raw);
  return s;
}
