/**
 * Which numbers of a clause are amounts, and how they relate (amounts.ts, clock.ts, score-bounds.ts, total-caps.ts,
 * rewords-amounts.ts; guards-amounts.ts): clock times and minutes are no amounts, nor a measured score's bound; a
 * total after a counted amount is its cap (「共N分」 too); 「扣除N-M分」 and a range on one occurrence; a deduction written as
 * a signed amount (「—0.5分」「—1分/次」), 「直至扣为0分为止」, 「扣除考核分N分」 — and clauses long enough that a pattern which backtracks
 * would not finish — on clauses written for these tests (general rulebook phrasing, never the corpus's text), each
 * reading checked in a catalogue (it must parse and check), with the near-misses that must stay to-dos with a Chinese
 * reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, expectReading, expectTodo, bodies } from "./phrasing-check.js";
import { amountsIn } from "../src/recognise/amounts.js";
import { accountingUnaccounted } from "../src/recognise/accounting.js";

const bonusSection: ClauseContext = { indicator: "加分", points: null, section: "加分" };

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

const minus = (): ClauseContext => ({ indicator: "考勤", points: null, section: "减分" });

describe("minutes are no amounts: clock times and durations", () => {
  it.each([
    ["9点15分前未打卡,1次扣1分", ["1"]],
    ["17时30分后离岗的,每次扣0.5分", ["0.5"]],
    ["迟到20分鐘以內的扣1分", ["1"]],
    ["会议迟到十五分钟扣2分", ["2"]],
    ["上午8点前到岗得1分", ["1"]],
  ] as const)("%s: the amounts are %j", (text, want) => {
    expect(amountsIn(text)).toEqual(want);
  });

  it.each([
    ["9点15分前未完成交接登记,1次扣1分", minus(), ["每次 扣 1"]],
    ["每日17时30分前未上报值班日志的,每次扣0.5分", minus(), ["每次 扣 0.5"]],
    ["值班人员迟到15分鐘以內,扣1分", minus(), ["扣 1"]],
    ["擅自离岗超过30分钟的,每次扣2分", item("10"), ["每次 扣 2"]],
  ] as const)("%s", expectReading);

  it("the accounting check places a clock time's hour and minutes as a time of day", () => {
    expect(accountingUnaccounted("9点15分前未完成交接登记,1次扣1分", ["每次 扣 1"], minus())).toBeUndefined();
    expect(accountingUnaccounted("值班人员迟到15分鐘以內,扣1分", ["扣 1"], minus())).toBeUndefined();
  });

  it.each([
    // a year stuck to 分 by the copy: never read as 2025 points, and said so
    ["无违规现象记2025分,每发现一处扣1分,扣完为止。", item("10"), /年份/],
    ["全年无事故的记2019分。", item("5"), /年份/],
  ] as const)("%s: a to-do", expectTodo);
});

describe("a measured score's bound is no amount", () => {
  it.each([
    ["测评得分低于80分的扣1分", ["1"]],
    ["学习积分未达30分(新入职人员20分)的,每人扣0.5分", ["0.5"]],
    // without a score measured, 「低于60分」 may be the rule's own: counted as before
    ["低于60分的每人扣1分", ["60", "1"]],
    // this rulebook's own score (得分 alone) bounded: a cap, not a measured score
    ["加分项得分超过10分的按10分计", ["10", "10"]],
  ] as const)("%s: the amounts are %j", (text, want) => {
    expect(amountsIn(text)).toEqual(want);
  });

  it.each([
    ["考试成绩低于60分的,每人扣1分", item("10"), ["每人 扣 1"]],
    ["抽查干部学习积分未达30分(新入职人员20分)的,每人扣0.5分,扣满3分为止", item("10"), ["每人 扣 0.5 上限 3"]],
    // one-shot with the bound: a band of the score (bare numbers, as the corpus writes a score's bands: lm-17)
    ["考试成绩低于60分的扣2分", item("10"), ["分段 { < 60 扣 2 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // without a score measured: two amounts, as before
    ["低于60分的每人扣1分", item("10")],
  ] as const)("%s: a to-do", (text, ctx) => expectTodo(text, ctx));
});

describe("a total after a per-occurrence amount is its cap", () => {
  it.each([
    ["发现占道经营行为每查到一次扣1分,总分5分,扣完为止。", item("10"), ["每次 扣 1 上限 5"]],
    ["信息报送每条计2分,满分6分。", item("6"), ["每条 得 2 上限 6"]],
    ["建立联动机制。(3分,1个部门0.5分,满分3分)", item("8"), ["每个 得 0.5 上限 3"]],
    ["参加培训每次计1分,总计不超过4分。", item("4"), ["每次 得 1 上限 4"]],
    ["每处问题扣0.5分,总分2分", item("2"), ["每处 扣 0.5 上限 2"]],
    // the cap phrases the recogniser knew before, unchanged
    ["在市级以上媒体发表宣传稿件每篇加1分,最多加5分。", bonus(), ["每篇 得 1 上限 5"]],
    ["抽查人员不在岗的每人扣1分,扣满8分为止", item("10"), ["每人 扣 1 上限 8"]],
  ] as const)("%s", expectReading);

  it.each([
    // a total larger than the item's points: another item's, or the book's
    ["每查到一次扣1分,总分20分", item("10")],
    // a one-shot amount with a total: once or per occurrence is not said
    ["未建立台账扣1分,总分4分", item("10")],
    // an award without a count word: the total says it repeats, not per what (每次 would be the reader's word)
    ["落实整改任务得1分,总分10分。", item("12")],
    ["按时参加支部主题党日活动得1分,总分10分。", item("12"), /「总分10分」，像是按次（件）计分的上限，但分值前没有计数单位/],
    ["参加每月的主题党日活动得1分,总分10分。", item("12"), /「总分10分」，像是按次（件）计分的上限/],
  ] as const)("%s: a to-do", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));
});

describe("共N分 after a counted deduction is its cap", () => {
  it.each([
    ["台账缺漏的,一项扣0.5分,共2分,扣完为止;", item("10"), ["每项 扣 0.5 上限 2"]],
    ["巡查记录不全的,发现一处扣1分,共4分。", item("10"), ["每处 扣 1 上限 4"]],
  ] as const)("%s", expectReading);

  it("a one-shot deduction with 共: not read as a cap", () => {
    const r = recogniseClause("未建立制度的扣2分,共4分。", item("10"));
    expect(r.kind === "rules" ? r.bodies.join(" ") : "").not.toMatch(/上限 4/);
  });
});

describe("「扣除N-M分」 and a range on one occurrence", () => {
  it.each([
    ["检查发现台账记录不全的,将扣除2-6分。", item("10"), ["酌情 扣 2 至 6"]],
    ["汛期值班脱岗扣除1-3分。", item("5"), ["酌情 扣 1 至 3"]],
    // one occurrence counted in the clause: per occurrence (as 「发生一起…扣2分」 is 每起)
    ["发生一起安全责任事故扣除5-10分。", item("10"), ["每起 酌情 扣 5 至 10"]],
    ["加强日常巡查,每出现一次管涌险情将扣除3-8分,", item("10"), ["每次 酌情 扣 3 至 8"]],
    ["出现一次群体性上访事件扣2-5分。", item("10"), ["每次 酌情 扣 2 至 5"]],
  ] as const)("%s", expectReading);

  it.each([
    // another amount beside the range
    ["每出现一次险情扣3-8分,另扣2分。", item("10")],
    // a range and an award in one clause
    ["汛期值班到位得5分,脱岗扣除1-3分。", item("5")],
    // 扣除 before one amount: not a range (read elsewhere or a to-do, never a range)
  ] as const)("stays a to-do: %s", expectTodo);

  it.each([
    // the sentences before the occurrence count or score: one-shot or per occurrence is not said — never the
    // range alone (the count dropped), never 每次
    ["每季度检查1次,出现一次漏报扣除2-4分。", item("10")],
    ["台账齐全得2分,出现一次漏报扣除2-4分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("a step in a count after the item's points is not read as a percentage step", () => {
    const r = recogniseClause("完成年度造林计划任务得12分,每减少1个村扣2分。", item("12"));
    expect(JSON.stringify(bodies(r))).not.toMatch(/基准/);
  });
});

describe("a deduction written as a signed amount, 「直至扣为0分为止」, 「扣除考核分N分」", () => {
  it.each([
    // a deduction written as a signed amount after a fault (— and － are minus signs there)
    ["每缺一项记录—0.5分", item(), ["每项 扣 0.5"]],
    ["应急预案每缺一种－1分", item(), ["每项 扣 1"]],
    ["报表漏报—2分/次", item(), ["每次 扣 2"]],
    ["巡查记录填写不全—0.5分/处", item(), ["每处 扣 0.5"]],
    ["安全检查迟报（3天以上）—1分/次", item(), ["每次 扣 1"]],
    ["未按规定建立隐患台账—3分", item(), ["扣 3"]],
    // 「直至扣为0分为止」 is 扣完为止: nothing to write
    ["例会缺席一次扣1分，直至扣为0分为止。", item("3"), ["每次 扣 1"]],
    // 「扣除考核分N分」 is 扣 N
    ["出现重大失误的，扣除考核分2分", item(), ["扣 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a dash before the amount with no fault before it may be a heading's dash: never an award, never a guess
    ["资料齐全—2分", item()],
    ["工作台账规范完整—3分/项", item()],
    // what is earned written with a negation: the absence of a finding, a requirement, a negated fault
    ["全年无安全事故—5分", item()],
    ["每月检查不少于2次—1分", item()],
    ["制度健全不缺项—2分", item()],
    // a signed amount beside a written verb; a dash after a number (a range, or a step whose unit was lost)
    ["缺报—1分，迟报扣0.5分", item()],
    ["合格率每降低1—1分", item()],
    // a signed amount in a 加分 section
    ["每缺一项—1分", bonusSection],
    // a range read as one amount
    ["检查1-4分", item()],
  ] as const)("never guessed: %s", expectTodo);
});

describe("long clauses are read in time (no pattern of this file backtracks without end)", () => {
  it("a 20,000-character clause of listed faults, totals and classes takes well under a second", () => {
    const parts = ["如发现台账缺失", "录用1条计2分", "每次扣1分", "被采纳的再加1分", "(作交流发言的计3分)", "8点05分前", "学习积分未达41分"];
    const long = Array.from({ length: 1200 }, (_, i) => parts[i % parts.length]).join(",");
    for (const text of [long, `${long}将依次扣除2分、1分`, `${long},总分4分`]) {
      const t0 = performance.now();
      const r = recogniseClause(text, item("10"));
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(r.kind).toBe("todo");
    }
  });
});
