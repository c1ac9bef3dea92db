/**
 * Rates, percentage steps and proportion (patterns/percent-points.ts, proportion.ts, two-sided-task.ts, steps.ts,
 * formulas.ts): per 个百分点 below a rate the clause states, the base of a percentage step, a rate reaching 100 % as the
 * award's condition, a plan of a quantity done as 100 % of it, a task's points with one step for both sides
 * (「每增减N%,加减M分」), two-sided from the target, an award whose formula follows — on clauses written for these tests
 * (general rulebook phrasing, never the corpus's text), each reading checked in a catalogue (it must parse and check),
 * with the near-misses that must stay to-dos with a Chinese reason.
 */
import { describe, it } from "vitest";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

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

describe("「完成目标任务各得标准分,超额完成的每增加…,未完成的每减少…」: two-sided from the target", () => {
  it.each([
    ["完成目标任务数各得标准分,超额完成的每增加一个加2分,未完成任务数的每减少一个减2分", item("20"), ["基准 目标值 每增加 1个 得 2，每减少 1个 扣 2"]],
    ["完成年度目标任务的得标准分;超额完成的每增加1个加1分;未完成的每减少1个扣1分", item("10"), ["基准 目标值 每增加 1个 得 1，每减少 1个 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // one side only: the target's other side is not written
    ["完成目标任务数各得标准分,超额完成的每增加一个加2分", item("20")],
    // a side without its step
    ["完成目标任务数各得标准分,超额完成的加2分,未完成任务数的每减少一个减2分", item("20")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("an award whose formula follows, the award as its factor", () => {
  it.each([
    // an award whose formula follows, the award as its factor: a rate of the award's points
    ["各单位均按时完成隐患整改得2分。计分公式：已整改隐患数÷排查隐患数×2", item("4"), ["按比率 得分 满分 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // a formula whose factor is not the award
    ["按时办结得2分。计分公式：办结数÷受理数×3", item("4")],
  ] as const)("never guessed: %s", expectTodo);
});
