// Words a clause writes for what the patterns already read, rewritten in the normalised text the patterns see —
// never in the clause, which is kept verbatim. Each rewrite says the same thing in the words the patterns know;
// where the words could say something else, the rewrite is not made and the clause stays a to-do. The order they
// are applied in is rewords.ts's (REWORDS and the passes after it).
// Here (session 24): how an amount is written — a range's tilde, deductions from the score (扣减得分, 扣除考核分,
// 扣除 before a range), 扣为0分为止, a reader's credit (积分), base points earned, 共 as a counted deduction's cap, a
// dash as a minus sign in a table of deductions.
import type { ClauseContext } from "./index.js";
import type { Reword } from "./rewords.js";
import { NUM, rxt, rxg } from "./normalise.js";

// 「酌情扣1~2分」: an ASCII tilde for the range's dash
export const TILDE_RANGE: Reword = [/(\d)~(?=\d)/g, "$1-"];

// 「每条扣减年度综合得分5分」: a deduction from the score (扣减 is already 扣 here)
export const DEDUCTED_FROM_SCORE: Reword = [/(?<=每[条篇件次项])扣(?:除)?(?:年度|当月|月度)?(?:综合)?得分(?=[\d一二两三四五六七八九十]+(?:\.\d+)?分)/g, "扣"];

// 「缺席一次扣0.5分，直至扣为0分为止」: 扣为0分为止 is 扣完为止 (the item's points: nothing to write)
export const UNTIL_ZERO: Reword = [/[,;]?直(?:至|到)扣(?:为|到|至)(?:0|零)分(?:为止)?/g, ",扣完为止"];

// 「…的扣除考核分1分」「扣除本项分2分」: a deduction of the assessment's points
export const DEDUCT_ASSESSMENT_POINTS: Reword = [rxg`扣除(?:考核|本项|该项|此项)?(?:得)?分(?=${NUM}分)`, "扣"];

// a reader's credit (图书馆 积分): 「扣积分10分」「扣除积分5分」「扣50个积分」「增加6个积分」 — the points are
// called 积分, the verb may stand before the word (扣积分 N分) or the amount be counted (N个积分)
export const CREDITS: readonly Reword[] = [
  [/(扣除|扣|增加|加)(?:积分|个积分)(?=\d|[一二两三四五六七八九十])/g, "$1"],
  [/(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)个积分/g, "$1分"],
];

// 「…,得基础分2分」 with nothing deducted in the clause: the base points earned are the award (a base to deduct
// from is read only with its deductions: 「得基础分;每缺少一项扣1分」 stays as it was)
export const BASE_POINTS_EARNED: Reword = [/^([^扣减每缺未]*?)得基础分(\d+(?:\.\d+)?)分([^扣减每缺未]*)$/, "$1得$2分$3"];

// 「一项扣1分,共3分,扣完为止」「发现一处扣1分,共5分」: 共 after a counted deduction is its cap
export const TOTAL_AS_CAP: Reword = [/((?:一|1|每)(?:项|处|次|件|个|条|人|起|例)扣\d+(?:\.\d+)?分),共(\d+(?:\.\d+)?)分(?:,扣完为止)?/g, "$1,最多扣$2分"];

// 「将扣除1-10分」「扣除4-10分」: 扣除 before a range is 扣 (the range pattern knows 扣/减)
export const DEDUCT_BEFORE_RANGE: Reword = [rxg`扣除(?=${NUM}(?:分)?(?:-|至|到|~)${NUM}分)`, "扣"];

/**
 * A shortfall or a fault (「每缺一种」「不执行」「迟报」「模糊不清」): the part of a clause before a signed
 * amount must say what went wrong for the dash to be a minus sign.
 */
const FAULT = /缺|少|漏|未|不|无|没有|迟|错|误|差|违|超期|延误|失/;

/**
 * What is earned, written with a negation: a requirement (「不少于2次」), the absence of a finding (「全年无安全
 * 事故」「未发生违规」) or a negated fault (「不缺项」「无遗漏」「没有差错」) — a dash after it is not a minus sign.
 */
const REQUIREMENT = /不(?:得)?少于|不(?:得)?低于|不超过|不高于|^(?:全年|年内|本年度|当年)?(?:无|没有|未发生|未出现)[^,;。]{0,10}(?:问题|事故|现象|行为|案件|差错|投诉|违规|违纪)|不(?:缺|漏|少|错|迟)|无(?:缺|漏|遗漏|差错|错)|没有(?:缺|漏|差错|错)/;

/** Action words: a clause that writes one (「扣2分」「加分」) is not a clause of signed amounts. */
const VERB = rxt`(?:扣除|扣|减|加|得|计|记|奖|罚)${NUM}|扣分|加分|减分|得分|不得分|满分|倒扣`;

/**
 * 「每缺一种—0.5分」「迟报(2天以上)—0.5分/次」「不执行—2分」: a table that writes its deductions as signed
 * amounts (normalised: 「-0.5分」). The dash is a minus sign — a deduction — only when
 *  - it stands before an amount and not after a number (「1-4分」 is a range, 「每低5-0.5分」 unclear),
 *  - the words before it state a fault or a shortfall (「资料齐全—2分」 may be a heading and its points),
 *  - the clause writes no action word of its own and is not in a 加分 section.
 * How this was decided (book 215, 供电所配电管理考评标准): every 考评标准 cell is scored down from the
 * row's 标准分 and every signed amount follows a fault; an unsigned 「0.5分/次」 after a fault could be a
 * deduction too, but nothing in the clause says so — it stays a to-do.
 */
export function signedDeduction(t: string, ctx: ClauseContext): string {
  if (ctx.section === "加分") return t;
  const re = rxg`(?<![\\d.%])-(?=${NUM}分)`;
  const signs = [...t.matchAll(re)];
  if (signs.length !== 1) return t;
  const at = signs[0]!.index!;
  const before = t.slice(0, at);
  // the fault is the dash's own part of the clause (after the last 「,;。」), not a requirement written with a
  // negation (不少于、不低于), not the absence of a finding (「全年无安全事故—5分」 earns) nor a negated fault
  // (「不缺项」「无遗漏」)
  const own = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf("。")) + 1);
  const plain = own.replace(/不(?:得)?少于|不(?:得)?低于|不超过|不高于/g, "");
  if (!FAULT.test(plain) || REQUIREMENT.test(own) || VERB.test(t)) return t;
  return `${before}扣${t.slice(at + 1)}`;
}
