// Words a clause writes for what the patterns already read (session 24, helper s24-tune13, from the
// thirteenth fresh set, books 260–279), rewritten in the normalised text the patterns see — the clause
// stays verbatim. Applied after the other rewords (recognise.ts, readBody).
import type { ClauseContext } from "./index.js";
import { NUM, rx } from "./normalise.js";

const REWORDS_S24E: readonly [RegExp, string][] = [
  // 「将扣除1-10分」「扣除4-10分」: 扣除 before a range is 扣 (the range pattern knows 扣/减)
  [rx(`扣除(?=${NUM}(?:分)?(?:-|至|到|~)${NUM}分)`, "g"), "扣"],
  // 「完毕率低于95%旳」: a machine-rewritten copy's 旳 is 的
  [/旳/g, "的"],
];

/**
 * The clause with the thirteenth set's words rewritten. 「完成…关闭任务为15分,未全面完成的不记分」 where 15
 * is the item's points: 「为P分」 states what the item is worth, not an award for the task (yzsm-03, read
 * `得 15` before — the sense inverted: the clause is about failing it) — it is dropped, and what stays is the
 * task and its failing (「…任务,未全面完成的不记分」 → 不得分). Only before a failing that voids the item.
 */
export function rewordS24e(t: string, ctx: ClauseContext): string {
  let out = t;
  for (const [re, to] of REWORDS_S24E) out = out.replace(re, to);
  if (ctx.points !== null && ctx.section === null) {
    const p = ctx.points.replace(".", "\\.");
    out = out.replace(rx(`(?<=[\\u4e00-\\u9fa5)])为${p}分(?=,(?:未|没有|不)[^,;。\\d]{0,12}(?:不记分|不计分|不得分)[。;]?$)`), "");
  }
  return out;
}
