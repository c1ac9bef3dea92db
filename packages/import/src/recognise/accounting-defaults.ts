// The scoring vocabulary of session 27 (issue 13, the seventeenth set's blind wrongs): what a reading may not take by
// default, in the accounting check too. The guards that read the same data speak first (guards-direction.ts
// `award-on-fault`, guards-counts.ts); the vocabulary keeps every word that changes a score in one list
// (accounting-vocabulary.ts). (「少“一有”扣5分」 read `扣 5`, xcyh-03, is the guards' alone: the check masks a quoted
// name before it reads the clause, guards-counts.ts `NAMED_MISSING` reads it unmasked.)
//   fault-award        a fault described (「擅自」「破损」「影响观瞻」) and an award the clause writes no verb for — an
//                      amount with no 扣 or 得 takes its direction only from a word that states it (ldld-04/05, ldgg-05,
//                      wqsr-10: 「…影响观瞻的 1分/处」 read `每处 得 1`)
//   required-shortfall 「八个文艺团体少一种」: the number of things required before a shortfall is its bound (xcyh-01,
//                      read `每项 扣 1`)
import type { ScoringWord } from "./accounting-vocabulary.js";
import { AWARD_WRITTEN, AWARDS } from "./guards-direction.js";
import { SHORT_OF_REQUIRED } from "./guards-counts.js";
import { FAULT_STATED, faultStated } from "./patterns/stated-direction.js";
import { numberText } from "./normalise.js";

const everywhere = (re: RegExp): RegExp => new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);

export const SESSION_27_WORDS: readonly ScoringWord[] = [
  {
    name: "fault-award",
    kind: "direction",
    since: 27,
    re: everywhere(FAULT_STATED),
    // (the absence of a fault — 「全年无违章操作…(10)」 — is what a clause earns: the word states no fault)
    scores: (t) => faultStated(t) !== undefined,
    reflected: (f, t) => !AWARDS(f.bodies) || AWARD_WRITTEN.test(t),
    reason: "条文写的是毛病（「{w}」），分值前没有「得」或「加」，计分方式却是得分，未能确定是扣分还是得分",
  },
  {
    name: "required-shortfall",
    kind: "count",
    since: 27,
    re: everywhere(SHORT_OF_REQUIRED),
    reflected: (f, _t, m) => !f.counted || new RegExp(`(?:^|\\s)至少 ${numberText(m[1]!) ?? "?"}\\D`).test(f.all),
    reason: "条文写有应有的数量（「{w}」），少一个扣分，计分方式中没有写出（需要写成次数不足），未能确定",
  },
];
