// The tagger of the compositional reader: a normalised clause → the parts found in it (parts.ts), each with its
// span and what it means, in the clause's order, and the free text between them (the conditions). Every kind's
// spellings are matched over the whole clause; where two matches overlap, the kind tried first keeps its span (a cap
// 「最多扣5分」 holds an effect and an amount; a score 「扣1-3分」 holds a range), so the order of KINDS is the priority.
import { numberText, rx } from "../normalise.js";
import { unitOf } from "../units.js";
import {
  ANY_SOURCE,
  BOUND_MEASURES,
  BRACKET_POINTS_SOURCE,
  BOUND_SUFFIX,
  BOUND_WORDS,
  CAP_PERIOD_BEFORE,
  CAP_SPELLINGS,
  DISCRETION_DEDUCTION_SOURCE,
  DISCRETION_SOURCE,
  FOUND_ONE_SOURCE,
  LACK_GAP,
  NUM,
  ONE_BEFORE_EFFECT_SOURCE,
  OTHERWISE_SOURCE,
  PER_SOURCE,
  PERIOD_SOURCE,
  SCORE_BOUND_AFTER,
  SCORE_SOURCE,
  SLASH_SOURCE,
  ZERO_SOURCE,
  FULL_SOURCE,
  STEP_SOURCE,
  STEP_DOWN,
  STATED_RATE_SOURCE,
  VETO_SOURCE,
  directionOf,
  type BoundOp,
  type Direction,
} from "./parts.js";

/** A count: the language's unit words (two for 每人每次), how it was written, and whether it counts what is missing. */
export interface CountPart {
  readonly kind: "count";
  readonly units: readonly string[];
  readonly form: "per" | "one" | "found" | "slash" | "any";
  /** 「每少一次」「缺1项」: what is missing is counted (a shortfall when the clause states the requirement). */
  readonly lack: boolean;
  /** The noun counted (次, 项 …), for matching a requirement's. */
  readonly noun: string;
}
export interface ScorePart {
  readonly kind: "score";
  /** The verb's direction, or undefined for a bare amount (「(2分)」). */
  readonly direction: Direction | undefined;
  readonly amount?: string;
  readonly range?: { readonly lo: string; readonly hi: string };
  /** 「酌情扣分」 without an amount: a range from 0 to the item's points (rule.ts resolves it). */
  readonly itemRange?: true;
}
export interface CapPart {
  readonly kind: "cap";
  /** The cap's amount, or null for the item's points (扣完为止: nothing to write). */
  readonly value: string | null;
  /** The direction the cap's own verb says (最多扣 → 扣), if any. */
  readonly direction: Direction | undefined;
}
export interface BoundPart {
  readonly kind: "bound";
  readonly op: BoundOp;
  readonly n: string;
  readonly measure: string;
  /** A count right before an award without a bound word (「参加活动2次得10分」). */
  readonly bare: boolean;
  /** 「登记率100%」: a rate's standard stated without a bound word (the base of a linear rule, nothing else). */
  readonly stated?: true;
}
/** A linear step (每低1个百分点): its direction, size and measure. */
export interface StepPart {
  readonly kind: "step";
  readonly down: boolean;
  readonly size: string;
  readonly measure: "个百分点" | "%";
}
/** A zero (不得分), 否则, a discretion word (酌情), a period (每季度) or a veto (一票否决): the word is all they say. */
export type OtherPart = { readonly kind: "full" } | { readonly kind: "zero" } | { readonly kind: "veto" } | { readonly kind: "otherwise" } | { readonly kind: "discretion" } | { readonly kind: "period" };
/** A part the reader knows it cannot read (a count word the language lacks after a slash, a cap per period …). */
export interface UnreadablePart {
  readonly kind: "unreadable";
  readonly reason: string;
}
export type PartValue = CountPart | ScorePart | CapPart | BoundPart | StepPart | OtherPart | UnreadablePart;

/** A part with its span in the clause; `inner` spans inside it that are free text too (a count's verb, a bound's action). */
export type Part = PartValue & { readonly at: number; readonly end: number; readonly inner?: readonly (readonly [number, number])[] };

/** The parts of one kind, typed as that kind. */
export const partsOf = <K extends Part["kind"]>(parts: readonly Part[], kind: K): Extract<Part, { kind: K }>[] => parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);

/** One kind's matcher: the matches in the clause, each read into a part (or skipped: undefined). */
interface Kind {
  readonly source: string;
  readonly read: (m: RegExpExecArray, t: string) => PartValue | undefined;
  /** The match's inner free spans, relative to the clause. */
  readonly inner?: (m: RegExpExecArray) => readonly (readonly [number, number])[];
}

const num = (s: string | undefined): string | undefined => (s === undefined ? undefined : numberText(s));

const capKinds: Kind[] = CAP_SPELLINGS.map((c) => ({
  source: c.re,
  read: (m, t) => {
    if (CAP_PERIOD_BEFORE.test(t.slice(0, m.index))) return { kind: "unreadable", reason: `条文的上限「${m[0]}」是每期（每次、每项）的上限，语言中没有这种上限，未能确定` };
    const verb = /(?<![累合总共])(扣|加|得|减|计|记)/.exec(m[0].replace(/扣分至基本分值/, ""));
    const direction = verb ? directionOf(verb[1]!) : undefined;
    if (!c.valued) return { kind: "cap", value: null, direction: "扣" };
    const value = num(m[1]);
    return value === undefined ? undefined : { kind: "cap", value, direction };
  },
}));

/** The bound words, longest first (「未达到」 before 「达到」), as one alternation; their comparison by word. */
const BOUND_OP = new Map<string, BoundOp>(BOUND_WORDS.flatMap((b) => b.words.split("|").map((w): [string, BoundOp] => [w, b.op])));
const BOUND_ALTERNATION = [...BOUND_OP.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => (w === "达" ? "(?<![未没不下到表传送抵通直转])达(?!到|标|成)" : /^(?:达到|低于|高于|少于|多于|超过|不到)$/.test(w) ? `(?<![未没不])${w}` : w))
  .join("|");

/** The requirement words an action may follow before its number (「至少召开联席会议2次」); other bound words take the number at once (「不到位的1次」 is no bound). */
const GAP_AFTER = "(?:不得少于|不应少于|不少于|至少|最少)";

const boundKinds: Kind[] = [
  // 「不少于4次」「至少召开联席会议2次」「低于80%」 (an action of at most ten characters between the word and the number)
  {
    source: `(${BOUND_ALTERNATION})((?<=${GAP_AFTER})(?:(?![每,;。:\\d])[\\u4e00-\\u9fa5“”"]){0,10}?|)${NUM}(${BOUND_MEASURES})(?:${BOUND_SUFFIX})?(?:/年)?`,
    read: (m) => {
      const n = num(m[3]);
      if (n === undefined) return undefined;
      const op = BOUND_OP.get(m[1]!)!;
      // 「达到10处以上」「不少于20户以上」 say one bound twice; 「超过20%以上」 may not (more than, or from?)
      const agrees = m[6] === undefined || (m[5] === undefined && m[7] === undefined && ((op === "≥" && m[6] === "以上") || (op === "≤" && m[6] !== "以上")));
      if (!agrees) return { kind: "unreadable", reason: `条文的界限「${m[0]}」既有「${m[1]}」又有「${m[6]}」，是否含本数未能确定` };
      return { kind: "bound", op, n, measure: m[4]!, bare: false };
    },
    inner: (m) => [[m.index + m[1]!.length, m.index + m[1]!.length + m[2]!.length]],
  },
  // 「2次以上」「5人(含)以上」「3个以下」「10天以内」
  {
    source: `(?<![\\d.第每])${NUM}(${BOUND_MEASURES})${BOUND_SUFFIX}(?:/年)?`,
    read: (m) => {
      const n = num(m[1]);
      if (n === undefined) return undefined;
      const strict = m[3] === "不" || m[5] === "不";
      const op: BoundOp = m[4] === "以上" ? (strict ? ">" : "≥") : strict ? "<" : "≤";
      return { kind: "bound", op, n, measure: m[2]!, bare: false };
    },
  },
];

/** The kinds in priority order. */
const KINDS: readonly Kind[] = [
  ...capKinds,
  { source: ZERO_SOURCE, read: () => ({ kind: "zero" }) },
  { source: VETO_SOURCE, read: () => ({ kind: "veto" }) },
  { source: FULL_SOURCE, read: () => ({ kind: "full" }) },
  {
    source: STEP_SOURCE,
    read: (m) => {
      // 「每低1个百分点」, or 「少一个百分点扣1分」 right before its amount
      const [word, n, measure] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4]!, m[5], m[6]];
      const size = num(n);
      return size === undefined ? undefined : { kind: "step", down: STEP_DOWN.test(word), size, measure: measure === "%" ? "%" : "个百分点" };
    },
  },
  {
    source: SCORE_SOURCE,
    read: (m, t) => {
      const direction = m[1] === undefined ? undefined : directionOf(m[1]);
      if (m[4] !== undefined || m[5] !== undefined) {
        if (m[5] !== undefined && direction === undefined) return undefined;
        if (SCORE_BOUND_AFTER.test(t.slice(m.index + m[0].length))) return { kind: "unreadable", reason: `条文的「${m[0]}」后有「以上」「以下」，是得分的界限还是分值，未能确定` };
        const amount = num(m[4] ?? m[5]);
        return amount === undefined ? undefined : { kind: "score", direction, amount };
      }
      const lo = num(m[2]);
      const hi = num(m[3]);
      return lo === undefined || hi === undefined ? undefined : { kind: "score", direction, range: { lo, hi } };
    },
  },
  {
    source: BRACKET_POINTS_SOURCE,
    read: (m) => {
      const amount = num(m[1]);
      return amount === undefined ? undefined : { kind: "score", direction: undefined, amount };
    },
  },
  { source: DISCRETION_DEDUCTION_SOURCE, read: () => ({ kind: "score", direction: "扣", itemRange: true }) },
  {
    source: SLASH_SOURCE,
    read: (m) => {
      const unit = unitOf(m[1]!) ?? unitOf(m[1]!.slice(0, 1));
      if (unit === undefined) return { kind: "unreadable", reason: `条文按「/${m[1]}」计分，语言中没有这个计数单位，未能确定` };
      return { kind: "count", units: [unit], form: "slash", lack: false, noun: unit.slice(1) };
    },
  },
  ...boundKinds,
  {
    source: STATED_RATE_SOURCE,
    read: (m) => {
      const n = num(m[1]);
      return n === undefined ? undefined : { kind: "bound", op: "≥", n, measure: "%", bare: false, stated: true };
    },
  },
  {
    // 「参加活动2次得10分」「自查二次得4分」: a count of two or more right before an award
    source: `(?<![\\d.第每])${NUM}(次|篇|件|个|项|条|场|份)(?=(?:的)?,?(?:得|加|计|记)(?:\\d|[一二两三四五六七八九十]))`,
    read: (m) => {
      const n = num(m[1]);
      return n === undefined || n === "1" ? undefined : { kind: "bound", op: "≥", n, measure: m[2]!, bare: true };
    },
  },
  {
    source: PER_SOURCE,
    read: (m, t) => {
      const unit = unitOf(m[2]!);
      if (unit === undefined) return undefined;
      // 「每个单位计3分」: a unit assessed, not a thing counted (「每缺一个单位」 counts the ones missing)
      if (/^[一1]?$/.test(m[1]!) && /^(?:单位|部门)/.test(t.slice(m.index + m[0].length))) return undefined;
      return { kind: "count", units: [unit], form: "per", lack: LACK_GAP.test(m[1]!), noun: m[2]! };
    },
    inner: (m) => [[m.index + 1, m.index + 1 + m[1]!.replace(/[一1]$/, "").length]],
  },
  {
    source: ANY_SOURCE,
    read: (m) => {
      const unit = unitOf(m[1]!);
      return unit === undefined ? undefined : { kind: "count", units: [unit], form: "any", lack: false, noun: m[1]! };
    },
  },
  {
    source: ONE_BEFORE_EFFECT_SOURCE,
    read: (m, t) => {
      const unit = unitOf(m[2]!);
      if (unit === undefined) return undefined;
      // 「缺1项」「少一次」 right before: what is missing is counted
      const lack = /(?:少|缺|差)[\u4e00-\u9fa5]{0,3}$/.test(t.slice(Math.max(0, m.index - 4), m.index));
      return { kind: "count", units: [unit], form: "one", lack, noun: m[2]! };
    },
  },
  {
    source: FOUND_ONE_SOURCE,
    read: (m) => {
      const unit = unitOf(m[1]!);
      return unit === undefined ? undefined : { kind: "count", units: [unit], form: "found", lack: false, noun: m[1]! };
    },
  },
  { source: OTHERWISE_SOURCE, read: () => ({ kind: "otherwise" }) },
  { source: DISCRETION_SOURCE, read: () => ({ kind: "discretion" }) },
  { source: PERIOD_SOURCE, read: () => ({ kind: "period" }) },
];

/** The clause's parts and the free text between them. */
export interface Tagged {
  readonly text: string;
  readonly parts: readonly Part[];
  /** The free spans: between the parts, and inside them (a count's verb, a bound's action). */
  readonly free: readonly (readonly [number, number])[];
}

/** Finds the parts of a normalised clause (after the reading rewords, riders and modifiers are taken out). */
export function tag(t: string): Tagged {
  const taken: Part[] = [];
  const overlaps = (a: number, b: number): boolean => taken.some((p) => a < p.end && p.at < b);
  for (const k of KINDS) {
    const re = rx(k.source, "g");
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (overlaps(m.index, end)) continue;
      const v = k.read(m, t);
      if (v === undefined) continue;
      const inner = k.inner?.(m).filter(([a, b]) => b > a);
      taken.push({ ...v, at: m.index, end, ...(inner && inner.length > 0 ? { inner } : {}) });
    }
  }
  const parts = taken.sort((a, b) => a.at - b.at);
  // 每人每次: two per-counts side by side are one compound count
  const joined: Part[] = [];
  for (const p of parts) {
    const last = joined[joined.length - 1];
    if (last && last.kind === "count" && p.kind === "count" && last.form === "per" && p.form === "per" && last.end === p.at && !last.inner && !p.inner) {
      joined[joined.length - 1] = { ...last, units: [...last.units, ...p.units], end: p.end, noun: p.noun };
      continue;
    }
    joined.push(p);
  }
  const free: [number, number][] = [];
  let from = 0;
  for (const p of joined) {
    if (p.at > from) free.push([from, p.at]);
    for (const i of p.inner ?? []) free.push([i[0], i[1]]);
    from = p.end;
  }
  if (from < t.length) free.push([from, t.length]);
  return { text: t, parts: joined, free };
}
