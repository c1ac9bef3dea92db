// Runs the built CLI (see helpers.ts: `pnpm test` builds first).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures, golden, kp, repoRoot, tempDir, transcript } from "./helpers.js";

/** Replaces a temporary directory in output by <tmp>, so transcripts are the same on every run. */
function hideTemp(text: string, dir: string, cwd: string): string {
  return text.split(dir).join("<tmp>").split(relative(cwd, dir)).join("<tmp>");
}

describe("kp compile", () => {
  it("writes the module, its declarations and the facts schema for rules/", () => {
    const out = join(tempDir(), "out");
    const args = ["compile", "rules/", "-o", out];
    const r = kp(args, { cwd: repoRoot });
    golden("compile/rules.txt", hideTemp(transcript(["compile", "rules/", "-o", "<tmp>/out"], r), out.replace(/\/out$/, ""), repoRoot));
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["细则.d.mts", "细则.facts.schema.json", "细则.mjs"]);
    const js = readFileSync(join(out, "细则.mjs"), "utf8");
    expect(js).toContain("// 源文件：细则.kp、01-×令畅通.kp、02-×风连×建设和反腐败工作.kp、03-组织建设.kp");
    expect(JSON.parse(readFileSync(join(out, "细则.facts.schema.json"), "utf8")).properties.units).toBeDefined();
    expect(readFileSync(join(out, "细则.d.mts"), "utf8")).toContain("export declare function scoreAll");
  });

  it("writes a module that runs in plain Node, with the scores `kp score` computes", () => {
    const out = join(tempDir(), "out");
    expect(kp(["compile", "rules", "-o", out], { cwd: repoRoot }).code).toBe(0);
    // A directory with nothing but the module: no node_modules, no package.json.
    const bare = tempDir("kp-bare-");
    copyFileSync(join(out, "细则.mjs"), join(bare, "catalogue.mjs"));
    const facts = kp(["score", "rules", join(fixtures, "facts", "rules.csv"), "--format", "json"], { cwd: repoRoot });
    expect(facts.code).toBe(0);
    const units = [
      { name: "甲县", classes: "县区", facts: { 参会: "1", 交办反馈: "2", 信息完成率: "87.5%", 文件签收领取: "7", "班子成员违纪.轻处分": "1", 执纪审查评价: "1.8", 监督检查次数: "4", 专业评价得分: "0.75", "××测评得分": "1", 社会满意度: "91.25", 遵学讲活动: "是", 上级调训: "95%" } },
      { name: "××区", classes: "县区", facts: { 参会: "0", 交办反馈: "0", 信息完成率: "100%", 文件签收领取: "0", "班子成员违纪.轻处分": "", 执纪审查评价: "2", 监督检查次数: "3", 专业评价得分: "1", "××测评得分": "0.5", 社会满意度: "88", 遵学讲活动: "是", 上级调训: "100%" } },
      { name: "丙园区", classes: "园区", facts: { 参会: "3", 交办反馈: "1", 信息完成率: "", 文件签收领取: "2", "班子成员违纪.轻处分": "", 执纪审查评价: "1.6", 监督检查次数: "2", 专业评价得分: "0.9", "××测评得分": "0.8", 社会满意度: "79.5", 遵学讲活动: "否", 上级调训: "80%" } },
    ];
    writeFileSync(join(bare, "units.json"), JSON.stringify(units));
    const script = `import("./catalogue.mjs").then(async (m) => { const fs = await import("node:fs"); process.stdout.write(JSON.stringify(m.scoreAll(JSON.parse(fs.readFileSync("units.json", "utf8"))), null, 2) + "\\n"); })`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: bare, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(facts.stdout));
    expect(r.stdout).toBe(facts.stdout);
  });

  it("imports anywhere: .mjs from a CommonJS and an ES package, --module cjs (.cjs, .d.cts) with require", () => {
    const root = tempDir("kp-modules-");
    const units = readFileSync(join(repoRoot, "examples", "各县事实.json"), "utf8");
    const expected = kp(["score", "rules", join(repoRoot, "examples", "各县事实.json"), "--format", "json"], { cwd: repoRoot });
    expect(expected.code, expected.stderr).toBe(0);
    const scoreWith = (dir: string, load: string) => {
      writeFileSync(join(dir, "units.json"), units);
      const script = `${load}.then((m) => { const f = require("node:fs").readFileSync("units.json", "utf8"); const u = JSON.parse(f); process.stdout.write(JSON.stringify(m.scoreAll(u.units ?? u), null, 2) + "\\n"); })`;
      return spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    };
    // A CommonJS package (no "type") and an ES package, each with the default .mjs
    for (const [name, pkg] of [["cjs-pkg", { name: "cjs-pkg" }], ["esm-pkg", { name: "esm-pkg", type: "module" }]] as const) {
      const dir = join(root, name);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
      const r = kp(["compile", "rules", "-o", join(dir, "out")], { cwd: repoRoot });
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(join(dir, "out")).sort()).toEqual(["细则.d.mts", "细则.facts.schema.json", "细则.mjs"]);
      const run = scoreWith(dir, `import("./out/细则.mjs")`);
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(expected.stdout);
    }
    // --module cjs in a CommonJS package: require() works, and the declarations are .d.cts
    const dir = join(root, "require");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "require-pkg" }));
    const r = kp(["compile", "rules", "-o", join(dir, "out"), "--module", "cjs"], { cwd: repoRoot });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("细则.cjs");
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["细则.cjs", "细则.d.cts", "细则.facts.schema.json"]);
    expect(readFileSync(join(dir, "out", "细则.cjs"), "utf8")).toMatch(/^module\.exports = \{ [^}]*scoreAll[^}]*createScorer[^}]* \};$/m);
    expect(readFileSync(join(dir, "out", "细则.d.cts"), "utf8")).toContain("export declare function scoreAll");
    const run = scoreWith(dir, `Promise.resolve(require("./out/细则.cjs"))`);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(expected.stdout);
    // and an ES package imports the .cjs too (Node gives module.exports as its exports)
    const esm = scoreWith(dir, `import("./out/细则.cjs")`);
    expect(esm.stdout).toBe(expected.stdout);
    // a module format kp does not write is a usage error, in Chinese
    const bad = kp(["compile", "rules", "-o", join(root, "x"), "--module", "amd"], { cwd: repoRoot });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("选项 --module <格式> 的值「amd」无效，可选：esm、cjs");
    expect(existsSync(join(root, "x"))).toBe(false);
  });

  it("writes nothing when the catalogue has errors", () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const args = ["compile", "check/syntax-errors.kp", "-o", out];
    const r = kp(args);
    golden("compile/errors.txt", hideTemp(transcript(["compile", "check/syntax-errors.kp", "-o", "<tmp>/out"], r), dir, fixtures));
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it("leaves an existing output directory untouched when the catalogue has errors", () => {
    const out = tempDir();
    writeFileSync(join(out, "syntax-errors.mjs"), "// old\n");
    expect(kp(["compile", "check/syntax-errors.kp", "-o", out]).code).toBe(1);
    expect(readdirSync(out)).toEqual(["syntax-errors.mjs"]);
    expect(readFileSync(join(out, "syntax-errors.mjs"), "utf8")).toBe("// old\n");
  });

  it("resolves a directory to its one root file, and names the outputs after it", () => {
    const out = tempDir();
    const r = kp(["compile", "catalogue", "-o", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["细则.d.mts", "细则.facts.schema.json", "细则.mjs"]);
    expect(readFileSync(join(out, "细则.mjs"), "utf8")).toContain("// 源文件：细则.kp、指标.kp");
  });

  it("takes --name for the output files", () => {
    const out = tempDir();
    expect(kp(["compile", "catalogue", "-o", out, "--name", "catalogue"]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["catalogue.d.mts", "catalogue.facts.schema.json", "catalogue.mjs"]);
  });

  it("explains why a directory has no usable root", () => {
    const out = tempDir();
    const many = kpGoldenHidden("compile/many-roots.txt", ["compile", ".", "-o", out], out);
    expect(many.code).toBe(1);
    expect(many.stderr).toContain("KP0010");
    const empty = join(tempDir(), "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "片段.kp"), "指标 「会议」 4分 {\n}\n");
    const none = kp(["compile", empty, "-o", out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("KP0009");
    const fragment = kp(["compile", "catalogue/指标.kp", "-o", out]);
    expect(fragment.code).toBe(1);
    expect(fragment.stderr).toContain("KP2028");
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses an output path that is a file (usage error)", () => {
    const dir = tempDir();
    const file = join(dir, "out.js");
    writeFileSync(file, "x");
    const r = kp(["compile", "catalogue", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：KP0017 无法写入「.*out\.js」：-o 应为目录/);
    expect(readFileSync(file, "utf8")).toBe("x");
  });
});

function kpGoldenHidden(name: string, args: string[], dir: string) {
  const r = kp(args);
  golden(name, hideTemp(transcript(args, r), dir, fixtures));
  return r;
}
