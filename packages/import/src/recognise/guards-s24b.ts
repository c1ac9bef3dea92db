// Guards on a finished reading (session 24, from the tenth fresh set, books 200–216): what the clause
// says that a reading must write — a count in a measure word no list had (「见一株未扶正扣0.5分」), an
// overall judgement (「…综合考评，该项根基分值为0.4分」), a signed amount and a range. A reading that
// does not account for them is a to-do with a Chinese reason.
import type { Guard } from "./guards.js";
import { NUM, rxt } from "./normalise.js";

/** A reading of one-shot amounts only (扣 N, 得 N). */
const oneShot = (bodies: readonly string[]): boolean => bodies.length > 0 && bodies.every((b) => /^(?:扣|得) [\d.]+$/.test(b));

/**
 * 「见一株」「发现一棵」「缺一节」: one thing found or missing, in a measure word the language has no count
 * word for (株、棵、节 … — the other guards know 份、张、名、位 …): counted per thing, never once.
 */
const ONE_FOUND = /(?<![第每仅只])(?:见|发现|查出|查实|出现|发生|有|缺|少|漏)(?:了)?[一1](株|棵|根|片|把|盏|面|丛|匹|口|眼|艘|架|幅|枚|节|卷|辆|台|块|间|栋|座)(?!(?:及)?以[上下]|\(含\))/;

/**
 * 「…综合考评，该项分值为0.4分」: the points are the assessor's judgement over the item, not an award for a
 * fact — only where the judgement ends its phrase (「综合考核为优秀的得2分」 is an award for an outcome).
 */
const JUDGEMENT = /(?:综合(?:考评|评定|评价|考核|评分|评议|打分)|评议(?:打分|计分|评分))(?=[,;。]|(?:计|得|记)?分(?!为|\d))/;

/** 「每缺一种—0.5分」: a dash before an amount, not after a number (a minus sign, or a heading's dash). */
const SIGNED = rxt`(?<![\\d.%])-${NUM}分`;

/** 「扣1-4分」「1至3分」: a range of points (the assessor chooses in it). */
const RANGE = rxt`(?<![\\d.])${NUM}(?:分)?(?:-|至|到)${NUM}分`;

export const GUARDS_24B: readonly Guard[] = [
  {
    // 「见一株未扶正扣0.5分」 read 扣 0.5 (qxlh-12): the one tree seen is what is counted
    name: "one-found-measure",
    since: 24,
    check: (t, bodies) => {
      const m = ONE_FOUND.exec(t);
      return m && oneShot(bodies) ? `条文按「${m[0]}」逐一计分，语言中没有「每${m[1]}」这个计数单位，未能确定（可写成最接近的计数单位，如「每个」）` : undefined;
    },
  },
  {
    // 「按…等处境综合考评，该项根基分值为0.4分」 read 得 0.4 (zbgz-01): the judgement is the score
    name: "overall-judgement",
    since: 24,
    check: (t, bodies) => {
      const m = JUDGEMENT.exec(t);
      return m && bodies.some((b) => /^得 [\d.]+/.test(b)) ? `条文写有「${m[0]}」，分值由考评者评定，不是做到某事就得的分，未能确定（可写成「按评价 得分」）` : undefined;
    },
  },
  {
    // 「资料齐全—2分」 read 得 2: a dash before the amount may be a minus sign — never an award
    name: "signed-award",
    since: 24,
    check: (t, bodies) => {
      const m = SIGNED.exec(t);
      return m && bodies.some((b) => /(?:^|\s)得 /.test(b)) ? `条文的分值前有「—」（「${m[0]}」），可能是扣分的负号，未能确定是扣分还是得分` : undefined;
    },
  },
  {
    // 「检查1-4分」 read 得 4: a range of points the reading writes as one amount
    name: "range-one-amount",
    since: 24,
    check: (t, bodies) => {
      const m = RANGE.exec(t);
      return m && !/ 至 /.test(bodies.join(" ")) ? `条文的分值是一个范围「${m[0]}」，计分方式只写了一个分值，未能确定` : undefined;
    },
  },
];
