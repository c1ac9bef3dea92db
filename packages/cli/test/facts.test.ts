// Runs the built CLI (see helpers.ts: `pnpm test` builds first).
import { describe, expect, it } from "vitest";
import { kpGolden } from "./helpers.js";

/** Facts files with problems: each is reported at its file:line:col, and nothing is scored. */
const cases: [string, string, string[]][] = [
  ["unknown rule (long table)", "unknown-rule.csv", ["2:3 错误 KP4002", "5:3 错误 KP4014"]],
  ["negative and fractional counts", "counts.csv", ["2:3 错误 KP4003", "2:4 错误 KP4003", "3:3 错误 KP4003"]],
  ["rate over 100% and scores out of range", "rate.csv", ["2:5 错误 KP4005", "3:4 错误 KP4005", "4:4 错误 KP4005"]],
  ["unknown unit class", "class.csv", ["3:2 错误 KP4007", "4:2 错误 KP4007"]],
  ["duplicated unit", "duplicate-unit.csv", ["4:1 错误 KP4006"]],
  ["wrong column names", "wrong-column.csv", ["1:3 错误 KP4015", "1:4 错误 KP4015", "1:6 错误 KP4015"]],
  ["duplicated row (long table)", "duplicate-row.csv", ["4:2 错误 KP4021"]],
  ["no unit column", "no-unit-column.csv", ["1:1 错误 KP4001"]],
  ["missing required facts", "missing.csv", ["2:1 错误 KP4008", "2:1 错误 KP4008"]],
  ["empty file", "empty.csv", [" 错误 KP0008"]],
  ["header only", "header-only.csv", [" 错误 KP4012"]],
  ["binary file", "binary.csv", [" 错误 KP0007"]],
  ["unsupported format", "old.xls", [" 错误 KP4016"]],
  ["a directory", "目录.csv", [" 错误 KP0002"]],
  ["missing file", "nope.csv", [" 错误 KP0001"]],
  ["JSON syntax error", "syntax.json", ["3:54 错误 KP4013"]],
  ["JSON shape", "shape.json", ["1:12 错误 KP4020"]],
  ["JSON facts errors", "errors.json", ["3:39 错误 KP4007", "3:58 错误 KP4003", "3:68 错误 KP4002", "3:86 错误 KP4014", "3:108 错误 KP4005", "4:5 错误 KP4001", "5:15 错误 KP4006", "6:15 错误 KP4008"]],
];

describe("facts problems", () => {
  for (const [what, file, expected] of cases) {
    it(`reports ${what} (${file})`, () => {
      const r = kpGolden(`facts/${file.replace(/\.\w+$/, "")}.${file.split(".").pop()}.txt`, ["score", "catalogue", `facts/${file}`]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      const found = [...r.stderr.matchAll(/^facts\/[^\s:]+(:\d+:\d+)? 错误 KP\d{4}/gm)].map((m) => m[0].replace(/^facts\/[^\s:]+/, "").replace(/^:/, ""));
      expect(found).toEqual(expected);
      expect(r.stderr).toMatch(/无法计分。\n$/);
    });
  }

  it("refuses to explain with broken facts", () => {
    const r = kpGolden("facts/explain-counts.txt", ["explain", "catalogue", "facts/counts.csv", "--unit", "甲县"]);
    expect(r.code).toBe(1);
  });
});
