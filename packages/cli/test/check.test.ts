// Runs the built CLI (see helpers.ts: `pnpm test` builds first).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INVISIBLE_NAMES, LOOK_ALIKE_NAMES } from "../../../test/robustness/bad-input-fixtures.js";
import { fixtures, kp, kpGolden, repoRoot } from "./helpers.js";

describe("kp check", () => {
  it("finds no errors in the real catalogue rules/", () => {
    const r = kp(["check", "rules/"], { cwd: repoRoot });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^检查了 4 个文件：0 个错误/m);
    expect(r.stdout).not.toMatch(/错误 KP/);
    expect(r.code).toBe(0);
  });

  it("reports three syntax errors at their line and column, with code frames", () => {
    const r = kpGolden("check/syntax-errors.txt", ["check", "check/syntax-errors.kp"]);
    expect(r.code).toBe(1);
    const locations = [...r.stdout.matchAll(/^check\/syntax-errors\.kp:(\d+):(\d+) 错误 (KP\d{4})/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`);
    expect(locations).toEqual(["5:46 KP1005", "7:1 KP1102", "10:11 KP1002"]);
  });

  it("aligns carets under CJK text by display width", () => {
    const r = kp(["check", "check/syntax-errors.kp"]);
    const lines = r.stdout.split("\n");
    const i = lines.findIndex((l) => l.startsWith("  10 |"));
    const source = lines[i]!;
    const carets = lines[i + 1]!;
    // 「文件清退不齐全的，扣0.2分 is 13 CJK characters (2 columns each) and 3 ASCII: 27 columns.
    const start = carets.indexOf("^");
    expect(carets.slice(start)).toBe("^" + "~".repeat(26));
    const widthBefore = [...source.slice(0, source.indexOf("「文件"))].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    expect(start).toBe(widthBefore);
  });

  it("prints diagnostics as JSON", () => {
    const r = kpGolden("check/syntax-errors.json.txt", ["check", "--format", "json", "check/syntax-errors.kp"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { summary: { errors: number }; diagnostics: { code: string; start: { line: number } }[] };
    expect(out.summary.errors).toBe(3);
    expect(Object.keys(out.diagnostics[0]!)).toEqual(["file", "severity", "code", "message", "start", "end", "fixes"]);
  });

  const fileProblems: [string, string, string][] = [
    ["missing file", "files/nope.kp", "KP0001"],
    ["include of a directory", "files/include-dir", "KP0002"],
    ["empty file", "files/empty.kp", "KP0008"],
    ["blank file", "files/blank.kp", "KP0008"],
    ["GBK-encoded file", "files/gbk.kp", "KP0003"],
    ["binary file", "files/binary.kp", "KP0007"],
    ["directory without .kp files", "files/include-dir/sub", "KP0005"],
  ];
  for (const [what, path, code] of fileProblems) {
    it(`reports a ${what} cleanly (${code})`, () => {
      const r = kpGolden(`check/${code}-${what.replace(/ /g, "-")}.txt`, ["check", path]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(` 错误 ${code} `);
      expect(r.stderr).toBe("");
    });
  }

  it("checks several paths in a stable order", () => {
    const a = kp(["check", "files/gbk.kp", "files/empty.kp", "check"]);
    const b = kp(["check", "check", "files/empty.kp", "files/gbk.kp"]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/检查了 3 个文件：5 个错误/);
  });
});

describe("kp check: what 引入 may read", () => {
  it("refuses 引入 of a file that is not .kp, and never prints a line of it", () => {
    const r = kp(["check", "files/include-passwd"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("files/include-passwd/细则.kp:3:4 错误 KP0013 不能引入「/etc/passwd」：它不是 .kp 文件");
    expect(r.stdout).toContain("files/include-passwd/细则.kp:4:4 错误 KP0013 不能引入「说明.txt」");
    expect(r.stdout).toMatch(/检查了 1 个文件：2 个错误/);
    // No line of either file reaches the output (not even in a code frame).
    const secret = readFileSync(join(fixtures, "files/include-passwd/说明.txt"), "utf8").trim();
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(r.stdout + r.stderr).not.toMatch(/root:|nologin/);
    expect(r.stderr).toBe("");
  });

  it("refuses 引入 outside the root's folder tree, unless --include-root allows that folder", () => {
    const r = kp(["check", "files/include-outside"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("files/include-outside/细则.kp:3:4 错误 KP0014 不能引入「../../catalogue/指标.kp」：它在细则根文件所在的目录之外");
    const wide = kp(["check", "files/include-outside", "--include-root", "catalogue"]);
    expect(wide.stdout).toMatch(/^检查了 2 个文件：0 个错误，0 个警告/m);
    expect(wide.code).toBe(0);
    // compile, score, explain and lint take the option too.
    const out = mkdtempSync(join(tmpdir(), "kp-include-root-"));
    try {
      expect(kp(["compile", "files/include-outside", "-o", out, "--include-root", "catalogue"]).code).toBe(0);
      expect(kp(["compile", "files/include-outside", "-o", out]).code).toBe(1);
      expect(kp(["lint", "files/include-outside", "--include-root", "catalogue"]).stdout).not.toContain("KP0014");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("rejects an --include-root that is not a directory (usage error)", () => {
    const r = kp(["check", "files/include-outside", "--include-root", "没有这个目录"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("错误：--include-root 应为目录，但「没有这个目录」不存在\n");
    const f = kp(["check", "files/include-outside", "--include-root", "files/empty.kp"]);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("不是目录");
  });
});

describe("kp check: special files never block", () => {
  it("reports a FIFO in a checked folder, 引入 「/dev/zero」, a link to it and a FIFO as 引入 target, at once", () => {
    const t = mkdtempSync(join(tmpdir(), "kp-special-cli-"));
    try {
      mkdirSync(join(t, "含管道"));
      writeFileSync(join(t, "含管道", "细则.kp"), "细则 「t」\n指标 「a」 1分 { 规则 「r」 「c」 每次 扣 0.5 }\n");
      execFileSync("mkfifo", [join(t, "含管道", "管道.kp")]);
      symlinkSync("/dev/zero", join(t, "含管道", "零.kp"));
      symlinkSync(t, join(t, "含管道", "回到上级"));
      const folder = kp(["check", "含管道"], { cwd: t });
      expect(folder.stdout).toContain("含管道/管道.kp 错误 KP0011 这不是普通文件，而是命名管道（FIFO）：kaoping 只读取普通文件");
      // A link to /dev/zero is not a .kp file: the walk does not list it; the link cycle ends.
      expect(folder.stdout).not.toContain("零.kp");
      expect(folder.stdout).toMatch(/检查了 2 个文件：1 个错误/);
      expect(folder.code).toBe(1);

      writeFileSync(
        join(t, "含管道", "引入.kp"),
        "细则 「t」\n引入 「/dev/zero」\n引入 「零.kp」\n引入 「管道.kp」\n指标 「a」 1分 { 规则 「r」 「c」 每次 扣 0.5 }\n",
      );
      const inc = kp(["check", "含管道/引入.kp"], { cwd: t });
      expect(inc.stdout).toContain("含管道/引入.kp:2:4 错误 KP0013 不能引入「/dev/zero」：它不是 .kp 文件");
      expect(inc.stdout).toContain("含管道/引入.kp:3:4 错误 KP0013 不能引入「零.kp」：它是指向非 .kp 文件的符号链接");
      expect(inc.stdout).toContain("含管道/引入.kp:4:4 错误 KP0011 这不是普通文件，而是命名管道（FIFO）");
      expect(inc.code).toBe(1);

      // Given on the command line, the link is read as what it leads to: a device.
      const direct = kp(["check", "含管道/零.kp", "/dev/zero"], { cwd: t });
      expect(direct.stdout).toContain("含管道/零.kp 错误 KP0011 这不是普通文件，而是字符设备");
      expect(direct.code).toBe(1);
      // A .kp name linking to /etc/passwd is not a .kp file: refused, never quoted.
      symlinkSync("/etc/passwd", join(t, "含管道", "口令.kp"));
      const passwd = kp(["check", "含管道/口令.kp"], { cwd: t });
      expect(passwd.stdout).toContain("含管道/口令.kp 错误 KP0015 这是指向非 .kp 文件的符号链接：kaoping 只读取 .kp 文件，它的内容没有使用");
      expect(passwd.stdout).not.toMatch(/root:|nologin/);
      expect(passwd.code).toBe(1);
    } finally {
      rmSync(t, { recursive: true, force: true });
    }
  });

  it("reads kp.config.json only as a regular file: a FIFO there is reported, not waited on", () => {
    const t = mkdtempSync(join(tmpdir(), "kp-config-fifo-"));
    try {
      writeFileSync(join(t, "细则.kp"), "细则 「t」\n指标 「a」 1分 { 规则 「r」 「c」 每次 扣 0.5 }\n");
      execFileSync("mkfifo", [join(t, "kp.config.json")]);
      const r = kp(["lint", "细则.kp"], { cwd: t });
      expect(r.stdout).toContain("kp.config.json 错误 KP3900 配置文件有误：无法读取：这不是普通文件，而是命名管道（FIFO）");
      expect(r.code).toBe(1);
    } finally {
      rmSync(t, { recursive: true, force: true });
    }
  });
});

describe("kp check: names", () => {
  it("reports an invisible character in a name at that character, with a fix, and names that only look different as duplicates", () => {
    const t = mkdtempSync(join(tmpdir(), "kp-names-"));
    try {
      writeFileSync(join(t, "看不见的字符.kp"), INVISIBLE_NAMES);
      writeFileSync(join(t, "看似相同.kp"), LOOK_ALIKE_NAMES);
      const inv = kp(["check", "看不见的字符.kp"], { cwd: t });
      expect(inv.stdout).toContain("看不见的字符.kp:3:8 错误 KP2039 名称「参[U+200B]会」中有零宽字符 U+200B：名称中不能有看不见的字符");
      expect(inv.stdout).toContain("修复建议：删除零宽字符 U+200B");
      expect(inv.stdout).toMatch(/检查了 1 个文件：1 个错误/);
      expect(inv.code).toBe(1);
      const alike = kp(["check", "看似相同.kp"], { cwd: t });
      expect(alike.stdout).toContain("看似相同.kp:5:6 错误 KP2002 规则名「café」重复");
      expect(alike.stdout).toContain("看似相同.kp:7:6 错误 KP2002 规则名「参会Ａ」重复");
      expect(alike.stdout).toContain("看似相同.kp:9:6 错误 KP2040 规则「违纪.处分」的事实名「违纪.处分.轻」与规则「违纪」的事实名「违纪.处分.轻」相同");
      expect(alike.stdout).toMatch(/检查了 1 个文件：3 个错误/);
      expect(alike.code).toBe(1);
    } finally {
      rmSync(t, { recursive: true, force: true });
    }
  });
});
