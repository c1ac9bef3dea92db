/**
 * The eleventh and twelfth fresh sets' classes (session 24, helper s24-tune11, books 220–255 tuned on;
 * `src/recognise/patterns/ranking.ts`, `count-bands.ts`, `rewords-amounts.ts`, `rewords-counts.ts`, `rewords-bounds.ts`, `guards-counting.ts`, `guards-once.ts`), on clauses written for these tests —
 * general rulebook phrasing, never the corpus's text. First the wrong readings those sets showed, each stopped
 * at its cause (classes of one thing each with its amount, an allowance above which each occurrence counts, a
 * count word lost after 「分/」, 「一次计P分」 making up the item, a reader's credit read once); then the to-do
 * classes read since (a reader's credit in 积分, 册 as 件, rank-order lists, a count's band, 共N分 as a counted
 * deduction's cap, a base said from both sides, 「未达到X%以上(含)」), each reading checked in a catalogue, with
 * the near-misses that must stay to-dos.
 */
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";
import { onceAward } from "../src/recognise/guards-once.js";

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

describe("the wrong readings of 220–255, at their cause: to-dos now", () => {
  it.each([
    // classes of one thing, each with its amount: once, or per merit / paper / patent? (guard classes-one-shot)
    ["受到表彰的,特等奖加5分,一等奖加3分,二等奖加2分。", bonus(), /同一类事物的几个等级/],
    ["国家级课题40分,省级课题20分,市级课题10分。", bonus(), /同一类事物的几个等级/],
    ["发明专利15分,实用新型专利6分。", bonus(), /同一类事物的几个等级/],
    // an allowance: only what is above it counts (guard above-allowance)
    ["设备故障超出故障率(2件/年)每超出一件扣10分;", item("100"), /超出允许的数量/],
    ["投诉超过控制数(5起)每超过一起扣2分", item("20")],
    // the count word lost after 「分/」 (guard lost-unit)
    ["资料缺失:-2分/", item("20"), /后没有计数单位/],
    ["器材损坏:扣4分/", item("20"), /后没有计数单位/],
    // a reader's credit is kept per event: read once it is short (guard credit-per-event)
    ["报名参加讲座但未到场,扣积分5分。", item("100"), /按次累计/],
    ["逾期归还图书按1册1天扣除积分2分。", item("100")],
  ] as const)("%s", expectTodo);

  it("「一次计P分」 read 每次 where the item's awards, each taken once, make up its points (guard once-award)", () => {
    const guard = onceAward;
    const ctx = item("10", { siblings: ["有年度计划的得4分。", "开展自查二次得2分。"] });
    expect(guard.check("召开推进会一次计4分,", ["每次 得 4"], ctx)).toMatch(/做到一次就得分/);
    // alone in a 20-point item it may be per time; with a cap it is
    expect(guard.check("参加一次得1分", ["每次 得 1"], item("20", { siblings: [] }))).toBeUndefined();
    expect(guard.check("召开推进会一次计4分,", ["每次 得 4 上限 4"], ctx)).toBeUndefined();
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

describe("rank-order lists: 「按从高到低排序,分别得…」", () => {
  it.each([
    ["人均培训时长按从高到低排序,分别得6、4、2分。", item("6"), ["按排名 得分 依次 得 6、4、2"]],
    ["安全事故发生率按从低到高分别得8、6、4、2分。", item("8"), ["按排名 得分 依次 得 8、6、4、2 越低越好"]],
    ["群众满意度由高到低依次得5、3、1分", item("5"), ["按排名 得分 依次 得 5、3、1"]],
  ] as const)("%s", expectReading);

  it.each([
    // only the units below a threshold are ranked
    ["达标率低于90%的县区按从高到低排序,分别得6、4、2分。", item("6")],
    // rising values
    ["按从高到低排序,分别得2、4、6分。", item("6")],
    // in a 加分 section: ranked by what is not said
    ["获奖数量按从高到低排序,分别得3、2、1分。", bonus()],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});

describe("a count's band: 「二次得2分」「每年…2次得10分」, and 「一次计P分」 making up the item", () => {
  it.each([
    ["组织廉政谈话二次得3分。", item("3"), ["分段 { ≥ 2次 得 3 }"]],
    ["每年开展应急演练2次得5分", item("5"), ["分段 { ≥ 2次 得 5 }"]],
    ["全年召开联席会议三次得2分;", item("2"), ["分段 { ≥ 3次 得 2 }"]],
  ] as const)("%s", expectReading);

  it("「一次计P分」 whose item's awards, each taken once, make up the points: a band of one", () => {
    const siblings = ["制定工作方案的得2分。"];
    expectReading("召开专题部署会一次计3分,", item("5", { siblings }), ["分段 { ≥ 1次 得 3 }"]);
  });

  it.each([
    // 「一次得1分」 alone in a 20-point item: per time (not this pattern's; never a band)
    ["参加一次得1分", item("20", { siblings: [] })],
    // 「第二次」 is an ordinal
    ["第二次检查合格得2分", item("3")],
  ] as const)("not a band: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind === "rules" ? r.bodies.join(" ") : "").not.toMatch(/分段/);
  });
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

describe("a base said from both sides, and 「未达到X%以上(含)」", () => {
  it.each([
    ["办结率达80%以上(含)的,得30分;未达到80%的,每少一个百分点扣1分。", item("30"), ["基准 80% 每少 1个百分点 扣 1"]],
    ["回访率未达到98%以上(含)的,每少一个百分点扣0.2分。", item("10"), ["基准 98% 每少 1个百分点 扣 0.2"]],
  ] as const)("%s", expectReading);

  it.each([
    // the other side names another bound: two bases
    ["办结率达80%以上(含)的,得30分;未达到70%的,每少一个百分点扣1分。", item("30")],
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
    // base, 每项 扣 1 — never 得 3: recognise-phrasings-s25-tune14.test.ts)
    ["得基础分2分,未按时报送的不得分", item("2")],
  ] as const)("stays a to-do: %s", (text, ctx) => expectTodo(text, ctx));
});
