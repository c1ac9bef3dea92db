/**
 * Session 25 (helper pct): two general classes, on clauses written for these tests — never the corpus's text.
 * Rates per percentage point (`src/recognise/patterns/percent-points.ts`): the step word (每低/每少/每差/每下降/
 * 每超/每高, 一个 or 0.1个百分点, 个百分点 or %), and where the base comes from — a bound or a full-points rate
 * before the step, each point of a bad share from 0, 超额完成 above 100 %, the target the step names, the item's rates; a cut-off after
 * the steps; a proportional band from 100 %; the gap band. Discretionary ranges
 * (`src/recognise/patterns/discretion-range.ts`): 酌情 with or without a verb (the direction from the section
 * or an item named as deductions), per thing counted, 扣分N-M分, 「~」「至」. Each reading is checked in a
 * catalogue (it must parse and check); the near-misses must stay to-dos with a Chinese reason.
 */
import type { ClauseContext } from "@kaoping/import";
import { describe, it } from "vitest";
import { item, expectReading, expectTodo } from "./phrasing-check.js";

const bonus = (): ClauseContext => ({ indicator: "创新加分", points: null, section: "加分" });
const penalty = (): ClauseContext => ({ indicator: "日常检查", points: null, section: "减分" });

describe("per percentage point: the base stated before the step", () => {
  it.each([
    // a bound before the step, 「。」 inside the sentence, 一个
    ["二审改判率超过5%的。每超一个百分点扣0.5分。", item("4"), ["基准 5% 每超 1个百分点 扣 0.5"]],
    ["违法用地占比控制在3%以内,每超1个百分点扣2分,最多扣4分", item("6"), ["基准 3% 每超 1个百分点 扣 2 上限 4"]],
    // the rate for full points (the item's), 0.1个百分点, 每差
    ["档案归档率达到95%的得满分,每差0.5个百分点扣1分。", item("5"), ["基准 95% 每低 0.5个百分点 扣 1"]],
    ["群众知晓率不低于80%,得6分。每降低1%扣0.5分。", item("6"), ["基准 80% 每低 1% 扣 0.5"]],
    ["设施完好率大于85%,达标为12分,每低1%扣1分;", item("12"), ["基准 85% 每低 1% 扣 1"]],
    ["入户走访覆盖面达到辖区住户的60%不扣分,每降低2%扣1分.", item("8"), ["基准 60% 每低 2% 扣 1"]],
    // the copy lost 分 after the last amount
    ["达到35%的得满分,每低一个百分点扣0.3", item("3"), ["基准 35% 每低 1个百分点 扣 0.3"]],
    // a cut-off after the steps (语言参考 §5.5 截断), with and without a cap
    ["目标任务完成率低于90%的,每低1个百分点扣0.1分;低于70%的,本项不得分", item("3"), ["基准 90% 每低 1个百分点 扣 0.1 低于 70% 不得分"]],
    ["回访满意率低于95%的,每低1%扣0.2分,最多扣1分;低于80%的,本项不得分", item("2"), ["基准 95% 每低 1% 扣 0.2 低于 80% 不得分 上限 1"]],
    // 「以X%为基准」, 百分点 without 个, the base said from both sides (full points above it)
    ["以92%为基准,每低1百分点扣0.5分", item("5"), ["基准 92% 每低 1个百分点 扣 0.5"]],
    ["结案率达到90%以上的得满分,低于90%的,每低1个百分点扣0.5分", item("5"), ["基准 90% 每低 1个百分点 扣 0.5"]],
    // two rates each with its base, 分别
    ["新生儿建档率达100%,访视率达95%,少一个百分点分别扣1分;", item("10"), ["基准 100% 每少 1个百分点 扣 1", "基准 95% 每少 1个百分点 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // the base on the wrong side of its step: 达到 is a floor, the step deducts above it
    ["达到85%的得满分,每高1个百分点扣0.2分", item("5"), /下限/],
    ["投诉率控制在5%以内,每低1个百分点扣0.2分", item("5"), /上限/],
    // full points other than the item's
    ["合格率达到90%的得5分,每低1个百分点扣0.5分", item("4"), /不一致/],
    // a cut-off on the wrong side of the base
    ["合格率达到90%的得满分,每低1个百分点扣0.5分,低于95%的不得分", item("5"), /基准的关系/],
    // the base said from both sides with another number, or with an award other than the item's points
    ["结案率达到90%以上的得满分,低于85%的,每低1个百分点扣0.5分", item("5")],
    ["结案率达到90%以上的得3分,低于90%的,每低1个百分点扣0.5分", item("5")],
    // two percentages, one step: which is the base is not said
    ["满意率达到90%以上得满分,80%至90%之间每低1个百分点扣0.5分", item("5")],
    // full points and a cap of another amount (session 22's near-miss)
    ["好评率达98%的得6分,下降1个百分点扣0.5分,最多扣3分", item("6")],
    // two steps (up and down) of a target: not this class
    ["达到90%,每高1%加1分,每低1%扣1分", item("5")],
    // a step that adds outside a 加分 section
    ["参保率达到95%以上的,每超1个百分点加0.5分", item("5")],
  ] as const)("stays a to-do: %s", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));

  it("a bound without a step is a band, not a step (「低于100%,扣2分」)", () => {
    expectReading("责任书签订率低于100%,扣2分。", item("5"), ["分段 { < 100% 扣 2 }"]);
  });
});

describe("per percentage point: no base in the clause", () => {
  it.each([
    // each point of a share of a bad thing (no direction word): from 0
    ["逾期未结案件占比每一个百分点扣0.3分。", item("3"), ["基准 0% 每高 1个百分点 扣 0.3"]],
    ["重复信访占比每有一个百分点扣1分", item("5"), ["基准 0% 每高 1个百分点 扣 1"]],
    ["逾期案件占比每个百分点扣0.4分", penalty(), ["基准 0% 每高 1个百分点 扣 0.4"]],
    // 超额完成: above the whole task
    ["每超额完成5%加1分,最多加4分。", bonus(), ["基准 100% 每增加 5% 得 1 上限 4"]],
    // the item's rate (its name or its requirement), one rule per rate
    ["每低0.5个百分点扣0.1分", item("5", { indicator: "群众满意率达到90%" }), ["基准 90% 每低 0.5个百分点 扣 0.1"]],
    ["每低1个百分点扣2分,扣完为止", item("10", { indicator: "一、适龄儿童入学率达到100%,巩固率达到97%以上" }), ["基准 100% 每低 1个百分点 扣 2", "基准 97% 每低 1个百分点 扣 2"]],
    ["疫苗接种率每下降2个百分点扣1分,扣完为止。", item("4", { indicator: "免疫接种", item: "按程序开展接种,每季度接种率達98%。(4分)" }), ["基准 98% 每低 2个百分点 扣 1"]],
    // the gap below the target that voids the item
    ["低于目标8个百分点以上的不得分。", item("5"), ["分段 { ≥ 8个百分点 不得分 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // no base anywhere, and a good rate's points cannot be a deduction per point of it
    ["办结率每差1个百分点扣1分", item("5"), /基准/],
    ["办结率每一个百分点扣0.5分", item("5"), /高于还是低于/],
    // a rise with no base (from 0 or from a target?) — session 22's near-miss
    ["缴费率每上升一个百分点加0.5分", bonus(), /基准/],
    ["违法生育率每上升1个百分点扣1分", item("5"), /基准/],
    // the item names two rates and the clause one of them
    ["完成率每低1个百分点扣1分", item("5", { indicator: "完成率达到90%,及时率达到95%" }), /几个比率/],
    // the clause's rate is not the item's
    ["到位率每低1个百分点扣1分", item("5", { indicator: "知晓率达到90%" }), /不是同一个/],
    // a base relative to last year or an average: not this class
    ["比上年每增长1个百分点加1分", bonus()],
  ] as const)("stays a to-do: %s", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));

  it.each([
    // the step says it counts from the target
    ["结案率每低于目标值1个百分点扣0.5分,扣完为止", item("5"), ["基准 目标值 每低 1个百分点 扣 0.5"]],
    ["事故发生率每超过目标1个百分点扣1分", item("5"), ["基准 目标值 每超 1个百分点 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // 基准 目标值 only in an indicator (KP2054); a number before the step
    ["每低于目标值1个百分点扣0.5分", penalty()],
    ["2020年目标完成率每低于目标值1个百分点扣0.5分", item("5")],
    // 「未完成目标的…每低N个百分点」 the target patterns do not read: the target's value or 100 %? (its reason says so)
    ["未完成年度目标的,按每低2个百分点扣0.5分。", item("10"), /目标值还是完成率100%/],
  ] as const)("stays a to-do: %s", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));

  it("「未完成目标…每差N个百分点」 is still the target's (基准 目标值, linear.ts)", () => {
    expectReading("未完成年度目标任务的,每差1个百分点扣0.5分,扣完为止。", item("3"), ["基准 目标值 每低 1个百分点 扣 0.5"]);
  });
});

describe("a proportional band from 100 %", () => {
  it.each([
    ["整改率达到100%的得满分,整改率≥60%的按比例得分,低于60%的不得分。", item("2"), ["分段 { ≥ 100% 得 2 [60%, 100%) 得 2 每低 1个百分点 扣 0.02 }"]],
    ["完成率在70%以上的按比例得分,不足70%的不得分", item("1.5"), ["分段 { ≥ 100% 得 1.5 [70%, 100%) 得 1.5 每低 1个百分点 扣 0.015 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // the floor said with two numbers
    ["整改率达到100%的得满分,整改率≥60%的按比例得分,低于50%的不得分。", item("2")],
    // a top other than 100 %: a proportion of 90 % is no exact step
    ["整改率达到90%的得满分,整改率≥60%的按比例得分,低于60%的不得分。", item("2")],
  ] as const)("stays a to-do: %s", expectTodo);
});

describe("discretionary ranges", () => {
  it.each([
    ["台账记录不规范的,酌情扣1~3分", item("5"), ["酌情 扣 1 至 3"]],
    ["安全隐患整改不及时,视情况扣2至4分。", item("5"), ["酌情 扣 2 至 4"]],
    // no verb: the direction from the section, or from an item named as deductions
    ["走廊堆放杂物,酌情0.5-3分。", penalty(), ["酌情 扣 0.5 至 3"]],
    ["走廊堆放杂物,酌情0.5-3分。", item("5", { indicator: "环境卫生(扣分项)" }), ["酌情 扣 0.5 至 3"]],
    ["工作创新被上级推广,酌情0.5-1分。", bonus(), ["酌情 得 0.5 至 1"]],
    // per thing counted, before or after 酌情, with a fault after the noun
    ["门窗玻璃不洁,每处酌情0.2-1分。", penalty(), ["每处 酌情 扣 0.2 至 1"]],
    ["消防通道不畅通。每处有问题酌情1-3分。", penalty(), ["每处 酌情 扣 1 至 3"]],
    ["晚归未登记,酌情每有1人扣1-2分。", penalty(), ["每人 酌情 扣 1 至 2"]],
    ["私接电源者,每人扣分3-6分。", penalty(), ["每人 酌情 扣 3 至 6"]],
    ["课堂喧哗,酌情每人扣分1-2分。", penalty(), ["每人 酌情 扣 1 至 2"]],
    ["信息被采用,每条酌情加0.2-0.5分", bonus(), ["每条 酌情 得 0.2 至 0.5"]],
    // 每发现一处, 扣分N-M分 without 酌情, a cap above a counted range
    ["绿化带内有垃圾,每发现一处扣0.5-1分", item("5"), ["每处 酌情 扣 0.5 至 1"]],
    ["迟报瞒报的,扣分1-3分", item("5"), ["酌情 扣 1 至 3"]],
    ["门窗不洁,每处酌情扣0.5-1分,最多扣3分", item("5"), ["每处 酌情 扣 0.5 至 1 上限 3"]],
    // one occurrence before the range, or the count word after it: per occurrence, as the older range pattern reads them
    ["违反操作规程,一次酌情扣1-3分", item("5"), ["每次 酌情 扣 1 至 3"]],
    ["巡查发现一处酌情扣1-2分", item("5"), ["每处 酌情 扣 1 至 2"]],
    ["违规者酌情扣1-2分/人次", item("5"), ["每人次 酌情 扣 1 至 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // no verb and nothing that says which way
    ["资料不全,每项酌情0.2-0.5分", item("5", { indicator: "工作台账" }), /扣分还是加分/],
    // a range that falls (a copy's slip)
    ["酌情扣5-2分", item("5"), /由大到小/],
    // a count word the language does not have
    // (台 is 每个 since session 27: count-words.ts; 座 is written two ways)
    ["设施损坏的,每座酌情扣1-2分", item("5"), /计数单位/],
    // a bound before the range: which occurrences it takes is not said
    ["迟到3次以上的酌情扣1-2分", item("5"), /3次以上/],
    // a range and another amount
    ["酌情扣1-3分,情节严重的扣5分", item("5")],
    // a cap on one range, or a cap below the range's top
    ["门窗不洁,酌情扣0.5-1分,最多扣3分", item("5")],
    ["门窗不洁,每处酌情扣0.5-2分,最多扣1分", item("5")],
    // an award range in a 减分 section (the guard section-effect)
    ["酌情加0.5-1分", penalty()],
  ] as const)("stays a to-do: %s", (text, ctx, reason?: RegExp) => expectTodo(text, ctx, reason));
});
