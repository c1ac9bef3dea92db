/**
 * The fifteenth fresh set's wrong reading and to-dos at their cause, in the general class each belongs to (session 25,
 * helper s25-tune15, books 300–312 tuned on): a deductions table whose rows never write 扣 (bare-amounts.ts
 * `faultList`, and the direction guard), a rate reaching 100 % as the award's condition (proportion.ts), 分 of a word in
 * a percentage base (percent-points.ts), 比例 naming the rate measured, the copy's double dash and 视情节严重 in a
 * discretionary range (discretion-range.ts), a month written as a date (dates.ts), 酌情记分 (kinds.ts), grades without
 * 评为 (grades-unmarked.ts) and a bound before its noun (rewords-bound-noun.ts) — on clauses written for these tests,
 * never the corpus's text. Each reading is checked in a catalogue; each class has near-misses that stay what they were.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { guardsFiring } from "../src/recognise/guards.js";
import { normalise } from "../src/recognise/normalise.js";
import { maskMonthDates } from "../src/recognise/dates.js";
import { faultList } from "../src/recognise/patterns/bare-amounts.js";
import { rewordBoundNoun } from "../src/recognise/rewords-bound-noun.js";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";

const notional = (siblings: readonly string[]): ClauseContext => ({ indicator: "环境卫生", points: null, section: null, siblings });

/** Rows of a deductions table that never write 扣: each prices a fault. */
const FAULTS = ["门前有积存垃圾未清理的 1分/处", "果皮箱破损未及时更换 0.5分/个", "占道经营未劝离的 2分/处", "墙面乱贴小广告 0.5分/处"];

describe("a deductions table whose rows never write 扣 (wqsr-01–11's cause: the list's direction had to come from a verb)", () => {
  it.each([
    ["公厕内有异味、地面有积水的 1分/处", notional(FAULTS), ["每处 扣 1"]],
    ["擅自在绿地内堆放杂物、搭建棚架 0.5分/项", notional(FAULTS), ["每项 扣 0.5"]],
    ["夜间施工噪音扰民,影响居民休息的 2分/次", notional(FAULTS), ["每次 扣 2"]],
    ["下水井盖缺失未及时补齐每处1分", notional(FAULTS), ["每处 扣 1"]],
  ] as const)("%s", expectReading);

  it("the fault list: every sibling one verbless amount describing a fault", () => {
    expect(faultList(FAULTS)).toBe(true);
    // one row names merit: a list of another kind
    expect(faultList([...FAULTS, "参加全市评比获表彰的 2分/次"])).toBe(false);
    // one row writes its verb: deductionList's concern, not this one
    expect(faultList([...FAULTS, "路面积水扣1分"])).toBe(false);
    // rows that describe no fault (a checklist of tasks with their points)
    expect(faultList(["建立卫生管理台账 1分/项", "设置分类垃圾桶 0.5分/个"])).toBe(false);
    // a single sibling says no list
    expect(faultList(["门前有积存垃圾未清理的 1分/处"])).toBe(false);
    // the absence of a fault is what an item earns: no fault list
    expect(faultList(["全年无安全事故 2分", "无违纪违法问题 1分/项"])).toBe(false);
  });

  it("an absence among the faults is not read as a deduction", () => {
    expect(bodies(recogniseClause("全年无群众投诉 1分/项", notional(FAULTS)))).not.toEqual(["每项 扣 1"]);
  });

  it("no siblings, no section: never 扣 from a list that is not there (the older reading stays)", () => {
    expect(bodies(recogniseClause("公厕内有异味的 1分/处", notional([])))).not.toEqual(["每处 扣 1"]);
  });

  it.each([
    // merit among the faults: which way is not written
    ["参加市容环境评比获表彰的 2分/次", notional(FAULTS)],
  ] as const)("stays a to-do: %s", expectTodo);

  it("a verbless task list keeps its award (no fault words anywhere)", () => {
    expect(bodies(recogniseClause("建立门前三包台账 1分/项", notional(["设置分类垃圾桶 0.5分/个", "配备保洁人员 1分/人"])))).toEqual(["每项 得 1"]);
  });

  it("the guard: an award read from a verbless amount among rows that price faults is a to-do", () => {
    const fired = guardsFiring(normalise("搭棚唱戏,燃放鞭炮 0.5分/项"), ["每项 得 0.5"], notional(FAULTS)).map((g) => g.name);
    expect(fired).toContain("bare-award-among-deductions");
  });
});

describe("a rate reaching 100 % as the award's condition, scored in proportion below it (rhqz-01/04/06, tzqj-04/06)", () => {
  it.each([
    ["农作物秸秆综合利用率达100%的计6分,低于100%的按比例计分。", item("6"), ["按比率 得分 满分 6"]],
    ["达到病死畜禽100%无害化处理的计4分,达不到的按比例计分。", item("4"), ["按比率 得分 满分 4"]],
    ["完成绿肥种植和100%测土配方施肥计划的计5分,不足的按比例扣分;", item("5"), ["按比率 得分 满分 5"]],
  ] as const)("%s", expectReading);

  it.each([
    // a target other than 100 %: the share of it is not the rate done (the proportion helper's near-miss, kept)
    ["良种覆盖率达到95%以上的计8分,低于95%的按比例计分。", item("8")],
    // 低于 another rate than the whole
    ["覆盖率达100%的计6分,低于90%的按比例计分。", item("6")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the base of a percentage step (lsj-02/03, xlsc-04)", () => {
  it.each([
    // 分 of 分配 is no points word in the base phrase
    ["中稻完成分配任务90%以上的计10分,每少1个百分点扣1分。", item("10"), ["基准 90% 每少 1个百分点 扣 1"]],
    ["分解下达的任务完成95%以上的记8分,每低1个百分点扣0.5分", item("8"), ["基准 95% 每低 1个百分点 扣 0.5"]],
    // 比例 naming the share measured is the rate itself
    ["优质稻种植比例达到70%的,记满分;每少1%,扣0.5分。", item("6"), ["基准 70% 每少 1% 扣 0.5"]],
  ] as const)("%s", expectReading);

  it.each([
    // 按比例 as a way of scoring before the step stays out of this class
    ["按比例完成90%以上的计10分,每少1个百分点扣1分。", item("10")],
    // full points that are not the item's
    ["完成分配任务90%以上的计8分,每少1个百分点扣1分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a discretionary range with the copy's double dash, and 视情节严重 (bjlh-03)", () => {
  it.each([
    ["破坏公共设施,视情节严重扣2——5分。", item("10"), ["酌情 扣 2 至 5"]],
    ["上课违纪,视情节轻重扣1—3分", item("10"), ["酌情 扣 1 至 3"]],
    ["乱扔垃圾的,酌情扣0.5——2分;", item("10"), ["酌情 扣 0.5 至 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a falling range stays a to-do (maybe a slip of the copy)
    ["破坏公共设施,视情节严重扣5——2分。", item("10")],
    // a bound before the range
    ["3次以上的视情节严重扣1——3分。", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
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

describe("酌情记分 as 酌情计分: the assessors' score within the item (xlsc-08/09)", () => {
  it.each([
    ["经乡镇验收合格的,记满分;否则酌情记分。", item("5"), ["评议 得分 上限 5"]],
    ["按时报送材料且内容完整的,记满分;否则酌情记分", item("3"), ["评议 得分 上限 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // the other side alone (beside siblings' awards): what it may give is not said
    ["否则酌情记分。", item("3")],
    // an amount beside 酌情记分: which range is not said
    ["按完成情况酌情记分,最高记2分", item("3")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("grades without 评为: the thing judged named once (rhqz-08/09)", () => {
  it.each([
    ["田间管理较好的计6分,一般的计4分,差的不计分。", item("6"), ["评为 「较好」、「一般」、「差」 分别得 6、4、0"]],
    ["完成示范片建设且效果好的计8分,效果一般的计5分,效果差的计2分,未建设的不计分。", item("8"), ["评为 「效果好」、「效果一般」、「效果差」、「未建设」 分别得 8、5、2、0"]],
    ["档案整理优秀的得4分,良好的得3分,合格的得2分,不合格的不得分", item("4"), ["评为 「优秀」、「良好」、「合格」、「不合格」 分别得 4、3、2、0"]],
  ] as const)("%s", expectReading);

  it("names the grades in the author's characters", () => {
    expect(bodies(recogniseClause("排灌溝渠較好的計5分,一般的計3分,差的不計分。", item("5")))).toEqual(["评为 「較好」、「一般」、「差」 分别得 5、3、0"]);
  });

  it.each([
    // rising points: no grade list
    ["田间管理差的计2分,一般的计4分,较好的计6分。", item("6")],
    // a part that is no grade
    ["田间管理较好的计6分,及时的计4分,差的不计分。", item("6")],
    // a count in the clause
    ["田间管理较好的计6分,一般的计4分,差的每处扣1分。", item("6")],
  ] as const)("stays a to-do or another reading: %s", (text, ctx) => {
    const r = recogniseClause(text, ctx);
    expect(r.kind === "rules" && r.bodies.some((b) => b.startsWith("评为"))).toBe(false);
  });
});

describe("a bound before the noun it counts (xlsc-06)", () => {
  it.each([
    ["在村部醒目位置张挂3幅以上宣传横幅的,记2分;", item("3"), ["分段 { ≥ 3 得 2 }"]],
    ["在主干道书写10条以上标语的记1分", item("2"), ["分段 { ≥ 10条 得 1 }"]],
  ] as const)("%s", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    // 幅 is no count word of the language: that one stays a to-do (never a band in another unit)
    if (/幅/.test(text)) expect(r.kind).toBe("todo");
    else expectReading(text, ctx, want);
  });

  it("moves the noun before the bound, never across another number or for one", () => {
    expect(rewordBoundNoun("书写5条以上标语的,记1分")).toBe("书写标语5条以上的,记1分");
    expect(rewordBoundNoun("配备1人以上专职人员的,记1分")).toBe("配备1人以上专职人员的,记1分");
    expect(rewordBoundNoun("3月前书写5条以上标语的,记1分")).toBe("3月前书写5条以上标语的,记1分");
    expect(rewordBoundNoun("书写5条以上的,记1分")).toBe("书写5条以上的,记1分");
  });
});

describe("a task's points with one step for both sides, 「每增减N%,加减M分」 (hhlc-01–03)", () => {
  it.each([
    ["完成年度造林任务的,得20分;每增减1%,加减0.5分,最高加至24分,减分直至扣完。", item("20"), ["基准 100% 每增加 1% 得 0.5 上限 4，每少 1% 扣 0.5"]],
    ["以上年税收为基数,持平得8分,每增减1个百分点,加减0.2分,最高加至10分", item("8"), ["基准 100% 每增加 1个百分点 得 0.2 上限 2，每少 1个百分点 扣 0.2"]],
    ["完成市下达招商计划的计10分,每增减1%,加减1分", item("10"), ["基准 100% 每增加 1% 得 1，每少 1% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the points before the step are not the item's: the base score is another
    ["完成年度造林任务的,得15分;每增减1%,加减0.5分,最高加至24分。", item("20")],
    // a total not above the item's points
    ["完成年度造林任务的,得20分;每增减1%,加减0.5分,最高加至20分。", item("20")],
    // a rate target, not the task done
    ["造林完成率达到90%的得20分,每增减1%,加减0.5分。", item("20")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("a plan of a quantity done is 100 % of it (dyzy-04)", () => {
  it.each([
    ["按验收面积计算,完成下达造林计划面积的,记20分,每少1个百分点扣0.5分。本项分值扣完为止。", item("20"), ["基准 100% 每少 1个百分点 扣 0.5"]],
    ["完成年度生猪出栏计划的计10分,每低1个百分点扣0.2分", item("10"), ["基准 100% 每低 1个百分点 扣 0.2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a deduction above the plan: no side of 100 % this class reads
    ["完成年度生猪出栏计划的计10分,每超1个百分点扣0.2分", item("10")],
    // the points stated are not the item's
    ["完成年度生猪出栏计划的计8分,每低1个百分点扣0.2分", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's whole points taken, the verb first: 「扣完该项分值」 (xlsc-03's first cause)", () => {
  it.each([
    ["发现违规占用基本农田的,扣完该项分值。", item("7"), ["不得分"]],
    ["瞒报迟报灾情的,扣除本项全部分值", item("5"), ["不得分"]],
    // with an amount of its own 扣完 is the cap's business: not the item's loss
    ["每发现一处扣1分,扣完该项分值", item("7"), ["每处 扣 1"]],
  ] as const)("%s", expectReading);

  it("a bound of another measure before the loss stays a to-do (which occurrences void the item is the bound's role)", () => {
    expectTodo("出现10亩以上成片撂荒1处,扣完该项分值。", item("7"));
  });
});
