// Words a clause writes for what the patterns already read, rewritten in the normalised text the patterns see —
// never in the clause, which is kept verbatim. Each rewrite says the same thing in the words the patterns know;
// where the words could say something else, the rewrite is not made and the clause stays a to-do. The order they
// are applied in is rewords.ts's (REWORDS and the passes after it).
// Here (session 24): the item's points and the award's other side — 「(不使用不得分)」 after an award as 否则不得分,
// 「为P分」 before a failing that voids the item, the item's full points before two or more deductions.
import type { ClauseContext } from "./index.js";
import type { Reword } from "./rewords.js";
import { NUM, rxt, rxg } from "./normalise.js";

// 「…资源记2分(不使用不得分)」「…记2分(不投稿不得分)」: the award's other side in brackets, as 「否则不得分」
// (only a bracket that begins with the negation: 「(有违规的不得分)」 is another condition)
export const OTHERWISE_IN_BRACKETS: Reword = [rxg`(${NUM}分)\\((?:不|未|没有)[^()]{1,10}?(?:的)?(?:不得分|不计分|不记分)\\)`, "$1,否则不得分"];

/**
 * 「完成…关闭任务为15分,未全面完成的不记分」 where 15 is the item's points: 「为P分」 states what the item is worth, not
 * an award for the task (yzsm-03, read `得 15` before — the sense inverted: the clause is about failing it) — it is
 * dropped, and what stays is the task and its failing (「…任务,未全面完成的不记分」 → 不得分). Only before a failing that
 * voids the item. Then the item's full points before two or more deductions (below).
 */
export function rewordItemPoints(t: string, ctx: ClauseContext): string {
  let out = t;
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
