// Review signals on several amounts (review.ts): amounts written as rules that add up where the clause
// may give outcomes or classes of which one applies.
import type { ReviewSignal } from "./review-signal.js";

/** Words that make each amount its own rule (「各扣2分」「分别加4分、3分」「其中…」) or one on top of another (「另加」「再加」). */
const EACH = /各|分别|依次|其中|另|再|又/;

export const OUTCOME_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「绿化程度…属好、中、差,分别扣0、3、5分」 read 扣 0 / 扣 3 / 扣 5: a rule of nothing is an outcome, not a rule
    name: "zero-amount",
    weight: 3,
    check: (_t, bodies) => (bodies.some((b) => /^(?:扣|得) 0(?:\s|$)/.test(b)) ? "规则中有一条零分（扣 0 或得 0），条文说的可能是几种结果之一" : undefined),
  },
  {
    // 「三等功加1分,二等功加2分,一等功加3分」 read 得 1 / 得 2 / 得 3: outcomes of one thing, read as awards that add up
    name: "one-shots-add-up",
    weight: 3,
    check: (t, bodies) => {
      if (bodies.length < 2 || EACH.test(t)) return undefined;
      const d = bodies.map((b) => /^(得|扣) ([\d.]+)$/.exec(b));
      if (!d.every((x) => x !== null && x[1] === d[0]![1]) || new Set(d.map((x) => x![2])).size < 2) return undefined;
      return "几个不同的分值各写成一条一次性的规则（会相加），条文说的可能是几种结果之一";
    },
  },
  {
    // 「每引进1个10亿元以上项目,加4分;每引进1个50亿元以上项目,加8分」 read 每个 得 4 / 每个 得 8: classes of one count
    name: "classes-add-up",
    weight: 3,
    check: (t, bodies) => {
      if (bodies.length < 2 || EACH.test(t)) return undefined;
      const d = bodies.map((b) => /^(每\S+) (得|扣) ([\d.]+)/.exec(b));
      if (!d.every((x) => x !== null && x[1] === d[0]![1] && x[2] === d[0]![2]) || new Set(d.map((x) => x![3])).size < 2) return undefined;
      return "同一计数有几个不同的分值，各写成一条规则（会相加），条文说的可能是类别之一";
    },
  },
];
