// Grades listed part by part (session 29, helper cats, the released sixteenth, nineteenth and twentieth sets):
// outcomes of one judgement, each with its points, written without 「分别」 (pattern 29, 语言参考 §5.13).
//   「评分:好的得5分;一般的得4分;一般以下的得3分;」              → 评为 「好」、「一般」、「一般以下」 分别得 5、4、3
//   「评价为A的不扣分,评价为B的扣5分,评价为C的扣10分,评价为D的扣20分」 → 评为 「A」…「D」 分别扣 0、5、10、20
//   「分最清洁(不扣分)、一般清洁(扣2分)、清扫后不清洁(扣5分)、未清扫不清洁不得分」
//                                                                → 评为 「最清洁」…「未清扫不清洁」 分别扣 0、2、5、10
// Each list is one judgement only when the clause says so: a lead-in 「评分:」 whose parts are short grades (each
// holding a grade word) with the item's points for the first and falling points after it; 「评价为X」 in every part with rising deductions; 「分X(扣N分)、Y(扣M分)…」, states of one thing the item
// is divided into. Anything else is left to the other patterns.
import { decimalCompare } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern, type PatternResult } from "../reading.js";

/** Grade words: a part naming one of them (「好的」「一般以下的」) is a grade. */
const GRADE_WORD = /优秀|良好|较好|好|一般|较差|差|合格|满意|优|良|中等|及格/;
/** Words no grade's name holds: a count, a deduction, a bound, another rule. */
const NOT_A_GRADE = /\d|每|扣|减|次|项|件|个|未|没有|不|否则|酌情|超过|低于|少于|分/;

/** Strictly falling (or, for deductions, rising) amounts. */
function monotone(values: readonly string[], falling: boolean): boolean {
  for (let i = 1; i < values.length; i++) {
    const c = decimalCompare(values[i]!, values[i - 1]!);
    if (falling ? c >= 0 : c <= 0) return false;
  }
  return true;
}

const quote = (names: readonly string[]): string => names.map((n) => `「${n.replace(/[()「」]/g, "")}」`).join("、");

/**
 * 「评分:好的得5分;一般的得4分;一般以下的得3分;」: a scoring lead-in, then each grade with its points. The first is
 * the item's points, the rest falling; every name a short grade (holding a grade word).
 */
const scoredAfterLeadIn: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const lead = /^(?:评分|评分标准|计分标准|评分办法|评定)[:]/.exec(t);
  if (!lead) return undefined;
  const parts = t.slice(lead[0].length).replace(/[。;,]+$/, "").split(/[;,。]/);
  if (parts.length < 2) return undefined;
  const names: string[] = [];
  const values: string[] = [];
  for (const p of parts) {
    const m = rxt`^([^:]{1,40}?)的,?(?:得|计|记)${NUM}分$`.exec(p);
    if (!m) return undefined;
    const v = numberText(m[2]!);
    if (v === undefined) return undefined;
    names.push(m[1]!);
    values.push(v);
  }
  if (values[0] !== ctx.points || !monotone(values, true)) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  // (「…签订服务外包合同聘评保安的得10分;…自聘保安的得5分」, one thing done two ways, is left: its grades would be
  // named by the clause's long descriptions, which the author shortens — a to-do says so)
  if (!names.every((n) => n.length <= 6 && GRADE_WORD.test(n) && !NOT_A_GRADE.test(n))) return undefined;
  return reading([`评为 ${quote(names)} 分别得 ${values.join("、")}`], values);
};

/** A grade's name after 评价为: a letter, with or without its level word, or a grade word. */
const JUDGED = `(?:[A-E](?:级|等|类)?|优秀|良好|较好|好|一般|较差|差|合格|基本合格|不合格)`;

/**
 * 「评价为A的不扣分,评价为B的扣5分,评价为C的扣10分,评价为D的扣20分」: every part a judgement (评价为/评为/评定为)
 * with its deduction, rising from the first; 不得分 only last, as the item's points.
 */
const judgedDeductions: Pattern = (t, ctx) => {
  const body = t.replace(/^(?:\d+[.、]|\(\d+\))/, "").replace(/[。;,]+$/, "");
  const parts = body.split(/[,;]/);
  if (parts.length < 2) return undefined;
  const names: string[] = [];
  const values: string[] = [];
  const used: string[] = [];
  for (const [i, p] of parts.entries()) {
    const m = rxt`^(?:[^,;\\d]{0,16}?)(?:评价为|评为|评定为|等次为|等级为)(${JUDGED})的?,?(不扣分|不得分|扣${NUM}分)$`.exec(p);
    if (!m) return undefined;
    names.push(m[1]!);
    if (m[2] === "不扣分") values.push("0");
    else if (m[2] === "不得分") {
      if (i !== parts.length - 1 || ctx.section !== null || ctx.points === null) return undefined;
      values.push(ctx.points);
    } else {
      const v = numberText(m[3]!);
      if (v === undefined) return undefined;
      values.push(v);
      used.push(v);
    }
  }
  if (!monotone(values, false) || new Set(names).size !== names.length) return undefined;
  return reading([`评为 ${quote(names)} 分别扣 ${values.join("、")}`], used);
};

/**
 * 「分最清洁(不扣分)、一般清洁(扣2分)、清扫后不清洁(扣5分)、未清扫不清洁不得分」: the states the item is divided into
 * (分 …), each with its deduction in brackets, rising; the last may score nothing (the item's points).
 */
const dividedStates: Pattern = (t, ctx): PatternResult => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = /^分([^,;。]+?)[。;]?$/.exec(t);
  if (!m) return undefined;
  const parts = m[1]!.split("、");
  if (parts.length < 3) return undefined;
  const names: string[] = [];
  const values: string[] = [];
  const used: string[] = [];
  for (const [i, p] of parts.entries()) {
    const b = rxt`^([^()\\d]{2,10})\\((不扣分|扣${NUM}分)\\)$`.exec(p);
    const z = i === parts.length - 1 ? /^([^()\d]{2,10}?)(?:的)?(?:不得分|不计分|计0分|得0分)$/.exec(p) : null;
    if (b) {
      names.push(b[1]!);
      if (b[2] === "不扣分") values.push("0");
      else {
        const v = numberText(b[3]!);
        if (v === undefined) return undefined;
        values.push(v);
        used.push(v);
      }
    } else if (z) {
      names.push(z[1]!);
      values.push(ctx.points);
    } else return undefined;
  }
  if (!monotone(values, false) || new Set(names).size !== names.length) return undefined;
  return reading([`评为 ${quote(names)} 分别扣 ${values.join("、")}`], used);
};

export const gradesListedPatterns: readonly Pattern[] = [scoredAfterLeadIn, judgedDeductions, dividedStates];
