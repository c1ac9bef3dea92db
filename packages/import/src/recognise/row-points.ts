// Points that stand only in the points column (标准分/分值), row by row (session 24, issue 13).
//
// A checklist row — one requirement, no amount of its own — earns the points its row shows in the points
// column. The row is either the item's only clause (the lone case, `ClauseContext.alone`: the item's points
// are the row's) or one of several rows of the item, each with its own points (`ClauseContext.rowPoints`):
//   「6、其它门类档案进行了整理，建立了档案目录；」 alone in a 10-point item          → 得 10
//   「成立应急管理领导机构。」 a 5-point row of the 15-point item 应急管理体制建设      → 得 5
//   「应急管理工作人员每年参加培训不少于2次。」 a 5-point row                          → 分段 { ≥ 2次 得 5 }
// A clause that writes its own amount keeps it; when its one award disagrees with its row's points
// (「年内召开专题会议1次以上记0.3分」 in a 3-point row) it is a to-do, never one of the two guessed.
import type { ClauseContext, Recognition } from "./index.js";
import { amountsIn } from "./amounts.js";
import { NUM, numberText, rxt } from "./normalise.js";
import { reading, type Pattern } from "./reading.js";
import { alone } from "./rewords.js";
import { decimalCompare } from "../decimal.js";
import { faultOfVerbless } from "./patterns/stated-direction.js";
import { rowRequirement } from "./row-requirement.js";

/**
 * The points a requirement with no amount of its own earns: its row's points column when the structure
 * side gives them (`rowPoints`), else the item's points when the clause is the item's only one. Never in
 * a 加分/减分 section (its points are a cap, not an award).
 */
export function rowAward(ctx: ClauseContext): string | undefined {
  if (ctx.section !== null) return undefined;
  if (ctx.rowPoints !== undefined) return ctx.rowPoints;
  return ctx.points !== null && alone(ctx) ? ctx.points : undefined;
}

/** Words that make a requirement more than a thing done: a failing, a count, a scale, a discretion, a reference. */
const NOT_DONE = /(?:扣|得|加|计|记|满|减|给|打)分|分值|分数|未|没有|无|不|否则|酌情|视情|扣|减|每|按(?!时|质|规定|要求|期)|参照|详见|见附件|评定|评议|比例|以下/;
/** A period (「每年开展…」「每月召开」) says when, it counts nothing: taken out before NOT_DONE is asked. */
const PERIOD = /每(?:年|半年|季度?|月)(?![\d一二两三四五六七八九十])/g;
/** Words of a thing done (a checklist requirement). */
const DONE =
  /建立|建有|制定|制订|编制|开展|完成|使用|报送|整理|符合|做到|落实|配备|设立|设置|健全|成立|组建|确定|规划|实施|部署|召开|签订|列入|纳入|公示|贯彻|完备|齐全|到位|兑现|明确|加强|配合|参加|参与/;
/** A number in the requirement (a count, a bound, a date): a reading of the row's points alone would drop it. */
const NUMBER = /[\d一二两三四五六七八九十]/;

/** Words with 一 that count nothing (「使用统一…软件」「进一步」). */
const NOT_NUMBER = /统一|一致|一体化?|进一步|唯一|一律|一把手|一线/g;

/** The requirement without its list number (「6、」「(3)」) and the words with 一 that count nothing. */
const bodyOf = (t: string): string => t.replace(/^(?:\d+[、.]|\(\d+\))/, "").replace(NOT_NUMBER, "");

/**
 * 「建立了档案目录；」 alone in its item, or 「成立应急管理领导机构。」 in a row with its own points: a checklist
 * requirement done earns the row's points. Only a requirement that names something done and nothing
 * negative, counted, bounded or discretionary.
 */
export const pointsColumn: Pattern = (t, ctx) => {
  const award = rowAward(ctx);
  if (award === undefined) return undefined;
  const body = bodyOf(t).replace(PERIOD, "");
  // (a fault described — 「擅自设置户外广告」「设置位置不合理」「有明显垃圾」 — is no requirement done, whatever verb it
  // uses: session 27, stated-direction.ts's faultOfVerbless)
  if (NUMBER.test(body) || NOT_DONE.test(body) || !DONE.test(body) || faultOfVerbless(body) !== undefined) return undefined;
  return reading([`得 ${award}`], []);
};

/** 「…每年参加培训不少于2次。」 in a row with its own points: the bound is a band of the award. */
const BOUND = rxt`^([^;。\\d]*?)(?:不少于|不少|不低于|至少)${NUM}(次|个|件|篇|项|场|人)[。;]?$`;

/**
 * 「各级领导干部每年参加各类应急管理业务培训不少1次。」 in a 5-point row: the row's points for reaching the
 * bound (`分段 { ≥ 1次 得 5 }`, inclusive as 不少于 says). Only with the row's own points (`rowPoints`), one
 * bound, a count word the language has and nothing else counted or negative.
 */
export const boundedRow: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.rowPoints === undefined) return undefined;
  const m = BOUND.exec(bodyOf(t));
  if (!m) return undefined;
  // only a yearly bound (the year is what is assessed): 「每季度…不少于4篇」 is 4 a quarter, not 4 in all
  const head = m[1]!.replace(/每年(?![\d一二两三四五六七八九十])/g, "");
  const n = numberText(m[2]!);
  if (n === undefined || NUMBER.test(head) || NOT_DONE.test(head)) return undefined;
  return reading([`分段 { ≥ ${n}${m[3]} 得 ${ctx.rowPoints} }`], []);
};

/** The row-points patterns, tried with the fresh patterns (a requirement stated otherwise: row-requirement.ts, session 29). */
export const rowPatterns: readonly Pattern[] = [pointsColumn, boundedRow, rowRequirement];

/** A one-shot award of a reading (`得 N`, or one band `分段 { ≥ … 得 N }`), or undefined. */
function oneAward(body: string): string | undefined {
  return (/^得 ([\d.]+)$/.exec(body) ?? /^分段 \{ [≥>] \S+ 得 ([\d.]+) \}$/.exec(body))?.[1];
}

/**
 * A clause that writes its own one-shot award in a row whose points column says otherwise (「…记0.3分」 in a
 * 3-point row): the document disagrees with itself — a to-do with the reason, never either number guessed.
 * Readings of the row's points themselves, and readings that are no one-shot award (每项 得 1 in an 8-point
 * row, a deduction), are not compared.
 */
export function rowDisagreement(text: string, bodies: readonly string[], ctx: ClauseContext): Extract<Recognition, { kind: "todo" }> | undefined {
  if (ctx.rowPoints === undefined || ctx.section !== null || !/^\d+(?:\.\d{1,6})?$/.test(ctx.rowPoints)) return undefined;
  const stated = amountsIn(text);
  if (stated.length === 0 || bodies.length !== 1) return undefined;
  const award = oneAward(bodies[0]!);
  if (award === undefined || !/^\d+(?:\.\d{1,6})?$/.test(award) || decimalCompare(award, ctx.rowPoints) === 0) return undefined;
  return {
    kind: "todo",
    reason: `条文写的分值（${award}分）与本行分值栏的 ${ctx.rowPoints} 分不一致，请核对原文后补写计分方式`,
    rowConflict: { stated: award, row: ctx.rowPoints },
  };
}
