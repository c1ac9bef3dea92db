/**
 * clause-mismatch (KP3030): a decimal range whose dash a copy lost (session 27, test/corpus 361).  「扣0.10.5分」
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
