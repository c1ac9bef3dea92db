/**
 * When to re-analyse after edits.  An isolated keystroke is analysed at once (after the messages
 * already queued are read, so a burst coalesces); while edits keep coming, a document is analysed
 * at most once per `intervalMs`.  A run is a series of steps with a yield to the event loop between
 * them, so requests are answered in between, and it is abandoned as soon as a newer edit arrives.
 */

/** Schedules analysis runs per key (a document path). */
export class AnalysisScheduler {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastRun = Number.NEGATIVE_INFINITY;
  private running = false;
  private disposed = false;

  /**
   * @param run  analyses the given keys; receives `stale()`, true once a newer edit arrived (the
   *             run should stop then: the keys will be run again).
   */
  constructor(
    private readonly run: (keys: string[], stale: () => boolean) => Promise<void>,
    /** Minimum time between two runs (ms). */
    public intervalMs = 150,
  ) {}

  /** A document changed. */
  touch(key: string): void {
    if (this.disposed) return;
    this.dirty.add(key);
    this.generation++;
    this.wakeSleepers();
    this.arm();
  }

  private readonly sleepers = new Set<(quiet: boolean) => void>();

  /**
   * Resolves true after `ms` without edits, false as soon as a document changes (or the scheduler
   * is disposed): lets a run put off expensive work until the user pauses typing.
   */
  quiet(ms: number): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (quiet: boolean) => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve(quiet);
      };
      const timer = setTimeout(() => wake(true), ms);
      this.sleepers.add(wake);
    });
  }

  private generation = 0;

  /** Ends every `quiet` wait with false. */
  private wakeSleepers(): void {
    for (const wake of this.sleepers) wake(false);
    this.sleepers.clear();
  }

  private arm(): void {
    if (this.timer || this.running || this.dirty.size === 0) return;
    const wait = Math.max(0, this.lastRun + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.disposed || this.dirty.size === 0) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    const gen = this.generation;
    this.running = true;
    this.lastRun = Date.now();
    try {
      await this.run(keys, () => this.generation !== gen || this.disposed);
    } finally {
      this.running = false;
      // Keys touched during the run are dirty again; keys of an abandoned run must be redone.
      if (this.generation !== gen) for (const k of keys) this.dirty.add(k);
      this.arm();
    }
  }

  /** Stops scheduling (pending work is dropped). */
  dispose(): void {
    this.disposed = true;
    this.wakeSleepers();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
  }
}

/** Lets the event loop run (queued messages are read) before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
