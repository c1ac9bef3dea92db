// Clauses whose kind decides the body, not an amount: vetoes, 按评价, 按比率, 酌情, and clauses about
// the whole catalogue.
import { amountsIn } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { NOUNS, unitOf } from "../units.js";

/** 「…满分100分进行折算」: a header item, not a rule. */
export const header: Pattern = (t) =>
  /折算/.test(t) && /满分/.test(t) ? refusal("条文是关于整个细则的折算，请写在细则头部（总分 … 折算）") : undefined;

/** 一票否决 / 单项否决 / 取消评优资格 (一票否优). */
export const veto: Pattern = (t, ctx) => {
  const fail = /一票否决|单项否决|实行否决/.test(t);
  const noExcellent = /一票否优|取消[^,;。]{0,12}评(?:优|先)(?:评先|评优)?资格|不得评为(?:优秀|先进)/.test(t);
  if (!fail && !noExcellent) {
    // a clause of an item named 「单项否决」「一票否决事项」 that writes no points: one of the item's vetoes
    const ofItem = ctx.section === null && /否决|否优/.test(ctx.indicator) && !/否决.*否优|否优.*否决/.test(ctx.indicator);
    if (!ofItem || rxt`${NUM}分`.test(t) || /扣|得分|加分|减分|不得分/.test(t)) return undefined;
    return reading([/否优/.test(ctx.indicator) ? "一票否优" : "一票否决"], []);
  }
  if (fail && noExcellent) return refusal("条文既有一票否决又有一票否优，未能确定是哪一种");
  if (/不得分|不计分|扣分|扣除/.test(t)) return refusal("条文既有否决（否优）又有不得分或扣分，未能确定是一条还是两条规则");
  if (rxt`${NUM}分`.test(t)) return refusal("条文既有否决又有分值，未能确定计分方式");
  return reading([fail ? "一票否决" : "一票否优"], []);
};

/** 按评价 得分: the points are given by an assessment the clause refers to. */
export const assessed: Pattern = (t, ctx) => {
  if (/满意度|满意率/.test(t) && /调查结果|测评结果/.test(t)) return refusal("条文按满意度调查结果计分：是按满意率（按比率）还是按评价，未能确定");
  const by = /(?:依据|根据|按照?)[^,;。]{0,6}(?:评价|测评|考核|考评)结果(?:确定|计算)?得分|根据实际情况进行评分|根据实际情况评分|按照《[^》]+》[^,;。]*(?:考核打分|执行|打分|评分)|评价[。,]?占(\d+(?:\.\d+)?)分/.exec(t);
  if (!by) return undefined;
  if (by[1] !== undefined && ctx.points !== null && numberText(by[1]) !== ctx.points) return refusal(`条文的「占${by[1]}分」与本项分值 ${ctx.points} 分不一致`);
  const rest = t.replace(by[0], "");
  if (rxt`${NUM}分`.test(rest)) return refusal("条文既按评价计分又写有分值，未能确定计分方式");
  return reading(["按评价 得分"], amountsIn(by[0]));
};

/** 按比率 得分: 「未完成的，按完成比例得分」. */
export const rate: Pattern = (t) => {
  if (!/按(?:照)?(?:实际)?完成(?:比例|比率|率)(?:折算)?(?:得分|计分|计算得分)|按相应比例扣分|按完成比例计分|按比例(?:折算)?得分/.test(t)) return undefined;
  if (/标准分|基本分/.test(t) && !/完成任务得基本分|得基本分;|满分/.test(t)) return refusal("条文按比例计分，但满分是「标准分」，未能确定其分值");
  if (rxt`${NUM}分`.test(t)) return refusal("条文按比例计分又写有分值，未能确定满分");
  return reading(["按比率 得分"], []);
};

/** 酌情扣分: a range (「扣5-10分」「扣5分至10分」), or no number at all (up to the item's points). */
export const discretion: Pattern = (t, ctx) => {
  const odd = rxt`按次${NUM}-${NUM}扣分`.exec(t);
  if (odd && !rxt`${NUM}分`.test(t)) {
    const [a, b] = [numberText(odd[1]!), numberText(odd[2]!)];
    if (a !== undefined && b !== undefined) return reading([`每次 酌情 扣 ${a} 至 ${b}`], []);
  }
  const range = rxt`(按次|一次|每(?:${NOUNS}))?(酌情)?(扣|减|加|得)${NUM}(?:分)?(?:-|至|到)${NUM}分`.exec(t);
  if (range) {
    const [, per, , verb, a, b] = range;
    const min = numberText(a!);
    const max = numberText(b!);
    if (min === undefined || max === undefined) return undefined;
    const action = verb === "扣" || verb === "减" ? "扣" : "得";
    const rest = t.replace(range[0], "");
    if (rxt`${NUM}分`.test(rest)) return refusal("条文除酌情范围外还有分值，未能确定计分方式");
    // the count word: before the range (「每例减5-10分」「按次扣」) or after it (「扣1-2分/次」)
    const slash = /^\/([\u4e00-\u9fa5]{1,2})/.exec(t.slice(range.index + range[0].length));
    let unit = per === undefined ? undefined : per === "按次" || per === "一次" ? "每次" : unitOf(per.slice(1));
    if (slash) {
      if (unit || !unitOf(slash[1]!)) return refusal("条文按「/…」酌情计分，未能确定计数单位");
      unit = unitOf(slash[1]!);
    }
    if (!unit && /每(?!次)[^,;。]{0,6}(?:一|1)?(?:件|项|条|人|处|起|例)/.test(t.slice(0, range.index))) return refusal("条文按件酌情计分，未能确定计数的单位");
    return reading([`${unit ? `${unit} ` : ""}酌情 ${action} ${min} 至 ${max}`], amountsIn(range[0]));
  }
  if (/酌情(?:扣分|减分)|视[^,;。]*情况[^,;。]*扣分/.test(t) && !rxt`${NUM}分`.test(t)) {
    if (ctx.points === null || ctx.section !== null) return refusal("条文酌情扣分，但本项没有分值，未能确定扣分的上限");
    return reading([`酌情 扣 0 至 ${ctx.points}`], []);
  }
  // 「根据工作落实情况酌情打分」 with no number: the assessors give a score up to the item's (or its row's) points —
  // 评议 得分 (模式 36), as 「考评组…打分，最高分为5分」 is; no deduction word, or it is 酌情扣分 above
  // (记分 as 计分, 「…认定合格的,记满分;否则酌情记分」: full points or the assessors' score — session 25, s25-tune15; a
  // clause that is only the other side, 「否则酌情记分」, belongs to its sibling's award: not read alone)
  if (/酌情(?:打分|评分|给分|计分|记分)[。;]?$/.test(t) && !/^否则/.test(t) && !/扣|减|加/.test(t) && !rxt`${NUM}分`.test(t)) {
    const cap = ctx.rowPoints ?? ctx.points;
    if (cap === null || cap === undefined || ctx.section !== null) return refusal("条文酌情打分，但本项没有分值，未能确定最高分");
    return reading([`评议 得分 上限 ${cap}`], []);
  }
  if (/酌情/.test(t)) return refusal("条文酌情计分，未能确定范围");
  return undefined;
};

/** 「综合考评」「综合评定」 closing its phrase, then the item's points: the assessor's judgement is the score. */
export const overallJudgement: Pattern = (t, ctx) => {
  const m = rxt`综合(?:考评|评定|评价|考核|评分)(?:打分|计分|评分)?[,;]?(?:(?:该|本|此)项)?(?:根基|基本|基础)?(?:分值|分数)?(?:为|计)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  if (amountsIn(t).length !== 1) return undefined;
  const n = numberText(m[1]!);
  if (ctx.section !== null || ctx.points === null) return refusal("条文综合评定计分，但本项没有分值，未能确定满分");
  if (n !== ctx.points) return refusal(`条文综合评定的分值 ${m[1]} 分与本项分值 ${ctx.points} 分不一致，未能确定`);
  return reading(["按评价 得分"], [n]);
};
