/** kp.config.json: found upward, validated, problems located exactly in the config file. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLintConfig, formatLintText, parseLintConfig } from "@kaoping/lint";
import { expectGolden } from "./helpers.js";

function tree(config: string | undefined): { root: string; deep: string } {
  const root = mkdtempSync(join(tmpdir(), "kp-config-"));
  const deep = join(root, "a", "b");
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(deep, "细则.kp"), "细则 「x」\n");
  if (config !== undefined) writeFileSync(join(root, "kp.config.json"), config);
  return { root, deep };
}

describe("findLintConfig", () => {
  it("finds the nearest kp.config.json upward from a file or a directory", () => {
    const { root, deep } = tree('{ "lint": { "rules": { "missing-cap": "off", "clause-mismatch": "warning" } }, "format": { "width": 100 } }');
    for (const start of [join(deep, "细则.kp"), deep, root]) {
      const r = findLintConfig(start);
      expect(r.path).toBe(join(root, "kp.config.json"));
      expect(r.diagnostics).toEqual([]);
      expect(r.config).toEqual({ rules: { "missing-cap": "off", "clause-mismatch": "warning" } });
    }
    // A nearer one wins.
    writeFileSync(join(deep, "kp.config.json"), "{}");
    expect(findLintConfig(deep).path).toBe(join(deep, "kp.config.json"));
    expect(findLintConfig(deep).config).toEqual({});
  });

  it("returns the empty config without a file", () => {
    const { deep } = tree(undefined);
    const r = findLintConfig(deep);
    // Somewhere above the temp dir there may be a kp.config.json; none is expected on a clean machine.
    if (r.path === undefined) expect(r).toEqual({ config: {}, diagnostics: [] });
  });

  it("reports what is wrong, where, and keeps the valid entries", () => {
    const text = [
      "{",
      '  "lint": {',
      '    "rule": {},',
      '    "rules": {',
      '      "missing-cap": "off",',
      '      "mising-cap": "off",',
      '      "points-sum": "warn",',
      '      "band-gap": 2,',
      '      "band-overlap": "error"',
      "    }",
      "  }",
      "}",
    ].join("\n");
    const { root } = tree(text);
    const r = findLintConfig(root);
    expect(r.config).toEqual({ rules: { "missing-cap": "off", "band-overlap": "error" } });
    expect(r.diagnostics.every((d) => d.code === "KP3900" && d.severity === "error" && d.file === join(root, "kp.config.json"))).toBe(true);
    expectGolden(join(__dirname, "golden/config-invalid.txt"), formatLintText(r.diagnostics, root));
  });

  it("reports text that is not JSON, and wrong shapes", () => {
    const cases: [string, string][] = [
      ["not-json", '{ "lint": { "rules": { "missing-cap": "off", } } }'],
      ["comment", '// 注释\n{ "lint": {} }'],
      ["empty", ""],
      ["array", "[1, 2]"],
      ["lint-string", '{ "lint": "strict" }'],
      ["rules-array", '{ "lint": { "rules": ["missing-cap"] } }'],
    ];
    const out = cases.map(([name, text]) => `# ${name}\n` + formatLintText(parseLintConfig(text, "kp.config.json").diagnostics, "."));
    expectGolden(join(__dirname, "golden/config-shapes.txt"), out.join(""));
    for (const [, text] of cases) expect(parseLintConfig(text, "kp.config.json").diagnostics).toHaveLength(1);
  });
});
