/**
 * Meaning-changing perturbations of corpus clauses the recogniser reads correctly (issue 13, a generalisation
 * measure; session 27). The corpus finds a reading that ignores a word that changes the score only when an unseen
 * book happens to write such a word; here every clause read correctly is changed in one place whose effect on the
 * correct reading is KNOWN (a verb dropped, the direction flipped, an amount or a bound changed, a cap, a third
 * outcome, a count word or a veto added) and read again with the same context. The new reading is
 *   changed — it shows the change the perturbation requires (checked mechanically on the rule bodies),
 *   refused — a to-do (always acceptable: nothing silently wrong), or
 *   silent  — the same reading as before, or another that ignores the change: a silent wrong.
 * Each kind perturbs a clause at most once (its first site), so a run is deterministic and bounded.
 *
 * Only books that are not blind are perturbed: a book held out and never tuned on (`heldOut` without `tunedSince`)
 * is dropped before any of its clauses is read. The rule is the corpus's own marks, not a range of numbers, so a set
 * released for tuning (its books given `tunedSince`) comes in by itself and a new held-out set stays out by itself.
 */
import type { ClauseContext, Recognition } from "@kaoping/import";
import { canon, decimalCompare, decimalDifference, decimalSum } from "../src/decimal.js";
import { statedDirection } from "../src/recognise/patterns/stated-direction.js";
import { contextOf, type CorpusBook, type CorpusClause } from "./corpus-measure.js";

export const KINDS = ["drop-verb", "flip", "amount", "cap", "third-outcome", "count-word", "count-found", "count-swap", "bound", "bound-side", "bound-flip", "veto", "multiplier", "waiver", "severity", "range", "alternative", "ordinal", "per-person", "period", "floor", "count-once", "flip-de", "amount-words", "dash-lost", "period-count", "ordinal-item", "period-task", "half-step"] as const;
export type Kind = (typeof KINDS)[number];
export type Outcome = "changed" | "refused" | "silent";

/** What one kind made of a clause: the perturbed text and the check of a reading of it. */
interface Perturbed {
  readonly text: string;
  /** The context changed with the clause (a copy that lost something in every clause of the item), when it is. */
  readonly ctx?: ClauseContext;
  /** Does the reading show the change? A string is the reason it does not (the reading is silent). */
  readonly check: (bodies: readonly string[]) => true | string;
}
export interface Probe {
  readonly book: string;
  readonly clause: CorpusClause;
  readonly kind: Kind;
  readonly text: string;
  readonly before: readonly string[];
  readonly after: Recognition;
  readonly outcome: Outcome;
  /** Why the reading is silent (the change the perturbation required and did not find). */
  readonly why?: string;
}
export type ClauseReader = (text: string, ctx: ClauseContext) => Recognition;

/** A book nobody may read while tuning: held out and never tuned on (the corpus's marks, test/corpus/README.md). */
export function blind(b: Pick<CorpusBook, "heldOut" | "tunedSince">): boolean {
  return b.heldOut === true && b.tunedSince === undefined;
}

/** The recogniser's context for a corpus clause: corpus-measure.ts's, as `judge` gives it (header and notes too). */
export { contextOf };

// ---------------------------------------------------------------------------------------------------------------
// Reading features (the rule bodies' own words: `每次 扣 0.5 上限 2`, `得 4 否则 扣 4`, `分段 { ≥ 90% 得 2 }` …)

const tokens = (body: string): string[] => body.split(/\s+/).filter((t) => t !== "");
/** Deduction side of a body: 扣, 倒扣, 不得分 (the item's whole lost). */
const deducts = (body: string): boolean => tokens(body).some((t) => t === "扣" || t === "倒扣" || t === "不得分");
/** Award side of a body: 得 (also 分别得 of grades, and 得分 of a rate or a judgement). */
const awards = (body: string): boolean => tokens(body).some((t) => t === "得" || t === "分别得" || t === "得分" || /^分别得/.test(t));
/** Every decimal number a body writes, canonical (amounts, bounds, steps, caps). */
const numbersOf = (bodies: readonly string[]): string[] => bodies.flatMap((b) => [...b.matchAll(/\d+(?:\.\d+)?/g)].map((m) => canon(m[0])));
/** The amounts a body scores: bare number tokens (bounds carry a unit: 90%, 2次). */
const amountTokens = (bodies: readonly string[]): string[] => bodies.flatMap((b) => tokens(b).filter((t) => /^\d+(?:\.\d+)?$/.test(t)).map(canon));
const count = <T>(xs: readonly T[], x: T): number => xs.filter((y) => y === x).length;
const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ");

// ---------------------------------------------------------------------------------------------------------------
// Clause text

const N = String.raw`\d+(?:\.\d+)?`;
/** A deduction verb written before an amount: 「扣2分」「扣除 0.5 分」「扣减1分」. */
const DEDUCT_VERB = new RegExp(String.raw`(扣除|扣减|扣減|扣)(\s*)(${N})(\s*)分`, "g");
/** An award verb written before an amount: 「得2分」「加1分」「计3分」「记0.5分」. */
const AWARD_VERB = new RegExp(String.raw`(得|加|计|记|計|記|奖励|獎勵|奖|獎)(\s*)(${N})(\s*)分`, "g");
/** Any word that says a score's direction or whole (besides the one verb perturbed). */
const SCORING_WORD = /扣|减|減|罚|罰|得|加|计|記|记|計|奖|獎|满分|滿分|否决|否決|否优|否優|为止|為止|倒|零分|0分|分值|评分|評分|打分/;
/** A cap already said. */
const CAP_WORD = /最多|最高|上限|为止|為止|封顶|封頂|不超过|不超過|累计|累計|总计|總計|合计|合計|以内|以內/;
/** The item's whole already lost somewhere. */
const WHOLE_LOST = /不得分|不计分|不记分|不計分|不記分|不给分|不給分|为0|为零|為0|為零|零分|0分|全扣|扣完|全部扣/;
/** A fault word (the clause says a state falling short): with it a bare amount reads as a deduction to a human. */
const FAULT = /未|不|无|没有|缺|少|差|违|错|迟|漏|超期|延误|失|投诉|批评|通报|事故|擅自|乱|丢失|私自|随意/;

const allMatches = (re: RegExp, s: string): RegExpMatchArray[] => [...s.matchAll(re)];
/** The clause with its final punctuation apart, so a phrase can go before it. */
function splitEnd(text: string): [string, string] {
  const m = /[。；;，,、.\s]*$/.exec(text)!;
  return [text.slice(0, m.index), text.slice(m.index)];
}
/** The clause with a phrase appended before its final punctuation. */
const appended = (text: string, phrase: string): string => {
  const [head, end] = splitEnd(text);
  return `${head}${phrase}${end}`;
};
/** A changed amount or bound: an integer one more (a percentage of more than 10 ten less); a decimal 2 in its last place more. */
function changedNumber(n: string, percent: boolean): string {
  const places = (n.split(".")[1] ?? "").length;
  if (places === 0) return percent && decimalCompare(n, "10") > 0 ? String(BigInt(n) - 10n) : decimalSum([n, "1"]);
  return decimalSum([n, `0.${"0".repeat(places - 1)}2`]);
}

/**
 * The siblings, the section, the item's name or the document state the direction: deductions only (a 减分 section, an
 * item named as deductions — 「秸秆禁烧工作（倒扣分）」 —, a column header or notes on scoring that say 扣, as
 * stated-direction.ts's statedDirection reads them; or siblings that deduct and none awards).
 */
function contextDeducts(ctx: ClauseContext): boolean {
  if (statedDirection(ctx) === "扣") return true;
  const s = ctx.siblings ?? [];
  // a sibling that zeroes the item (「出现一次该项得分为0分」, session 29: gss-01) deducts; 「得0分」 is no award
  const deducting = s.filter((x) => /(?:扣|扣除|扣减|减)\s*\d+(?:\.\d+)?\s*分|不得分|不计分|扣完为止|(?:得分为|为|得)\s*0\s*分/.test(x)).length;
  const awarding = s.filter((x) => /(?:得|加|计|记|奖励?)\s*(?!0\s*分)\d+(?:\.\d+)?\s*分|得满分/.test(x)).length;
  return deducting > 0 && awarding === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The kinds. Each returns undefined where its change is not sound on the clause (the site is not unique, another word
// already says the thing, the reading has another shape).

type Maker = (c: CorpusClause, before: readonly string[], ctx: ClauseContext) => Perturbed | undefined;

/** The one deduction verb of a one-rule deduction reading, and the text without it has no other scoring word. */
function soleDeduction(c: CorpusClause, before: readonly string[]): RegExpMatchArray | undefined {
  if (before.length !== 1 || !deducts(before[0]!) || awards(before[0]!) || /不得分|否决|倒扣/.test(before[0]!)) return undefined;
  const ms = allMatches(DEDUCT_VERB, c.text);
  if (ms.length !== 1) return undefined;
  const m = ms[0]!;
  const rest = c.text.slice(0, m.index) + c.text.slice(m.index! + m[0].length);
  return SCORING_WORD.test(rest) ? undefined : m;
}

/** The one verb with an amount the clause writes (of the kind given), when no other word of the clause scores. */
function soleVerb(text: string, verb: RegExp): RegExpMatchArray | undefined {
  const ms = allMatches(verb, text);
  if (ms.length !== 1) return undefined;
  const m = ms[0]!;
  return SCORING_WORD.test(text.slice(0, m.index) + text.slice(m.index! + m[0].length)) ? undefined : m;
}

/** 1. 「扣2分」 → 「2分」: no direction is written; only a 减分 section or siblings that only deduct may give it. */
const dropVerb: Maker = (c, before, ctx) => {
  const m = soleDeduction(c, before);
  if (!m) return undefined;
  const text = c.text.slice(0, m.index) + `${m[3]}分` + c.text.slice(m.index! + m[0].length);
  const byContext = contextDeducts(ctx);
  return {
    text,
    check: (bodies) => {
      if (bodies.some(awards)) return "无「扣」「得」，读成了得分";
      if (byContext) return true;
      return FAULT.test(text) ? "无「扣」「得」，上下文未说明方向，按条文的否定词读成扣分" : "无「扣」「得」，上下文未说明方向，读成了扣分";
    },
  };
};

/** 2. 「扣2分」 → 「加2分」, 「得2分」 → 「扣2分」 (outside 加分/减分 sections): every rule's direction flips, its amounts stay. */
const flip: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.some((b) => /不得分|否决|否优|倒扣|否则/.test(b))) return undefined;
  const d = before.every((b) => deducts(b) && !awards(b));
  const a = before.every((b) => awards(b) && !deducts(b));
  if (!d && !a) return undefined;
  const ms = allMatches(d ? DEDUCT_VERB : AWARD_VERB, c.text);
  if (ms.length !== 1) return undefined;
  const m = ms[0]!;
  const rest = c.text.slice(0, m.index) + c.text.slice(m.index! + m[0].length);
  if (SCORING_WORD.test(rest)) return undefined;
  const text = c.text.slice(0, m.index) + (d ? "加" : "扣") + m[0].slice(m[1]!.length) + c.text.slice(m.index! + m[0].length);
  return {
    text,
    check: (bodies) => {
      const flipped = d ? bodies.every((b) => awards(b) && !deducts(b)) : bodies.every((b) => deducts(b) && !awards(b));
      if (!flipped) return d ? "「扣」改为「加」，读数仍有扣分" : "「得」改为「扣」，读数仍有得分";
      return sameMultiset(amountTokens(bodies), amountTokens(before)) ? true : "方向变了，分值却不同";
    },
  };
};

/** 3. An amount the clause and the reading each write once (「扣2分」 → 「扣3分」, 0.5 → 0.7): the new one must be read, the old one not. */
const amount: Maker = (c, before, ctx) => {
  const inText = allMatches(new RegExp(N, "g"), c.text).map((m) => canon(m[0]));
  for (const m of allMatches(new RegExp(String.raw`(${N})\s*分`, "g"), c.text)) {
    const old = canon(m[1]!);
    if (count(inText, old) !== 1 || count(amountTokens(before), old) !== 1 || count(numbersOf(before), old) !== 1) continue;
    const now = changedNumber(old, false);
    if (inText.includes(now) || numbersOf(before).includes(now)) continue;
    if (ctx.points !== null && decimalCompare(now, ctx.points) > 0) continue;
    const text = c.text.slice(0, m.index) + c.text.slice(m.index!).replace(m[1]!, now);
    return {
      text,
      check: (bodies) => {
        const nums = numbersOf(bodies);
        if (nums.includes(old)) return `分值由${old}改为${now}，读数仍是${old}`;
        return nums.includes(now) ? true : `分值改为${now}，读数中没有${now}`;
      },
    };
  }
  return undefined;
};

/** 4. 「，最多扣N分」 after a counted or stepped deduction with no cap (N twice the amount, below the item's points): 上限 N. */
const cap: Maker = (c, before, ctx) => {
  if (before.length !== 1) return undefined;
  const b = before[0]!;
  const m = /^(?:(?:每\S+ )+|基准 \S+ 每\S+ \S+ )扣 (\d+(?:\.\d+)?)$/.exec(b);
  if (!m || CAP_WORD.test(c.text)) return undefined;
  const n = decimalSum([m[1]!, m[1]!]);
  if (ctx.points !== null && decimalCompare(n, ctx.points) >= 0) return undefined;
  if (allMatches(new RegExp(N, "g"), c.text).some((x) => canon(x[0]) === n)) return undefined;
  const text = appended(c.text, `，最多扣${n}分`);
  return { text, check: (bodies) => (bodies.some((x) => new RegExp(`上限 ${n.replace(".", "\\.")}(?:\\s|$)`).test(x)) ? true : `加了「最多扣${n}分」，读数没有上限 ${n}`) };
};

/** 5. 「，情节严重的不得分」 after a deduction of part of the item: a third outcome, the item's whole lost. */
const thirdOutcome: Maker = (c, before, ctx) => {
  if (ctx.section !== null || ctx.points === null || before.length !== 1) return undefined;
  const b = before[0]!;
  const m = /^(?:(?:每\S+ )+)?扣 (\d+(?:\.\d+)?)$/.exec(b);
  if (!m || decimalCompare(m[1]!, ctx.points) >= 0 || WHOLE_LOST.test(c.text) || /严重/.test(c.text)) return undefined;
  const points = ctx.points;
  const text = appended(c.text, "，情节严重的不得分");
  return {
    text,
    check: (bodies) =>
      bodies.some((x) => /不得分/.test(x) || new RegExp(`(?:^|\\s)扣 ${points.replace(".", "\\.")}$`).test(x)) ? true : "加了「情节严重的不得分」，读数没有不得分",
  };
};

/** 6. 「扣2分」 → 「每次扣2分」 in a one-shot reading (deduction or award) of a clause that counts nothing: 每次 must be read. */
const countWord: Maker = (c, before) => {
  if (before.length !== 1 || /每|次/.test(c.text)) return undefined;
  const b = before[0]!;
  const m1 = /^(扣|得) (\d+(?:\.\d+)?)$/.exec(b);
  if (!m1) return undefined;
  const m = soleVerb(c.text, m1[1] === "扣" ? DEDUCT_VERB : AWARD_VERB);
  if (!m || canon(m[3]!) !== m1[2]) return undefined;
  const text = c.text.slice(0, m.index) + "每次" + c.text.slice(m.index!);
  const want = new RegExp(`^(?:每\\S+ )*每次 (?:每\\S+ )*${m1[1]} ${m1[2]!.replace(".", "\\.")}(?:\\s|$)`);
  return { text, check: (bodies) => (bodies.length === 1 && want.test(bodies[0]!) ? true : "加了「每次」，读数不按次计") };
};

/** 7. A bound the clause and the reading each write once with its unit (「低于90%」 → 「低于80%」, 「2次以上」 → 「3次以上」). */
const bound: Maker = (c, before, ctx) => {
  const inText = allMatches(new RegExp(N, "g"), c.text).map((m) => canon(m[0]));
  for (const m of allMatches(new RegExp(String.raw`(${N})\s*(%|％|个百分点|次|件|篇|项|人|个|天|条|家|户|期|场)`, "g"), c.text)) {
    const old = canon(m[1]!);
    if (count(inText, old) !== 1 || count(numbersOf(before), old) !== 1 || amountTokens(before).includes(old)) continue;
    // the number must be a bound of the reading: written with a unit there too (90%, 2次, 5个百分点)
    if (!before.some((b) => new RegExp(`(?:^|\\s)${old.replace(".", "\\.")}[^\\d\\s.]`).test(b))) continue;
    const now = changedNumber(old, m[2] === "%" || m[2] === "％");
    if (inText.includes(now) || numbersOf(before).includes(now) || (ctx.item !== undefined && ctx.item.includes(now))) continue;
    const text = c.text.slice(0, m.index) + c.text.slice(m.index!).replace(m[1]!, now);
    return {
      text,
      check: (bodies) => {
        const nums = numbersOf(bodies);
        if (nums.includes(old)) return `界限由${old}改为${now}，读数仍是${old}`;
        return nums.includes(now) ? true : `界限改为${now}，读数中没有${now}`;
      },
    };
  }
  return undefined;
};

/** 7b. 以上 ↔ 以下 in a clause read as one band with one comparison: the comparison must turn round. */
const boundSide: Maker = (c, before) => {
  if (before.length !== 1 || !/^分段 \{/.test(before[0]!) || /[[(]/.test(before[0]!.slice(4))) return undefined;
  const cmps = [...before[0]!.matchAll(/[≥≤><]/g)].map((m) => m[0]);
  const words = allMatches(/以上|以下/g, c.text);
  if (cmps.length !== 1 || words.length !== 1 || /不足|低于|高于|超过|未达|达不到|少于|多于|不到|至少|最少|不低于|最多|不超过/.test(c.text)) return undefined;
  const up = cmps[0] === "≥" || cmps[0] === ">";
  if ((words[0]![0] === "以上") !== up) return undefined;
  const m = words[0]!;
  const text = c.text.slice(0, m.index) + (up ? "以下" : "以上") + c.text.slice(m.index! + 2);
  return {
    text,
    check: (bodies) => {
      const now = bodies.flatMap((b) => [...b.matchAll(/[≥≤><]/g)].map((x) => x[0]));
      if (now.length === 0) return "「以上」「以下」互换，读数没有界限";
      return now.every((x) => (up ? x === "≤" || x === "<" : x === "≥" || x === ">")) ? true : `「${m[0]}」改为「${up ? "以下" : "以上"}」，读数的比较方向未变`;
    },
  };
};

/**
 * 7c. 「低于90%」 → 「高于90%」 (未达到 → 超过) in a clause read as one band with one comparison, or 「每低1%」 → 「每高1%」 in a
 * stepped reading: the comparison (or the step) must turn round.
 */
const boundFlip: Maker = (c, before, ctx) => {
  // a bound taken from the item's requirement (gzw-14: 「达不到标准」 over the item's 2000元) is not the clause's to turn
  if (before.length !== 1 || ctx.item !== undefined) return undefined;
  const b = before[0]!;
  const band = /^分段 \{/.test(b);
  const cmps = [...b.matchAll(/[≥≤><]/g)].map((m) => m[0]);
  const stepped = !band && tokens(b).some((t) => t === "每低" || t === "每少");
  const words = allMatches(band ? /低于|少于|不足|未达到|达不到/g : /每低于?|每下降|每降低/g, c.text);
  if ((!band && !stepped) || (band && (cmps.length !== 1 || !(cmps[0] === "<" || cmps[0] === "≤"))) || words.length !== 1) return undefined;
  if (/以上|以下|高于|超过|超過|多于|每高|每超|每增/.test(c.text)) return undefined;
  // a step turned round beside the base it falls from (「达到90%的得满分，每低1%扣1分」) would say nothing a rulebook says
  if (stepped && /达|達|完成|不低于|低于|未|基|满分|滿分|%[^每]*每/.test(c.text)) return undefined;
  const w = words[0]!;
  const now = band ? (/达/.test(w[0]) ? "超过" : "高于") : "每高于";
  const text = c.text.slice(0, w.index) + now + c.text.slice(w.index! + w[0].length);
  return {
    text,
    check: (bodies) => {
      if (band) {
        const got = bodies.flatMap((x) => [...x.matchAll(/[≥≤><]/g)].map((m) => m[0]));
        return got.length > 0 && got.every((x) => x === ">" || x === "≥") ? true : `「${w[0]}」改为「${now}」，读数的比较方向未变`;
      }
      const ts = bodies.flatMap(tokens);
      return ts.some((t) => /^每(?:高|超|增加|多)/.test(t)) && !ts.some((t) => t === "每低" || t === "每少") ? true : `「${w[0]}」改为「${now}」，读数仍是每低`;
    },
  };
};

/** 8. 「，并实行一票否决」 after a deduction: the veto must be read. */
const veto: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1 || !deducts(before[0]!) || awards(before[0]!) || /否决|否优|一票/.test(c.text + before[0]!)) return undefined;
  const text = appended(c.text, "，并实行一票否决");
  return { text, check: (bodies) => (bodies.some((x) => /否决/.test(x)) ? true : "加了「一票否决」，读数没有否决") };
};

/** 6b. 「扣2分」 → 「发现一处扣2分」 in a one-shot deduction: a count written as 「一处」 (the blind sets' 「缺勤一次」「少开展一项」). */
const countFound: Maker = (c, before) => {
  if (before.length !== 1 || /每|次|处|一/.test(c.text)) return undefined;
  const m1 = /^扣 (\d+(?:\.\d+)?)$/.exec(before[0]!);
  if (!m1) return undefined;
  const m = soleVerb(c.text, DEDUCT_VERB);
  if (!m || canon(m[3]!) !== m1[1]) return undefined;
  const text = c.text.slice(0, m.index) + "发现一处" + c.text.slice(m.index!);
  const want = new RegExp(`^(?:每\\S+ )*每处 (?:每\\S+ )*扣 ${m1[1]!.replace(".", "\\.")}(?:\\s|$)`);
  return { text, check: (bodies) => (bodies.length === 1 && want.test(bodies[0]!) ? true : "加了「发现一处」，读数不按处计") };
};

/** 9. 「，情节严重的加倍扣分」 after a deduction of an amount: 加倍 (on its condition) must be read. */
const multiplier: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1 || !/^(?:(?:每\S+ )+)?扣 \d+(?:\.\d+)?$/.test(before[0]!) || /倍|减半|严重|从重/.test(c.text)) return undefined;
  const text = appended(c.text, "，情节严重的加倍扣分");
  return { text, check: (bodies) => (bodies.some((x) => /加倍/.test(x)) ? true : "加了「情节严重的加倍扣分」，读数没有加倍") };
};

/**
 * 10. 「，及时整改到位的不扣分」 after a one-shot deduction: a waiver (免扣, 可减免, 否则) must be read. Not after a counted
 * deduction: there the corpus's convention reads the waiver as saying which occurrences count (fs-07, dcs-04).
 */
const waiver: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1 || !/^扣 \d+(?:\.\d+)?$/.test(before[0]!) || /整改|不扣|免|减免|除外/.test(c.text)) return undefined;
  const text = appended(c.text, "，及时整改到位的不扣分");
  return { text, check: (bodies) => (bodies.some((x) => /免扣|可减免|否则/.test(x)) ? true : "加了「及时整改到位的不扣分」，读数照扣") };
};

/** The count word swapped for another (每次 → 每处, 每处/每项/每个/每条 → 每次 …): the reading must count by the new one. */
const SWAP: Readonly<Record<string, string>> = { 次: "处", 处: "次", 項: "次", 项: "次", 件: "次", 例: "次", 起: "次", 个: "次", 條: "次", 条: "次", 處: "次" };
const countSwap: Maker = (c, before) => {
  if (before.length !== 1) return undefined;
  const b = /^每(\S) (?:扣|得) \d+(?:\.\d+)?$/.exec(before[0]!);
  const m = /每([次处處项項件例起个条條])\s*(?:扣|得|加|计|记|計|記)/.exec(c.text);
  if (!b || !m || [...c.text].filter((ch) => ch === m[1]).length !== 1 || /次|处|處/.test(c.text.replace(m[0], ""))) return undefined;
  const now = SWAP[m[1]!]!;
  const text = c.text.slice(0, m.index) + `每${now}` + c.text.slice(m.index! + 2);
  const nowWord = now === "处" ? "每处" : "每次";
  return {
    text,
    check: (bodies) => (bodies.length === 1 && tokens(bodies[0]!).includes(nowWord) && !tokens(bodies[0]!).includes(`每${b[1]}`) ? true : `「每${m[1]}」改为「每${now}」，读数仍按原来的单位计`),
  };
};

/** 11. 「，情节严重的扣N分」 (N twice the amount, below the item's points) after a one-shot deduction: the new amount must be read. */
const severity: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1) return undefined;
  const m = /^扣 (\d+(?:\.\d+)?)$/.exec(before[0]!);
  if (!m || /严重|嚴重|从重|從重/.test(c.text)) return undefined;
  const n = decimalSum([m[1]!, m[1]!]);
  if (ctx.points === null || decimalCompare(n, ctx.points) >= 0 || allMatches(new RegExp(N, "g"), c.text).some((x) => canon(x[0]) === n)) return undefined;
  const text = appended(c.text, `，情节严重的扣${n}分`);
  return { text, check: (bodies) => (numbersOf(bodies).includes(n) ? true : `加了「情节严重的扣${n}分」，读数没有${n}`) };
};

/** A one-shot deduction the clause writes once with no other scoring word: its verb match and amount. */
function oneShotDeduction(c: CorpusClause, before: readonly string[], ctx: ClauseContext): { m: RegExpMatchArray; a: string } | undefined {
  if (ctx.section !== null || before.length !== 1) return undefined;
  const b = /^扣 (\d+(?:\.\d+)?)$/.exec(before[0]!);
  const m = b ? soleVerb(c.text, DEDUCT_VERB) : undefined;
  return m && canon(m[3]!) === b![1] ? { m, a: b![1]! } : undefined;
}
/** The clause with the amount of a verb match replaced. */
const withAmount = (text: string, m: RegExpMatchArray, amount: string): string =>
  text.slice(0, m.index) + `${m[1]}${m[2]}${amount}${m[4]}分` + text.slice(m.index! + m[0].length);
const twice = (a: string): string => decimalSum([a, a]);
const below = (n: string, ctx: ClauseContext): boolean => ctx.points !== null && decimalCompare(n, ctx.points) < 0;
const writes = (text: string, n: string): boolean => allMatches(new RegExp(N, "g"), text).some((x) => canon(x[0]) === n);

/** 12. 「扣2分」 → 「扣2-4分」: a range, read at discretion (酌情 扣 2 至 4). */
const range: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o || !below(twice(o.a), ctx) || writes(c.text, twice(o.a))) return undefined;
  const hi = twice(o.a);
  const text = withAmount(c.text, o.m, `${o.m[3]}-${hi}`);
  return { text, check: (bodies) => (bodies.some((x) => /酌情/.test(x) && numbersOf([x]).includes(o.a) && numbersOf([x]).includes(hi)) ? true : `改为「扣${o.a}-${hi}分」，读数不是酌情扣${o.a}至${hi}分`) };
};

/** 13. 「扣2分」 → 「扣2分或4分」: two amounts, one of them chosen (酌情, classes, several rules, a band — never the first alone). */
const alternative: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o || !below(twice(o.a), ctx) || writes(c.text, twice(o.a))) return undefined;
  const hi = twice(o.a);
  const text = withAmount(c.text, o.m, `${o.m[3]}${o.m[4]}分或${hi}`);
  return { text, check: (bodies) => (numbersOf(bodies).includes(hi) ? true : `改为「扣${o.a}分或${hi}分」，读数没有${hi}`) };
};

/** 14. 「每次扣1分」 → 「第二次起每次扣1分」: the first time is free, so the reading must not count every time. */
const ordinal: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1) return undefined;
  const b = /^每次 (扣|得) (\d+(?:\.\d+)?)(?: 上限 \S+)?$/.exec(before[0]!);
  const m = /每次\s*(?:扣|得|加)/.exec(c.text);
  if (!b || !m || /第|起|首次|以上|超过|超過/.test(c.text)) return undefined;
  const text = c.text.slice(0, m.index) + "第二次起" + c.text.slice(m.index!);
  const every = new RegExp(`^每次 ${b[1]} ${b[2]!.replace(".", "\\.")}(?: 上限 \\S+)?$`);
  return { text, check: (bodies) => (bodies.length === 1 && every.test(bodies[0]!) ? "加了「第二次起」，读数仍是每次都计" : true) };
};

/** 15. 「每次扣1分」 → 「每人每次扣1分」: the reading must count persons and times (每人 每次, or 每人次). */
const perPerson: Maker = (c, before, ctx) => {
  if (before.length !== 1 || !/^每次 (?:扣|得) \d+(?:\.\d+)?(?: 上限 \S+)?$/.test(before[0]!) || /人/.test(c.text) || ctx.section === "加分") return undefined;
  const m = /每次\s*(?:扣|得|加)/.exec(c.text);
  if (!m) return undefined;
  const text = c.text.slice(0, m.index) + "每人" + c.text.slice(m.index!);
  return { text, check: (bodies) => (bodies.some((x) => (tokens(x).includes("每人") && tokens(x).includes("每次")) || tokens(x).includes("每人次")) ? true : "加了「每人」，读数不按人计") };
};

/** 16. 「扣2分」 → 「每月扣2分」 in a one-shot deduction: a period, counted (每月). */
const period: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o || /每|月|次/.test(c.text)) return undefined;
  const text = c.text.slice(0, o.m.index) + "每月" + c.text.slice(o.m.index!);
  return { text, check: (bodies) => (bodies.some((x) => tokens(x).includes("每月")) ? true : "加了「每月」，读数不按月计") };
};

/**
 * 17. 「，最低得F分」 after a counted deduction (F the item's points less twice the amount): the deductions stop at
 * points − F, a cap of twice the amount (上限), or a to-do.
 */
const floor: Maker = (c, before, ctx) => {
  if (ctx.section !== null || ctx.points === null || before.length !== 1 || CAP_WORD.test(c.text) || /最低|保底/.test(c.text)) return undefined;
  const b = /^(?:每\S+ )+扣 (\d+(?:\.\d+)?)$/.exec(before[0]!);
  if (!b || !below(twice(b[1]!), ctx)) return undefined;
  const cap = twice(b[1]!);
  // points − cap, exactly: the points as decimal text less the cap (both non-negative, points the larger)
  const f = decimalDifference(ctx.points, cap);
  if (decimalCompare(f, "0") <= 0 || writes(c.text, f)) return undefined;
  const text = appended(c.text, `，最低得${f}分`);
  return { text, check: (bodies) => (bodies.some((x) => new RegExp(`上限 ${cap.replace(".", "\\.")}(?:\\s|$)`).test(x)) ? true : `加了「最低得${f}分」，读数没有上限 ${cap}`) };
};

/** 18. 「扣2分」 → 「出现一次扣2分」 in a one-shot deduction: a count written as 「一次」 (the blind sets' 「缺勤一次」): 每次. */
const countOnce: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o || /每|次|一/.test(c.text)) return undefined;
  const text = c.text.slice(0, o.m.index) + "出现一次" + c.text.slice(o.m.index!);
  return { text, check: (bodies) => (bodies.length === 1 && tokens(bodies[0]!).includes("每次") ? true : "加了「出现一次」，读数不按次计") };
};

/** 19. 「扣2分」 → 「得2分」 (a fault that earns: 「未发生…的得2分」 is how awards are written too): the direction must flip. */
const flipDe: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o) return undefined;
  const text = c.text.slice(0, o.m.index) + "得" + o.m[0].slice(o.m[1]!.length) + c.text.slice(o.m.index! + o.m[0].length);
  return { text, check: (bodies) => (bodies.every((b) => awards(b) && !deducts(b)) ? true : "「扣」改为「得」，读数仍有扣分") };
};

/** Chinese numerals for the amounts 1–10 (an amount written in words: 「扣三分」). */
const WORDS: Readonly<Record<string, string>> = { "1": "一", "2": "两", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八", "9": "九", "10": "十" };
/** 20. 「扣2分」 → 「扣三分」: the amount changed and written in words; the new amount must be read. */
const amountWords: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1) return undefined;
  const b = /^(?:(?:每\S+ )+)?(扣|得) (\d+)$/.exec(before[0]!);
  const m = b ? soleVerb(c.text, b[1] === "扣" ? DEDUCT_VERB : AWARD_VERB) : undefined;
  if (!b || !m || canon(m[3]!) !== b[2]) return undefined;
  const now = decimalSum([b[2]!, "1"]);
  if (WORDS[now] === undefined || (ctx.points !== null && decimalCompare(now, ctx.points) > 0) || writes(c.text, now)) return undefined;
  const text = withAmount(c.text, m, WORDS[now]!);
  return { text, check: (bodies) => (numbersOf(bodies).includes(now) && !numbersOf(bodies).includes(b[2]!) ? true : `分值改为「${WORDS[now]}分」，读数没有${now}`) };
};

/** A range's dash as a copy writes it (「0.2-1」「1～3」「2—5」). */
const DASH = /(\d+(?:\.\d+)?)\s*[-~～—–－]\s*(\d+(?:\.\d+)?)(?=\s*分)/g;
/** The text with every range's dash lost (「扣0.2-1分」 → 「扣0.21分」). */
const dashLost = (text: string): string => text.replace(DASH, "$1$2");
/** A number with two decimal points written as an amount: the loss shown (guards-run-together.ts's RUN_TOGETHER, as a copy shows it). */
const SHOWS_LOSS = /\d+\.\d+\.\d+(?=\s*分)/;

/** A clause of the item that shows the copy's loss, as book 361 writes its ranges of tenths. */
const LOSS_SHOWN = "其他不符合要求的,扣0.10.5分";

/**
 * 25. A copy that lost every range's dash in the item (book 361: 「扣0.10.5分」 beside 「扣0.21分」, session 27): the clause's
 * range 「扣0.2-1分」 → 「扣0.21分」, and every sibling's the same way; where no clause of the item then shows the loss
 * (a number with two decimal points — the corpus's items tuned on have no range of tenths beside another), one such
 * clause is added to the item, as 361's siblings are. The run-together number is never the amount read.
 */
const dashLostKind: Maker = (c, before, ctx) => {
  if (before.length !== 1 || !/^酌情 (?:扣|得) /.test(before[0]!)) return undefined;
  const ms = allMatches(DASH, c.text);
  if (ms.length !== 1) return undefined;
  const text = dashLost(c.text);
  const lost = (ctx.siblings ?? []).map(dashLost);
  const siblings = [text, ...lost].some((x) => SHOWS_LOSS.test(x)) ? lost : [...lost, LOSS_SHOWN];
  const joined = canon(`${ms[0]![1]}${ms[0]![2]}`);
  return {
    text,
    ctx: { ...ctx, siblings },
    check: (bodies) => (amountTokens(bodies).includes(joined) ? `范围的连接号丢了（「${ms[0]![0]}」→「${joined}」），读成了一个分值 ${joined}` : true),
  };
};

/**
 * 26. 「每次扣1分」 → 「每月次扣1分」: the count is still 次 (月次, times, one a month; zs22-03 of the eighteenth set read
 * 「每月次」 as 每月, session 27). The reading counts 每次, or is a to-do — never 每月.
 */
const periodCount: Maker = (c, before) => {
  if (before.length !== 1 || !/^每次 (?:扣|得) /.test(before[0]!)) return undefined;
  const ms = allMatches(/每次(?=\s*(?:扣|得|加|减|计|记))/g, c.text);
  if (ms.length !== 1 || /每(?:年|月|季|周|天|日)/.test(c.text)) return undefined;
  const text = c.text.slice(0, ms[0]!.index) + "每月次" + c.text.slice(ms[0]!.index! + 2);
  return {
    text,
    check: (bodies) => {
      const all = bodies.flatMap(tokens);
      if (all.includes("每月")) return "「每月次」读成了每月";
      return all.includes("每次") ? true : "「每月次」没有读成每次";
    },
  };
};

/**
 * 27. 「…扣2分」 → 「违反第1项规定,…扣2分」 in a one-shot deduction: 第1项 names an item, it counts nothing — the reading
 * must not count 项 (session 29, gskz-10 「違反第1項扣30分」 read 每项: guards-provenance.ts).
 */
const ordinalItem: Maker = (c, before, ctx) => {
  const o = oneShotDeduction(c, before, ctx);
  if (!o || /项|項|第|每/.test(c.text)) return undefined;
  const text = `违反第1项规定,${c.text}`;
  return { text, check: (bodies) => (bodies.flatMap(tokens).includes("每项") ? "「第1项」是序号，读数却按每项计" : true) };
};

/** A clause that begins with an outline number (「1.」「(2)」「三、」「①」). */
const OUTLINE_START = /^\s*(?:\d+[.、．]|[(（][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[①-⑳])/;

/**
 * 28. 「…得2分」 → 「每天…得2分」 in a one-shot award of a requirement (no word of a fault): 每天 says how often the
 * requirement holds — the reading must not count days (session 29, jsb-01 「每天主动…完成本岗工作…,得3分」 read 每天 得 3).
 */
const periodTask: Maker = (c, before, ctx) => {
  if (ctx.section !== null || before.length !== 1 || !/^得 \d+(?:\.\d+)?$/.test(before[0]!)) return undefined;
  if (/每|天|日|月|年|周/.test(c.text) || FAULT.test(c.text) || OUTLINE_START.test(c.text)) return undefined;
  const text = `每天${c.text}`;
  return { text, check: (bodies) => (bodies.flatMap(tokens).includes("每天") ? "「每天」是要求的频次，读数却按每天计" : true) };
};

/**
 * 29. 「…扣2分」 → 「营业时间每少半小时,…扣2分」 in a one-shot deduction: a step in 半小时 (0.5 hour) the reading must write
 * or refuse — never the one deduction it read before (session 29, zcsf-09 「营业时间每少半小时,扣2分」 read 扣 2:
 * guards-danger.ts).
 */
const halfStepKind: Maker = (c, before, ctx) => {
  if (!oneShotDeduction(c, before, ctx) || /半|每|小时|时间/.test(c.text) || OUTLINE_START.test(c.text)) return undefined;
  const text = `营业时间每少半小时,${c.text}`;
  return { text, check: (bodies) => (/0?\.5小时/.test(bodies.join(" ")) ? true : "「每少半小时」是半小时一档，读数没有写 0.5小时") };
};

const MAKERS: Record<Kind, Maker> = {
  "half-step": halfStepKind,
  "dash-lost": dashLostKind,
  "period-count": periodCount,
  "ordinal-item": ordinalItem,
  "period-task": periodTask,
  "bound-flip": boundFlip,
  "count-once": countOnce,
  "flip-de": flipDe,
  "amount-words": amountWords,
  range,
  alternative,
  ordinal,
  "per-person": perPerson,
  period,
  floor,
  "count-swap": countSwap,
  severity,
  "count-found": countFound,
  multiplier,
  waiver,
  "drop-verb": dropVerb,
  flip,
  amount,
  cap,
  "third-outcome": thirdOutcome,
  "count-word": countWord,
  bound,
  "bound-side": boundSide,
  veto,
};

/** Every perturbation of every clause read correctly in the books given (blind books are dropped first). */
export function probe(books: readonly CorpusBook[], read: ClauseReader, isCorrect: (b: CorpusBook, c: CorpusClause, bodies: readonly string[]) => boolean): Probe[] {
  const out: Probe[] = [];
  for (const b of books) {
    if (blind(b)) continue;
    for (const c of b.clauses) {
      if (c.kp === undefined || c.scope === "header") continue;
      const ctx = contextOf(b, c);
      const r = read(c.text, ctx);
      if (r.kind !== "rules" || !isCorrect(b, c, r.bodies)) continue;
      for (const kind of KINDS) {
        const p = MAKERS[kind](c, r.bodies, ctx);
        if (!p || p.text === c.text) continue;
        const after = read(p.text, p.ctx ?? ctx);
        if (after.kind === "todo") {
          out.push({ book: b.id, clause: c, kind, text: p.text, before: r.bodies, after, outcome: "refused" });
          continue;
        }
        const verdict = p.check(after.bodies);
        out.push({ book: b.id, clause: c, kind, text: p.text, before: r.bodies, after, outcome: verdict === true ? "changed" : "silent", ...(verdict === true ? {} : { why: verdict }) });
      }
    }
  }
  return out;
}

export interface KindFigures {
  perturbed: number;
  changed: number;
  refused: number;
  silent: number;
}
export function kindFigures(probes: readonly Probe[]): Record<Kind, KindFigures> {
  const f = {} as Record<Kind, KindFigures>;
  for (const k of KINDS) {
    const ps = probes.filter((p) => p.kind === k);
    f[k] = { perturbed: ps.length, changed: ps.filter((p) => p.outcome === "changed").length, refused: ps.filter((p) => p.outcome === "refused").length, silent: ps.filter((p) => p.outcome === "silent").length };
  }
  return f;
}

export function figuresTable(probes: readonly Probe[]): string {
  const f = kindFigures(probes);
  const lines = ["kind            perturbed changed refused  silent"];
  for (const k of KINDS) lines.push(`${k.padEnd(15)} ${String(f[k].perturbed).padStart(9)} ${String(f[k].changed).padStart(7)} ${String(f[k].refused).padStart(7)} ${String(f[k].silent).padStart(7)}`);
  return lines.join("\n");
}

export const describeProbe = (p: Probe): string =>
  `${p.clause.id} [${p.kind}] ${p.text} | before: ${JSON.stringify(p.before)} | after: ${p.after.kind === "rules" ? JSON.stringify(p.after.bodies) : `待补：${p.after.reason}`}${p.why ? ` | ${p.why}` : ""}`;

/** One kind's perturbation of one clause (for tests of the kinds themselves): the text and the check, or undefined. */
export function perturb(kind: Kind, c: CorpusClause, before: readonly string[], ctx: ClauseContext): Perturbed | undefined {
  return MAKERS[kind](c, before, ctx);
}
