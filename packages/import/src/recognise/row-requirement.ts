// A row's requirement met earns its row's points (session 29, issue 13; row-points.ts is session 24's first form).
//
// A checklist table gives each row a requirement and its points in a points column (`ClauseContext.rowPoints`). Session
// 24 read a row as `得 N` only when it named a thing done (建立, 制定 …) and wrote no negation and no number. A
// checklist also states what is required as a state (「建筑布局合理,配置得当」「各类场所门锁等安全装置完好有效」), as having
// (「有工商营业执照…」), as an absence or a prohibition (「无乱建、乱堆、乱放现象」「房屋上空不得有架空的高压输电线路穿越」),
// with a distance or a time that describes it (「500米内有泊车的场地」「正常经营一年以上」「三年内无重大疫情」) and with a
// frequency among its parts (「服务人员每年至少进行一次健康检查,必要时接受临时检查,…」). Each of these, with the row's
// own points and no amount or scoring word of its own, earns the row's points when met. Still not read: a fault
// described (破损, 不合理, 有明显垃圾 … — stated-direction.ts's words, sentence by sentence outside a stated absence), a
// count of things done with a count word the language has (「不少于2次」: session 24's band, row-points.ts), any other
// number, a discretion or a scoring word.
import { amountsIn } from "./amounts.js";
import type { Pattern } from "./reading.js";
import { reading } from "./reading.js";
import { faultOfVerbless } from "./patterns/stated-direction.js";
import { FREQUENCY, frequencyDescribes } from "./rewords-requirement.js";

/** Words that make the row more than a requirement: a scoring word, a discretion, a reference, a scale. */
const SCORING = /[得扣加计记给打减]分|分值|分数|满分|扣|否则|酌情|视情|按(?!时|质|规定|要求|期)|参照|详见|见附件|评定|评议|比例|以下|不少|不低|不足|超过|低于|少于/;

/**
 * Numbers that describe the requirement rather than count what is assessed: a distance or an area in a unit the
 * language has none of (a band cannot be written in it), a time window (「三年内」「近三年」) or a state that has lasted a
 * year (「正常经营一年以上」: having one, as the accounting check reads 「1…以上」; 「两年以上」 is a bound, a to-do), and
 * 「县级以上」-style ranks (no digit). Taken out before any other number is looked for.
 */
const DESCRIBING = /[\d一二两三四五六七八九十百千]+(?:\.\d+)?(?:米|公里|千米|平方米|亩)(?:以上|以内|之内|内)?|近[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年(?:以内|之内|内)|[一1]年以上/g;


/** What a requirement keeps away from (「远离污染源和…自然灾害易发生地段」「距离…垃圾场…50米以上」) is no fault of the unit. */
const KEPT_AWAY = /(远离|距离|避开|避让)[^,;。]*/g;

/** Any number left: a count, a bound, a date — a reading of the row's points alone would drop it. */
const NUMBER = /[\d一二两三四五六七八九十百千]/;

/** Words with 一 that count nothing (「统一」「进一步」「一致」). */
const NOT_NUMBER = /统一|一致|一体化?|进一步|唯一|一律|一把手|一线|一般|一定/g;

/**
 * Negations a requirement writes: the absence of a harm (「无高发地方病」「无乱建、乱堆、乱放现象」「未发生…事故」 — the thing
 * absent named as a harm: a disease, an accident, a hazard, a disorder, a 现象) and a prohibition (不得, 严禁, 禁止). The
 * absence of anything else (「无专管员」) is a failing, not a requirement met.
 */
const NEGATION_ALLOWED = /(?:无|没有|未发生|未出现|杜绝)[^,;。]{0,12}?(?:病|疫情|事故|隐患|违|乱|现象|投诉|案件|污染|火灾)|不得|严禁|禁止/g;
/** Any other negation left in a sentence: a fault or a failing, not a requirement met. */
const NEGATION = /不|未|没有|无|缺/;

/** The sentences of a requirement (「…整洁,无乱建…」: each part read on its own). */
const sentences = (t: string): string[] => t.split(/[,;。:]/).filter((s) => s !== "");

/**
 * 「建筑布局合理,配置得当」 in a 2-point row → 得 2: a requirement with the row's own points, no amount or scoring word
 * of its own, no fault described and no number but those that describe it.
 */
export const rowRequirement: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.rowPoints === undefined || !/^\d+(?:\.\d{1,6})?$/.test(ctx.rowPoints)) return undefined;
  const body = t.replace(/^(?:\d+[、.]|\(\d+\))/, "").replace(/[。;,]+$/, "");
  if (body === "" || amountsIn(body).length > 0 || SCORING.test(body)) return undefined;
  // a frequency describes the requirement only beside other parts or for a period shorter than the year: a yearly
  // count alone is the thing assessed (「每年至少召开1次离退休干部座谈会」, a band: row-points.ts)
  if (body.match(FREQUENCY) !== null && !frequencyDescribes(body)) return undefined;
  const rest = body.replace(FREQUENCY, "").replace(DESCRIBING, "").replace(NOT_NUMBER, "").replace(KEPT_AWAY, "$1");
  if (NUMBER.test(rest)) return undefined;
  for (const s of sentences(rest)) {
    if (faultOfVerbless(s) !== undefined) return undefined;
    if (NEGATION.test(s.replace(NEGATION_ALLOWED, ""))) return undefined;
  }
  return reading([`得 ${ctx.rowPoints}`], []);
};
