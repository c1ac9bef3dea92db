// Runs the built CLI (see helpers.ts: `pnpm test` builds first).
import { describe, expect, it } from "vitest";
import { kp, kpGolden, repoRoot } from "./helpers.js";

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
    expect(locations).toEqual(["5:46 KP1001", "7:1 KP1102", "10:11 KP1002"]);
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
