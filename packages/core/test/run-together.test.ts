/**
 * runTogetherSplits (text/run-together.ts): the cuts of a run of digits and points into two amounts, the
 * smaller first — the arithmetic the importer's lost-dash reword and run-together guard and lint's
 * clause-mismatch check share (issue 13).
 */
import { describe, expect, it } from "vitest";
import { runTogetherSplits } from "@kaoping/core";

describe("runTogetherSplits: two amounts whose dash a copy lost", () => {
  it("cuts a decimal range run together (「0.10.5」 has one cut; 「0.21」「0.52」 are numbers and also ranges)", () => {
    expect(runTogetherSplits("0.10.5")).toEqual([["0.1", "0.5"]]);
    expect(runTogetherSplits("0.21")).toEqual([["0.2", "1"]]);
    expect(runTogetherSplits("0.52")).toEqual([["0.5", "2"]]);
    expect(runTogetherSplits("1.25.5")).toEqual([["1.2", "5.5"]]);
  });

  it("cuts whole numbers every rising way, left cut first", () => {
    expect(runTogetherSplits("14")).toEqual([["1", "4"]]);
    expect(runTogetherSplits("510")).toEqual([["5", "10"]]);
    expect(runTogetherSplits("146")).toEqual([["1", "46"]]);
    expect(runTogetherSplits("1234")).toEqual([["1", "234"], ["12", "34"]]);
    expect(runTogetherSplits("25")).toEqual([["2", "5"]]);
  });

  it("gives every cut when there are several, so a caller can refuse an ambiguous run (「0.120.5」: 0.1–20.5 or 0.12–0.5)", () => {
    expect(runTogetherSplits("0.120.5")).toEqual([["0.1", "20.5"], ["0.12", "0.5"]]);
  });

  it("gives nothing when no cut leaves two amounts as they are written, the smaller first", () => {
    for (const run of ["0.5", "1.5", "10", "21", "100", "7", "0.1.5", "0.105.5"]) expect(runTogetherSplits(run), run).toEqual([]);
  });

  it("never cuts into a malformed amount: no leading zero, no trailing fractional zero, no bare point", () => {
    // 「0.01.5」 would be 0.0–1.5 and 「0.10.50」 0.1–0.50 only with a malformed end
    expect(runTogetherSplits("0.01.5")).toEqual([]);
    expect(runTogetherSplits("0.10.50")).toEqual([]);
    expect(runTogetherSplits("105")).toEqual([]);
    expect(runTogetherSplits("1.05")).toEqual([]);
  });

  it("compares exactly, by digits (「0.30.25」: 0.3 is not below 0.25; 「9.910.1」: 9.9 is below 10.1)", () => {
    expect(runTogetherSplits("0.30.25")).toEqual([]);
    expect(runTogetherSplits("9.910.1")).toEqual([["9.9", "10.1"]]);
    expect(runTogetherSplits("0.10.1")).toEqual([]);
  });
});
