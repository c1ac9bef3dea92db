// A rate's range with one amount, the row above it in another clause of the item (session 29, helper rates):
//   「税收资料调查指标差错率为3%~5%的,扣0.1分」 beside 「超过5%的,扣0.2分」 → 分段 { [3%, 5%] 扣 0.1 }
// A range A~B written as one row holds both its ends as written; its top end is settled by the item's row above it,
// which takes the rate 超过 B (strictly above: B is this row's), as the corpus encodes such pairs (fzjz-03, tgs-09).
// Without a row 超过 B among the item's clauses the top end's side is open — no reading; a row that writes A from
// below (A以下, 低于A) would leave the bottom end open too.
import { normalise, NUM, numberText, rxt } from "../normalise.js";
import { actionOf, reading, type Pattern } from "../reading.js";
import { decimalCompare } from "../../decimal.js";

const RANGE_ROW = rxt`^(?:\\(\\d+\\)|\\d+[、.](?!\\d))?([^\\d,;。]*?(?:率|比重|比例))(?:为|在|达到?)?${NUM}%?(?:~|-|至|到)${NUM}%(?:之间)?(?:的)?,?(扣|减|得|计|记)${NUM}分[。;]?$`;

/** An item's clause that takes the rate strictly above `top` (「超过5%的,扣0.2分」). */
function strictlyAbove(siblings: readonly string[], top: string): boolean {
  return siblings.some((s) => [...normalise(s).matchAll(/(?:超过|高于|大于)(\d+(?:\.\d+)?)%(?!以上|\(含)/g)].some((m) => numberText(m[1]!) === top));
}

/** An item's clause that writes `n` from below (「3%以下」「低于3%」「不足3%」). */
function fromBelow(siblings: readonly string[], n: string): boolean {
  return siblings.some((s) => [...normalise(s).matchAll(/(\d+(?:\.\d+)?)%[^,;。\d]{0,4}?(?:以下|以内)|(?:不足|低于|少于|小于|未达到?)(\d+(?:\.\d+)?)%/g)].some((m) => numberText((m[1] ?? m[2])!) === n));
}

export const rateRangeRow: Pattern = (t, ctx) => {
  if (!t.includes("%")) return undefined;
  const m = RANGE_ROW.exec(t);
  if (!m) return undefined;
  const [low, high, amount] = [numberText(m[2]!), numberText(m[3]!), numberText(m[5]!)];
  const verb = actionOf(m[4]!);
  if (low === undefined || high === undefined || amount === undefined || verb === undefined || decimalCompare(low, high) >= 0) return undefined;
  const siblings = ctx.siblings ?? [];
  if (!strictlyAbove(siblings, high) || fromBelow(siblings, low)) return undefined;
  return reading([`分段 { [${low}%, ${high}%] ${verb} ${amount} }`], [m[5]!]);
};
