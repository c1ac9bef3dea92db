// The accounting check (session 24), the last guard on a finished reading: the reading must account for
// every number of the clause, counted by occurrence — each placed as one of the reading's numbers (amount,
// cap, bound or band edge, count step, base, named reference) or explained by a known non-scoring use
// (dates, document and section numbers, names, the item's own points) — and for every qualifying word of
// a closed list (从高, 只计一次, 累计, 分别/各, 以上/以下, 满分, 基础分, 扣完为止, 否则, and the two sides
// of 「…得N分，未…扣M分」). What it cannot place makes the clause a to-do with a Chinese reason naming the
// number or word. The lists are data (accounting-words.ts).
import type { ClauseContext } from "./index.js";
import { oneVoidsItem } from "./patterns/whole-item.js";
import { taskPointsBeforeDeduction } from "./patterns/task-points.js";
import { numberText } from "./normalise.js";
import { takeRiders } from "./riders.js";
import { canon, decimalSum, shareOf } from "../decimal.js";
import { isScoreBound } from "./score-bounds.js";
import { proportionPlaced } from "./patterns/proportion.js";
import { twoSidedTaskPlaced } from "./patterns/two-sided-task.js";
import { perCopyPlaced } from "./patterns/per-copy.js";
import { BASE_OTHER_SIDE, CN_NUM, FLOOR_AFTER, FUSED_NUMERALS, HAVING_VERB, LIST_MEASURE, MEASURE, NAMES, NON_SCORING, OUTLINE_NUMBER, OWN_POINTS, PARTS_AFTER, SECTION_NUMBER, TIMES_BEFORE, deductionList, shareOfPointsPlaced } from "./accounting-words.js";
import { vocabularyUnaccounted } from "./accounting-vocabulary.js";
import { bandSideUnaccounted } from "./accounting-direction.js";
import { countUnits } from "./reading-features.js";

/** One number of the clause: its value as decimal text and where it stands. */
export interface ClauseNumber {
  readonly value: string;
  readonly text: string;
  readonly at: number;
}

/** Replaces each match by as many `□` (the clause keeps its length, so offsets stay true). */
function mask(t: string, re: RegExp): string {
  re.lastIndex = 0;
  if (!re.test(t)) return t;
  re.lastIndex = 0;
  return t.replace(re, (m) => "□".repeat(m.length));
}

/** The clause with every number of no scoring use masked. */
export function maskNonScoring(t: string): string {
  let m = t;
  for (const n of NON_SCORING) m = mask(m, n.re);
  // the names hold a Chinese numeral, the hotlines and codes a digit
  if (CN_CHAR.test(m)) m = mask(m, NAMES[0]!);
  if (/\d/.test(m)) for (const re of NAMES.slice(1)) m = mask(m, re);
  // numerals fused into a word (「工地四周」「主城九区」) and an outline number run into its text (「3.2成立…」): session 28
  for (const re of FUSED_NUMERALS) m = mask(m, re);
  m = mask(m, OUTLINE_NUMBER);
  return mask(m, SECTION_NUMBER);
}

const CN_CHAR = /[一二两三四五六七八九十百千]/;

/** A Chinese numeral with 百/千 (「一百」「两千」), else numberText's reading, as decimal text. */
function chineseValue(s: string): string | undefined {
  const big = /^([一二两三四五六七八九])?(千|百)(.*)$/.exec(s);
  if (big) {
    const d: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
    const head = (big[1] ? d[big[1]]! : 1) * (big[2] === "千" ? 1000 : 100);
    const rest = big[3] === "" ? 0 : Number(chineseValue(big[3]!.replace(/^零/, "")) ?? NaN);
    return Number.isNaN(rest) ? undefined : String(head + rest);
  }
  return numberText(s);
}


/** Whether the number at `at` stands inside brackets that describe the standard at a rate (「(每天24个时次)」), holding no amount. */
function inRateBracket(masked: string, at: number): boolean {
  const open = masked.lastIndexOf("(", at);
  const close = masked.indexOf(")", at);
  if (open < 0 || close < 0 || masked.slice(open, at).includes(")")) return false;
  return /^\(每/.test(masked.slice(open)) && !/分/.test(masked.slice(open, close));
}

/** How many things the clause enumerates with 「、」 right before `at` (「观测、发报、报表三项」 → 3, 「台账、记录和照片三项」 → 3), 1 without 「、」. */
function listedBefore(masked: string, at: number): number {
  const items = masked.slice(0, at).split(/[,;。:()]/).pop()!.split("、");
  // the last two joined by 和/以及/及 (not 及时)
  return items.length > 1 && /和|以及|及(?!时)/.test(items[items.length - 1]!) ? items.length + 1 : items.length;
}


const NUMBER_RE = /\d+(?:\.\d+)?|[一二两三四五六七八九十百千]{1,4}/g;
const FRACTION_DIGITS = /^分之(\d+(?:\.\d+)?)/;
const FRACTION_CN = /^分之([一二两三四五六七八九十百千]{1,4})/;
const MEASURE_AFTER = new RegExp(`^(?:${MEASURE})`);

/** The numbers of the (masked) clause, by occurrence. */
export function clauseNumbers(masked: string): ClauseNumber[] {
  const out: ClauseNumber[] = [];
  NUMBER_RE.lastIndex = 0;
  let until = 0;
  for (const m of masked.matchAll(NUMBER_RE)) {
    const at = m.index!;
    // the denominator of a fraction already counted
    if (at < until) continue;
    const after = masked.slice(at + m[0].length, at + m[0].length + 12);
    if (/\d/.test(m[0][0]!)) {
      // 「三分之一」 written in digits 「3分之1」: the fraction as one number
      const f = FRACTION_DIGITS.exec(after);
      out.push(f ? { value: `${f[1]}/${m[0]}`, text: m[0] + f[0], at } : { value: canon(m[0]), text: m[0], at });
      if (f) until = at + m[0].length + f[0].length;
      continue;
    }
    // a Chinese numeral is a number before a measure word (「两次」「一项」) or in a fraction, never an ordinal
    if (masked[at - 1] === "第") continue;
    const a = chineseValue(m[0]);
    if (a === undefined) continue;
    const f = FRACTION_CN.exec(after);
    if (f) {
      out.push({ value: `${chineseValue(f[1]!) ?? "?"}/${a}`, text: m[0] + f[0], at });
      until = at + m[0].length + f[0].length;
    }
    else if (MEASURE_AFTER.test(after)) out.push({ value: a, text: m[0], at });
  }
  return out;
}

const QUOTED_CN = new RegExp(`(${CN_NUM})(?=${MEASURE})`, "g");

/** The numbers a reading writes, by occurrence (a count step without a number, 「每次」, writes 1). */
export function readingNumbers(bodies: readonly string[]): string[] {
  const out: string[] = [];
  for (const b of bodies) {
    const tokens = b.split(/\s+/);
    tokens.forEach((tok, i) => {
      for (const m of tok.matchAll(/\d+(?:\.\d+)?/g)) out.push(canon(m[0]));
      if (/^每/.test(tok) && !/^\d/.test(tokens[i + 1] ?? "")) out.push("1");
    });
    // numerals quoted in a name (「一次以上」) are a named reference
    if (!b.includes("「")) continue;
    for (const q of b.matchAll(/「([^」]*)」/g)) {
      for (const m of q[1]!.matchAll(QUOTED_CN)) {
        const v = chineseValue(m[1]!);
        if (v !== undefined) out.push(v);
      }
    }
  }
  return out;
}

const AWARD = /(?:得|加|计|记|奖|给予?)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)分/;
const DEDUCT = /(?<!扣完|扣满|最多|最高|累计|不超过|以)(?:扣|减|倒扣)(?:除)?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)分(?!为止|为限|封顶)/;

/** The sides a reading scores on: awards (得, 按比率 …) and deductions (扣, 否则 扣 …). */
function sides(all: string): { award: boolean; deduct: boolean } {
  return {
    award: /(?:^|\s)得 |得分|分别得|基准|按比率|评为|满分|按排名|加分/.test(all),
    deduct: /扣|不得分|一票否/.test(all),
  };
}

/** A unit of the clause is the reading's count unit (「项」 of 每项, 「种」 counted as 每项, 「个月」 as 每月). */
function sameUnit(unit: string, counts: readonly string[]): boolean {
  if (unit === "") return false;
  const u = unit === "种" || unit === "样" ? "项" : unit === "个月" ? "月" : unit;
  return counts.some((c) => c.includes(u) || (u === "起" && c === "次") || (u === "次" && c === "起"));
}

/** The sum of a reading made only of plain awards (「得 4」×3 → 12), or undefined. */
function partsTotal(bodies: readonly string[]): string | undefined {
  const parts = bodies.map((b) => /^得 (\d+(?:\.\d+)?)$/.exec(b)?.[1]);
  if (parts.length < 2 || parts.some((p) => p === undefined)) return undefined;
  return decimalSum(parts as string[]);
}

/** Readings whose numbers are not the clause's to count (a veto's condition, a discretion range, grades). */
const NOT_COUNTED = /一票否决|一票否优|酌情|评议|按评价/;

const SET_WORDS = /^[\u4e00-\u9fa5×]{0,4}?(?:任务|职责|措施|要求|制度|规定|内容|指标|事项)/;
const SET_VERBS = /落实|完成|执行|推进|做好|贯彻|履行/;
const BOUND_BEFORE = /(?:不得少于|不少于|不低于|至少|达到|达|低于|少于|超过|多于|高于)$/;
const UP_AFTER = /^(?:\(含\))?(?:以上|以下|以内)/;
const HAVING_UP = /^(?:\(含\))?以上/;
const RIGHT_BEFORE_AMOUNT = /^[\u4e00-\u9fa5]{0,6}?(?:扣|得|加|计|记)?\d/;
const UNIT_RE = new RegExp(`^(?:${MEASURE}|%|[\\u4e00-\\u9fa5])`);

/**
 * Why the reading does not account for every number and qualifying word of the clause (`t`, normalised,
 * before its modifiers were taken), or undefined when it does.
 */
export function accountingUnaccounted(t: string, bodies: readonly string[], ctx: ClauseContext): string | undefined {
  const all = bodies.join(" ");
  // the person riders (「首席代表扣1分」) are reported apart, never part of the reading
  let clause = t;
  if (/代表|当事人|责任人|负责人|个人/.test(t)) {
    const riders = takeRiders(t);
    if (!("unsure" in riders)) for (const r of riders.riders) clause = clause.replace(r, "□".repeat(r.length));
  }
  const masked = maskNonScoring(clause);
  // a reading whose numbers are not the clause's to count: only the words that say what it leaves out (session 26)
  if (NOT_COUNTED.test(all)) return vocabularyUnaccounted(masked, bodies, ctx, true);
  const written = readingNumbers(bodies);
  const pool = [...written];
  const counts = countUnits(bodies);
  const counted = counts.length > 0;
  const banded = /分段/.test(all);
  const points = ctx.points === null ? undefined : canon(ctx.points);
  const take = (v: string): boolean => {
    const k = pool.indexOf(v);
    if (k < 0) return false;
    pool.splice(k, 1);
    return true;
  };
  const numbers = clauseNumbers(masked);
  const unplaced: ClauseNumber[] = [];
  for (const n of numbers) {
    const before = masked.slice(Math.max(0, n.at - 6), n.at);
    const after = masked.slice(n.at + n.text.length);
    const unit = UNIT_RE.exec(after)?.[0] ?? "";
    const rest = after.slice(unit.length);
    const own = OWN_POINTS.test(before);
    const segment = masked.slice(0, n.at).split(/[,;。]/).pop()!;
    // the item's own points where the clause names them as such (「满分2分」「本项5分」「(4分)」)
    if (n.value === points && own) continue;
    // the item's base or points restated beside the reading's own (「基础分值5分,完成任务的加5分,…扣5分」)
    if (own && !/\($/.test(before) && written.includes(n.value)) continue;
    // the count step itself, once per category (「个访1次扣2分,群访1次扣4分」 → 每次 扣 …)
    if (counted && n.value === "1" && sameUnit(unit, counts)) continue;
    // a requirement per something (「每条道路公益广告达到5条为合格」): the total is not written, what is missing is counted
    if (counted && /每/.test(segment) && !/分/.test(unit)) continue;
    // in a counted reading, a number of another measure says which occurrences count (「死亡3人以上的每起」)
    if (counted && unit !== "" && unit !== "分" && !/^百分点|^个百分点/.test(after) && !(unit === "%" && counts.some((c) => /百分点|%/.test(c))) && !sameUnit(unit, counts)) continue;
    // a measured score's bound (「学习积分未达41分(一般干部30分)」) says which occurrences count, as another measure does (session 25)
    if (counted && isScoreBound(masked, n.at)) continue;
    // the size of the set counted (「6项职责的,每少1项」「抽查12项,每项计2分」), not a bound on it
    if (counted && sameUnit(unit, counts) && !BOUND_BEFORE.test(before) && !UP_AFTER.test(rest)) continue;
    // 「安装率达100%,每发现一户无安装的」: every one is required, each one missing is counted
    if (counted && n.value === "100" && after.startsWith("%")) continue;
    // one occurrence that voids the item (「发现一次本项考核为0分」, patterns/whole-item.ts): the fact, not a count
    if (oneVoidsItem(n.value, unit, all)) continue;
    // having one (「有1座以上」「只有1个方案的得1分」) is the fact — unless the one stands right before the
    // amount (「一个项目20分」「见一株未扶正扣0.5分」: per piece)
    if (!counted && n.value === "1" && unit !== "" && unit !== "分" && (HAVING_UP.test(rest) || /有$/.test(before) || !RIGHT_BEFORE_AMOUNT.test(rest) || /^[^扣得加计记\d]*的/.test(rest))) continue;
    // the set a one-shot rule requires completed (「落实国企党的建设39项重点任务…(0.1分)」): all of it is the fact
    if (!counted && /^[项个条]$/.test(unit) && SET_WORDS.test(rest) && SET_VERBS.test(segment)) continue;
    // 「前三名依次得10、9、8分」: the places of a ranking
    // (「按 总分 排名 依次 得 …」 too, and a range of places 「前4-7名」: the total's places, patterns/rank-by-total.ts)
    if (/按排名|排名 依次/.test(all) && ((/前$/.test(before) && unit === "名") || (/排名 依次/.test(all) && (/[前第]$/.test(before) ? unit === "名" || /^-+\d+名/.test(after) : /[前第]\d+-+$/.test(before) && unit === "名")))) continue;
    // the one a unit is to have (「明确一名分管领导」「配备一名联络员记2分」): the fact, not a count of pieces
    if (!counted && n.value === "1" && unit !== "" && unit !== "分" && HAVING_VERB.test(before)) continue;
    // the size of a list just named (「观测、发报、报表三项总错比」): what is measured, not a bound
    if (LIST_MEASURE.test(unit) && listedBefore(masked, n.at) > 1 && String(listedBefore(masked, n.at)) === n.value) continue;
    // a bracketed rate of the standard (「全年定时(每天24个时次)」), no amount inside; a count word read from it is caught below
    if (!/^分/.test(after) && inRateBracket(masked, n.at)) continue;
    // a total split into parts (「计12分,其中…各占4分」「记3分,其中…记2分,…记1分」): the parts are the reading, their sum the total
    if (/^分/.test(after) && PARTS_AFTER.test(after.slice(1)) && partsTotal(bodies) === n.value) continue;
    // the floor of deductions (「直至扣为0分为止」): the item's score never falls below nothing
    if (n.value === "0" && FLOOR_AFTER.test(after) && /扣(?:为|至|到)?$/.test(before) && /扣|不得分|上限|分段/.test(all)) continue;
    // a formula's factor restating the reading's 满分 (「计分公式:已整改数÷排查数×2」 read 按比率 得分 满分 2)
    if (TIMES_BEFORE.test(before) && /按比率/.test(all) && written.includes(n.value)) continue;
    // a share of the points written as the reading's caps (「增减分不超过基本分50%」, accounting-words.ts)
    if (shareOfPointsPlaced(masked.slice(Math.max(0, n.at - 10), n.at), after, n.value, points, written)) continue;
    // a proportion's cap or the pieces its rate is of (patterns/proportion.ts, session 25)
    if (proportionPlaced(masked, n.at, n.text, n.value, all)) continue;
    // the base score and the award's total of 「得25分;每增减1%,加减1分,最高加至30分」 (patterns/two-sided-task.ts, session 25)
    if (twoSidedTaskPlaced(masked, n.at, n.value, all, points ?? null)) continue;
    // the copies of 「满分40分(5分/份×8)」 and the count of the things they are (patterns/per-copy.ts, session 29)
    if (perCopyPlaced(masked, n.value, all)) continue;
    if (take(n.value)) continue;
    // a band edge stated from both sides (「达到95%的不扣分,低于95%扣0.5分」)
    if (banded && written.includes(n.value)) continue;
    // a base stated from both sides (「达70%以上的,得50分;未达到70%的,每少…」 read 基准 70% …)
    if (/^基准 /.test(all) && written.includes(n.value) && BASE_OTHER_SIDE.test(before)) continue;
    // 「计0分」 is 不得分; said of a band's or an award's other side (「少于6篇的,计0分」) it is what the reading leaves unscored
    if (n.value === "0" && /不得分|否则/.test(all)) continue;
    if (n.value === "0" && /^分/.test(after) && /(?<!扣)(?:计|得|记|为|给)$/.test(before) && (banded || /(?:^|\s)得 |按比率/.test(all))) continue;
    if (n.value === points) {
      // the item's full points stated before its deductions (「…记5分,每发现一处扣1分」「达87%以上计7分,每低…」)
      if (/^分/.test(after) && /扣|基准|上限/.test(all) && !/(?:^|\s)得 /.test(all)) continue;
      // full or nothing, said from both sides (「…的得2分,未落实的扣2分」 in a 2-point item): the same scores
      if (written.includes(n.value) && bodies.length === 1 && /^(?:扣|得) [\d.]+$/.test(bodies[0]!)) continue;
      // the points column run into the clause (「…卫生检查评比。5未评比不得分」)
      if (/(?:^|[。;])$/.test(before) && unit !== "分") continue;
      // a rate of the item's points (「达标率×50」)
      if (/按比率/.test(all)) continue;
    }
    // 1亿元 written 10000万元
    if (/^\d+(?:\.\d+)?$/.test(n.value) && after.startsWith("亿") && take(shareOf(n.value, "1000000")!)) continue;
    unplaced.push(n);
  }
  if (unplaced.length > 0) {
    const n = unplaced[0]!;
    const around = t.slice(Math.max(0, n.at - 4), Math.min(t.length, n.at + n.text.length + 4));
    return `条文中的数「${n.text}」（「${around}」）没有写进计分方式（不是金额、上限、界限、计数单位或基准），也不是日期、文号、序号或名称，未能确定它的作用`;
  }
  // an award that is only the item's own points named as such (「该项基础分值为0.4分」 read 得 0.4): no rule
  for (const b of bodies) {
    const award = /^得 (\d+(?:\.\d+)?)$/.exec(b);
    if (!award) continue;
    const occ = numbers.filter((n) => n.value === canon(award[1]!));
    if (occ.length > 0 && occ.every((n) => OWN_POINTS.test(masked.slice(Math.max(0, n.at - 6), n.at)) && !/\($|(?:得|记|计)[\u4e00-\u9fa5]{0,3}$/.test(masked.slice(0, n.at)))) {
      return `条文的「${occ[0]!.text}分」是本项的分值（满分、基础分），不是得分的条件，未能确定计分方式`;
    }
  }
  // a count word read from a bracketed description (「全年定时(每天24个时次)不发生缺测现象,得1分」 read 每天 得 1)
  for (const tok of all.match(/(?<=^|\s)每[^\s\d「]+/g) ?? []) {
    const at: number[] = [];
    for (let i = masked.indexOf(tok); i >= 0; i = masked.indexOf(tok, i + 1)) at.push(i);
    // inside brackets that do not hold the amount (「(每例扣2分)」 is the scoring itself)
    const described = (i: number): boolean => /\([^()]*$/.test(masked.slice(0, i)) && !/^[^()]*?\d(?:\.\d+)?分/.test(masked.slice(i));
    if (at.length > 0 && at.every(described)) return `计分方式的计数单位「${tok}」取自条文括号中的说明，未能确定是否按它逐一计分`;
  }
  return qualifiersUnaccounted(masked, bodies, all, ctx);
}

/** The scoring vocabulary, and the two sides of a clause that awards and deducts. */
function qualifiersUnaccounted(masked: string, bodies: readonly string[], all: string, ctx: ClauseContext): string | undefined {
  // the scoring vocabulary (session 24's qualifiers and session 26's classes: accounting-vocabulary.ts)
  const word = vocabularyUnaccounted(masked, bodies, ctx);
  if (word !== undefined) return word;
  // a band row on the other side of its bound than the clause's words (「不达100%的」 read ≥ 100%: accounting-direction.ts)
  const side = bandSideUnaccounted(masked, bodies);
  if (side !== undefined) return side;
  // 「落实得4分,未落实扣4分」 read 扣 4; 「不符合要求…扣2分」 read as an award: each side the clause scores on
  const s = sides(all);
  const award = AWARD.exec(masked);
  const deduct = DEDUCT.exec(masked);
  // the item's full points before counted deductions (「全部完成的,得4分,有一项未完成的,扣1分」) are no award of their own
  const fullPoints = award !== null && ctx.points !== null && award[0].includes(canon(ctx.points)) && (countUnits(bodies).length > 0 || /基准|上限/.test(all) || deductionList(bodies));
  // the item's points for doing the task before a smaller deduction for not doing it (patterns/task-points.ts)
  const taskPoints = award !== null && ctx.points !== null && taskPointsBeforeDeduction(award[0], all, canon(ctx.points));
  // full or nothing said from both sides (「…的得2分,未落实的扣2分」 in a 2-point item): the same scores either way
  const amount = (m: RegExpExecArray | null): string | undefined => (m ? /\d+(?:\.\d+)?/.exec(m[0])?.[0] : undefined);
  const fullOrNothing = ctx.points !== null && amount(award) === canon(ctx.points) && (amount(deduct) === canon(ctx.points) || all === `扣 ${canon(ctx.points)}`);
  if (award && !s.award && !fullPoints && !fullOrNothing && !taskPoints) return `条文写有「${award[0]}」（得分），计分方式中只有扣分，未能确定`;
  if (deduct && !s.deduct) return `条文写有「${deduct[0]}」（扣分），计分方式中只有得分，意思可能反了，未能确定`;
  return undefined;
}
