// Words a clause writes for what the patterns already read (session 24, from the tenth fresh set,
// books 200–216), rewritten in the normalised text the patterns see — never in the clause, which is
// kept verbatim. Each rewrite says the same thing in the words the patterns know; where the words
// could say something else, the rewrite is not made and the clause stays a to-do.
import type { ClauseContext } from "./index.js";
import { NUM, rxt, rxg } from "./normalise.js";

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
function signedDeduction(t: string, ctx: ClauseContext): string {
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

const REWORDS_S24B: readonly [RegExp, string][] = [
  // 「缺席一次扣0.5分，直至扣为0分为止」: 扣为0分为止 is 扣完为止 (the item's points: nothing to write)
  [/[,;]?直(?:至|到)扣(?:为|到|至)(?:0|零)分(?:为止)?/g, ",扣完为止"],
  // 「…的扣除考核分1分」「扣除本项分2分」: a deduction of the assessment's points
  [rxg`扣除(?:考核|本项|该项|此项)?(?:得)?分(?=${NUM}分)`, "扣"],
  // 「…资源记2分(不使用不得分)」「…记2分(不投稿不得分)」: the award's other side in brackets, as 「否则不得分」
  // (only a bracket that begins with the negation: 「(有违规的不得分)」 is another condition)
  [rxg`(${NUM}分)\\((?:不|未|没有)[^()]{1,10}?(?:的)?(?:不得分|不计分|不记分)\\)`, "$1,否则不得分"],
  // 「见一株未扶正」「每调课1节」「有1卷」: one of a thing in a measure word the language lacks, written with the
  // nearest count word as the corpus's hand encodings do (株、棵 → 个, 节 → 次, 卷 → 件; 种 → 项 is in units.ts)
  // (only one of it: 「10株以上」「68节」 are bounds, left to the bound rules)
  [/(?<![\d.第])([一1])(?:株|棵)/g, "$1个"],
  [/(?<![\d.第])([一1])节(?!日|约|能|点|假)/g, "$1次"],
  [/(?<![\d.第])([一1])卷(?!宗)/g, "$1件"],
  // 「展现退换兵的村」: a machine-rewritten copy's 展现 for 出现
  [/展现(?=[^,;。]{0,12}的)/g, "出现"],
];

/**
 * 「明确一位领导分管工作，有一名办事员兼职…记4分」: having one person is the fact of an award (the corpus's
 * 「1人以上」 = having one), not a count — only in a clause with no deduction, no 每 and no shortfall.
 */
function havingOne(t: string): string {
  if (/扣|减|每|缺|少|差|漏|未|没有|不/.test(t) || !/(?:计|记|得|加)\d/.test(t)) return t;
  // (a staffing verb, or 有 before a staff role: 「有一名干部获表彰的记1分」 may be per person — left as it is)
  return t
    .replace(/(明确|配备|确定|指定|落实|设)[一1](?=名|位)/g, "$1")
    .replace(/有[一1](?=(?:名|位)[\u4e00-\u9fa5]{0,2}?(?:专职|兼职)?(?:办事员|工作人员|联络员|信息员|管理员|专干|负责人|分管领导|领导))/g, "有");
}

/** The normalised (and reworded) clause with the session-24 rewords applied. */
export function rewordS24b(t: string, ctx: ClauseContext): string {
  let out = t;
  for (const [re, to] of REWORDS_S24B) out = out.replace(re, to);
  return havingOne(signedDeduction(out, ctx));
}
