// Where a count comes from (issue 13, session 29): for a per-count reading (`每X 扣 N`), the places in the clause
// that write X as a thing counted — 「每X」, 「每发现一X」, 「一X」「3X」 after a verb of occurrence, 「N分/X」, 「按X」,
// 「单X」 — and the places that write X but count nothing: an ordinal (「第1项」), a name in quotes (「“十个一”」),
// a period before a requirement (「每天主动…完成本岗工作」), one member of a named list (「“十个一”有一个」), X
// inside another word (「项目」「处理」). guards-provenance.ts and review-provenance.ts decide on them.
import { NOUNS, unitOf } from "./units.js";

/** How one place of the clause writes the reading's count noun. */
export type Place =
  // places a count comes from
  | "per" // 「每处」「每发现一处」「每少签订一个单位」
  | "number" // 「发现一处」「缺1项」「有一项」「3次」
  | "slash" // 「0.5分/处」「1分/处/次」
  | "by" // 「按次」「按1件」
  | "single" // 「单起」「单次」
  | "any" // 「任一」 (a 项)
  // places that count nothing
  | "ordinal" // 「第1项」
  | "named" // inside a quoted or bracketed name (「“十个一”」)
  | "member" // 「“十个一”有一个」: one member of the list just named
  | "period-requirement" // 「每天主动…完成…」「每天24个时次」「每月一次集中会议」: how often a requirement holds, a rate
  | "bound" // 「重伤2人及以上」「参与人数达20人」: the fact's threshold
  | "word"; // inside another word (「项目」「处理」「人员」)

/** The places a count may come from. */
export const SOURCES: ReadonlySet<Place> = new Set<Place>(["per", "number", "slash", "by", "single", "any"]);

/** A number before a count noun (digits, Chinese numerals, 两, 半, 几). */
const NUMBER_BEFORE = /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百几半]+)$/;

/**
 * How a clause spells each count noun of the language besides the noun itself (units.ts's nouns, 种 → 项 …; the
 * count words count-words.ts writes as the language's units are already so in the text the guards see; 册 as 件
 * is rewords-counts.ts's; 个 before a person as 人 is patterns/count.ts's).
 */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = {};
  for (const noun of NOUNS.split("|")) {
    const unit = unitOf(noun);
    if (unit === undefined) continue;
    (out[unit.slice(1)] ??= []).push(noun);
  }
  const add = (noun: string, ...more: string[]): void => void (out[noun] ??= [noun]).push(...more);
  add("项", "样", "任一");
  add("件", "册", "卷");
  add("件次", "册次");
  add("人", "名", "位", "个小孩", "个孩子", "个干部", "个党员", "个职工");
  add("次", "回", "遍");
  for (const k of Object.keys(out)) out[k]!.sort((a, b) => b.length - a.length);
  return out;
})();

/** The spellings of a count noun in a clause, longest first. */
export function spellingsOf(noun: string): readonly string[] {
  return SPELLINGS[noun] ?? [noun];
}

/** The language's count nouns, longest first (to tell 人次 from 人 and 次). */
const LONGER = NOUNS.split("|").sort((a, b) => b.length - a.length);

/** 每 and a period at the head of a clause part's requirement (「每月」「每学期」「每年」). */
const PERIOD_LEAD = /每(?:年|半年|季度?|月|周|旬|天|日|学期)/;

/** 「2人及以上」「5件(含)以下」: a number with 以上/以下 after it is a bound. */
const BOUND_AFTER = /^(?:\(含\))?(?:及)?(?:以上|以下|\(含\)以上|\(含\)以下)/;

/** 「达到20人」「不少于4次」: a bound word before a number (「每少于一次」 is a shortfall counted, not a bound). */
const BOUND_BEFORE = /(?<!每)(?:不得少于|不应少于|不少于|不得低于|不低于|不高于|不超过|至少|最少|少于|多于|低于|高于|超过|达到|达|大于|小于)$/;

/** A number and a measure word between 每 and the spelling: the count is there (「每提供1个有效招商项目」). */
const COUNTED_IN_GAP = /(?:\d+|[一二两三四五六七八九十])[个名种类位只件项次处条人家户]/;

/** Periods the language counts by (每天, 每月). */
const PERIODS = /^(?:天|月|个月)$/;

/** A number and a count noun right after a period (「每天24个时次」「每月2次」): a rate, not a count. */
const RATE_AFTER = new RegExp(`^(?:\\d+|[一二两三四五六七八九十]+)个?(?:时次|${NOUNS})`);

/** Words that say something failed or fell short (a count of failures per period is a count). */
export const FAILURE = /未|不(?!断)|没|无(?!论)|缺|少|漏|迟|晚|拖|延迟|延误|超期|超时|超过|违|旷|逾|误|差错|错|丢|遗失|停止|中断|推迟|空白|反弹/;

/** A span of quoted or bracketed name: 「“十个一”」「《…规则》」. */
const NAME = /[“"《「『][^”"》」』]*[”"》」』]/g;

/** The spans of names in quotes (a count inside one names the thing, it counts nothing). */
function nameSpans(t: string): [number, number][] {
  return [...t.matchAll(NAME)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** One place of the count noun in the clause. */
export interface CountPlace {
  readonly place: Place;
  /** The words around the place, for a reason (「违反第1项扣30分」「每天主动并按质按量完成」). */
  readonly text: string;
  readonly at: number;
}

/**
 * The places the clause `t` (normalised) writes the count noun `noun` (项, 次, 人次 …) in, each with what it is.
 * A spelling inside a longer count noun (次 of 人次, 人 of 人次) is not a place of the shorter noun.
 */
export function countPlaces(t: string, noun: string): CountPlace[] {
  const names = nameSpans(t);
  const out: CountPlace[] = [];
  const taken = new Set<number>();
  for (const s of spellingsOf(noun)) {
    for (let at = t.indexOf(s); at >= 0; at = t.indexOf(s, at + 1)) {
      if (taken.has(at)) continue;
      for (let k = 0; k < s.length; k++) taken.add(at + k);
      const end = at + s.length;
      // 次 of 人次, 人 of 人次 is not written as a count noun of its own
      if (insideLonger(t, at, s, noun)) continue;
      out.push({ place: placeOf(t, at, end, s, names), text: phraseAt(t, at, end), at });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The spelling `s` at `at` is part of a longer count noun of the language (次 of 人次, 件 of 件次) that is not `noun`'s. */
function insideLonger(t: string, at: number, s: string, noun: string): boolean {
  return LONGER.some((l) => {
    if (l.length <= s.length || !l.includes(s) || spellingsOf(noun).includes(l)) return false;
    const from = at - l.indexOf(s);
    return t.slice(from, from + l.length) === l;
  });
}

/** The words around a place, within its clause part (at most eight characters either side), for a reason. */
function phraseAt(t: string, at: number, end: number): string {
  const from = Math.max(0, at - 8) + Math.max(0, t.slice(Math.max(0, at - 8), at).search(/[^,;。()]*$/));
  const rest = t.slice(end, end + 8);
  const stop = rest.search(/[,;。()]/);
  return t.slice(from, end + (stop < 0 ? rest.length : stop));
}

/** What the spelling `s` of a count noun at [at, end) of `t` is. */
function placeOf(t: string, at: number, end: number, s: string, names: readonly [number, number][]): Place {
  if (s === "任一") return "any";
  if (names.some(([a, b]) => at >= a && end <= b)) return "named";
  const before = t.slice(0, at);
  const after = t.slice(end);
  if (/第(?:\d+|[一二两三四五六七八九十百]+|＃+)$/.test(before)) return "ordinal";
  // (「每个项目」: 个 is the count and 项 begins a word; 「每个人」 is each person)
  if (/每$/.test(before) || (/每个$/.test(before) && s === "人")) return PERIODS.test(s) && requirementAfter(after) ? "period-requirement" : "per";
  if (/分?\/$/.test(before)) return "slash";
  if (/按(?:每)?(?:[1一])?$/.test(before)) return "by";
  if (/单$/.test(before) && /^(?:起|次|件|项|宗|例)$/.test(s)) return "single";
  const n = NUMBER_BEFORE.exec(before);
  if (n) {
    const head = before.slice(0, n.index);
    // 「“十个一”有一个完成不了」: one member of the list the quotes just named
    if (/[”"》」』](?:中|里|当中|之中)?(?:有|少|缺|漏)(?:了)?(?:任何|任)?$/.test(head)) return "member";
    // 「每月一次集中会议」「每年召开2次推进会」: a number after a period and a verb of doing, in its clause part, is how
    // often the requirement holds (no failure or shortfall word before it)
    // 「重伤2人及以上」「参与人数达20人」: a bound on a number of things is the fact's threshold, not what is counted
    if (BOUND_AFTER.test(after) || BOUND_BEFORE.test(head)) return "bound";
    const part = head.split(/[,;。]/).pop()!;
    const period = PERIOD_LEAD.exec(part);
    if (period && !FAILURE.test(part.slice(period.index))) return "period-requirement";
    return "number";
  }
  // 「每有1个项目」「一个项目」: after a measure word the spelling begins another word
  if (/[个只名种类]$/.test(before)) return "word";
  // 「每发现一处」「每迟报一天」「每少签订一个单位」: 每, a verb, perhaps a number (not 「每提供1个有效招商项目」: the count is
  // 1个, 项 begins a word)
  const gap = /每([^,;。每]{0,8})$/.exec(before);
  if (gap && !COUNTED_IN_GAP.test(gap[1]!) && !/每(?:天|日|周|月|年|季度?|半年|学期)[^,;。每]*$/.test(before)) return "per";
  return "word";
}

/**
 * 「每天主动并按质按量完成本岗工作…,得3分」: what follows a period after 每, to the end of its clause part, is a
 * requirement to meet (no word of failure, no amount right after the period) — the period says how often it
 * holds, it is not what is counted.
 */
function requirementAfter(after: string): boolean {
  // 「(每天24个时次)」: the period and the standard's own number — a rate the standard states (guards-counting.ts)
  if (RATE_AFTER.test(after)) return true;
  // 「每天扣2分」「每天0.5分」: an amount per period; 「每月10日前」「每天1.组织…」: a date or an outline number is no amount
  if (/^(?:扣|减|得|加|计|记|[,;。]|\d+(?:\.\d+)?分)/.test(after)) return false;
  const part = after.split(/[,;。]/)[0]!;
  return !FAILURE.test(part);
}

/** The count nouns a reading counts by per occurrence (`每人 每次 扣 1` → 人, 次), not a linear step (每少 1个). */
export function perOccurrenceNouns(bodies: readonly string[]): string[] {
  const out: string[] = [];
  for (const b of bodies) {
    const tokens = b.split(/\s+/);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (!/^每\S/.test(tok) || /^\d/.test(tokens[i + 1] ?? "")) continue;
      if (unitOf(tok.slice(1)) !== tok) continue;
      out.push(tok.slice(1));
    }
  }
  return [...new Set(out)];
}

/** The provenance of one count noun of a reading: the places the clause writes it, and whether any is a source. */
export interface Provenance {
  readonly noun: string;
  readonly places: readonly CountPlace[];
  readonly found: boolean;
}

/** The provenance of every per-occurrence count noun of the reading in the clause `t` (normalised). */
export function provenanceOf(t: string, bodies: readonly string[]): Provenance[] {
  return perOccurrenceNouns(bodies).map((noun) => {
    const places = countPlaces(t, noun);
    return { noun, places, found: places.some((p) => SOURCES.has(p.place)) };
  });
}

/** The count nouns the clause writes as sources (「每处」「发现一起」), other than `except`: what it counts with. */
export function clauseCountNouns(t: string, except: string): string[] {
  const out: string[] = [];
  for (const noun of new Set(NOUNS.split("|").map((n) => unitOf(n)!.slice(1)))) {
    if (noun === except || except.includes(noun) || noun.includes(except)) continue;
    if (countPlaces(t, noun).some((p) => SOURCES.has(p.place) && p.place !== "any")) out.push(noun);
  }
  return out;
}
