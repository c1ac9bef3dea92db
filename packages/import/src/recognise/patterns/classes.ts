// Several amounts in one clause, one per class of the thing counted (session 23, from the seventh
// fresh set), and awards counted from a lead-in (「获得1件…得1分(累计不超过7分)」).
//   「个访1次扣2分，群访1次扣4分，集体访1次扣10分，扣完为止」 → 每次 扣 「个访」 2、「群访」 4、「集体访」 10
//   「主街每发现一处扣3分，小街小巷每发现一处扣1分」 → 每处 扣 「主街」 3、「小街小巷」 1
//   「獲得 1 件發明專利…得 1 分(累計不超過 7 分)」 → 每件 得 1 上限 7
//   「班子团结奋进的记10分，…的酌情扣分」 (10 the item's points) → 酌情 扣 0 至 10
//
// Classes of one count and of one occurrence (session 24): several amounts, one per class, the count word
// written with the first, with each, or after each amount; a graver class; the conduct around an occurrence.
//   「主导制订1项国家标准得5分,参与制订得3分」               → 每项 得 「主导制订」 5、「参与制订」 3
//   「*政务信息:动态信息每条5分,…,简讯每条3分」 (加分)          → 每条 得 「动态信息」 5、…、「简讯」 3
//   「SCI论文30分/篇,核心论文10分/篇」 (加分)                  → 每篇 得 「SCI论文」 30、「核心论文」 10
//   「每起扣2分,情节严重的扣5分」                             → 每起 扣 「一般」 2、「情节严重」 5
//   「每发生一次森林火警，能及时报告的扣3分，否则扣5分」     → 每次 扣 「及时报告」 3、「其他」 5
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import type { ClauseContext } from "../index.js";
import { actionOf, reading, type Pattern, type PatternResult } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";
import { countPatterns } from "./count.js";
import { rowPatterns } from "../row-points.js";

/** Words that make the segments more than classes of one count. */
const MORE = /分别|各|加倍|减半|其中|否则|酌情|比例|至少|不少于|以上|以下|低于|高于|超过|%|\/|情节|严重|再次|另|累计/;

/** A class's name: the segment's words before its count, without lead-ins. */
function className(raw: string): string {
  return raw
    .replace(/^(?:凡是|凡|如|若|对|到|在)/, "")
    .replace(/^(?:发生|出现)(?:到[\u4e00-\u9fa5]{1,3}?(?=[\u4e00-\u9fa5]{2}))?/, "")
    .replace(/(?:每)?(?:发现|出现|发生|有)?$/, "")
    .replace(/[「」“”"'《》()]/g, "");
}

/** Each segment 「A 1次扣2分」「A每发现一处扣3分」 with the same count word and verb: one rule with classes. */
export const countedClasses: Pattern = (t0, ctx) => {
  const cap = capOf(t0);
  if (cap && cap.value !== null) return undefined;
  const t = (cap ? cap.rest : t0).replace(/[。;]+$/, "");
  if (MORE.test(t)) return undefined;
  const segs = t.split(",");
  // 「村内无柴堆…的记25分，主街每发现一处扣3分，…」: the item's full points first — nothing to write for them
  const full = rxt`(?:记|得|计)${NUM}分$`.exec(segs[0]!);
  const lead: string[] = [];
  if (full && ctx.section === null && ctx.points !== null && numberText(full[1]!) === ctx.points && amountsIn(segs[0]!).length === 1) lead.push(...amountsIn(segs.shift()!));
  if (segs.length < 2) return undefined;
  const re = rxt`^([^,;。\\d每]{1,16}?)(?:每(?:发现|出现|发生)?)?[一1](${NOUNS})(?:的)?(扣|减|加|得)${NUM}分$`;
  const rows = segs.map((s) => re.exec(s));
  if (rows.some((r) => r === null)) return undefined;
  const units = new Set(rows.map((r) => unitOf(r![2]!)));
  const verbs = new Set(rows.map((r) => actionOf(r![3]!)));
  if (units.size !== 1 || verbs.size !== 1 || [...units][0] === undefined) return undefined;
  const names = rows.map((r) => className(r![1]!));
  if (names.some((n) => n.length < 2) || new Set(names).size !== names.length) return undefined;
  const amounts = rows.map((r) => numberText(r![4]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  const list = names.map((n, i) => `「${n}」 ${amounts[i]}`).join("、");
  if (lead.length > 0 && [...verbs][0] !== "扣") return undefined;
  return reading([`${[...units][0]} ${[...verbs][0]} ${list}`], [...lead, ...(amounts as string[])]);
};

/** 「获得1件…得1分(累计不超过7分)」: an award per thing got, the count word in the lead-in. */
export const countedAward: Pattern = (t0) => {
  const cap = capOf(t0);
  if (!cap || cap.value === null) return undefined;
  const t = cap.rest.replace(/[()]+[。;]?$|[。;]+$/, "").replace(/\(\)/g, "");
  const m = rxt`^(?:获得|承担|引进|新增|取得|完成|制订|制定)[一1](${NOUNS})[^;。\\d]*?(?:的)?,?(加|得)${NUM}分$`.exec(t);
  if (!m || MORE.test(m[0].replace(/\([^()]*\)/g, ""))) return undefined;
  const unit = unitOf(m[1]!);
  const amount = numberText(m[3]!);
  if (unit === undefined || amount === undefined) return undefined;
  return reading([`${unit} 得 ${amount} 上限 ${cap.value}`], [amount, cap.value]);
};

/** 「…的记10分，…的酌情扣分」「…记5分，否则酌情扣分」 with the item's points: a deduction up to them. */
export const discretionFromFull: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = rxt`^[^;。\\d]*?(?:的)?,?(?:记|得|计)${NUM}分,(?:否则|[^;。\\d]{2,30}?的)?,?酌情扣分[。;]?$`.exec(t);
  if (!m || numberText(m[1]!) !== ctx.points || amountsIn(t).length !== 1) return undefined;
  // 「…较大的,酌情得分,最高得3分,…较小的,酌情扣分」 (xzhz-08, the eighteenth set, session 27): an award that is itself
  // discretionary, with its cap, is one judgement of both sides — 最高得N分 is its cap, not the points of a requirement
  // met (hand: 评议 得分 上限 3). The rule: 分值前写着「酌情得分」「最高」时，它是评分的上限，不是做到就得的分
  if (/酌情|视情|最高|最多|至多|上限|不超过/.test(t.slice(0, m.index + m[0].indexOf(m[1]!)))) return undefined;
  return reading([`酌情 扣 0 至 ${ctx.points}`], [ctx.points]);
};

/** 「…形象良好的记10分，否则每发现一次扣10分」 (10 the item's points): the counted deduction is the rule. */
export const countedFromFull: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = rxt`^[^;。\\d]*?(?:的)?,?(?:记|得|计)${NUM}分,否则,?(每[^;。]*)[。;]?$`.exec(t);
  if (!m || numberText(m[1]!) !== ctx.points) return undefined;
  for (const p of countPatterns) {
    const r = p(m[2]!, { ...ctx, siblings: [] });
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || !/^每\S+ 扣 [\d.]+(?: 上限 [\d.]+)?$/.test(r.bodies[0]!)) return undefined;
    return reading(r.bodies, [ctx.points, ...r.used]);
  }
  return undefined;
};

export const classPatterns: readonly Pattern[] = [countedClasses, countedAward, discretionFromFull, countedFromFull, ...rowPatterns];

/** The count words a class of one count may use, as written after 1/一/每. */
const COUNT = "项|个|件|篇|条|次|部|本";

const LEVEL = /(?:国家|省|市|县|区|乡镇|镇|部)级/;
/** A name that is only a level (「省级」). */
const WHOLE_LEVEL = new RegExp(`^${LEVEL.source}$`);
/**
 * A later part's name is a class of the thing the first part counts: it shares two characters running with
 * it (主导制订 / 参与制订, 省级示范点 / 市级示范点), or names another level where the first names one (国家级 …
 * 省级、市级). A part of its own (「参加会议1次得2分,全勤得5分」: 全勤) is another fact, not a class.
 */
export function namesClassOf(thing: string, name: string): boolean {
  const level = LEVEL.test(thing);
  return [...name].some((_, i) => i + 2 <= name.length && thing.includes(name.slice(i, i + 2))) || (level && WHOLE_LEVEL.test(name));
}

/**
 * Classes of one count: the count stated with the first part, later parts naming another class of the same thing
 * (namesClassOf: a part of its own, 「参加会议1次得2分,全勤得5分」, is another fact) each with an award of its own →
 * one rule with classes in the clause's order. Awards only (a deduction's second amount is an escalation,
 * 「情节严重的」, or a condition of its own). Two writings, one reading (session 24: s24c's and s24b's readers of it):
 *  - 「主导制订1项国家标准得5分,参与制订得3分」「获评1个省级示范点加3分,市级示范点加2分」 → `每项 得 「主导制订」 5、
 *    「参与制订」 3`: the count word after 1/一/每 in the first part only, every part one award and no other number,
 *    not in a 减分 section (countWithFirst);
 *  - 「省级刊物发表1篇计10分,市级刊物1篇计5分」 in a 加分 section → `每篇 得 「省级刊物发表」 10、「市级刊物」 5`: a measure word
 *    of the language after 一/1, which later parts may repeat, no cap (a deduction without a count word beside a
 *    counted one may be once: 「个访1次扣2分，群访扣4分」 stays a to-do) (countSharedInBonus).
 */
export const classesOfOneCount: Pattern = (t, ctx) => countWithFirst(t, ctx) ?? countSharedInBonus(t, ctx);

/** One class of the count: its name and its award. */
interface ClassRow {
  readonly name: string;
  readonly amount: string;
}

/** The rule `<unit> 得 「A」 a、「B」 b …` of the rows, in the clause's order. */
const awardsByClass = (unit: string, rows: readonly ClassRow[]) => reading([`${unit} 得 ${rows.map((r) => `「${r.name}」 ${r.amount}`).join("、")}`], rows.map((r) => r.amount));

/** 「主导制订1项国家标准得5分,参与制订得3分」: the count word with the first part only. */
function countWithFirst(t: string, ctx: ClauseContext): PatternResult {
  const body = t.replace(/[。;]+$/, "");
  // 「省级以上刊物」 names a class; 「3篇以上」 is a bound
  if (/(?:\d|[一二两三四五六七八九十])[^,;\d]{0,3}(?:以上|以下)|%|否则|酌情|视情|最多|最高|上限|为止|封顶|不超过|累计|分别|各|加倍|减半|未|不|没有|无|扣|减|严重/.test(body)) return undefined;
  const parts = body.split(/(?<=分)[,;]/);
  if (parts.length < 2 || parts.length > 6) return undefined;
  const first = rxt`^([\\u4e00-\\u9fa5]{2,12}?)(?:[1一]|每)(${COUNT})([\\u4e00-\\u9fa5]{0,16}?)(?:的)?,?(得|计|记|加)${NUM}分$`.exec(parts[0]!);
  if (!first) return undefined;
  const others = parts.slice(1).map((p) => rxt`^([\\u4e00-\\u9fa5]{2,12}?)(?:的)?,?(得|计|记|加)${NUM}分$`.exec(p));
  if (others.some((o) => o === null)) return undefined;
  if (ctx.section === "减分") return undefined;
  if (!others.every((o) => namesClassOf(first[1]! + first[3]!, o![1]!))) return undefined;
  const names = [first[1]!, ...others.map((o) => o![1]!)].map((n) => n.replace(/的$/, ""));
  if (new Set(names).size !== names.length) return undefined;
  const amounts = [numberText(first[5]!), ...others.map((o) => numberText(o![3]!))];
  if (amounts.some((a) => a === undefined)) return undefined;
  return awardsByClass(`每${first[2]}`, names.map((name, i) => ({ name, amount: amounts[i]! })));
}

/** 「省级刊物发表1篇计10分,市级刊物1篇计5分」 (加分): a measure word of the language with the first, the others may repeat it. */
function countSharedInBonus(t: string, ctx: ClauseContext): PatternResult {
  if (ctx.section !== "加分" || capOf(t)) return undefined;
  // every part with its own count (「被市委办采用1次计10分,被省委办采用1次计5分」) is perCountClasses's, which reads
  // the names without 被/采用 (this writing was tried after it before the two readers were one)
  if (perCountClasses(t, ctx) !== undefined) return undefined;
  const segs = t.replace(/[。;]+$/, "").split(",");
  if (segs.length < 2) return undefined;
  const first = rxt`^([^,;。\\d每]{2,16}?)[一1](${NOUNS})(计|记|得|加)${NUM}分$`.exec(segs[0]!);
  if (!first) return undefined;
  const unit = unitOf(first[2]!);
  if (unit === undefined) return undefined;
  const rows: ClassRow[] = [];
  const name = (raw: string): string => raw.replace(/[《》「」“”"()]/g, "");
  const a0 = numberText(first[4]!);
  if (a0 === undefined) return undefined;
  rows.push({ name: name(first[1]!), amount: a0 });
  for (const s of segs.slice(1)) {
    const m = rxt`^([\\u4e00-\\u9fa5]{2,6}?)(?:[一1](${NOUNS}))?(计|记|得|加)${NUM}分$`.exec(s);
    if (!m || (m[2] !== undefined && unitOf(m[2]) !== unit) || actionOf(m[3]!) !== "得") return undefined;
    if (!namesClassOf(first[1]!, m[1]!)) return undefined;
    const a = numberText(m[4]!);
    if (a === undefined) return undefined;
    rows.push({ name: name(m[1]!), amount: a });
  }
  if (new Set(rows.map((r) => r.name)).size !== rows.length || rows.some((r) => r.name.length < 2)) return undefined;
  return awardsByClass(unit, rows);
}

/** Words that make the parts more than classes of one count (as MORE above). */
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

/** The count words of the language a graver class may share (语言参考 §5.1). */
const PER = "件次|人次|次|件|起|项|例|处|条|人|个|家|户|篇|宗|份|场";
/** 「情节严重的」「情况较重的」「性质恶劣的」: the graver class of the same occurrence. */
const GRAVER = "(?:情节|情况|问题|性质|后果|影响)(?:严重|较重|较严重|特别严重|恶劣|较大)|造成(?:严重|重大|恶劣|较大)(?:后果|影响)";

/**
 * 「每起扣2分,情节严重的扣5分」「每发现一处扣0.5分;情况严重的,每处扣2分」: a counted deduction and a graver class
 * of the same occurrence with a larger amount → `每起 扣 「一般」 2、「情节严重」 5` (each occurrence is one or the
 * other; its count is filled in under its class). 「发现一起」 is 每起 (语言参考 §5.1). Only with a count word of the
 * language before the first amount,
 * the graver amount larger, nothing after it: 「情节严重的加倍」「情节严重的另扣」 (on top?) and an escalation without
 * a count (「未按时报送的扣1分,情节严重的扣2分」: instead of the first, or on top?) stay to-dos.
 */
export const graverClass: Pattern = (t0, ctx) => {
  if (ctx.section === "加分") return undefined;
  // a cap at the end (「最多扣5分」「扣完为止」) is the rule's: both classes count towards it
  const trimmed = t0.replace(/[。;]+$/, "");
  const cap = capOf(trimmed);
  if (cap && !trimmed.startsWith(cap.rest)) return undefined;
  const t = cap ? cap.rest : t0;
  const m = rxt`^([^,;。\\d]{0,40}?)(?:每(?:发现|查出|查实|出现|发生)?|(?:发现|查出|查实)(?=[一1]))(?:一|1)?(${PER})(?:的)?,?(?:扣|减)${NUM}分[,;](?:对|凡)?(${GRAVER})的,?(?:每(${PER}))?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || /以上|以下|%|否则|酌情|视情|加倍|减半|另|再|累计|上限|为止|各|分别/.test(m[1]!)) return undefined;
  if (m[5] !== undefined && m[5] !== m[2]) return undefined;
  const a = numberText(m[3]!);
  const b = numberText(m[6]!);
  if (a === undefined || b === undefined || decimalCompare(b, a) <= 0) return undefined;
  const capText = cap && cap.value !== null ? ` 上限 ${cap.value}` : "";
  return reading([`每${m[2]} 扣 「一般」 ${a}、「${m[4]}」 ${b}${capText}`], cap && cap.value !== null ? [a, b, cap.value] : [a, b]);
};

/**
 * 「SCI论文30分/篇,核心论文10分/篇」「国家级奖励加3分/项,省级奖励加2分/项」: classes of one count written with the count
 * word after each amount → `每篇 得 「SCI论文」 30、「核心论文」 10`. Every part the same count word and the same
 * direction; without a verb only in a 加分 section; names unique, of two characters or more.
 */
export const classesPerUnitAfter: Pattern = (t, ctx) => {
  const body = t.replace(/[。;]+$/, "");
  if (/(?:\d|[一二两三四五六七八九十])[^,;\d]{0,3}(?:以上|以下)|%|否则|酌情|视情|最多|最高|上限|为止|封顶|不超过|累计|分别|各|加倍|减半|严重|每/.test(body)) return undefined;
  const parts = body.split(/[,;、]/);
  if (parts.length < 2 || parts.length > 8) return undefined;
  const rows = parts.map((p) => rxt`^([\\u4e00-\\u9fa5A-Za-z]{2,16}?)(?:的)?,?(得|计|记|加|扣|减)?${NUM}分\\/(${COUNT})$`.exec(p));
  if (rows.some((r) => r === null)) return undefined;
  const verbs = new Set(rows.map((r) => (r![2] === undefined ? undefined : actionOf(r![2]))));
  if (verbs.size !== 1) return undefined;
  const verb = [...verbs][0] ?? (ctx.section === "加分" ? "得" : undefined);
  if (verb === undefined || (verb === "得" && ctx.section === "减分") || (verb === "扣" && ctx.section === "加分")) return undefined;
  if (new Set(rows.map((r) => r![4])).size !== 1) return undefined;
  const names = rows.map((r) => r![1]!);
  if (new Set(names).size !== names.length) return undefined;
  const amounts = rows.map((r) => numberText(r![3]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  return reading([`每${rows[0]![4]} ${verb} ${names.map((n, i) => `「${n}」 ${amounts[i]}`).join("、")}`], amounts as string[]);
};

/**
 * 「每发生一次森林火警，能及时报告的扣3分，否则扣5分」「发生一起事故，主动报告的扣2分，隐瞒不报的扣5分」: each
 * occurrence costs by the conduct around it — one count with two classes (否则 names the other side 「其他」).
 * Never when the second may be on top of the first (情节严重、另扣、再扣 …).
 */
export const occurrenceByConduct: Pattern = (t, ctx) => {
  if (ctx.section === "加分") return undefined;
  const m = rxt`^(?:每)?(?:发生|出现)[一1](次|起|例|件)([^,;。\\d]{1,12}),(?:能)?([^,;。\\d]{2,30}?)(?:的)?,?(扣|减)${NUM}分[,;](否则|[^,;。\\d]{2,30}?)(?:的)?,?(扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || /严重|较重|另|再|加扣|并扣|同时|累计|以上|以下|各|分别/.test(t)) return undefined;
  // 「…群众反映强烈的扣1分，最多扣2分」 (jz-02 under the perturbations' cap, session 27): a cap word before 扣N分 is the
  // counted deduction's cap, never a class of conduct (最多/最高/至多/不超过 … name no conduct)
  if (/^(?:最多|最高|至多|不超过|封顶|上限|合计|总计|共)/.test(m[6]!)) return undefined;
  const unit = unitOf(m[1]!);
  const [a, b] = [numberText(m[5]!), numberText(m[8]!)];
  if (unit === undefined || a === undefined || b === undefined || a === b) return undefined;
  const first = m[3]!;
  const second = m[6] === "否则" ? "其他" : m[6]!;
  if (first === second) return undefined;
  // 「发生一起事故，乡镇扣2分，村委会扣1分」: units or persons named, not conduct — another rule's classes
  const whose = /(?:单位|部门|乡镇|街道|村|社区|县|区|镇|委会|责任人|当事人|负责人|领导|人员|干部)$/;
  if (whose.test(first) || whose.test(second)) return undefined;
  return reading([`${unit} 扣 「${first}」 ${a}、「${second}」 ${b}`], [a, b]);
};
