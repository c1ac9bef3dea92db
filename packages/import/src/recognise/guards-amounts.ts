// Guards on a finished reading (session 24, from the tenth fresh set): how the clause writes its amount — an overall
// judgement (「…综合考评，该项根基分值为0.4分」: the assessor's score), a dash that may be a minus sign, a range of
// points. A reading that does not account for them is a to-do with a Chinese reason.
import type { Guard } from "./guards.js";
import { NUM, rxt } from "./normalise.js";

/**
 * 「…综合考评，该项分值为0.4分」: the points are the assessor's judgement over the item, not an award for a
 * fact — only where the judgement ends its phrase (「综合考核为优秀的得2分」 is an award for an outcome).
 */
const JUDGEMENT = /(?:综合(?:考评|评定|评价|考核|评分|评议|打分)|评议(?:打分|计分|评分))(?=[,;。]|(?:计|得|记)?分(?!为|\d))/;

/** 「每缺一种—0.5分」: a dash before an amount, not after a number (a minus sign, or a heading's dash). */
export const SIGNED = rxt`(?<![\\d.%])-${NUM}分`;

/** 「扣1-4分」「1至3分」: a range of points (the assessor chooses in it). */
const RANGE = rxt`(?<![\\d.])${NUM}(?:分)?(?:-|至|到)${NUM}分`;

// 「按…等处境综合考评，该项根基分值为0.4分」 read 得 0.4 (zbgz-01): the judgement is the score
export const overallJudgementScore: Guard = {
  name: "overall-judgement",
  since: 24,
  check: (t, bodies) => {
    const m = JUDGEMENT.exec(t);
    return m && bodies.some((b) => /^得 [\d.]+/.test(b)) ? `条文写有「${m[0]}」，分值由考评者评定，不是做到某事就得的分，未能确定（可写成「按评价 得分」）` : undefined;
  },
};

// 「资料齐全—2分」 read 得 2: a dash before the amount may be a minus sign — never an award
export const signedAward: Guard = {
  name: "signed-award",
  since: 24,
  check: (t, bodies) => {
    const m = SIGNED.exec(t);
    return m && bodies.some((b) => /(?:^|\s)得 /.test(b)) ? `条文的分值前有「—」（「${m[0]}」），可能是扣分的负号，未能确定是扣分还是得分` : undefined;
  },
};

// 「检查1-4分」 read 得 4: a range of points the reading writes as one amount
export const rangeOneAmount: Guard = {
  name: "range-one-amount",
  since: 24,
  check: (t, bodies) => {
    const m = RANGE.exec(t);
    return m && !/ 至 /.test(bodies.join(" ")) ? `条文的分值是一个范围「${m[0]}」，计分方式只写了一个分值，未能确定` : undefined;
  },
};
