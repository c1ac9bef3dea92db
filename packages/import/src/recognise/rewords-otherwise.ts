// The award's other side said in words (session 25, helper s25-tune14), rewritten 否则不得分 — which the patterns read
// as the award's own negation (count.ts, `elseZero`) — in the normalised text; the clause stays verbatim:
//   「经费达到“三增长”要求得10分,不达要求不得分」       → 「…得10分,否则不得分」
// Only when the award's condition is the requirement the failing negates (达到/做到…要求/标准 before the award).
import { NUM, rxt } from "./normalise.js";

/** The award: a requirement met (达到/做到/符合 … 要求/标准) and its points. */
const AWARD_ON_REQUIREMENT = rxt`(?:达到|做到|符合)[^,;。]{0,16}?(?:要求|标准)[^,;。\\d]{0,4}?(?:的)?,?(?:得|计|记)${NUM}分`;
/** Its other side: the requirement not met scores nothing (「每缺一项不计分」 is left: the guards read 缺一项 as a count). */
const FAILING_ZERO = /,(?:(?:未|不)达(?:到)?(?:要求|标准)|达不到(?:要求|标准))(?:的)?,?(不(?:计|记|得)分)(?=[。;]?$)/;

/** The clause with its award's other side written 否则不得分, or as it was. */
export function rewordOtherwise(t: string): string {
  const award = AWARD_ON_REQUIREMENT.exec(t);
  if (!award) return t;
  const tail = t.slice(award.index + award[0].length);
  const m = FAILING_ZERO.exec(tail);
  if (!m || m.index !== 0) return t;
  return `${t.slice(0, award.index + award[0].length)},否则${m[1]!}${tail.slice(m[0].length)}`;
}
