// Several amounts in one clause, one per class of the thing counted (session 23, from the seventh
// fresh set), and awards counted from a lead-in (「获得1件…得1分(累计不超过7分)」).
//   「个访1次扣2分，群访1次扣4分，集体访1次扣10分，扣完为止」 → 每次 扣 「个访」 2、「群访」 4、「集体访」 10
//   「主街每发现一处扣3分，小街小巷每发现一处扣1分」 → 每处 扣 「主街」 3、「小街小巷」 1
//   「獲得 1 件發明專利…得 1 分(累計不超過 7 分)」 → 每件 得 1 上限 7
//   「班子团结奋进的记10分，…的酌情扣分」 (10 the item's points) → 酌情 扣 0 至 10
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { actionOf, reading, type Pattern } from "../reading.js";
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
