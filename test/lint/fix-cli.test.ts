/**
 * `kp lint --fix` as a user runs it (a subprocess of the built CLI): it applies the safe fixes only.
 * The catalogue below is correct as written (issue 11's cases): three 酌情 rules sharing one clause,
 * an item whose points do not match its parts on purpose, a 减分 section whose cap is 3 while the
 * clause says 2 (a mis-encoding: the fix must not hide it by capping the rule).  --fix must add the
 * 扣完为止 cap (safe) and nothing else; the suggestions stay, shown as 建议 in the editor and as
 * 修复建议 in the CLI, and the file is left with its declared points, its rules and its section cap.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const cli = resolve(__dirname, "../../packages/cli/dist/cli.js");

const source = [
  "细则 「示例细则」",
  "",
  "指标 「督查落实」 30分 {",
  "  规则 「督查整改一」 「督查发现问题整改不力的，酌情扣1-10分」",
  "    酌情 扣 1 至 10",
  "  规则 「督查整改二」 「督查发现问题整改不力的，酌情扣1-10分」",
  "    酌情 扣 1 至 10",
  "  规则 「督查整改三」 「督查发现问题整改不力的，酌情扣1-10分」",
  "    酌情 扣 1 至 10",
  "}",
  "",
  "指标 「会议」 4分 {",
  "  规则 「参会」 「未按要求参加重要会议的，每次扣0.5分」",
  "    每次 扣 0.5",
  "}",
  "",
  "指标 「表彰」 3分 {",
  "  规则 「一等奖」 「获一等奖的得3分，二等奖得2分」",
  "    得 3",
  "  规则 「二等奖」 「获一等奖的得3分，二等奖得2分」",
  "    得 2",
  "}",
  "",
  "减分 「群体性事件」 上限 3 {",
  "  规则 「群体性事件」 「发生群体性事件的，每起扣1分，最多扣2分」",
  "    每起 扣 1",
  "}",
  "",
].join("\n");

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kp lint --fix (subprocess)", () => {
  it("applies only the safe fixes; suggestions are shown and left to the user", () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-lint-fix-cli-"));
    const file = join(dir, "细则.kp");
    writeFileSync(file, source);
    const r = run(["lint", "--fix", "细则.kp"], dir);
    expect(r.stderr).toBe("");
    const after = readFileSync(file, "utf8");
    // The one safe fix: 扣完为止 written out on 参会.
    expect(after).toBe(source.replace("    每次 扣 0.5\n", "    每次 扣 0.5 上限 4\n"));
    // Not merged, not re-declared, not capped on the rule.
    expect(r.stdout).not.toContain("KP3040");
    expect(r.stdout).toContain("KP3010");
    expect(r.stdout).toContain("修复建议：将声明的分值改为 5（仅为建议，--fix 不自动应用）");
    expect(r.stdout).toContain("所在减分项「群体性事件」的上限却是 3 分");
    expect(r.stdout).toContain("修复建议：将减分项「群体性事件」的上限 3 改为条文中的 2（仅为建议，--fix 不自动应用）");
    expect(r.stdout).toContain("已修复 细则.kp");
    expect(r.code).toBe(1); // the clause-mismatch error remains
  });
});
