/**
 * rules/ (the real seed catalogue) must lint clean, with suppressions that say why.  The
 * suppressions live in rules/ itself; this test checks that they are exactly the reasoned ones
 * listed below, that nothing else fires, and that without them only those rules fire.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatLintText, lintAnalysis, lintRules } from "@kaoping/lint";
import { analyseFile, coreErrors } from "./helpers.js";

const rulesDir = resolve(__dirname, "../../../rules");

/** The suppressions rules/ carries, and why (the seed text has no caps and is cut off). */
const rulesSuppressions: { file: string; comment: string }[] = [
  { file: "01-×令畅通.kp", comment: "// kp-disable missing-cap: 原文未设单项上限，按指标分值扣完为止" },
  { file: "02-×风连×建设和反腐败工作.kp", comment: "// kp-disable missing-cap: 原文未设单项上限，按指标分值扣完为止" },
  { file: "03-组织建设.kp", comment: "// kp-disable-next-line points-sum: 原文在「全覆盖开展城市基层×组织」处截断，其余二级指标缺失，现存子项只有 11.2 分" },
  { file: "03-组织建设.kp", comment: "// kp-disable-next-line points-sum: 原文在本指标中途截断，现存条款合计 2.9 分，缺失条款的分值未计入" },
];

/** A copy of rules/ with every kp-disable comment removed. */
function withoutSuppressions(): string {
  const dir = mkdtempSync(join(tmpdir(), "kp-rules-"));
  cpSync(rulesDir, dir, { recursive: true });
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".kp"))) {
    const path = join(dir, f);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^[ \t]*\/\/ kp-disable.*$/gm, ""));
  }
  return dir;
}

describe("rules/ catalogue", () => {
  it("checks clean, so it can be linted", () => {
    expect(coreErrors(analyseFile(join(rulesDir, "细则.kp")))).toEqual([]);
  });

  it("carries exactly the listed suppressions, each with its reason", () => {
    const found = readdirSync(rulesDir)
      .filter((f) => f.endsWith(".kp"))
      .sort()
      .flatMap((f) => [...readFileSync(join(rulesDir, f), "utf8").matchAll(/^[ \t]*(\/\/ kp-disable.*)$/gm)].map((m) => ({ file: f, comment: m[1]! })));
    expect(found).toEqual(rulesSuppressions);
  });

  it("lints clean as committed (no diagnostic, no unused suppression)", () => {
    const a = analyseFile(join(rulesDir, "细则.kp"));
    expect(coreErrors(a)).toEqual([]);
    expect(formatLintText(lintAnalysis(a), rulesDir)).toBe("");
  });

  it("without its suppressions, only missing-cap and points-sum fire (the reasons above)", () => {
    const diags = lintAnalysis(analyseFile(join(withoutSuppressions(), "细则.kp")));
    const ids = new Set(diags.map((d) => lintRules.find((r) => r.code === d.code)?.id));
    expect([...ids].sort()).toEqual(["missing-cap", "points-sum"]);
  });

  it("stays clean under clause-mismatch alone, the false-positive test of the clause reader", () => {
    const diags = lintAnalysis(analyseFile(join(rulesDir, "细则.kp")), {
      rules: Object.fromEntries(lintRules.map((r) => [r.id, r.id === "clause-mismatch" ? "error" : "off"])),
    });
    expect(formatLintText(diags, rulesDir)).toBe("");
  });
});
