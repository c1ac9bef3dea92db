/**
 * A verbless amount after a fault described is never an award by default (session 27, issue 13: the perturbations'
 * drop-verb silent readings — 「墙上网线分布不合理(10分)」「签订率低于100%,2分」「…有明显垃圾…,每发现1处0.5分」 read as awards
 * because 「设置」「签订」「有」 stated a thing to do; test/corpus/README.md "Session 27: the eighteenth set's wrong
 * readings"). The rule: 条文写的是毛病（做得不好、低于要求、没做、发生了事件、发现了脏乱）时，分值前没有扣或得，不读作得分；
 * 本项名称或所在的减分项写明扣分时读作扣分. Clauses written for these tests.
 */
import { describe, expect, it } from "vitest";
import { faultOfVerbless } from "../src/recognise/patterns/stated-direction.js";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("a fault described with a verbless amount", () => {
  it.each([
    ["墙上网线分布不合理(10分)", "20"],
    ["鞋柜上的鞋子摆放不整齐(5分)", "20"],
    ["责任书签订率低于100%,2分。", "4"],
    ["培训情况,少于2次的1分", "4"],
    ["每发生一次重大群体性事件5分。", "5"],
    ["路面两侧有明显垃圾,每发现1处0.5分。", "4"],
    ["公开栏内容杂乱的2分", "10"],
    ["没用统一主持词的1分", "10"],
  ])("%s → to-do (no word states the direction)", (text, points) => {
    expectTodo(text, item(points, { siblings: [] }), /毛病|没有「扣」/);
  });

  it.each([
    ["墙上网线分布不合理(10分)", item(null, { section: "减分" }), ["扣 10"]],
    ["路面两侧有明显垃圾,每发现1处0.5分。", item(null, { section: "减分" }), ["每处 扣 0.5"]],
    ["路面两侧有明显垃圾的,每处0.5分。", item("4", { indicator: "环境卫生（倒扣分）" }), ["每处 扣 0.5"]],
    // an absence of a fault, and a thing done, are what a clause earns
    ["全年未发生安全事故,2分", item("2"), ["得 2"]],
    ["建立门前三包责任制 2分", item("2"), ["得 2"]],
  ])("%s → read as its section, item name or words state", (text, ctx, want) => {
    expectReading(text, ctx, want);
  });

  it("the words: a requirement's own bounds and absences are no fault", () => {
    expect(faultOfVerbless("签订率低于100%")).toBe("低于");
    expect(faultOfVerbless("签订率不低于100%")).toBeUndefined();
    expect(faultOfVerbless("培训不少于2次")).toBeUndefined();
    expect(faultOfVerbless("全年未发生安全事故")).toBeUndefined();
    expect(faultOfVerbless("辖区内未发生重大事故")).toBeUndefined();
    expect(faultOfVerbless("发生重大事故")).toBe("发生");
  });
});
