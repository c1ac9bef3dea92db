// Amounts, caps and thresholds in a normalised clause: what a reading must account for.
import { NUM, numberText, rx, rxt, rxg } from "./normalise.js";
import { withoutClockMinutes } from "./clock.js";
import { withoutScoreBounds } from "./score-bounds.js";

/** 「三分类」「三分之一」「十分钟」: 分 begins another word there, not a points amount. */
export const NOT_WORD = "(?!类|析|工|布|解|管|批|散|钟|之|段|化)";

/** Every points amount written in the clause (「扣2分」「0.5分」「记 3 分」), as decimal text, in order. */
export function amountsIn(t0: string): string[] {
  const out: string[] = [];
  // 「8点05分前」「30分鐘以內」: minutes, never points (clock.ts); 「学习积分未达41分」: a measured score's bound (score-bounds.ts)
  const t = withoutScoreBounds(withoutClockMinutes(t0));
  const re = rxg`${NUM}分${NOT_WORD}`;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    // 「90分以上」「满意度80分」 are values of a fact, not amounts: the threshold guard handles them
    const v = numberText(m[1]!);
    if (v !== undefined) out.push(v);
  }
  // 「未落实的扣2」: an amount whose 分 the copy dropped
  const bare = rxg`(?:扣|减|加|得)${NUM}(?=$|[,;。)])`;
  for (let m = bare.exec(t); m; m = bare.exec(t)) {
    const v = numberText(m[1]!);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** A cap written in the clause, removed from the text the body is read from. */
export interface CapReading {
  /** The cap's decimal text, or null for 扣完为止 (the indicator's points: nothing to write). */
  readonly value: string | null;
  /** The clause without the cap phrase. */
  readonly rest: string;
}

const CAP_PHRASES = [
  `(?:单项|本项|累计|合计)?(?:最多|最高|至多)(?:可)?(?:扣|加|得|减)?${NUM}分(?:为止)?`,
  `(?:单项|本项|累计|合计)?(?:最多|最高|至多)?(?:扣分|加分|得分)?(?:不超过|不得超过|不超出)${NUM}分`,
  `(?:扣分|加分)?(?:上限|封顶)(?:为)?${NUM}分`,
  // 「扣完2分为止」「加到1分为止」「以3分为限」「加满2分」: the cap written with its amount
  `(?:单项|本项|累计|合计)?(?:(?:扣完|扣满|加至|加满)${NUM}分(?:为止|即止)|加到${NUM}分(?:为止|即止)?)`,
  `(?:单项|本项|累计|合计)?(?:扣分|加分|得分)?以${NUM}分为限`,
];
export const CAP_RE = rxt`[,;]?(?:${CAP_PHRASES.join("|")})`;
const EXHAUST_RE = /[,;]?(?:扣分至基本分值)?(?:本项)?(?:分值)?(?:扣完为止|扣完即止|扣满为止|扣完本项分为止|扣至0分为止|扣到0分为止)/;

/** An amount with a verb of each direction (「扣1分」「每篇加1分」), for the cap's verb against the clause's. */
const DOWN_AMOUNT = rxt`(?:扣|减|扣除|扣减|倒扣|罚)${NUM}(?:分?[-~至到—]${NUM})?分`;
const UP_AMOUNT = rxt`(?:加|得|计|记|奖励?|给|增)${NUM}(?:分?[-~至到—]${NUM})?分`;

/**
 * The direction a cap phrase's own verb says (「最多扣3分」「扣分不超过3分」 → 扣, 「最多加3分」「加分以3分为限」 → 得), or
 * undefined for a cap with no verb (「最高3分」「上限3分」).
 */
export function capVerb(phrase: string): "扣" | "得" | undefined {
  const down = /扣|减/.test(phrase);
  const up = /加|得/.test(phrase);
  return down !== up ? (down ? "扣" : "得") : undefined;
}

/**
 * Why a cap cannot be taken for the clause's amounts (session 28: 「发表信息每篇加1分，最多扣3分」 was read
 * `每篇 得 1 上限 3`): its verb says the other direction than every amount the clause writes with a verb. A rule's
 * 上限 caps what the rule scores (语言参考 §6.1: its deductions, or on an award rule its awards); a cap of deductions
 * on awards has nothing to cap, and whether the copy meant 最多加 is not said — never taken silently.
 */
export function capAgainstReason(phrase: string, rest: string): string | undefined {
  const verb = capVerb(phrase);
  if (verb === undefined) return undefined;
  const down = DOWN_AMOUNT.test(rest);
  const up = UP_AMOUNT.test(rest);
  if (verb === "扣" && up && !down) return "条文的上限是扣分的上限，计分却是得分，未能确定";
  if (verb === "得" && down && !up) return "条文的上限是得分的上限，计分却是扣分，未能确定";
  return undefined;
}

/**
 * The cap of the clause: 「最多扣4分」→ 4, 「扣完为止」→ null; undefined when it has none. Two caps, or a
 * cap phrase the patterns do not know, are left to the caller's amount check (it then stays a to-do); so is a cap
 * whose verb says the other direction than the clause's amounts (`capAgainstReason`: its amount is then placed by
 * no reading).
 */
export function capOf(t: string): CapReading | undefined {
  const m = CAP_RE.exec(t);
  if (m) {
    if (capAgainstReason(m[0], t.slice(0, m.index) + t.slice(m.index + m[0].length)) !== undefined) return undefined;
    const num = rx(NUM).exec(m[0].replace(/^[,;]/, ""));
    const value = num ? numberText(num[1]!) : undefined;
    if (value === undefined) return undefined;
    return { value, rest: t.slice(0, m.index) + t.slice(m.index + m[0].length) };
  }
  const e = EXHAUST_RE.exec(t);
  if (e) return { value: null, rest: t.slice(0, e.index) + t.slice(e.index + e[0].length) };
  return undefined;
}

/** Words that bound a fact (a threshold): a clause with one next to a number is not a plain count. */
const THRESHOLD_RE = rxt`(?:低于|高于|超过|不足|少于|多于|大于|小于|不少于|不低于|不高于|不超过|达到|至少|未达|满)${NUM}|${NUM}[^,;。分\\d]{0,6}(?:以上|以下|以内|之内|以外)`;
/** Steps of a linear rule (每增加 1%、每少 10万元): read only by the linear pattern. */
const STEP_RE = rxt`每(?:增加|减少|超过|超|提高|降低|低|高|多|少|下降|上升)${NUM}(?!次|件|项|种|条|个(?!百分点)|人|处|例|起|篇|宗|户|家)`;

/** Why a counted clause cannot be read as a plain count (it scores by steps), or undefined. */
export function stepReason(t: string): string | undefined {
  const st = STEP_RE.exec(t);
  return st ? `条文按「${st[0]}」逐档计分：需要写成线性计分，未能自动确定` : undefined;
}

/** Why the clause cannot be read as a plain count or one-shot amount, or undefined. */
export function thresholdReason(t: string): string | undefined {
  const th = THRESHOLD_RE.exec(t);
  if (th) return `条文有界限「${th[0]}」：需要写成分段或次数不足，未能自动确定`;
  const st = STEP_RE.exec(t);
  if (st) return `条文按「${st[0]}」逐档计分：需要写成线性计分，未能自动确定`;
  if (/%/.test(t)) return "条文含有百分数：需要写成分段或比率，未能自动确定";
  return undefined;
}

/** True when the two lists hold the same amounts (as multisets). */
export function sameAmounts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}
