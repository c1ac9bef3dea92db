/** The streaming scorer's ranking sort (runtime/src/compact.ts): the order Array.prototype.sort gives, for a total order. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpHeapSort } from "../src/runtime/src/compact.js";

describe("kpHeapSort", () => {
  it("sorts indices as Array.prototype.sort does by a total order (many equal keys, ties by index; any length)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 300 }), (keys) => {
        const list = new Uint32Array(keys.map((_, i) => (i * 7919) % keys.length));
        // by key descending, then by index (as the ranking: by total, then by the unique name)
        const cmp = (a: number, b: number) => keys[b]! - keys[a]! || a - b;
        kpHeapSort(list, cmp);
        expect([...list]).toEqual(keys.map((_, i) => i).sort(cmp));
      }),
      { numRuns: 2000 },
    );
  });
});
