// A guard on where a count comes from (issue 13, session 29; provenance.ts finds the places): a per-count reading
// (`每X …`) whose X the clause writes nowhere as a thing counted, but only as an ordinal (「違反第1項扣30分」 read
// `每项 扣 30`), as a period before a requirement (「每天主动…完成本岗工作…,得3分」 read `每天 得 3`), as one member
// of a list it names (「“十个一”有一个完成不了,扣10分」 read `每个 扣 10`), or while it counts with another count word
// (「每处」 read `每次`), invented its count: a to-do with a Chinese reason. Weaker evidence — X only inside other words
// and no other count word — is a review flag (review-provenance.ts). Registered in guards.ts (GUARDS).
import type { Guard } from "./guards.js";
import { rewordCountWords } from "./count-words.js";
import { clauseCountNouns, provenanceOf, type CountPlace, type Place } from "./provenance.js";

const first = (places: readonly CountPlace[], place: Place): CountPlace | undefined => places.find((p) => p.place === place);

/** Why the reading's count is not the clause's, or undefined when every count noun of it comes from the clause. */
export function countInvented(t: string, bodies: readonly string[]): string | undefined {
  for (const p of provenanceOf(t, bodies)) {
    if (p.found) continue;
    const member = first(p.places, "member");
    if (member) return `条文的「${member.text}」是所列各项中的任何一个：每缺一个都扣分，还是有一个就扣一次，没有写明，计分方式却按「每${p.noun}」计数，未能确定`;
    const period = first(p.places, "period-requirement");
    if (period) return `条文的「${period.text}」说的是要求的频次（多久做到一次），不是按「${p.noun}」逐一计分，计分方式却按「每${p.noun}」计数，未能确定`;
    const ordinal = first(p.places, "ordinal");
    if (ordinal) return `条文的「${ordinal.text}」是序号（第几${p.noun}），不是数量，计分方式却按「每${p.noun}」计数，未能确定`;
    const other = clauseCountNouns(t, p.noun);
    if (other.length > 0) return `条文按「${other[0]}」计数，计分方式却按「每${p.noun}」计数（条文中的「${p.noun}」不是计数单位），未能确定`;
  }
  return undefined;
}

// (the count words the language lacks written as its units, as the guards see the clause in recognise.ts: the same
// places whether the guard is given the clause reworded or plain)
export const GUARDS_PROVENANCE: readonly Guard[] = [{ name: "count-provenance", since: 29, check: (t, bodies) => countInvented(rewordCountWords(t), bodies) }];
