/**
 * Reading numbers out of clause text (条文): Arabic and full-width digits, percentages, Chinese
 * numerals (一 二 两 三 … 十 百 千 万), which numbers are point amounts (a number followed by 分, or
 * listed with one: 「分别扣0.05、0.1、0.2分」, 「酌情扣0.5-2分」) and which amounts sit in a cap phrase
 * (最多扣0.1分, 累计不超过2分, 2分封顶).  Numbers that are not amounts — 24小时, 12380, 10件事, years,
 * 6个月 — are still read, so that code numbers (counts, thresholds) can be found in the text.
 */
import type { RuleModel } from "@kaoping/core";
import type { LintContext } from "./rule.js";
import { rawOf } from "./util.js";

/** A number found in a clause. */
export interface ClauseNumber {
  raw: number;
  percent: boolean;
  /** A point amount: followed by 分 (or listed with one). */
  amount: boolean;
  /** An amount in a cap phrase (最多扣 X 分, 累计不超过 X 分, X 分封顶). */
  cap: boolean;
  /** Written with Chinese numerals. */
  chinese: boolean;
  /** `[start, end)` in the clause text (the number itself). */
  start: number;
  end: number;
  /** The number as written, with 分 or % when it has one: 「0.5分」, 「98%」, 「一」. */
  text: string;
  /**
   * Another reading of the same characters, when a copy made them ambiguous: 「得1 5分」 is 15 (a space
   * inside the number) or 1.5 (a lost point).  Either accounts for a code number; one is enough.
   * 「1亿元」 is also 10000 (万元), the unit the rule writes beside 「5000万元」.
   */
  alt?: number;
  /** Followed by 分 but read as a bound of a measured score (「积分未达41分」), not an amount. */
  bound?: boolean;
}

const digitMap: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const unitMap: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** The value of a run of Chinese numerals (一 → 1, 十二 → 12, 二十五 → 25, 三百五十 → 350, 两 → 2). */
export function chineseNumeralValue(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in digitMap) {
      digit = digitMap[ch]!;
    } else if (ch in unitMap) {
      const u = unitMap[ch]!;
      if (u === 10000) {
        section = (section + (digit ?? 0)) * u;
        total += section;
        section = 0;
      } else section += (digit ?? 1) * u;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits, point and percent → half-width, one character for one (offsets are kept). */
export function halfWidth(text: string): string {
  return (
    text
      .replace(/[０-９．％]/g, (c) => (c === "．" ? "." : c === "％" ? "%" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      // 「得l分」「扣I分」: a copy (OCR) that read the digit 1 as a letter, alone between a verb of scoring and 分.
      .replace(/(?<=[扣得加减計计记記])[lI](?=\s*分)/g, "1")
  );
}

const notPointsAfter = /^(钟|鐘|鍾|之|局|公司|支|管|行|值|类|段|项目)/;
const listSep = /^\s*[、,，和及或\-—–～~至到]\s*$/;
// 「扣完2分为止」「加到1分為止」「累計不超過7分」「扣满8分为止」 (session 23) are caps too.
// 「一项扣1分,共3分,扣完为止」: the part's total is its cap (session 24).
const capBefore = /((?:最多|最高|至多)为?|不超过|不超過|不得超过|不超出|上限为?|封顶|扣完|扣满|扣滿|加到|加至|(?<![总總])共计?|共計)\s*(扣|减|加|得)?\s*$/;
const capAfter = /^\s*分?\s*(封顶|为限|为止|為止)/;

/**
 * A person the clause deducts from besides the unit, right before the amount: 「首席代表扣1分」「责任人另扣0.5分」
 * (not 「主要领导参加一次加2.5分」: the unit's award for what the leader does).
 */
/**
 * Words that make the number after them a bound of a measured score, not an amount:
 * 「学习积分未达41分」「测评得分低于80分」.
 */
const boundBefore = /(未达到|未达|达不到|不达|不足|低于|少于|不低于|不少于|高于|(?<!不|不得)超过|大于|小于)\s*$/;

const otherSubject = /(首席代表|直接责任人|责任人|负责人|分管领导|主要领导|当事人|经办人)(?:另|再|也|则|各)?[扣减][^\d，,。；;、]{0,2}$/;

/** Every number of a clause, in order. */
export function clauseNumbers(clause: string): ClauseNumber[] {
  const text = halfWidth(clause);
  const out: ClauseNumber[] = [];
  // 「0 5分」「0. 5分」: a copy (OCR) that lost or split the point of 0.5; no other number is written so.
  // 「1 5分」: a space inside a number, or a lost point (15 or 1.5): both readings are kept.
  // 「每次扣 0。5 分」: a copy that wrote the decimal point as a full stop; no sentence ends in a bare number
  // and opens with one or two digits of 分 (session 26).
  const re = /(\d+)。(\d{1,2})(?=[ \u3000]?分)|0[.．]?[ \u3000](\d+)(?=\s*分)|([1-9])[ \u3000](\d)(?=\s*分)|(\d+(?:\.\d+)?)|([零〇一二两兩三四五六七八九十百千万]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const chinese = m[7] !== undefined;
    // 百分之 / 百分点 are words, not the number 100.
    if (chinese && m[7] === "百" && text[end] === "分") continue;
    let raw: number | undefined;
    let alt: number | undefined;
    if (chinese) {
      const v = chineseNumeralValue(m[7]!);
      raw = v === undefined ? undefined : v * 1_000_000;
    } else if (m[1] !== undefined) raw = rawOf(`${m[1]}.${m[2]}`);
    else if (m[4] !== undefined) {
      raw = rawOf(`${m[4]}${m[5]}`);
      alt = rawOf(`${m[4]}.${m[5]}`);
    } else raw = m[3] !== undefined ? rawOf(`0.${m[3]}`) : rawOf(m[6]!);
    if (raw === undefined || !Number.isSafeInteger(raw)) continue;
    const after = text.slice(end);
    const before = text.slice(0, start);
    // Another person's deduction is not the unit's: 「每次扣2分、首席代表扣1分」.
    if (otherSubject.test(before.slice(before.search(/[^，,。；;、]*$/)))) continue;
    // An item number opening the clause is not a value: 「3.镇综治……」「4、能积极……」「（2）」.
    if (/^[\s\u3000]*[（(]?$/.test(before) && (/^[.．、]\s*(?![\d０-９])/.test(after) || (/[（(]$/.test(before) && /^[）)]/.test(after)))) continue;
    const percent = (!chinese && /^\s*%/.test(after)) || /百分之$/.test(before);
    // 「1亿元」 beside 「5000万元」: a rule that writes the amounts in 万 writes 10000.
    if (alt === undefined && /^\s*[亿億]/.test(after) && Number.isSafeInteger(raw * 10_000)) alt = raw * 10_000;
    let amount = false;
    if (!percent) {
      const pts = /^\s*分/.exec(after);
      // 「8點05分」 in traditional script too, and with a copy's pinyin gloss 「8點(diǎn)05分」 (session 25)
      const timeOfDay = /[时時点點:：](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\))?$/.test(before);
      amount = !!pts && !timeOfDay && !notPointsAfter.test(after.slice(pts[0].length));
      // Chinese numerals are amounts only right after a verb of scoring: 扣两分, 得一分, 计一分.
      if (chinese && amount && !/[扣得加减计計记記增]\s*$/.test(before)) amount = false;
      // A bound of a measured score is not an amount: 「积分未达41分」, and what is listed with it in
      // brackets right after (「未达41分(一般干部30分)」).
      if (amount && boundBefore.test(before)) amount = false;
      const prev = [...out].reverse().find((x) => !x.chinese); // 「(一般干部30分)」: 一 is a word here
      if (amount && prev && !prev.amount && !prev.percent && prev.bound && /^\s*分\s*[（(][^（()）\d]{0,8}$/.test(text.slice(prev.end, start))) amount = false;
    }
    const textOut = clause.slice(start, end) + (percent ? "%" : amount ? "分" : "");
    const bound = !percent && /^\s*分/.test(after) && !amount;
    out.push({ raw, percent, amount, cap: false, chinese, start, end, text: textOut, ...(alt !== undefined ? { alt } : {}), ...(bound ? { bound } : {}) });
  }
  // A number listed with an amount is an amount too: 分别扣0.05、0.1、0.2分; 酌情扣0.5-2分.
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const sep = text.slice(a.end, b.start);
    // 「每低5—0.5分」: a range runs upwards; a dash down to a smaller amount is a lost 扣, not a range.
    if (/[-—–～~至到]/.test(sep) && a.raw > b.raw) continue;
    if (!a.amount && !a.percent && !a.chinese && b.amount && listSep.test(sep)) {
      a.amount = true;
      a.text = clause.slice(a.start, a.end) + "分";
    }
  }
  for (const n of out) {
    if (!n.amount) continue;
    n.cap = capBefore.test(text.slice(Math.max(0, n.start - 8), n.start)) || capAfter.test(text.slice(n.end));
  }
  return out;
}

/** Words that name the case where no value is reported. */
export const missingCaseWords = /未报送|未上报|未填报|未提供/g;

/** The `[start, end)` ranges of the clause sentences (split at 。；;) that name a no-value case. */
export function missingCaseSentences(clause: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of clause.matchAll(missingCaseWords)) {
    let start = m.index;
    while (start > 0 && !/[。；;]/.test(clause[start - 1]!)) start--;
    let end = m.index;
    while (end < clause.length && !/[。；;]/.test(clause[end]!)) end++;
    out.push({ start, end });
  }
  return out;
}

/**
 * The source offset of character `index` of a rule's clause text, or undefined when the source
 * between 「」 is not the clause verbatim.
 */
export function clauseOffset(ctx: LintContext, rule: RuleModel, index: number): number | undefined {
  const lit = rule.node.clause;
  if (!lit) return undefined;
  const start = lit.span.start.offset + 1;
  const src = ctx.text(rule.file).slice(start, start + lit.value.length);
  return src === lit.value ? start + index : undefined;
}
