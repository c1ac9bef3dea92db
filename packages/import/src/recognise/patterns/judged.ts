// Scores the assessor judges or another assessment gives (session 29, issue 13):
//   「按程度计分。」 (a 15-point item)                                     → 评议 得分 上限 15
//   「路肩保持干净,无杂草丛生现象。按程度进行计分」                         → 评议 得分 上限 5
//   「记录齐全得4分,记录不全酌情给分,无记录不得分」 (a 4-point item)        → 评议 得分 上限 4
//   「按群众满意度调查得分平均值计算。」                                   → 按评价 得分
// Scored 「by degree」 with no number is the assessor's judgement up to the item's points: 评议 (the corpus's convention
// for 酌情 without a number). Full marks for the requirement met, nothing when it is missing and 酌情 between is the
// same judgement, its ceiling the full marks. A score that is another assessment's score (a survey's 得分, its average)
// is 按评价. Only in an ordinary item with its points known (评议's ceiling), never beside another amount.
import { amountsIn } from "../amounts.js";
import { canon } from "../../decimal.js";
import { reading, type Pattern } from "../reading.js";

/** 「按程度(进行)计分」「视程度评分」: scored by degree. */
const BY_DEGREE = /(?:按|视|根据)(?:其)?程度(?:进行)?(?:计分|评分|打分|给分|得分)[。;,]?$/;

/** 「X得P分,Y酌情给分,Z不得分」: full marks, the assessor's judgement between, nothing at the bottom. */
const FULL_JUDGED_NOTHING = /^([^,;。\d]+?)(?:的)?,?(?:得|计|记)(\d+(?:\.\d+)?)分[,;]([^,;。\d]+?)(?:的)?,?酌情(?:给分|计分|得分|评分|打分)[,;]([^,;。\d]+?)(?:的)?,?(?:该项|本项)?不(?:得|计|记|给)分[。;]?$/;

/** 「按群众满意度调查得分平均值计算」: the score is a survey's (or another assessment's) score. */
const SURVEY_SCORE = /^按[^,;。\d]{0,12}?(?:调查|测评|评议|考评|评价)(?:的)?(?:得分|分数)(?:的)?(?:平均值|平均分)?(?:计算|计分|确定)?[。;]?$/;

export const byDegree: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null || !BY_DEGREE.test(t) || /\d/.test(t)) return undefined;
  return reading([`评议 得分 上限 ${canon(ctx.points)}`], []);
};

export const fullJudgedNothing: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = FULL_JUDGED_NOTHING.exec(t);
  if (!m || canon(m[2]!) !== canon(ctx.points) || amountsIn(t).length !== 1) return undefined;
  return reading([`评议 得分 上限 ${canon(ctx.points)}`], [m[2]!]);
};

export const surveyScore: Pattern = (t, ctx) => (ctx.section === null && SURVEY_SCORE.test(t) ? reading(["按评价 得分"], []) : undefined);

/** The patterns of judged scores, tried first. */
export const judgedPatterns: readonly Pattern[] = [byDegree, fullJudgedNothing, surveyScore];
