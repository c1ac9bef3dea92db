// Steps from a base (session 24): below a plan or a target rate, per percentage point below a stated rate, the
// same step both ways around the item's base, a count above a base or short of a yearly bound.
//   「完成指标得基础分,降低0.1%扣0.05分」                     → 基准 100% 每低 0.1% 扣 0.05
//   「完成…计划任务得15分,每减少10%扣2分」(15 the item's)     → 基准 100% 每低 10% 扣 2
//   「参保率达到99.8%,得5分,每下降0.1%,扣0.5分」(5 the item's) → 基准 99.8% 每低 0.1% 扣 0.5
//   「收缴率未达100%的,每低1个百分点扣1分」                    → 基准 100% 每低 1个百分点 扣 1
//   「完成…的基本分20分,每增减1个百分点,增减2分,增减分不超过基本分50%」
//                               → 基准 目标值 每增加 1个百分点 得 2 上限 10，每少 1个百分点 扣 2 上限 10
//   「一学年调课多于6次以上的，调课每增加1次扣0.5分」         → 基准 6次 每增加 1次 扣 0.5
//   「申报数据少于4次/年的,少一次扣1分」                       → 至少 4次 每少 1次 扣 1
import { amountsIn } from "../amounts.js";
import { shareOf } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/**
 * 「完成指标得基础分,降低0.1%扣0.05分」: 基础分 is 基本分 (the item's points when the plan is done), then a step
 * below it — `基准 100% 每低 0.1% 扣 0.05`, the completion rate (as formulas.ts reads 「每低于目标值2%扣1分」).
 */
export const belowPlan: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^完成(?:指标|计划|目标值|目标任务|目标|任务)(?:的)?得(?:基础分|基本分|满分)[;,](?:没有完成|未完成|完不成)?的?,?每?(?:降低|下降|减少|低于目标值?|低)${NUM}%(?:扣|减)${NUM}分(?:,?扣完为止|,?(?:扣分|最多扣)?不超过${NUM}分)?[,。;]?$`.exec(t);
  if (!m) return undefined;
  const [step, amount] = [numberText(m[1]!), numberText(m[2]!)];
  const cap = m[3] === undefined ? undefined : numberText(m[3]);
  if (step === undefined || amount === undefined || (m[3] !== undefined && cap === undefined)) return undefined;
  return reading([`基准 100% 每低 ${step}% 扣 ${amount}${cap === undefined ? "" : ` 上限 ${cap}`}`], cap === undefined ? [amount] : [amount, cap]);
};

/**
 * 「完成…计划任务得15分,每减少10%扣2分」「参保率达到99.8%,得5分,每下降0.1%,扣0.5分」: the item's own points
 * for meeting the target (完成: 100%; 达到X%: X%), then a deduction per step of a percentage below it — a
 * linear rule from the target (`基准 X% 每低 S% 扣 M`); the award is the item's points, the rule's start.
 * Only when the award is the item's points, the step is a percentage and nothing else is written.
 */
export const targetThenSteps: Pattern = (t, ctx) => {
  if (ctx.points === null || ctx.section !== null) return undefined;
  const m = rxt`^(?:\\(\\d+\\)|\\d+[、.])?([^,;。]*?)(?:的)?,?(?:得|计|记)${NUM}分[,;]每(?:减少|下降|降低|降|低)${NUM}(%|个百分点),?扣${NUM}分(?:,扣完为止)?[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, head, p, step, unit, amount] = m;
  if (numberText(p!) !== ctx.points) return undefined;
  let base: string;
  // 「参保率达到99.8%」, and 「牛羊口蹄疫100%」「耳标佩戴率100%」: a rate named at N % (session 29, helper rates)
  const reached = rxt`(?:达到|(?<=[\\u4e00-\\u9fa5])(?:达|为)?)${NUM}%$`.exec(head!);
  if (reached) base = reached[1]!;
  else if (/^完成/.test(head!) && !/\d|未|不|以上|以下|超过|低于/.test(head!.replace(/\([^()]*\)/g, ""))) base = "100";
  else return undefined;
  if (reached && /\d/.test(head!.slice(0, reached.index))) return undefined;
  // a change or a comparison before the percentage (「较上年下降5%」「增长10%」) is no rate's level
  if (reached && !reached[0].startsWith("达到") && /增|降|减|提高|上升|比|较|超|低于|高于|不足|以上|以下|未|不/.test(head!.slice(0, reached.index))) return undefined;
  const [s, x] = [numberText(step!), numberText(amount!)];
  if (s === undefined || x === undefined) return undefined;
  return reading([`基准 ${base}% 每低 ${s}${unit === "%" ? "%" : "个百分点"} 扣 ${x}`], amountsIn(t));
};

/**
 * 「收缴率未达100%的,每低1个百分点扣1分」「完毕率低于95%的,每低5个百分点,扣1分」: a deduction per percentage
 * point below a stated rate — a linear rule from that rate, the step in 个百分点 as written. Only a rate the
 * clause states: 「未完成目标的…每低5个百分点」 stays a to-do (the target may be 100 % of a task or a rate set
 * elsewhere; a fresh book writes it otherwise).
 */
export const pointsBelowRate: Pattern = (t) => {
  const m = rxt`^([^,;。\\d]*?)(?:未达到|未达|低于)${NUM}%(?:的)?,(?:按)?每(?:低|下降|降低|减少)${NUM}个百分点,?扣${NUM}分(?:,扣完为止)?[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, , base, step, amount] = m;
  const [b, s, x] = [numberText(base!), numberText(step!), numberText(amount!)];
  if (b === undefined || s === undefined || x === undefined) return undefined;
  return reading([`基准 ${b}% 每低 ${s}个百分点 扣 ${x}`], amountsIn(t));
};

/**
 * 「完成…增长指标的基本分20分,每增减1个百分点,增减2分,增减分不超过基本分50%」: the item's base for meeting its
 * target, the same amount up and down per step either side, each side capped at a share of the base — two-sided
 * linear from the target (pattern 22: `基准 目标值 每增加 S 得 M 上限 C，每少 S 扣 M 上限 C`, C = base × K %,
 * computed exactly). Only when the base is the item's points and the step is a percentage point or a count.
 */
export const baseBothWays: Pattern = (t, ctx) => {
  if (ctx.points === null || ctx.section !== null) return undefined;
  const m = rxt`^([^,;。\\d]*?)(?:的)?基本分${NUM}分,每增减${NUM}(个百分点|个),?增减${NUM}分,增减分不超过基本分${NUM}%[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, head, p, step, unit, amount, share] = m;
  if (!/^完成/.test(head!) || numberText(p!) !== ctx.points) return undefined;
  const [s, x, k] = [numberText(step!), numberText(amount!), numberText(share!)];
  if (s === undefined || x === undefined || k === undefined) return undefined;
  const cap = shareOf(ctx.points, k);
  if (cap === undefined || cap === "0") return undefined;
  return reading([`基准 目标值 每增加 ${s}${unit} 得 ${x} 上限 ${cap}，每少 ${s}${unit} 扣 ${x} 上限 ${cap}`], amountsIn(t));
};

/**
 * 「一学年调课多于6次以上的，调课每增加1次扣0.5分」: a count above a base, each one more costs — linear from
 * the base on the same count word. Only with one step of one, the same word for base and step.
 */
export const countAboveBase: Pattern = (t, ctx) => {
  if (ctx.section === "加分") return undefined;
  const W = "(次|件|篇|条|个|项|人|起|例|处)";
  const m = rxt`^[^;。]*?(?:超过|多于|超出)${NUM}${W}(?:以上)?(?:的)?,?[^,;。\\d]{0,8}?每(?:增加|多|超|超过)[一1]${W}(扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || m[2] !== m[3]) return undefined;
  const base = numberText(m[1]!);
  const amount = numberText(m[5]!);
  if (base === undefined || amount === undefined) return undefined;
  return reading([`基准 ${base}${m[2]} 每增加 1${m[2]} 扣 ${amount}`], [amount]);
};

/**
 * 「申报数据少于4次/年的,少一次扣1分」「开展厨师培训少于2次/年,少一次扣1分,扣完为止」: the yearly bound and the
 * count short of it — `至少 4次 每少 1次 扣 1`. A bound per period (每季度/每月/每半年) is left to the other
 * patterns (a to-do: the year's number is not written).
 */
export const shortOfYearly: Pattern = (t, ctx) => {
  const m = rxt`^([^;\\d]{2,40}?)(?:少于|低于|不足)${NUM}(次|项|篇|件|个|人)(?:/年)?(?:的)?,?(?:每)?(?:少|缺)(?:一|1)\\3,?扣${NUM}分(?:,扣完为止)?[。;.]?$`.exec(t);
  if (!m || /每(?!年)|季度|半年|月/.test(m[1]!)) return undefined;
  const [n, step] = [numberText(m[2]!), numberText(m[4]!)];
  if (n === undefined || step === undefined || ctx.section === "加分") return undefined;
  return reading([`至少 ${n}${m[3]} 每少 1${m[3]} 扣 ${step}`], [step]);
};
