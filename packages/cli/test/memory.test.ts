/**
 * Memory limits (issue 10, item 12): a facts file too large for the JavaScript heap is refused with
 * a code and a Chinese message before the heap runs out — never a V8 abort ("FATAL ERROR: …
 * JavaScript heap out of memory", exit 134).  The CLI runs as a subprocess with a small heap
 * (NODE_OPTIONS=--max-old-space-size=64) so the test is quick; without the check the same command
 * aborts with exit 134.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogueMeta } from "../src/index.js";
import { scoringMemoryProblem } from "@kaoping/facts";
import { kp } from "./helpers.js";

const RULES = 100;
const UNITS = 8000;
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kp-memory-"));
  const rules = Array.from({ length: RULES }, (_, i) => `  规则 「事项${i + 1}」 「每次扣0.01分」 每次 扣 0.01`);
  writeFileSync(join(dir, "细则.kp"), `细则 「内存」\n指标 「工作」 100分 {\n${rules.join("\n")}\n}\n`);
  // 8,000 units × 100 facts: 800,000 cells, about 1.8 MB
  const header = ["单位", ...rules.map((_, i) => `事项${i + 1}`)].join(",");
  const row = (u: number) => [`单位${u}`, ...Array.from({ length: RULES }, (_, i) => String((u + i) % 3))].join(",");
  writeFileSync(join(dir, "事实.csv"), [header, ...Array.from({ length: UNITS }, (_, u) => row(u + 1))].join("\n") + "\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const small = { NODE_OPTIONS: "--max-old-space-size=64" };

describe("memory limits", () => {
  it("kp score streams a CSV facts file to CSV or JSON in bounded memory: the same file scores in the small heap", () => {
    for (const out of ["排名-流式.csv", "排名-流式.json"]) {
      const r = kp(["score", "细则.kp", "事实.csv", "-o", out], { cwd: dir, env: { ...small, KP_SCORE_TRACE: "1" } });
      expect(r.stderr).toBe("kp: 流式计分\n");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`（${UNITS} 个单位）`);
    }
    expect(readFileSync(join(dir, "排名-流式.csv"), "utf8").split("\n").length).toBe(UNITS + 2);
  });

  it("kp score refuses a facts file too large for the heap (KP4030) where it reads it whole (the table): Chinese message, exit 1, no output file", () => {
    const r = kp(["score", "细则.kp", "事实.csv", "--format", "table"], { cwd: dir, env: small });
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|at /);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("事实.csv 错误 KP4030 事实文件太大，内存不够：8,000 行、808,101 个单元格，读取并计分估计需要约");
    expect(r.stderr).toMatch(/超过上限 64 MiB。请把单位分到几个较小的事实文件中分别计分，或提高 Node\.js 的内存上限，例如 NODE_OPTIONS=--max-old-space-size=\d+/);
    expect(existsSync(join(dir, "排名.csv"))).toBe(false);
  });

  it("kp explain too (its trace of every step needs more)", () => {
    const r = kp(["explain", "细则.kp", "事实.csv", "--unit", "单位1"], { cwd: dir, env: small });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("错误 KP4030 事实文件太大，内存不够");
    expect(r.stdout).toBe("");
  });

  it("scores the same file when the heap is large enough (the suggested limit works)", () => {
    const refused = kp(["score", "细则.kp", "事实.csv"], { cwd: dir, env: small });
    const mb = /--max-old-space-size=(\d+)/.exec(refused.stderr)![1]!;
    const r = kp(["score", "细则.kp", "事实.csv", "-o", "排名.csv"], { cwd: dir, env: { NODE_OPTIONS: `--max-old-space-size=${mb}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`（${UNITS} 个单位）`);
    expect(readFileSync(join(dir, "排名.csv"), "utf8").split("\n").length).toBeGreaterThan(UNITS);
  });

  it("refuses to score when what was read leaves no room for the results (KP4031)", () => {
    const cat = { rules: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`r${i}`, {}])), indicators: [] } as unknown as CatalogueMeta;
    const full = () => ({ limit: 512 * 1024 * 1024, used: 400 * 1024 * 1024 });
    const d = scoringMemoryProblem("/x/事实.json", 100_000, cat, false, full);
    expect(d?.code).toBe("KP4031");
    expect(d?.severity).toBe("error");
    expect(d?.message).toBe(
      "内存不够计分：100,000 个单位的事实已占用 400 MiB，计分估计还需要约 21 GiB，超过上限 512 MiB。请把单位分到几个较小的事实文件中分别计分，或提高 Node.js 的内存上限，例如 NODE_OPTIONS=--max-old-space-size=27648",
    );
    expect(scoringMemoryProblem("/x/事实.json", 100, cat, false, full)).toBeUndefined();
  });

  it("collects the garbage of reading before it refuses (KP4031 only when the heap is really full)", () => {
    const cat = { rules: { r: {} }, indicators: [] } as unknown as CatalogueMeta;
    // full at first sight (garbage), roomy after a collection
    const seen = [400, 100].map((mb) => ({ limit: 512 * 1024 * 1024, used: mb * 1024 * 1024 }));
    let calls = 0;
    const measure = () => seen[Math.min(calls++, 1)]!;
    expect(scoringMemoryProblem("/x/事实.csv", 3_000_000, cat, false, measure)).toBeUndefined();
    expect(calls).toBe(2);
  });
});
