// Review signals on scoring words (review.ts): the clause says the score is judged or measured as a rate,
// the reading is one fixed amount.
import { maskNonScoring } from "./accounting.js";
import type { ReviewSignal } from "./review-signal.js";

const JUDGED = /打分|评分|综合考评|综合评定|综合评价|视[^,;。]{0,12}(?:情况|程度|情节|效果|价值|成效)|酌情/;
/** A rate measured against a number (「及时率达95%」「总错比≤0.6‰」) or a score computed from it (「得分=…率」), not the points after it (「一致率(0.3分)」). */
const RATE = /[\u4e00-\u9fa5]{0,4}率[^,;。分]{0,6}?(?:[≤≥<>=]|\d+(?:\.\d+)?(?:%|‰))|得分=|[≤≥<>]|‰/;

export const WORD_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「考评组视项目的推广价值和实际成效进行打分,最高分为5分」 read 得 5
    name: "judged-fixed",
    weight: 2,
    check: (t, _bodies, _ctx, f) => {
      const m = JUDGED.exec(t);
      return m && f.oneShot ? `条文说「${m[0]}」，规则却是一个确定的分值` : undefined;
    },
  },
  {
    // 「得分=及时受理率 c 5分」 read 得 5
    name: "rate-fixed",
    weight: 2,
    check: (t, _bodies, _ctx, f) => {
      const m = RATE.exec(maskNonScoring(t));
      return m && f.oneShot && !f.otherwise ? `条文说的是「${m[0]}」，规则却是一个确定的分值` : undefined;
    },
  },
  {
    // 「采取一票否决的办法,年末不评优」 read 一票否决: the clause withholds honours, the reading voids the score
    name: "veto-not-honours",
    weight: 2,
    check: (t, _bodies, _ctx, f) => (f.veto && !/一票否优/.test(f.all) && /不(?:得|能|予)?评(?:优|先)|取消.{0,4}评(?:优|先)/.test(t) && !/否决[^,;。]{0,4}(?:得分|考核|分数)|不得分|计0分|为0分/.test(t) ? "条文说的是不评优，规则却是一票否决（否决得分）" : undefined),
  },
  {
    // 「建立机制但无文件得l分」: a letter where a digit stands, the amount may be misread
    name: "letter-for-digit",
    weight: 3,
    check: (t) => {
      const m = /(?<![A-Za-z])[lIOo](?=分)|(?<=[扣得加计记减])[lIOo](?![A-Za-z])/.exec(t);
      return m ? `条文中的「${m[0]}」写在分值的位置，可能是数字` : undefined;
    },
  },
  {
    // 「依据…考核满分2分;…扣0.2分/人」 read 得 2 / 每人 扣 0.2: the item's points as an award beside deductions
    name: "points-beside-deductions",
    weight: 2,
    check: (_t, bodies, ctx) => {
      if (ctx.points === null || bodies.length < 2) return undefined;
      const award = bodies.find((b) => b === `得 ${ctx.points}`);
      return award !== undefined && bodies.some((b) => /(?:^|\s)扣 /.test(b)) ? `规则把本项的分值写成一条得分（${award}），又另有扣分，得分的条件条文可能没有写` : undefined;
    },
  },
];
