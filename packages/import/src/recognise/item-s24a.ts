// The item's standard beside a clause that only says it was not met (session 24, from the ninth fresh
// set): 「达不到标准扣 2 分」 under an item requiring 「单位全年经费不低于 2000 元」 is the band below the
// bound, `分段 { < 2000元 扣 2 }` — never a one-shot deduction whose fact forgets the bound.  Read only when
// the item states exactly one bound (not one per period) and the clause names no number of its own.
import type { ClauseContext } from "./index.js";
import { itemBounds } from "./item.js";
import { normalise } from "./normalise.js";

/** 「达不到标准」「未达到要求」「未达标」: the standard not met, with no number of the clause's own. */
const NOT_MET = /^(?:[\u4e00-\u9fa5]{0,8}?)(?:未达到|达不到|没有?达到|不达|未达)(?:标准|要求|规定)?(?:的)?,?扣\d+(?:\.\d+)?分[。;,]?$|^(?:[\u4e00-\u9fa5]{0,8}?)未达标(?:的)?,?扣\d+(?:\.\d+)?分[。;,]?$/;

/** The band under the item's one bound, or undefined when the clause is not 「未达到标准扣N分」 or the bound is not one. */
export function itemStandardBand(body: string, clause: string, ctx: ClauseContext): { body: string; from: string } | undefined {
  const m = /^扣 (\d+(?:\.\d+)?)$/.exec(body);
  const t = normalise(clause);
  if (!m || !NOT_MET.test(t) || /\d+(?:\.\d+)?(?!(?:\.\d+)?分)/.test(t.replace(/扣\d+(?:\.\d+)?分/, ""))) return undefined;
  const bounds = itemBounds(ctx);
  if (bounds.length !== 1 || bounds[0]!.perPeriod) return undefined;
  const b = bounds[0]!;
  return { body: `分段 { < ${b.value}${b.noun} 扣 ${m[1]} }`, from: b.text };
}
