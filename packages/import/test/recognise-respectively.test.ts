/**
 * Classes scored respectively and a bonus by the total's places (session 29, patterns/respectively.ts,
 * patterns/rank-by-total.ts, lists.ts's 各 over things not done in the year).
 */
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { bodies, expectReading, item } from "./phrasing-check.js";

const bonus: ClauseContext = { indicator: "加分", points: null, section: "加分" };

describe("levels, recipients and periods", () => {
  it.each([
    ["2.医学论文及科研成果,在省、市级刊物发表1篇〔项〕分别加1分和0.5分,最多不超过5分;", bonus, ["每篇 得 「省级」 1、「市级」 0.5 上限 5"]],
    ["在国家、省、市级刊物发表1篇分别加3分、2分、1分", bonus, ["每篇 得 「国家级」 3、「省级」 2、「市级」 1"]],
    ["4.获市级以上先进集体和个人分别加2分、1分;", bonus, ["得 2", "得 1"]],
    ["奖励:县级督查、审计、考核一次合格者奖5分;市级督查、审计、考核合格者奖10分;省级督查、审计、考核合格者奖15分。", bonus, ["每次 得 「县级」 5、「市级」 10、「省级」 15"]],
    ["分四季度报帐审核:第一季度缺报扣20分;第二季度缺报扣10分;第三季度缺报扣10分;第四季度缺报扣20分。", item("60"), ["扣 20", "扣 10", "扣 10", "扣 20"]],
    ["1、年度未召开理事会或常务理事会、工作总结会议的各扣2分,", item("20", { siblings: ["会员信息每少一条扣1分"] }), ["扣 2", "扣 2"]],
  ] as const)("%s", expectReading);

  it.each([
    // two levels, three amounts
    ["在省、市级刊物发表1篇分别加3分、2分、1分", bonus],
    // levels in parts with no count written anywhere: once or per time is not said
    ["县级考核合格者奖5分;市级考核合格者奖10分", bonus],
  ] as const)("is not read respectively: %s", (text, ctx) => {
    const got = bodies(recogniseClause(text, ctx));
    expect(JSON.stringify(got)).not.toMatch(/「省级」|「县级」/);
  });
});

describe("a bonus by the total's places", () => {
  it.each([
    ["年终累计得分前三名奖20分,前4--7名奖15分,前8—10名奖10分。", bonus, ["按 总分 排名 依次 得 20、20、20、15、15、15、15、10、10、10"]],
    ["总分第1名加3分,第2名加2分,第3名加1分", bonus, ["按 总分 排名 依次 得 3、2、1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a gap in the places
    ["年终累计得分前三名奖20分,前5-7名奖15分", bonus],
    // what is ranked is not the total
    ["工作进度前三名奖20分,前4-7名奖15分", bonus],
  ] as const)("is not read by the total: %s", (text, ctx) => {
    expect(JSON.stringify(bodies(recogniseClause(text, ctx)))).not.toMatch(/按 总分 排名/);
  });
});
