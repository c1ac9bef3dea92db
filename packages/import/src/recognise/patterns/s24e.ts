// Patterns from the thirteenth fresh set (session 24, helper s24-tune13, books 260–279 tuned on), tried
// before the others (recognise.ts). Each reads one phrasing in general; anything more in the clause
// (another amount, a bound, a discretion word) leaves it to the patterns after it, or a to-do.
//   「每出现一次险情扣4-10分」「发生1起…扣除2-5分」           → 每次 酌情 扣 4 至 10
//   「被…采用,每条计300分,加按语转发另加75分」               → 每条 得 300 + 每条 得 75
//   「完成…计划任务得15分,每减少10%扣2分」(15 the item's)     → 基准 100% 每低 10% 扣 2
//   「参保率达到99.8%,得5分,每下降0.1%,扣0.5分」(5 the item's) → 基准 99.8% 每低 0.1% 扣 0.5
//   「收缴率未达100%的,每低1个百分点扣1分」                    → 基准 100% 每低 1个百分点 扣 1
//   「完成…的基本分20分,每增减1个百分点,增减2分,增减分不超过基本分50%」
//                               → 基准 目标值 每增加 1个百分点 得 2 上限 10，每少 1个百分点 扣 2 上限 10
import { NUM, numberText, rxt } from "../normalise.js";
import { amountsIn } from "../amounts.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { shareOf } from "../decimal.js";

/** Count words of one occurrence (「出现一次」「发生1起」) and the language's word for each. */
const OCCURRENCE_UNIT: Readonly<Record<string, string>> = { 次: "每次", 起: "每起", 例: "每例", 处: "每处" };

/**
 * 「每出现一次险情扣4-10分」「出现一次溺水死亡事件扣4-10分」: a discretionary range on an occurrence counted
 * in the clause (one occurrence, one count word, nothing else counted) is per occurrence (as 「发生一起…扣2分」
 * is 每起, and 「每起扣1-2分」 is 每起 酌情, 语言参考 §5.10). Only one sentence, one range, no other number.
 */
const occurrenceRange: Pattern = (t) => {
  const m = rxt`^((?:[^;。]*?,)?)([^,;。]*?)(?:每)?(?:出现|发生|发现|查实)(?:了)?[一1](次|起|例|处)([^,;。\\d]*?),?(?:将|则)?(?:酌情)?(?:扣|减)${NUM}(?:分)?(?:-|至|到|~)${NUM}分[。;,]?$`.exec(t);
  if (!m) return undefined;
  const [, before, head, unit, , a, b] = m;
  // (the sentences before it say what is required: no number, no count, no other amount in them — else a
  // to-do: the range pattern after this one would read the range and drop the count)
  if (/\d|[一二两三四五六七八九十](?:次|起|例|处|件|个|项|人)|每|分/.test(head!) || /\d|每|(?:扣|减|得|加)[\d一二两三四五六七八九十]|分/.test(before!)) {
    return refusal("条文写有「出现一次」之类的计数和酌情扣分的范围，前面又有其他数或计数，未能确定是一次性扣分还是按次扣分");
  }
  const [min, max] = [numberText(a!), numberText(b!)];
  if (min === undefined || max === undefined) return undefined;
  return reading([`${OCCURRENCE_UNIT[unit!]!} 酌情 扣 ${min} 至 ${max}`], amountsIn(t));
};

/** Count words a 「每N计P分」 award is written in, and the language's word. */
const AWARD_UNIT: Readonly<Record<string, string>> = { 条: "每条", 篇: "每篇", 次: "每次", 件: "每件", 项: "每项" };

/**
 * 「被…采用,每条计300分,加按语转发另加75分」: an award per piece and, for the pieces the later part names,
 * a second award per piece (「另加」「再加」) — two rules on the same count word, the second's fact the pieces
 * with the extra (the hand's reading, phsj-01). The later part must name its pieces (not be empty) and the
 * clause write no other amount, no cap and no deduction.
 */
const extraPerPiece: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  const m = rxt`^([^;。]*?)每(条|篇|次|件|项)(?:计|记|得|加)${NUM}分,([^,;。\\d]{2,20}?)(?:另|再)加${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, head, unit, a, extra, b] = m;
  if (/\d|扣|减|上限|最多|最高|不超过|累计|为止/.test(head! + extra!)) return undefined;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined) return undefined;
  const w = AWARD_UNIT[unit!]!;
  return reading([`${w} 得 ${x}`, `${w} 得 ${y}`], amountsIn(t));
};

/**
 * 「完成…计划任务得15分,每减少10%扣2分」「参保率达到99.8%,得5分,每下降0.1%,扣0.5分」: the item's own points
 * for meeting the target (完成: 100%; 达到X%: X%), then a deduction per step of a percentage below it — a
 * linear rule from the target (`基准 X% 每低 S% 扣 M`); the award is the item's points, the rule's start.
 * Only when the award is the item's points, the step is a percentage and nothing else is written.
 */
const targetThenSteps: Pattern = (t, ctx) => {
  if (ctx.points === null || ctx.section !== null) return undefined;
  const m = rxt`^(?:\\(\\d+\\)|\\d+[、.])?([^,;。]*?)(?:的)?,?(?:得|计|记)${NUM}分,每(?:减少|下降|降低|低)${NUM}(%|个百分点),?扣${NUM}分(?:,扣完为止)?[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, head, p, step, unit, amount] = m;
  if (numberText(p!) !== ctx.points) return undefined;
  let base: string;
  const reached = rxt`达到${NUM}%$`.exec(head!);
  if (reached) base = reached[1]!;
  else if (/^完成/.test(head!) && !/\d|未|不|以上|以下|超过|低于/.test(head!.replace(/\([^()]*\)/g, ""))) base = "100";
  else return undefined;
  if (reached && /\d/.test(head!.slice(0, reached.index))) return undefined;
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
const pointsBelowRate: Pattern = (t) => {
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
const baseBothWays: Pattern = (t, ctx) => {
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
 * 「有一次节能工作会议纪要的得1分,最多得2分」: an award on having one occurrence with a cap above the amount —
 * the cap says the award is counted (per occurrence), as 「每次得1分,最多得2分」. Without the cap (「有一次…得1分」)
 * it is having one, read elsewhere.
 */
const cappedOccurrenceAward: Pattern = (t, ctx) => {
  const m = rxt`^有(?:一|1)(次|篇|条|件|项)([^,;。\\d]*?)(?:的)?,?(?:得|加|计|记)${NUM}分,(?:最多|最高)(?:得|加|计|记)?${NUM}分[。;]?$`.exec(t);
  if (!m || ctx.section === "减分") return undefined;
  const [, unit, , a, b] = m;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined || !(Number(y) > Number(x))) return undefined;
  return reading([`${AWARD_UNIT[unit!]!} 得 ${x} 上限 ${y}`], amountsIn(t));
};

/**
 * 「发生1起违法违规行为或发生1起未按规定…的行为(…),扣2分,扣满10分为止」: one occurrence of either of two
 * kinds, both counted in the same word, with a cap the deductions fill — per occurrence (as 「发生一起…扣2分」
 * alone is 每起). Every alternative must count one in the same word.
 */
const alternativeOccurrences: Pattern = (t) => {
  const m = rxt`^((?:(?:发生|出现|发现)[一1](起|次|例)[^,;。\\d()]*?或)+)(?:发生|出现|发现)[一1](起|次|例)[^,;。\\d()]*?(?:\\([^()\\d]*\\))?,?扣${NUM}分,(?:扣满|扣完|最多扣)${NUM}分(?:为止)?[。;]?$`.exec(t);
  if (!m) return undefined;
  const [, alts, , last, a, b] = m;
  const units = [...alts!.matchAll(/(?:发生|出现|发现)[一1](起|次|例)/g)].map((x) => x[1]);
  if (units.some((u) => u !== last)) return undefined;
  const [x, y] = [numberText(a!), numberText(b!)];
  if (x === undefined || y === undefined || !(Number(y) > Number(x))) return undefined;
  return reading([`${OCCURRENCE_UNIT[last!]!} 扣 ${x} 上限 ${y}`], amountsIn(t));
};

export const s24ePatterns: readonly Pattern[] = [occurrenceRange, extraPerPiece, targetThenSteps, pointsBelowRate, baseBothWays, cappedOccurrenceAward, alternativeOccurrences];
