// Words a clause writes for what the patterns already read (session 24, helper s24-multi), rewritten in
// the normalised text the patterns see — the clause stays verbatim. REWORDS (rewords.ts) applies them last.

export const REWORDS_S24C: readonly [RegExp, string][] = [
  // 「达到15%以上得3分」「不低于90%以上」: 以上 after an inclusive word says the same as the word (as singleBand
  // reads it alone; now in every row of a list), where an amount follows at once (「达到10处以上为合格,每少一处」 is
  // the count's own bound, read elsewhere). Not after 未/不/没 (达不到, 不达 are rewritten to 未达到 first, and
  // 「未达到90%以上」 is 未达到 90% as it stands)
  [/((?:达到|(?<![未不没])达(?=[\d一二两三四五六七八九十])|不低于|不少于)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})(?:%|[\u4e00-\u9fa5]{0,2}?))(?:及)?以上(?=(?:的)?,?(?:得|加|计|记|扣|减)[\d一二两三四五六七八九十])/g, "$1"],
  // 「延误三个工作日以上」: a bound in working days is a number of days (the unit is only shown, 语言参考 §2.3)
  [/((?:\d+|[一二两三四五六七八九十]{1,3}))个?工作日(?=以上)/g, "$1天"],
];
