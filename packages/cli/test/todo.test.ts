/**
 * 待补 (a rule whose scoring is still to be written) through `kp` as a process: check passes with
 * warnings KP2120, compile and score refuse with KP2121 at each marker and write nothing — never a
 * silent 0 for an unwritten rule.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { kp, kpGolden, tempDir } from "./helpers.js";

// Written to a folder of its own (a root in fixtures/ would change what `kp compile .` finds there).
const CATALOGUE = `细则 「导入的草稿」
对象 「单位」
总分 10分

指标 「信息报送」 10分 {
  规则 「未报送」 「未报送每次扣1分」 每次 扣 1
  规则 「考勤」 「考勤制度执行情况，视情况酌定」 待补
  规则 「台账」 「台账不规范的酌情处理」 待补
}
`;
let cwd: string;
beforeAll(() => {
  cwd = tempDir("kp-todo-");
  writeFileSync(join(cwd, "待补.kp"), CATALOGUE);
  writeFileSync(join(cwd, "facts.csv"), "单位,未报送,考勤,台账\n甲,1,是,是\n");
});

describe("待补 through kp", () => {
  it("kp check passes with a warning KP2120 at each marker", () => {
    const r = kpGolden("check/todo.txt", ["check", "待补.kp"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/KP2120/g)).toHaveLength(2);
  });

  it("kp compile refuses with KP2121 at each marker and writes nothing", () => {
    const out = tempDir();
    const r = kp(["compile", "待补.kp", "-o", join(out, "编译")], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/KP2121 还有 2 条规则待补写，不能计分/g)).toHaveLength(2);
    expect(r.stderr).toContain("待补.kp:7:28 错误 KP2121");
    expect(r.stderr).toContain("细则有错误（2 个错误，0 个警告），未生成任何文件。");
    expect(existsSync(join(out, "编译")) ? readdirSync(join(out, "编译")) : []).toEqual([]);
  });

  it("kp score refuses with KP2121 (no score at all, not a silent 0)", () => {
    const r = kpGolden("score/todo.txt", ["score", "待补.kp", "facts.csv"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("KP2121");
    expect(r.stdout).toBe("");
  });

  it("kp fmt keeps the marker", () => {
    const r = kp(["fmt", "--check", "待补.kp"], { cwd });
    expect(r.code).toBe(0);
  });
});
