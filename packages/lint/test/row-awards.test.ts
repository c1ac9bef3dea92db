/**
 * clause-mismatch (KP3030) on items whose points stand only in the points column, row by row (session 24;
 * rulebooks 206 and 212 of test/corpus: 「成立应急管理领导机构。」 5, 「确定相关负责人员。」 3 …): the awards come
 * from the table, not the clauses — clean when the rows' awards add up to the item's points; a doubled or
 * wrong award, or a clause that writes its own points, is still reported.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

/** KP3030 messages on a catalogue of one indicator of `points` holding `rules`. */
function kp3030(points: number, ...rules: [clause: string, code: string][]): string[] {
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-")), "细则.kp");
  const body = rules.map(([c, code], i) => `  规则 「r${i + 1}」 「${c}」\n    ${code}`).join("\n");
  writeFileSync(path, `细则 「条文」\n总分 ${points}分\n指标 「应急管理体制建设」 ${points}分 {\n${body}\n}\n`);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return lintAnalysis(a)
    .filter((d) => d.code === "KP3030")
    .map((d) => d.message);
}

const rows: [string, string][] = [
  ["成立应急管理领导机构。", "得 5"],
  ["成立应急管理办事机构。", "得 5"],
  ["确定相关负责人员。", "得 3"],
  ["建立应急管理责任人、工作人员上墙公示制度。", "得 2"],
];

describe("points only in the points column, row by row", () => {
  it("checklist rows whose awards add up to the item's points: no mismatch", () => {
    expect(kp3030(15, ...rows)).toEqual([]);
    // a row with a bound written as a band of its points (hcyj-17/18)
    expect(kp3030(10, ["各级领导干部每年参加各类应急管理业务培训不少1次。", "分段 { ≥ 1次 得 5 }"], ["应急管理工作人员每年参加培训不少于2次。", "分段 { ≥ 2次 得 5 }"])).toEqual([]);
  });

  it("an award doubled (the corpus's `number` mis-encoding) breaks the sum: reported", () => {
    const doubled: [string, string][] = [["成立应急管理领导机构。", "得 10"], ...rows.slice(1)];
    expect(kp3030(15, ...doubled)).toEqual(expect.arrayContaining([expect.stringContaining("10 在条文中没有出现")]));
  });

  it("awards that fall short of the item's points, a clause with its own points, or a deduction: reported as before", () => {
    expect(kp3030(15, ...rows.slice(0, 3)).length).toBeGreaterThan(0);
    expect(kp3030(15, ["成立应急管理领导机构，得6分。", "得 5"], ...rows.slice(1)).length).toBeGreaterThan(0);
    expect(kp3030(15, ["未成立应急管理领导机构。", "扣 5"], ...rows.slice(1)).length).toBeGreaterThan(0);
  });
});
