// Several amounts of one clause that are categories, bands or a list (session 25, helper amounts):
//   - classes of one count whose later parts name a thing the same measure word counts (「录用1条计10分,简讯计5分」:
//     a 简讯 is counted in 条 too) → `每条 得 「录用」 10、「简讯」 5` (语言参考 §5.2, 分类);
//   - a milder state of the same counted occurrence (「发生1起…案件扣5分,如案件已破,扣3分」) → `每起 扣 「一般」 5、「案件已破」 3`;
//   (levels or classes without any count word — 「…被推广的,国家级加10分,省级加8分」「红灯扣1分,蓝灯扣0.5分」 — stay to-dos:
//   once each or per time is the writer's call, 语言参考 §5.2 「kaoping 不替作者猜」; the corpus's writers read most of them per
//   item (wnky, yzwy-01, jckp-15), one (hcyj-21) as one-shot rules: the count word decides, and where none is written a person does)
//   - amounts by exact count (「1人次扣2分,2人次扣4分,3人次扣5分」) → `分段 { = 1人次 扣 2 = 2人次 扣 4 ≥ 3人次 扣 5 }`;
//   - faults listed, then their amounts in order (「发现A,B,C将依次扣除4分、2分、2分」) → one rule per fault.
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { amountsIn } from "../amounts.js";
import { unitOf } from "../units.js";
import { decimalCompare } from "../../decimal.js";

/** Words that make the clause more than classes of one count (bounds, caps, shares, modifiers, conditions). */
const NOT_CLASSES = /(?:\d|[一二两三四五六七八九十])[^,;\d]{0,3}(?:以上|以下)|%|否则|酌情|视情|最多|最高|上限|为止|封顶|不超过|累计|分别|各|加倍|减半|另|再|未|不|没有|无|扣|减|严重|其中/;

/** The measure word each kind of thing is counted with (量词): a later part naming one of these is a class of that count. */
const COUNTED_WITH: Readonly<Record<string, RegExp>> = {
  条: /(?:信息|简讯|消息|快讯|动态|建议|意见|社情民意|新闻|报道)$/,
  篇: /(?:论文|文章|稿件|报道|简讯|信息|调研报告|报告|作品|评论)$/,
  项: /(?:课题|成果|专利|标准|项目|奖励|奖)$/,
  件: /(?:提案|作品|案件|议案)$/,
};

/** A part 「…(每|1)条…计10分」 or 「简讯计5分」: name before and after the count word, the count word, the amount. */
const PART = rxt`^((?:(?!每)[\\u4e00-\\u9fa5]){0,12}?)(?:(?:每|[1一])(条|篇|项|件|个))?((?:(?!每)[\\u4e00-\\u9fa5]){0,10}?)(?:的)?,?(?:得|计|记|加)${NUM}分$`;

/**
 * 「《…》录用1条计10分,简讯计5分」「被…采用的,问题类信息每条计90分,其他信息每条计30分,简讯计15分」: one count word
 * stated (每条 / 1条), every part an award of its own, and each part without the word naming a thing that word
 * counts (a 简讯 is one 条) → one rule with classes in the clause's order. A part naming anything else (「全勤」,
 * 「参加会议1次得2分,全勤得5分」) is another fact: not read here.
 */
const classesOfOneMeasure: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  // a lead-in shared by the parts: 「被《…》采用的,」 (a book title's words are not the clause's)
  let body = t.replace(/[。;]+$/, "").replace(/《[^》]*》/g, "《》");
  // 「…(累计不超过5分)」「…,最多得5分」: the rule's cap, not above the item's points and above every class's amount
  const capped = rxt`[,;]?\\(?(?:累计|合计|总计)?(?:不超过|最多得?|最高)${NUM}分\\)?$`.exec(body);
  const cap = capped ? numberText(capped[1]!) : undefined;
  if (capped) {
    if (cap === undefined || (ctx.section === null && ctx.points !== null && decimalCompare(cap, ctx.points) > 0)) return undefined;
    body = body.slice(0, capped.index);
  }
  // 「…,没有承担不得分」: the awards' other side (none earned), when it negates the parts' own verb
  const none = /[,;](?:没有|未|无)([\u4e00-\u9fa5]{1,4}?)(?:的)?不得分$/.exec(body);
  if (none) {
    if (!body.slice(0, none.index).startsWith(none[1]!)) return undefined;
    body = body.slice(0, none.index);
  }
  const lead = /^([^,;\d]*?的),/.exec(body);
  const rest = lead ? body.slice(lead[0].length) : body.replace(/^[^\d,;]*?《》/, "");
  if (NOT_CLASSES.test(rest)) return undefined;
  const parts = rest.split(/(?<=分)[,;、]/);
  if (parts.length < 2 || parts.length > 6) return undefined;
  const rows = parts.map((p) => PART.exec(p));
  if (rows.some((r) => r === null)) return undefined;
  const words = new Set(rows.flatMap((r) => (r![2] === undefined ? [] : [r![2]])));
  if (words.size !== 1) return undefined;
  const word = [...words][0]!;
  // 个 counts anything: every part must write it (no later part named by what 个 counts)
  if (word === "个" && rows.some((r) => r![2] === undefined)) return undefined;
  const names = rows.map((r) => `${r![1]!}${r![3]!}`.replace(/的$/, ""));
  if (names.some((n) => n.length < 2) || new Set(names).size !== names.length) return undefined;
  if (!rows.every((r, i) => r![2] !== undefined || COUNTED_WITH[word]?.test(names[i]!) === true)) return undefined;
  const amounts = rows.map((r) => numberText(r![4]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  if (cap !== undefined && !amounts.every((a) => decimalCompare(a!, cap) < 0)) return undefined;
  const body1 = `每${word} 得 ${names.map((n, i) => `「${n}」 ${amounts[i]}`).join("、")}${cap !== undefined ? ` 上限 ${cap}` : ""}`;
  return reading([body1], cap !== undefined ? [...(amounts as string[]), cap] : (amounts as string[]));
};

/** Words that make a state of the occurrence milder: done, in time, of one's own accord, made good. */
const MITIGATING = /已|及时|主动|自行|当(?:日|天|月|场)|挽回|整改|纠正|补正|侦破|破获/;

/** The count words of the language an occurrence may be counted with (语言参考 §5.1). */
const PER = "件次|人次|次|件|起|项|例|处|条|人|个|家|户|篇|宗|份|场";

/**
 * 「发生1起恶性案件扣5分,如案件已破,扣3分」: a counted deduction, then a milder state of the same occurrence (「如」 + the
 * thing counted named again, two characters running) with a smaller amount: each occurrence is one or the other →
 * `每起 扣 「一般」 5、「案件已破」 3`. Not on top (另/再/加/并/同时), not larger (an escalation: graverClass's), not
 * without the thing named again (「如整改到位,扣1分」 may be any other fact).
 */
const milderState: Pattern = (t, ctx) => {
  if (!/[,;](?:如|若|但)/.test(t)) return undefined;
  if (ctx.section === "加分") return undefined;
  const m = rxt`^([^,;。\\d]{0,30}?)(?:每(?:发现|发生|出现|查实)?|(?:发生|发现|出现|查实)(?=[一1]))[一1]?(${PER})([\\u4e00-\\u9fa5]{2,12}?)(?:的)?,?(?:扣|减)${NUM}分[,;](?:如|若|如果|但)([\\u4e00-\\u9fa5]{2,16}?)(?:的)?,?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || /另|再|加|并|同时|累计|以上|以下|每|严重|较大|重大/.test(m[5]!) || /以上|以下|%|否则|酌情|另|再/.test(m[1]!)) return undefined;
  const thing = m[3]!;
  const state = m[5]!;
  if (![...state].some((_, i) => i + 2 <= state.length && thing.includes(state.slice(i, i + 2)))) return undefined;
  // a milder state says what lessens it (已破、及时扑灭、当月侦破、主动整改); 「如事故造成死亡」 is graver, whatever its amount
  if (!MITIGATING.test(state) || /伤亡|死亡|造成|扩大/.test(state)) return undefined;
  const a = numberText(m[4]!);
  const b = numberText(m[6]!);
  if (a === undefined || b === undefined || decimalCompare(b, a) >= 0) return undefined;
  const unit = unitOf(m[2]!);
  if (!unit) return undefined;
  return reading([`${unit} 扣 「一般」 ${a}、「${state}」 ${b}`], [a, b]);
};

/**
 * 「一学年中有1人次重修扣2分,2人次重修扣4分,3人次重修扣5分」: amounts by the exact count, 1, 2, 3 … in a row, one count
 * word → `分段 { = 1人次 扣 2 = 2人次 扣 4 ≥ 3人次 扣 5 }`: each count its own band and the last listed from there up
 * (the amounts rise with the count; a count past the list is not less than the last). Amounts that do not rise, counts
 * that skip, or 「N次以上」 (aboveBands') are not read here.
 */
const exactCountBands: Pattern = (t, ctx) => {
  const body = t.replace(/[。;]+$/, "");
  const parts = body.split(/[,;]/);
  // (「第1次扣2分,第2次扣4分」 escalates occurrence by occurrence: each adds, not a band of the count)
  if (parts.length < 2 || /以上|以下|每|%|累计|最多|上限|为止|第/.test(body)) return undefined;
  const rows = parts.map((p, i) => rxt`^(${i === 0 ? "[^\\d,;]{0,30}?" : "[^\\d,;]{0,4}?"})(\\d+)(${PER})([\\u4e00-\\u9fa5]{0,8}?)(?:的)?,?(扣|减|得|加|计|记)${NUM}分$`.exec(p));
  if (rows.some((r) => r === null)) return undefined;
  const unit = rows[0]![3]!;
  if (!rows.every((r, i) => r![3] === unit && Number(r![2]) === i + 1 && r![4] === rows[0]![4])) return undefined;
  const verbs = new Set(rows.map((r) => (/扣|减/.test(r![5]!) ? "扣" : "得")));
  if (verbs.size !== 1) return undefined;
  const verb = [...verbs][0]!;
  if ((verb === "扣" && ctx.section === "加分") || (verb === "得" && ctx.section === "减分")) return undefined;
  const amounts = rows.map((r) => numberText(r![6]!)!);
  if (!amounts.every((a, i) => i === 0 || decimalCompare(a, amounts[i - 1]) > 0)) return undefined;
  const bands = rows.map((_, i) => `${i === rows.length - 1 ? "≥" : "="} ${i + 1}${unit} ${verb} ${amounts[i]}`);
  return reading([`分段 { ${bands.join(" ")} }`], amounts);
};

/**
 * 「如发现大门未锁,台账缺失,标识不清将依次扣除2分、1分、1分」: faults listed, then their amounts in the same order
 * (依次) → one one-shot rule per fault. The faults and the amounts must be as many; a fault with a number of its own, or
 * 依次 with nothing listed before it (「依次递减」「依次类推」), is not read here.
 */
const inTurn: Pattern = (t, ctx) => {
  if (!t.includes("依次")) return undefined;
  if (ctx.siblings?.some((x) => /每(?:次|件|例|条|篇|项|起|人|宗|处|个)/.test(x))) return undefined;
  const m = rxt`^(?:如|若|凡)?(?:发现|存在|出现)?([^\\d]+?)(?:的)?,?(?:将|则)?依次(扣除|扣|减|加|得)((?:${NUM}分、)+${NUM}分)[。;]?$`.exec(t);
  if (!m) return undefined;
  const faults = m[1]!.split(/[,、;]/).filter((f) => f !== "");
  const amounts = m[3]!.split("、").map((a) => numberText(a.replace(/分$/, "")));
  if (faults.length < 2 || faults.length !== amounts.length || amounts.some((a) => a === undefined)) return undefined;
  if (faults.some((f) => f.length < 2 || /及以上|以下|每|分别|各/.test(f))) return undefined;
  const verb = /扣|减/.test(m[2]!) ? "扣" : "得";
  return reading(amounts.map((a) => `${verb} ${a}`), amounts as string[], faults);
};

/** A total after the amounts: 「,总计不超过15分」 (the item's points shared by the rules, or the one rule's cap). */
const TOTAL_AFTER = rxt`[,;](?:总计|累计|合计)?(?:不超过|最多|最高)${NUM}分$`;

/**
 * 「提交提案1件计10分,被立案的再加15分」「每条(次)计10分,被采用的再加5分,总计不超过15分」: an award per piece and, of
 * those pieces, the ones that also meet a condition earn more on top (再加/另加) → two rules of the same count word,
 * `每件 得 10` and `每件 得 15` (the second counts the pieces that meet it). A total after them is the item's points
 * shared by both (nothing to write on either); any other total is a cap of the two together: a to-do.
 */
const onTop: Pattern = (t, ctx) => {
  if (!/再加|另加|再计|另计|再得/.test(t)) return undefined;
  if (ctx.section === "减分") return undefined;
  let body = t.replace(/[。;]+$/, "");
  const total = TOTAL_AFTER.exec(body);
  if (total) {
    if (ctx.section !== null || ctx.points === null || numberText(total[1]!) !== ctx.points) return undefined;
    body = body.slice(0, total.index);
  }
  const m = rxt`^([^;。\\d]{0,40}?)(?:每|[1一])(${PER})(?:\\([\\u4e00-\\u9fa5]{1,2}\\))?(?:的)?,?(?:计|得|记|加)${NUM}分[,;]([^,;。\\d]{2,16}?)的,?(?:再加|另加|再计|另计|再得)${NUM}分$`.exec(body);
  if (!m || /以上|以下|%|否则|酌情|未|不|没有|扣|减|分别|各/.test(m[1]! + m[4]!)) return undefined;
  const unit = unitOf(m[2]!);
  const a = numberText(m[3]!);
  const b = numberText(m[5]!);
  if (!unit || a === undefined || b === undefined) return undefined;
  return reading([`${unit} 得 ${a}`, `${unit} 得 ${b}`], total ? [a, b, numberText(total[1]!)!] : [a, b]);
};

/**
 * 「参加调研、视察等活动,每次计2分(列为书面发言的计5分),总计不超过10分」: a counted award with a bracketed class of the
 * same count that earns another amount → `每次 得 「一般」 2、「列为书面发言」 5` (each time is one or the other), the total
 * after it the rule's cap (not above the item's points).
 */
const bracketedClass: Pattern = (t, ctx) => {
  if (!t.includes("(")) return undefined;
  if (ctx.section === "减分") return undefined;
  let body = t.replace(/[。;]+$/, "");
  const total = TOTAL_AFTER.exec(body);
  let cap: string | undefined;
  if (total) {
    cap = numberText(total[1]!);
    if (cap === undefined || (ctx.section === null && ctx.points !== null && decimalCompare(cap, ctx.points) > 0)) return undefined;
    body = body.slice(0, total.index);
  }
  const m = rxt`^([^()\\d]{0,80}?)每(${PER})(?:计|得|记|加)${NUM}分\\(([^()\\d]{2,40}?)的(?:计|得|记|加)${NUM}分\\)$`.exec(body);
  if (!m || /以上|以下|%|否则|酌情|未|不|没有|扣|减|分别|各|另|再/.test(m[1]! + m[4]!)) return undefined;
  const unit = unitOf(m[2]!);
  const a = numberText(m[3]!);
  const b = numberText(m[5]!);
  if (!unit || a === undefined || b === undefined || a === b) return undefined;
  if (cap !== undefined && decimalCompare(cap, decimalCompare(a, b) >= 0 ? a : b) <= 0) return undefined;
  const name = (/被([^被]+)$/.exec(m[4]!)?.[1] ?? m[4]!).slice(-12);
  return reading([`${unit} 得 「一般」 ${a}、「${name}」 ${b}${cap !== undefined ? ` 上限 ${cap}` : ""}`], cap !== undefined ? [a, b, cap] : [a, b]);
};

export const amountCategoryPatterns: readonly Pattern[] = [inTurn, exactCountBands, milderState, classesOfOneMeasure, onTop, bracketedClass];

/** One part 「<name>(的)?(加|扣…)?N分」 with nothing else: a class and its amount. */
const CLASS_PART = rxt`^(?:.*[,:])?([^,;:。\\d]{2,16}?)(?:的)?,?(加|得|计|记|扣|减)?${NUM}分$`;
/** A count word anywhere (每X, 1X, 一X before a verb or amount; 每月、每年 … say when, not what is counted). */
const ANY_COUNT = rxt`每(?!年|月|季度|季|周|日|天|学期|半年)|[1一](?:${PER})|分\\/`;
/** A total after the amount: 「,总分10分」「,总计不超过10分」. */
const TOTAL_WORD = rxt`[,;](?:总分|总计|合计|累计)(?:不超过|最多|最高)?${NUM}分[。;]?$`;
/** A class name that is a bound, a count or a share, not a class. */
const NOT_A_CLASS = /以上|以下|以内|不足|低于|超过|达到|%|[一二两三四五六七八九十]+(?:次|个|项|件|人)|\(|\)/;

/**
 * A clearer reason for 「条文有 N 个分值…未能确定它们的关系」 where the clause is of a class this file names: classes (or
 * levels) each with an amount and no count word — once each or per time is the writer's call (语言参考 §5.2) — or a total
 * after one amount that has no count word. Otherwise the reason as it was.
 */
export function severalAmountsReason(t: string, reason: string): string {
  if (!/^条文有 \d+ 个分值/.test(reason) || ANY_COUNT.test(t)) return reason;
  const all = amountsIn(t);
  const total = TOTAL_WORD.exec(t);
  if (total) {
    const before = amountsIn(t.slice(0, total.index));
    const totalText = numberText(total[1]!);
    if (before.length === 1 && totalText !== undefined && decimalCompare(before[0]!, totalText) < 0) return `条文写了「${total[0].replace(/^[,;]|[。;]$/g, "")}」，像是按次（件）计分的上限，但分值前没有计数单位（每次、每件…），未能确定按什么计数`;
    return reason;
  }
  const parts = t.replace(/[。;,]+$/, "").split(/(?<=分)[,;]/);
  if (parts.length < 2 || parts.length !== all.length) return reason;
  const names = parts.map((p) => CLASS_PART.exec(p)?.[1]?.replace(/^(?:且|和|及|或)/, "").replace(/均$/, ""));
  if (names.some((n) => n === undefined || NOT_A_CLASS.test(n) || /[增则]$/.test(n)) || new Set(names).size !== names.length) return reason;
  return `条文的几个分值分属几类（${names.map((n) => `「${n}」`).join("、")}），没有写计数单位：按次（件）计分的写成分类计分（如「每次 扣 「类」 N、「类」 M」），只看是否发生的写成几条一次性规则，未能确定`;
}
