// Amounts without a verb (session 25, helper s25-tune14): a clause that writes its amount with no 扣/得 —
//   「病、事假每次2分;」 among 「迟到、早退每次扣1分;」 …          → 每次 扣 2   (the list's verb)
//   「市文明办督查组巡查发现问题每宗0.3分」 among deductions      → 每宗 扣 0.3
//   「按3分/课时扣除」「每次2分扣除」                               → 扣 after the amount is the verb
//   「…摆放不规范的 0.5分/项」 among rows that each price a fault     → 每项 扣 0.5 (a deductions table whose rows
//     with no verb at all (session 25, s25-tune15: wqsr)              never write 扣: `faultList`)
// A rulebook writes the verb once for a list of deductions and leaves it out of the rows after it; the direction
// is then the list's, never a default. The award side is not guessed here: a bare amount among awards keeps the
// reading it had (`得`, count.ts), and a bare amount among deductions read as an award is caught by the guard of
// guards-direction.ts.
import { amountsIn } from "../amounts.js";
import type { ClauseContext } from "../index.js";
import { normalise, NUM, rxg, rxt } from "../normalise.js";
import { ANY_VERB, directionOf, MERIT, statedDirection } from "./stated-direction.js";

/** A sibling's amount with a deduction verb before it (「扣1分」「每次减0.5分」「扣2分/次」). */
const DEDUCTION = rxt`(?:扣|减|扣除|扣减|倒扣)${NUM}分`;
/** A sibling's award: an award verb before an amount or the item's whole (「得2分」「计10分」「加1分」). */
const AWARD = rxt`(?:得|加|计|记|奖励?|给|增)${NUM}分|得满分|得基(?:本|础)分|得标准分`;

/**
 * The siblings are a list of deductions: at least one deducts an amount and none awards (a sibling with a bare
 * amount of its own says neither). The item's whole lost (不得分, 为0分) counts as a deduction.
 */
export function deductionList(siblings: readonly string[] | undefined): boolean {
  if (siblings === undefined || siblings.length === 0) return false;
  let deducts = 0;
  for (const raw of siblings) {
    const s = normalise(raw);
    if (AWARD.test(s)) return false;
    if (DEDUCTION.test(s) || /不得分|不计分|不记分|为0分|扣完为止/.test(s)) deducts++;
  }
  return deducts > 0;
}

/**
 * Words that describe a fault (a state falling short, a thing done wrongly): 「没有在岗」「质量差」「摆放不规范」
 * 「擅自焚烧」「乱堆放」「有画面破损」「影响通行」.
 */
const FAULT = /未|不|无|没有|缺|少|差|违|错|迟|漏|超期|延误|失|投诉|批评|通报|事故|擅自|乱|破损|损坏|污染|影响|脏|杂物|丢失|私自|随意/;

/**
 * The siblings are a list of faults priced with no verb anywhere (a deductions table whose header says 扣分, its rows
 * 「…没有在岗在位的 1分/项」「…摆放不规范 2分/项」, session 25 s25-tune15, wqsr): at least two siblings, each writing
 * one amount and no scoring verb, and each describing a fault. One sibling that names merit or no fault is a list of
 * another kind (a bare amount among awards keeps its reading).
 */
export function faultList(siblings: readonly string[] | undefined): boolean {
  if (siblings === undefined || siblings.length < 2) return false;
  return siblings.every((raw) => {
    const s = normalise(raw);
    const amounts = amountsIn(s);
    if (amounts.length !== 1 || ANY_VERB.test(s) || MERIT.test(s) || ABSENCE.test(s)) return false;
    const at = rxt`${NUM}分`.exec(s);
    return at !== null && FAULT.test(s.slice(0, at.index));
  });
}

/** The absence of a fault is what an item earns (「全年无安全事故 2分」「没有违纪问题的 1分」): no row of a fault list. */
const ABSENCE = /^(?:\(\d+\)|\d+[、.])?(?:全年|年内|本年度|当年)?(?:无|没有|未发生|未出现)/;


/** 「按3分/课时扣除」「每次2分扣除」: 扣除 after the amount is the clause's verb, moved before it. */
const VERB_AFTER = rxg`按?(每[^,;。\\d]{1,4}?)?${NUM}分(\\/[\\u4e00-\\u9fa5]{1,2})?扣除?(?=[,;。]|$)`;

/**
 * The clause with the verb a bare amount leaves out written in: 扣 after the amount moved before it, and 扣 for a
 * bare amount in a 减分 section or among siblings that only deduct. Only a clause with one amount and no scoring
 * verb of its own (a range, 各, 分别 and the like are left to the patterns and stay as they are).
 */
export function rewordBareAmount(t: string, ctx: ClauseContext): string {
  const moved = t.replace(VERB_AFTER, (_w, per: string | undefined, n: string, slash: string | undefined) => `${per ?? ""}扣${n}分${slash ?? ""}`);
  if (moved !== t) return moved;
  const amounts = amountsIn(t);
  if (amounts.length !== 1 || ANY_VERB.test(t) || /各|分别|酌情|视情|[-~至到—]\d|否则|不得分/.test(t)) return t;
  // among deductions (not in a 减分 section, where every rule deducts), a clause that names merit — taking part, a prize,
  // a piece published — may be the list's one award: which way is not written (the guard of guards-direction.ts)
  // (an item named as deductions — 「扣分项目」 — states the direction as a 减分 section does: stated-direction.ts, session 27)
  // (a column's header or the document's notes state it too — 「扣分标准」「实行累计扣减」, session 28 — where the clause
  // names no merit: a document's rule may be another table's)
  const stated = statedDirection(ctx) === "扣" && (directionOf(ctx.section, ctx.indicator) === "扣" || !MERIT.test(t));
  if (!stated && !(ctx.section === null && (deductionList(ctx.siblings) || (faultList(ctx.siblings) && !ABSENCE.test(t))) && !MERIT.test(t))) return t;
  // counted per occurrence (「每次2分」「2分/次」): a task with its points (「…检查一次,并有检查记录,0.5分」) is what
  // the item earns even among deductions, and stays as it is
  const m = rxt`(?<![\\d.])${NUM}分(?=\\/[\\u4e00-\\u9fa5]|[,;。]?$)`.exec(t);
  if (!m || !(/每[^,;。\d]{0,6}$/.test(t.slice(0, m.index)) || /^\/[\u4e00-\u9fa5]/.test(t.slice(m.index + m[0].length)))) return t;
  return `${t.slice(0, m.index)}扣${t.slice(m.index)}`;
}
