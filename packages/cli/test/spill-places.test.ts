// The streaming score's spill places (score-stream.ts): each unit's record offset and length come back
// as set, across chunks, for offsets beyond 4 GiB and records longer than 16 bits, in any order.
import { describe, expect, it } from "vitest";
import { Places } from "../src/commands/score-stream.js";

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
