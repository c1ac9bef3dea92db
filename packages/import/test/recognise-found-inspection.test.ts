/**
 * One thing an inspection finds, counted (session 29, rewords-found-one.ts): 「发现1户…的扣0.5分」「见一个组…扣1分」 —
 * per household, per group, as 「发现一起」 is 每起 (语言参考 §5.1).
 */
import { describe, expect, it } from "vitest";
import { recogniseClause } from "@kaoping/import";
import { bodies, expectReading, item } from "./phrasing-check.js";
import { rewordFoundOne } from "../src/recognise/rewords-found-one.js";

describe("one found, per thing found", () => {
  it.each([
    ["发现1户农户未签字或按手印的扣0.5分。", item("5"), ["每户 扣 0.5"]],
    ["土地承包清册或丈口簿,见一个组未交乡代管扣1分,扣完为止。", item("10"), ["每个 扣 1"]],
    ["查实一家企业未登记的扣1分", item("5"), ["每家 扣 1"]],
  ] as const)("%s", expectReading);

  it.each([
    // a bound, a second count, an award, a second amount: not this rewrite's
    "发现1户以上未签字的扣0.5分",
    "发现1户农户有2人未签字的扣0.5分",
    "发现1户农户签字的得0.5分",
    "发现1户农户未签字的扣0.5分,情节严重的扣1分",
    // 见 inside a word (意见) is no finding
    "征求意见一个月未反馈扣1分",
  ])("is not rewritten: %s", (text) => {
    expect(rewordFoundOne(text)).toBe(text);
  });

  it("the rewrite leaves the clause's words (the patterns see it, the rule keeps the author's text)", () => {
    expect(JSON.stringify(bodies(recogniseClause("发现1户农户未签字或按手印的扣0.5分。", item("5"))))).toBe('["每户 扣 0.5"]');
  });
});
