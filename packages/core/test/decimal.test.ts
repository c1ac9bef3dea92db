/** Exact decimal arithmetic: the runtime every compiled module embeds. */
import { describe, expect, it } from "vitest";
import { kpAdd, kpDecimalProblem, kpDiv, kpDivRound, kpFixed, kpFormat, kpMul, kpMulDiv, kpParse, kpRound, kpSteps, kpTimes } from "@kaoping/core";

const d = (s: string) => kpParse(s);
const f = kpFormat;

describe("exact decimals", () => {
  it("0.1 + 0.2 = 0.3 exactly", () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float problem this exists for
    expect(f(kpAdd(d("0.1"), d("0.2")))).toBe("0.3");
    expect(kpAdd(d("0.1"), d("0.2"))).toBe(d("0.3"));
  });

  it("3 × 0.05 capped at 0.1 gives 0.1; 3 × 0.05 is 0.15", () => {
    const v = kpTimes(d("0.05"), 3);
    expect(f(v)).toBe("0.15");
    expect(f(Math.min(v, d("0.1")))).toBe("0.1");
  });

  it("sums of many small amounts stay exact", () => {
    let s = 0;
    for (let i = 0; i < 1000; i++) s = kpAdd(s, d("0.01"));
    expect(f(s)).toBe("10");
    let fl = 0;
    for (let i = 0; i < 1000; i++) fl += 0.01;
    expect(fl).not.toBe(10);
  });

  it("parses half- and full-width decimals, percentages, and rejects the rest", () => {
    expect(d("0.5")).toBe(500000);
    expect(d("０．５")).toBe(500000);
    expect(d("87.5%")).toBe(87500000);
    expect(d("12")).toBe(12000000);
    expect(kpDecimalProblem("0.1234567")).toBe("tooManyPlaces");
    expect(kpDecimalProblem("1e3")).toBe("notNumber");
    expect(kpDecimalProblem("-1")).toBe("notNumber");
    expect(kpDecimalProblem("")).toBe("notNumber");
    expect(kpDecimalProblem("99999999999")).toBe("tooLarge");
    expect(kpDecimalProblem("0.000001")).toBe("");
  });

  it("formats shortest exact form and fixed places", () => {
    expect(f(0)).toBe("0");
    expect(f(50000)).toBe("0.05");
    expect(f(-1500000)).toBe("-1.5");
    expect(f(1)).toBe("0.000001");
    expect(kpFixed(d("37.5"), 2)).toBe("37.50");
    expect(kpFixed(d("4"), 2)).toBe("4.00");
    expect(kpFixed(d("4"), 0)).toBe("4");
  });

  it("rounds half away from zero (四舍五入), only in the one rounding function", () => {
    expect(kpDivRound(5, 2)).toBe(3);
    expect(kpDivRound(-5, 2)).toBe(-3);
    expect(kpDivRound(4, 3)).toBe(1);
    expect(kpDivRound(-4, 3)).toBe(-1);
    expect(kpDivRound(7, -2)).toBe(-4);
    expect(Object.is(kpDivRound(-1, 3), -0)).toBe(false);
    expect(f(kpRound(d("2.345"), 2))).toBe("2.35");
    expect(f(kpRound(d("2.344999"), 2))).toBe("2.34");
    expect(f(kpRound(d("2.005"), 2))).toBe("2.01"); // 2.005 in binary floats rounds to 2.00
    expect((2.005).toFixed(2)).toBe("2.00");
    expect(f(kpRound(-d("2.345"), 2))).toBe("-2.35");
    expect(f(kpRound(d("0.5"), 0))).toBe("1");
  });

  it("multiplies and divides decimals exactly where the result is a decimal", () => {
    expect(f(kpMul(d("2.5"), d("0.02")))).toBe("0.05");
    expect(f(kpMul(d("92.5"), d("0.06")))).toBe("5.55");
    expect(f(kpMulDiv(d("6"), d("92.5"), 100 * 1000000))).toBe("5.55");
    expect(f(kpDiv(d("1"), d("3")))).toBe("0.333333");
    expect(f(kpDiv(d("2"), d("3")))).toBe("0.666667");
  });

  it("falls back to BigInt for large intermediate products and stays exact", () => {
    // 90000000 × 90000000 does not fit in 2^53, the quotient does
    const a = d("90");
    const r = kpMul(a * 1000, a * 1000);
    expect(f(r)).toBe("8100000000");
    expect(kpMulDiv(2 ** 52, 3, 3)).toBe(2 ** 52);
  });

  it("throws instead of returning an inexact result", () => {
    expect(() => kpTimes(d("1000000000"), 10_000_000)).toThrow("KP4018");
    expect(() => kpAdd(2 ** 53 - 1, 5)).toThrow("KP4018");
    expect(() => kpMulDiv(2 ** 52, 2 ** 10, 1)).toThrow("KP4018");
  });

  it("counts whole steps (不足一档不计 / 按一档计)", () => {
    expect(kpSteps(d("2.5"), d("1"), false)).toBe(2);
    expect(kpSteps(d("2.5"), d("1"), true)).toBe(3);
    expect(kpSteps(d("2"), d("1"), true)).toBe(2);
  });
});
