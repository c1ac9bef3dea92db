/** The judge's second look: readings written otherwise count as correct only when their scores cannot tell them apart. */
import { describe, expect, it } from "vitest";
import { scoreEquivalent } from "./score-equivalence.js";

const c = { points: 10 };

describe("score equivalence of two readings of a clause", () => {
  it("bands written first-match or as intervals are one meaning", () => {
    expect(scoreEquivalent(["分段 { > 50% 扣 5 > 30% 扣 3 }"], ["分段 { > 50% 扣 5 (30%, 50%] 扣 3 }"], c)).toBe(true);
  });
  it("a bound's inclusivity, an inverted band, another amount or cap are told apart", () => {
    expect(scoreEquivalent(["分段 { > 50% 扣 5 }"], ["分段 { ≥ 50% 扣 5 }"], c)).toBe(false);
    expect(scoreEquivalent(["分段 { < 100% 扣 10 }"], ["分段 { ≥ 100% 扣 10 }"], c)).toBe(false);
    expect(scoreEquivalent(["每次 扣 0.5"], ["每次 扣 0.3"], c)).toBe(false);
    expect(scoreEquivalent(["每次 扣 0.5 上限 2"], ["每次 扣 0.5"], c)).toBe(false);
    expect(scoreEquivalent(["分段 { ≥ 3次 不得分 }"], ["不得分"], c)).toBe(false);
  });
  it("a reading that asks for another fact is not equivalent, even where it could score alike", () => {
    expect(scoreEquivalent(["至少 2次 每少 1次 扣 1"], ["每次 扣 1"], c)).toBe(false);
    expect(scoreEquivalent(["得 1"], ["每天 得 1"], c)).toBe(false);
  });
  it("the counted noun is a label: 每项 and 每件次 of one count score alike", () => {
    expect(scoreEquivalent(["每件次 扣 0.5"], ["每项 扣 0.5"], c)).toBe(true);
  });
});
