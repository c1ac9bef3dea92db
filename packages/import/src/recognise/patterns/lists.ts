// Clauses that list several amounts: categories in order (「被中央、省、市、区通报的，每例分别扣4分、3分、
// 2分、1分」), 承办/协办 classes of a unit, and 「A、B各扣6分」 (one rule per item).
import { amountsIn, capOf, thresholdReason } from "../amounts.js";
import { NUM, numberText, rx, rxt, rxg } from "../normalise.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";

/** A short name for a listed item: the list's words without verbs and trailing phrases. */
function itemName(raw: string, first: boolean, last: boolean): string {
  let s = raw;
  if (first) s = s.replace(/^.*?(?:被|受到|经|由|在|对|为)/, "");
  if (last) s = s.replace(/(?:通报|表彰|批评|党报|小康|宣传|简报|采纳|问责|曝光|等次|的).*$/, "");
  return s.replace(/\([^()]*\)/g, "").replace(/的$/, "").replace(/[「」“”"'《》()]/g, "");
}

/** 「…A、B、C…的，每X分别(对应)?扣 a分、b分、c分」. */
const respectively: Pattern = (t, ctx) => {
  const m = rxt`(每(?:${NOUNS}))?分别(?:对应)?(${VERBS})((?:${NUM}分?[、,和])+${NUM}分)`.exec(t);
  if (!m) return undefined;
  const values = [...m[3]!.matchAll(rx(NUM, "g"))].map((x) => numberText(x[1]!));
  if (values.some((v) => v === undefined)) return undefined;
  const verb = actionOf(m[2]!);
  const before = t.slice(0, m.index);
  // the list is the one after the last 被/受到 (「…经验和效果被省、市、县…宣传推介的」)
  const markers = [...before.matchAll(/被|受到/g)];
  const last = markers[markers.length - 1];
  const from = last ? last.index + last[0].length : 0;
  const lists = [...before.slice(from).matchAll(/([^,;。、]{1,24}(?:、[^,;。、]{1,24})+)/g)];
  let list: RegExpMatchArray | undefined = lists[lists.length - 1];
  let raw: string[] | undefined = list?.[1]!.split("、");
  const unitWord = m[1] ?? /每(次|件|例|条|篇|项|起|人)/.exec(before)?.[0];
  // 「考核结果为“较差”和“差”等次的，分别倒扣0.3分、0.5分」: two items joined by 和/或, one-shot amounts
  if (!list && !unitWord && values.length === 2) {
    const pair = /([^,;。和或与及]{1,24})(?:和|或|与|及)([^,;。和或与及]{1,24})(?=[,;。]|$)/.exec(before.slice(from).replace(/[,;。]+$/, "").split(/[,;。]/).find((x) => /和|或|与|及/.test(x)) ?? "");
    if (pair) {
      list = pair;
      raw = [pair[1]!, pair[2]!];
    }
  }
  if (!verb || !list || !raw) return refusal("条文分别计分，但未能找到分别对应的各类");
  if (raw.length !== values.length) return refusal(`条文列了 ${raw.length} 类，却有 ${values.length} 个分值`);
  const names = raw.map((r, i) => itemName(r, i === 0, i === raw.length - 1));
  if (names.some((n) => n === "") || new Set(names).size !== names.length) return refusal("条文分别计分，未能确定各类的名称");
  const rest = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  if (amountsIn(rest).length > 0 || thresholdReason(rest)) return refusal("条文分别计分之外还有分值或界限，未能确定");
  const unit = unitWord;
  if (!unit) {
    // 「被中央、省级媒体曝光的分别扣2分、1分」「考核结果为较差和差等次的，分别倒扣0.3分、0.5分」: one one-shot
    // rule per item (each its own finding), named by the item
    if (/每/.test(t)) return refusal("条文分别计分，未能确定计数单位");
    // 「少建一个或已建但未达标的分别扣1分、3分」: a count in the findings may be what is counted
    if (rxt`[一1](?:${NOUNS}|名|座|所|家)`.test(before)) return refusal("条文分别计分，所列情形中写有「一个」之类的计数，未能确定是一次性扣分还是按个扣分");
    // beside clauses that count, the listed findings may be counted the same way
    if (ctx.siblings?.some((x) => /每(?:次|件|例|条|篇|项|起|人|宗|处|个)/.test(x))) return refusal("同一项的其他条文按次（按件）计分，本条分别计分却没有写计数单位，未能确定");
    return reading(values.map((v) => `${verb} ${v}`), amountsIn(m[0]), names);
  }
  const cats = names.map((n, i) => `「${n}」 ${values[i]}`).join("、");
  return reading([`${unit} ${verb} ${cats}`], amountsIn(m[0]));
};

/** 「主办单位每次加1分，协办单位加0.5分」. */
const leadAndAssist: Pattern = (t) => {
  const m = rxt`(主办|承办|牵头)单位(每(?:${NOUNS}))?(${VERBS})${NUM}分[,;]?(协办|配合)单位(?:每(?:${NOUNS}))?(${VERBS})${NUM}分`.exec(t);
  if (!m) return undefined;
  const verb = actionOf(m[3]!);
  const verb2 = actionOf(m[6]!);
  const a = numberText(m[4]!);
  const b = numberText(m[7]!);
  if (!verb || verb !== verb2 || a === undefined || b === undefined) return undefined;
  const before = t.slice(0, m.index);
  const unit = m[2] ?? rxt`每[^,;。每]{0,6}?[一1]?(${NOUNS})$`.exec(before.replace(/[,;]$/, ""))?.[1];
  if (!unit) return refusal("条文按承办、协办分别计分，但未写按次还是按件，未能确定");
  const word = unit.startsWith("每") ? unit : unitOf(unit);
  if (!word) return undefined;
  const rest = before + t.slice(m.index + m[0].length);
  if (amountsIn(rest).length > 0 || thresholdReason(rest)) return refusal("条文除承办、协办分值外还有分值或界限，未能确定");
  return reading([`${word} ${verb} 「${m[1]}」 ${a}、「${m[5]}」 ${b}`], [a, b]);
};

/** 「年度未召开…」「全年未开展…」: things not done at all in the year — whether, never how often. */
const NOT_DONE_IN_YEAR = /^(?:[①-⑳]|\(?\d+[)、.])?(?:年度|全年|年内|本年度)内?(?:未|没有)(?:召开|开展|举办|组织|制定|建立|召集)/;

/**
 * 「无垃圾池、垃圾填埋场各扣6分」: one rule per listed item; 「工作计划和总结各0.5分」 (no verb: each item's
 * points, an award).  A 「各」 amount this cannot read is a to-do, never one amount for the whole list.
 */
const each: Pattern = (t, ctx) => {
  // 「无计划、无措施、无总结的分别扣1分」: 分别 with one amount is 各
  const m = rxt`(?:各|分别)(${VERBS})?${NUM}分(?![、,和]?${NUM}分)`.exec(t);
  if (!m) return undefined;
  if (/^分别/.test(m[0]) && m[1] === undefined) return undefined;
  // no verb: each item's points — unless the clause speaks of failings (then which way is not written)
  if (m[1] === undefined && /扣|减|未|没有|不|无|差/.test(t)) return refusal("条文「各」计分，未写明是得分还是扣分");
  const verb = m[1] === undefined ? "得" : actionOf(m[1]);
  const amount = numberText(m[2]!);
  if (!verb || amount === undefined) return undefined;
  // (the item's number 「1、」 before the list is no item of it)
  const before = t.slice(0, m.index).split(/[,;。]/).pop()!.replace(/^\d+、(?=[^\d])/, "");
  // the items joined by 和/及/与 (「工作计划和总结各0.5分」「换届选举工作和创先争优活动不能按要求落实到位各扣2分」):
  // two items when one joining word is the only one (never a word it begins: 和谐、及时 …)
  const JOIN = /和(?!谐|平|睦|美|解)|与(?!会|其)|及(?!时|以上|以下|其)/g;
  const joins = [...before.matchAll(JOIN)].length;
  const items = before.includes("、") ? before.split("、") : joins === 1 ? before.split(JOIN) : [before];
  if (items.length < 2 || items.length > 6) return refusal("条文「各」计分，但未能确定有几项");
  // 「乡镇和部门未按时报送的各扣1分」: 各 over classes of units, not findings
  if (/^(?:[\u4e00-\u9fa5]{0,4})(?:乡镇|街道|部门|单位|县区|园区|社区|村|县|市|区|乡|镇)$/.test(items[0]!.replace(/^(?:[①-⑳]|\(?\d+[)、.])/, "").trim())) return refusal("条文「各」按单位类别计分，未能确定");
  // 「A、B和C各扣6分」: a joining word among the listed items — two items or one, not settled
  if (before.includes("、") && joins > 0) return refusal("条文「各」计分，所列各项中又有「和」「及」「与」，未能确定有几项");
  // beside clauses that count, the listed findings may be counted the same way
  // (as 分别 above: 「每宗」 carries over, 「每发现一处垃圾外溢」 beside 「无垃圾池、垃圾填埋场各扣6分」 does not)
  // (not when the list is of things not done at all in the year, 「年度未召开理事会…、工作总结会议的各扣2分」: one fact each,
  // nothing to count — session 29)
  if (m[1] !== undefined && !NOT_DONE_IN_YEAR.test(before) && ctx.siblings?.some((x) => /每(?:次|件|例|条|篇|项|起|人|宗|处|个)/.test(x))) return refusal("同一项的其他条文按次（按件）计分，本条「各」计分却没有写计数单位，未能确定");
  const rest = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  if (amountsIn(rest).length > 0 || capOf(t) || thresholdReason(rest)) return refusal("条文「各」计分之外还有分值或界限，未能确定");
  if (/每/.test(before)) return refusal("条文「各」按次计分，未能确定");
  const names = items.map((x) => x.replace(/^(?:[①-⑳]|\(?\d+[)、.])/, "").replace(/^(?:无|未|没有|不)/, "").replace(/的$/, ""));
  return reading(items.map(() => `${verb} ${amount}`), [amount], new Set(names).size === names.length ? names : undefined);
};

/**
 * 「县级刊物采纳1篇计5分，市级报刊采纳1篇计7分，省级以上报刊采纳1篇计10分」: one count word, one verb,
 * one amount per piece — categories in the order written.
 */
const pieces: Pattern = (t0) => {
  // 「…严重问题每处扣0.5分，最多扣2分」: a cap of the whole list (上限 after the categories)
  const cap = capOf(t0);
  if (cap && cap.value === null) return undefined;
  const t = cap ? cap.rest : t0;
  const amountRe = rxg`(${VERBS})${NUM}分`;
  const found = [...t.matchAll(amountRe)];
  if (found.length < 2 || capOf(t) || /分别|各(?:扣|加|得)/.test(t)) return undefined;
  const parts: { name: string; unit: string; verb: string; amount: string }[] = [];
  let from = 0;
  for (const m of found) {
    const piece = t.slice(from, m.index);
    from = m.index + m[0].length;
    const per = rxt`^[,;、。]?(.*?)(?:每(${NOUNS})|(?:采纳|发现|有)?[一1](${NOUNS}))$`.exec(piece);
    const verb = actionOf(m[1]!);
    const amount = numberText(m[2]!);
    if (!per || !verb || amount === undefined) return undefined;
    parts.push({ name: per[1]!.replace(/[,;、。]+$/, "").replace(/的$/, ""), unit: unitOf((per[2] ?? per[3])!)!, verb, amount });
  }
  if (!/^[。;,]?$/.test(t.slice(from))) return undefined;
  const first = parts[0]!;
  if (parts.some((p) => p.unit !== first.unit || p.verb !== first.verb)) return refusal("条文各部分的计数单位或扣分、得分不同，未能确定");
  if (parts.some((p) => p.name === "" || thresholdReason(p.name)) || new Set(parts.map((p) => p.name)).size !== parts.length) {
    return refusal("条文分类计分，未能确定各类的名称");
  }
  const capText = cap?.value ? ` 上限 ${cap.value}` : "";
  return reading([`${first.unit} ${first.verb} ${parts.map((p) => `「${p.name}」 ${p.amount}`).join("、")}${capText}`], [...parts.map((p) => p.amount), ...(cap?.value ? [cap.value] : [])]);
};

export const listPatterns: readonly Pattern[] = [respectively, leadAndAssist, each, pieces];
