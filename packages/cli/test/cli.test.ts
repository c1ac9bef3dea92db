// Runs the built CLI (see helpers.ts: `pnpm test` builds first), except the in-process test of
// internal errors at the end.
import { describe, expect, it } from "vitest";
import { kp, kpGolden, runWithFailingStdout } from "./helpers.js";

describe("help and usage", () => {
  for (const cmd of ["", "check", "compile", "score", "explain", "lint", "fmt", "lsp", "import", "diff", "test"]) {
    it(`prints Chinese help for ${cmd || "kp"}`, () => {
      const args = cmd ? [cmd, "--help"] : ["--help"];
      const r = kpGolden(`help/${cmd || "kp"}.txt`, args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：kp /);
    });
  }

  it("prints the version", () => {
    const r = kp(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  const usage: [string, string[]][] = [
    ["no-arguments", []],
    ["unknown-command", ["chek", "rules"]],
    ["unknown-option", ["score", "catalogue", "facts/ok.csv", "--formt", "csv"]],
    ["missing-argument", ["score", "catalogue"]],
    ["missing-option", ["compile", "catalogue"]],
    ["invalid-choice", ["score", "catalogue", "facts/ok.csv", "--format", "xml"]],
    ["too-many-arguments", ["compile", "catalogue", "more", "-o", "out"]], // explain and score take several facts files
  ];
  for (const [name, args] of usage) {
    it(`exits 2 on a usage error: ${name}`, () => {
      const r = kpGolden(`usage/${name}.txt`, args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/error:|Usage:/);
    });
  }
});

describe("colour", () => {
  const args = ["check", "check/syntax-errors.kp"];
  const hasEscapes = (s: string) => s.includes("\u001b[");

  it("is off when output is not a terminal", () => {
    expect(hasEscapes(kp(args, { env: { NO_COLOR: undefined } }).stdout)).toBe(false);
  });

  it("is on with FORCE_COLOR, and off again with NO_COLOR or --no-color", () => {
    expect(hasEscapes(kp(args, { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout)).toBe(true);
    expect(hasEscapes(kp(args, { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout)).toBe(false);
    expect(hasEscapes(kp(args, { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout)).toBe(false);
    expect(hasEscapes(kp([...args, "--no-color"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout)).toBe(false);
    const score = ["score", "catalogue", "facts/ok.csv"];
    expect(hasEscapes(kp(score, { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout)).toBe(true);
    expect(hasEscapes(kp(score).stdout)).toBe(false);
  });
});

describe("internal errors", () => {
  it("prints 内部错误 without a stack and exits 70; KP_DEBUG=1 adds the stack", async () => {
    // A stream that fails stands for any unexpected exception inside a command.
    const run = (env: Record<string, string>) => runWithFailingStdout("写入失败（测试）", env);
    const plain = await run({ NO_COLOR: "1" });
    expect(plain.code).toBe(70);
    expect(plain.err).toMatch(/^内部错误：写入失败（测试）\n/);
    expect(plain.err).not.toMatch(/\n\s+at /);
    const debug = await run({ NO_COLOR: "1", KP_DEBUG: "1" });
    expect(debug.code).toBe(70);
    expect(debug.err).toMatch(/\n\s+at /);
  });
});
