/**
 * A rule marked 待核 (scoring written by `kp import`, not yet checked) is linted like any other:
 * nothing in lint skips it, so a reading that disagrees with its clause still gets KP3030 — the
 * findings, their fixes and the fixed text are those of the same rule without the mark, the mark kept.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { applyFixes, lintAnalysis } from "@kaoping/lint";

/** The lint findings of a one-indicator catalogue, and the text after applying every fix. */
function lintOf(rule: string): { findings: string[]; fixed: string } {
  const text = `细则 「条文」\n总分 5分\n指标 「项目」 5分 {\n  ${rule}\n}\n`;
  const path = join(mkdtempSync(join(tmpdir(), "kp-lint-review-")), "细则.kp");
  writeFileSync(path, text);
  const a = analyzeCatalogue(path, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const ds = lintAnalysis(a);
  const edits = ds.flatMap((d) => d.fixes?.[0]?.edits ?? []);
  return { findings: ds.map((d) => `${d.code} ${d.message}`), fixed: applyFixes(text, edits) };
}

describe("待核 in lint", () => {
  const cases: [string, string][] = [
    ["「迟到一次扣0.5分，最多扣2分」", "每次 扣 0.3 上限 2"], // the amount disagrees
    ["「迟到一次扣0.5分，最多扣2分」", "每次 扣 0.5"], // the cap is missing
    ["「发生一起扣1分」", "扣 1"], // per occurrence read as once
    ["「完成率低于90%的扣1分」", "分段 { < 80% 扣 1 }"], // a band bound disagrees
  ];
  for (const [clause, code] of cases) {
    it(`${clause} ${code}: the same KP3030 with 待核 as without`, () => {
      const marked = lintOf(`规则 「考勤」 ${clause} 待核 ${code}`);
      const plain = lintOf(`规则 「考勤」 ${clause} ${code}`);
      expect(marked.findings.filter((f) => f.startsWith("KP3030")).length).toBeGreaterThan(0);
      expect(marked.findings).toEqual(plain.findings);
      expect(marked.fixed).toBe(plain.fixed.replace(`${clause} `, `${clause} 待核 `));
    });
  }
});
