// An award and its other side (语言参考 §5.14; session 24): the deduction, or no points, when the award's
// condition is not met.
//   「…的计10分,否则扣10分」「…得2分,否则倒扣2分」           → 得 10 否则 扣 10 / 得 2 否则 倒扣 2
//   「按时完成的得4分,未按时完成的扣4分」                     → 得 4 否则 扣 4
//   「参加一次得1分(要求有学习笔记);不参加不得分」            → 每次 得 1 (不得分 is the award not earned)
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { countPatterns } from "./count.js";

/** A condition with nothing a rule would have to write: no number, bound, count or negated award. */
export const PLAIN_HEAD = /\d|[一二两三四五六七八九十](?:次|项|个|件|条|人|篇)|以上|以下|%|‰|每(?!月|年|周|季度|学期)|否则|未|扣|加倍|减半|酌情|视情/;

/**
 * 「办理工作规章制度规范完善的计10分,否则扣10分」: the award and its other side (语言参考 §5.14; the fact
 * must be filled in). 「…得2分,否则倒扣2分」 may go beyond the item's points. Only in an ordinary item, with a
 * plain condition: a number, a count or a bound in it would be a band, never one award.
 */
export const otherwise: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;]{4,200}?)(?:的)?,?(?:得|计|记)${NUM}分[,;]否则,?(倒扣|扣)${NUM}分[。;]?$`.exec(t);
  if (!m || PLAIN_HEAD.test(m[1]!.replace(/《[^》]*》/g, ""))) return undefined;
  const award = numberText(m[2]!);
  const loss = numberText(m[4]!);
  if (award === undefined || loss === undefined) return undefined;
  return reading([`得 ${award} 否则 ${m[3]} ${loss}`], [award, loss]);
};

/** Negation words before the negated verb. */
const NEGATION = /(?:未|不|没有|无)([\u4e00-\u9fa5]{2})/;

/**
 * 「按时完成的得4分,未按时完成的扣4分」「参加培训得2分;不参加培训的倒扣1分」: an award and a deduction on its own negation —
 * the award's other side (语言参考 §5.14) → `得 4 否则 扣 4` (倒扣 kept). The negation must negate the award's
 * whole condition (未按时完成 / 按时完成) and say nothing else; a deduction on a condition of its own (「有抵触行为的倒扣2分」)
 * stays a to-do.
 */
export const awardOrDeduction: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;。,]{2,60}?)(?:的)?,?(?:得|计|记)${NUM}分[;。,]([^;。,\\d]{2,30}?)(?:的)?,?(倒扣|扣)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const [award, negation] = [m[1]!, m[3]!];
  if (/\d|[一二两三四五六七八九十](?:次|项|个|件|条|人|篇)|以上|以下|%|每|扣|未|不|没有|无|否则|酌情|视情|情节|严重|全部|全|均|都|所有|各/.test(award)) return undefined;
  const neg = NEGATION.exec(negation);
  // the negation first (「一项未完成」 counts items: a per-item deduction, not the award's other side)
  if (!neg || neg.index !== 0) return undefined;
  // the negated words are the award's condition
  const negated = negation.slice(neg.index + neg[0].length - 2);
  // — all of them: 「按时报送的得1分,未报送的扣0.5分」 leaves a late report with neither (not the other side)
  if (negated !== award) return undefined;
  const x = numberText(m[2]!);
  const y = numberText(m[5]!);
  if (x === undefined || y === undefined) return undefined;
  return reading([`得 ${x} 否则 ${m[4]} ${y}`], [x, y]);
};

/**
 * 「参加一次得1分(要求有学习笔记);不参加不得分」「按时主动缴纳党费得2分。在规定时限内不按时…交党费不得分」
 * 「有正订正技巧的得1分,负技巧的不得分」: the award, then its own negation with 不得分 — the award's other
 * side (an award not earned is 0), nothing to write. The negation must negate a word of the award
 * (不参加 / 参加, 不按时 / 按时, 负技巧 / 正…技巧) and say nothing else countable: a zero on a condition of its
 * own (「培训未达到要求的不得分」) stays a to-do.
 */
export const awardThenNegation: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = /^(.+?(?:得|计|记|加)[\d.]+分(?:\([^()]*\))?)[;。,]([^;。,\d]{1,30}?)(?:的)?,?(?:不得分|不记分|不计分)[。;]?$/.exec(t);
  if (!m) return undefined;
  const [award, negation] = [m[1]!, m[2]!];
  const neg = /(?:不|未|没有|负)([\u4e00-\u9fa5]{2})/.exec(negation);
  // the negated words and the negation's last words (its object: 党费, 参加, 技巧) are both the award's
  // or the award is itself negated and the zero is its fact (「环境未受到破坏,得1分;…遭受破坏的不得分」)
  const object = negation.slice(-2);
  const negatedAward = rxt`(?:未|没有|无)[\\u4e00-\\u9fa5]{0,3}${object}`.test(award);
  if (!award.includes(object) || !((neg && award.includes(neg[1]!)) || negatedAward) || /否则|每(?!月|年|周)|以上|以下|%|扣/.test(award)) return undefined;
  for (const p of countPatterns) {
    const r = p(award.replace(/\([^()]*\)$/, ""), { ...ctx, siblings: [] });
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || !/^(?:每\S+ )?得 [\d.]+$/.test(r.bodies[0]!)) return undefined;
    return r;
  }
  return undefined;
};
