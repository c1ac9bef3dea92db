// The streaming score's spill places (score-stream.ts): each unit's record offset and length come back
// as set, across chunks, for offsets beyond 4 GiB and records longer than 16 bits, in any order — and
// in unit order (kept as lengths and block offsets) with units placed late and gaps.
import { describe, expect, it } from "vitest";
import { Places, Spill } from "../src/commands/score-stream.js";

describe("spill places", () => {
  it("give back every offset and length as set (beyond 4 GiB, records of 64 KiB and more, set out of order)", () => {
    const places = new Places();
    const expected = new Map<number, [number, number]>();
    let offset = 0;
    // units scored out of order (a unit waiting for its 参照 is written later)
    const order = Array.from({ length: 200_000 }, (_, k) => k).sort((a, b) => ((a * 7919) % 200_003) - ((b * 7919) % 200_003));
    for (const k of order) {
      const length = k % 9973 === 0 ? 65_535 + (k % 5) * 40_000 : 150 + (k % 300);
      places.set(k, offset, length);
      expected.set(k, [offset, length]);
      offset += k % 50_000 === 1 ? 3 * 2 ** 31 + 17 : length; // jumps past 4 GiB now and then
    }
    expect(offset).toBeGreaterThan(2 ** 34);
    for (const [k, [o, l]] of expected) {
      if (places.offset(k) !== o || places.length(k) !== l) expect([k, places.offset(k), places.length(k)]).toEqual([k, o, l]);
    }
  });
});

describe("spill places in unit order (2 bytes a unit)", () => {
  it("give back every place when records come in order, back to back — with units that waited (placed later), gaps, long records", () => {
    const places = new Places();
    const expected = new Map<number, [number, number]>();
    let offset = 0;
    const late: number[] = [];
    const put = (k: number) => {
      const length = k % 4999 === 0 ? 70_000 + k : 20 + (k % 90);
      places.set(k, offset, length);
      expected.set(k, [offset, length]);
      offset += length;
    };
    for (let k = 0; k < 300_000; k++) {
      // a unit waiting for its 参照 is written after later units
      if (k % 1237 === 5 || (k >= 70_000 && k < 70_300)) late.push(k);
      else put(k);
      if (k % 9001 === 0) offset += 2 ** 33; // a gap past 8 GiB
      if (late.length > 0 && k % 611 === 0) late.splice(0).forEach(put);
    }
    late.splice(0).forEach(put);
    expect(expected.size).toBe(300_000);
    for (const [k, [o, l]] of expected) {
      if (places.offset(k) !== o || places.length(k) !== l) expect([k, places.offset(k), places.length(k)]).toEqual([k, o, l]);
    }
  });
});

describe("spill file", () => {
  it("reads records back in any order, a window at a time, the file read in pieces (records longer than a piece, Chinese text)", () => {
    const spill = new Spill();
    try {
      const records: string[] = [];
      for (let k = 0; k < 5_000; k++) {
        const record = `${k}:${"考评".repeat(k % 13)}${k % 997 === 0 ? "x".repeat(5_000) : ""};`;
        records.push(record);
        spill.add(k, record);
      }
      spill.flush();
      const order = Array.from({ length: 5_000 }, (_, k) => (k * 7919) % 5_000);
      for (const sizes of [{ window: 3_000, piece: 1_000 }, { window: 1 << 23, piece: 1 << 20 }, { window: 1, piece: 1 }]) {
        const got: string[] = [];
        spill.readInOrder(order, (i, record) => (got[i] = record), sizes);
        expect(got).toEqual(order.map((k) => records[k]));
      }
    } finally {
      spill.close();
    }
  });
});
