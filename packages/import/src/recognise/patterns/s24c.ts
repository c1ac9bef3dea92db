// Patterns for the two to-do classes every fresh set shows (session 24, helper s24-multi), tried first:
// 「N以上」 bounds and several amounts in one clause.
//   「每年学习4次以上的得1分」                               → 分段 { ≥ 4次 得 1 }
//   「排名后退5位以上的扣1分,后退10位以上的扣2分」           → 分段 { ≥ 10 扣 2 [5, 10) 扣 1 }
//   「按时完成的得4分,未按时完成的扣4分」                     → 得 4 否则 扣 4
//   「主导制订1项国家标准得5分,参与制订得3分」               → 每项 得 「主导制订」 5、「参与制订」 3
//   「每起扣2分,情节严重的扣5分」                             → 每起 扣 「一般」 2、「情节严重」 5
//   「SCI论文30分/篇,核心论文10分/篇」 (加分)                  → 每篇 得 「SCI论文」 30、「核心论文」 10
//
// 以上: a bare 「N以上」 includes N (民法典 §1259: 「以上、以下、以内、届满，包括本数」; every band the corpus
// writes from 「N以上」 is ≥). Read only where nothing else in the clause settles it otherwise: never beside
// 以下/以内/不足/低于 (a complement row with the same number leaves one of the two open), never after
// 超过/多于/高于/大于 (「超过8%以上」: the word says >, the 以上 says ≥), never with 不含 of anything but the bound
// (「(不含N)」 after it: > N), never with 每 or 少
// (a count of what is short: 至少 N次, read elsewhere), never 「1…以上」 (having one: a description of the fact).
import { measureWords } from "@kaoping/core";
import { capOf } from "../amounts.js";
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { actionOf, reading, refusal, type Pattern, type PatternResult } from "../reading.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");

/** Words that settle a bound otherwise, or make the clause more than one band. */
const NOT_A_BARE_ABOVE = /以下|以内|之内|不足|低于|少于|小于|未达|未满|不满|超过|多于|高于|大于|不少于|不低于|至少|最少|不含|否则|酌情|视情|按实际|累计|平均|比例|分别|各|加倍|减半|除外|上限|为止|封顶|最高|最多|不超过|少一|缺一|每(?!年)|\d+(?:\.\d+)?[-~至到]\d/;

/** One row 「…N单位以上(的),得P分」 → its parts, or undefined. */
const ABOVE_ROW = rxt`^([^\\d]*?)(?<![\\d.第])${NUM}(${UNITS}|%)?以上([⊂⊄])?(?:的)?,?(?:的)?(得|计|记|加|扣|减)${NUM}分$`;

interface AboveRow {
  readonly head: string;
  readonly value: string;
  readonly unit: string;
  readonly verb: "扣" | "得";
  readonly amount: string;
  /** 「(不含N)」 written after the bound. */
  readonly strict: boolean;
}

function aboveRow(part: string): AboveRow | undefined {
  const m = ABOVE_ROW.exec(part);
  if (!m) return undefined;
  const value = numberText(m[2]!);
  const amount = numberText(m[6]!);
  const verb = actionOf(m[5]!);
  if (value === undefined || amount === undefined || verb === undefined) return undefined;
  // a Chinese numeral directly before the count (「第一」「一次性」) or another number in the head: not one bound
  if (/[一二两三四五六七八九十百千万]$/.test(m[1]!) || /[一二两三四五六七八九十](?:次|项|个|件|条|人|篇|名|天)/.test(m[1]!)) return undefined;
  return { head: m[1]!, value, unit: m[3] ?? "", verb, amount, strict: m[4] === "⊄" };
}

/** A sibling clause that writes the same number with 以下/以内/不足 (the complement row: which side holds N is open). */
function complementAmongSiblings(siblings: readonly string[] | undefined, value: string): boolean {
  return (siblings ?? []).some((s) => [...s.replace(/\s/g, "").matchAll(/(\d+(?:\.\d+)?)[^\d,;。]{0,4}?(?:以下|以内|之内)|(?:不足|低于|少于|未达到?)(\d+(?:\.\d+)?)/g)].some((x) => (x[1] ?? x[2]) === value));
}

/** The clause's rows, each a 「N以上」 row, or undefined. */
function aboveRows(t: string): AboveRow[] | undefined {
  // a list label (「(2)」「5、」) is no number of the clause
  let body = t.replace(/[。;,]+$/, "").replace(/^(?:\(\d+\)|\d+[、.](?!\d)|[一二三四五六七八九十]+、)/, "");
  // 「…5000元以上的记2分,否则不计分」: below the bound an award is not earned — the band says so already
  const otherwiseNothing = /[,;]否则,?不(?:得|计|记)分$/.exec(body);
  if (otherwiseNothing) body = body.slice(0, otherwiseNothing.index);
  // 「3次以上(不含3次)」「5%以上(含本数)」: the inclusivity written out after the bound (⊄ strict, ⊂ inclusive)
  body = body.replace(rxg`(${NUM}(${UNITS}|%)?以上)\\((不)?含(本数|${NUM}(?:${UNITS}|%)?)\\)`, (whole: string, lead: string, n: string, _u: string, neg: string | undefined, _w: string, n2: string | undefined) =>
    n2 !== undefined && numberText(n2) !== numberText(n) ? whole : `${lead}${neg ? "⊄" : "⊂"}`,
  );
  if (NOT_A_BARE_ABOVE.test(body)) return undefined;
  const parts = body.split(/(?<=分)[,;。]/);
  const rows = parts.map(aboveRow);
  if (rows.some((r) => r === undefined)) return undefined;
  if (otherwiseNothing && rows.some((r) => r!.verb !== "得")) return undefined;
  return rows as AboveRow[];
}

/**
 * 「每年学习4次以上的得1分」「息诉息访率在50%以上的记4分」「迟报3天以上的扣2分」: one bound written 「N以上」 and
 * one amount → `分段 { ≥ N 得 P }`; several such rows in one direction (「后退5位以上的扣1分,后退10位以上的扣2分」)
 * → one 分段 from the highest bound down, each row up to the next. Not in a clause whose siblings write the
 * same number with 以下 (the other side of the same bound), never for 「1…以上」.
 */
export const aboveBands: Pattern = (t, ctx): PatternResult => {
  const rows = aboveRows(t);
  if (!rows || rows.length === 0) return undefined;
  if (rows.some((r) => r.value === "1" && r.unit !== "%")) return undefined;
  if (rows.some((r) => complementAmongSiblings(ctx.siblings, r.value))) return refusal(`同一项的另一条条文以「${rows[0]!.value}${rows[0]!.unit}以下」为界，「以上」「以下」哪一边含本数未能确定`);
  if (new Set(rows.map((r) => r.unit)).size !== 1 || new Set(rows.map((r) => r.verb)).size !== 1) return undefined;
  // the rows' heads after the first must say the same thing again or nothing (「后退10位以上」 after 「后退5位以上」)
  if (rows.slice(1).some((r) => r.head !== "" && !rows[0]!.head.endsWith(r.head.replace(/^(?:的|,)/, "")))) return undefined;
  const sorted = [...rows].sort((a, b) => Number(b.value) - Number(a.value));
  if (new Set(sorted.map((r) => r.value)).size !== sorted.length) return undefined;
  // rows that grow with the bound (a deduction or an award rising with it), as bands do
  if (sorted.some((r, i) => i > 0 && Number(r.amount) >= Number(sorted[i - 1]!.amount))) return undefined;
  // 「位次后退5位以上」: places of a rank are a number, not a measure
  const u = /位次|名次|排名|排位/.test(rows[0]!.head) ? "" : rows[0]!.unit;
  // a strict bound (不含) only alone: between rows each side would have to be settled again
  if (rows.length > 1 && rows.some((r) => r.strict)) return undefined;
  const bands = sorted.map((r, i) => (i === 0 ? `${r.strict ? ">" : "≥"} ${r.value}${u}` : `[${r.value}${u}, ${sorted[i - 1]!.value}${u})`) + ` ${r.verb} ${r.amount}`);
  return reading([`分段 { ${bands.join(" ")} }`], rows.map((r) => r.amount));
};

/** Negation words before the negated verb. */
const NEGATION = /(?:未|不|没有|无)([\u4e00-\u9fa5]{2})/;

/**
 * 「按时完成的得4分,未按时完成的扣4分」「参加培训得2分;不参加培训的倒扣1分」: an award and a deduction on its own negation —
 * the award's other side (语言参考 §5.14) → `得 4 否则 扣 4` (倒扣 kept). The negation must negate the award's
 * whole condition (未按时完成 / 按时完成) and say nothing else; a deduction on a condition of its own (「有抵触行为的倒扣2分」)
 * stays a to-do.
 */
export const awardOrDeduction: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;。,]{2,60}?)(?:的)?,?(?:得|计|记)${NUM}分[;。,]([^;。,\\d]{2,30}?)(?:的)?,?(倒扣|扣)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const [award, negation] = [m[1]!, m[3]!];
  if (/\d|[一二两三四五六七八九十](?:次|项|个|件|条|人|篇)|以上|以下|%|每|扣|未|不|没有|无|否则|酌情|视情|情节|严重|全部|全|均|都|所有|各/.test(award)) return undefined;
  const neg = NEGATION.exec(negation);
  // the negation first (「一项未完成」 counts items: a per-item deduction, not the award's other side)
  if (!neg || neg.index !== 0) return undefined;
  // the negated words are the award's condition
  const negated = negation.slice(neg.index + neg[0].length - 2);
  // — all of them: 「按时报送的得1分,未报送的扣0.5分」 leaves a late report with neither (not the other side)
  if (negated !== award) return undefined;
  const x = numberText(m[2]!);
  const y = numberText(m[5]!);
  if (x === undefined || y === undefined) return undefined;
  return reading([`得 ${x} 否则 ${m[4]} ${y}`], [x, y]);
};

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
 * 「主导制订1项国家标准得5分,参与制订得3分」「获评1个省级示范点加3分,市级示范点加2分」: one count stated in the
 * first part, later parts naming another class of the same thing with an award of their own → one rule with
 * classes in the clause's order, `每项 得 「主导制订」 5、「参与制订」 3`. Awards only (a deduction's second
 * amount is an escalation, 「情节严重的」, or a condition of its own); every part one award and no other number.
 */
export const classesOfOneCount: Pattern = (t, ctx) => {
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
  return reading([`每${first[2]} 得 ${names.map((n, i) => `「${n}」 ${amounts[i]}`).join("、")}`], amounts as string[]);
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
  if (a === undefined || b === undefined || Number(b) <= Number(a)) return undefined;
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

export const s24cPatterns: readonly Pattern[] = [aboveBands, awardOrDeduction, classesOfOneCount, graverClass, classesPerUnitAfter];
