/**
 * The runtime is typed TypeScript (src/runtime/src/*.ts); compiled modules embed its generated
 * JavaScript (src/runtime/generated.ts).  The committed text must be what the generator writes now,
 * and the text must behave exactly as the typed functions kaoping itself calls.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, nodeHost, kpFlag, kpIds, kpRawOf, kpReadUnits, type FactSpec } from "@kaoping/core";
import * as arith from "../src/runtime/src/arith.js";
import * as cells from "../src/runtime/src/cells.js";
import * as text from "../src/runtime/src/text.js";
import { RUNTIME_JS, RUNTIME_NAMES } from "../src/runtime/generated.js";
import { compileRuntimeFile, generatedText } from "../scripts/generate-runtime.js";

type Fn = (...args: never[]) => unknown;
/** The generated text, evaluated on its own (as a compiled module holds it). */
const fromText = new Function(`"use strict";\n${RUNTIME_JS}\nreturn { ${RUNTIME_NAMES.join(", ")} };`)() as Record<(typeof RUNTIME_NAMES)[number], Fn>;

/** The result of a call, or the error it threw, comparable with toEqual. */
function outcome(f: Fn, args: unknown[]): unknown {
  try {
    return { value: (f as (...a: unknown[]) => unknown)(...args) };
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

describe("the runtime: typed source, generated text", () => {
  it("the committed generated.ts is what scripts/generate-runtime.ts writes from the typed sources", () => {
    expect(readFileSync(new URL("../src/runtime/generated.ts", import.meta.url), "utf8")).toBe(generatedText());
  });

  it("the text defines every kp function of the typed modules, and only functions (no import, export or module state)", () => {
    const typed = [...Object.keys(arith), ...Object.keys(text), ...Object.keys(cells), "kpReadUnits"].sort();
    expect([...RUNTIME_NAMES].sort()).toEqual(typed);
    expect(RUNTIME_JS).not.toMatch(/^\s*(import|export)\b/m);
    expect(RUNTIME_JS).not.toMatch(/^(const|let|var|class)\b/m);
    for (const n of RUNTIME_NAMES) expect(typeof fromText[n]).toBe("function");
  });

  it("the generator refuses module state, foreign imports and names a compiled module could clash with", () => {
    expect(() => compileRuntimeFile("a.ts", "export const SCALE = 1000000;\n", [])).toThrow(/no module state/);
    expect(() => compileRuntimeFile("a.ts", 'import { readFileSync } from "node:fs";\nexport function kpA(): number { return 1; }\n', [])).toThrow(/may import only/);
    expect(() => compileRuntimeFile("b.ts", 'import { kpA } from "./a.js";\nexport function kpB(): number { return kpA(); }\n', [])).toThrow(/may import only/);
    expect(() => compileRuntimeFile("a.ts", "export function helper(): number { return 1; }\n", [])).toThrow(/start with kp/);
    const ok = compileRuntimeFile("b.ts", '/** header */\n\nimport { kpA } from "./a.js";\n/** B. */\nexport function kpB(x: number): number { return kpA() + x; }\n', ["a.ts"]);
    expect(ok).toEqual({ js: "/** B. */\nfunction kpB(x) { return kpA() + x; }", names: ["kpB"] });
  });

  it("the text computes as the typed functions: arithmetic and the one rounding function", () => {
    const raw = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
    const nonZero = raw.filter((x) => x !== 0);
    fc.assert(
      fc.property(raw, nonZero, raw, fc.integer({ min: 0, max: 6 }), fc.boolean(), (a, b, c, places, up) => {
        const cases: [(typeof RUNTIME_NAMES)[number], unknown[]][] = [
          ["kpDivRound", [a, b]],
          ["kpMulDiv", [a, c, b]],
          ["kpMul", [a, c]],
          ["kpTimes", [a, places]],
          ["kpAdd", [a, c]],
          ["kpDiv", [a, b]],
          ["kpRound", [a, places]],
          ["kpSteps", [a, Math.abs(b), up]],
          ["kpFormat", [a]],
          ["kpFixed", [arith.kpRound(a, places), places]],
        ];
        const typed = { ...arith, ...text } as Record<string, Fn>;
        for (const [n, args] of cases) expect(outcome(fromText[n], args), n).toEqual(outcome(typed[n], args));
      }),
      { numRuns: 2000 },
    );
  });

  it("the text reads cells as the typed functions: decimals, yes/no words, incident ids", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^ ?[-+０-９0-9]{0,12}([.．。][0-9０-９]{0,8})?[%％]? ?$/),
      fc.constantFrom("是", "否", "√", "×", "未完成", "1.5", "-0", "事件A、事件B", "A,B;C", "", " 87.5% ", "9007199254.740991", "9007199254.740992"),
      fc.string(),
    );
    const value = fc.oneof(cell, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.integer(), fc.double())));
    fc.assert(
      fc.property(value, cell, (v, s) => {
        expect(outcome(fromText.kpRawOf, [v])).toEqual(outcome(kpRawOf, [v]));
        expect(outcome(fromText.kpFlag, [v])).toEqual(outcome(kpFlag, [v]));
        expect(outcome(fromText.kpIds, [s])).toEqual(outcome(kpIds, [s]));
        expect(outcome(fromText.kpDecimalProblem, [s])).toEqual(outcome(text.kpDecimalProblem, [s]));
        expect(outcome(fromText.kpNotCount, [s])).toEqual(outcome(cells.kpNotCount, [s]));
        if (typeof v === "string" || Array.isArray(v)) expect(outcome(fromText.kpIdList, [v])).toEqual(outcome(cells.kpIdList, [v]));
      }),
      { numRuns: 3000 },
    );
  });

  it("the text reads units as the typed facts reader: the same units, the same problems with the same messages", () => {
    const specs: FactSpec[] = [
      { k: "迟报", t: "count", inc: true, label: "次数" },
      { k: "迟报.已查结", t: "count", of: "迟报", noun: "次", label: "次数" },
      { k: "完成率", t: "rate", req: true, min: 0, max: 100000000, label: "百分比" },
      { k: "考核", t: "flag", req: true, label: "是/否" },
      { k: "评议", t: "value", oc: "KP4066", min: 0, max: 5000000, miss: true, label: "得分" },
      { k: "增幅", t: "value", neg: true, label: "数值" },
      { k: "酌情", t: "amounts", n: "起", min: 500000, max: 2000000, label: "分数" },
      { k: "驻村", t: "items", noun: "次", item: "村", label: "次数" },
      { k: "等次", t: "outcome", names: ["好", "较好", "一般"], label: "等次" },
      { k: "奖励", t: "award", max: 1000000, label: "分数" },
      { k: "甲", t: "flag", x: 1, label: "是/否" },
      { k: "乙", t: "flag", x: 1, label: "是/否" },
    ];
    const cellOf = fc.oneof(
      fc.constantFrom("", "3", "2.5", "-1", "是", "否", "事件A、事件B", "1、1.5", "东村 2、西村 1", "较好", "未报送", "−0.3", "+0.5", "--1", "120%", "0.1234567"),
      fc.integer({ min: -3, max: 200 }),
      fc.double({ min: -2, max: 200, noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.constantFrom("A", "1.5", ""), fc.integer({ min: -1, max: 3 })), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("东村", "西村", "已查结", ""), fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constantFrom("2", "x")), { maxKeys: 2 }),
    );
    const often = <T, U>(a: fc.Arbitrary<T>, rare: fc.Arbitrary<U>) => fc.oneof({ arbitrary: a, weight: 9 }, { arbitrary: rare, weight: 1 });
    const unit = fc.record(
      {
        name: often(fc.constantFrom("甲县", "乙县", "丙县", "丁县", "constructor"), fc.oneof(fc.constant(" "), fc.integer())),
        classes: fc.oneof(fc.constantFrom("山区", "平原、山区", "未声明"), fc.array(fc.constantFrom("山区", "平原", ""), { maxLength: 2 })),
        facts: often(fc.dictionary(fc.constantFrom(...specs.map((s) => s.k), "没有", "完成率.分项"), cellOf, { maxKeys: 8 }), fc.oneof(fc.constant(null), fc.constant([]))),
      },
      { requiredKeys: ["name", "facts"] },
    );
    const codes = new Set<string>();
    let read = 0;
    fc.assert(
      fc.property(often(fc.array(unit, { maxLength: 4 }), fc.constantFrom({}, "x")), (units) => {
        const args = [specs, ["山区", "平原"], { 迟报: true, 完成率: true, 评议: true }, units];
        const typed = outcome(kpReadUnits as Fn, args) as { value: ReturnType<typeof kpReadUnits> };
        expect(outcome(fromText.kpReadUnits, args)).toEqual(typed);
        for (const e of typed.value.errors) codes.add(e.code);
        read += typed.value.units.filter((u) => u.F.some((x) => x !== undefined)).length;
      }),
      {
        numRuns: 1500,
        // rarer problems, always among the cases: 择一 both, parts above their total, a repeated unit, no units
        examples: [[[{ name: "甲县", facts: { 甲: "是", 乙: "是", 迟报: 1, "迟报.已查结": 2 } }, { name: "甲县", facts: {} }]], [[]]],
      },
    );
    // the random facts reach the reader's branches, not just its first refusal
    expect(read).toBeGreaterThan(500);
    expect([...codes].sort()).toEqual(expect.arrayContaining(["KP4001", "KP4002", "KP4003", "KP4004", "KP4005", "KP4006", "KP4007", "KP4008", "KP4009", "KP4010", "KP4012", "KP4014", "KP4019", "KP4020", "KP4045", "KP4048", "KP4049", "KP4055", "KP4060", "KP4066", "KP4067", "KP4068", "KP4070"]));
  });

  it("a compiled module embeds the text verbatim", () => {
    const a = analyzeCatalogue(new URL("./compile/sample.kp", import.meta.url).pathname, nodeHost);
    expect(a.diagnostics).toEqual([]);
    expect(compileCatalogue(a.catalogue).js).toContain(`\n${RUNTIME_JS}\n`);
  });
});
