// Months written as dates are no counts (session 25, helper s25-tune15): 「在3月20日前将…张贴到位的,记2分」
// 「党费收缴9月底前完成的得1分」 — 3月 and 9月 name a month of the year, not three or nine months (a duration is
// written 3个月). The accounting check places them as 日期 (accounting-words.ts); the count guard
// (guards-counts.ts) masks them with this before it looks for counts. Only a month of the calendar (1–12) with a
// day or a part of the month after it (日/号, 底, 初, 末, 上中下旬, 份): 「3月内」「每3月」「第3月」 are left as they are.
const MONTH_DATE = /(?<![\d.每第])(?:1[0-2]|0?[1-9])月(?=\d{1,2}(?:日|号)|底|初|末|上旬|中旬|下旬|份)/g;

/** The text with each month written as a date masked by `□` (the length kept, so offsets stay true). */
export function maskMonthDates(t: string): string {
  return t.replace(MONTH_DATE, (m) => "□".repeat(m.length));
}
