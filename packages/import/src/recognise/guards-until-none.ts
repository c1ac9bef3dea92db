// An occurrence deducted once where 「扣完为止」 says it repeats (session 29, issue 13; found when the copy's decimal
// stop in 「迟到扣0。5分,扣完为止」 was first read through, text-noise.ts — dgkj-02, hand-encoded `每次 扣 0.5`):
// lateness, leaving early, absence and the like happen again and again, and 「扣完为止」 beside such a fault deducts
// per occurrence until the item's points are gone, which one deduction smaller than the points never does. Without
// a count word the clause is a to-do, never the one-shot `扣 X`. A state (「实施不达标准扣2分,本项扣完为止」,
// 「不详实扣3分,扣完为止」 — qxlh-02, yeyd-02: one-shot in the corpus, the phrase the item's floor) is not looked at,
// nor is a deduction of the whole points or a reading that counts, caps or steps.
import { decimalCompare } from "../decimal.js";
import type { Guard } from "./guards.js";

/** The words that deduct until nothing is left (accounting-words.ts's until-none qualifier). */
const UNTIL_NONE = /扣完为止|扣完\S{0,6}为止|扣满为止|扣光为止|扣完即止|直至扣完/;
/** Faults of attendance: occurrences by their nature. */
const OCCURRENCE = /迟到|早退|缺席|缺勤|旷工|脱岗|离岗|串岗/;

export const untilNoneOccurrence: Guard = {
  name: "until-none-occurrence",
  since: 29,
  check: (t, bodies, ctx) => {
    const w = UNTIL_NONE.exec(t);
    const fault = OCCURRENCE.exec(t);
    if (!w || !fault || bodies.length !== 1 || ctx.points === null || ctx.section !== null) return undefined;
    const one = /^扣 (\d+(?:\.\d+)?)$/.exec(bodies[0]!);
    if (!one || decimalCompare(one[1]!, ctx.points) >= 0) return undefined;
    return `条文写有「${fault[0]}」和「${w[0]}」（每发生一次扣一次，扣到本项${ctx.points}分为止），但没有写计数单位，未能确定是按次扣分`;
  },
};
