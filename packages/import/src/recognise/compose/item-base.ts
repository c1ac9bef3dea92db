// The base of a linear rule stated in the item rather than the clause (session 27, the corpus's convention: bases
// stated in the 测评内容 or the item are kept — zjwm-05/06 `基准 80%`/`基准 40%`, cqzm-02 `基准 99%`, as sfkp-06/07):
// 「每低1个百分点扣1分」 under an item requiring 「…比例不低于80%」 is `基准 80% 每低 1个百分点 扣 1`.
// Read only when the item (its requirement, or its name when it has none) states exactly one percentage and states it
// as a floor (不低于/不少于/达到/≥/N%以上); a step that goes down from it and deducts. Two percentages (「主干道≥98%、
// 支次干道≥97%」: two rules, one per class), a ceiling, or a percentage with no floor word are never guessed.
import type { ClauseContext } from "../index.js";
import { normalise, NUM, numberText, rx } from "../normalise.js";

/** A floor on a rate: 「不低于80%」「≥99%」「达到95%(以上)」「95%以上」 (the number in group 1 or 2). */
const FLOOR = `(?:不低于|不少于|不得低于|达到|≥|>=|至少)${NUM}%(?:以上)?|(?<![\\d.])${NUM}%(?:\\(含\\))?(?:及)?以上`;

/** The item's one floor on a rate, as a number text ("80"), or undefined. */
export function itemRateFloor(ctx: ClauseContext): string | undefined {
  const source = normalise(ctx.item !== undefined && ctx.item !== "" ? ctx.item : ctx.indicator);
  const percents = [...source.matchAll(/\d+(?:\.\d+)?%/g)];
  if (percents.length !== 1) return undefined;
  const m = rx(FLOOR).exec(source);
  if (!m) return undefined;
  return numberText(m[1] ?? m[2]!);
}
