// Words a clause writes for what the patterns already read, rewritten in the normalised text the patterns see —
// never in the clause, which is kept verbatim. Each rewrite says the same thing in the words the patterns know;
// where the words could say something else, the rewrite is not made and the clause stays a to-do. The order they
// are applied in is rewords.ts's (REWORDS and the passes after it).
// Here (session 24): bounds — 以上 after an inclusive word, a bound in working days, a negation that restates the
// same bound, 「未达到95%以上(含)」.
import type { Reword } from "./rewords.js";

// 「达到15%以上得3分」「不低于90%以上」: 以上 after an inclusive word says the same as the word (as singleBand
// reads it alone; now in every row of a list), where an amount follows at once (「达到10处以上为合格,每少一处」 is
// the count's own bound, read elsewhere). Not after 未/不/没 (达不到, 不达 are rewritten to 未达到 first, and
// 「未达到90%以上」 is 未达到 90% as it stands)
export const ABOVE_AFTER_INCLUSIVE: Reword = [/((?:达到|(?<![未不没])达(?=[\d一二两三四五六七八九十])|不低于|不少于)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?:%|[\u4e00-\u9fa5]{0,2}?))(?:及)?以上(?=(?:的)?,?(?:得|加|计|记|扣|减)[\d一二两三四五六七八九十])/g, "$1"];

// 「延误三个工作日以上」: a bound in working days is a number of days (the unit is only shown, 语言参考 §2.3)
export const WORKING_DAYS: Reword = [/((?:\d+|[一二两三四五六七八九十]{1,3}))个?工作日(?=以上)/g, "$1天"];

// 「达70%以上(含)的,得50分;未达到70%的,每少一个百分点扣1分」: the negation restates the same bound — the step
// runs below it (as 「达70%以上得50分,每少一个百分点扣1分」, baseLinear's form)
export const RESTATED_BOUND: Reword = [/达到?(\d+(?:\.\d+)?)%(?:以上)?(?:\(含\))?(?:的)?,?((?:得|计|记)\d+(?:\.\d+)?分);(?:未达到|低于|不足)\1%(?:的)?,?(?=每)/g, "达$1%以上的,$2;"];

// 「未达到95%以上(含)的」: below 95% — the (含) only says 95% itself is reached
export const NOT_REACHED_INCLUSIVE: Reword = [/未达到(\d+(?:\.\d+)?%)以上\(含\)/g, "未达到$1"];
