/**
 * An award and its other side (patterns/otherwise.ts, rewords-otherwise.ts, rewords-item.ts): 否则, the award's own
 * negation with a deduction (得 X 否则 扣 Y), 不得分 as the other side, in brackets (「(未报送不得分)」) or after a symbol band — and
 * a zero on a condition of its own, which is no other side — on clauses written for these tests (general rulebook
 * phrasing, never the corpus's text), each reading checked in a catalogue (it must parse and check), with the
 * near-misses that must stay to-dos with a Chinese reason.
 */
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

describe("the award and its other side: 否则, its own negation, a zero on a condition of its own", () => {
  it.each([
    ["按期完成年度办理任务的计8分,否则扣8分。", item("8"), ["得 8 否则 扣 8"]],
    ["主动向支部汇报思想的得1分,否则倒扣1分", item("4"), ["得 1 否则 倒扣 1"]],
    ["按要求参加集中学习,参加一次得0.5分;不参加不得分。", item("5"), ["每次 得 0.5"]],
    ["按时足额上缴会费得3分。不按时上缴会费的不得分;", item("3"), ["得 3"]],
    ["值班设备未受到损坏,得1分;维护不力造成损坏的不得分。", item("1"), ["得 1"]],
    // one band from N on, its complement (少于N) no points
    ["全年报送调研文章达到6篇(含6篇)以上的,计10分;少于6篇的,计0分。", item("10"), ["分段 { ≥ 6篇 得 10 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // a 加分 section: 否则 扣 there is a deduction from another sum (not read)
    ["完成任务的计5分,否则扣5分", { indicator: "加", points: null, section: "加分" as const }],
    // a condition with a number: a band, never one award
    ["全年召开3次会议的计4分,否则扣4分", item("4")],
    // the zero's condition names another thing: a second condition (was read 得 2 before this session)
    ["建立工作台账的得2分;未建立考勤制度的不得分", item("2")],
    ["参加培训的得1分,未参加考试的不得分", item("1")],
    ["值班设备未受到损坏,得1分;人员不到岗的不得分", item("1")],
    // the complement names another number: 以上 stays unsettled
    ["全年报送调研文章达到6篇以上的,计10分;少于4篇的,计0分。", item("10")],
  ] as const)("%s → to-do", expectTodo);

  it("near-miss: the zero that negates the award's own verb keeps its reading", () => {
    expect(bodies(recogniseClause("按时报送材料的得2分,未按时报送的不得分", item("2")))).toEqual(["得 2"]);
  });
});

describe("a band written with a symbol, then 否则不得分", () => {
  it.each([
    ["数据上报及时率≥98.0%,得2分;否则不得分。", item("3"), ["分段 { ≥ 98% 得 2 }"]],
    ["报表差错条数≤2条,得1分;否则不得分", item("2"), ["分段 { ≤ 2条 得 1 }"]],
    ["观测错情率≤0.3‰,得1分;否则不得分。", item("2"), ["分段 { ≤ 0.3 得 1 }"]],
  ] as const)("%s", expectReading);

  it.each([
    // another number in the condition: not one band
    ["3个站点上报及时率≥98%,得2分;否则不得分。", item("3")],
    // a waiver in brackets stays a to-do (which units it spares is not written)
    ["有人值守站(城区站除外)上报率≥95%,得1分;否则不得分。", item("3")],
  ] as const)("%s → to-do", expectTodo);
});

describe("an award and a deduction on its negation: 得 X 否则 扣 Y", () => {
  it.each([
    ["按时完成的得4分,未按时完成的扣4分", item("4"), ["得 4 否则 扣 4"]],
    ["参加培训得2分;不参加培训的倒扣1分。", item("2"), ["得 2 否则 倒扣 1"]],
    ["建立工作台账得1分,未建立工作台账扣1分", item("1"), ["得 1 否则 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a negation of part of the award: a late report earns neither
    ["按时报送的得1分,未报送的扣0.5分", item("2")],
    // a deduction on a condition of its own
    ["履行职责得2分,有推诿行为的倒扣2分", item("2")],
    // a count in the award
    ["完成3次检查得3分,未完成3次检查扣3分", item("3")],
    // not in a 加分 section
    ["按时完成的得4分,未按时完成的扣4分", bonus()],
  ] as const)("%s → to-do", expectTodo);
});

describe("the award's other side in brackets", () => {
  it.each([
    // the award's other side in brackets
    ["按时报送年度工作总结记3分（未报送不得分）", item("5"), ["得 3"]],
  ] as const)("%s", expectReading);

  it.each([
    // a bracket that gives another condition than the award's other side
    ["按时报送得2分（有违规的不得分）", item()],
  ] as const)("never guessed: %s", expectTodo);
});
