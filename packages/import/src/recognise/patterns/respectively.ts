// Classes scored respectively (session 29, helper cats): several levels, recipients or periods, each with its own
// amount (语言参考 §5.2: a count written → 分类计分 with 每…; none → one one-shot rule per class).
//   「在省、市级刊物发表1篇〔项〕分别加1分和0.5分,最多不超过5分」   → 每篇 得 「省级」 1、「市级」 0.5 上限 5
//   「获市级以上先进集体和个人分别加2分、1分」                    → 得 2 / 得 1
//   「县级督查、审计、考核一次合格者奖5分;市级…合格者奖10分;省级…合格者奖15分」
//                                                                → 每次 得 「县级」 5、「市级」 10、「省级」 15
//   「分四季度报帐审核:第一季度缺报扣20分;第二季度缺报扣10分;…」 → 扣 20 / 扣 10 / 扣 10 / 扣 20
// Only where the classes are named as one list the amounts follow in order (the same number of each), or as parts
// that say the same thing but for their level or period; anything more (a bound, another amount, 每) is left to the
// other patterns.
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { unitOf } from "../units.js";

/** Administrative levels, as a list names them (「省、市级」: 级 written once, after the last). */
const LEVEL = "国家|中央|省|市|县|区|乡镇|镇";

/** 「在省、市级刊物发表1篇〔项〕分别加1分和0.5分,最多不超过5分」: levels of one count, amounts in their order. */
const levelsOfOneCount: Pattern = (t, ctx) => {
  if (ctx.section !== "加分") return undefined;
  const m = rxt`^(?:\\d+[.、])?(?:[^,;。\\d]{1,20},)?(?:在|被)?((?:${LEVEL})级?(?:、(?:${LEVEL})级?)+)级([^,;。\\d]{1,10}?)(?:发表|刊登|获得|获)?[一1](篇|项|件|次|个|条)(?:[〔(][^〕()\\d]{1,2}[〕)])?(?:的)?,?分别(?:加|得|计|记)${NUM}分((?:(?:和|、)${NUM}分)+)(?:,(?:最多|最高|累计)(?:不超过|加)?${NUM}分)?[。;,]?$`.exec(t);
  if (!m) return undefined;
  const levels = m[1]!.split("、").map((l) => `${l.replace(/级$/, "")}级`);
  const amounts = [m[4]!, ...[...m[5]!.matchAll(/(?:和|、)([^和、分]+)分/g)].map((x) => x[1]!)].map(numberText);
  const unit = unitOf(m[3]!);
  if (unit === undefined || amounts.some((a) => a === undefined) || amounts.length !== levels.length) return undefined;
  const cap = m[7] !== undefined ? numberText(m[7]) : undefined;
  if (m[7] !== undefined && cap === undefined) return undefined;
  const list = levels.map((l, i) => `「${l}」 ${amounts[i]}`).join("、");
  return reading([`${unit} 得 ${list}${cap !== undefined ? ` 上限 ${cap}` : ""}`], [...(amounts as string[]), ...(cap !== undefined ? [cap] : [])]);
};

/** 「获市级以上先进集体和个人分别加2分、1分」: two recipients, no count — each award earned once. */
const twoRecipients: Pattern = (t, ctx) => {
  if (ctx.section !== "加分") return undefined;
  const m = rxt`^(?:\\d+[.、])?(?:获|获得|被评为|荣获)[^,;。\\d和、]{1,16}?([^,;。\\d和、]{1,6})和([^,;。\\d和、]{1,6})分别(?:加|得|计|记)${NUM}分[、和]${NUM}分[。;,]?$`.exec(t);
  if (!m) return undefined;
  const a = numberText(m[3]!);
  const b = numberText(m[4]!);
  if (a === undefined || b === undefined) return undefined;
  return reading([`得 ${a}`, `得 ${b}`], [a, b]);
};

/**
 * 「县级督查、审计、考核一次合格者奖5分;市级督查、审计、考核合格者奖10分;…」: parts at 「;」 the same but for their
 * level, each with its award; a count written in one of them (一次) is the count of every level.
 */
const levelsInParts: Pattern = (t, ctx) => {
  if (ctx.section !== "加分") return undefined;
  const parts = t.replace(/^(?:奖励|加分)[:]/, "").replace(/[。;]+$/, "").split(";");
  if (parts.length < 2) return undefined;
  const rows = parts.map((p) => rxt`^((?:${LEVEL})级)([^,;。\\d]{2,30}?)(?:[一1](次|项|件))?(合格|通过|达标|优秀)(?:者|的)?,?(?:奖|得|加|计|记)${NUM}分$`.exec(p));
  if (rows.some((r) => r === null)) return undefined;
  const rs = rows.map((r) => r!);
  if (new Set(rs.map((r) => `${r[2]}${r[4]}`)).size !== 1 || new Set(rs.map((r) => r[1])).size !== rs.length) return undefined;
  const counts = new Set(rs.flatMap((r) => (r[3] !== undefined ? [r[3]] : [])));
  if (counts.size !== 1) return undefined;
  const unit = unitOf([...counts][0]!);
  const amounts = rs.map((r) => numberText(r[5]!));
  if (unit === undefined || amounts.some((a) => a === undefined)) return undefined;
  return reading([`${unit} 得 ${rs.map((r, i) => `「${r[1]}」 ${amounts[i]}`).join("、")}`], amounts as string[]);
};

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/**
 * 「分四季度报帐审核:第一季度缺报扣20分;第二季度缺报扣10分;…」: each period named in order, the same failing in each,
 * its own one-shot deduction — one rule per period (a count of periods stated before them must be theirs).
 */
const periodsInParts: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const lead = rxt`^(?:分|按)${NUM}(?:个)?(季度|月|半年)[^:;,\\d]{0,12}:`.exec(t);
  const body = (lead ? t.slice(lead[0].length) : t).replace(/[。;]+$/, "");
  const parts = body.split(";");
  if (parts.length < 2) return undefined;
  const rows = parts.map((p) => rxt`^第([一二三四五六七八九十]{1,2})(?:个)?(季度|月|半年)([^,;。\\d]{1,12}?)(?:的)?,?(?:扣|减)${NUM}分$`.exec(p));
  if (rows.some((r) => r === null)) return undefined;
  const rs = rows.map((r) => r!);
  if (rs.some((r, i) => r[1] !== ORDINALS[i]) || new Set(rs.map((r) => `${r[2]}${r[3]}`)).size !== 1) return undefined;
  if (lead && (numberText(lead[1]!) !== String(rs.length) || lead[2] !== rs[0]![2])) return undefined;
  if (/每|各|以上|以下|分别/.test(rs[0]![3]!)) return undefined;
  const amounts = rs.map((r) => numberText(r[4]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  return reading(amounts.map((a) => `扣 ${a}`), amounts as string[]);
};

export const respectivelyPatterns: readonly Pattern[] = [levelsOfOneCount, twoRecipients, levelsInParts, periodsInParts];
