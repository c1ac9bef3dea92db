/**
 * The streaming scorer's compact per-unit tables (runtime/src/compact.ts): the name table (names
 * stored 1–3 bytes a code unit, front-coded in groups of 32) finds every name and no other, gives each
 * back, and compares as the string `<` does; kpSortTies orders runs of equal totals by name, short and long;
 * the totals table gives back every value, before and after it widens (Int16 → Int32 → Float64).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpChunks, kpHeapSort, kpNameTable, kpSortTies, kpTotals } from "../src/runtime/src/compact.js";

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
        names.forEach((s, k) => expect(table.name(k)).toBe(s));
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
    // its lookup table given up (it holds the ranking's order): at least one number a name, compare unchanged
    const order = table.release();
    expect(order.length).toBeGreaterThanOrEqual(names.length);
    // grown in place (one resizable ArrayBuffer, reserved up to 2 GiB) since it held 2^16 slots
    expect((order.buffer as ArrayBuffer & { resizable?: boolean; maxByteLength?: number }).resizable).toBe(true);
    expect((order.buffer as ArrayBuffer & { maxByteLength?: number }).maxByteLength).toBe(2 ** 31);
    const list = order.subarray(0, 3000).map((_, i) => (names.length - 1 - i * 37) % names.length);
    kpHeapSort(list, (a, b) => table.compare(a, b));
    const sorted = [...list].map((k) => names[k]!);
    expect(sorted).toEqual([...sorted].sort());
    expect(table.name(119_999)).toBe(names[119_999]);
    // still finds every name (each one looked at), and takes a new one (the table rebuilt)
    expect(table.has(names[119_999]!)).toBe(true);
    expect(table.has("县区x")).toBe(false);
    expect(table.add("县区x")).toBe(120_000);
    expect(table.has("县区x") && table.has(names[3]!)).toBe(true);
  });
});

describe("kpNameTable's front coding", () => {
  it("keeps names that share long prefixes, share nothing, are empty or longer than 127 code units, across groups of 32", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(
            name,
            fc.tuple(fc.constantFrom("县区0463", "县区04637", "\ud83d\ude00a", ""), name).map(([p, s]) => p + s),
            fc.tuple(fc.integer({ min: 120, max: 300 }), fc.constantFrom("甲", "a", "\uffff")).map(([n, c]) => c.repeat(n)),
          ),
          { maxLength: 150 },
        ),
        (names) => {
          const table = kpNameTable();
          for (const s of names) if (!table.has(s)) table.add(s);
          expect(table.size).toBe(names.length);
          // backwards and forwards through the groups
          for (let k = names.length - 1; k >= 0; k--) expect(table.name(k)).toBe(names[k]);
          for (const s of names) expect(table.has(s)).toBe(true);
          for (const s of names) for (const t of [s + "x", s.slice(0, -1), s.slice(1)]) expect(table.has(t)).toBe(names.includes(t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stores 「县区046378-1」 after 「县区046377-1」 in a few bytes; is empty after clear", () => {
    const table = kpNameTable();
    for (let i = 0; i < 1000; i++) table.add(`县区${String(46_000 + i).padStart(6, "0")}-1`);
    expect(table.has("县区046378-1") && !table.has("县区046378-2")).toBe(true);
    // 12 bytes unshared (2 CJK × 2 + 8 ASCII) for the first of each group of 32, else one byte of lengths and the 3 to 4 code units after the shared prefix
    expect(table.bytes / 1000).toBeLessThan(5);
    const one = kpNameTable();
    one.add("县区046377-1");
    one.add("县区046378-1");
    expect(one.bytes).toBe(1 + 12 + 1 + 3);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.has("县区046378-1")).toBe(false);
    expect(table.add("县区1")).toBe(0);
    expect(table.name(0)).toBe("县区1");
  });
});

describe("kpSortTies", () => {
  /** The ranking's order of units with these totals and names, by kpHeapSort + kpSortTies and by a plain sort. */
  const both = (totals: number[], names: string[]) => {
    const table = kpNameTable();
    for (const s of names) table.add(s);
    const order = new Uint32Array(totals.length).map((_, i) => i);
    kpHeapSort(order, (a, b) => totals[b]! - totals[a]! || a - b);
    kpSortTies(order, (a, b) => totals[a] === totals[b], table);
    const expected = totals.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]! || byString(names[a]!, names[b]!));
    return { got: [...order], expected };
  };

  it("orders each run of equal totals by name", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 5 }), (names, spread) => {
        const totals = names.map((s, i) => ((i * 7919) % spread) * 10_000);
        const { got, expected } = both(totals, names);
        expect(got).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("merges a run longer than 65,536 names sorted in pieces", () => {
    const n = 150_000;
    const names = Array.from({ length: n }, (_, i) => `单位${String((i * 7_368_787) % 1_000_003).padStart(7, "0")}-${i % 3}`);
    const totals = names.map((_, i) => (i % 50 === 0 ? 10_000 : 0));
    const { got, expected } = both(totals, names);
    expect(got).toEqual(expected);
  });
});

describe("kpChunks", () => {
  it("gives 0 where nothing was set (also in a chunk not made yet) and after clear", () => {
    const t = kpChunks(Uint8Array);
    expect(t.get(200_000)).toBe(0);
    t.set(200_000, 3);
    t.set(5, 1);
    expect([t.get(200_000), t.get(5), t.get(6), t.get(70_000)]).toEqual([3, 1, 0, 0]);
    t.clear();
    expect([t.get(200_000), t.get(5)]).toEqual([0, 0]);
  });
});

describe("kpTotals", () => {
  it("gives back every value set, before and after a value that does not fit widens it (Int16 of value / 10000, Int32, Float64)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 8, arbitrary: fc.integer({ min: -32_768, max: 32_767 }).map((x) => x * 10_000) },
            fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
            fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 100_000_000_000, 327_680_000, -327_690_000, 5_043_000_000, 0),
          ),
          { maxLength: 200 },
        ),
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
