// Patterns from the tenth fresh set (session 24, books 200–216), tried before the others.
//   「按…综合考评，该项根基分值为0.4分」 (0.4 the item's points) → 按评价 得分
//   「按规定完成照片组稿的计20分，其中上交时间、照片数量、照片质量和照片说明各占5分」 → 得 5 (four rules)
//   「《工运信息》录用1条计10分，简讯计5分」 → 每条 得 「录用」 10、「简讯」 5
//   「(1)每周开放时间不少于40小时;(4分)」 → 分段 { ≥ 40小时 得 4 }
//   「一学年调课多于6次以上的，调课每增加1次扣0.5分」 → 基准 6次 每增加 1次 扣 0.5
import { measureWords } from "@kaoping/core";
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { actionOf, reading, refusal, type Pattern } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";
import { singleBand } from "./bands.js";
import { decimalCompare, decimalSum } from "../decimal.js";
import { namesClassOf } from "./s24c.js";

/** 「综合考评」「综合评定」 closing its phrase, then the item's points: the assessor's judgement is the score. */
export const overallJudgement: Pattern = (t, ctx) => {
  const m = rxt`综合(?:考评|评定|评价|考核|评分)(?:打分|计分|评分)?[,;]?(?:(?:该|本|此)项)?(?:根基|基本|基础)?(?:分值|分数)?(?:为|计)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  if (amountsIn(t).length !== 1) return undefined;
  const n = numberText(m[1]!);
  if (ctx.section !== null || ctx.points === null) return refusal("条文综合评定计分，但本项没有分值，未能确定满分");
  if (n !== ctx.points) return refusal(`条文综合评定的分值 ${m[1]} 分与本项分值 ${ctx.points} 分不一致，未能确定`);
  return reading(["按评价 得分"], [n]);
};

/** A list of parts 「A、B、C和D」 (和、及、与 before the last): their number, or undefined. */
function partsCount(list: string): number | undefined {
  const parts = list.split(/、|和|及|与|以及/).filter((p) => p !== "");
  if (parts.length < 2 || parts.some((p) => p.length < 2 || p.length > 8 || /\d|分|扣|得/.test(p))) return undefined;
  return parts.length;
}

/**
 * 「…的计20分，其中上交时间、照片数量、照片质量和照片说明各占5分」: the whole is the parts, each earning its
 * share — one award per part. Only when the shares add up to the whole and the whole is the item's points.
 */
export const partsEach: Pattern = (t, ctx) => {
  const m = rxt`^[^;。,]*?(?:的)?,?(?:计|记|得)${NUM}分[,。;]其中([^,;。]+?)各(?:占|计|得)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const whole = numberText(m[1]!);
  const share = numberText(m[3]!);
  const k = partsCount(m[2]!);
  if (whole === undefined || share === undefined || k === undefined) return refusal("条文的「其中…各占N分」未能分出各部分，未能确定");
  // exact: k shares against the whole (decimal text, no binary floating point)
  if (decimalSum(Array.from({ length: k }, () => share)) !== decimalSum([whole])) return refusal(`条文的 ${k} 个部分各占 ${share} 分，合计不等于 ${whole} 分，未能确定`);
  if (ctx.section !== null || ctx.points !== whole) return refusal(`条文的总分 ${whole} 分不是本项分值，未能确定各部分的分值`);
  return reading(Array.from({ length: k }, () => `得 ${share}`), [whole, share]);
};

/**
 * 「建立群众工作组记2分，其中，明确有专干的记1分，报酬落实的记1分」: the whole, then its parts each with its own
 * share — one award per part. Only when the shares add up to the whole and the whole is within the item's points.
 */
export const partsListed: Pattern = (t, ctx) => {
  const m = rxt`^[^;。,]*?(?:的)?,?(?:计|记|得)${NUM}分[,。;]其中,?(.+?)[。;]?$`.exec(t);
  if (!m || ctx.section !== null || ctx.points === null) return undefined;
  const whole = numberText(m[1]!);
  const parts = m[2]!.split(/[,;]/).filter((p) => p !== "");
  if (whole === undefined || parts.length < 2) return undefined;
  const shares: string[] = [];
  for (const p of parts) {
    const r = rxt`^[^\\d]{2,20}?(?:的)?(?:计|记|得|占)${NUM}分$`.exec(p);
    if (!r || /每|各|未|不|没有|无|扣|减|以上|以下|%/.test(p)) return undefined;
    const a = numberText(r[1]!);
    if (a === undefined) return undefined;
    shares.push(a);
  }
  if (decimalSum(shares) !== decimalSum([whole])) return refusal(`条文「其中」各部分的分值合计不等于 ${whole} 分，未能确定`);
  if (decimalCompare(whole, ctx.points) > 0) return refusal(`条文的总分 ${whole} 分超过本项分值 ${ctx.points} 分，未能确定`);
  return reading(shares.map((a) => `得 ${a}`), [whole, ...shares]);
};

/**
 * 「《工运信息》录用1条计10分，简讯计5分」: classes of one count, the count word written with the first
 * only — the others share it. Awards only, in a 加分 section (a deduction without a count word beside a
 * counted one may be once: 「个访1次扣2分，群访扣4分」 stays a to-do).
 */
export const sharedCountClasses: Pattern = (t, ctx) => {
  if (ctx.section !== "加分" || capOf(t)) return undefined;
  const segs = t.replace(/[。;]+$/, "").split(",");
  if (segs.length < 2) return undefined;
  const first = rxt`^([^,;。\\d每]{2,16}?)[一1](${NOUNS})(计|记|得|加)${NUM}分$`.exec(segs[0]!);
  if (!first) return undefined;
  const unit = unitOf(first[2]!);
  if (unit === undefined) return undefined;
  const rows: { name: string; amount: string }[] = [];
  const name = (raw: string): string => raw.replace(/[《》「」“”"()]/g, "");
  const a0 = numberText(first[4]!);
  if (a0 === undefined) return undefined;
  rows.push({ name: name(first[1]!), amount: a0 });
  for (const s of segs.slice(1)) {
    const m = rxt`^([\\u4e00-\\u9fa5]{2,6}?)(?:[一1](${NOUNS}))?(计|记|得|加)${NUM}分$`.exec(s);
    if (!m || (m[2] !== undefined && unitOf(m[2]) !== unit) || actionOf(m[3]!) !== "得") return undefined;
    // a class of the thing counted, not a fact of its own (「参加会议1次得2分,全勤得5分」)
    if (!namesClassOf(first[1]!, m[1]!)) return undefined;
    const a = numberText(m[4]!);
    if (a === undefined) return undefined;
    rows.push({ name: name(m[1]!), amount: a });
  }
  if (new Set(rows.map((r) => r.name)).size !== rows.length || rows.some((r) => r.name.length < 2)) return undefined;
  return reading([`${unit} 得 ${rows.map((r) => `「${r.name}」 ${r.amount}`).join("、")}`], rows.map((r) => r.amount));
};

/** 「(1)每周开放时间不少于40小时;(4分)」: a requirement, then its points in brackets — the band's award. */
export const bracketRequirement: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`;\\(${NUM}分\\)[。;,]?$`.exec(t);
  if (!m) return undefined;
  const head = t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, "");
  // only 不少于/不低于 (an inclusive requirement): other negative words make a fault, not a requirement
  if (!/不少于|不低于/.test(head) || amountsIn(head).length > 0 || /扣|减|得|加|计|记|未|没有|不|无/.test(head.replace(/不少于|不低于/g, ""))) return undefined;
  const r = singleBand(`${head},得${m[1]}分`, ctx);
  return r?.kind === "reading" ? r : undefined;
};

/**
 * 「一学年调课多于6次以上的，调课每增加1次扣0.5分」: a count above a base, each one more costs — linear from
 * the base on the same count word. Only with one step of one, the same word for base and step.
 */
export const countAboveBase: Pattern = (t, ctx) => {
  if (ctx.section === "加分") return undefined;
  const W = "(次|件|篇|条|个|项|人|起|例|处)";
  const m = rxt`^[^;。]*?(?:超过|多于|超出)${NUM}${W}(?:以上)?(?:的)?,?[^,;。\\d]{0,8}?每(?:增加|多|超|超过)[一1]${W}(扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || m[2] !== m[3]) return undefined;
  const base = numberText(m[1]!);
  const amount = numberText(m[5]!);
  if (base === undefined || amount === undefined) return undefined;
  return reading([`基准 ${base}${m[2]} 每增加 1${m[2]} 扣 ${amount}`], [amount]);
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

/**
 * 「断档率高于5%、成活保存率低于85%该项不得分」: bounds on different rates, any one of them voids the item —
 * one band each. Only strict or inclusive words each band reads on its own (a bare 以上 stays a to-do).
 */
export const boundsVoid: Pattern = (t, ctx) => {
  const m = /^([^,;。]+?)(?:的)?,?(?:该项|本项|此项)?不得分[。;]?$/.exec(t);
  if (!m) return undefined;
  const parts = m[1]!.split(/、|或/);
  if (parts.length < 2) return undefined;
  const bodies: string[] = [];
  for (const p of parts) {
    if (!/^[\u4e00-\u9fa5]{2,10}(?:高于|低于|超过|不足|少于)\d+(?:\.\d+)?%$/.test(p)) return undefined;
    const r = singleBand(`${p}不得分`, ctx);
    if (r?.kind !== "reading" || r.bodies.length !== 1) return undefined;
    bodies.push(r.bodies[0]!);
  }
  return reading(bodies, []);
};

/**
 * 「超工作量68节(含)以上，本项目计0.5分；超136节(含)以上，本项目计1分；…」: rows at 「;」, each an inclusive lower
 * bound (「(含)以上」「及以上」 written out) and its award, the bounds rising — bands from each bound to the next.
 * The thing counted (节、课时 …) is left out of the bounds when the language has no measure word for it.
 */
export const risingInclusiveRows: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  const rows = t.replace(/^(?:\(\d+\)|\d+[、.]|[⑴⑵⑶⑷⑸⑹⑺⑻⑼])/, "").replace(/[。;]+$/, "").split(";");
  if (rows.length < 2) return undefined;
  const re = rxt`^[^;\\d]{0,20}?(?:超过|超|达到|达)?(\\d+(?:\\.\\d+)?)([\\u4e00-\\u9fa5]{0,4}?)(?:\\(含\\)以上|及以上),[^;\\d]{0,8}?(?:计|记|得|加)${NUM}分$`;
  const read = rows.map((r) => re.exec(r));
  if (read.some((r) => r === null)) return undefined;
  const bounds = read.map((r) => numberText(r![1]!)!);
  const amounts = read.map((r) => numberText(r![3]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  if (bounds.some((b, i) => i > 0 && Number(b) <= Number(bounds[i - 1]))) return undefined;
  // one thing counted in every row
  if (new Set(read.map((r) => r![2]!)).size !== 1) return undefined;
  // a measure word of the language is kept (「2篇(含)以上」 → 2篇); a noun it lacks (节、节专业课) is left out, as
  // the corpus's hand encodings write such bounds
  const noun = read[0]![2]!;
  const unit = (measureWords as readonly string[]).includes(noun) ? noun : "";
  const rowsKp = bounds.map((b, i) => (i + 1 < bounds.length ? `[${b}${unit}, ${bounds[i + 1]}${unit})` : `≥ ${b}${unit}`) + ` 得 ${amounts[i]}`);
  return reading([`分段 { ${rowsKp.join(" ")} }`], amounts as string[]);
};

/**
 * 「…纳入基本建设管理程序得1.5分。计分公式：A的数量÷B的数量×1.5」: the award is the full points of a rate the
 * formula defines (a ÷ and the award as the factor) — 按比率 with the award as 满分.
 */
export const formulaOfAward: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`(?:得|计|记)${NUM}分[,。;](?:采用完成比率计分法[,。;])?计分公式[:：]([^;。]+?)[÷/]([^;。]+?)[×xX*]${NUM}[。;]?$`.exec(t);
  if (!m) return undefined;
  const [award, factor] = [numberText(m[1]!), numberText(m[4]!)];
  if (award === undefined || award !== factor || amountsIn(t).length !== 1) return undefined;
  if (ctx.points !== null && decimalCompare(award, ctx.points) > 0) return refusal(`条文的满分 ${award} 分超过本项分值 ${ctx.points} 分，未能确定`);
  return reading([`按比率 得分 满分 ${award}`], [award]);
};

export const s24bPatterns: readonly Pattern[] = [overallJudgement, partsEach, partsListed, sharedCountClasses, bracketRequirement, countAboveBase, occurrenceByConduct, boundsVoid, risingInclusiveRows, formulaOfAward];
