/**
 * `kp test` as a subprocess: passing and failing runs (with the trace of what differs), JUnit, JSON,
 * coverage, --record (and its refusal to overwrite), and bad scenario files — all against goldens.
 */
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { golden, kp, kpGolden, repoRoot, fixtures, tempDir, transcript } from "./helpers.js";

const dir = join(fixtures, "kptest");
const env = { KP_TEST_DURATIONS: "0" };

describe("kp test", () => {
  it("runs the seed's scenarios: all pass, coverage 100% of rules, bands and caps", () => {
    const r = kpGolden("test/seed-coverage.txt", ["test", "rules/", "--coverage"], { cwd: repoRoot, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("场景：16 个通过，共 16 个");
    expect(r.stdout).toContain("规则 127/127（100.0%）    分段 8/8（100.0%）    上限 1/1（100.0%）");
  });

  it("examples/各县.kptest (recorded from examples/各县事实.csv) passes and pins the totals of examples/expected.json", () => {
    const r = kp(["test", "examples/"], { cwd: repoRoot, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("场景：3 个通过，共 3 个");
    const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as { unit: string; total: string }[];
    const text = readFileSync(join(repoRoot, "examples", "各县.kptest"), "utf8");
    for (const block of text.split(/^场景 /m).slice(1)) {
      const unit = /^「([^」]+)」/.exec(block)![1]!;
      expect(/期望 总分 (\S+)/.exec(block)![1]).toBe(expected.find((u) => u.unit === unit)!.total);
    }
  });

  it("a failing run shows expected, actual and the trace of the rule, and exits 1", () => {
    const r = kpGolden("test/failing.txt", ["test", "失败.kptest"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ 信息完成率 60%");
    expect(r.stdout).toContain("期望：扣 0.2");
    expect(r.stdout).toContain("实际：扣 0.4");
    expect(r.stdout).toContain("计算：数值 60% 在 [50%, 75%) 内，扣 0.4");
  });

  it("--format junit for CI", () => {
    const r = kpGolden("test/failing-junit.xml.txt", ["test", "失败.kptest", "--format", "junit"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<testsuites name="kp test" tests="3" failures="2"/);
    expect(r.stdout).toContain('<failure message="规则「信息完成率」：期望 扣 0.2，实际 扣 0.4" type="KP7020">');
  });

  it("--format json with coverage lists what no scenario exercises", () => {
    const r = kp(["test", "失败.kptest", "--format", "json", "--coverage"], { cwd: dir, env });
    const j = JSON.parse(r.stdout) as { summary: { passed: number; failed: number }; coverage: { counts: { rule: { covered: number; total: number } }; uncovered: { kind: string; rule: string }[] }[] };
    expect(j.summary).toEqual({ passed: 1, failed: 2 });
    expect(j.coverage[0]!.counts.rule).toEqual({ covered: 8, total: 127 });
    expect(j.coverage[0]!.uncovered).toContainEqual(expect.objectContaining({ kind: "band", rule: "信息完成率" }));
    expect(j.coverage[0]!.uncovered).toContainEqual(expect.objectContaining({ kind: "cap", rule: "文件签收领取" }));
  });

  it("bad scenario files: every problem located, in Chinese, nothing run", () => {
    const r = kpGolden("test/bad.txt", ["test", "坏.kptest"], { cwd: dir, env });
    expect(r.code).toBe(1);
    for (const code of ["KP7001", "KP7003", "KP7004", "KP7005", "KP7006", "KP7010", "KP7011", "KP7012", "KP7013", "KP7014", "KP7015", "KP7022"]) expect(r.stderr).toContain(code);
    const j = kp(["test", "坏.kptest", "--format", "junit"], { cwd: dir, env });
    expect(j.stdout).toMatch(/<testsuites name="kp test" tests="1" failures="0" errors="1"/);
    expect(j.stdout).toContain('<error message="测试文件有 15 个错误">坏.kptest:4 KP7014');
    const n = kp(["test", "无细则.kptest"], { cwd: dir, env });
    expect(n.code).toBe(1);
    expect(n.stderr).toContain("无细则.kptest:1:1 错误 KP7030 找不到测试文件所用的细则「不存在.kp」");
    const m = kpGolden("test/missing-facts.txt", ["test", "缺事实.kptest"], { cwd: dir, env });
    expect(m.code).toBe(1);
    expect(m.stderr).toContain("KP7017");
  });

  it("a fact value the catalogue refuses is located at its line", () => {
    const t = tempDir();
    const text = readFileSync(join(dir, "失败.kptest"), "utf8").replace("「../../../../../rules/细则.kp」", `「${join(repoRoot, "rules", "细则.kp")}」`).replace("「参会」 = 2", "「参会」 = 两次");
    writeFileSync(join(t, "值.kptest"), text);
    const r = kp(["test", "值.kptest"], { cwd: t, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/值\.kptest:14:3 错误 KP7016 事实的值有误：「参会」的值「两次」应为非负整数/);
  });

  it("--record writes a scenario from a real unit, which then passes; never overwrites one", () => {
    const t = tempDir();
    copyFileSync(join(repoRoot, "examples", "各县事实.csv"), join(t, "各县事实.csv"));
    const file = join(t, "记录.kptest");
    writeFileSync(file, `细则 「${join(repoRoot, "rules", "细则.kp")}」\n`);
    const args = ["test", "记录.kptest", "--record", "各县事实.csv", "--unit", "白水县"];
    const r = kp(args, { cwd: t, env });
    expect(r.code).toBe(0);
    const written = readFileSync(file, "utf8").split("\n").slice(1).join("\n");
    golden("test/record.txt", transcript(args, r) + "# 记录.kptest（细则行之后）\n" + written);
    expect(written).toContain("场景 「白水县」");
    expect(written).toContain("「交办反馈」 = 2");
    expect(written).toContain("期望 总分 48.00");
    const again = kp(["test", "记录.kptest"], { cwd: t, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("✓ 白水县");
    const refused = kpGolden("test/record-refused.txt", args, { cwd: t, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("KP7031");
    expect(readFileSync(file, "utf8").split("场景 「白水县」").length).toBe(2);
  });

  it("--record creates a scenario file beside the catalogue, which then runs against it", () => {
    const t = tempDir();
    cpSync(join(repoRoot, "rules"), join(t, "rules"), { recursive: true, filter: (p) => !p.endsWith(".kptest") });
    copyFileSync(join(repoRoot, "examples", "各县事实.csv"), join(t, "各县事实.csv"));
    expect(existsSync(join(t, "rules", "新.kptest"))).toBe(false);
    const r = kp(["test", "rules/新.kptest", "--record", "各县事实.csv", "--unit", "西岭县", "--name", "西岭县（去年）"], { cwd: t, env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(t, "rules", "新.kptest"), "utf8");
    expect(text.startsWith("// 测试场景（写法见语言参考第 13 节）")).toBe(true);
    expect(text).toContain("场景 「西岭县（去年）」");
    const run = kp(["test", "rules/"], { cwd: t, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("✓ 西岭县（去年）");
  });

  it("a scenario file that is a named pipe is refused at once (KP0011), never waited on", () => {
    const t = tempDir();
    execFileSync("mkfifo", [join(t, "管道.kptest")]);
    const r = kp(["test", "管道.kptest"], { cwd: t, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("管道.kptest 错误 KP0011 这不是普通文件，而是命名管道（FIFO）");
  });

  it("coverage sees the caps of groups (合计上限) and of bonus sections", () => {
    const r = kpGolden("test/coverage-caps.txt", ["test", "组/", "--coverage"], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("上限 1/2（50.0%）");
    expect(r.stdout).toContain("组/细则.kp:8  「创新」的上限 2 从未达到");
    expect(r.stdout).not.toContain("合计上限");
  });
});
