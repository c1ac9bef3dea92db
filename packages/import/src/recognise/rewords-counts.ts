// Count words a clause writes for what the patterns already read, rewritten in the normalised text the patterns see —
// never in the clause, which is kept verbatim. Each rewrite says the same thing in the words the patterns know;
// where the words could say something else, the rewrite is not made and the clause stays a to-do. The order they
// are applied in is rewords.ts's (REWORDS and the passes after it).
// Here (session 24): count words — a bracket stating a standard's rate per period, 名 for persons, one of a measure
// word the language lacks (株、节、卷), a book (册), a case, having one person.
import type { Reword } from "./rewords.js";

// 「自动气象站全年定时(每天24个时次)不发生…缺测」: a bracket that describes the standard by a number per
// period (每天24个) counts nothing — 每天 is not the rule's count word. Not in a clause that counts what is short
// (「开展巡查(每月2次),每少一次扣1分」: a bound per period — the other patterns' to-do)
export const STANDARD_PER_PERIOD: Reword = [/\(每(?:天|日|周|月|年|季度?|小时)[\d一二两三四五六七八九十]+[^()]{0,12}\)(?![\s\S]*(?:(?:少|缺|差)(?:[一1]|\d)|不足))/g, ""];

// 「每少 1 次,扣 0.5 分」: a comma between the step and its amount
export const STEP_COMMA: Reword = [/(每(?:少|缺)(?:\d+|[一两二三])(?:次|项|件|个|篇|条|人)),(?=扣\d)/g, "$1"];

// 「扣2分/名」: 名 counts persons — the same as 「扣2分/人」 (每人)
export const PER_NAME: Reword = [/分\/名(?=$|[,;。)])/g, "分/人"];

// 「每项不达标各扣2分」: 每项 already gives each its amount — 各 adds nothing
export const EACH_ITEM_EACH: Reword = [/(每项[^,;。各每]{0,6}?)各(?=扣|得|加)/g, "$1"];

// 「见一株未扶正」「每调课1节」「有1卷」: one of a thing in a measure word the language lacks, written with the
// nearest count word as the corpus's hand encodings do (株、棵 → 个, 节 → 次, 卷 → 件; 种 → 项 is in units.ts)
// (only one of it: 「10株以上」「68节」 are bounds, left to the bound rules)
export const ONE_OF_A_MEASURE: readonly Reword[] = [
  [/(?<![\d.第])([一1])(?:株|棵)/g, "$1个"],
  [/(?<![\d.第])([一1])节(?!日|约|能|点|假)/g, "$1次"],
  [/(?<![\d.第])([一1])卷(?!宗)/g, "$1件"],
];

// 「每册(件)」「1册(件)」「每1册」「每册次」: a book counted — 册 is the language's 件 (册次 件次), as the
// corpus writes it; 「按每册」「按1册」 is per book
export const BOOKS: readonly Reword[] = [
  [/册\(件\)/g, "件"],
  [/(?<=每|[1一]|\d)册(次)?/g, "件$1"],
  [/按(?:每)?(?:1|一)?件(?!次)(?=扣|加|得)/g, "每件"],
  [/按每件次/g, "每件次"],
];

// 「每一案件扣5分」: one case is 每件
export const ONE_CASE: Reword = [/每一案件/g, "每件"];

/**
 * 「明确一位领导分管工作，有一名办事员兼职…记4分」: having one person is the fact of an award (the corpus's
 * 「1人以上」 = having one), not a count — only in a clause with no deduction, no 每 and no shortfall.
 */
export function havingOne(t: string): string {
  if (/扣|减|每|缺|少|差|漏|未|没有|不/.test(t) || !/(?:计|记|得|加)\d/.test(t)) return t;
  // (a staffing verb, or 有 before a staff role: 「有一名干部获表彰的记1分」 may be per person — left as it is)
  return t
    .replace(/(明确|配备|确定|指定|落实|设)[一1](?=名|位)/g, "$1")
    .replace(/有[一1](?=(?:名|位)[\u4e00-\u9fa5]{0,2}?(?:专职|兼职)?(?:办事员|工作人员|联络员|信息员|管理员|专干|负责人|分管领导|领导))/g, "有");
}
