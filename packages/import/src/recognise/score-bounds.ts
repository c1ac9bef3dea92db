// A measured score's bound is no amount (session 25): 「学习积分未达41分」「考试成绩低于60分」 bound a fact measured in 分 (a
// score the unit's people got, not points of this rulebook), and what is listed with it in brackets right after
// (「未达41分(一般干部30分)」). Lint's clause numbers read them so since session 24 (`boundBefore`); the recogniser now too.

/** A bound word, the number and 分, and a bracket of further bounds right after: the bound's 分 dropped. */
const SCORE_BOUND = /(未达到|未达|达不到|不达|不足|低于|少于|不低于|不少于|高于|(?<!不|不得)超过|大于|小于)(\d+(?:\.\d+)?)分(?![钟值数])(\([^()\d]{0,8}\d+(?:\.\d+)?分\))?/g;
/**
 * A score measured (what the bound is of): the word must be there, else 「低于…分」 may be the rule's own. Not 得分 alone:
 * 「加分项得分超过10分的按10分计」 bounds this rulebook's own score (a cap), not a measured one.
 */
const SCORE_WORD = /积分|成绩|分数|测评|考分|考试|考核分/;

/** The clause with each measured score's bound written without 分 (「未达41分」→「未达41」), or as it was. */
export function withoutScoreBounds(t: string): string {
  if (!SCORE_WORD.test(t)) return t;
  SCORE_BOUND.lastIndex = 0;
  return t.replace(SCORE_BOUND, (_m, word: string, n: string, bracket: string | undefined) => `${word}${n}${bracket === undefined ? "" : bracket.replace(/分\)$/, ")")}`);
}

/** True when the number at `at` in the clause is a measured score's bound (or one listed in brackets right after it). */
export function isScoreBound(t: string, at: number): boolean {
  if (!SCORE_WORD.test(t)) return false;
  SCORE_BOUND.lastIndex = 0;
  for (let m = SCORE_BOUND.exec(t); m; m = SCORE_BOUND.exec(t)) {
    if (at >= m.index && at < m.index + m[0].length) return true;
  }
  return false;
}
