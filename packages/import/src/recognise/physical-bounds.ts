// A bound on a physical measure in the condition of a one-shot deduction (session 28, issue 13): 「围墙高度低于1.8米,扣20分」
// 「出现5亩以上连片抛荒1处,扣完该项分值」. The bound describes the fact (a wall lower than
// 1.8 m is the failing), as a distance does (「周边200米范围内」, accounting-words.ts); the rulebooks' encodings write it as
// the rule's condition (`扣 20`, `不得分`), never as a band. Taken so only where the bound cannot be a band's: every
// bound on a measure in the clause before its only amount, and a reading of one one-shot deduction (an award for
// reaching a size is a band in the corpus: szcl-06). Two amounts (「100平方米以上得2分,50平方米以上得1分」), a step
// (「每超过1米扣1分」) or a count per size (「每连片抛荒5亩…扣2分」, lsj-05) stay the threshold's and the guards' to refuse.

/** The units of a physical measure (length, area, volume, weight) after a number. */
const PHYSICAL_UNIT = "平方米|平方公里|平方|立方米|立方|公里|千米|厘米|毫米|米|公顷|亩|吨|公斤|千克|㎡|m³|m2|m3|km|cm|mm|m";

/** A number and its physical unit (the unit not run into a Latin word: 「2.5m」, not 「5mg」). */
const PHYSICAL_NUMBER = new RegExp(`(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]+)(?:${PHYSICAL_UNIT})(?![A-Za-z])`, "g");

/** An amount of the clause (「扣20分」「得2分」「0.5分」). */
const AMOUNT = /(?<![\d.])\d+(?:\.\d+)?分(?![钟之])|[一二两三四五六七八九十半]分(?![钟之])/g;

/**
 * A reading of one one-shot deduction (`扣 20`, `不得分`). Not an award: 「残疾人活动室达到30平方米以上(2分)」 is encoded
 * `分段 { ≥ 30 得 2 }` (szcl-06) — reaching a size is a level of a measured quantity there, while a failing below or
 * above a size (「高度低于1.8米,扣20分」) is the fact of the deduction.
 */
const ONE_SHOT = /^(?:扣 \d+(?:\.\d+)?|不得分)$/;

/** The offsets of the numbers of physical measure in the clause. */
function physicalNumbers(t: string): number[] {
  return [...t.matchAll(PHYSICAL_NUMBER)].map((m) => m.index!);
}

/**
 * Whether the number at `at` of the clause `t` is a bound on a physical measure (「1.8米」「5亩」) in the condition: every
 * such bound of the clause stands before its only amount (none when the item's whole score is lost: 「扣完该项分值」), so
 * several are the condition's alternatives (「主要路段低于2.5m,一般路段低于2m,扣10分」), never a band's rows.
 */
export function physicalBoundAt(t: string, at: number): boolean {
  // 「每连片抛荒5亩或零星抛荒30亩的,扣2分」: a count per so much (lsj-05/06, encoded 每处) — no condition
  if (/每/.test(t)) return false;
  const all = physicalNumbers(t);
  if (!all.includes(at)) return false;
  const amounts = [...t.matchAll(AMOUNT)];
  return amounts.length <= 1 && amounts.every((a) => all.every((p) => a.index! > p));
}

/** Whether the physical bound at `at` is the condition of the reading (one one-shot score). */
export function physicalCondition(t: string, at: number, bodies: readonly string[]): boolean {
  return bodies.length === 1 && ONE_SHOT.test(bodies[0]!) && physicalBoundAt(t, at);
}

/** A physical number with the bound word after it (「以上」「以下」「(含)」): masked together. */
const PHYSICAL_BOUND = new RegExp(`${PHYSICAL_NUMBER.source}(?:\\(含\\))?(?:以上|以下|以内|之内|以外)?`, "g");

/** The clause with its physical bounds in the condition masked by 「□」 (for the threshold), or as it was. */
export function withoutPhysicalBound(t: string): string {
  const at = physicalNumbers(t);
  if (at.length === 0 || !physicalBoundAt(t, at[0]!)) return t;
  return t.replace(PHYSICAL_BOUND, (m) => "□".repeat(m.length));
}
