// The scoring vocabulary of the accounting check (session 26): the words of a clause that change a score,
// by class, each mapped to the features of a reading (reading-features.ts) that account for it. A reading
// that does not reflect a word the clause uses where it scores is a to-do whose Chinese reason names the word.
// Session 24's closed list of qualifiers (从高, 只计一次, 累计, 各/分别, 以上/以下, 满分, 基础分, 扣完为止, 否则 …,
// accounting-words.ts `QUALIFIERS`) is the first part of it; session 26 adds the classes the blind wrong readings
// of the fresh sets and the probes written for this pass showed (test/corpus/README.md, "Session 26: the
// accounting check widened"):
//   cap-negation   上不封顶/不封顶/不设上限 — the reading's amounts are capped by the item unless it writes 倒扣
//   period         每天/每日/每周/每月/每季度/每半年/每旬/每学期 where they score — a one-shot reading counts once
//   multiplier     N倍/打N折 of a score — only 加倍/减半 are written, and only as such
//   quantifier     每X…均/都/全部 — every X must do it: one score, never one per X
//   ordinal        第N次起/前N次不扣/首次…提醒 — the first ones are not counted
//   comparison     同比/环比/比上年/较计划 … beside a count — only the part above or below the base counts
//   severity       从重/从严/加重 without an amount — a graver case scores more, by an amount not written
//   per-time-max   每次满分N分/每项最高N分 — a ceiling per time, not an award per time
//   repetition     再次/屡次/多次/反复/重复/连续 … 发生 — once, or each time?
//   average        按平均分/平均得分计 — the score is an average
//   conversion     折算/换算/系数/权重 — the score is converted
//   floor          最低N分/保底N分 (N > 0) — the language floors a deduction at nothing only
//   alternative    N分或M分 — two amounts, one written
//   waiver         …的不扣分/不计/只提醒 beside a deduction — an exemption the reading drops
// Each word is matched in the clause normalised (normalise.ts) with its numbers of no scoring use masked
// (accounting.ts `maskNonScoring`: dates, frequencies 「每月一次」, names …).
import type { ClauseContext } from "./index.js";
import { QUALIFIERS } from "./accounting-words.js";
import { readingFeatures, type ReadingFeatures } from "./reading-features.js";
import { canon, shareOf } from "../decimal.js";
import { numberText } from "./normalise.js";
import { FORMULA, NO_EXCELLENT, PANEL_SCORE } from "./guards-phrases.js";
import { SIGNED } from "./guards-amounts.js";
import { LOST_UNIT } from "./guards-counting.js";
import { ANY_ONE, GARBLED, ONCE_AFTER, PER_COUNT, PER_THING, PER_UNIT_ASSESSED, requirementApart } from "./guards-counts.js";
import { COUNT_PHRASE, countedNoun } from "./guards-words.js";
import { unitOf } from "./units.js";
import { requirementPeriod } from "./rewords-requirement.js";
import { SESSION_27_WORDS } from "./accounting-defaults.js";
import { comparedPerThing, reportedObject } from "./accounting-conditions.js";

/** The classes of the vocabulary. */
export type WordClass =
  | "qualifier"
  | "cap-negation"
  | "period"
  | "multiplier"
  | "quantifier"
  | "ordinal"
  | "comparison"
  | "severity"
  | "per-time-max"
  | "repetition"
  | "average"
  | "conversion"
  | "floor"
  | "alternative"
  | "waiver"
  | "steps"
  | "shared"
  | "formula"
  | "judgement"
  | "veto-effect"
  | "signed"
  | "count"
  | "scoped-cap"
  | "discretion"
  | "zero"
  | "direction";

/** One word of the vocabulary and what accounts for it in a reading. */
export interface ScoringWord {
  /** A short stable name (tests and measurements use it). */
  readonly name: string;
  readonly kind: WordClass;
  /** The session that added it. */
  readonly since: number;
  /** The word in the masked clause; global (every occurrence is looked at). */
  readonly re: RegExp;
  /**
   * The context rule: whether this occurrence changes the score (a word in a condition that only describes
   * the fact — 「每月报送」 as a duty — does not). Default: every occurrence does.
   */
  readonly scores?: (t: string, m: RegExpExecArray, f: ReadingFeatures, ctx: ClauseContext) => boolean;
  /** Whether the reading accounts for the word. */
  readonly reflected: (f: ReadingFeatures, t: string, m: RegExpExecArray, ctx: ClauseContext) => boolean;
  /** The Chinese reason when it does not ({w}: the word as the clause writes it; {u}: a unit the entry names). */
  readonly reason: string;
  /**
   * Also on readings whose numbers the accounting check does not count (一票否决/否优, 酌情, 评议, 按评价): their
   * score is the assessor's or none, but a word such as 不封顶 or 从重 still says what they leave out.
   */
  readonly always?: true;
}

/** The part of the clause (between 「,」「;」「。」「:」) around an offset: [start, end). */
export function partAround(t: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !/[,;。:]/.test(t[start - 1]!)) start--;
  let end = at;
  while (end < t.length && !/[,;。:]/.test(t[end]!)) end++;
  return [start, end];
}

/** An amount, a zero or a scoring verb before an amount in a part (「扣2分」「得满分」「不得分」「0.5分/项」). */
const SCORE_IN_PART = /\d(?:\.\d+)?分|[一二两三四五六七八九十半]分|不得分|不计分|不记分|得满分|扣完|全扣/;
/** A part that is only the score (「扣2分」「得1分」「不得分」): its condition is the part before it. */
const SCORE_ONLY = /^(?:该项|本项|此项)?(?:扣|减|得|加|计|记|给)?(?:除|减)?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)分[。;,]?$|^(?:该项|本项|此项)?(?:不得分|不计分|不记分)[。;,]?$/;

/**
 * Whether an offset stands where the clause scores: in the part that writes the amount, or in the part
 * before it when that part is the amount alone (「每季度未召开分析会的,扣2分」).
 */
export function inScoringPart(t: string, at: number): boolean {
  const [start, end] = partAround(t, at);
  if (SCORE_IN_PART.test(t.slice(start, end))) return true;
  const next = t.slice(end + 1, partAround(t, Math.min(t.length, end + 1))[1]);
  return end < t.length && SCORE_ONLY.test(next);
}

/** The item's own points named in a part (「基础分值10分」「满分5分」): what the part states, not an award. */
const OWN_POINTS_IN_PART = /(?:基础分值?|基本分值?|基准分值?|满分|分值|标准分)(?:为|是)?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)分/;

/** Inside brackets that hold no amount (「(每天24个时次)」 describes the standard; 「(每例扣2分)」 is the scoring). */
function inBracketWithoutAmount(t: string, at: number): boolean {
  const open = t.lastIndexOf("(", at);
  if (open < 0 || t.lastIndexOf(")", at) > open) return false;
  const close = t.indexOf(")", at);
  return !/\d(?:\.\d+)?分/.test(t.slice(open, close < 0 ? t.length : close));
}

/** A condition's core: its words without 如/若/凡 before, 的/者/时 after, and negations (未按时报送 → 按时报送). */
const conditionCore = (c: string): string => c.replace(/^(?:如|若|凡|对)/, "").replace(/(?:的|者|时)$/, "").replace(/未|没有|没|不|无/g, "");

/**
 * 「未按时报送的扣1分，按时报送的不扣分」: the exemption is the deduction's own other side when its condition is
 * the deduction's without (or with) its negation — no condition of its own.
 */
function otherSideOfDeduction(t: string, at: number): boolean {
  const [start, end] = partAround(t, at);
  const own = conditionCore(t.slice(start, at));
  if (own.length < 2) return false;
  return t.split(/[,;。:]/).some((p) => {
    const cond = /^(.*?)(?:扣|减|不得分)/.exec(p)?.[1];
    if (cond === undefined || p === t.slice(start, end)) return false;
    const other = conditionCore(cond);
    return other.length >= 2 && (other === own || other.includes(own) || own.includes(other));
  });
}

/** Session 24's qualifiers as words of the vocabulary (accounting-words.ts keeps their data). */
const QUALIFIER_WORDS: readonly ScoringWord[] = QUALIFIERS.map((q) => ({
  name: q.name,
  kind: "qualifier" as const,
  since: 24,
  re: new RegExp(q.re.source, "g"),
  reflected: (f: ReadingFeatures, t: string) => q.reflected(f.all, f.bodies, t),
  reason: q.reason,
}));

/** 「每次」「每件」 …: the units a reading counts by, and 个 for 每个. */
const countsBy = (f: ReadingFeatures, unit: string): boolean => f.counts.some((u) => u === unit || u.startsWith(unit) || (unit === "个" && u === "个"));

/** A bound, a measure or a trend before a multiple (「超标2倍以上」「增长1倍」): the fact's, not the score's. */
const MULTIPLE_OF_FACT_BEFORE = /(?:超过|超标|超出|达到|高于|低于|多于|少于|大于|小于|增长|增加|下降|减少|提高|相当于|是|为)[^,;。]{0,4}$/;

/** 「第3次起」「从第二次」「前两次不扣」「首次发现的只提醒」: the first occurrences are not counted. */
const ORDINAL_START =
  /(?:从)?第(?:\d+|[一二三四五六七八九十两]+)(?:次|起|件|个|项|天|人|例|处|条)(?:及)?(?:以后|之后|以上)?(?:起|开始)|从第(?:\d+|[一二三四五六七八九十两]+)|前(?:\d+|[一二三四五六七八九十两]+)(?:次|起|件|个|项|天|例|处|条)(?:内)?(?:不|免|只)|(?:首次|第一次|初次)[\u4e00-\u9fa5]{0,6}?(?:不扣|免扣|只提醒|提醒|警告|不计|告诫)/g;

/** What the clause compares with (同比, 比上年, 较计划 …): a count beside it counts only what is above or below it. */
const COMPARISON =
  /同比|环比|(?:比|较|与|同|相比|对比|超过|超出|高于|低于|多于|少于)(?:上年|去年|上一年|上年度|上一年度|前一年|前三年|上期|上季度|上月|上半年|同期|去年同期|上年同期|基数|基期|全市|全省|全县|全区|全国|平均|目标|计划|任务数|标准)|(?:以|按)[^,;。]{0,10}?为(?:基数|基准|基期)/g;

/** A verb of an event after a repetition word (「再次发生」「多次被通报」「连续两次未参加」). */
const REPETITION =
  /(?:再次|屡次|多次|反复|重复|连续|再)(?:[\d一二两三四五六七八九十]+(?:个)?(?:次|年|月|天|周|季度))?(?:被|发生|出现|违反|犯|未|不|缺|迟|漏|出错|查出|发现)|又(?:出现|发生|被|违反|犯)/g;

/** The words of session 26, by class. */
const SESSION_26: readonly ScoringWord[] = [
  {
    // 「每发现一处问题扣0.5分，上不封顶」 read 每处 扣 0.5 in a 10-point item: the item stops it at 10
    name: "uncapped",
    kind: "cap-negation",
    since: 26,
    re: /(?:扣分|得分|加分|扣除)?(?:上不封顶|不封顶|不设上限|无上限|上不设限|上限不限|不设封顶线?|不受(?:本项)?分值限制|不限分值)/g,
    reflected: (f, _t, _m, ctx) => {
      // deductions beyond the item's points are 倒扣; a 减分 section without a cap takes any
      if (f.deduct && !f.award) return f.overdraft || (ctx.section === "减分" && ctx.points === null);
      // awards beyond the item's points: only a 加分 section without a cap takes them
      if (f.award && !f.deduct) return ctx.section === "加分" && ctx.points === null;
      return f.overdraft;
    },
    reason: "条文写有「{w}」（分值不设上限），计分方式中的分值却以本项分值为限（扣分可超出本项分值的写倒扣），未能确定",
    always: true,
  },
  {
    // 「每季度考核合格的得2分」「每月完成任务的得1分，未完成的扣1分」 read once: each period, or the year?
    name: "period",
    kind: "period",
    since: 26,
    re: /每(?:个)?(天|日|周|月|季度|季|半年|旬|学期)(?![\d一二两三四五六七八九十]+(?:个)?(?:[次项件条篇人时]|小时))/g,
    scores: (t, m, _f, ctx) => {
      // 「未每日登陆系统的」: the duty's failing, once; 「每月…汇报制度」: a system named
      if (/(?:未|不|没有|没)$/.test(t.slice(0, m.index))) return false;
      // 「每天…完成本岗工作,得3分」 in a 5-point item: when the requirement holds (rewords-requirement.ts, session 29)
      if (m.index === requirementPeriod(t, ctx)?.[1]?.length) return false;
      const [, end] = partAround(t, m.index);
      const rest = t.slice(m.index, end);
      if (/制度|机制/.test(rest)) return false;
      // 「每季度均完成任务的得4分」: every period must — one score (the quantifier class reads a reading that counts them)
      if (/^每(?:个)?[\u4e00-\u9fa5]{1,2}?[\u4e00-\u9fa5]{0,10}?(?:均|都|全部|全都|皆|一律)/.test(rest)) return false;
      // 「各股室每周报送信息基础分值10分,完成任务的加10分…」: the duty with the item's own points, scored by the parts after it
      if (OWN_POINTS_IN_PART.test(rest)) return false;
      // 「值班室(每日24小时)有人值守的」: a bracket that describes the standard, with no amount in it
      if (inBracketWithoutAmount(t, m.index)) return false;
      return inScoringPart(t, m.index);
    },
    reflected: (f) => !f.oneShot,
    reason: "条文按期（「{w}」）计分，计分方式却只计一次，是全年一次还是每期一次，未能确定",
    always: true,
  },
  {
    // 「每发现一处扣0.5分，整改不到位的按1.5倍计」 read 每处 扣 0.5: the multiple dropped
    name: "multiple",
    kind: "multiplier",
    since: 26,
    re: /(?<!成)(?:加倍|双倍|翻倍|减半|折半|(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)倍|打[一二三四五六七八九]折)/g,
    scores: (t, m) => !/^(?:及)?(?:以上|以下|以内|\(含\))/.test(t.slice(m.index + m[0].length)) && !MULTIPLE_OF_FACT_BEFORE.test(t.slice(Math.max(0, m.index - 8), m.index)),
    reflected: (f, _t, m) => f.multiplier && /^(?:加倍|双倍|翻倍|两倍|二倍|2倍|减半|折半)$/.test(m[0]),
    reason: "条文写有「{w}」（按倍数计分），计分方式中没有写出（语言只有加倍、减半），未能确定",
    always: true,
  },
  {
    // 「每次检查均合格的得3分」「全年每月均按时报送的得2分」 read 每次 得 3 / 每月 得 2: every one of them, once
    name: "every-one",
    kind: "quantifier",
    since: 26,
    re: /每(个|一)?([\u4e00-\u9fa5])[\u4e00-\u9fa5]{0,10}?(?:均|都|全部|全都|皆|一律)/g,
    reflected: (f, _t, m) => !(countsBy(f, m[2]!) || (m[1] === "个" && countsBy(f, "个"))),
    reason: "条文写有「{w}」（每一个都做到才计分），计分方式却逐一计分，未能确定",
    always: true,
  },
  {
    // 「第一次不扣分，第二次起每次扣1分」「前两次不扣分，之后每次扣1分」 read 每次 扣 1: the first ones dropped
    name: "ordinal-start",
    kind: "ordinal",
    since: 26,
    re: ORDINAL_START,
    reflected: (f) => !f.counted || f.base || f.band || f.bound,
    reason: "条文写有「{w}」（前几次不计，从第几次起才计分），计分方式却每次都计，未能确定",
    always: true,
  },
  {
    // 「比上年每增加1件扣1分」 read 每件 扣 1: only what is above last year counts
    name: "compared",
    kind: "comparison",
    since: 26,
    re: COMPARISON,
    // (session 28: a comparison that is each counted thing's condition, 「…断面水质较去年下降…的,每个断面扣2分」, accounting-conditions.ts)
    reflected: (f, t, m) => !f.counted || f.base || f.bound || f.band || comparedPerThing(t, partAround(t, m.index), f),
    reason: "条文按与「{w}」相比的增减计分（只计高出或低于的部分），计分方式却逐一计数，没有写出基准，未能确定",
    always: true,
  },
  {
    // 「每发现一起扣1分，造成严重后果的从重扣分」 read 每起 扣 1: the graver case's amount is not written
    name: "heavier",
    kind: "severity",
    since: 26,
    re: /(?<!参)(?:从重|从严|加重)(?!(?:扣除|扣减|扣|计|得|减)?(?:\d|[一二两三四五六七八九十半]分))/g,
    reflected: (f) => f.classes || f.multiplier || f.judged || f.veto,
    reason: "条文写有「{w}」（较重的情形多扣），计分方式只有一个分值，没有写出较重情形的分值，未能确定",
    always: true,
  },
  {
    // 「每月考核一次，每次满分1分」 read 每次 得 1: a ceiling per time, not an award per time
    name: "per-time-max",
    kind: "per-time-max",
    since: 26,
    re: /每(?:个)?(次|月|季度|年|项|期|周|篇|条|件)[\u4e00-\u9fa5]{0,4}?(?:满分|最高分?|最多|最高得)(?:为|是|可得|得)?(\d+(?:\.\d+)?)分/g,
    reflected: (f, _t, m) => f.judged || !(f.counted && f.bodies.some((b) => new RegExp(`(?:^|\\s)得 ${m[2]!.replace(".", "\\.")}(?:\\s|$)`).test(b))),
    reason: "条文的「{w}」是每一次（期）的满分，计分方式却把它读成每次得的分，未能确定",
    always: true,
  },
  {
    // 「同一问题重复出现的扣2分」「屡次发生的扣3分」 read once: each time, or once?
    name: "repeated",
    kind: "repetition",
    since: 26,
    re: REPETITION,
    scores: (t, m) => inScoringPart(t, m.index),
    reflected: (f) => !f.oneShot,
    reason: "条文写有「{w}」（重复发生），计分方式只计一次，是每次都计还是只计一次，未能确定",
  },
  {
    // 「按各村平均得分计」: the score is an average
    name: "averaged",
    kind: "average",
    since: 26,
    re: /(?:按|取|以)[^,;。]{0,8}?平均(?:分|得分|值|数|成绩)?|平均(?:分|得分|成绩)(?:计|计算|计分|得分|折算|为准)|平均后|平均计/g,
    reflected: (f) => f.average || f.rate || f.judged || f.base,
    reason: "条文写有「{w}」（按平均数计分），计分方式中没有写出，未能确定",
    always: true,
  },
  {
    // 「按检查得分的20%折算」「得分乘以0.5的系数」: the score is converted
    name: "converted",
    kind: "conversion",
    since: 26,
    re: /折算|换算|系数|权重|打[一二三四五六七八九]折/g,
    // (session 28: 「上报监察监测系数」 names the thing reported, accounting-conditions.ts)
    scores: (t, m) => !reportedObject(t, m.index, m[0], partAround(t, m.index)),
    reflected: (f) => f.rate || f.judged || f.base || /折算/.test(f.all),
    reason: "条文写有「{w}」（按系数或比例折算），计分方式中没有写出，未能确定",
    always: true,
  },
  {
    // 「每少一项扣2分，最低得2分」: a floor above nothing
    name: "floor",
    kind: "floor",
    since: 26,
    re: /(?:最低(?:得分)?(?:不低于|不少于|得|为|是|保留)?|保底(?:分)?(?:为)?)(\d+(?:\.\d+)?|[一二两三四五六七八九十零]+)分/g,
    reflected: (_f, _t, m) => {
      const v = /^\d/.test(m[1]!) ? canon(m[1]!) : m[1] === "零" ? "0" : numberText(m[1]!);
      return v === "0";
    },
    reason: "条文写有「{w}」（得分有下限），语言中扣分只扣到 0 分为止，未能确定",
    always: true,
  },
  {
    // 「每发现一处扣0.5分或1分」: two amounts, either or both
    name: "either-amount",
    kind: "alternative",
    since: 26,
    re: /\d+(?:\.\d+)?分?(?:或者|或|和|及|与)(?:扣|加|得|减|计|记)?\d+(?:\.\d+)?分/g,
    reflected: (f) => f.judged || f.bodies.length > 1 || f.classes || f.band || f.grades,
    reason: "条文写有「{w}」（两个分值），计分方式只写了一个，未能确定",
    always: true,
  },
  {
    // 「每满10人加1分」 read 基准 0 每增加 10人 得 1: 15 people earn 1.5 by the default 按比例 — 每满 counts whole steps
    name: "whole-steps",
    kind: "steps",
    since: 26,
    re: /每满/g,
    reflected: (f) => !f.base || /不足一档不计/.test(f.all),
    reason: "条文写有「{w}」（满一档才计），计分方式按比例计不足一档的部分，未能确定（应写「不足一档不计」）",
    always: true,
  },
  {
    // 「每少拆除复耕500平方米扣0.5分,不足500平方米按500平方米计分」: how a part of a step counts
    name: "remainder",
    kind: "steps",
    since: 26,
    re: /不足(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)?[^,;。]{0,8}?(?:按|以)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)[^,;。]{0,6}?计|不足(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)[^,;。]{0,8}?(?:不计|不扣)/g,
    reflected: (f) => /不足一档/.test(f.all) || f.band || f.bound,
    reason: "条文写有「{w}」（不足一档怎样计），计分方式中没有写出，未能确定",
    always: true,
  },
  {
    // 「每起扣2分，两个单位各承担一半」 read 每起 扣 2: each unit bears a share
    name: "shared",
    kind: "shared",
    since: 26,
    re: /各(?:自)?承担|承担(?:一半|各半|\d+(?:\.\d+)?%)|(?:平均|比例|分别|共同)承担|分担|分摊/g,
    reflected: (f) => f.average,
    reason: "条文写有「{w}」（扣分由几方分担），计分方式中没有写出，未能确定",
    always: true,
  },
  {
    // 「每发现一处扣0.5分，扣分不超过本项分值的50%」 read 每处 扣 0.5: the cap, a share of the points, dropped
    name: "share-cap",
    kind: "scoped-cap",
    since: 26,
    re: /(?:不超过|不得超过|最多|最高|以)(?:扣|加|得|增减|增加|减少)?(?:分)?(?:不超过)?(?:本项|该项|此项)?(?:分值|总分|满分|基本分|基础分)的?(\d+(?:\.\d+)?%|一半|半数)/g,
    reflected: (f, _t, m, ctx) => {
      if (ctx.points === null) return false;
      const cap = shareOf(ctx.points, /^\d/.test(m[1]!) ? m[1]!.replace("%", "") : "50");
      return cap !== undefined && new RegExp(`上限 ${cap.replace(".", "\\.")}(?:\\s|，|$)`).test(f.all);
    },
    reason: "条文的上限「{w}」是本项分值的一部分，计分方式没有写出这个上限，未能确定",
    always: true,
  },
  {
    // 「每发现一处扣0.5分，每类问题最多扣1分」 read 每处 扣 0.5 上限 1: the cap is per class, not the rule's
    name: "scoped-cap",
    kind: "scoped-cap",
    since: 26,
    re: /(?:每|同一|单|各)(?:个|一)?([\u4e00-\u9fa5]{1,4}?)[^,;。\d]{0,8}?(?:最多|最高|不超过|累计不超过|不得超过|扣满|扣完|加满)(?:扣|得|加)?(\d+(?:\.\d+)?)分/g,
    scores: (t, m, _f, ctx) => {
      // (「每年最多扣5分」「全年…」: the assessment's own period; the cap's part holds no other amount)
      if (/^(?:年|年度|学年)/.test(m[1]!)) return false;
      const [start, end] = partAround(t, m.index);
      return [...t.slice(start, end).matchAll(/\d(?:\.\d+)?分/g)].length === 1;
    },
    reflected: (f, _t, m) => !new RegExp(`上限 ${m[2]!.replace(".", "\\.")}(?:\\s|，|$)`).test(f.all),
    reason: "条文的上限「{w}」是分别计的上限（按类、按人、按期或按事项），计分方式却把它写成整条规则的上限，未能确定",
    always: true,
  },
  {
    // 「未完成的，视完成情况扣1分」 read 扣 1: the amount depends on the assessor's view
    name: "as-the-case-may-be",
    kind: "discretion",
    since: 26,
    re: /视[\u4e00-\u9fa5]{0,6}?(?:情况|情节|程度|轻重)|根据[\u4e00-\u9fa5]{0,6}?(?:情况|情节|程度|轻重)/g,
    // only where the phrase says how much (「视完成情况扣1分」), not a lead-in (「根据检查情况,每发现…」)
    scores: (t, m) => /^(?:酌情|给予|予以)?(?:扣|得|加|给|计|记|减|评|打)/.test(t.slice(m.index + m[0].length)),
    reflected: (f) => f.judged || !f.oneShot,
    reason: "条文写有「{w}」（分值视情况而定），计分方式却是一个确定的分值，未能确定",
    always: true,
  },
  {
    // 「每年开展培训不少于4次，每少1次扣0.5分，未开展的不得分」 read 至少 4次 每少 1次 扣 0.5: the zero of its own
    // condition dropped (none held loses the item, not 2 points)
    name: "zero-of-its-own",
    kind: "zero",
    since: 26,
    re: /(?:该项|本项|此项)?(?:不得分|不计分|不记分|(?:计|得|为|记)0分)/g,
    // (「…直至不得分」「扣至0分为止」: the floor of the deductions, not a condition of its own)
    scores: (t, m) => !/(?:直至|直到|扣至|扣到|扣为|扣完)[^,;。]{0,3}$/.test(t.slice(Math.max(0, m.index - 6), m.index)) && !/^为止|^止/.test(t.slice(m.index + m[0].length)),
    reflected: (f) => f.award || /不得分|否则/.test(f.all) || f.band || f.judged || f.veto || f.grades || f.bodies.length > 1 || !f.deduct,
    reason: "条文另有「{w}」的条件，计分方式只有扣分，没有写出不得分，未能确定",
    always: true,
  },
  {
    // 「每缺席一次扣1分，有正当理由的不扣分」 read 每次 扣 1: the exemption dropped
    name: "exempt",
    kind: "waiver",
    since: 26,
    re: /(?:不扣分|不予扣分|不作扣分|免予扣分|免于扣分|免扣|只提醒|给予提醒|予以提醒|提醒不扣|不计(?![划算入分]))/g,
    scores: (t, m) => !otherSideOfDeduction(t, m.index),
    // (in a counted reading an exemption says which occurrences are counted — 「一件扣10分(若有新诉求的,不扣分)」,
    // fs-07, 「按时完成的不加分也不扣分,未按时完成的每项扣2分」, dcs-04 —: the fact's own definition)
    reflected: (f) => !f.deduct || f.counted || f.waiver || f.band || f.base || f.bound || f.otherwise || f.grades || f.judged || f.veto,
    reason: "条文写有「{w}」（某些情形不扣分），计分方式中没有写出免扣的条件，未能确定",
  },
];

/** A regex of an earlier guard as a global one (the vocabulary looks at every occurrence). */
const everywhere = (re: RegExp): RegExp => new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);

/**
 * The words earlier sessions' guards read (guards-phrases.ts, guards-amounts.ts, guards-counting.ts, guards-counts.ts),
 * in the vocabulary too, with the same data: the guards speak first (the accounting check is the last guard), and the
 * vocabulary keeps every word that changes a score in one list.
 */
const EARLIER_WORDS: readonly ScoringWord[] = [
  {
    // 「得分=及时受理率 c 5分」 read 得 5 (dcxf-01/02/04/05, the sixth fresh set): the score is a formula's
    name: "formula",
    kind: "formula",
    since: 26,
    re: everywhere(FORMULA),
    reflected: (f) => /按比率|按评价|基准|评议|酌情|分段 \{[^}]* 每低 1个百分点 /.test(f.all),
    reason: "条文的「{w}」是计算公式（如按比率），计分方式中没有写出，未能确定",
    always: true,
  },
  {
    // 「考评组…进行打分,最高分为5分」 read 得 5 (tjcx-02): the assessor's score, not an amount
    name: "panel-score",
    kind: "judgement",
    since: 26,
    re: everywhere(PANEL_SCORE),
    reflected: (f) => !f.oneShot || f.bodies.some((b) => b === "不得分"),
    reason: "条文的「{w}」说分数由考核组评定（评议或酌情），计分方式却是确定的分值，未能确定",
    always: true,
  },
  {
    // 「…采取一票否决的办法,年末不评优」 read 一票否决 (xcgb-04): the effect is 一票否优's
    name: "no-excellent",
    kind: "veto-effect",
    since: 26,
    re: everywhere(NO_EXCELLENT),
    reflected: (f) => !/一票否决/.test(f.all) || /一票否优/.test(f.all),
    reason: "条文写有「{w}」（一票否优的后果），计分方式却是一票否决，未能确定",
    always: true,
  },
  {
    // 「图书污损:-3分/」 read 得 3 (whts-04): a dash before the amount is a minus sign
    name: "signed",
    kind: "signed",
    since: 26,
    re: everywhere(SIGNED),
    reflected: (f) => !f.bodies.some((b) => /(?:^|\s)得 /.test(b)),
    reason: "条文的分值前有「—」（「{w}」），可能是扣分的负号，计分方式却是得分，未能确定",
    always: true,
  },
  {
    // 「…:-3分/」: the count word after 「分/」 was lost
    name: "lost-unit",
    kind: "signed",
    since: 26,
    re: everywhere(LOST_UNIT),
    reflected: () => false,
    reason: "条文的「{w}」后没有计数单位（可能是抄录时丢失），未能确定是一次性计分还是按件（次）计分",
    always: true,
  },
  {
    // 「…得l分」 (pdjz-01): a letter where the copy lost a digit — no reading has the amount
    name: "garbled",
    kind: "signed",
    since: 26,
    re: everywhere(GARBLED),
    reflected: () => false,
    reason: "条文的「{w}」中分值不是数字（可能是抄录有误），未能确定分值",
    always: true,
  },
  {
    // 「任一項過程性資料不詳實扣2分」 read 扣 2 (yeyd-06/08): each one, or once?
    name: "any-one",
    kind: "count",
    since: 26,
    re: everywhere(ANY_ONE),
    reflected: (f) => !(f.oneShot && /扣/.test(f.all)),
    reason: "条文的「{w}」可能是逐项扣分（每项），计分方式却是一次性的扣分，未能确定",
  },
  {
    // 「每发现1份未按时录入的,扣1分」「少开展一项…扣1分」 read as one amount (scjg-01, sfkp-01): counted per thing
    name: "per-thing",
    kind: "count",
    since: 26,
    re: everywhere(PER_THING),
    reflected: (f) => !(f.bodies.length > 0 && f.bodies.every((b) => /^(?:扣|得) \d/.test(b))),
    reason: "条文按「{w}」逐一计分，计分方式却只计一次，未能确定计数单位",
  },
  {
    // 「重复信访件数每增加1件,扣减1分」 read 扣 1 (dcxf-03): a step in a count
    name: "per-count",
    kind: "count",
    since: 26,
    re: everywhere(PER_COUNT),
    reflected: (f) => !(f.oneShot && /扣|减/.test(f.all)),
    reason: "条文按「{w}」逐一计分，计分方式却是一次性的分值，未能确定",
  },
  {
    // 「每项次扣0.5分」 read 每项 (sqjz-16): the count word read shorter than the clause writes it
    name: "count-noun",
    kind: "count",
    since: 26,
    re: COUNT_PHRASE,
    reflected: (f, _t, m) => {
      const noun = m[3]!;
      return !f.bodies.map(countedNoun).some((r) => r !== undefined && r !== noun && unitOf(noun) !== `每${r}` && noun.includes(r));
    },
    reason: "条文按「{w}」计数，计分方式的计数单位却短了（语言中没有这个计数单位），未能确定",
    always: true,
  },
  {
    // 「迟到或早退一次,扣5分」 read 扣 5 (cszg-03…06): the count after the fact
    name: "once-after",
    kind: "count",
    since: 26,
    re: everywhere(ONCE_AFTER),
    scores: (t, m) => !requirementApart(t, m.index),
    reflected: (f) => !(f.oneShot && /扣|减/.test(f.all)),
    reason: "条文写有「{w}」（按次计分），计分方式却是一次性的扣分，未能确定",
  },
  {
    // 「每村有一个固定宣传栏…的记5分」 read 每个 得 5 (xdcd-07), 「每个单位计3分」 read 每个 (xxgz-03): the unit assessed
    name: "unit-assessed",
    kind: "count",
    since: 26,
    re: everywhere(PER_UNIT_ASSESSED),
    reflected: (f, t, m) => {
      const unit = /^每\S+/.exec(f.all)?.[0];
      return f.oneShot || unit === undefined || unit === m[0] || t.replace(m[0], "").includes(unit);
    },
    reason: "条文的「{w}」指每个被考核单位，不是计数单位，未能确定计分方式",
    always: true,
  },
];

/** The whole vocabulary, in the order it is tried (the first word not accounted for is reported). */
export const SCORING_WORDS: readonly ScoringWord[] = [...QUALIFIER_WORDS, ...EARLIER_WORDS, ...SESSION_26, ...SESSION_27_WORDS];

/**
 * The first word of the vocabulary the reading does not account for, as a Chinese reason naming it, or undefined.
 * `masked` is the clause normalised with its numbers of no scoring use masked; `notCounted`: the reading's numbers
 * are not the clause's to count (veto, 酌情, 评议, 按评价) — only the words marked `always` are looked at.
 */
export function vocabularyUnaccounted(masked: string, bodies: readonly string[], ctx: ClauseContext, notCounted = false): string | undefined {
  const f = readingFeatures(bodies);
  for (const w of SCORING_WORDS) {
    if (notCounted && w.always !== true) continue;
    for (const m of masked.matchAll(w.re)) {
      if (w.scores !== undefined && !w.scores(masked, m, f, ctx)) continue;
      if (!w.reflected(f, masked, m, ctx)) return w.reason.replace("{w}", m[0]);
    }
  }
  return undefined;
}
