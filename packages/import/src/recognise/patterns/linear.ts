// Two-sided linear scoring around the target (pattern 22): 「完成得基本分；大于目标值的，每增加1%加1分，最高
// 加2分；小于目标值的，每少1%扣1分，扣分至基本分值扣完为止」.
import { measureWords } from "@kaoping/core";
import { capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { reading, refusal, type Pattern } from "../reading.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");
const STEP = `${NUM}(%|${UNITS})`;

export const targetLinear: Pattern = (t, ctx) => {
  const up = rxt`(?:大于|超过|高于)目标值的?,?(每增加|每超过|每多)${STEP}(?:加|得)${NUM}分(?:,?(?:最高|最多)加${NUM}分|,?加分至基本分值(?:为止|封顶))?`.exec(t);
  const down = rxt`(?:小于|少于|低于)目标值的?,?(每少|每减少|每低)${STEP}(?:扣|减)${NUM}分(?:,?扣分至基本分值扣完为止)?`.exec(t);
  if (!up || !down || ctx.points === null || ctx.section !== null) return undefined;
  if (!/^完成(?:目标)?(?:的)?得基本分[;,]/.test(t)) return undefined;
  const rest = t.replace(/^完成(?:目标)?(?:的)?得基本分[;,]/, "").replace(up[0], "").replace(down[0], "");
  if (!/^[;,。]*$/.test(rest)) return undefined;
  const [ua, ub, uc] = [numberText(up[2]!), numberText(up[4]!), up[5] !== undefined ? numberText(up[5]) : undefined];
  const [da, db] = [numberText(down[2]!), numberText(down[4]!)];
  if (ua === undefined || ub === undefined || da === undefined || db === undefined) return undefined;
  const upStep = up[1] === "每超过" ? "每超" : up[1];
  const cap = uc !== undefined ? ` 上限 ${uc}` : /加分至基本分值/.test(up[0]) ? ` 上限 ${ctx.points}` : "";
  const used = [ub, ...(uc !== undefined ? [uc] : []), db];
  return reading([`基准 目标值 ${upStep} ${ua}${up[3]} 得 ${ub}${cap}，${down[1]} ${da}${down[3]} 扣 ${db}`], used);
};

/**
 * One-sided linear scoring from a base the clause states (pattern 8): 「符合政策生育率达87%以上计7分，每低3个
 * 百分点扣0.5分」→ 基准 87% 每低 3个百分点 扣 0.5. The full points must be the item's; the base's
 * 以上/以下 does not matter (at the base nothing is deducted either way).
 */
export const baseLinear: Pattern = (t0, ctx) => {
  let t = t0;
  // 「合格率低于95%的，每低1个百分点扣0.1分」: the bound is the base, the deduction runs below it
  const under = rxt`^([^,;。\\d]*?)(?:低于|不足|未达到)${NUM}(%)?(?:的)?,?(每(?:低|少|下降|减少|降低))(?:于)?${NUM}(个百分点|%)?(?:扣|减)${NUM}分[。;,]?$`.exec(t);
  if (under && ctx.section === null) {
    const [, , b, pct, word, st, su, am] = under;
    const [base, step, amount] = [numberText(b!), numberText(st!), numberText(am!)];
    if (base === undefined || step === undefined || amount === undefined) return undefined;
    if (pct && !su) return refusal("条文的基准是百分数，步长没有写单位，未能确定");
    if (su && !pct) return refusal("条文的基准不是百分数，步长却是百分点，未能确定");
    return reading([`基准 ${base}${pct ? "%" : ""} ${/少/.test(word!) ? "每少" : "每低"} ${step}${su ?? ""} 扣 ${amount}`], [amount]);
  }
  // 「…,扣完为止」: the item's points are the cap anyway
  const exhaust = capOf(t);
  if (exhaust && exhaust.value !== null) return undefined;
  if (exhaust) t = exhaust.rest;
  // 「合法率达92%12分,下降1个百分点扣1分」: the full points may be written without a verb
  const m = rxt`(?:达到?|为|在|控制在|高于或等于|大于或等于|不低于)?(?<![\\d.])${NUM}(%)?(?:\\(含\\))?(?:以上|及以上|以下|及以下|以内)?(?:的)?[,]?(?:(计|记|得)?${NUM}分|(?:计|记|得)(满分))?[,;]?(每?(?:低|少|下降|减少|降低|高|多|上升|超过|超|增加))(?:于)?${NUM}(个百分点|%)?(?:扣|减)${NUM}分[。;,]?$`.exec(t);
  if (!m || ctx.points === null || ctx.section !== null) return undefined;
  const [, baseNum, basePct, fullVerb, full, fullWord, word, stepNum, stepUnit, amountNum] = m;
  // full points without a verb only right after a percentage base (「合法率达92%12分」)
  if (full !== undefined && fullVerb === undefined && (!basePct || !new RegExp(`%${full}分`).test(m[0]))) return undefined;
  const base = numberText(baseNum!);
  // 「得满分」 or no full points written (「按期办结率100%，每降低1个百分点扣0.2分」): the item's points
  const points = full !== undefined ? numberText(full) : fullWord !== undefined || m[0].length > 0 ? ctx.points : undefined;
  const step = numberText(stepNum!);
  const amount = numberText(amountNum!);
  if (base === undefined || points === undefined || step === undefined || amount === undefined) return undefined;
  if (points !== ctx.points) return refusal(`条文写的满分 ${points} 分与本项分值 ${ctx.points} 分不一致，未能确定`);
  const below = /低|少|下降|减少|降低/.test(word!);
  const stepWord = below ? (/少/.test(word!) ? "每少" : "每低") : /超/.test(word!) ? "每超" : /多/.test(word!) ? "每多" : /增加/.test(word!) ? "每增加" : "每高";
  // the step's unit: 个百分点 or % for a percentage base; none otherwise
  if (stepUnit && !basePct) return refusal("条文的基准不是百分数，步长却是百分点，未能确定");
  if (basePct && !stepUnit) return refusal("条文的基准是百分数，步长没有写单位，未能确定");
  const rest = t.slice(0, m.index);
  // 「准确率高于或等于98%得2分」: the base's own word is before it
  if (rest !== "" && !/[,;。:：]$/.test(rest) && !/(?:率|比|数|量|度|值)(?:高于或等于|大于或等于|不低于)?$/.test(rest)) return undefined;
  if (rxt`${NUM}分`.test(rest)) return undefined;
  return reading([`基准 ${base}${basePct ? "%" : ""} ${stepWord} ${step}${stepUnit ?? ""} 扣 ${amount}`], full !== undefined ? [points, amount] : [amount]);
};

/**
 * 「优良天数比率：未完成年度目标任务的，每差1个百分点扣0.25分，扣完为止」: a deduction per step below the
 * target (the target is a fact of its own: 基准 目标值). Only a percentage step: 「每差1微克/立方米」 does
 * not say which side of the target is short (a pollutant is short above it) and stays a to-do.
 */
export const gapLinear: Pattern = (t0, ctx) => {
  if (ctx.section !== null) return undefined;
  const exhaust = capOf(t0);
  if (exhaust && exhaust.value !== null) return undefined;
  const t = exhaust ? exhaust.rest : t0;
  const m = rxt`^(?:[^,;。:]{0,16}:)?(?:未完成|未达到|没有完成|未实现)(?:年度|全年|本年度)?目标(?:任务|值)?(?:的)?,?每(?:差|少|低于?)${NUM}(个百分点)(?:扣|减)${NUM}分[。;,]?$`.exec(t);
  if (!m) return undefined;
  const [step, amount] = [numberText(m[1]!), numberText(m[3]!)];
  if (step === undefined || amount === undefined) return undefined;
  return reading([`基准 目标值 每低 ${step}个百分点 扣 ${amount}`], [amount]);
};

const COUNT_UNITS = "次|个|件|篇|项|人|家|户|条|起|处|例";

/**
 * 「全年组织专题学习不少于四次加2分，每增加一次加1分」: an award at a count, and more per step beyond it — two
 * rules on the same count (分段 { ≥ 4次 得 2 } and 基准 4次 每增加 1次 得 1). A count moves in whole steps,
 * so a part of a step is nothing (不足一档不计). Only an inclusive bound (不少于, 达到, 至少, 及以上) and
 * a count word the language has; a percentage (where a part of a step is a choice) stays a to-do.
 */
export const countPlusSteps: Pattern = (t) => {
  const m = rxt`^([^,;。]*?)(?:(?:不少于|达到|至少)${NUM}(${COUNT_UNITS})(?:以上|及以上)?|${NUM}(${COUNT_UNITS})(?:\\(含\\))?及以上)(?:的)?,?(?:加|得|计|记)${NUM}分[,;]?(?:超过部分|超出部分)?,?每(?:增加|多|超过|超出)(?:开展|组织|召开)?${NUM}(${COUNT_UNITS})?(?:加|得|计|记)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const [n, unit, award, stepNum, stepUnit, more] = [numberText((m[2] ?? m[4])!), (m[3] ?? m[5])!, numberText(m[6]!), numberText(m[7]!), m[8], numberText(m[9]!)];
  if (n === undefined || award === undefined || stepNum === undefined || more === undefined) return undefined;
  if (stepUnit !== undefined && stepUnit !== unit) return refusal(`条文的要求按「${unit}」，增加的却按「${stepUnit}」计分，未能确定`);
  if (/%|以下|以内/.test(m[1]!)) return undefined;
  return reading([`分段 { ≥ ${n}${unit} 得 ${award} }`, `基准 ${n}${unit} 每增加 ${stepNum}${unit} 得 ${more} 不足一档不计`], [award, more]);
};

/**
 * 「新增重复信访率12%的，得基准分8分，在此基数上，每下降1个百分点加1分，每上升1个百分点扣1分，扣完为止」: a
 * base with the item's points, and a step each way — one to gain, one to lose. Only when the base points
 * are the item's, the two steps go opposite ways and one gains while the other loses.
 */
export const twoSidedBase: Pattern = (t0, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const exhaust = capOf(t0);
  if (exhaust && exhaust.value !== null) return undefined;
  const t = exhaust ? exhaust.rest : t0;
  const STEP = `每(下降|降低|减少|低|少|上升|提高|增加|高|多)${NUM}(个百分点|%)(加|得|扣|减)${NUM}分`;
  const m = rxt`^[^,;。\\d]*?(?<![\\d.])${NUM}(%)(?:的)?,?(?:得|计|记)(?:基准分|基础分|基本分)?${NUM}分,?(?:在此基数上|在此基础上)?,?${STEP},${STEP}[。;]?$`.exec(t);
  if (!m) return undefined;
  const [base, , full] = [numberText(m[1]!), m[2], numberText(m[3]!)];
  if (base === undefined || full !== ctx.points) return undefined;
  const steps = [m.slice(4, 9), m.slice(9, 14)].map(([dir, num, unit, verb, amount]) => ({
    down: /下降|降低|减少|低|少/.test(dir!),
    num: numberText(num!),
    unit: unit!,
    gain: /加|得/.test(verb!),
    amount: numberText(amount!),
  }));
  const [a, b] = steps as [(typeof steps)[0], (typeof steps)[0]];
  if (a.down === b.down || a.gain === b.gain) return undefined;
  if (a.num === undefined || b.num === undefined || a.amount === undefined || b.amount === undefined) return undefined;
  const amounts = [a.amount, b.amount];
  const side = (s: typeof a, amount: string): string => `${s.down ? "每低" : "每高"} ${s.num}${s.unit} ${s.gain ? "得" : "扣"} ${amount}`;
  return reading([`基准 ${base}% ${side(a, amounts[0]!)}，${side(b, amounts[1]!)}`], [full, amounts[0]!, amounts[1]!]);
};

/**
 * 「每完成1000亩，加0.1分，以3分为限」「每铲除200株罂粟扣1分」: a step of a quantity larger than one, from
 * nothing (pattern 8 with base 0) — 基准 0 每增加 1000 得 0.1 上限 3. Only one amount (and a cap), a
 * step of at least 2 (one of something is a count, read elsewhere), nothing else numbered before it,
 * and the action the section allows. The step's unit is written only when the language has it.
 */
export const quantitySteps: Pattern = (t0, ctx) => {
  const cap = capOf(t0);
  const t = cap ? cap.rest : t0;
  const m = rxt`^(?:\\d+[、.]|\\(\\d+\\))?([^\\d;。]*?)每(?!月|年|季|周|半年|日|天|旬|学期|少|缺|低|降|减|下降)(?:完成|增加|新增|多|超过|超|[\\u4e00-\\u9fa5]{1,3}?)${NUM}(${UNITS})?([\\u4e00-\\u9fa5]{0,6}?),?(加|得|扣|减)${NUM}分[,;。]*$`.exec(t);
  if (!m) return undefined;
  const [, before, stepNum, unit, , verb, amountNum] = m;
  const [step, amount] = [numberText(stepNum!), numberText(amountNum!)];
  if (step === undefined || amount === undefined || !/^\d+$/.test(step) || decimalCompare(step, "2") < 0) return undefined;
  if (/以上|以下|低于|高于|超过|不足|达到|每/.test(before!)) return undefined;
  const gain = verb === "加" || verb === "得";
  if ((ctx.section === "加分" && !gain) || (ctx.section === "减分" && gain)) return undefined;
  if (unit !== undefined && unit.endsWith("百分点")) return undefined;
  const capText = cap?.value ? ` 上限 ${cap.value}` : "";
  return reading([`基准 0 ${gain ? "每增加" : "每超"} ${step}${unit ?? ""} ${gain ? "得" : "扣"} ${amount}${capText}`], [amount, ...(cap?.value ? [cap.value] : [])]);
};
