// Words a clause writes for what the patterns already read (session 24, helper s24-tune13, from the
// thirteenth fresh set, books 260–279), rewritten in the normalised text the patterns see — the clause
// stays verbatim. Applied after the other rewords (recognise.ts, readBody).
import type { ClauseContext } from "./index.js";
import { NUM, rxt, rxg } from "./normalise.js";

const REWORDS_S24E: readonly [RegExp, string][] = [
  // 「将扣除1-10分」「扣除4-10分」: 扣除 before a range is 扣 (the range pattern knows 扣/减)
  [rxg`扣除(?=${NUM}(?:分)?(?:-|至|到|~)${NUM}分)`, "扣"],
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
    out = out.replace(rxt`(?<=[\\u4e00-\\u9fa5)])为${p}分(?=,(?:未|没有|不)[^,;。\\d]{0,12}(?:不记分|不计分|不得分)[。;]?$)`, "");
    // 「按时完成初验手续,资料齐全,上报及时得15分,未完成…扣5分,资料不全扣5分,…扣5分」: the item's points for
    // meeting every requirement, then two or more deductions each on its own failing — the deductions are the
    // rules, the award the item's points (as withoutFullPoints reads it before counted deductions, recognise.ts).
    // One deduction after it stays as it is (得 P 否则 扣 N or a to-do: not said which).
    const m = rxt`^([^\\d;。]*?)(?:的)?,?(?:得|计|记)${p}分,((?:[^,;。\\d]*?(?:扣|减)${NUM}分[,;]){1,}[^,;。\\d]*?(?:扣|减)${NUM}分[。;]?)$`.exec(out);
    if (m && !/得|加|计|记|每|酌情|否则|不得分/.test(m[2]!) && !/未|不|没有|无/.test(m[1]!)) out = `${m[1]!.replace(/[,的]+$/, "")},${m[2]!}`;
  }
  return out;
}
