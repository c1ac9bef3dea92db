// Guards on a finished reading: the clause must not say more than the reading writes. A reading is
// accepted only when every bound number, discretion word and cap of the clause is accounted for by
// it; otherwise the clause is a to-do with a Chinese reason (a wrong reading is the dangerous class).
import type { ClauseContext } from "./index.js";
import { CAP_RE } from "./amounts.js";
import { normalise, numberText } from "./normalise.js";
import { unitOf } from "./units.js";
import { GUARDS_23 } from "./guards-words.js";
import { countsUnaccounted, PER_THING } from "./guards-counts.js";
import { phrasesUnaccounted, zeroApart } from "./guards-phrases.js";
import { aboveAllowance, creditPerEvent, lostUnit, oneFoundMeasure, periodBeforeCount, personPerTimeAward, rateOfStandard } from "./guards-counting.js";
import { awardEvents, classesOneShot, onceAward } from "./guards-once.js";
import { overallJudgementScore, rangeOneAmount, signedAward } from "./guards-amounts.js";
import { GUARDS_DIRECTION } from "./guards-direction.js";
import { GUARDS_ORDER } from "./guards-order.js";
import { accountingUnaccounted } from "./accounting.js";
import { rateCapped, rateTarget } from "./patterns/proportion.js";
import { GUARDS_PROPORTION } from "./guards-proportion.js";
import { runTogetherAmount } from "./guards-run-together.js";
import { untilNoneOccurrence } from "./guards-until-none.js";
import { GUARDS_RATES } from "./guards-rates.js";
import { GUARDS_PROVENANCE } from "./guards-provenance.js";
import { GUARDS_DANGER } from "./guards-danger.js";
import { BOUND_RE } from "./bound-words.js";

/** Words of discretion: the amount is a range the assessor chooses in, never a fixed amount. */
const DISCRETION = /视情|视其情况|根据情况|酌情|酌减|酌扣/;



/** A consequence beyond the points (「否决性指标」「直接考核为未完成等级」): a veto the reading must write. */
// (session 29: 「若致使考核工作无法进行,考核结果为不合格」 — the whole assessment's result stated, gskz-09)
const VETO_WORDS = /否决|直接(?:考核|评定|评|定)为|取消.{0,6}(?:评优|评先|资格)|(?:考核|考评|评定|评审|年检)结果(?:为|定为|评为|确定为)不合格(?!的)/;

/**
 * 「距离污水池…污染源50米以上」「砍除2米以上得2分」 read `得 N` (session 29): a bound in a length or an area — units the
 * language has none of, so no band can count them — is part of the requirement a one-shot award is for.
 */
function lengthBound(t: string, m: RegExpMatchArray, bodies: readonly string[]): boolean {
  return bodies.length === 1 && /^得 [\d.]+$/.test(bodies[0]!) && /^[\d.一二两三四五六七八九十百千]+(?:米|公里|千米|平方米|亩)(?:及)?(?:以上|以内|之内)/.test(m[0]);
}

/** The numbers a body writes, as decimal text. */
function numbersOf(body: string): Set<string> {
  return new Set([...body.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
}

/** A counted clause among the siblings with no cap of its own (its cap may be written once, at the last clause). */
function uncappedCounted(siblings: readonly string[] | undefined): boolean {
  return (siblings ?? []).some((x) => {
    const n = normalise(x);
    return /每(?:[^,;。每]{0,6}?)[一1]?(?:次|件|项|条|个|人|处|例|起|篇|宗)/.test(n) && !CAP_RE.test(n) && !/扣完|扣满|为止|为限|封顶/.test(n);
  });
}

/** One guard: why the reading does not account for the clause, or undefined when it does. */
export interface Guard {
  /** A short stable name (measured one by one in recognise-guards.test.ts). */
  readonly name: string;
  /** The session that added it. */
  readonly since: number;
  /** `t` is the normalised clause (before its modifiers were taken), `bodies` the reading. */
  readonly check: (t: string, bodies: readonly string[], ctx: ClauseContext) => string | undefined;
}

/** 得 or 扣 as a word of a body (section-effect). */
const EFFECT_WORD = { 得: /(?:^|\s)得(?:\s|$)/, 扣: /(?:^|\s)扣(?:\s|$)/ } as const;

const isOneShot = (bodies: readonly string[]): boolean => bodies.length > 0 && bodies.every((b) => /^(?:扣|得) \d/.test(b));

/** The guards of session 22 (the second recogniser helper and the lead). */
const GUARDS_22: readonly Guard[] = [
  {
    // 「视情扣14分」: a discretion word with a fixed amount — the range is not written (or was lost)
    name: "discretion",
    since: 22,
    check: (t, bodies) => {
      const d = DISCRETION.exec(t);
      if (d && !/酌情|评议 得分/.test(bodies.join(" ")) && !/^(?:酌情|酌减)(?:予以)?(?:减免|从轻|免扣)/.test(t.slice(d.index))) return `条文写有「${d[0]}」（酌情计分），但只有一个确定的分值，未能确定酌情的范围`;
      return undefined;
    },
  },
  {
    // 「每发现1份未按时录入的，扣1分」 read 扣 1: the clause counts what the reading does not
    name: "per-thing",
    since: 22,
    check: (t, bodies) => {
      const per = PER_THING.exec(t);
      return isOneShot(bodies) && per ? `条文按「${per[0]}」逐一计分，但未能确定计数单位（语言中的计数单位如「每件」「每项」「每个」）` : undefined;
    },
  },
  {
    // 「属好、中、差，分别扣0、3、5分」 read as one-shot rules: 扣 0 is no rule (KP2006) — the amounts go with outcomes
    name: "zero-amount",
    since: 22,
    check: (_t, bodies) => (bodies.some((b) => /^(?:扣|得) 0(?:\s|$)/.test(b)) ? "条文的分值中有 0 分，像是按评定结果（好、中、差）计分，未能确定" : undefined),
  },
  {
    // 「本指标为否决性指标，未完成的不得分，并且直接考核为未完成等级」: the veto must be written
    name: "veto-words",
    since: 22,
    check: (t, bodies) => {
      const veto = VETO_WORDS.exec(t);
      return veto && !/一票否[决优]/.test(bodies.join(" ")) ? `条文写有「${veto[0]}」，但计分方式中没有一票否决（否优），未能确定` : undefined;
    },
  },
  {
    // a one-shot amount beyond the item's points can only be taken with 倒扣 (and then the clause says so)
    name: "beyond-points",
    since: 22,
    check: (_t, bodies, ctx) => {
      if (ctx.section !== null || ctx.points === null || /倒扣/.test(bodies.join(" "))) return undefined;
      const points = Number(ctx.points);
      for (const b of bodies) {
        const m = /^(?:扣|得) (\d+(?:\.\d+)?)(?:\s|$)/.exec(b);
        if (m && Number(m[1]) > points) return `条文的分值 ${m[1]} 分超过本项分值 ${ctx.points} 分，未能确定（可能是抄录有误）`;
      }
      return undefined;
    },
  },
  {
    // a bound number the reading does not write (「不得少于4次，少一次扣0.25分」 read 每次 扣 0.25): in a
    // one-shot reading any bound is the fact's threshold; in a counted one (每次 …) only a bound on the very
    // thing counted (a bound of another measure, 「过火面积超过50亩」, says what is counted); a veto's
    // whole clause is its condition, and a discretion range over what is missing takes its bound in the range
    name: "bound",
    since: 22,
    check: (t, bodies) => {
      const all = bodies.join(" ");
      if (/一票否决|酌情/.test(all)) return undefined;
      const written = numbersOf(all);
      const counted = /^每\S+/.exec(bodies[0] ?? "")?.[0];
      for (const m of t.matchAll(BOUND_RE)) {
        const v = numberText((m[1] ?? m[3])!);
        if (v === undefined) continue;
        const noun = m[2] ?? m[4];
        // 「有1座以上」「1次以上」: at least one is having one, a description of the fact (see count.ts)
        if (v === "1" && m[3] !== undefined) continue;
        // 「每条道路公益广告达到5条为合格」: a requirement per something — the total is not written, the
        // rule counts what is missing
        const segment = t.slice(0, m.index!).split(/[,;。]/).pop()!;
        if (/每/.test(segment)) continue;
        // the pieces a rate is of (「完成3项以上得10分,完不成的按比例扣分」 read 按比率: patterns/proportion.ts)
        if (m[3] !== undefined ? rateTarget(t, m.index! + m[3].length, all) : rateCapped(t, m.index!, all)) continue;
        if (counted !== undefined && (noun === undefined || !counted.startsWith(unitOf(noun) ?? "—"))) continue;
        // an area measured from nothing (「草高高于8cm,…,每平方米扣0.01分」, patterns/measured.ts): a length bound
        // says which area is measured, as a bound of another measure does in a counted reading (session 29)
        if (/^基准 0 每超 1 扣 /.test(all) && /^(?:cm|厘米|mm|毫米)/.test(t.slice(m.index! + m[0].length))) continue;
        // a length or an area (「距离…污染源50米以上」, no unit of the language) describes a requirement an award is for
        if (noun === undefined && lengthBound(t, m, bodies)) continue;
        if (!written.has(v)) return `条文的界限「${m[0]}」没有写进计分方式，未能确定它的作用`;
      }
      return undefined;
    },
  },
  {
    // a cap at the end of the clause beside counted clauses of the same item without their own: the
    // cap may be shared by all of them (「…每缺1项扣0.25分；…每少1个扣0.25分，扣完1分为止」)
    name: "shared-cap",
    since: 22,
    check: (t, bodies, ctx) => {
      const cap = CAP_RE.exec(t);
      return / 上限 /.test(bodies.join(" ")) && cap && /为止|为限/.test(cap[0]) && uncappedCounted(ctx.siblings)
        ? "条文末尾的上限可能是同一项几条条文共用的（其他按次扣分的条文没有上限），未能确定"
        : undefined;
    },
  },
];

/** Every guard, in the order they are tried (the first reason is reported). */
export const GUARDS: readonly Guard[] = [
  ...GUARDS_22,
  ...GUARDS_23,
  // from the sixth and seventh fresh sets (session 23): counts and bounds whose digits are the amount's, 任一,
  // 仅…一次, a letter for a digit (guards-counts.ts); 得分=, 打分, a second zero condition, 不评优, 不重复 (guards-phrases.ts)
  { name: "counts-fresh", since: 23, check: countsUnaccounted },
  { name: "phrases-fresh", since: 23, check: phrasesUnaccounted },
  // session 24, from the eighth to twelfth fresh sets: a second zero condition (guards-phrases.ts), what is counted
  // (guards-counting.ts), once or per time (guards-once.ts), how the amount is written (guards-amounts.ts)
  zeroApart,
  rateOfStandard,
  awardEvents,
  personPerTimeAward,
  oneFoundMeasure,
  overallJudgementScore,
  signedAward,
  rangeOneAmount,
  creditPerEvent,
  classesOneShot,
  aboveAllowance,
  lostUnit,
  onceAward,
  // from the fourteenth fresh set (session 25, s25-tune14): an award the clause does not say (guards-direction.ts), a count word after the amount dropped (guards-order.ts)
  ...GUARDS_DIRECTION,
  ...GUARDS_ORDER,
  // scoring in proportion (session 25): 按比率 without 满分 beside other clauses (guards-proportion.ts)
  ...GUARDS_PROPORTION,
  // a band where the bound is not one value's: a threshold several rates share, a checklist part's requirement
  // (session 29, helper rates: guards-rates.ts)
  ...GUARDS_RATES,
  // an amount whose digits may be two amounts run together, in an item whose copy lost its ranges' dashes (session 27,
  // the eighteenth set's 「扣0.21分」 beside 「扣0.10.5分」: guards-run-together.ts)
  runTogetherAmount,
  // a period followed by a count word (「每月次」) read as the period (session 27, zs22-03: guards-counting.ts)
  periodBeforeCount,
  // an occurrence (迟到, 缺席 …) deducted once beside 「扣完为止」, which says it repeats (session 29: guards-until-none.ts)
  untilNoneOccurrence,
  // a per-count reading whose count word the clause writes only as an ordinal, a period before a requirement, one member of
  // a named list, or beside another count word (session 29, helper provenance: guards-provenance.ts)
  ...GUARDS_PROVENANCE,
  // a rate threshold after 每, a distributive 每个X的 read per X, a time in 半 left out (session 29, helper danger: guards-danger.ts)
  ...GUARDS_DANGER,
  // a reading against its section's direction (「发现代签的各口 2分」 in a 减分 list, the OCR's 口 for 扣, read 得 2):
  // a 加分 section holds only awards and a 减分 section only deductions (core's KP2017), so the clause's verb was
  // misread or lost
  {
    name: "section-effect",
    since: 24,
    check: (_t, bodies, ctx) => {
      const has = (word: "得" | "扣") => bodies.some((b) => EFFECT_WORD[word].test(b));
      if (ctx.section === "减分" && has("得") && !has("扣")) return "条文在减分项中，却读成了得分，可能漏看了「扣」字，未能确定";
      if (ctx.section === "加分" && has("扣") && !has("得")) return "条文在加分项中，却读成了扣分，未能确定";
      return undefined;
    },
  },
  // the final accounting (session 24): every number and qualifying word of the clause placed (accounting.ts)
  { name: "accounting", since: 24, check: accountingUnaccounted },
];

/** The guards that find the reading short of the clause, each with its reason (for measuring them). */
export function guardsFiring(t: string, bodies: readonly string[], ctx: ClauseContext): { name: string; reason: string }[] {
  const out: { name: string; reason: string }[] = [];
  for (const g of GUARDS) {
    const reason = g.check(t, bodies, ctx);
    if (reason !== undefined) out.push({ name: g.name, reason });
  }
  return out;
}

/**
 * Why the reading does not account for the clause (the normalised clause `t`, before its modifiers
 * were taken), or undefined when it does.
 */
export function unaccounted(t: string, bodies: readonly string[], ctx: ClauseContext): string | undefined {
  for (const g of GUARDS) {
    const reason = g.check(t, bodies, ctx);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
