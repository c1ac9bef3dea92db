/**
 * Keeps the server's memory near its live heap while the user types.  Every keystroke on a large
 * catalogue makes a new checked model that lives until the next keystroke, long enough to be
 * promoted to V8's old generation, which V8 lets grow to several times the live heap before a full
 * collection (a 10,000-line catalogue: ~50 MB live, ~400 MB resident without this).  V8's own flags that collect
 * earlier (--heap-growing-percent, --optimize-for-size) do it while allocating, that is on the
 * keystroke's path.  Instead, once a keystroke's diagnostics are published and before the next
 * keystroke arrives, the server collects when the heap has grown well past what the last collection
 * left: the collection runs in the pause between two keystrokes.
 */
import v8 from "node:v8";
import vm from "node:vm";

/**
 * Collect when the heap has grown past this many times what the last collection left (bench/README:
 * 4d: ×1.75 over 112 MB until session 21, when the live heap shrank to ~50 MB — no boxed numbers in
 * positions and tokens, no old versions of the text kept by re-parsed items — and ×1.4 over 80 MB
 * kept the peak well under 200 MB) …
 */
export const GROWTH_FACTOR = 1.4;
/** … and past this size (bytes): small heaps are left to V8. */
export const MIN_HEAP_BYTES = 80 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** V8's full collection (exposed at run time; none when the runtime refuses). */
function collector(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

let afterLast = 0;

/** Runs a full collection when the heap has grown (see the header); true when it did. */
export function collectIfGrown(): boolean {
  const used = v8.getHeapStatistics().used_heap_size;
  if (used < Math.max(MIN_HEAP_BYTES, afterLast * GROWTH_FACTOR)) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  afterLast = v8.getHeapStatistics().used_heap_size;
  return true;
}
