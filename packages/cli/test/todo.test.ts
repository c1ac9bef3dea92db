/**
 * 待补 (a rule whose scoring is still to be written) through `kp` as a process: check passes with
 * warnings KP2120, compile and score refuse with KP2121 at each marker and write nothing — never a
 * silent 0 for an unwritten rule.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kp, kpGolden, tempDir } from "./helpers.js";

describe("待补 through kp", () => {
  it("kp check passes with a warning KP2120 at each marker", () => {
    const r = kpGolden("check/todo.txt", ["check", "todo/待补.kp"]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/KP2120/g)).toHaveLength(2);
  });

  it("kp compile refuses with KP2121 at each marker and writes nothing", () => {
    const out = tempDir();
    const r = kp(["compile", "todo/待补.kp", "-o", join(out, "编译")]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/KP2121 还有 2 条规则待补写，不能计分/g)).toHaveLength(2);
    expect(r.stderr).toContain("todo/待补.kp:7:28 错误 KP2121");
    expect(r.stderr).toContain("细则有错误（2 个错误，0 个警告），未生成任何文件。");
    expect(existsSync(join(out, "编译")) ? readdirSync(join(out, "编译")) : []).toEqual([]);
  });

  it("kp score refuses with KP2121 (no score at all, not a silent 0)", () => {
    const r = kpGolden("score/todo.txt", ["score", "todo/待补.kp", "todo/facts.csv"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP2121");
    expect(r.stdout).toBe("");
  });

  it("kp fmt keeps the marker", () => {
    const r = kp(["fmt", "--check", "todo/待补.kp"]);
    expect(r.code).toBe(0);
  });
});
