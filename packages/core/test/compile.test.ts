/**
 * The compiler: golden output for a sample catalogue (js, .d.ts, schema), determinism, a module that
 * runs in plain Node without the parser, and its scores (hand-checked in compile/sample.expected.md).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, nodeHost } from "@kaoping/core";
import { expectGolden } from "./helpers.js";

const dir = resolve(__dirname, "compile");

function compileSample() {
  const a = analyzeCatalogue(join(dir, "sample.kp"), nodeHost);
  expect(a.diagnostics).toEqual([]);
  return compileCatalogue(a.catalogue, { version: "0.1.0", sources: ["sample.kp"] });
}

describe("compiler", () => {
  const out = compileSample();

  it("writes the golden module, declarations and schema", () => {
    expectGolden(join(dir, "sample.golden.js"), out.js);
    expectGolden(join(dir, "sample.golden.d.ts"), out.dts);
    expectGolden(join(dir, "sample.golden.schema.json"), out.schema);
  });

  it("is deterministic: same input, byte-identical output", () => {
    const again = compileSample();
    expect(again.js).toBe(out.js);
    expect(again.dts).toBe(out.dts);
    expect(again.schema).toBe(out.schema);
  });

  it("imports in plain Node with no packages installed, and scores the facts", () => {
    const tmp = mkdtempSync(join(tmpdir(), "kp-compile-"));
    writeFileSync(join(tmp, "sample.mjs"), out.js);
    writeFileSync(join(tmp, "facts.json"), readFileSync(join(dir, "sample.facts.json")));
    const script = `import { scoreAll } from "./sample.mjs"; import { readFileSync } from "node:fs";
const units = JSON.parse(readFileSync("./facts.json", "utf8")).units;
console.log(JSON.stringify(scoreAll(units, { trace: true }), null, 1));`;
    writeFileSync(join(tmp, "run.mjs"), script);
    const json = execFileSync(process.execPath, ["run.mjs"], { cwd: tmp, encoding: "utf8" });
    expectGolden(join(dir, "sample.scores.json"), json);
    const results = JSON.parse(json) as { unit: string; total: string; rank: number; grade: string }[];
    // Hand-checked in compile/sample.expected.md
    expect(results.map((r) => [r.unit, r.total, r.rank, r.grade])).toEqual(EXPECTED);
  });
});

const EXPECTED: [string, string, number, string][] = [
  ["丙园区", "14.60", 1, "合格"],
  ["甲县", "12.79", 2, "合格"],
  ["乙县", "8.08", 3, "不合格"],
];
