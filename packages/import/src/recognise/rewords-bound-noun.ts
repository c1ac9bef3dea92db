// A bound written before the noun it counts (session 25, helper s25-tune15): 「书写5条以上标语的,记1分」 says what
// 「书写标语5条以上的,记1分」 says — the band patterns read a bound only after its noun (「标语5条以上的」), so the
// clause is given to them in that order (the clause itself is kept verbatim; the guards read its own words).
//   「在主要公路线书写5条以上标语的,记1分」 → 「在主要公路线书写标语5条以上的,记1分」 → 分段 { ≥ 5条 得 1 }
// Only a count of two or more (「1人以上」 is having one: count.ts), a measure word of the language's counts, a noun
// of one to four characters closed by 的, and no other number before it.
import { NOUNS } from "./units.js";
import { rxt } from "./normalise.js";

const BOUND_NOUN = rxt`(?<![\\d.])([2-9]|[1-9]\\d+)(${NOUNS})(及)?以上([\\u4e00-\\u9fa5]{1,4}?)的(?=,|记|计|得|加)`;

/** The clause with a bound before its noun written after it (「5条以上标语的」 → 「标语5条以上的」). */
export function rewordBoundNoun(t: string): string {
  const m = BOUND_NOUN.exec(t);
  if (!m || /\d/.test(t.slice(0, m.index))) return t;
  const [whole, n, noun, and, thing] = m;
  if (/^(?:的|者|人员|单位)$/.test(thing!)) return t;
  return `${t.slice(0, m.index)}${thing!}${n!}${noun!}${and ?? ""}以上的${t.slice(m.index + whole.length)}`;
}
