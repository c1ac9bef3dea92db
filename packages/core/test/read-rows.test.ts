/**
 * kpReadUnits reads a facts table's rows as `kp score` streams them (each unit's facts an array of
 * cells, with one list of keys: no object per unit) exactly as the same units with their facts as
 * objects; and kpFlag, with its fast path for the common cells, reads every yes/no word as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpFlag, kpReadUnits, type FactSpec } from "@kaoping/core";

const specs: FactSpec[] = [
  { k: "迟报", t: "count", inc: true, label: "次数" },
  { k: "迟报.已查结", t: "count", of: "迟报", noun: "次", label: "次数" },
  { k: "完成率", t: "rate", req: true, min: 0, max: 100000000, label: "百分比" },
  { k: "考核", t: "flag", req: true, label: "是/否" },
  { k: "通报", t: "flag", inc: true, label: "是/否" },
  { k: "评议", t: "value", oc: "KP4066", min: 0, max: 5000000, miss: true, label: "得分" },
  { k: "增幅", t: "value", neg: true, label: "数值" },
  { k: "减免", t: "reduce", min: 0, max: 2000000, label: "分数" },
  { k: "酌情", t: "amounts", n: "起", min: 500000, max: 2000000, label: "分数" },
  { k: "驻村", t: "items", noun: "次", item: "村", label: "次数" },
  { k: "等次", t: "outcome", names: ["好", "较好", "一般"], label: "等次" },
  { k: "奖励", t: "award", max: 1000000, label: "分数" },
  { k: "甲", t: "flag", x: 1, label: "是/否" },
  { k: "乙", t: "flag", x: 1, label: "是/否" },
  { k: "山区项", t: "flag", req: true, cls: [["山区"]], label: "是/否" },
];
const classes = ["山区", "平原"];
const ruleNames = { 迟报: true, 完成率: true, 评议: true };

/** Cells as a CSV holds them (text), and now and then another value (a row built by hand). */
const cell = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom("", " ", "3", "2.5", "-1", "是", "否", " 是 ", "YES", "无", "事件A、事件B", "1、1.5", "东村 2、西村 1", "较好", "未报送", "−0.3", "+0.5", "--1", "120%", "0.1234567", "０．５", "A") },
  { weight: 3, arbitrary: fc.string({ maxLength: 4 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: 200 }), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
);
const keys = [...specs.map((s) => s.k), "没有", "完成率.分项", undefined, undefined];
const row = fc.record({
  name: fc.constantFrom("甲县", "乙县", "丙县", "constructor", "__proto__"),
  classes: fc.option(fc.constantFrom("山区", "平原、山区", "未声明"), { nil: undefined }),
  facts: fc.array(cell, { minLength: keys.length, maxLength: keys.length }),
});

describe("kpReadUnits reads table rows (keys + arrays of cells) as the same units with facts objects", () => {
  it("the same units, the same problems (random rows)", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.shuffledSubarray(keys.map((k, j) => [k, j] as const), { minLength: 1 }), fc.array(row, { minLength: 1, maxLength: 4 }), (picked, rows) => {
        // the columns of this table: some of the keys, in some order
        const columns = picked.map(([k]) => k);
        const asRows = rows.map((r) => ({ ...r, facts: picked.map(([, j]) => r.facts[j]) }));
        const asUnits = rows.map((r) => {
          const facts = Object.create(null) as Record<string, unknown>;
          picked.forEach(([k, j]) => {
            if (k !== undefined) facts[k] = r.facts[j];
          });
          return { ...r, facts };
        });
        const fromRows = kpReadUnits(specs, classes, ruleNames, asRows, columns);
        const fromUnits = kpReadUnits(specs, classes, ruleNames, asUnits);
        expect(fromRows.units).toEqual(fromUnits.units);
        // a unit's problems in the order of its columns (an object lists integer-like keys first: none here)
        expect(fromRows.errors).toEqual(fromUnits.errors);
        for (const e of fromUnits.errors) codes.add(e.code);
      }),
      { numRuns: 2000 },
    );
    // the rows reach the reader's checks, not just its first refusal
    expect([...codes]).toEqual(expect.arrayContaining(["KP4002", "KP4003", "KP4004", "KP4005", "KP4006", "KP4007", "KP4008", "KP4009", "KP4014", "KP4019", "KP4045", "KP4055", "KP4060", "KP4070"]));
  });
});

/** kpFlag as it was written before its fast path (the reference). */
function flagBefore(v: unknown): boolean | undefined {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  if (typeof v !== "string") return undefined;
  const s = v.trim().toLowerCase();
  if (["是", "有", "true", "yes", "y", "1", "√", "✓", "完成", "已完成"].includes(s)) return true;
  if (["否", "无", "没有", "false", "no", "n", "0", "×", "✗", "未完成", ""].includes(s)) return false;
  return undefined;
}

describe("kpFlag", () => {
  it("reads every value as before its fast path", () => {
    const words = ["是", "有", "true", "yes", "y", "1", "√", "✓", "完成", "已完成", "否", "无", "没有", "false", "no", "n", "0", "×", "✗", "未完成", "", "是否", "2"];
    const spelled = fc.tuple(fc.constantFrom(...words), fc.constantFrom("", " ", "\t", "\u3000"), fc.constantFrom("", " ", "\n"), fc.boolean()).map(([w, a, b, up]) => a + (up ? w.toUpperCase() : w) + b);
    fc.assert(
      fc.property(fc.oneof(spelled, fc.string({ maxLength: 3 }), fc.integer({ min: -1, max: 2 }), fc.boolean(), fc.constant(null)), (v) => {
        expect(kpFlag(v)).toBe(flagBefore(v));
      }),
      { numRuns: 3000 },
    );
  });
});
