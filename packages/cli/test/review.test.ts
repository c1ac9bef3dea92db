/**
 * 待核 (a scoring `kp import` wrote and no person has checked yet) through `kp` as a process: check
 * passes with a warning KP2123 at each mark; compile, score and explain work exactly as without the
 * marks and say once, on stderr, how many rules are still unchecked (KP2124) — never one line per
 * rule, never a failure because of it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { kp, kpGolden, tempDir } from "./helpers.js";

// Written to a folder of its own (a root in fixtures/ would change what `kp compile .` finds there).
const CATALOGUE = `细则 「导入的草稿」
对象 「单位」
总分 10分

指标 「信息报送」 10分 {
  规则 「未报送」 「未报送每次扣1分」 每次 扣 1
  规则 「考勤」 「迟到一次扣0.5分，最多扣2分」 待核 每次 扣 0.5 上限 2
  规则 「台账」 「台账不规范的扣1分」 待核 扣 1
}
`;
const SUMMARY = "待核.kp 警告 KP2124 还有 2 条规则的计分方式由导入自动识别、尚未核对（写有「待核」），照所写的计分方式计分：请用 kp check 列出各处，对照条文核对，无误后删去「待核」";
let cwd: string;
beforeAll(() => {
  cwd = tempDir("kp-review-");
  writeFileSync(join(cwd, "待核.kp"), CATALOGUE);
  writeFileSync(join(cwd, "已核.kp"), CATALOGUE.replace(/ 待核/g, ""));
  writeFileSync(join(cwd, "facts.csv"), "单位,未报送,考勤,台账\n甲,1,5,是\n乙,0,1,否\n");
});

describe("待核 through kp", () => {
  it("kp check passes with a warning KP2123 at each mark", () => {
    const r = kpGolden("check/review.txt", ["check", "待核.kp"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/KP2123/g)).toHaveLength(2);
    expect(r.stdout).toContain("待核.kp:7:29 警告 KP2123 规则「考勤」的计分方式由导入自动识别，尚未核对");
  });

  it("kp score scores as written, with one summary line KP2124 on stderr", () => {
    const r = kpGolden("score/review.txt", ["score", "待核.kp", "facts.csv"], { cwd });
    const plain = kp(["score", "已核.kp", "facts.csv"], { cwd });
    expect([r.code, plain.code]).toEqual([0, 0]);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stdout).toContain("甲");
    expect(r.stderr.trim()).toBe(SUMMARY);
    expect(plain.stderr).toBe("");
    for (const format of ["json", "csv"]) {
      const j = kp(["score", "待核.kp", "facts.csv", "--format", format], { cwd });
      expect([j.code, j.stdout, j.stderr.trim()]).toEqual([0, kp(["score", "已核.kp", "facts.csv", "--format", format], { cwd }).stdout, SUMMARY]);
    }
  });

  it("kp explain explains as written, with the same summary line", () => {
    const r = kp(["explain", "待核.kp", "facts.csv", "--unit", "甲"], { cwd });
    const plain = kp(["explain", "已核.kp", "facts.csv", "--unit", "甲"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr.trim()).toBe(SUMMARY);
  });

  it("kp compile writes the same module, with the same summary line", () => {
    const out = tempDir();
    const r = kp(["compile", "待核.kp", "-o", join(out, "待核")], { cwd });
    const plain = kp(["compile", "已核.kp", "-o", join(out, "已核")], { cwd });
    expect([r.code, plain.code]).toEqual([0, 0]);
    expect(r.stderr.trim()).toBe(SUMMARY);
    expect(readdirSync(join(out, "待核"))).toEqual(["待核.d.mts", "待核.facts.schema.json", "待核.mjs"]);
    // the same code: only the header naming the source file and the generation stamp differ
    const code = (dir: string, base: string) =>
      readFileSync(join(out, dir, `${base}.mjs`), "utf8")
        .replaceAll(base, "·")
        .replace(/kaoping-generation: \w+/, "");
    expect(code("待核", "待核")).toBe(code("已核", "已核"));
    const sql = kp(["compile", "待核.kp", "--target", "sql", "--dialect", "postgres", "-o", join(out, "sql")], { cwd });
    expect([sql.code, sql.stderr.trim()]).toEqual([0, SUMMARY]);
  });

  it("kp fmt keeps the mark", () => {
    const r = kp(["fmt", "--check", "待核.kp"], { cwd });
    expect(r.code).toBe(0);
  });

  it("a catalogue without 待核 gets no summary", () => {
    expect(kp(["compile", "已核.kp", "-o", join(tempDir(), "o")], { cwd }).stderr).toBe("");
  });
});
