// Clock times with minutes (session 25, helper s25-tune14): 「8點05分前未完成…,1次扣2分」 — 「05分」 is a minute of the
// clock, not points. The patterns read the clause with the time written as its hour (「8点前」: what the rule is
// about, not its scoring; the clause itself stays verbatim), and the accounting check (accounting-words.ts, 时刻)
// places such an hour as a time of day. Only before 前/后/以前/之前/以后/之后 or 到岗/未到/到: a time the clause
// measures against, and only for an hour ≤ 24 and minutes < 60.
const CLOCK = /(?<![\d.])(\d{1,2})点(\d{1,2})分(?=前|后|以前|之前|以后|之后|到岗|未到|到)/g;

/** The clause with each clock time 「H点MM分」 written 「H点」. */
export function rewordClockTimes(t: string): string {
  return t.replace(CLOCK, (whole, h: string, m: string) => (Number(h) <= 24 && Number(m) < 60 ? `${h}点` : whole));
}
