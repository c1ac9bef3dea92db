// A step's amount without a verb before 扣完为止 (session 29, helper rates), rewritten with 扣 in the normalised text;
// the clause stays verbatim:
//   「计划外怀孕率2.0%以下,每上升1%1分,扣完为止」 → 「…每上升1%扣1分,扣完为止」
// 扣完为止 says the item's points are spent by deductions, so an amount per step with no verb of its own is one of
// them. Only a step of a percentage or percentage points (每上升1%、每下降1个百分点) directly followed by its amount,
// and only when the clause writes no 得/加 and no other verb for that amount; where the step has no base the patterns
// still refuse it (the base is never guessed).
import { NUM, rxt } from "./normalise.js";

/** 「每上升1%1分」「每下降1个百分点0.5分」: a step of a rate and an amount, no verb between. */
const STEP_AMOUNT = rxt`(每(?:上升|下降|降低|提高|增加|减少|超过|低于|高于|降|升|低|高|超|少|差)(?:\\d+(?:\\.\\d+)?)?(?:%|个百分点))(,?)(${NUM}分)`;
/** 扣完为止 (or 直至扣完) after the step. */
const FLOOR = /扣完为止|直至扣完|扣完即止/;

export function rewordStepFloor(t: string): string {
  const m = STEP_AMOUNT.exec(t);
  if (!m || !FLOOR.test(t.slice(m.index + m[0].length)) || /得|加/.test(t.replace(/加\/扣|得分率/g, ""))) return t;
  return `${t.slice(0, m.index)}${m[1]}${m[2]}扣${m[3]}${t.slice(m.index + m[0].length)}`;
}
