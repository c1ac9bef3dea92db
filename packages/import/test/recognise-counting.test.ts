/**
 * What a clause counts (patterns/occurrences.ts, rewords-counts.ts, guards-counting.ts): a rate of the standard is no
 * count word (每天24个时次), an award per person-time is a to-do, a reader's credit (积分) and 册 as 件, 「另加」 per piece, one
 * occurrence made per occurrence by a cap or by alternatives, one of a thing in a measure word the language lacks (一棵,
 * 1节, 1卷), having one person, 「各…均」 (every unit, not a class), a count above a base, a month written as a date (no
 * count), 每一案件 — on clauses written for these tests (general rulebook phrasing, never the corpus's text), each reading
 * checked in a catalogue (it must parse and check), with the near-misses that must stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { maskMonthDates } from "../src/recognise/dates.js";

const infoBonus = (): ClauseContext => ({ indicator: "信息采用", points: null, section: "加分" });

const penalty = (): ClauseContext => ({ indicator: "责任追究", points: null, section: "减分" });

describe("a rate of the standard is no count word (ycqx-05 「(每天24个时次)」 was read 每天 得 1)", () => {
  it.each([
    ["监测站点全年(每天8个时次)按时上传数据,得2分", item("2"), ["得 2"]],
    ["值班室(每日24小时)有人值守的,得1分", item("1"), ["得 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a bracketed bound per period in a clause that counts what is short of it: the bound per period stays a to-do
    ["开展安全巡查(每月2次),每少一次扣1分", item("5")],
  ] as const)("%s → to-do", expectTodo);

  it("the guard catches the reading that counts the rate's period", () => {
    const names = guardsFiring(normalise("站点全年每天24个时次按时上传数据,得1分"), ["每天 得 1"], item("3")).map((g) => g.name);
    expect(names).toContain("rate-of-standard");
    // near-miss: a clause that counts days of its own keeps its reading
    expect(guardsFiring(normalise("(每天24个时次)上传数据,每天得1分"), ["每天 得 1"], item("3")).map((g) => g.name)).not.toContain("rate-of-standard");
  });
});

describe("an award per person-time is a to-do (lxyz-10 「每人每次加2分」 was read 每人 每次 得 2)", () => {
  it.each([
    ["在活动中表现突出受到表彰的,每人每次加1分", item("5")],
  ] as const)("%s → to-do", expectTodo);

  it("near-miss: a deduction per person-time keeps its reading", () => {
    expect(bodies(recogniseClause("值班人员脱岗的,每人每次扣0.5分", item("5")))).toEqual(["每人 每次 扣 0.5"]);
  });
});

describe("a reader's credit (积分): the verb before the word, the amount counted, 册 as 件", () => {
  it.each([
    ["借阅证损坏补办每次扣除积分8分。", item("100"), ["每次 扣 8"]],
    ["参加读书分享会,每次增加20个积分。", item("100"), ["每次 得 20"]],
    ["图书严重污损,每册扣积分30分;", item("100"), ["每件 扣 30"]],
    ["丢失期刊按每册(件)扣积分12分", item("100"), ["每件 扣 12"]],
    ["续借图书每册增加1个积分。", item("100"), ["每件 得 1"]],
    ["预约图书超期未取,每册次扣除积分3分。", item("100"), ["每件次 扣 3"]],
    // the traditional form of 册
    ["圖書遺失按1冊(件)扣積分40分。", item("100"), ["每件 扣 40"]],
    // a book and a day, both written
    ["逾期还书按每册每天扣积分1分", item("100"), ["每件 每天 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a credit taken once: per what is not said
    ["违反阅览室规定,扣积分10分。", item("100")],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});

describe("「得基础分N分」 with nothing deducted, and 「每一案件」", () => {
  it.each([
    ["按要求开展志愿服务活动的,得基础分2分。", item("2"), ["得 2"]],
    ["文化专干全年在岗不少于200天,得基础分1分;", item("1"), ["分段 { ≥ 200天 得 1 }"]],
    ["因管理责任被行政处罚的,每一案件扣3分", item("10"), ["每件 扣 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a base to deduct from: 基础分 and a deduction — not an award
    // (「制度健全的得基础分3分,每缺一项扣1分。」 in a 3-point item is read since session 25 as the deduction from the
    // base, 每项 扣 1 — never 得 3: recognise-item-points.test.ts)
    ["得基础分2分,未按时报送的不得分", item("2")],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});

describe("「另加」 per piece: two awards on the same count word", () => {
  it.each([
    ["被省级政务信息刊物采用,每条计20分,领导批示另加10分。", infoBonus(), ["每条 得 20", "每条 得 10"]],
    ["在市级以上报刊发表调研文章,每篇计8分,刊发在头版另加4分。", infoBonus(), ["每篇 得 8", "每篇 得 4"]],
    ["被国家级媒体报道,每次得6分,配发评论再加3分", infoBonus(), ["每次 得 6", "每次 得 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a cap or a total beside them
    ["被省级刊物采用,每条计20分,领导批示另加10分,最多加50分。", infoBonus()],
    // the extra names nothing
    ["被省级刊物采用,每条计20分,另加10分。", infoBonus()],
    // in a 减分 section
    ["被通报批评,每次计2分,点名批评另加1分。", penalty()],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("one occurrence counted, made per occurrence by a cap or by alternatives of one count word", () => {
  it.each([
    ["有一次专题研究会议记录的得1分,最多得3分。", item("3"), ["每次 得 1 上限 3"]],
    ["有1篇调研报告被采纳的加2分,最高加4分", item("4"), ["每篇 得 2 上限 4"]],
    ["发生1起违规审批行为或发生1起越权审批行为,扣2分,扣满8分为止", item("10"), ["每起 扣 2 上限 8"]],
    ["出现一次漏报或出现一次迟报(以系统记录为准),扣1分,扣完5分为止。", item("5"), ["每次 扣 1 上限 5"]],
  ] as const)("%s", expectReading);

  it.each([
    // the alternatives count in different words
    ["发生1起违规审批行为或出现1次越权审批,扣2分,扣满8分为止", item("10")],
    // 最多 no more than the amount: no count implied
    ["有一次专题研究会议记录的得1分,最多得1分。", item("1")],
  ] as const)("never this pattern's reading: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(JSON.stringify(bodies(r))).not.toMatch(/上限/);
  });
});

describe("a month written as a date is no count (xlsc-05, xcdj-01)", () => {
  it.each([
    ["在4月15日前完成春播备耕物资储备的,记2分;", item("3"), ["得 2"]],
    // (the 1 of 11 was read as 「一月」, 每月 得 1, before: count.ts's leading count now needs no digit before it)
    ["年度总结11月底前报送的得1分。", item("2"), ["得 1"]],
    ["6月上旬完成夏收进度统计的计1分", item("2"), ["得 1"]],
  ] as const)("%s", expectReading);

  it("masks months of the calendar before a day or a part of the month only", () => {
    expect(maskMonthDates("在3月20日前")).toBe("在□□20日前");
    expect(maskMonthDates("9月底前完成")).toBe("□□底前完成");
    // a duration, a period, 13 or a bare month: left as they are
    for (const t of ["3个月内完成", "每3月检查一次", "13月底", "第3月", "3月内完成"]) expect(maskMonthDates(t)).toBe(t);
  });

  it("a count of months stays a to-do when the reading does not write it", () => {
    expectTodo("连续3月未上报的扣2分", item("5"));
  });
});

describe("units, persons and things counted (「各…均」, one in a measure word the language lacks, having one person, a count above a base)", () => {
  it.each([
    // 「各乡镇(街道)均…」: every unit assessed, not a class of them
    ["各乡镇(街道)均建立应急救援队伍得2分，否则不得分", item("4"), ["得 2"]],
    // one of a thing in a measure word the language lacks, with the corpus's nearest count word
    ["发现一棵枯死树木未补植扣1分", item("5"), ["每个 扣 1"]],
    ["无故缺课1节扣0.5分", item("5"), ["每次 扣 0.5"]],
    ["有1卷档案未装订扣1分", item("5"), ["每件 扣 1"]],
    // having one person is the award's fact
    ["明确一名分管领导，配备一名联络员记2分", item("2"), ["得 2"]],
    ["建立工作台账，并有一位街道负责人分管此项工作的记3分", item("3"), ["得 3"]],
    // a count above a base, each one more
    ["全年请假超过3次的，每增加1次扣1分", item("5"), ["基准 3次 每增加 1次 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // one found in a measure word without a convention
    ["见一根电杆倾斜扣1分", item()],
    // (「发现一台设备漏油」 is 每个 since session 27: count-words.ts)
    ["发现一座公厕不洁扣1分", item()],
    // a class of units without 均
    ["各区建立应急救援队伍得2分", item()],
    // having one person where one is missing is a count
    ["有一名人员缺岗扣1分", item()],
    ["有一名干部获市级表彰的记1分", item()],
    // a deduction without a count word beside a counted one may be once
    ["个访1次扣2分，群访扣4分", item()],
    // base and step counted in other words
    ["全年请假超过3次的，每增加2次扣1分", item("5")],
  ] as const)("never guessed: %s", expectTodo);
});
