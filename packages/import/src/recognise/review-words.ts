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
];
