/** The streaming scorer's ranking sort (runtime/src/compact.ts): the order Array.prototype.sort gives. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpSortIndices } from "../src/runtime/src/compact.js";

describe("kpSortIndices", () => {
  it("sorts indices as a stable sort by the comparator does (ties by index, any length)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 300 }), (keys) => {
        const list = new Uint32Array(keys.map((_, i) => i));
        const cmp = (a: number, b: number) => keys[b]! - keys[a]!;
        kpSortIndices(list, cmp);
        expect([...list]).toEqual(keys.map((_, i) => i).sort(cmp));
      }),
      { numRuns: 2000 },
    );
  });
});
