/**
 * The server's collection between keystrokes (memory.ts): nothing below the threshold; a full
 * collection once the heap has grown past it, which gives the garbage back.
 */
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { collectIfGrown, MIN_HEAP_BYTES } from "../src/memory.js";

describe("collectIfGrown", () => {
  it("collects only once the heap has grown past the threshold, and frees the garbage", () => {
    collectIfGrown(); // whatever the test runner left
    if (v8.getHeapStatistics().used_heap_size < MIN_HEAP_BYTES) expect(collectIfGrown()).toBe(false);
    // Garbage in large objects (old space: no scavenge frees it), past the threshold.
    // (Plain arrays of numbers: a typed array's bytes live outside the heap.)
    let garbage: number[][] | undefined = [];
    for (let i = 0; i < 20; i++) garbage.push(new Array<number>((MIN_HEAP_BYTES / 8 / 10) | 0).fill(i + 0.5));
    expect(garbage.length).toBe(20);
    garbage = undefined;
    const before = v8.getHeapStatistics().used_heap_size;
    expect(before).toBeGreaterThan(MIN_HEAP_BYTES);
    expect(collectIfGrown()).toBe(true);
    expect(v8.getHeapStatistics().used_heap_size).toBeLessThan(before - MIN_HEAP_BYTES);
    expect(collectIfGrown()).toBe(false); // nothing has grown since
  });
});
