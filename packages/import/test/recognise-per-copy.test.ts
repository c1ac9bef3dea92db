/**
 * Points per copy with the full marks they make up (session 29, issue 13; patterns/per-copy.ts): 「满分T分(P分/份×N)」 with
 * P × N = T is `每份 得 P 上限 T`; the N things listed before it (months, holidays) are the copies; a product that does not
 * make up the full marks, or other scoring beside it, is a to-do. Clauses written for these tests.
 */
import { describe, it } from "vitest";
import { expectReading, expectTodo, item } from "./phrasing-check.js";

describe("points per copy with the full marks they make up", () => {
  it.each([
    ["①月度报告:包括1、3、5、7月四个月,满分20分(5分/份×4)。", "每份 得 5 上限 20"],
    ["②季度分析:包括一季度、上半年、前三季度,满分30分(10分/份×3)。", "每份 得 10 上限 30"],
    ["专题报告:包括“五一”、国庆节两个假日的市场总结,满分40分(20分/份×2)。", "每份 得 20 上限 40"],
  ])("%s → %s", (text, want) => {
    expectReading(text, item("100"), [want]);
  });

  it.each([
    ["月度报告,满分20分(5分/份×3)。"], // 5 × 3 is not 20
    ["月度报告:包括1、3、5月,满分20分(5分/份×4)。"], // three months listed, four copies
    ["月度报告迟报扣2分,满分20分(5分/份×4)。"], // a deduction beside it
  ])("%s → a to-do", (text) => {
    expectTodo(text, item("100"));
  });
});
