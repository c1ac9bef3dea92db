/**
 * The golden helper (test/golden.ts) and the one command that regenerates goldens: a missing golden
 * fails and is not written; `pnpm run update-golden` covers every test file that compares goldens.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { expectGolden as core } from "../packages/core/test/helpers.js";
import { expectGolden as lint } from "../packages/lint/test/helpers.js";
import { expectGolden as prettier } from "../packages/prettier-plugin-kp/test/helpers.js";
import { UPDATE_GOLDEN_COMMAND } from "./golden.js";

const repo = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "kp-golden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("golden files", () => {
  it.each([
    ["core", core],
    ["lint", lint],
    ["prettier", prettier],
  ])("a missing golden fails and is not created (%s helper)", (_name, expectGolden) => {
    const saved = process.env.UPDATE_GOLDEN;
    delete process.env.UPDATE_GOLDEN;
    try {
      const path = join(dir, `${_name}.golden.txt`);
      expect(() => expectGolden(path, "新的输出\n")).toThrow(/golden file missing: .*pnpm run update-golden/);
      expect(existsSync(path)).toBe(false);
    } finally {
      if (saved !== undefined) process.env.UPDATE_GOLDEN = saved;
    }
  });

  it("a golden that differs fails; UPDATE_GOLDEN=1 rewrites it", () => {
    const saved = process.env.UPDATE_GOLDEN;
    const path = join(dir, "differs.golden.txt");
    writeFileSync(path, "旧\n");
    try {
      delete process.env.UPDATE_GOLDEN;
      expect(() => core(path, "新\n")).toThrow();
      process.env.UPDATE_GOLDEN = "1";
      core(path, "新\n");
      expect(readFileSync(path, "utf8")).toBe("新\n");
    } finally {
      if (saved === undefined) delete process.env.UPDATE_GOLDEN;
      else process.env.UPDATE_GOLDEN = saved;
    }
  });

  it(`\`${UPDATE_GOLDEN_COMMAND}\` runs every test file that compares goldens, and the README documents it`, () => {
    const script = (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["update-golden"]!;
    expect(script).toMatch(/UPDATE_GOLDEN=1 vitest run /);
    const filters = script.split("vitest run ")[1]!.trim().split(/\s+/);
    const users = execFileSync("git", ["grep", "-lE", "expectGolden\\(|kpGolden\\(|[^.a-zA-Z]golden\\(", "--", "*.test.ts"], { cwd: repo, encoding: "utf8" })
      .trim()
      .split("\n")
      .filter((f) => f !== "test/golden.test.ts");
    expect(users.length).toBeGreaterThan(10);
    for (const f of users) expect(filters.some((x) => f.includes(x)), `${f} is not run by \`${UPDATE_GOLDEN_COMMAND}\``).toBe(true);
    expect(readFileSync(join(repo, "README.md"), "utf8")).toContain(UPDATE_GOLDEN_COMMAND);
  });
});
