// The base of a linear rule stated in the item rather than the clause (session 27, the corpus's convention: bases
// stated in the 测评内容 or the item are kept — zjwm-05/06 `基准 80%`/`基准 40%`, cqzm-02 `基准 99%`, as sfkp-06/07):
// 「每低1个百分点扣1分」 under an item requiring 「…比例不低于80%」 is `基准 80% 每低 1个百分点 扣 1`.
// Read only when the item's requirement (`item`; the name is the patterns') states exactly one percentage and states it
// as a floor (不低于/不少于/达到/≥/N%以上) for a step that goes down from it and deducts, or as a ceiling (不高于/≤/
// N%以内/N%以下) for a step that goes up from it and deducts (dlds-04: 「…率在5%以内」, 「每超1%扣0.1分」). Two percentages (「主干道≥98%、
// 支次干道≥97%」: two rules, one per class), a ceiling, or a percentage with no floor word are never guessed.
import type { ClauseContext } from "../index.js";
import { normalise, NUM, numberText, rx } from "../normalise.js";

/** A floor on a rate: 「不低于80%」「≥99%」「达到95%(以上)」「95%以上」 (the number in group 1 or 2). */
const FLOOR = `(?:不低于|不少于|不得低于|达到|≥|>=|至少)${NUM}%(?:以上)?|(?<![\\d.])${NUM}%(?:\\(含\\))?(?:及)?以上`;

/** A ceiling on a rate: 「不高于5%」「≤5%」「在5%以内」「5%以下」 (the number in group 1 or 2). */
const CEILING = `(?:不高于|不超过|不得超过|不大于|≤|<=)${NUM}%|(?<![\\d.])${NUM}%(?:\\(含\\))?(?:及)?(?:以内|以下)`;

/** The item's one bound on a rate of the given side (a floor 不低于, a ceiling 不高于), as a number text ("80"), or undefined. */
export function itemRateBound(ctx: ClauseContext, side: "floor" | "ceiling", clause: string): string | undefined {
  // (the item's name is the patterns' — their base from it checks the rate's name, patterns/linear-*.ts)
  if (ctx.item === undefined || ctx.item === "") return undefined;
  const source = normalise(ctx.item);
  // 「到位率每低1个百分点」 under 「知晓率不低于90%」: the clause names another rate
  const rate = /([\u4e00-\u9fa5]{2})率/.exec(clause)?.[1];
  if (rate !== undefined && !source.includes(`${rate}率`)) return undefined;
  const percents = [...source.matchAll(/\d+(?:\.\d+)?%/g)];
  if (percents.length !== 1) return undefined;
  const m = rx(side === "floor" ? FLOOR : CEILING).exec(source);
  // (a floor and a ceiling word on the one number — 「达到5%以内」 — is neither)
  if (!m || rx(side === "floor" ? CEILING : FLOOR).test(source)) return undefined;
  return numberText(m[1] ?? m[2]!);
}
