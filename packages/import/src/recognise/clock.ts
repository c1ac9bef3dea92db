// 分 that is not a points amount: minutes of a clock time (「8点05分前」「15点30分」) and durations in minutes
// written in traditional script (「30分鐘以內」; the simplified 「30分钟」 is NOT_WORD's), and a year stuck to 分 by
// a copy (「记2023分」). None of them may ever be counted as an amount (session 25).

/** A clock time with its minutes: 「8点05分」「15时30分」 (normalised text: 點 is 点 already). */
export const CLOCK_TIME = /(?<![\d.])(?:[01]?\d|2[0-4])(?:点|时)(?:[0-5]\d|[1-9])分(?!钟|鐘|鍾|值|数)/g;
/** A duration in minutes, in either script: 「30分钟」「30分鐘」「三十分鍾」. */
export const MINUTES = /(?:\d+|[一二两三四五六七八九十]+)分(?:钟|鐘|鍾)/g;

/**
 * The clause with each clock time's minutes written without 分 (「8点05分前」→「8点05前」) and each duration
 * in minutes in simplified script (「30分鐘」→「30分钟」, which amountsIn never counts): the patterns read it.
 */
export function withoutClockMinutes(t: string): string {
  if (!/分/.test(t)) return t;
  return t.replace(CLOCK_TIME, (m) => m.slice(0, -1)).replace(MINUTES, (m) => `${m.slice(0, m.indexOf("分"))}分钟`);
}

/** A year written as points (「记2023分」): the copy stuck a year (or a document's year) to 分. */
const YEAR_AS_AMOUNT = /(?<![\d.])((?:19|20)\d{2})分(?!钟|鐘|鍾)/;

/** Why the clause cannot be read when an amount is a year stuck to 分, or undefined. */
export function yearAsAmountReason(t: string): string | undefined {
  const m = YEAR_AS_AMOUNT.exec(t);
  return m ? `条文的「${m[0]}」像是年份（或文号）与「分」连在了一起（复制时的错字），未能确定分值` : undefined;
}
