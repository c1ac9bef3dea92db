// Where a reading's number came from when the clause does not write it: the item's requirement, kept apart (`item`) or
// as the indicator's name when the table has no other name for it (kp import reports it,
// KP5055, so that no number is taken from elsewhere unseen). The item's bound read into a 每少 rule (item.ts) says its
// phrase itself; any other number a body writes that the clause lacks and the item states — a linear rule's base from
// the item's floor (compose/item-base.ts), a band's edge — is found here, by comparing numbers.
import type { ClauseContext } from "./index.js";
import { normalise } from "./normalise.js";

/** A number's occurrences as a whole number token (「80」 not inside 「180」 or 「8.0」). */
function hasNumber(text: string, n: string): boolean {
  return new RegExp(`(?<![\\d.])${n.replace(".", "\\.")}(?![\\d]|\\.\\d)`).test(text);
}

/** The phrases of the item (its requirement, else its name) that state a number the body writes and the clause does not. */
export function itemPhrasesUsed(body: string, clause: string, ctx: ClauseContext): string[] {
  const item = normalise([ctx.item ?? "", ctx.indicator].join(";"));
  const own = normalise(clause);
  const out: string[] = [];
  for (const n of new Set(body.replace(/「[^」]*」/g, "").match(/\d+(?:\.\d+)?/g) ?? [])) {
    if (hasNumber(own, n) || n === ctx.points || !hasNumber(item, n)) continue;
    const phrase = item.split(/[,;。:]/).find((p) => hasNumber(p, n));
    if (phrase !== undefined && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}
