// Words a clause writes for what the patterns already read (session 24, helper s24-tune11, from the
// eleventh and twelfth fresh sets), rewritten in the normalised text the patterns see — the clause stays
// verbatim. REWORDS (rewords.ts) applies them last.

export const REWORDS_S24D: readonly [RegExp, string][] = [
  // a reader's credit (图书馆 积分): 「扣积分10分」「扣除积分5分」「扣50个积分」「增加6个积分」 — the points are
  // called 积分, the verb may stand before the word (扣积分 N分) or the amount be counted (N个积分)
  [/(扣除|扣|增加|加)(?:积分|个积分)(?=\d|[一二两三四五六七八九十])/g, "$1"],
  [/(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)个积分/g, "$1分"],
  // 「每册(件)」「1册(件)」「每1册」「每册次」: a book counted — 册 is the language's 件 (册次 件次), as the
  // corpus writes it; 「按每册」「按1册」 is per book
  [/册\(件\)/g, "件"],
  [/(?<=每|[1一]|\d)册(次)?/g, "件$1"],
  [/按(?:每)?(?:1|一)?件(?!次)(?=扣|加|得)/g, "每件"],
  [/按每件次/g, "每件次"],
  // 「达70%以上(含)的,得50分;未达到70%的,每少一个百分点扣1分」: the negation restates the same bound — the step
  // runs below it (as 「达70%以上得50分,每少一个百分点扣1分」, baseLinear's form)
  [/达到?(\d+(?:\.\d+)?)%(?:以上)?(?:\(含\))?(?:的)?,?((?:得|计|记)\d+(?:\.\d+)?分);(?:未达到|低于|不足)\1%(?:的)?,?(?=每)/g, "达$1%以上的,$2;"],
  // 「未达到95%以上(含)的」: below 95% — the (含) only says 95% itself is reached
  [/未达到(\d+(?:\.\d+)?%)以上\(含\)/g, "未达到$1"],
  // 「…,得基础分2分」 with nothing deducted in the clause: the base points earned are the award (a base to deduct
  // from is read only with its deductions: 「得基础分;每缺少一项扣1分」 stays as it was)
  [/^([^扣减每缺未]*?)得基础分(\d+(?:\.\d+)?)分([^扣减每缺未]*)$/, "$1得$2分$3"],
  // 「每一案件扣5分」: one case is 每件
  [/每一案件/g, "每件"],
  // 「一项扣1分,共3分,扣完为止」「发现一处扣1分,共5分」: 共 after a counted deduction is its cap
  [/((?:一|1|每)(?:项|处|次|件|个|条|人|起|例)扣\d+(?:\.\d+)?分),共(\d+(?:\.\d+)?)分(?:,扣完为止)?/g, "$1,最多扣$2分"],
];
