/**
 * The streaming scorer's compact per-unit tables (runtime/src/compact.ts): the name table (names
 * stored 1–3 bytes a code unit) finds every name and no other, and compares as the string `<` does;
 * the totals table gives back every value, before and after it widens to Float64; the sort's
 * returned scratch array is not the sorted list.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpNameTable, kpSortIndices, kpTotals } from "../src/runtime/src/compact.js";

/** Code units from every range of the encoding (ASCII, 2-byte CJK, 3-byte others, the bounds, surrogate halves). */
const unit = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7f }),
  fc.constantFrom(0x7f, 0x80, 0xff, 0x100, 0x2fff, 0x3000, 0x3001, 0x4e00, 0x9fff, 0xaeff, 0xaf00, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfeff, 0xffff),
  fc.integer({ min: 0x4e00, max: 0x4e0f }),
  fc.integer({ min: 0, max: 0xffff }),
);
const name = fc.array(unit, { maxLength: 12 }).map((units) => String.fromCharCode(...units));
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("kpNameTable", () => {
  it("finds every name added and no other, and compares names as the string < does", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 60 }), fc.array(name, { maxLength: 20 }), (names, others) => {
        const table = kpNameTable();
        names.forEach((s, k) => expect(table.add(s)).toBe(k));
        expect(table.size).toBe(names.length);
        for (const s of names) expect(table.has(s)).toBe(true);
        for (const s of others) expect(table.has(s)).toBe(names.includes(s));
        for (let a = 0; a < names.length; a++)
          for (let b = 0; b < names.length; b++) expect(Math.sign(table.compare(a, b)), `${JSON.stringify(names[a])} vs ${JSON.stringify(names[b])}`).toBe(byString(names[a]!, names[b]!));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps names across its byte chunks (2^20 bytes) and its table's growth", () => {
    const table = kpNameTable();
    const names = Array.from({ length: 120_000 }, (_, i) => `县区${String(i).padStart(6, "0")}${i % 7 === 0 ? "\u00e9\uffff" : ""}`);
    for (const s of names) table.add(s);
    for (let i = 0; i < names.length; i += 997) expect(table.has(names[i]!)).toBe(true);
    expect(table.has("县区000001x")).toBe(false);
    expect(Math.sign(table.compare(119_999, 0))).toBe(1);
    expect(Math.sign(table.compare(7, 8))).toBe(byString(names[7]!, names[8]!));
  });
});

describe("kpTotals", () => {
  it("gives back every value set, before and after a value too large for Int32 widens it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 100_000_000_000)), { maxLength: 200 }),
        fc.integer({ min: 0, max: 3 }),
        (values, spread) => {
          const t = kpTotals();
          // indices spread over several 65,536-value chunks
          const at = (i: number) => i * (1 + spread * 30_000);
          values.forEach((v, i) => {
            t.set(at(i), v);
            expect(t.get(at(i))).toBe(v);
          });
          values.forEach((v, i) => expect(t.get(at(i))).toBe(v));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("kpSortIndices", () => {
  it("returns a scratch array of the list's length that is not the list", () => {
    for (const n of [0, 1, 2, 5, 8, 33]) {
      const list = new Uint32Array(Array.from({ length: n }, (_, i) => n - 1 - i));
      const scratch = kpSortIndices(list, (a, b) => a - b);
      expect([...list]).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(scratch).not.toBe(list);
      expect(scratch.length).toBe(n);
    }
  });
});
