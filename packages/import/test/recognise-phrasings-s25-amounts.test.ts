/**
 * Session 25 (helper amounts): clauses with several numbers written with 分 — which of them are amounts, and
 * how the amounts relate (`src/recognise/clock.ts`, `total-caps.ts`, `patterns/categories-of-amounts.ts`), on
 * clauses written for these tests (general rulebook phrasing, never the corpus's text), each reading checked in a
 * catalogue, with the near-misses that must stay to-dos.
 */
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";
import { amountsIn } from "../src/recognise/amounts.js";
import { accountingUnaccounted } from "../src/recognise/accounting.js";

const minus = (): ClauseContext => ({ indicator: "考勤", points: null, section: "减分" });
const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

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

describe("several amounts that are classes, bands or a list", () => {
  it.each([
    // classes of one count: a later part names a thing the same measure word counts
    ["《区政务简报》采用1条计8分,简讯计3分", bonus(), ["每条 得 「采用」 8、「简讯」 3"]],
    ["被市委《每日要情》采用的,综合类信息每条计20分,专报信息每条计10分,快讯计5分。", bonus(), ["每条 得 「综合类信息」 20、「专报信息」 10、「快讯」 5"]],
    ["在核心期刊发表1篇计6分,一般期刊论文计2分", bonus(), ["每篇 得 「在核心期刊发表」 6、「一般期刊论文」 2"]],
    // 1个 in every part, the other side (none earned) and a cap in brackets
    ["主持1个国家级课题得4分,主持1个省级课题得2分,没有主持不得分(累计不超过6分)。", item("6"), ["每个 得 「主持国家级课题」 4、「主持省级课题」 2 上限 6"]],
    // a milder state of the same occurrence
    ["辖区发生1起命案扣6分,如命案当月侦破,扣2分;", item("20"), ["每起 扣 「一般」 6、「命案当月侦破」 2"]],
    ["每发生一起火灾事故扣4分,若火灾事故及时扑灭的,扣1分", item("20"), ["每起 扣 「一般」 4、「火灾事故及时扑灭」 1"]],
    // amounts by the exact count
    ["年度内班子成员有1人次被约谈扣1分,2人次被约谈扣3分,3人次被约谈扣6分。", item("10"), ["分段 { = 1人次 扣 1 = 2人次 扣 3 ≥ 3人次 扣 6 }"]],
    ["全年出现1次漏报扣2分,2次漏报扣5分", item("10"), ["分段 { = 1次 扣 2 ≥ 2次 扣 5 }"]],
    // more on top for the pieces that also meet a condition: two rules of the same count (a total equal to the item's points is its points)
    ["会员每提交意见建议1条计4分,被采纳的再加6分。", item("30"), ["每条 得 4", "每条 得 6"]],
    ["教师撰写案例,每篇(次)计3分,获评优秀的另加2分,总计不超过20分。", item("20"), ["每篇 得 3", "每篇 得 2"]],
    // a bracketed class of the same count, and the total as the rule's cap
    ["参加集中学习、专题研讨等活动,每次计1分(在会上作交流发言的计3分),总计不超过8分。", item("8"), ["每次 得 「一般」 1、「在会上作交流发言」 3 上限 8"]],
    // faults listed, then their amounts in order
    ["如发现消防通道堵塞,灭火器过期,应急灯损坏将依次扣除3分、2分、1分。", item("10"), ["扣 3", "扣 2", "扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a later part that is another fact, not a class of what is counted
    ["参加会议1次得2分,全勤得5分", bonus()],
    // 个 counts anything: a later part without it is not a class of it
    ["建成1个示范点得3分,达标村得1分", bonus()],
    // a cap above the item's points, or a none-earned side that negates another verb
    ["主持1个国家级课题得4分,主持1个省级课题得2分(累计不超过8分)", item("6")],
    ["主持1个国家级课题得4分,主持1个省级课题得2分,没有参与不得分", item("6")],
    // no count word stated: once or per piece is not said (the writer's word)
    ["信访投诉亮黄牌扣1分,红牌扣2分", item("10")],
    ["省级课题20分,市级课题10分", bonus()],
    // levels or classes without a count word: once each or per time is the writer's call (语言参考 §5.2)
    ["受到表彰的,一等奖加5分,二等奖加3分", bonus()],
    ["经验做法被上级推广的,国家级加6分,省级加4分,市级加2分。", bonus(), /分属几类（「国家级」、「省级」、「市级」），没有写计数单位/],
    ["督办件亮红灯扣2分,黄灯扣1分", item("10"), /分属几类（「督办件亮红灯」、「黄灯」）/],
    // a later state that is not milder (graver, whatever its amount), or names no lessening
    ["发生1起安全事故扣5分,如事故造成人员死亡,扣3分", item("20")],
    ["发生1起事故扣5分,如事故性质一般,扣3分", item("20")],
    // occurrence by occurrence (第N次): each adds, not a band of the count
    ["第1次扣2分,第2次扣4分", item("10")],
    // a milder amount on top (再/另), or a state that does not name the occurrence again
    ["发生1起事故扣5分,如整改到位,扣2分", item("20")],
    ["发生1起事故扣5分,如事故另有伤亡,再扣3分", item("20")],
    // counts that skip, or amounts that do not rise
    ["1次扣2分,3次扣4分", item("10")],
    ["1人次扣3分,2人次扣2分", item("10")],
    // a total on top that is not the item's points: a cap of the two rules together
    ["每提交意见建议1条计4分,被采纳的再加6分,总计不超过20分。", item("30")],
    // a total below the larger class
    ["每次计1分(作交流发言的计3分),总计不超过2分。", item("8")],
    // as many faults as amounts, or not read
    ["如发现台账缺失,标识不清将依次扣除2分、1分、1分", item("10")],
  ] as const)("%s: a to-do", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));
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
