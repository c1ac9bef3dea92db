// A total after a per-occurrence amount is the cap of that rule (session 25): 「每查到一次扣1分,总分4分,扣完为止」
// → 「…扣1分,最多扣4分」 (`每次 扣 1 上限 4`), 「1个部门0.5分,满分2分」 → `每个 得 0.5 上限 2`, 「每次计2分,总计不超过10分」.
// The total is the points the rule can take or give at most — the item's, or a part of the item the clause
// stakes out (「总分4分」 of a 10-point item). It is read as the cap only when it can be nothing else:
//   - one amount before it, smaller than the total (a total equal to the one amount is a one-shot award's value);
//   - not more than the item's points (a larger total is another item's, or the whole book's: a to-do);
//   - the amount is per occurrence: a count word before it (「每次」「一处」「1个」). Without one (「参加…活动…得1分,
//     总分10分」) the total says the award repeats but not per what — 每次 would be the reader's word, which the
//     count-word guard refuses (语言参考 §5.2: kaoping does not guess the count): a to-do.
import type { ClauseContext } from "./index.js";
import { amountsIn } from "./amounts.js";
import { decimalCompare } from "../decimal.js";
import { numberText } from "./normalise.js";

/** The total after the amount: 「,总分4分」「,满分2分」「,总计不超过10分」「,累计最高10分」 (then 扣完为止 adds nothing). */
const TOTAL = /[,;](?:总分|满分|总计(?:不超过|最多|最高)?|累计(?:最高|最多)|合计不超过)(?:为)?(\d+(?:\.\d+)?)分(?:[,;]?(?:扣完为止|扣完即止|加满为止))?(?=[。;]?\)?[。;]?$)/;
/** The clause's own points opening its bracket, repeated by the total: 「(2分,1个部门0.5分,满分2分)」. */
const OPENING_POINTS = /\((\d+(?:\.\d+)?)分,/;
/** A count word right before the amount's verb (or the bare amount): 「每查到一次扣」「1个部门」「每条计」. */
const COUNTED = /(?:每|[一1])[^,;。\d]{0,8}?(?:次|处|项|件|个|条|人|起|例|篇|份|场|宗|家|户|人次|件次)[^,;。\d]{0,6}?(?:扣|减|得|加|计|记)?\d+(?:\.\d+)?分$|每(?:次|处|项|件|个|条|人|起|例|篇|份|场|宗|家|户)(?:扣|减|得|加|计|记)\d+(?:\.\d+)?分$/;

/** The clause with its total written as the cap phrase the patterns read (「,最多扣4分」), or as it was. */
export function totalAsCap(t: string, ctx: ClauseContext): string {
  const m = TOTAL.exec(t);
  if (!m) return t;
  let head = t.slice(0, m.index);
  let tail = t.slice(m.index + m[0].length);
  const opening = OPENING_POINTS.exec(head);
  if (opening && opening[1] === m[1] && /^\)/.test(tail)) {
    // the bracket only restates the clause's points around the rule: the rule is what is left
    head = `${head.slice(0, opening.index)},${head.slice(opening.index + opening[0].length)}`;
    tail = tail.slice(1);
  }
  const amounts = amountsIn(head);
  if (amounts.length !== 1) return t;
  const total = numberText(m[1]!)!;
  const amount = amounts[0]!;
  if (decimalCompare(amount, total) >= 0) return t;
  if (ctx.section === null && ctx.points !== null && decimalCompare(total, ctx.points) > 0) return t;
  const at = /(?:(扣|减|得|加|计|记))?\d+(?:\.\d+)?分(?!.*\d分)/.exec(head);
  if (!at) return t;
  const upTo = head.slice(0, at.index + at[0].length);
  if (!COUNTED.test(upTo)) return t;
  // the cap's verb is the amount's; an amount with no verb keeps none (「每处0.5分,总分5分」 → 「…,最多5分」): which way it
  // goes is the clause's words' to state, never the rewrite's (session 27, patterns/stated-direction.ts)
  const verb = at[1] === undefined ? "" : at[1] === "扣" || at[1] === "减" ? "扣" : "得";
  return `${upTo},最多${verb}${total}分${head.slice(upTo.length)}${tail}`;
}
