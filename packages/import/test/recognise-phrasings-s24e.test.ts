/**
 * The thirteenth fresh set's classes (session 24, helper s24-tune13, books 260–279 tuned on;
 * `src/recognise/patterns/occurrences.ts`, `steps.ts`, `rewords-amounts.ts`, `rewords-item.ts`, the accounting word in `accounting-words.ts`), on clauses
 * written for these tests — general rulebook phrasing, never the corpus's text: the wrong reading's cause (「…任务
 * 为P分,未…的不记分」 read as an award of P), 「扣除N-M分」, a range on one occurrence, 「另加」 per piece, the item's
 * points then per-percentage steps, per 个百分点 below a stated rate. Each reading is checked in a catalogue (it
 * must parse and check); each class has its near-misses, which must stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, errorsOf, expectReading, expectTodo } from "./phrasing-check.js";

const bonus = (): ClauseContext => ({ indicator: "信息采用", points: null, section: "加分" });
const penalty = (): ClauseContext => ({ indicator: "责任追究", points: null, section: "减分" });

describe("「…任务为P分」 states the item's points, not an award (the wrong reading's cause)", () => {
  it.each([
    ["完成年度防汛物资储备任务为8分,未全部完成的不记分。", item("8"), ["不得分"]],
    ["按期完成老旧小区改造工作为6分,没有按期完成的不得分。", item("6"), ["不得分"]],
  ] as const)("%s", expectReading);

  it.each([
    // the points alone: what the task is worth, no award and no failing — never 得 P
    ["完成年度防汛物资储备任务为8分。", item("8")],
    // another number than the item's points: not the item's, and not an award either
    ["完成年度防汛物资储备任务为5分,未全部完成的不记分。", item("8")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("an award written 「得P分」 before a failing is read as before (得 P)", () => {
    expect(bodies(recogniseClause("完成年度防汛物资储备任务的得8分,未全部完成的不记分。", item("8")))).toEqual(["得 8"]);
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

describe("「另加」 per piece: two awards on the same count word", () => {
  it.each([
    ["被省级政务信息刊物采用,每条计20分,领导批示另加10分。", bonus(), ["每条 得 20", "每条 得 10"]],
    ["在市级以上报刊发表调研文章,每篇计8分,刊发在头版另加4分。", bonus(), ["每篇 得 8", "每篇 得 4"]],
    ["被国家级媒体报道,每次得6分,配发评论再加3分", bonus(), ["每次 得 6", "每次 得 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a cap or a total beside them
    ["被省级刊物采用,每条计20分,领导批示另加10分,最多加50分。", bonus()],
    // the extra names nothing
    ["被省级刊物采用,每条计20分,另加10分。", bonus()],
    // in a 减分 section
    ["被通报批评,每次计2分,点名批评另加1分。", penalty()],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's points for the target, then a deduction per step below it", () => {
  it.each([
    ["完成年度造林计划任务(面积)得12分,每减少10%扣2分。", item("12"), ["基准 100% 每低 10% 扣 2"]],
    ["城乡居民养老保险参保率达到98.5%,得6分,每下降0.5%,扣1分,扣完为止。", item("6"), ["基准 98.5% 每低 0.5% 扣 1"]],
    ["(2)完成全年征收任务得8分,每降低5%扣1分。", item("8"), ["基准 100% 每低 5% 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the award is not the item's points: two rules or one, not said
    ["完成年度造林计划任务得10分,每减少10%扣2分。", item("12")],
    // a bound in the task (未 / 以上): the target is not 100 % as written
    ["完成80%以上任务得12分,每减少10%扣2分。", item("12")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("per 个百分点 below a rate the clause states", () => {
  it.each([
    ["征缴率未达100%的,每低1个百分点扣0.5分,扣完为止。", item("5"), ["基准 100% 每低 1个百分点 扣 0.5"]],
    ["建档率低于90%的,每低2个百分点,扣1分。", item("5"), ["基准 90% 每低 2个百分点 扣 1"]],
    // a machine-rewritten copy's 旳 is 的
    ["办结率低于95%旳,每降低1个百分点,扣1分。", item("5"), ["基准 95% 每低 1个百分点 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the target is not stated as a rate: 100 % of a task, or a rate set elsewhere (a fresh book writes it otherwise)
    ["未完成目标任务的予以扣分,按每低5个百分点,扣1分。", item("5")],
    ["未完成年度任务的,每低1个百分点扣1分。", item("5")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's base, the same amount up and down, each side capped at a share of the base", () => {
  it.each([
    ["完成地区生产总值增长指标的基本分20分,每增减1个百分点,增减2分,增减分不超过基本分50%。", item("20"), ["基准 目标值 每增加 1个百分点 得 2 上限 10，每少 1个百分点 扣 2 上限 10"]],
    // the cap computed exactly: 15 × 50 % = 7.5, 15 × 35 % = 5.25 (no binary floating point)
    ["完成新建社区便民网点任务的基本分15分,每增减1个增减1分,增减分不超过基本分50%。", item("15"), ["基准 目标值 每增加 1个 得 1 上限 7.5，每少 1个 扣 1 上限 7.5"]],
    ["完成招商项目落地任务的基本分15分,每增减1个增减0.5分,增减分不超过基本分35%。", item("15"), ["基准 目标值 每增加 1个 得 0.5 上限 5.25，每少 1个 扣 0.5 上限 5.25"]],
  ] as const)("%s", expectReading);

  it.each([
    // the base is not the item's points
    ["完成地区生产总值增长指标的基本分10分,每增减1个百分点,增减2分,增减分不超过基本分50%。", item("20")],
    // no share stated: the caps are not said
    ["完成地区生产总值增长指标的基本分20分,每增减1个百分点,增减2分。", item("20")],
    // a step in %, not in 个百分点: relative or absolute is not said
    ["完成地区生产总值增长指标的基本分20分,每增减1%,增减2分,增减分不超过基本分50%。", item("20")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("the item's points for meeting every requirement, then two or more deductions on their own failings", () => {
  it.each([
    ["方案齐全,按时上报得10分,未制定方案扣4分,未按时上报扣3分。", item("10"), ["扣 4", "扣 3"]],
    ["按时完成验收手续,资料齐全得12分,未完成验收扣4分,资料不全扣4分,未按时上报扣4分。", item("12"), ["扣 4", "扣 4", "扣 4"]],
  ] as const)("%s", expectReading);

  it("one deduction after the award stays as before (得 P 否则 扣 N)", () => {
    expect(bodies(recogniseClause("按时完成得10分,未完成扣5分。", item("10")))).toEqual(["得 10 否则 扣 5"]);
  });

  it.each([
    // the award is not the item's points
    ["方案齐全,按时上报得8分,未制定方案扣4分,未按时上报扣3分。", item("10")],
    // a deduction beside an award later in the list
    ["方案齐全得10分,未制定方案扣4分,按时上报加1分,未按时上报扣3分。", item("10")],
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

// The lead's convention (session 24): 「酌情打分」 with no number is the assessors' score up to the item's (or its
// row's) points — 评议 得分 (模式 36) — in every book (cj-11 was 按评价, ybzx-05/07/08 评议).
describe("酌情打分 with no number: the assessors' score up to the points (评议)", () => {
  it.each([
    ["根据台账资料完整程度酌情打分。", item("4"), ["评议 得分 上限 4"]],
    ["视活动开展情况酌情评分", item("6", { rowPoints: "2" }), ["评议 得分 上限 2"]],
  ] as const)("%s", (text, ctx, want) => {
    const r = recogniseClause(text, ctx);
    expect(bodies(r)).toEqual(want);
    for (const b of want) expect(errorsOf(b, ctx)).toEqual([]);
  });
  it.each([
    // a deduction at discretion is 酌情扣分's (a range from 0), another number is a range or an amount not placed
    ["工作不到位的酌情扣分。", item("4"), "酌情 扣 0 至 4"],
    ["根据完成情况酌情打分,最高3分。", item("4"), undefined],
    ["酌情打分。", item(null), undefined],
  ] as const)("%s is not 评议 上限 the points", (text, ctx, reading) => {
    const r = recogniseClause(text, ctx);
    if (reading === undefined) expect(r.kind).toBe("todo");
    else expect(bodies(r)).toEqual([reading]);
  });
});
