// What a clause shows of its scoring, read without deciding it: its amounts with their verbs, its cap, the count
// word it counts with, its bounds and steps, a list of rating words, 不得分, 一票否决 … For the editor's templates
// that finish a 待补 (lsp/src/service/todo-templates.ts): a person chooses the shape, these numbers are only its
// defaults. Never a reading — the recogniser (`recogniseClause`) is the only thing that writes scoring by itself; a
// clause it leaves a to-do may well have misleading numbers here, and that is the person's call.
import { withoutClockMinutes } from "./clock.js";
import { CAP_RE, capOf, capVerb } from "./amounts.js";
import { rewordCountWords } from "./count-words.js";
import { normalise, NUM, numberText, rxg, rxt } from "./normalise.js";
import { withoutScoreBounds } from "./score-bounds.js";
import { NOUNS, unitOf } from "./units.js";

/** The direction a verb gives an amount. */
export type ShapeVerb = "扣" | "得";

/** One points amount of the clause (「扣2分」「加0.5分」「2分/次」), with the verb written right before it (if any). */
export interface ShapeAmount {
  /** Decimal text. */
  readonly value: string;
  readonly verb: ShapeVerb | null;
}

/** A bound on a fact (「90%以上」「低于60%」「不少于4次」). */
export interface ShapeBound {
  /** As the language writes it: 90%, 4, 0.5. */
  readonly value: string;
  /**
   * The side the clause's words put the unit on: at or above the value (以上, 不低于, 达到 …), below it (以下, 低于,
   * 不足 …), or between it and `high` (「6-11件」「75%-100%」).
   */
  readonly side: "above" | "below" | "between";
  /** The upper end of a `between` bound. */
  readonly high?: string;
  /** The comparison the clause's words or signs state, when they state one (以上 ≥, 超过 >, 低于 <, 不超过 ≤, ≥ …). */
  readonly op?: "≥" | ">" | "≤" | "<";
  /** The measure after the number when it is a count (次, 个 …), or "%" for a percentage, or "" for none. */
  readonly measure: string;
}

/** A linear step (「每低1个百分点」「每增加50万元」). */
export interface ShapeStep {
  /** The step word as the language has it (每低, 每增加 …). */
  readonly word: string;
  /** The step's amount with its measure (1个百分点, 50万元, 1%). */
  readonly size: string;
}

/** What the clause shows of its scoring (every list in the clause's order). */
export interface ClauseShape {
  readonly amounts: readonly ShapeAmount[];
  /** A range amount (「扣1-3分」「酌情扣0.5至2分」). */
  readonly ranges: readonly { readonly low: string; readonly high: string; readonly verb: ShapeVerb | null }[];
  /** The cap (「最多扣4分」: "4"), null for 扣完为止 (the item's points), undefined when none is written. */
  readonly cap: string | null | undefined;
  /** The language's count word the clause counts with (每次, 每处 …), or null. */
  readonly unit: string | null;
  /** A count word the clause counts with that the language has no unit for (「每座扣0.5分」: 座), or null. */
  readonly otherCount: string | null;
  readonly bounds: readonly ShapeBound[];
  readonly steps: readonly ShapeStep[];
  /** Rating words listed (优秀、良好、一般 …), in order, each once; empty unless at least two. */
  readonly ratings: readonly string[];
  /** The clause says the item scores nothing (不得分, 该项0分). */
  readonly noScore: boolean;
  /** 一票否决. */
  readonly veto: boolean;
  /** 酌情, 视情况: the amount is the assessor's. */
  readonly discretion: boolean;
  /** 按比例, 按完成比例, 得分=…: the score is a share of the points. */
  readonly proportion: boolean;
  /** Counts the clause names (「信息5条」「八个文艺团体」): a requirement a 每少 step may count down from. */
  readonly counts: readonly { readonly value: string; readonly measure: string }[];
  /** Percentages the clause names that are neither a step nor an amount (「佩戴率100%得5分」): a base. */
  readonly percents: readonly string[];
  /** The direction the clause's verbs state: one, both, or none. */
  readonly direction: ShapeVerb | "both" | null;
}

const DOWN = "扣除|扣减|倒扣|扣|减|罚";
const UP = "加|得|计|记|奖励|奖|给";
const verbOf = (v: string | undefined): ShapeVerb | null => (v === undefined || v === "" ? null : new RegExp(`^(?:${DOWN})`).test(v) ? "扣" : "得");

/** 「分」 that begins another word (三分类, 十分钟 …): no amount. */
const NOT_WORD = "(?!类|析|工|布|解|管|批|散|钟|之|段|化|别)";
/** Rating words, longest first (基本合格 before 合格). */
const RATINGS = ["优秀", "良好", "较好", "基本合格", "不合格", "合格", "基本满意", "不满意", "满意", "一般", "较差", "差", "好", "中等", "中"];
/** Where a rating word stands as one: after 为/评/属/、 or a clause's start and before 、/的/等次 (「评为好、较好」「属好、中、差」「评分:好的得5分;一般的得4分」). */
const RATING_RE = new RegExp(`(?<=^|为|评|属|、|,|;|:|或)(${RATINGS.join("|")})(?=、|,|的|等次|等级|或|者|$|;|。)`, "g");
/** Step words the language has (tokens: 每低, 每少 …), longest first; 每超过 written 每超. */
const STEP_WORDS = ["每增加", "每增长", "每提高", "每上升", "每高出", "每高于", "每超额完成", "每超额", "每超过", "每超出", "每超", "每减少", "每降低", "每下降", "每降", "每低于", "每低", "每差", "每缺少", "每缺", "每高", "每少", "每多"];
/** Step words as the language writes them (a rate falling: 每低, as the corpus's encodings write 「每下降1%」「每差1个百分点」). */
const STEP_AS: Readonly<Record<string, string>> = {
  每增长: "每增加", 每提高: "每增加", 每上升: "每增加", 每高出: "每增加", 每高于: "每增加", 每超额完成: "每增加", 每超额: "每增加",
  每超过: "每超", 每超出: "每超", 每降低: "每低", 每下降: "每低", 每降: "每低", 每低于: "每低", 每差: "每低", 每缺少: "每少", 每缺: "每少",
};

/** What `text` (a clause, verbatim) shows of its scoring. */
export function clauseShape(text: string): ClauseShape {
  const plain = normalise(text);
  const counted = rewordCountWords(plain);
  const cap = capOf(plain);
  const rest = withoutScoreBounds(withoutClockMinutes(cap ? cap.rest : plain));
  const amounts: ShapeAmount[] = [];
  const ranges: { low: string; high: string; verb: ShapeVerb | null }[] = [];
  // an amount: the verb right before (a count word between: 「每次扣」 is the verb's), the number, 分
  const amountRe = rxg`(${DOWN}|${UP})?(?:分)?${NUM}(?:分?[-~至到]${NUM})?分${NOT_WORD}(?!以上|以下|及以上|及以下|以内)`;
  for (let m = amountRe.exec(rest); m; m = amountRe.exec(rest)) {
    const verb = verbOf(m[1]) ?? verbBefore(rest.slice(Math.max(0, m.index - 6), m.index));
    const v = numberText(m[2]!);
    // 「扣 0。5 分」: a number broken by a full stop (a copy's slip) is no amount to offer — neither 5 nor a guessed 0.5
    if (v === undefined || /\d。$/.test(rest.slice(0, m.index + (m[1]?.length ?? 0)))) continue;
    const hi = m[3] === undefined ? undefined : numberText(m[3]);
    if (hi !== undefined) ranges.push({ low: v, high: hi, verb });
    else amounts.push({ value: v, verb });
  }
  // a list of amounts sharing one 分 (「分别扣0、3、5分」): each, with the list's verb, in place of the last alone
  const listRe = rxg`(${DOWN}|${UP})?((?:${NUM}[、,])+${NUM})分${NOT_WORD}`;
  for (let m = listRe.exec(rest); m; m = listRe.exec(rest)) {
    const values = m[2]!.split(/[、,]/).map(numberText);
    if (values.some((v) => v === undefined)) continue;
    const verb = verbOf(m[1]) ?? verbBefore(rest.slice(Math.max(0, m.index - 6), m.index));
    const last = amounts.findIndex((a) => a.value === values[values.length - 1]);
    amounts.splice(last < 0 ? amounts.length : last, last < 0 ? 0 : 1, ...values.map((value) => ({ value: value!, verb })));
  }
  // 「每项扣2.」「未落实的扣2」: an amount whose 分 the copy dropped
  // (the whole number: not 「扣0.5分」's 0 before its point, nor 「扣0。5分」's 0 before a full stop and a digit)
  const bareRe = rxg`(${DOWN}|${UP})${NUM}(?![\\d.]*分|。\\d)(?=$|[,;。.)])`;
  for (let m = bareRe.exec(rest); m; m = bareRe.exec(rest)) {
    const v = numberText(m[2]!);
    if (v !== undefined) amounts.push({ value: v, verb: verbOf(m[1]) });
  }
  const verbs = new Set([...amounts, ...ranges].map((a) => a.verb).filter((v): v is ShapeVerb => v !== null));
  // no amount with a verb: a cap's own verb (「最多扣2分」), or 扣完为止, says it
  // no amount with a verb: a cap's own verb (「最多扣2分」「最多加20分」), 扣完为止, or the words 扣分 / 加分 say it
  const capPhrase = CAP_RE.exec(plain)?.[0];
  const capSays = cap === undefined ? undefined : capPhrase !== undefined ? capVerb(capPhrase) : cap.value === null ? "扣" : undefined;
  const words = plain.replace(/不得分|不计分|不扣分|不加分/g, "");
  const wordSays = /扣分|扣除|减分/.test(words) === /加分|奖励|得分/.test(words) ? undefined : /扣分|扣除|减分/.test(words) ? "扣" : "得";
  // 「不少于4次(4分)」「达到30平方米以上;(2分)」: the only amount in brackets, with no verb — what meeting it earns
  const bracketed = amounts.length > 0 && rxt`\(${NUM}分\)`.test(rest) && amounts.every((a) => a.verb === null) && !/不得分|不计分/.test(rest.replace(/\([^()]*\)/g, "")) ? "得" : undefined;
  const direction: ShapeVerb | "both" | null = verbs.size === 2 ? "both" : verbs.size === 1 ? [...verbs][0]! : (capSays ?? wordSays ?? bracketed ?? null);
  return {
    amounts,
    ranges,
    cap: cap === undefined ? undefined : cap.value,
    unit: unitIn(counted),
    otherCount: unitIn(counted) === null ? otherCountIn(counted) : null,
    bounds: boundsIn(rest),
    steps: stepsIn(rest),
    ratings: ratingsIn(plain),
    noScore: /不得分|不计分|(?:该项|本项|此项)(?:得|计|记)?0分|得0分/.test(plain),
    veto: /一票否决/.test(plain),
    discretion: /酌情|视情况|视情节|视具体情况|视.{1,6}情况/.test(plain) || ranges.length > 0,
    proportion: /按(?:完成)?(?:的)?比例|按比率|完成比例|得分=|按.{0,6}比例(?:计|扣|得)/.test(plain),
    counts: countsIn(rest),
    percents: percentsIn(rest),
    direction,
  };
}

/** The verb of a count just before an amount (「每次扣」 has its verb before the count: 「扣0.5分/次」 none). */
function verbBefore(before: string): ShapeVerb | null {
  const m = new RegExp(`(${DOWN}|${UP})[^,;。分\\d]{0,3}$`).exec(before);
  return m ? verbOf(m[1]) : null;
}

/** The count word: 每X / 每…一X / 一X扣 / 分/X, as the language's unit. */
function unitIn(t: string): string | null {
  const per = rxt`每(?:[^\\d,;。每]{0,4}?)(?:一|1)?(${NOUNS})`.exec(t);
  // 「发现一处」「迟到一次扣0.5分」: one of it, then its amount (not 第一次, 前1名, 11次, 一次以上)
  const one = rxt`(?<![第前后\\d.])(?:一|1)(${NOUNS})(?=[^,;。\\d]{0,10}(?:${DOWN}|${UP}))`.exec(t);
  const slash = rxt`分/(${NOUNS})`.exec(t);
  for (const m of [per, one, slash]) {
    const unit = m ? unitOf(m[1]!) : undefined;
    if (unit !== undefined) return unit;
  }
  // 「各扣1分」「少任一扣3分」「按缺项扣分」: each item of a list counted
  if (rxt`各(?:${DOWN}|${UP})|任一|任何一|缺项|少一项|缺一项`.test(t)) return "每项";
  return null;
}

/** 「每座扣0.5分」: a one-character count word right after 每 and before the verb, the language having no unit for it. */
function otherCountIn(t: string): string | null {
  const m = new RegExp(`每(?:一|1)?([\u4e00-\u9fa5])(?=${DOWN}|${UP})`).exec(t);
  return m ? m[1]! : null;
}

/** Bounds on a fact: 「N%以上」「低于N%」「不少于N次」, in the clause's order. */
function boundsIn(t: string): ShapeBound[] {
  const found: { at: number; bound: ShapeBound }[] = [];
  const measure = "(%|个百分点|次|个|项|件|人|篇|天|家|户|条|场|份)?";
  const after = rxg`${NUM}${measure}(?:\\(含\\))?(及以上|以上|及以下|以下|以内|之内)`;
  for (let m = after.exec(t); m; m = after.exec(t)) {
    const v = numberText(m[1]!);
    if (v !== undefined) {
      const above = /以上/.test(m[3]!);
      found.push({ at: m.index, bound: { value: `${v}${m[2] === "%" ? "%" : ""}`, side: above ? "above" : "below", measure: measureOf(m[2]), ...(above ? { op: "≥" as const } : {}) } });
    }
  }
  // 「≥95%」「错比>0.8‰」「≤3条」: the sign says the side and whether the value is in
  const signed = rxg`(≥|>=|>|≤|<=|<)${NUM}${measure}`;
  for (let m = signed.exec(t); m; m = signed.exec(t)) {
    const v = numberText(m[2]!);
    if (v === undefined) continue;
    const op = m[1] === ">=" ? "≥" : m[1] === "<=" ? "≤" : (m[1] as "≥" | ">" | "≤" | "<");
    found.push({ at: m.index, bound: { value: `${v}${m[3] === "%" ? "%" : ""}`, side: op === "≥" || op === ">" ? "above" : "below", measure: measureOf(m[3]), op } });
  }
  const before = rxg`(不低于|不少于|达到|高于|超过|多于|大于|低于|不足|少于|小于|未达到|未达|不超过|不高于)${NUM}${measure}`;
  for (let m = before.exec(t); m; m = before.exec(t)) {
    const v = numberText(m[2]!);
    // 「超过2分」 is an amount's bound of another kind (a cap): not a fact's
    if (v === undefined || t.slice(m.index + m[0].length).startsWith("分")) continue;
    const word = m[1]!;
    const above = /不低于|不少于|达到|高于|超过|多于|大于/.test(word);
    const op = /不低于|不少于|达到/.test(word) ? "≥" : above ? ">" : /不超过|不高于/.test(word) ? "≤" : "<";
    found.push({ at: m.index, bound: { value: `${v}${m[3] === "%" ? "%" : ""}`, side: above ? "above" : "below", measure: measureOf(m[3]), op } });
  }
  // 「6-11件」「75%-100%」: a band between two values (not an amount range 「扣1-3分」)
  const between = rxg`${NUM}(%|个百分点|次|个|项|件|人|篇|天|家|户|条|场|份)?[-~至到]${NUM}(%|个百分点|次|个|项|件|人|篇|天|家|户|条|场|份)(?!分)`;
  for (let m = between.exec(t); m; m = between.exec(t)) {
    const lo = numberText(m[1]!);
    const hi = numberText(m[3]!);
    const pct = m[4] === "%" || m[4] === "个百分点" ? "%" : "";
    if (lo !== undefined && hi !== undefined) found.push({ at: m.index, bound: { value: `${lo}${pct}`, high: `${hi}${pct}`, side: "between", measure: measureOf(m[4]) } });
  }
  return found.sort((a, b) => a.at - b.at).map((x) => x.bound);
}

const measureOf = (m: string | undefined): string => (m === undefined ? "" : m === "个百分点" ? "%" : m);

const COUNT_MEASURES = "次|个|项|件|人|篇|天|家|户|条|场|份|支|种|名";

/** Counts named in the clause (「5条」「八个」), in order; not a step's (每少1条) nor a bound's own. */
function countsIn(t: string): { value: string; measure: string }[] {
  const out: { value: string; measure: string }[] = [];
  const re = rxg`(每(?:[\u4e00-\u9fa5]{1,4})?)?${NUM}(${COUNT_MEASURES})`;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const v = numberText(m[2]!);
    if (m[1] === undefined && v !== undefined && v !== "1" && v !== "0") out.push({ value: v, measure: m[3]! });
  }
  return out;
}

/** Percentages named in the clause, not a step's (每低1%) nor a rate's share of a step. */
function percentsIn(t: string): string[] {
  const out: string[] = [];
  const re = rxg`(每[\u4e00-\u9fa5]{0,3})?(\\d+(?:\\.\\d+)?)%`;
  for (let m = re.exec(t); m; m = re.exec(t)) if (m[1] === undefined) out.push(`${m[2]!}%`);
  return out;
}

/** Linear steps: 「每低1个百分点」「每增加50万元」. */
function stepsIn(t: string): ShapeStep[] {
  const out: ShapeStep[] = [];
  const re = rxg`(${STEP_WORDS.join("|")})${NUM}(个百分点|百分点|%|万元|元|天|人|次|个|件|家|户|项|名)?`;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const v = numberText(m[2]!);
    if (v === undefined) continue;
    out.push({ word: STEP_AS[m[1]!] ?? m[1]!, size: `${v}${m[3] === "百分点" ? "个百分点" : (m[3] ?? "")}` });
  }
  return out;
}

/** Rating words listed in the clause (at least two different ones), in order. */
function ratingsIn(t: string): string[] {
  const seen: string[] = [];
  RATING_RE.lastIndex = 0;
  for (let m = RATING_RE.exec(t); m; m = RATING_RE.exec(t)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen.length >= 2 ? seen : [];
}
