// Patterns from the eighth and ninth fresh sets (session 24, books 160–197), tried before the others.
//   「…的计10分,否则扣10分」「…得2分,否则倒扣2分」           → 得 10 否则 扣 10 / 得 2 否则 倒扣 2
//   「…有专人负责,记1分;少一项,扣0.25分」 (1-point item)       → 每项 扣 0.25
//   「每年至少召开1次座谈会(1分)」「组织报告会两次以上(1分)」 → 分段 { ≥ 1次 得 1 } / 分段 { ≥ 2次 得 1 }
//   「*政务信息:动态信息每条5分,…,简讯每条3分」 (加分)          → 每条 得 「动态信息」 5、…、「简讯」 3
//   「县级采用:《要情快报》采用1条,计5分;《常山政务》采用1条,计10分」 → 每条 得 「要情快报」 5、「常山政务」 10
import { NUM, numberText, rx, rxt, rxg } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { alone } from "../rewords.js";
import { countPatterns } from "./count.js";

/** A condition with nothing a rule would have to write: no number, bound, count or negated award. */
const PLAIN_HEAD = /\d|[一二两三四五六七八九十](?:次|项|个|件|条|人|篇)|以上|以下|%|‰|每(?!月|年|周|季度|学期)|否则|未|扣|加倍|减半|酌情|视情/;

/**
 * 「办理工作规章制度规范完善的计10分,否则扣10分」: the award and its other side (语言参考 §5.14; the fact
 * must be filled in). 「…得2分,否则倒扣2分」 may go beyond the item's points. Only in an ordinary item, with a
 * plain condition: a number, a count or a bound in it would be a band, never one award.
 */
export const otherwise: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;]{4,200}?)(?:的)?,?(?:得|计|记)${NUM}分[,;]否则,?(倒扣|扣)${NUM}分[。;]?$`.exec(t);
  if (!m || PLAIN_HEAD.test(m[1]!.replace(/《[^》]*》/g, ""))) return undefined;
  const award = numberText(m[2]!);
  const loss = numberText(m[4]!);
  if (award === undefined || loss === undefined) return undefined;
  return reading([`得 ${award} 否则 ${m[3]} ${loss}`], [award, loss]);
};

/**
 * 「成立机构,明确分工,有专人负责,记1分;少一项,扣0.25分」: the item's full points for all of the listed
 * things, less M for each one missing — `每项 扣 M`. Only when the award is the item's points (otherwise the
 * award is a part of the item and the deduction its own: a to-do).
 */
export const fullThenShort: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = rxt`^([^;]{2,120}?)(?:的)?,?(?:记|计|得)${NUM}分[;,](?:每)?(?:少|缺|缺少)(?:一|1)(项|个|条|篇|件),?扣${NUM}分[。;]?$`.exec(t);
  if (!m || PLAIN_HEAD.test(m[1]!)) return undefined;
  const full = numberText(m[2]!);
  const step = numberText(m[4]!);
  if (full === undefined || step === undefined || full !== ctx.points) return undefined;
  return reading([`每${m[3]} 扣 ${step}`], [full, step]);
};

/** 「每年至少…一次」「至少…1次以上」「…两次以上」「每年组织2次」: a count of events the task requires. */
const EVENT_BOUND = rxg`(?:至少[\\u4e00-\\u9fa5]{0,16}?${NUM}次(?:以上)?|(?<![每第\\d])${NUM}次(?:\\(含\\))?以上|(?:组织|召开|开展|举办|举行)${NUM}次)`;

/**
 * A checklist part with its points in brackets and a count of events it requires (「每年至少召开1次离退休干部
 * 座谈会(1分)」「老干部局组织报告会两次以上(不含保健讲座)(1分)」): the award is earned from that count on —
 * `分段 { ≥ 1次 得 1 }`. Only for the item's own clause (alone, the bracket its points), with exactly one such
 * count, no failing word and no other number.
 */
export const checklistEventBound: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null || !alone(ctx)) return undefined;
  const p = ctx.points.replace(".", "\\.");
  const m = rxt`^(.+?)\\(${p}分\\)[。;,]?$`.exec(t);
  if (!m) return undefined;
  const head = m[1]!.replace(/\((?:不含|含)[^()\d]{1,12}\)|不定期/g, "");
  if (/未|没有|无|不|否则|酌情|扣|减|分/.test(head)) return undefined;
  // 「全年检查覆盖率达100%(5分)」: a rate the task must reach
  const rate = [...head.matchAll(/达(?:到)?(\d+(?:\.\d+)?)%/g)];
  if (rate.length === 1 && [...head.matchAll(/\d+(?:\.\d+)?/g)].length === 1 && !/以下|以内|低于|不足/.test(head)) return reading([`分段 { ≥ ${rate[0]![1]}% 得 ${ctx.points} }`], [ctx.points]);
  if (/%/.test(head)) return undefined;
  const found = [...head.matchAll(EVENT_BOUND)];
  if (found.length !== 1) return undefined;
  const n = numberText((found[0]![1] ?? found[0]![2] ?? found[0]![3])!);
  // the bound is the clause's only number
  const numbers = [...head.matchAll(rx(NUM, "g"))].filter((x) => numberText(x[1]!) !== undefined);
  if (n === undefined || numbers.length !== 1) return undefined;
  return reading([`分段 { ≥ ${n}次 得 ${ctx.points} }`], [ctx.points]);
};

/** Words that make the parts more than classes of one count (as classes.ts). */
const MORE_THAN_CLASSES = /分别|各|加倍|减半|其中|否则|酌情|比例|至少|不少于|以上|以下|低于|高于|超过|%|\/|情节|严重|再次|另|累计|最多|最高|不超过|扣|减|上限|封顶|为止/;

/** One part: 「动态信息每条5分」「被市委办采用每条10分」「《要情快报》采用1条,计5分」. */
const CLASS_PART = rxt`^([^,;:。\\d]{1,30}?)(?:采用的|采用|的)?(?:,)?(?:每|[一1])(条|篇|件|次|项)(?:的)?,?(计|记|得|加)?${NUM}分$`;

/**
 * Awards per thing counted, one amount per class (「要情采用每条10分,被市委办采用每条10分,…」,
 * 「《要情快报》采用1条,计5分;《常山政务》采用1条,计10分」): one rule with classes in the clause's order.
 * Without a verb only in a 加分 section; every part the same count word; a lead-in ending in 「:」 is
 * dropped; names unique and of two characters or more.
 */
export const perCountClasses: Pattern = (t, ctx) => {
  const verbless = ctx.section === "加分";
  const body = t.replace(/^\*/, "").replace(/^[^:]{1,40}:/, "").replace(/[。;]+$/, "");
  if (MORE_THAN_CLASSES.test(body)) return undefined;
  const parts = body.split(/(?<=分)[,;]/);
  if (parts.length < 2) return undefined;
  const rows = parts.map((x) => CLASS_PART.exec(x.replace(/^\*/, "")));
  if (rows.some((r) => r === null)) return undefined;
  if (new Set(rows.map((r) => r![2])).size !== 1) return undefined;
  if (rows.some((r) => r![3] === undefined) && !verbless) return undefined;
  const names = rows.map((r) => r![1]!.replace(/^(?:被|转报)/, "").replace(/被$/, "").replace(/[《》()“”"]/g, ""));
  if (names.some((n) => n.length < 2) || new Set(names).size !== names.length) return undefined;
  const amounts = rows.map((r) => numberText(r![4]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  return reading([`每${rows[0]![2]} 得 ${names.map((n, i) => `「${n}」 ${amounts[i]}`).join("、")}`], amounts as string[]);
};

/**
 * 「参加一次得1分(要求有学习笔记);不参加不得分」「按时主动缴纳党费得2分。在规定时限内不按时…交党费不得分」
 * 「有正订正技巧的得1分,负技巧的不得分」: the award, then its own negation with 不得分 — the award's other
 * side (an award not earned is 0), nothing to write. The negation must negate a word of the award
 * (不参加 / 参加, 不按时 / 按时, 负技巧 / 正…技巧) and say nothing else countable: a zero on a condition of its
 * own (「培训未达到要求的不得分」) stays a to-do.
 */
export const awardThenNegation: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = /^(.+?(?:得|计|记|加)[\d.]+分(?:\([^()]*\))?)[;。,]([^;。,\d]{1,30}?)(?:的)?,?(?:不得分|不记分|不计分)[。;]?$/.exec(t);
  if (!m) return undefined;
  const [award, negation] = [m[1]!, m[2]!];
  const neg = /(?:不|未|没有|负)([\u4e00-\u9fa5]{2})/.exec(negation);
  // the negated words and the negation's last words (its object: 党费, 参加, 技巧) are both the award's
  // or the award is itself negated and the zero is its fact (「环境未受到破坏,得1分;…遭受破坏的不得分」)
  const object = negation.slice(-2);
  const negatedAward = rxt`(?:未|没有|无)[\\u4e00-\\u9fa5]{0,3}${object}`.test(award);
  if (!award.includes(object) || !((neg && award.includes(neg[1]!)) || negatedAward) || /否则|每(?!月|年|周)|以上|以下|%|扣/.test(award)) return undefined;
  for (const p of countPatterns) {
    const r = p(award.replace(/\([^()]*\)$/, ""), { ...ctx, siblings: [] });
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || !/^(?:每\S+ )?得 [\d.]+$/.test(r.bodies[0]!)) return undefined;
    return r;
  }
  return undefined;
};

const SYMBOL: Readonly<Record<string, string>> = { "≥": "≥", "≤": "≤", ">": ">", "<": "<", "＞": ">", "＜": "<" };

/**
 * 「加密自动站资料上传到报率≥85.0%,得1分;否则不得分」「审核错情累计条数每年≤3条,得1分;否则不得分」: one band
 * written with a symbol, its award and 否则不得分 (the award's other side) — `分段 { ≥ 85% 得 1 }`. ‰ is written
 * as the bare number (the language has no ‰; the corpus writes 0.6‰ as 0.6); a measure word after the number
 * is kept when the language has it. The condition before the symbol must hold no other number.
 */
export const symbolBand: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = /^([^\d;。≥≤<>]{2,80}?)(≥|≤|>|<)(\d+(?:\.\d+)?)(%|‰|条|次|件|项|个|人|天|元)?,?(?:的)?,?(?:得|计|记)(\d+(?:\.\d+)?)分[;,]否则,?不得分(?:\([^()分]{0,30}\))?[。;]?$/.exec(t);
  if (!m) return undefined;
  const value = m[3]!.includes(".") ? m[3]!.replace(/\.?0+$/, "") : m[3]!;
  const unit = m[4] === "‰" || m[4] === undefined ? "" : m[4];
  return reading([`分段 { ${SYMBOL[m[2]!]} ${value}${unit} 得 ${m[5]} }`], [m[5]!]);
};

/**
 * The item's full points for the task, then a counted deduction 「直至不得分」 (the deductions stop at the
 * item's points, as 扣完为止): 「…不漏报得3分;…每漏报1次扣1分,直至不得分」 → `每次 扣 1`;
 * 「开展5次以上…得2分,少开展…的一次扣1分,直至不得分」 → `至少 5次 每少 1次 扣 1`;
 * 「综合评分达60分得2分,综合评分每低1分扣0.5分,直至不得分」 → `基准 60 每低 1 扣 0.5`.
 * Only when the award is the item's points.
 */
export const fullUntilNothing: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const p = ctx.points.replace(".", "\\.");
  const m = rxt`^([^;]+?)(?:的)?,?(?:得|计|记)${p}分[;,]([^;]+?),?(?:直至|直到|扣至|扣到)(?:不得分|0分|零分|扣完)[。;]?$`.exec(t);
  if (!m) return undefined;
  const [head, rest] = [m[1]!, m[2]!];
  // 「综合评分达60分」「每低1分扣0.5分」: a score's base and its step
  const score = /^[^\d]*?达(\d+(?:\.\d+)?)分$/.exec(head);
  const step = /^[^\d]*?每低(\d+(?:\.\d+)?)分(?:的)?,?扣(\d+(?:\.\d+)?)分$/.exec(rest);
  if (score && step) return reading([`基准 ${score[1]} 每低 ${step[1]} 扣 ${step[2]}`], [score[1]!, ctx.points, step[1]!, step[2]!]);
  if (/\d+(?:\.\d+)?分/.test(head)) return undefined;
  // 「开展5次以上…」 then 「少开展…的一次扣1分」: the count short of the bound
  const bound = [...head.matchAll(/(?:不少于)?(\d+)次(?:\(含\))?(?:以上)?/g)];
  const short = /^(?:少|缺)[^\d,;。]{0,24}?(?:一|1)次,?扣(\d+(?:\.\d+)?)分$/.exec(rest);
  if (bound.length === 1 && short && /次(?:\(含\))?以上|不少于/.test(bound[0]![0])) return reading([`至少 ${bound[0]![1]}次 每少 1次 扣 ${short[1]}`], [ctx.points, short[1]!]);
  if (/\d/.test(head)) return undefined;
  for (const q of countPatterns) {
    const r = q(rest, { ...ctx, siblings: [] });
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || !/^每\S+ 扣 [\d.]+$/.test(r.bodies[0]!)) return undefined;
    return reading(r.bodies, [ctx.points, ...r.used]);
  }
  return undefined;
};

/**
 * 「申报数据少于4次/年的,少一次扣1分」「开展厨师培训少于2次/年,少一次扣1分,扣完为止」: the yearly bound and the
 * count short of it — `至少 4次 每少 1次 扣 1`. A bound per period (每季度/每月/每半年) is left to the other
 * patterns (a to-do: the year's number is not written).
 */
export const shortOfYearly: Pattern = (t, ctx) => {
  const m = rxt`^([^;\\d]{2,40}?)(?:少于|低于|不足)${NUM}(次|项|篇|件|个|人)(?:/年)?(?:的)?,?(?:每)?(?:少|缺)(?:一|1)\\3,?扣${NUM}分(?:,扣完为止)?[。;.]?$`.exec(t);
  if (!m || /每(?!年)|季度|半年|月/.test(m[1]!)) return undefined;
  const [n, step] = [numberText(m[2]!), numberText(m[4]!)];
  if (n === undefined || step === undefined || ctx.section === "加分") return undefined;
  return reading([`至少 ${n}${m[3]} 每少 1${m[3]} 扣 ${step}`], [step]);
};

/** One step of an escalation: 「一次扣3分」「两次(含)以上扣5分」「三次(含)以上不得分」. */
const STEP = rxt`^${NUM}次(\\(含\\))?(以上)?(?:的)?,?(?:扣${NUM}分|(不得分))$`;

/**
 * 「无故缺席一次扣3分,两次扣5分,三次(含)以上不得分」: amounts by the number of times, not per time — a band of
 * the count, `分段 { = 1次 扣 3 = 2次 扣 5 ≥ 3次 不得分 }`; rows whose 以上 overlap a later one are written
 * last-first (the first row that matches counts). Only 「(含)以上」 (以上 alone does not say whether it
 * includes its number), counts rising from one, and the first row's head holding no number.
 */
export const escalation: Pattern = (t, ctx) => {
  if (ctx.section === "加分") return undefined;
  const parts = t.replace(/[。;]$/, "").split(",");
  const first = rxt`^([^\\d]{2,30}?)((?:一|1)次扣${NUM}分)$`.exec(parts[0]!);
  if (!first || parts.length < 2 || /每|各|以此类推/.test(first[1]!)) return undefined;
  const rows: { n: number; atLeast: boolean; text: string; amount?: string }[] = [];
  for (const part of [first[2]!, ...parts.slice(1)]) {
    const m = STEP.exec(part);
    if (!m) return undefined;
    const n = numberText(m[1]!);
    if (n === undefined || (m[3] !== undefined && m[2] === undefined)) return undefined;
    const amount = m[4] === undefined ? undefined : numberText(m[4]);
    if (m[4] !== undefined && amount === undefined) return undefined;
    const atLeast = m[3] !== undefined;
    rows.push({ n: Number(n), atLeast, text: `${atLeast ? "≥" : "="} ${n}次 ${amount === undefined ? "不得分" : `扣 ${amount}`}`, ...(amount !== undefined ? { amount } : {}) });
  }
  if (rows[0]!.n !== 1 || rows.some((r, i) => i > 0 && r.n <= rows[i - 1]!.n)) return undefined;
  // an 以上 row before another row overlaps it: written last-first
  const overlap = rows.slice(0, -1).some((r) => r.atLeast);
  const ordered = overlap ? [...rows].reverse() : rows;
  return reading([`分段 { ${ordered.map((r) => r.text).join(" ")} }`], rows.flatMap((r) => (r.amount !== undefined ? [r.amount] : [])));
};

/**
 * 「完成指标得基础分,降低0.1%扣0.05分」: 基础分 is 基本分 (the item's points when the plan is done), then a step
 * below it — `基准 100% 每低 0.1% 扣 0.05`, the completion rate (as formulas.ts reads 「每低于目标值2%扣1分」).
 */
export const belowPlan: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^完成(?:指标|计划|目标值|目标任务|目标|任务)(?:的)?得(?:基础分|基本分|满分)[;,](?:没有完成|未完成|完不成)?的?,?每?(?:降低|下降|减少|低于目标值?|低)${NUM}%(?:扣|减)${NUM}分(?:,?扣完为止|,?(?:扣分|最多扣)?不超过${NUM}分)?[,。;]?$`.exec(t);
  if (!m) return undefined;
  const [step, amount] = [numberText(m[1]!), numberText(m[2]!)];
  const cap = m[3] === undefined ? undefined : numberText(m[3]);
  if (step === undefined || amount === undefined || (m[3] !== undefined && cap === undefined)) return undefined;
  return reading([`基准 100% 每低 ${step}% 扣 ${amount}${cap === undefined ? "" : ` 上限 ${cap}`}`], cap === undefined ? [amount] : [amount, cap]);
};

/**
 * 「信息数量达到15条(含15条)以上的,计50分;少于15条的,计0分」: one band from N on, its complement no points —
 * `分段 { ≥ 15条 得 50 }`. The complement 「少于N」 settles that N itself is in the band, whether or not
 * 「(含)」 says so; both rows must name the same number and measure word.
 */
export const bandAndComplement: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;\\d]{2,40}?)(?:达到|达)${NUM}(条|次|件|项|个|人|篇|户|天|%)(?:\\(含[^()]{0,6}\\))?(?:以上)?(?:的)?,?(?:计|记|得)${NUM}分[;,](?:少于|低于|不足|未达到)${NUM}(条|次|件|项|个|人|篇|户|天|%)(?:的)?,?不得分[。;]?$`.exec(t);
  if (!m || m[2] !== m[5] || m[3] !== m[6]) return undefined;
  const [n, p] = [numberText(m[2]!), numberText(m[4]!)];
  if (n === undefined || p === undefined) return undefined;
  return reading([`分段 { ≥ ${n}${m[3]} 得 ${p} }`], [p]);
};

export const s24aPatterns: readonly Pattern[] = [bandAndComplement, belowPlan, shortOfYearly, escalation, otherwise, fullThenShort, checklistEventBound, perCountClasses, awardThenNegation, symbolBand, fullUntilNothing];
