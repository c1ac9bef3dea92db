// A veto beside a zero (语言参考 §6): 「火化区出现…土葬的一票否决,该项不得分」「…不得分(实行“一票否决”)」 are two rules,
// `不得分` and `一票否决`, as the corpus writes them (bzxz-11, yeyd-10/11). The veto is read only beside the item's
// zero on the same finding: beside an amount (「…扣30分,并一票否决」) the clause may mean the veto instead of the
// points or on top of them, and two vetoes or two zeros say more than one finding — refused, never guessed.

/** The bodies with the veto written after them, or the reason the veto cannot be placed. */
export function withVeto(bodies: readonly string[], vetoes: number): { bodies: string[] } | { reason: string } {
  if (vetoes > 1) return { reason: "条文写了几次一票否决，未能确定" };
  if (bodies.length !== 1 || bodies[0] !== "不得分") return { reason: "条文既有否决又有分值，未能确定计分方式" };
  return { bodies: ["不得分", "一票否决"] };
}
