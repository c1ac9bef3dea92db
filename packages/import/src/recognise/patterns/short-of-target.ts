// A shortfall counted against the unit's own task or standard (session 29, helper cats): the things short of a
// number the clause names but does not state (the task, the required standard) are a linear rule from each unit's
// target (基准 目标值, 语言参考 §5.5), not a count of things missing (每家):
//   「未达到要求标准的少1家企业扣2分」                      → 基准 目标值 每少 1家 扣 2
//   「达到市局要求标准后,每增加一家企业加记2分」              → 基准 目标值 每增加 1家 得 2
//   「完成年度…建设任务数,得2分,未完成任务少一个扣0.5分,扣完为止」 (2 the item's points) → 基准 目标值 每少 1个 扣 0.5
// Only when the clause itself says what the count falls short of or rises above — 未达到…标准, 未完成任务 before 少,
// 达到…标准后 before 每增加 —: 「少一个单位扣1分」 alone (a checklist of things each present or not) stays 每个.
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** The language's units a step may be written in (语言参考 §2.3). */
const UNIT = "家|个|项|件|人|户|村|处|条|篇|名";
/** A short noun after the counted unit (「1家企业」): what is counted, for the reader only. */
const NOUN = "(?:[\\u4e00-\\u9fa5]{1,4}?)?";

/** 「未达到要求标准的」「未完成任务」: what the count is short of, named without its number. */
const SHORT_OF = "(?:未达到|没有达到|达不到)[^,;。\\d]{0,10}?标准|(?:未完成|没有完成|完不成)(?:年度)?(?:目标)?任务(?:数)?";

/** 「完成年度…任务数,得2分,」: the item's points for the task done, stated first. */
const DONE_FIRST = rxt`^完成[^,;。\\d]{1,40}?(?:任务数|任务|目标)(?:的)?,?(?:得|计|记)${NUM}分[,;]`;

export const shortOfTarget: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  let rest = t;
  const used: string[] = [];
  const done = DONE_FIRST.exec(t);
  if (done) {
    if (ctx.points === null || numberText(done[1]!) !== ctx.points) return undefined;
    used.push(ctx.points);
    rest = t.slice(done[0].length);
  }
  const down = rxt`^(?:${SHORT_OF})(?:的)?,?(?:每)?(?:少|减少)${NUM}(${UNIT})${NOUN},?(?:扣|减)${NUM}分(?:,?扣完为止)?[。;,]?$`.exec(rest);
  if (down) {
    const n = numberText(down[1]!);
    const x = numberText(down[3]!);
    if (n === undefined || x === undefined) return undefined;
    return reading([`基准 目标值 每少 ${n}${down[2]} 扣 ${x}`], [...used, x]);
  }
  if (done) return undefined;
  const up = rxt`^(?:达到|完成)[^,;。\\d]{0,12}?(?:标准|任务)后,?每(?:增加|多)${NUM}(${UNIT})${NOUN},?(?:加记|加计|加|得|记|计)${NUM}分[。;,]?$`.exec(rest);
  if (up) {
    const n = numberText(up[1]!);
    const x = numberText(up[3]!);
    if (n === undefined || x === undefined) return undefined;
    return reading([`基准 目标值 每增加 ${n}${up[2]} 得 ${x}`], [x]);
  }
  return undefined;
};
