/** Exact band arithmetic with 含/不含 bounds. */
import { describe, expect, it } from "vitest";
import { checkCatalogue, parseKp, type RuleModel } from "@kaoping/core";
import { bandIntervals, gaps, intervalText, overlaps } from "../src/bands.js";

function rule(bands: string, signed = false): RuleModel {
  const text = `细则 「x」\n指标 「a」 2分 {\n  规则 「r」 「条文」 分段${signed ? " 可为负" : ""} {\n${bands}\n  }\n}\n`;
  const parsed = parseKp(text, "x.kp");
  expect(parsed.diagnostics).toEqual([]);
  const checked = checkCatalogue([parsed.ast]);
  expect(checked.diagnostics).toEqual([]);
  return checked.catalogue.rules[0]!;
}

function describeBands(bands: string, signed = false): { gaps: string[]; overlaps: string[] } {
  const bi = bandIntervals(rule(bands, signed))!;
  return {
    gaps: gaps(bi.intervals).map((g) => intervalText(g.lo, g.hi, bi.percent)),
    overlaps: overlaps(bi.intervals).map((o) => `${o.first.band.text} ∩ ${o.second.band.text} = ${intervalText(o.lo, o.hi, bi.percent)}`),
  };
}

describe("band gaps and overlaps", () => {
  it("[75%, 100%) beside [50%, 75%) is tight", () => {
    expect(describeBands("[75%, 100%) 扣 0.2\n[50%, 75%) 扣 0.4")).toEqual({ gaps: [], overlaps: [] });
  });
  it("≥ 98% and [92%, 98%] overlap at 98%; with [92%, 98%) they do not", () => {
    expect(describeBands("≥ 98% 得 0.2\n[92%, 98%] 得 0.1")).toEqual({ gaps: [], overlaps: ["≥ 98% ∩ [92%, 98%] = 98%"] });
    expect(describeBands("≥ 98% 得 0.2\n[92%, 98%) 得 0.1")).toEqual({ gaps: [], overlaps: [] });
  });
  it("reports the exact gap interval, open or closed on each side", () => {
    expect(describeBands("[93%, 100%] 得 0.2\n< 92% 得 0.1").gaps).toEqual(["[92%, 93%)"]);
    expect(describeBands("(93%, 100%] 得 0.2\n≤ 92% 得 0.1").gaps).toEqual(["(92%, 93%]"]);
    expect(describeBands("(75%, 100%) 扣 0.2\n[50%, 75%) 扣 0.4").gaps).toEqual(["75%"]);
    expect(describeBands("[75%, 100%) 扣 0.2\n[50%, 75%) 扣 0.4\n< 25% 扣 0.8").gaps).toEqual(["[25%, 50%)"]);
  });
  it("does not count values beyond the lowest or highest band as gaps", () => {
    expect(describeBands("[50%, 75%) 扣 0.4\n[75%, 90%) 扣 0.2").gaps).toEqual([]);
    expect(describeBands("≥ 6 扣 1\n(3, 6) 扣 0.5\n≤ 3 扣 0.2")).toEqual({ gaps: [], overlaps: [] });
  });
  it("computes wide overlaps and a band contained in another", () => {
    expect(describeBands("[70%, 100%) 扣 0.2\n[50%, 80%) 扣 0.4").overlaps).toEqual(["[70%, 100%) ∩ [50%, 80%) = [70%, 80%)"]);
    expect(describeBands("< 50 扣 1\n[10, 20] 扣 0.5").overlaps).toEqual(["< 50 ∩ [10, 20] = [10, 20]"]);
    expect(describeBands("= 5 扣 1\n[5, 10) 扣 0.5").overlaps).toEqual(["= 5 ∩ [5, 10) = 5"]);
  });
  it("ignores the 未报送 band", () => {
    expect(describeBands("[0%, 100%] 扣 0.2\n未报送 扣 2")).toEqual({ gaps: [], overlaps: [] });
  });
  it("分段 可为负: negative bounds, = 0, and percent bands open below 0% (issue 11 §1.8)", () => {
    expect(describeBands("> 0 得 2\n= 0 得 1.5\n< 0 得 1.5 每低 0.1 扣 0.1", true)).toEqual({ gaps: [], overlaps: [] });
    expect(describeBands("< -5 扣 1\n(-5, 0) 扣 0.5", true).gaps).toEqual(["-5"]);
    expect(describeBands("< 0 扣 1\n[-2.5, -1) 扣 0.5", true).overlaps).toEqual(["< 0 ∩ [-2.5, -1) = [-2.5, -1)"]);
    // a signed percentage is a change, not a share: < -1% does not stop at 0%
    expect(describeBands("< -1% 扣 1\n[0%, 5%) 扣 0.5", true).gaps).toEqual(["[-1%, 0%)"]);
  });
});
