/**
 * `kp report` as a process: what it prints (goldens), and that the output is all or nothing — a busy
 * target refused, --force replacing it whole, an input never inside what is replaced, a missing
 * Chromium or bad facts leaving nothing behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../../test/golden.js";
import { kp, tempDir, transcript } from "./helpers.js";
import { goldenDir, repoRoot } from "../../report/test/fixture.js";

const rules = "rules/";
const facts = "examples/各县事实.csv";

/**
 * Runs kp in the repository; the transcript has the temporary folder written as <临时> and the
 * folder's size as <大小> (it follows every change of the pages and of ECharts).
 */
function run(name: string, args: string[], tmp: string, env: Record<string, string> = {}) {
  const r = kp(args, { cwd: repoRoot, env });
  expectGolden(join(goldenDir, `${name}.txt`), transcript(args, r).split(tmp).join("<临时>").replace(/\d+\.\d MB/g, "<大小>"));
  return r;
}

/** Files and folders left in a folder (no temporary report folder may remain). */
const left = (dir: string) => readdirSync(dir).sort();

describe("kp report", () => {
  it("writes the folder: workbook, overview, one page per unit, assets", () => {
    const tmp = tempDir("kp-report-cli-");
    const out = join(tmp, "报告");
    const r = run("ok", ["report", rules, facts, "-o", out], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/16 个文件，1\.\d MB/);
    expect(left(out)).toEqual(["assets", "index.html", "units", "报告.xlsx"]);
    expect(left(join(out, "assets"))).toEqual(["echarts.min.js", "report.css", "report.js"]);
    expect(left(join(out, "units"))).toHaveLength(11);
    expect(left(tmp)).toEqual(["报告"]);
  });

  it("refuses a non-empty folder without --force (KP6001) and leaves it as it was", () => {
    const tmp = tempDir("kp-report-cli-");
    const out = join(tmp, "报告");
    mkdirSync(out);
    writeFileSync(join(out, "旧.txt"), "旧内容");
    const r = run("busy", ["report", rules, facts, "-o", out], tmp);
    expect(r.code).toBe(2);
    expect(left(out)).toEqual(["旧.txt"]);
    expect(left(tmp)).toEqual(["报告"]);
  });

  it("--force replaces the folder whole", () => {
    const tmp = tempDir("kp-report-cli-");
    const out = join(tmp, "报告");
    mkdirSync(out);
    writeFileSync(join(out, "旧.txt"), "旧内容");
    const r = kp(["report", rules, facts, "-o", out, "--force"], { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(left(out)).toEqual(["assets", "index.html", "units", "报告.xlsx"]);
    expect(left(tmp)).toEqual(["报告"]);
  });

  it("writes into an empty folder that exists", () => {
    const tmp = tempDir("kp-report-cli-");
    mkdirSync(join(tmp, "空"));
    expect(kp(["report", rules, facts, "-o", join(tmp, "空")], { cwd: repoRoot }).code).toBe(0);
    expect(existsSync(join(tmp, "空", "index.html"))).toBe(true);
  });

  it("refuses a file as the target (KP6002)", () => {
    const tmp = tempDir("kp-report-cli-");
    writeFileSync(join(tmp, "报告"), "一个文件");
    const r = run("file", ["report", rules, facts, "-o", join(tmp, "报告")], tmp);
    expect(r.code).toBe(2);
    expect(readFileSync(join(tmp, "报告"), "utf8")).toBe("一个文件");
  });

  it("merges several facts files as kp score does: the same fact in two files is KP4080, and nothing is written", () => {
    const tmp = tempDir("kp-report-cli-");
    const r = run("two-facts", ["report", rules, facts, "examples/各县事实.json", "-o", join(tmp, "报告")], tmp);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("KP4080");
    expect(left(tmp)).toEqual([]);
  });

  it("never replaces a folder that holds an input, even with --force (KP6004)", () => {
    const tmp = tempDir("kp-report-cli-");
    const before = left(join(repoRoot, "examples"));
    const r = run("input-inside", ["report", rules, facts, "-o", "examples", "--force"], tmp);
    expect(r.code).toBe(2);
    expect(left(join(repoRoot, "examples"))).toEqual(before);
    expect(left(repoRoot).filter((n) => n.includes("kp-report"))).toEqual([]);
  });

  it("--pdf without Chromium: a clear error (KP6006) and nothing written", () => {
    const tmp = tempDir("kp-report-cli-");
    const r = run("no-chromium", ["report", rules, facts, "-o", join(tmp, "报告"), "--pdf"], tmp, { KAOPING_CHROMIUM: "/nonexistent/chromium" });
    expect(r.code).toBe(2);
    expect(left(tmp)).toEqual([]);
  });

  it("bad facts: the facts' errors, and no folder", () => {
    const tmp = tempDir("kp-report-cli-");
    const bad = join(tmp, "坏.csv");
    writeFileSync(bad, "单位,类别,参会\n青山县,县区,很多\n");
    const r = kp(["report", rules, bad, "-o", join(tmp, "报告")], { cwd: repoRoot });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("无法计分");
    expect(left(tmp)).toEqual(["坏.csv"]);
    expect(dirname(bad)).toBe(tmp);
  });

  it("help", () => {
    const tmp = tempDir("kp-report-cli-");
    expect(run("help", ["report", "--help"], tmp).code).toBe(0);
  });
});
