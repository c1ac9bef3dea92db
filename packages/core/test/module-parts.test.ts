/**
 * The compiled module's API is typed TypeScript too (src/runtime/src/{pool,values,unit-name,api,
 * check-facts*,compact,scorer}.ts, "module parts"), checked against module-env.d.ts: the constants and
 * functions the emitter writes per catalogue.  The declared interface must stay what the emitter
 * writes, the exports what emit-types declares, and the generator must refuse what a part may not hold.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, nodeHost, toCommonJs } from "@kaoping/core";
import { MODULE_PARTS_JS } from "../src/runtime/generated.js";
import { MODULE_PARTS, PUBLIC_EXPORTS, compileRuntimeFile } from "../scripts/generate-runtime.js";

const env = readFileSync(new URL("../src/runtime/src/module-env.d.ts", import.meta.url), "utf8");
const declaredConsts = [...env.matchAll(/^export declare const (\w+)/gm)].map((m) => m[1]!);
const declaredFns = [...env.matchAll(/^export declare function (\w+)/gm)].map((m) => m[1]!);

/** A module of each shape: plain, with 参照 pools and rankings, with 可减免 (its checkFacts scores). */
function compiled(path: string): string {
  const a = analyzeCatalogue(new URL(path, import.meta.url).pathname, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compileCatalogue(a.catalogue).js;
}

describe("module parts: typed API of the compiled module", () => {
  const samples = ["./compile/sample.kp", "../../../test/patterns/13-cross-unit/catalogue.kp", "../../../test/patterns/35-waivers/catalogue.kp", "../../../test/patterns/27-group-average/catalogue.kp"];

  it("module-env.d.ts declares only what every compiled module defines (constants and per-catalogue functions)", () => {
    expect(declaredConsts).toEqual(expect.arrayContaining(["catalogue", "FACTS", "REFERS", "GRADES", "STREAMABLE", "PASSES"]));
    expect(declaredFns).toEqual(expect.arrayContaining(["runUnit", "crossUnit", "crossStart", "crossSee", "crossEnd"]));
    for (const path of samples) {
      const js = compiled(path);
      for (const c of declaredConsts) expect(js, `${path}: const ${c}`).toMatch(new RegExp(`^(export )?const ${c} = `, "m"));
      for (const f of declaredFns) expect(js, `${path}: function ${f}`).toMatch(new RegExp(`^function ${f}\\(`, "m"));
    }
  });

  it("the parts export exactly the names the declarations (emit-types) give, besides the emitter's catalogue", () => {
    const dts = compileCatalogue(analyzeCatalogue(new URL("./compile/sample.kp", import.meta.url).pathname, nodeHost).catalogue).dts;
    const declared = [...dts.matchAll(/^export declare (?:const|function|class) (\w+)/gm)].map((m) => m[1]!);
    expect([...PUBLIC_EXPORTS, "catalogue"].sort()).toEqual([...declared].sort());
    const text = Object.values(MODULE_PARTS_JS).join("\n");
    const exported = [...text.matchAll(/^export (?:const|function|class) (\w+)/gm)].map((m) => m[1]!);
    // checkFacts twice: check-facts.ts and check-facts-scoring.ts are alternatives
    expect([...new Set(exported)].sort()).toEqual([...PUBLIC_EXPORTS].sort());
    expect(Object.keys(MODULE_PARTS_JS)).toEqual(Object.keys(MODULE_PARTS));
  });

  it("each module shape loads as ES module and as CommonJS with every export defined", async () => {
    for (const path of samples) {
      const js = compiled(path);
      const esm = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
      const module = { exports: {} as Record<string, unknown> };
      new Function("module", toCommonJs(js))(module);
      for (const n of [...PUBLIC_EXPORTS, "catalogue"]) {
        expect(esm[n], `${path}: ${n}`).toBeDefined();
        expect(typeof module.exports[n], `${path}: cjs ${n}`).toBe(typeof esm[n]);
      }
    }
  });

  it("the generator: a part may import module-env and keep public exports; the runtime proper may not; no state, no internal exports", () => {
    const part = { part: true };
    const ok = compileRuntimeFile(
      "p.ts",
      'import { FACTS } from "./module-env.js";\n/** n. */\nexport function kpCount(): number { return FACTS.length; }\nconst TABLE = kpCount();\nexport function scoreAll(): number { return TABLE; }\nexport const streamable = true;\n',
      [],
      part,
    );
    expect(ok.js).toBe("/** n. */\nfunction kpCount() { return FACTS.length; }\nconst TABLE = kpCount();\nexport function scoreAll() { return TABLE; }\nexport const streamable = true;");
    expect(ok.names).toEqual(["kpCount", "TABLE", "scoreAll", "streamable"]);
    expect(() => compileRuntimeFile("a.ts", 'import { FACTS } from "./module-env.js";\nexport function kpA(): number { return FACTS.length; }\n', [])).toThrow(/may import only/);
    expect(() => compileRuntimeFile("a.ts", "export function scoreAll(): number { return 1; }\n", [])).toThrow(/start with kp/);
    expect(() => compileRuntimeFile("p.ts", "let seen = 0;\n", [], part)).toThrow(/no module state/);
    expect(() => compileRuntimeFile("p.ts", "export const helper = 1;\n", [], part)).toThrow(/derived tables/);
    expect(() => compileRuntimeFile("p.ts", "const lower = 1;\n", [], part)).toThrow(/derived tables/);
    expect(() => compileRuntimeFile("p.ts", "export function gradeOf(): number { return 1; }\n", [], part)).toThrow(/start with kp/);
    expect(() => compileRuntimeFile("p.ts", 'import { x } from "../facts.js";\nexport function kpA(): number { return x; }\n', [], part)).toThrow(/may import only/);
  });
});
