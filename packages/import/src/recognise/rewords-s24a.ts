// Words a clause writes for what the patterns already read (session 24, from the eighth and ninth fresh
// sets, books 160–197), rewritten in the normalised text the patterns see — the clause stays verbatim.
// Each rewrite says the same thing in words the patterns know; REWORDS (rewords.ts) applies them last.

export const REWORDS_S24A: readonly [RegExp, string][] = [
  // 「自动气象站全年定时(每天24个时次)不发生…缺测」: a bracket that describes the standard by a number per
  // period (每天24个) counts nothing — 每天 is not the rule's count word. Not in a clause that counts what is short
  // (「开展巡查(每月2次),每少一次扣1分」: a bound per period — the other patterns' to-do)
  [/\(每(?:天|日|周|月|年|季度?|小时)[\d一二两三四五六七八九十]+[^()]{0,12}\)(?![\s\S]*(?:(?:少|缺|差)(?:[一1]|\d)|不足))/g, ""],
  // 「酌情扣1~2分」: an ASCII tilde for the range's dash
  [/(\d)~(?=\d)/g, "$1-"],
  // 「每少 1 次,扣 0.5 分」: a comma between the step and its amount
  [/(每(?:少|缺)(?:\d+|[一两二三])(?:次|项|件|个|篇|条|人)),(?=扣\d)/g, "$1"],
  // 「扣2分/名」: 名 counts persons — the same as 「扣2分/人」 (每人)
  [/分\/名(?=$|[,;。)])/g, "分/人"],
  // 「每项不达标各扣2分」: 每项 already gives each its amount — 各 adds nothing
  [/(每项[^,;。各每]{0,6}?)各(?=扣|得|加)/g, "$1"],
  // 「每条扣减年度综合得分5分」: a deduction from the score (扣减 is already 扣 here)
  [/(?<=每[条篇件次项])扣(?:除)?(?:年度|当月|月度)?(?:综合)?得分(?=[\d一二两三四五六七八九十]+(?:\.\d+)?分)/g, "扣"],
];
