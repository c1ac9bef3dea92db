/**
 * A stated number per period and a count's minimum (session 29, issue 13): 「全年四次…每缺一次扣2分」 is 次数不足 with
 * the clause's own bound (patterns/times-a-year.ts), 「至少配置2组…每少1组扣4分」 in a measure word the language lacks
 * has bare numbers (patterns/minimum-short.ts), and a minimum or bound written in another order — 至少N种…否则不得分,
 * 「建立3个以上…得0.5分」, 「5个及以上不计分」 — is the band the patterns read (rewords-minimum.ts). Clauses written for
 * these tests.
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("times a year, each one short deducted", () => {
  it.each([
    ["每年召开两次村民代表会议,分别于6月底、12月底前,缺一次扣3分。", "至少 2次 每少 1次 扣 3"],
    ["全年四次分别于3月底、6月底、9月底、12月底前报送台账,每缺一次扣2分。", "至少 4次 每少 1次 扣 2"],
    ["每年组织三次培训,每缺一次扣1分。", "至少 3次 每少 1次 扣 1"],
  ])("%s → %s", (text, want) => {
    expectReading(text, item("10"), [want]);
  });

  it("the item's points stated before are the item's (「其中结报账8分」)", () => {
    expectReading("其中报账8分,全年四次分别于3月底、6月底、9月底、12月底前报账,每缺一次扣2分。", item("8"), ["至少 4次 每少 1次 扣 2"]);
  });

  it.each([
    ["每年召开两次会议,分别于6月底前,缺一次扣3分。"], // one date for two times
    ["每年召开两次会议,每次不少于3人参加,缺一次扣3分。"], // another number
  ])("%s → not read as times a year", (text) => {
    expectTodo(text, item("10"));
  });
});

describe("a minimum in a measure word the language lacks", () => {
  it("the bound and the step in the same word: bare numbers", () => {
    expectReading("公共区域至少配置2组或以上分类投放容器,每少1组扣4分;", item("10"), ["至少 2 每少 1 扣 4"]);
  });

  it("different words for the bound and the step: a to-do", () => {
    expectTodo("公共区域至少配置2组分类投放容器,每少1台扣4分;", item("10"));
  });
});

describe("a count's minimum or bound in another order", () => {
  it.each([
    ["至少3种宣传方式,否则不得分。", "分段 { < 3项 不得分 }"],
    ["建立3个以上规范化社区工会得0.5分;", "分段 { ≥ 3个 得 0.5 }"],
    ["超生达到5个及以上不计分,", "分段 { ≥ 5个 不得分 }"],
  ])("%s → %s", (text, want) => {
    expectReading(text, item("5"), [want]);
  });
});
