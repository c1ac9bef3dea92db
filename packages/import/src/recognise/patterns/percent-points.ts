// Rates scored per percentage point (session 25, general class; 语言参考 §5.5, 模式 8 / 21 / 5.4.1): a step in
// 个百分点 (or %) with its direction word, an amount, and the base the step counts from — where the clause (or
// its item) gives it. Each reading names where its base comes from:
//   「延长审限结案比超过10%的。每超一个百分点扣0.4分」       → 基准 10% 每超 1个百分点 扣 0.4      (a bound before the step)
//   「达到27%的得满分,每低一个百分点扣0.2」                   → 基准 27% 每低 1个百分点 扣 0.2      (the rate for full points)
//   「合格率大于90%,达标为40分,每低1%扣2分」(40 the item's)   → 基准 90% 每低 1% 扣 2
//   「超审限案件每一个百分点扣0.4分」                          → 基准 0% 每高 1个百分点 扣 0.4       (each point of a bad thing)
//   「每超额完成10%加3分,最多加9分」(加分)                     → 基准 100% 每增加 10% 得 3 上限 9   (above the whole task)
//   「每下降5个百分点扣1分」 under an item 「…入户率达100%」    → 基准 100% 每低 5个百分点 扣 1      (the item's rate)
//   「完成率达到100%的得满分,≥50%的按比例得分,低于50%的不得分」 (P the item's)
//                                        → 分段 { ≥ 100% 得 P [50%, 100%) 得 P 每低 1个百分点 扣 P/100 }
// A step with no base the clause or its item states (「每下降1个百分点扣1分」 alone), a base on the wrong side of
// the step (「达到90%…每超1个百分点扣」), two rates in the clause, or full points that are not the item's: a to-do
// whose reason says which. 「未完成目标…每低」 is left to the target patterns (linear.ts: 基准 目标值).
import { capOf } from "../amounts.js";
import { ratesByClass } from "./rates-by-class.js";
import { decimalCompare, shareOf } from "../../decimal.js";
import { NUM, normalise, numberText, rxg, rxt } from "../normalise.js";
import { reading, refusal, type Pattern, type PatternResult } from "../reading.js";
import { namedShareMasked } from "./proportion.js";

const DOWN = "低于|少于|低|少|差|下降|降低|减少";
const UP = "超过|超出|超|高于|高出|高|多于|多|增加|增长|上升|提高";

/** The step and its amount at the end of the clause (a cap or 扣完为止 taken off before). */
const STEP_TAIL = rxt`(?:按)?(每)?(超额完成|${DOWN}|${UP}|有)?${NUM}?(个百分点|百分点|%),?(分别)?(扣除|扣减|扣|减|加|得)${NUM}(?:分)?[。;,.]*$`;

/** Words with 分 that are no points (「分配任务」「分解」「部分」「充分」): 分 in the base phrase is a points word otherwise. */
const NOT_POINTS = /分(?:配|别|解|管|类|工|期|批|局|布|析|散|级|区|娩)|(?:部|区|充|十|划|成|省|县|市)分/g;

/** Base words before a percentage: which side of it the step may run. */
const BASE_BELOW_OK = /^(?:达到|达|到达|为|在|不低于|不少于|高于或等于|大于或等于|≥|大于|高于|低于|不足|未达到|未达|少于|小于)?$/;
// (「漏补报率低于2%,每超过一个百分点扣0.5分」: 低于 a rate is its ceiling, as 不超过 is — the linear rule is the same at
// the bound itself, nothing above it; session 29, helper rates)
const BASE_ABOVE_OK = /^(?:超过|超出|高于|大于|多于|不超过|控制在|≤|为|在|低于|少于|小于)?$/;

/** Words before a base percentage, longest first. */
const BASE_WORDS = /高于或等于|大于或等于|不低于|不少于|不超过|控制在|未达到|到达|达到|超过|超出|多于|低于|不足|未达|少于|小于|大于|高于|≥|≤|达|为|在/g;

/** The base phrase at the end of the head: 「…超过10%的。」「达到27%的得满分,」「大于90%,达标为40分,」. */
const BASE_END = rxt`([^,;。\\d%]{0,16}?)${NUM}%(\\(含\\))?(以上|及以上|以下|及以下|以内|为基准|为标准)?(?:的)?(?:[,。]?(?:得满分|计满分|记满分|为满分|不扣分|(?:得|计|记|达标为|为|可得)${NUM}分))?[,。;]?$`;

/** The base's other side before it: 「达到90%以上的得满分,」「在90%(含)以上的,得5分;」 (5 the item's points). */
const BOTH_SIDES = (base: string, points: string | null): RegExp =>
  new RegExp(`^[^,;。\\d%]{0,16}?(?:达到|达|在|不低于)${base.replace(".", "\\.")}%(?:\\(含\\))?(?:以上|及以上)?(?:\\(含\\))?(?:的)?,?(?:得满分|计满分|不扣分${points !== null ? `|(?:得|计|记)${points.replace(".", "\\.")}分` : ""})[,;。]$`);

/** Rates with their base in the item or its name: 「小学适龄儿童入学率达到100%」「每次入户率达100%」. */
const ITEM_RATES = rxg`([\\u4e00-\\u9fa5]{1,12}?率)(?:要)?(?:达到|达|不低于)${NUM}%`;

/** Rates that are better higher: 「每个百分点」 of them cannot be a deduction per point of the rate itself. */
const GOOD_RATE = /办结|结案率|达标|合格|满意|及时|准确|覆盖|知晓|到位|受理率|完好|优良|通过|参保|入学|执行率|报送率|登记率|签订率|完成率/;

/** Refusals certain enough to stop the patterns after this one (a base on the wrong side of its step, full points not the item's). */
const SURE = new WeakSet<object>();
function sure(reason: string): PatternResult {
  const r = refusal(reason);
  SURE.add(r);
  return r;
}

const ROUTE = "条文按个百分点（或百分数）逐档计分";

function stepWord(word: string | undefined, per: boolean): "down" | "up" | "none" | undefined {
  if (word === undefined || word === "有") return per ? "none" : undefined;
  if (word === "超额完成") return "up";
  return new RegExp(`^(?:${DOWN})$`).test(word) ? "down" : "up";
}

/** The rule body of one side. */
function body(base: string, dir: "down" | "up", word: string | undefined, step: string, unit: string, verb: "扣" | "得", amount: string, cap: string | null): string {
  const w = dir === "down" ? (word !== undefined && /少/.test(word) ? "每少" : "每低") : verb === "得" ? "每增加" : word !== undefined && /超/.test(word) ? "每超" : "每高";
  return `基准 ${base} ${w} ${step}${unit} ${verb} ${amount}${cap !== null ? ` 上限 ${cap}` : ""}`;
}

/** 「申报登记率达100%,注销率达100%,少一个百分点分别扣2分」: each rate its own base, one rule each. */
function severalRates(head: string, dir: "down" | "up" | "none", word: string | undefined, step: string, unit: string, verb: "扣" | "得", amount: string, cap: string | null, used: readonly string[]): PatternResult {
  const parts = head.split(/[,;。]/).filter((p) => p !== "");
  const bases = parts.map((p) => rxt`^[^\\d%]*?率(?:达到|达|为|不低于)?${NUM}%(?:以上|及以上)?$`.exec(p));
  if (dir !== "down" || verb !== "扣" || parts.length < 2 || bases.some((b) => b === null)) return refusal(`${ROUTE}，又写「分别」，未能确定各条的基准`);
  const values = bases.map((b) => numberText(b![1]!));
  if (values.some((v) => v === undefined)) return undefined;
  return reading(values.map((v) => body(`${v!}%`, "down", word, step, unit, verb, amount, cap)), used);
}

/** The clause read as a linear rule per percentage point (or %), or why not (a refusal), or not this class. */
const analyse: Pattern = (whole, ctx): PatternResult => {
  // 「…;低于80%的,本项不得分」: a cut-off after the steps (语言参考 §5.5 截断), written into each rule
  const cut = CUTOFF.exec(whole);
  const r = analyseSteps(cut ? whole.slice(0, cut.index) : whole, ctx);
  if (!cut || r?.kind !== "reading") return r;
  const below = /低于|不足|未达到|少于/.test(cut[1]!);
  const edge = numberText(cut[2]!);
  if (edge === undefined) return undefined;
  const bodies: string[] = [];
  for (const b of r.bodies) {
    const m = /^基准 ([\d.]+)% (每低|每少|每超|每高) .* 扣 [\d.]+(?: 上限 [\d.]+)?$/.exec(b);
    // the cut-off on the side the steps run, beyond the base
    if (!m || /每低|每少/.test(m[2]!) !== below || decimalCompare(edge, m[1]!) !== (below ? -1 : 1)) return sure(`${ROUTE}，又写「${cut[0].replace(/^[,;。]/, "")}」，未能确定它与基准的关系`);
    bodies.push(b.replace(/( 上限 [\d.]+)?$/, (capText) => ` ${below ? "低于" : "高于"} ${edge}% 不得分${capText}`));
  }
  return reading(bodies, r.used);
};

/** A cut-off at the end of the clause: 「;低于80%的,本项不得分」「,超过10%的不得分」. */
const CUTOFF = rxt`[,;。](低于|不足|未达到|少于|高于|超过)${NUM}%(?:的)?,?(?:本项|该项|此项)?(?:不得分|计0分|得0分|不计分)[。;]?$`;

const analyseSteps: Pattern = (t0, ctx): PatternResult => {
  const c = capOf(t0);
  const t = c ? c.rest : t0;
  const m = STEP_TAIL.exec(t);
  if (!m) return undefined;
  const [, per, word, stepNum, unit, severally, verbWord, amountNum] = m;
  if (per === undefined && word === undefined) return undefined;
  // without 每 only a step's word (「下降1个百分点扣1分」「降低0.1%扣0.05分」), never a bound (「低于100%,扣2分」)
  if (per === undefined && !/^(?:少|差|下降|降低|减少|上升|增长|提高)$/.test(word!)) return undefined;
  const verb: "扣" | "得" = /^(?:扣除|扣减|扣|减)$/.test(verbWord!) ? "扣" : "得";
  const dir = stepWord(word, per !== undefined);
  // 「每个百分点」: a step of one point (only 个百分点 after 每)
  if (stepNum === undefined && (per === undefined || unit === "%")) return undefined;
  const [step, amount] = [stepNum === undefined ? "1" : numberText(stepNum), numberText(amountNum!)];
  if (dir === undefined || step === undefined || amount === undefined) return undefined;
  const cap = c?.value ?? null;
  if (cap !== null && verb === "扣" && ctx.section === null && ctx.points !== null && cap === ctx.points) return undefined;
  let head = t.slice(0, m.index).replace(/^(?:\(\d+\)|\d+[、.]|[①-⑳])/, "");
  // a definition or lead-in with a colon: 「③优良天数比率(1分):」 — left to the other patterns
  const pctCount = (head.match(/%/g) ?? []).length;
  // 「未完成目标任务的,每差…」: the target patterns' (基准 目标值); a base relative to last year or an average: not this class
  // (比例 that names the share measured — 「双季稻种植比例达到80%的」 — is the rate itself: namedShareMasked, session 25 s25-tune15)
  if (/比例|平均|上年|同期|基数|基本标准/.test(namedShareMasked(head))) return undefined;
  // (what the target patterns leave: 「未完成目标的予以扣分,按每低5个百分点」 — the target's own value or 100 % of the task)
  if (pctCount === 0 && /目标|任务/.test(head) && word !== "超额完成") return refusal(`${ROUTE}，基准是「目标」：是本单位的目标值还是完成率100%，条文没有写明，未能确定`);
  const unitOut = unit === "%" ? "%" : "个百分点";
  const used = [amount, ...(cap !== null ? [cap] : [])];
  // (a) the base stated before the step
  if (pctCount > 0) {
    if (severally !== undefined) return severalRates(head, dir, word, step, unitOut, verb, amount, cap, used);
    // 「申报率,要求企业达到98%、个体95%每差1%,扣10分」: each class from its own requirement (rates-by-class.ts, session 29)
    const byClass = ratesByClass(head);
    if (byClass !== undefined) {
      if (dir !== "down" || verb !== "扣") return refusal(`${ROUTE}，又按几类单位写了几个基准，未能确定`);
      return reading(byClass.map((v) => body(`${v}%`, "down", word, step, unitOut, verb, amount, cap)), used);
    }
    const b = BASE_END.exec(head);
    if (!b) return undefined;
    // 「达到90%以上的得满分,低于90%的,每低1个百分点…」: the base said from both sides, the first its full points
    const before = head.slice(0, b.index);
    const bothSides = pctCount === 2 && BOTH_SIDES(b[2]!, ctx.points).test(before);
    if (pctCount > 1 && !bothSides) return refusal(`${ROUTE}，但条文中有几个百分数，未能确定哪一个是基准`);
    const [, between, baseNum, , side, full] = b;
    // (分 of a points word only: 「完成分配任务95%以上的」 names the task, session 25 s25-tune15 — NOT_POINTS)
    if ((!bothSides && /\d/.test(before)) || /分/.test(between!.replace(NOT_POINTS, ""))) return undefined;
    const base = numberText(baseNum!);
    if (base === undefined) return undefined;
    if (full !== undefined) {
      // full points and a cap of another amount (「得6分,…最多扣3分」): left a to-do (recognise-phrasings.test.ts)
      if (cap !== null) return undefined;
      const f = numberText(full);
      if (f !== ctx.points) return sure(`条文写的满分 ${full} 分与本项分值 ${ctx.points ?? "（未写）"} 分不一致，未能确定`);
    }
    const w = [...between!.matchAll(BASE_WORDS)].pop()?.[0] ?? "";
    const belowSide = side !== undefined && /以下|以内/.test(side);
    const aboveSide = side !== undefined && /以上/.test(side);
    if (dir === "down" && (!BASE_BELOW_OK.test(w) || belowSide)) return sure(`${ROUTE}（低于基准扣分），但基准「${b[0].replace(/[,。;]$/, "")}」写的是上限，未能确定`);
    if (dir === "up" && verb === "扣" && (!BASE_ABOVE_OK.test(w) || aboveSide)) return sure(`${ROUTE}（高于基准扣分），但基准「${b[0].replace(/[,。;]$/, "")}」写的是下限，未能确定`);
    if (verb === "得" && ctx.section !== "加分") return refusal(`${ROUTE}加分，但不在加分项中，未能确定加分是否可以超出本项分值`);
    if (dir === "none") {
      if (verb !== "扣" || !/^(?:超过|超出|高于|大于|多于)$/.test(w)) return refusal(`${ROUTE}，「每个百分点」没有写明高于还是低于基准，未能确定`);
      return reading([body(`${base}%`, "up", "超", step, unitOut, verb, amount, cap)], full !== undefined ? [full, ...used] : used);
    }
    if (verb === "扣" && (ctx.section !== null || ctx.points === null) && full !== undefined) return undefined;
    return reading([body(`${base}%`, dir, word, step, unitOut, verb, amount, cap)], full !== undefined ? [numberText(full)!, ...used] : used);
  }
  // 「完成下达种植计划面积的,记35分,每少1个百分点扣0.5分」 (35 the item's): a plan of a quantity done is 100 % of it —
  // the points below count from there (a 目标 or 任务, which may be a rate itself, stays the refusal above; session 25,
  // s25-tune15)
  const plan = rxt`^(?:[^,;。\d%]*,)?[^,;。\d%]*?完成[^,;。\d%]*?计划[^,;。\d%]*?(?:的)?,?(?:记|计|得)${NUM}分,?$`.exec(head);
  if (plan && dir === "down" && verb === "扣" && ctx.section === null && ctx.points !== null && numberText(plan[1]!) === ctx.points && cap === null) {
    return reading([body("100%", "down", word, step, unitOut, verb, amount, cap)], [ctx.points, ...used]);
  }
  if (/\d/.test(head)) return undefined;
  // (b) no base in the clause
  if (dir === "none") {
    // 「超审限案件每一个百分点扣0.4分」: each point of a share the clause names — from 0
    if (unit === "%") return undefined;
    if (/达到|达|不低于|以上|完成|满分/.test(head) || GOOD_RATE.test(head)) return refusal(`${ROUTE}，「每个百分点」没有写明高于还是低于基准，未能确定`);
    return reading([body("0%", "up", undefined, step, unitOut, verb, amount, cap)], used);
  }
  if (dir === "up") {
    if (verb === "扣") return refusal(`${ROUTE}，但没有写明从哪个比率算起（基准），未能确定`);
    if (ctx.section !== "加分") return refusal(`${ROUTE}加分，但不在加分项中，未能确定加分是否可以超出本项分值`);
    // 「每超额完成10%加3分」: above the whole task (100%). 「每提高一个百分点加0.5分」 does not say from what: the
    // rise itself from 0 (dyf-10's hand) or the rate from a target — a to-do (recognise-phrasings.test.ts's near-misses)
    if (word === "超额完成") return reading([body("100%", "up", word, step, unitOut, verb, amount, cap)], used);
    return refusal(`${ROUTE}，但没有写明从哪个比率算起（基准），未能确定`);
  }
  // down, no base in the clause: the item's rate(s) (「…入学率达到100%。初中入学率达到98%以上」: one rule each)
  if (verb !== "扣") return refusal(`${ROUTE}，但没有写明从哪个比率算起（基准），未能确定`);
  const rates = [...normalise(`${ctx.item ?? ""}。${ctx.indicator}`).matchAll(ITEM_RATES)];
  if (rates.length === 0) return refusal(`${ROUTE}，但没有写明从哪个比率算起（基准），本项也没有写，未能确定`);
  const bases = rates.map((r) => numberText(r[2]!));
  if (bases.some((x) => x === undefined)) return undefined;
  if (severally === undefined && rates.length > 1 && head !== "") return refusal(`${ROUTE}，本项写有几个比率，未能确定条文按哪一个计分`);
  // the clause's own rate must be the item's (「居民健康知识入户率」 and 「每次入户率达100%」)
  if (rates.length === 1 && /率/.test(head) && !head.includes(rates[0]![1]!.slice(-3))) return refusal(`${ROUTE}，条文的比率与本项写的「${rates[0]![0]}」不是同一个，未能确定基准`);
  return reading(bases.map((x) => body(`${x!}%`, "down", word, step, unitOut, verb, amount, cap)), used);
};

/**
 * 「低10个百分点以上计0分」「低于目标10个百分点以上的不得分」: how far below the target voids the item — a band on
 * the gap in 个百分点 (以上 includes its number, as every bare 以上 band the corpus writes).
 */
export const gapCutoff: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^(?:比|较)?(?:目标值?|任务)?(?:低于?|差)(?:目标值?)?${NUM}个百分点(?:以上|及以上)(?:的)?,?(?:本项|该项|此项)?(?:计0分|不得分|得0分|不计分)[。;]?$`.exec(t);
  if (!m) return undefined;
  const n = numberText(m[1]!);
  return n === undefined ? undefined : reading([`分段 { ≥ ${n}个百分点 不得分 }`], []);
};

/**
 * 「每低于目标值1个百分点扣0.5分」「发生率每超过目标1个百分点扣1分」: the step says it counts from the target — a
 * linear rule from each unit's target (基准 目标值). Only a percentage-point or % step, nothing else numbered before it.
 */
export const targetStep: Pattern = (t0, ctx) => {
  // (基准 目标值 only in an indicator: KP2054)
  if (ctx.section !== null) return undefined;
  const c = capOf(t0);
  const t = c ? c.rest : t0;
  const m = rxt`^([^\\d;。]*?)(?:比目标值?|较目标值?)?每(低于|少于|高于|超过|超出|低|高)(?:目标值|目标|计划目标|计划)${NUM}(个百分点|百分点|%),?(扣除|扣减|扣|减)${NUM}分[。;,.]*$`.exec(t);
  if (!m || /%|目标|任务/.test(m[1]!)) return undefined;
  const [, , word, stepNum, unit, , amountNum] = m;
  const [step, amount] = [numberText(stepNum!), numberText(amountNum!)];
  if (step === undefined || amount === undefined) return undefined;
  const cap = c?.value ?? null;
  const down = /低|少/.test(word!);
  return reading([`基准 目标值 ${down ? "每低" : "每超"} ${step}${unit === "%" ? "%" : "个百分点"} 扣 ${amount}${cap !== null ? ` 上限 ${cap}` : ""}`], [amount, ...(cap !== null ? [cap] : [])]);
};

/** The readings of the class, tried first: a clause it cannot read is left to the other patterns. */
export const percentPoints: Pattern = (t, ctx) => {
  const r = analyse(t, ctx);
  return r?.kind === "reading" || (r !== undefined && SURE.has(r)) ? r : undefined;
};

/**
 * The class's to-dos, tried after every other pattern but the counts (whose reason, 「计数单位未能确定」, would
 * say nothing of the base): why a step per percentage point could not be read.
 */
export const percentPointsTodo: Pattern = (t, ctx) => {
  const r = analyse(t, ctx);
  return r?.kind === "refusal" && !SURE.has(r) ? r : undefined;
};

/**
 * 「完成率达到100%的得满分,完成率≥50%的按比例得分,低于50%的不得分」: full points at 100 %, the item's points
 * times the rate between the floor and 100 % (written as the points less P/100 per point below 100, 语言参考
 * 5.4.1), nothing below the floor. Only 100 % as the top (a proportion of another top is not an exact step), the
 * floor stated on both sides with the same number, and the item's points known.
 */
export const proportionalBand: Pattern = (t, ctx) => {
  if (ctx.points === null || ctx.section !== null) return undefined;
  const m = rxt`^(?:[^,;。\\d]*?(?:到达|达到|达)100%(?:的)?(?:得满分|计满分),)?[^,;。\\d]*?(?:≥|不低于|达到|在)${NUM}%(?:\\(含\\))?(?:以上)?(?:的)?按比例(?:得分|计分),[^,;。\\d]*?(?:低于|不足|<|未达到)${NUM}%(?:的)?(?:不得分|不计分|计0分|得0分)[。;]?$`.exec(t);
  if (!m) return undefined;
  const [lo, lo2] = [numberText(m[1]!), numberText(m[2]!)];
  if (lo === undefined || lo !== lo2 || !(Number(lo) > 0 && Number(lo) < 100)) return undefined;
  const perPoint = shareOf(ctx.points, "1");
  if (perPoint === undefined) return undefined;
  return reading([`分段 { ≥ 100% 得 ${ctx.points} [${lo}%, 100%) 得 ${ctx.points} 每低 1个百分点 扣 ${perPoint} }`], []);
};

