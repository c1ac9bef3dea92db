// One group of parts (groups.ts) → one rule body in the language's canonical form (语言参考 §5–§6), or a refusal:
//   count + effect + amount [+ cap]        每次 扣 0.5 上限 4      (「每次扣0.5分，最多扣4分」「扣0.5分/次」「一次扣1分」)
//   count + effect + range [+ cap]         每起 酌情 扣 1 至 2      (「每起扣1-2分」)
//   effect + amount                        扣 2 / 得 2             (「未建立台账的扣2分」「(2分)」 after a requirement)
//   effect + range                         酌情 扣 1 至 3          (「酌情扣1-3分」「扣1~3分」)
//   zero                                   不得分
//   requirement + missing count + 扣       至少 4次 每少 1次 扣 1  (「不少于4次，每少一次扣1分」)
//   bound + effect + amount                分段 { ≥ 2次 得 1 }     (「每年召开2次以上(1分)」「低于80%的扣2分」)
// Orders vary (the cap before or after, the count before the verb or after the amount); the kinds decide.
import { measureWords } from "@kaoping/core";
import { normalise, rx } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import type { ClauseContext } from "../index.js";
import { faultOfVerbless, MERIT, statedDirection, statesAbsence, verblessAwardReason } from "../patterns/stated-direction.js";
import type { Direction } from "./parts.js";
import type { Group } from "./groups.js";
import { partsOf as of, type BoundPart, type CapPart, type CountPart, type Part, type ScorePart } from "./tag.js";

/** What one group reads as: a body and its shape (for the clause's grammar), or a refusal. */
export interface RuleReading {
  readonly body: string;
  readonly direction: Direction | "zero";
  /** One-shot (扣 2, 得 2, 酌情 …), counted (每次 …, 至少 …), a band, or the zero. */
  readonly shape: "once" | "counted" | "band" | "zero";
  readonly amount?: string;
  /** A counted amount without a range, shortfall or compound count: its unit, for classes of one count (compose.ts). */
  readonly classes?: { readonly units: string };
  /** 「得满分」: the item's points as an award. */
  readonly full?: true;
}
export type RuleResult = RuleReading | { readonly reason: string };

/** Words of a negative finding: a bare amount after one says neither 扣 nor 得. */
const NEGATIVE = /未|不(?!断)|无|没有|缺|少|差|违|错|迟|漏|超期|延误|失|被|投诉|批评|通报|事故/;
/** The absence of a fault (「无违规违纪问题」「全年未发生安全事故」) and 「有无」 (whether there is): what an item earns. */
const ABSENCE = /^(?:\d+|[一二三四五六七八九十]+)?(?:全年|年内|本年度|当年)?(?:无|没有|未发生|未出现)[^未不没无]{1,12}(?:问题|现象|事故|行为|案件|差错|投诉)$|^有无[^未不没无]+$/;

/** The value written for a bound (「4次」「80%」), or undefined when the language has no such measure. */
function boundValue(b: BoundPart): string | undefined {
  if (b.measure === "%") return `${b.n}%`;
  return (measureWords as readonly string[]).includes(b.measure) ? `${b.n}${b.measure}` : undefined;
}

/** The rule's cap written after the body, or a refusal. */
function capText(caps: readonly CapPart[], direction: Direction, amount: string | undefined, counted: boolean): string | { reason: string } {
  if (caps.length > 1) return { reason: "条文有两个上限，未能确定" };
  const cap = caps[0];
  if (!cap) return "";
  if (cap.direction !== undefined && cap.direction !== direction) return { reason: `条文的上限是${cap.direction === "扣" ? "扣分" : "得分"}的上限，计分却是${direction === "扣" ? "扣分" : "得分"}，未能确定` };
  if (cap.value === null) return direction === "扣" ? "" : { reason: "条文写了扣完为止，计分却是得分，未能确定" };
  if (!counted) return { reason: "条文有上限，计分却不是按次（按项）累计的，未能确定上限作用于什么" };
  if (amount !== undefined && decimalCompare(cap.value, amount) < 0) return { reason: `条文的上限（${cap.value}分）比每次的分值（${amount}分）还小，未能确定` };
  return ` 上限 ${cap.value}`;
}

/** A task with its points in brackets at its end (「…赠阅×刊(0.1分)」「…保管良好。(2)」): a checklist row, what doing it earns. */
const BRACKETED_TASK = /\(\d+(?:\.\d+)?分?\)[。;,*]*$/;

/**
 * The direction of a group's score: its verb; for a bare amount only what a word states (session 28: as the patterns,
 * patterns/stated-direction.ts) — the section; a counted amount's cap's verb; the item's name, the column's header or
 * the document's notes (`statedDirection`): a list of deductions deducts a fault it prices or an amount per
 * occurrence, a list of awards awards what is not a fault; with nothing stated, the clause's own words of a thing
 * to do, a merit, a task (verblessAwardReason) — never an award by default.
 */
function directionOf(g: Group, score: ScorePart, condition: string, t: string, ctx: ClauseContext): Direction | { reason: string } {
  if (score.direction !== undefined) return score.direction;
  const section = ctx.section;
  if (section === "加分") return "得";
  if (section === "减分") return "扣";
  const counted = of(g.before, "count").length > 0 || of(g.after, "count").length > 0;
  // a counted amount's cap states it by its own verb (「每月次10分，扣分扣完为止」 mlxx-02, 「每宗0.3分，最多扣0.6分」):
  // a cap of deductions caps deductions — the group's one verb, so each occurrence deducts (two caps: capText refuses).
  // Not a one-shot amount (「违规的2分，扣完为止」: a cap on one amount suggests a count the clause dropped)
  const capped = [...of(g.before, "cap"), ...of(g.after, "cap")];
  if (counted && !score.range && capped.length === 1 && capped[0]!.direction !== undefined) return capped[0]!.direction;
  const before = t.slice(g.from, g.score.at);
  const fault = (NEGATIVE.test(condition) && !ABSENCE.test(condition) && !statesAbsence(t)) || faultOfVerbless(before) !== undefined;
  const stated = statedDirection(ctx);
  if (stated === "扣") {
    // 「路灯整基不亮 2分/基」「未建立台账 1分」 under 「扣分标准」 or 「分项无基准分值,实行累计扣减」
    if (MERIT.test(t)) return { reason: "条文的分值前没有「扣」或「得」，所在的是扣分项，条文写的却是成绩，未能确定是扣分还是得分" };
    if (counted || score.range || fault) return "扣";
    return { reason: "条文的分值前没有「扣」或「得」，所在的是扣分项，条文写的却不是毛病，未能确定是扣分还是得分" };
  }
  if (stated === "得") {
    // (「被…录用」 is a merit, not a finding: 被 is among NEGATIVE's words)
    if (faultOfVerbless(before) !== undefined || (fault && !MERIT.test(t))) return { reason: "条文的分值前没有「扣」或「得」，所在的是加分项，条文写的却是毛病，未能确定是扣分还是得分" };
    return "得";
  }
  if (counted || score.range) return { reason: "条文的分值前没有「扣」或「得」，按次（或酌情）计分的方向未能确定" };
  if (NEGATIVE.test(condition) && !ABSENCE.test(condition)) return { reason: "条文的分值前没有「扣」或「得」，条件又是未做到的情形，未能确定是扣分还是得分" };
  // the award only as a word states it (patterns/stated-direction.ts): a thing to do, a merit, a task, an absence
  const why = verblessAwardReason(before, t, ctx, BRACKETED_TASK.test(t));
  return why !== undefined ? { reason: why } : "得";
}

/** Words of a failing after a requirement (「年内至少1次…，未完成的扣1分」): the amount is for not meeting it. */
const FAILING = /未|没有|没|不|无/;

/** A period within the year (每季度, 每月, 每周, 每半年, 每学期): a requirement per period says nothing of the year's count. */
const WITHIN_YEAR = /季|月|周|日|半年|学期/;

/**
 * One group → its body (`t` the clause). `condition` is the group's free text (its conditions, for a bare amount's
 * direction); `ctx` the item (its points for 「酌情扣分」, its section for a bare amount's direction).
 */
export function readGroup(g: Group, t: string, condition: string, ctx: ClauseContext): RuleResult {
  const section = ctx.section;
  const all = [...g.before, ...g.after];
  const counts = of(all, "count");
  const bounds = of(all, "bound");
  const caps = of(all, "cap");
  const discretion = of(all, "discretion").length > 0;
  const periods = of(all, "period");
  // a period right before the score (「每年扣2分」) says what is counted, which a period cannot: refused
  if (periods.some((p) => /^(?:的)?,?$/.test(t.slice(p.end, g.score.at)))) return { reason: `条文的「${t.slice(periods[0]!.at, periods[0]!.end)}」紧接着分值，是按期计分还是期间的说明，未能确定` };
  const withinYear = periods.some((p) => WITHIN_YEAR.test(t.slice(p.at, p.end)));
  if (g.score.kind === "zero") {
    // 「参与赌博的发现一次，本项考核分为0分」「任何一个县没有文件不得分」: any one voids the item
    if (counts.some((c) => c.form === "per" || c.form === "slash") || bounds.length > 0 || caps.length > 0 || discretion) return { reason: "条文的不得分带有计数、界限或上限，未能确定" };
    return { body: "不得分", direction: "zero", shape: "zero" };
  }
  if (g.score.kind === "full") {
    // 「实施到位得满分」: the item's points
    if (counts.length > 0 || bounds.length > 0 || caps.length > 0 || discretion || periods.length > 0) return { reason: "条文的得满分带有计数、界限或上限，未能确定" };
    if (section !== null || ctx.points === null || /不扣分/.test(t.slice(g.score.at, g.score.end))) return { reason: "条文得满分，本项却没有分值，未能确定" };
    return { body: `得 ${ctx.points}`, direction: "得", shape: "once", amount: ctx.points, full: true };
  }
  let score = g.score as ScorePart & Part;
  // 「酌情扣分」: within the item's points
  if (score.itemRange) {
    if (ctx.section !== null || ctx.points === null) return { reason: "条文酌情扣分，没有写范围，本项也没有分值，未能确定" };
    score = { ...score, range: { lo: "0", hi: ctx.points } };
  }
  const d = directionOf(g, score, condition, t, ctx);
  if (typeof d !== "string") return d;
  if (score.amount !== undefined && decimalCompare(score.amount, "0") <= 0) return { reason: "条文的分值是0分，未能确定" };
  if (score.range && decimalCompare(score.range.lo, score.range.hi) >= 0) return { reason: `条文的范围「${score.range.lo}-${score.range.hi}分」不是从小到大，未能确定` };
  if (discretion && !score.range) return { reason: "条文写了酌情，却只有一个分值，未能确定范围" };
  const value = score.range ? `酌情 ${d} ${score.range.lo} 至 ${score.range.hi}` : `${d} ${score.amount!}`;
  if (counts.length > 0) {
    const units = new Set(counts.map((c) => c.units.join(" ")));
    if (units.size > 1) return { reason: `条文有几种计数单位（${[...units].join("、")}），未能确定` };
    // the count nearest the score (「凡发现一次…的，每次扣10分」 writes one count twice)
    const count: CountPart & Part = counts.filter((c) => c.at < score.at).pop() ?? counts[0]!;
    // 「任一项指标未完成的扣5分」: once if any fails, or for each one that fails? never guessed
    if (counts.some((c) => c.form === "any")) return { reason: `条文的「${t.slice(count.at, count.end)}」是有一项即计分一次还是每项计分，未能确定` };
    // 「有一名干部获市级表彰的记1分」: having one person earns — once, or a band from one? (as 「1人以上」 below); 「有一次…得1分,
    // 最多得1分」: a cap of the one amount says once. (「有一篇加1分」 counts each: zjjy-16/17, jnmb-06; 「有一项不达标扣5分」: yfxa-01)
    const once = caps.some((c) => c.value !== null && score.amount !== undefined && decimalCompare(c.value, score.amount) <= 0);
    if (count.form === "found" && t[count.at] === "有" && d === "得" && (/^(?:人|名)$/.test(count.noun) || once)) return { reason: `条文的「${t.slice(count.at, count.end)}」是有即得分还是每个得分，未能确定` };
    // 「每次灾害过程中,…,无人员上访得3分」: a count in another sentence than its score counts something else
    if (count.form !== "slash" && count.end <= score.at && /[,;。]/.test(t.slice(count.end, score.at).replace(/(?:的)?[,;]$/, ""))) {
      return { reason: "条文的计数与分值不在同一句中，未能确定计的是什么" };
    }
    // 「召开专题会议一次计3分」: one time and an award — each time, or having done it once? (「一次扣1分」 is each time)
    // (「采纳1篇计10分」「一人加5分」: pieces counted, each earns)
    if ((count.form === "one" || count.form === "found") && d === "得" && count.noun === "次" && !caps.some((c) => c.value !== null)) return { reason: "条文写「一次得分」，是每次得分还是做到一次即得分，未能确定" };
    // 「不少于4次，每少一次扣1分」: the requirement and the count of what is missing — a shortfall
    if (bounds.length > 0) return shortfall(count, bounds, caps, d, score, withinYear);
    // 「每季度召开议事会议，每少开展一次扣5分」: how many a year is not written
    if (count.lack && periods.length > 0) return { reason: "条文按期（如「每季度」）要求，少一次扣分：全年应有几次未能确定" };
    const cap = capText(caps, d, score.amount ?? score.range?.hi, true);
    if (typeof cap !== "string") return cap;
    const plain = score.amount !== undefined && count.units.length === 1 ? { amount: score.amount, classes: { units: count.units[0]! } } : {};
    return { body: `${count.units.join(" ")} ${value}${cap}`, direction: d, shape: "counted", ...plain };
  }
  if (bounds.length > 0) {
    if (bounds.length > 1) return { reason: "条文有几个界限，未能确定" };
    const b = bounds[0]! as BoundPart & Part;
    if (b.stated) return { reason: `条文的「${t.slice(b.at, b.end)}」是标准还是界限，未能确定` };
    if (score.range) return { reason: "条文有界限又有酌情范围，未能确定" };
    if (FAILING.test(t.slice(b.end, score.at))) return { reason: `条文的界限「${t.slice(b.at, b.end)}」之后写的是未做到的情形，分值是达到还是未达到时计，未能确定` };
    // 「每季度至少召开一次会议(2分)」: the task done each quarter earns the award; the count describes the task
    if (d === "得" && b.op === "≥" && b.n === "1" && withinYear) return { body: value, direction: d, shape: "once", amount: score.amount! };
    if (withinYear) return { reason: `条文按期（如「每季度」）要求「${b.n}${b.measure}」，全年应有多少未能确定` };
    // 「1人以上」「至少一次」 on an award: having one, or a band from one? (the corpus writes both)
    if (d === "得" && (b.n === "1" || /^(?:人|名|个)$/.test(b.measure))) return { reason: `条文的「${t.slice(b.at, b.end)}」是有即得分还是分段，未能确定` };
    // 「全年发生一起以上事故的扣5分」「两次以上迟到的扣2分」: occurrences from a number on — once, or each? (cg-13 writes each)
    // (「违规次数超过3次的扣2分」: the number of times is the measure named — a band)
    const measured = /(?:次数|数量|人数|件数|起数)(?:在|为|达到|达)?$/.test(t.slice(Math.max(0, b.at - 6), b.at));
    // (「少于2次的扣1分」: a requirement's shortfall, a band — wlsp-06, xa-03)
    if (d === "扣" && (b.op === "≥" || b.op === ">") && (b.n === "1" || (!measured && /^(?:次|起|件|件次|人次|例|处)$/.test(b.measure)))) return { reason: `条文的「${t.slice(b.at, b.end)}」之后扣分，是扣一次还是按次扣分，未能确定` };
    // 「培训完成率达到90%以上（0.1分）」: a bare amount after a rate — the award at the rate, or the item's points for the task?
    // (「档案完好率在90%以上(3)」「培训完成率达到90%以上（0.1分）」: a rate's band, as klab-04 writes it)
    const rate = /率(?:在|为|是)?$/.test(t.slice(Math.max(0, b.at - 3), b.at)) || /^(?:达到|达|不低于|高于)/.test(t.slice(b.at, b.end)) && /率$/.test(t.slice(Math.max(0, b.at - 2), b.at));
    if (score.direction === undefined && b.measure === "%" && !rate) return { reason: `条文的「${t.slice(b.at, b.end)}」后的分值没有写得分还是扣分，未能确定` };
    // 「学习6次以上的得2分」 beside 「学习6次以下的得1分」: which side holds the number is not said
    // (only the other word: siblings that say 「90%以上」 too are other items of one list — szcl-20/21)
    const word = /以上|以下/.exec(t.slice(b.at, b.end))?.[0];
    const across = rx(`${b.n.replace(".", "\\.")}(?:${b.measure})(?:\\(含\\))?(?:及)?${word === "以上" ? "以下" : "以上"}`);
    if (word !== undefined && (ctx.siblings ?? []).some((s) => across.test(normalise(s)))) return { reason: `同一项的其他条文在「${b.n}${b.measure}」上也写了以上或以下，本条是否含本数未能确定` };
    if (b.bare && d !== "得") return { reason: "条文的次数后写的是扣分，是按次扣分还是达到次数扣分，未能确定" };
    if (caps.length > 0) return { reason: "条文有界限又有上限，未能确定" };
    const v = boundValue(b);
    if (v === undefined) return { reason: `条文的界限「${b.n}${b.measure}」的单位语言中没有，未能确定` };
    return { body: `分段 { ${b.op} ${v} ${value} }`, direction: d, shape: "band", amount: score.amount! };
  }
  const cap = capText(caps, d, score.amount, false);
  if (typeof cap !== "string") return cap;
  return { body: value, direction: d, shape: "once", ...(score.amount ? { amount: score.amount } : {}) };
}

/**
 * A requirement (「不少于4次」「少于4次/年的」) and the count of what is missing (「每少一次」) → 至少 N次 每少 1次 扣 X.
 * A requirement per period within the year counts the periods missed when it is once a period, else is refused.
 */
function shortfall(count: CountPart, bounds: readonly BoundPart[], caps: readonly CapPart[], d: Direction, score: ScorePart, withinYear: boolean): RuleResult {
  if (bounds.length > 1) return { reason: "条文有几个界限，未能确定" };
  const b = bounds[0]!;
  if (!(b.op === "≥" || (b.op === "<" && count.lack)) || b.bare) return { reason: `条文有界限「${b.n}${b.measure}」又按次计分，未能确定界限的作用` };
  if (d !== "扣" || score.range) return { reason: "条文要求至少若干次，少的却不是按次扣分，未能确定" };
  // 「每季度至少召开一次…缺1次扣2分」: once a period; the periods missed are counted
  if (withinYear) {
    if (b.n !== "1" || b.op !== "≥") return { reason: `条文按期（如「每季度」）要求「${b.n}${b.measure}」，全年应有多少未能确定` };
    const cap = capText(caps, d, score.amount, true);
    if (typeof cap !== "string") return cap;
    return { body: `${count.units.join(" ")} 扣 ${score.amount!}${cap}`, direction: d, shape: "counted", amount: score.amount! };
  }
  // (每年 and 全年 are the assessment's own period: the requirement is the year's)
  if (!count.lack) return { reason: `条文有界限「${b.n}${b.measure}」又按次计分，未能确定界限的作用` };
  if (count.noun !== b.measure || count.units.length > 1) return { reason: `条文要求的是「${b.measure}」，少的却按「${count.noun}」扣分，未能确定` };
  if (!(measureWords as readonly string[]).includes(b.measure)) return { reason: `条文的界限「${b.n}${b.measure}」的单位语言中没有，未能确定` };
  const cap = capText(caps, d, score.amount, true);
  if (typeof cap !== "string") return cap;
  return { body: `至少 ${b.n}${b.measure} 每少 1${b.measure} 扣 ${score.amount!}${cap}`, direction: d, shape: "counted", amount: score.amount! };
}
