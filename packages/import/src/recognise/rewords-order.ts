// Words out of the order the patterns read (session 25, helper s25-tune14), put back in the normalised text the
// patterns see — the clause stays verbatim:
//   「教师无故旷课扣3分每人次。」                      → 「…每人次扣3分。」   (the count word after the amount)
//   「调解率不低于50%,得80分。每低1%减2分。」          → 「…得80分,每低1%减2分。」 (the copy's full stop between the
//                                                       target's points and the steps below it)
import { NUM, rxg } from "./normalise.js";
import { NOUNS } from "./units.js";

const REWORDS_ORDER: readonly [RegExp, string][] = [
  // 「扣3分每人次」: a count word of the language after the amount, ending the clause
  [rxg`(扣|减|加|得)${NUM}分(每(?:${NOUNS}))(?=[。;,]?$)`, "$3$1$2分"],
  // 「得80分。每低1%减2分」: a step below the points just stated, split off by a full stop
  [rxg`((?:得|计|记)${NUM}分)。(?=每(?:低|降低|下降|减少)${NUM}(?:%|个百分点))`, "$1,"],
];

/** The normalised clause with REWORDS_ORDER applied. */
export function rewordOrder(t: string): string {
  let out = t;
  for (const [re, to] of REWORDS_ORDER) out = out.replace(re, to);
  return out;
}
