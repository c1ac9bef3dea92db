/**
 * `kp diff` as a subprocess: the seed catalogue against its revision rules-2027/ (text, JSON,
 * Markdown; with the example facts: each unit's change, hand-checked), and bad input — a catalogue
 * with errors, a missing path, the same catalogue twice.  Needs the built CLI.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kp, kpGolden, repoRoot } from "./helpers.js";

const seed = ["diff", "rules", "rules-2027"];

describe("kp diff between the seed and its revision", () => {
  it("lists every kind of change in a table, exit 0 (1 with --exit-code)", () => {
    const r = kpGolden("diff/seed.txt", seed, { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("原名「学习部署」（按条文相同对应）");
    expect(r.stdout).toContain("原名「交办工作计划」（按条文相似对应，相似度 84%）");
    expect(r.stdout).toContain("从「信息工作」移到「值班工作」");
    expect(r.stdout).toContain("上限：（无） → 上限 2");
    expect(r.stdout).toContain("分段：[75%, 100%) 扣 0.2 → [80%, 100%) 扣 0.2");
    expect(r.stdout).toContain("瞒报{+、错报+}紧急信息");
    expect(r.stdout).toContain("等次「良好」：≥ 48 → ≥ 48.5");
    expect(r.stdout).toContain("共 12 处变化（总体设置 2 处；指标：修改 2；规则：增加 1，删除 1，改名 2，移动 1，修改 3）。");
    expect(kp([...seed, "--exit-code"], { cwd: repoRoot }).code).toBe(1);
  });

  it("colours deletions red and insertions green on a terminal, with the same layout", () => {
    const plain = kp(seed, { cwd: repoRoot }).stdout;
    const coloured = kp(seed, { cwd: repoRoot, env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout;
    expect(coloured).toContain("\x1b[31m[-75-]\x1b[39m\x1b[32m{+80+}\x1b[39m");
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(plain);
  });

  it("writes JSON with the clause's word-level difference", () => {
    const r = kpGolden("diff/seed-json.txt", [...seed, "--format", "json"], { cwd: repoRoot });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { same: boolean; rules: { name: string; change: string; clauseDiff?: { op: string; text: string }[] }[] };
    expect(j.same).toBe(false);
    expect(j.rules.find((x) => x.name === "紧急信息")?.clauseDiff).toEqual([
      { op: "same", text: "迟报、漏报、瞒报" },
      { op: "ins", text: "、错报" },
      { op: "same", text: "紧急信息的，每次扣" },
      { op: "del", text: "0.2" },
      { op: "ins", text: "0.3" },
      { op: "same", text: "分" },
    ]);
  });

  it("writes a Markdown page for a revision memo, atomically with -o", () => {
    const r = kpGolden("diff/seed-md.txt", [...seed, "--format", "md", "--facts", "examples/各县事实.csv"], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| 修改 | 紧急信息 | 计分：每次 扣 0.2 → 每次 扣 0.3<br>条文：迟报、漏报、瞒报**、错报**紧急信息的，每次扣~~0.2~~**0.3**分 |");
    const dir = mkdtempSync(join(tmpdir(), "kp-diff-"));
    const out = join(dir, "修订对照.md");
    const w = kp([...seed, "--format", "md", "--facts", "examples/各县事实.csv", "-o", out], { cwd: repoRoot });
    expect(w.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(r.stdout);
    // Never over an input: a catalogue file or the facts file.
    const before = readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8");
    for (const target of ["rules/细则.kp", "examples/各县事实.csv"]) {
      const refused = kp([...seed, "--facts", "examples/各县事实.csv", "-o", target], { cwd: repoRoot });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`错误：KP0016 输出文件「${target}」就是输入文件「${target}」`);
    }
    expect(readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8")).toBe(before);
  });

  it("gives the same units' changes from the JSON twin of the facts", () => {
    const units = (facts: string) => (JSON.parse(kp([...seed, "--facts", facts, "--format", "json"], { cwd: repoRoot }).stdout) as { units: unknown[] }).units;
    expect(units("examples/各县事实.json")).toEqual(units("examples/各县事实.csv"));
  });

  it("scores both versions on the same facts: totals, ranks, grades and the rules responsible (hand-checked)", () => {
    const r = kpGolden("diff/seed-facts.txt", [...seed, "--facts", "examples/各县事实.csv"], { cwd: repoRoot });
    expect(r.code).toBe(0);
    // Renamed rules read their old columns; the removed rule's column is not used; the new rule's fact is missing.
    expect(r.stderr).toContain("提示 KP7050 事实「学习部署」按新版细则中改名后的规则「学习反馈部署」读取（原规则「学习部署」）");
    expect(r.stderr).toContain("提示 KP7051 新版细则中没有规则使用事实「顶岗值班」");
    expect(r.stderr).toContain("警告 KP7052 事实文件中没有新版细则的规则「值班记录」需要的事实「值班记录」（原版细则中没有这条规则）：计算新版得分时各单位按事实文件的默认值计（次数为 0）");
    const j = JSON.parse(kp([...seed, "--facts", "examples/各县事实.csv", "--format", "json"], { cwd: repoRoot }).stdout) as {
      units: { unit: string; old: { total: string; rank: number; grade: string }; new: { total: string; rank: number; grade: string }; delta: string; indicators: { name: string; old?: string; new?: string; delta: string }[]; rules: { name: string; delta: string }[] }[];
    };
    const unit = (name: string) => j.units.find((u) => u.unit === name)!;
    // 白水县 (信息完成率 75%, 信息约稿 1): 信息工作 2 − 0.2 − 0.1 = 1.7 → 1.5 − 0.4 (75% is now in [50%, 80%)) − 0.1 = 1;
    // 值班工作 1 → 1.5; total 47.995 − 0.7 + 0.5 = 47.795 → 47.80, below 良好's new 48.5: 合格.
    expect(unit("白水县")).toMatchObject({ old: { total: "48.00", rank: 6, grade: "良好" }, new: { total: "47.80", rank: 6, grade: "合格" }, delta: "-0.2" });
    expect(unit("白水县").indicators).toEqual([
      { name: "信息工作", old: "1.7", new: "1", delta: "-0.7" },
      { name: "值班工作", old: "1", new: "1.5", delta: "+0.5" },
    ]);
    expect(unit("白水县").rules).toEqual([{ name: "信息完成率", old: "-0.2", new: "-0.4", delta: "-0.2" }]);
    // 南川县: 信息工作 stays 0 (未报送 扣 2 takes all its points, old 2 and new 1.5), so 紧急信息's
    // larger deduction changes nothing; 值班工作 1 → 1.5: 45.357 + 0.5 = 45.857 → 45.86.
    expect(unit("南川县")).toMatchObject({ old: { total: "45.36" }, new: { total: "45.86" }, delta: "+0.5" });
    // Sorted by the size of the change.
    expect(j.units.map((u) => u.delta).slice(0, 5)).toEqual(["+0.5", "+0.5", "+0.5", "-0.2", "-0.1"]);
  });
});

describe("kp diff on bad input", () => {
  it("reports a catalogue with errors, located, and compares nothing (exit 2)", () => {
    const r = kpGolden("diff/bad-catalogue.txt", ["diff", "catalogue", "diff/bad"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("diff/bad/细则.kp:6:43 错误 KP2001");
  });

  it("reports a missing path (exit 2)", () => {
    const r = kpGolden("diff/missing.txt", ["diff", "没有这个目录", "catalogue"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有这个目录 错误 KP0001 找不到这个文件");
  });

  it("finds no change between a catalogue and itself (exit 0, also with --exit-code)", () => {
    const r = kpGolden("diff/same.txt", ["diff", "catalogue", "catalogue", "--exit-code"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("两个版本没有差别。");
  });

  it("reports a fact the new version requires that the file lacks, at each unit's row (exit 2), and reads a renamed rule's column", () => {
    const r = kpGolden("diff/missing-required-fact.txt", ["diff", "catalogue", "diff/new", "--facts", "facts/ok.csv"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("提示 KP7050 事实「清退」按新版细则中改名后的规则「文件清退」读取（原规则「清退」）");
    expect(r.stderr).toContain("facts/ok.csv:2:1 错误 KP4008 单位「甲县」缺少规则「学习评价」需要的事实（评价得分）");
  });

  it("reports facts with errors (exit 2)", () => {
    const r = kpGolden("diff/bad-facts.txt", ["diff", "catalogue", "catalogue", "--facts", "facts/errors.json"]);
    expect(r.code).toBe(2);
  });
});
