/**
 * The built plugin, used the way people use Prettier plugins: `npx prettier --plugin
 * <dist/index.js> file.kp` in a real process, and a plain `node` import of the package.
 *
 * Uses packages/prettier-plugin-kp/dist, built by `pnpm --filter prettier-plugin-kp build` (the
 * root `pnpm test` builds it first); it is built here when missing or older than the sources.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatKp } from "prettier-plugin-kp";
import { packageRoot, repoRoot } from "./helpers.js";

const dist = join(packageRoot, "dist", "index.js");

function newestSource(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

beforeAll(() => {
  const coreDist = join(repoRoot, "packages", "core", "dist", "index.js");
  const stale = !existsSync(dist) || statSync(dist).mtimeMs < newestSource(join(packageRoot, "src"));
  if (!existsSync(coreDist) || stale) {
    const filter = existsSync(coreDist) ? "prettier-plugin-kp" : "prettier-plugin-kp...";
    execFileSync("flock", ["/tmp/kp-pnpm.lock", "pnpm", "--filter", filter, "build"], { cwd: repoRoot, stdio: "pipe" });
  }
});

const messy = "细则「命令行」\n指标「甲」4分{规则「参会」「未参会的，每次扣0.5分」每次扣０．５封顶2}\n";

/** Runs Prettier's CLI with the built plugin (through npx when asked, else its bin directly: faster). */
function prettier(args: string[], npx = false) {
  const [cmd, pre] = npx ? ["npx", ["prettier"]] : [process.execPath, [join(packageRoot, "node_modules", "prettier", "bin", "prettier.cjs")]];
  // As a user would run it: without the npm_config_* variables `pnpm test` passes down (npx warns
  // about pnpm's own settings on stderr).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync(cmd, [...pre, "--plugin", dist, ...args], { cwd: packageRoot, encoding: "utf8", timeout: 60_000, env });
}

describe("prettier --plugin dist/index.js", () => {
  const dir = mkdtempSync(join(tmpdir(), "kp-fmt-"));

  it("prints the formatted file, as formatKp does", async () => {
    const file = join(dir, "细则.kp");
    writeFileSync(file, messy);
    const run = prettier([file], true);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(await formatKp(messy));
    expect(run.stdout).toContain("每次 扣 0.5 上限 2");
  });

  it("--check tells formatted from unformatted files, --write rewrites", async () => {
    const file = join(dir, "甲.kp");
    writeFileSync(file, messy);
    expect(prettier(["--check", file]).status).toBe(1);
    expect(prettier(["--write", file]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(await formatKp(messy));
    expect(prettier(["--check", file]).status).toBe(0);
  });

  it("refuses a file with syntax errors, naming line:col and code, and leaves it as it was", () => {
    const file = join(dir, "错.kp");
    const broken = "细则 「错」\n指标 「甲」 4分 {\n  规则 参会 「x」 每次 扣 0.5\n}\n";
    writeFileSync(file, broken);
    const run = prettier(["--write", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/3:6 KP1\d{3} 无法识别的文字「参会」/);
    expect(readFileSync(file, "utf8")).toBe(broken);
  });

  it("formats the committed rules/ as they are (they are formatted)", () => {
    const run = prettier(["--check", join(repoRoot, "rules")]);
    expect(run.stdout + run.stderr).not.toContain("[warn]");
    expect(run.status).toBe(0);
  });
});

describe("the built package in plain Node", () => {
  it("loads and formats without a bundler or TypeScript", () => {
    const script = `
      const m = await import(${JSON.stringify(dist)});
      const out = await m.formatKp(${JSON.stringify(messy)});
      let refused = "";
      try { await m.formatKp("规则"); } catch (e) { refused = e.name + " " + e.diagnostics[0].code; }
      console.log(JSON.stringify({ out, refused, parser: m.default.languages[0].parsers[0] }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageRoot, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as { out: string; refused: string; parser: string };
    expect(result.out).toContain("每次 扣 0.5 上限 2");
    expect(result.refused).toMatch(/^KpSyntaxError KP1\d{3}$/);
    expect(result.parser).toBe("kp");
  });
});
