/**
 * clause-mismatch (KP3030): a range whose dash a copy lost (lost-dash.ts; the cuts from core's runTogetherSplits).
 * Whole ends (session 26): 「视情扣14分」 in a 12-point item is 1-4, 「46名」 between 「前3名」 and 「7名以后」 places 4 to 6.
 * Decimal ends (session 27, test/corpus 361): 「扣0.10.5分」
 * (no number at all), 「扣0.21分」 and 「扣0.52」 in a 2-point item are the ranges 0.1–0.5, 0.2–1 and 0.5–2 written
 * side by side; a 酌情 rule with exactly those ends is faithful, one with another end still disagrees.
 */
import { describe, expect, it } from "vitest";
import { kp3030 } from "./helpers.js";


describe("a decimal range whose dash a copy lost", () => {
  it("「0.10.5」, 「0.21」, 「0.52」 are the rule's two ends side by side", () => {
    expect(kp3030(2, "场地不整洁,扣0.10.5分", "酌情 扣 0.1 至 0.5")).toEqual([]);
    expect(kp3030(2, "围网破损,扣0.21分", "酌情 扣 0.2 至 1")).toEqual([]);
    expect(kp3030(2, "未设置沉淀池,扣0.52", "酌情 扣 0.5 至 2")).toEqual([]);
    // full-width digits and point, as some copies have them
    expect(kp3030(3, "未洒水,扣０．３１．５分", "酌情 扣 0.3 至 1.5")).toEqual([]);
  });

  it("an end changed by hand still disagrees", () => {
    expect(kp3030(2, "场地不整洁,扣0.10.5分", "酌情 扣 0.2 至 0.5")).not.toEqual([]);
    expect(kp3030(2, "场地不整洁,扣0.10.5分", "酌情 扣 0.1 至 1")).not.toEqual([]);
    expect(kp3030(2, "围网破损,扣0.21分", "酌情 扣 0.4 至 1")).not.toEqual([]);
  });

  it("is a range only where the rule is one: a one-shot deduction of 0.21 is its own amount", () => {
    expect(kp3030(2, "围网破损,扣0.21分", "扣 0.21")).toEqual([]);
    expect(kp3030(2, "围网破损,扣0.21分", "扣 0.2")).not.toEqual([]);
    expect(kp3030(2, "场地不整洁,扣0.10.5分", "扣 0.5")).not.toEqual([]);
  });

  it("an upper end above the item's points is no range of it", () => {
    expect(kp3030(2, "围网破损,扣0.23分", "酌情 扣 0.2 至 3")).not.toEqual([]);
  });
});

describe("a range whose dash a copy lost", () => {
  it("「视情扣14分」 in a 12-point item is 1-4", () => {
    const c = "抓好消防安全工作的的视情扣14分,";
    expect(kp3030(12, c, "酌情 扣 1 至 4")).toEqual([]);
    expect(kp3030(2, "顶窗出现损坏或者漏水的扣12分", "酌情 扣 1 至 2")).toEqual([]);
  });

  it("another range, or a number the item's points allow as one amount, is still reported", () => {
    const c = "抓好消防安全工作的的视情扣14分,";
    expect(kp3030(12, c, "酌情 扣 1 至 5")).not.toEqual([]);
    expect(kp3030(12, c, "酌情 扣 2 至 4")).not.toEqual([]);
    // in a 20-point item 14 may be one deduction: the range is not what the clause says
    expect(kp3030(20, c, "酌情 扣 1 至 4")).not.toEqual([]);
  });

  it("「46名」 between 「前3名」 and 「7名以后」 is places 4 to 6", () => {
    const c = "累计得分之和前3名学院计30分、46名计20分、7名以后计10分。";
    expect(kp3030(30, c, "分段 { ≤ 3 得 30 (3, 6] 得 20 > 6 得 10 }")).toEqual([]);
    expect(kp3030(30, c, "分段 { ≤ 3 得 30 (3, 5] 得 20 > 5 得 10 }")).toEqual(["分段界限 5 在条文中没有出现"]);
    // in order (「前3名…、46名以后…」 has no place after it): 46 is a place
    expect(kp3030(30, "前3名计30分、46名以后计20分", "分段 { ≤ 3 得 30 (3, 6] 得 20 }")).not.toEqual([]);
  });
});
