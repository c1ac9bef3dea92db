// A task's points with a step each way said once (session 25, helper s25-tune15): 「每增减1%,加减1分」 is 「每增加1%加1分,
// 每减少1%减1分」 — the county's target tables write the two sides of a linear rule in one phrase, from the task done
// (100 %) or a base held level (持平), with the most the award side may reach as a total of the item:
//   「完成县下达任务的,得25分;每增减1%,加减1分,最高加至30分,减分直至扣完」 (25 the item's points)
//       → 基准 100% 每增加 1% 得 1 上限 5，每少 1% 扣 1      (语言参考 §5.5 两侧; the award's cap 30 − 25)
//   「以上年产量为基数,持平得5分,每增减1个百分点,加减0.5分」 → 基准 100% 每增加 1个百分点 得 0.5，每少 1个百分点 扣 0.5
// twoSidedBase (linear.ts) reads a base rate with two steps written out; this phrase — one step for both sides, no
// rate written for the base, a total for the award's cap — was left to the count patterns (「条文有 3 个分值」).
// Only when the points before the step are the item's (the award side is the only way above them), the total above
// them, and the base the task done or held level; a rate target (「完成90%」), another base word or a total not above
// the item's points are left to the other patterns.
import type { ClauseContext } from "../index.js";
import { canon, decimalCompare, decimalDifference } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** The base: the task done (「完成…任务的」) or a base held level (「以…为基数,持平」). */
const BASE = "(?:[^,;。\\d%]*?完成[^,;。\\d%]*?(?:任务|计划|目标)(?:的)?|以[^,;。\\d%]{1,16}?为基数,持平(?:的)?)";
const PHRASE = rxt`^${BASE},?(?:得|计|记)(?:分)?${NUM}分[,;]?每增减${NUM}(%|个百分点),?加减${NUM}分(?:,(?:最高|最多)(?:加至|加到|可得|得)${NUM}分)?(?:,(?:减分)?(?:直至扣完|扣完为止))?[。;]?$`;

export const twoSidedTask: Pattern = (t, ctx: ClauseContext) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = PHRASE.exec(t);
  if (!m) return undefined;
  const [points, step, amount] = [numberText(m[1]!), numberText(m[2]!), numberText(m[4]!)];
  if (points === undefined || step === undefined || amount === undefined || canon(points) !== canon(ctx.points)) return undefined;
  const unit = m[3] === "%" ? "%" : "个百分点";
  let cap = "";
  const used = [m[1]!, m[4]!];
  if (m[5] !== undefined) {
    const top = numberText(m[5]);
    if (top === undefined || decimalCompare(top, points) <= 0) return undefined;
    cap = ` 上限 ${decimalDifference(top, points)}`;
    used.push(m[5]);
  }
  return reading([`基准 100% 每增加 ${step}${unit} 得 ${amount}${cap}，每少 ${step}${unit} 扣 ${amount}`], used.map((u) => numberText(u)!));
};

/**
 * Whether the number at `at` is what the reading of `twoSidedTask` places without writing it: the item's points
 * before the step (the base score) or the total the award side may reach — the accounting check.
 */
export function twoSidedTaskPlaced(t: string, at: number, value: string, all: string, points: string | null): boolean {
  if (points === null || !/^基准 100% 每增加 \S+ 得 [\d.]+(?: 上限 [\d.]+)?，每少 /.test(all) || !/每增减/.test(t)) return false;
  const before = t.slice(0, at);
  if (canon(value) === canon(points) && /(?:得|计|记)(?:分)?$/.test(before)) return true;
  const cap = / 上限 ([\d.]+)，/.exec(all);
  return cap !== null && /(?:加至|加到|可得|得)$/.test(before) && /(?:最高|最多)(?:加至|加到|可得|得)$/.test(before) && decimalCompare(canon(value), canon(points)) >= 0 && decimalDifference(canon(value), canon(points)) === canon(cap[1]!);
}
