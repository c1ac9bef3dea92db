/**
 * The analysis scheduler: an isolated edit is analysed at once, a burst coalesces, a newer edit
 * makes a running analysis stale, and `quiet` puts off work until typing pauses.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AnalysisScheduler } from "../src/scheduler.js";

describe("AnalysisScheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("coalesces a burst of edits into one run per interval", async () => {
    const runs: string[][] = [];
    const s = new AnalysisScheduler(async (keys) => {
      runs.push(keys);
    }, 150);
    s.touch("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([["a"]]);
    for (let i = 0; i < 10; i++) s.touch(i % 2 ? "a" : "b");
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1); // within the interval of the first run
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toEqual([["a"], ["b", "a"]]);
    s.dispose();
  });

  it("quiet: true after a pause, false as soon as a document changes, and on dispose", async () => {
    const s = new AnalysisScheduler(async () => {}, 150);
    const calm = s.quiet(300);
    let calmResult: boolean | undefined;
    void calm.then((q) => (calmResult = q));
    await vi.advanceTimersByTimeAsync(299);
    expect(calmResult).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(calmResult).toBe(true);

    let interrupted: boolean | undefined;
    void s.quiet(300).then((q) => (interrupted = q));
    await vi.advanceTimersByTimeAsync(100);
    s.touch("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(interrupted).toBe(false);

    let disposed: boolean | undefined;
    void s.quiet(300).then((q) => (disposed = q));
    s.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(disposed).toBe(false);
    expect(await s.quiet(10)).toBe(false);
  });

  it("a run sees itself stale once a newer edit arrives, and its keys run again", async () => {
    const seen: { keys: string[]; staleAtEnd: boolean }[] = [];
    let release: () => void = () => {};
    const s = new AnalysisScheduler(async (keys, stale) => {
      if (seen.length === 0) await new Promise<void>((r) => (release = r));
      seen.push({ keys, staleAtEnd: stale() });
    }, 150);
    s.touch("a");
    await vi.advanceTimersByTimeAsync(0);
    s.touch("b"); // while the first run is waiting
    release();
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([
      { keys: ["a"], staleAtEnd: true },
      { keys: ["b", "a"], staleAtEnd: false },
    ]);
    s.dispose();
  });
});
