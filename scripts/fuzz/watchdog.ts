/** The watchdog: every input runs in a child process that is killed when it does not answer in time. */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FuzzInput } from "./generators.js";
import type { Failure } from "./invariants.js";
import { ENTRY, type Target } from "./options.js";
import { runInput } from "./stages.js";

export class Runner {
  private child: ChildProcess | undefined;
  private pending: { id: number; child: ChildProcess; resolve: (v: { failures: Failure[]; ms: Record<string, number> }) => void } | undefined;
  private nextId = 0;

  constructor(private readonly targets: readonly Target[]) {}

  private spawn(): ChildProcess {
    // Children write facts files under the runner's folder, removed at stop() (a killed child cannot clean up).
    const env = { ...process.env, KP_FUZZ_FACTS_DIR: this.factsDir() };
    const child = fork(ENTRY, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "advanced", env });
    child.on("message", (m: { id: number; failures: Failure[]; ms: Record<string, number> }) => {
      if (this.pending && this.pending.child === child && m.id === this.pending.id) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve({ failures: m.failures, ms: m.ms });
      }
    });
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.pending && this.pending.child === child) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve({ failures: [{ target: "watchdog", invariant: "no crash of the process", message: `child exited (${code ?? signal})` }], ms: {} });
      }
    });
    return child;
  }

  private send(input: FuzzInput, targets: readonly Target[], limit: number): Promise<{ failures: Failure[]; ms: Record<string, number> }> {
    const child = this.child!;
    const id = ++this.nextId;
    return new Promise((resolveRun) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        if (this.child === child) this.child = undefined;
        child.kill("SIGKILL");
        resolveRun({ failures: [{ target: "watchdog", invariant: "no hang", message: `no answer within ${limit} ms` }], ms: {} });
      }, limit);
      this.pending = {
        id,
        child,
        resolve: (v) => {
          clearTimeout(timer);
          resolveRun(v);
        },
      };
      child.send({ id, input, targets });
    });
  }

  /** A fresh child that has loaded every module, outside any time limit. */
  private async ensureChild(): Promise<void> {
    if (this.child) return;
    this.child = this.spawn();
    const warm: FuzzInput = { kind: "warm-up", seed: 1, files: [{ path: "/fuzz/root.kp", text: "细则 「t」\n指标 「a」 1分 { 规则 「r」 「c」 扣 0.1 }\n" }], facts: [{ name: "甲", facts: {} }] };
    // Loading is what takes time (every module is imported whatever the targets); parse only.
    const r = await this.send(warm, ["parser"], 120_000);
    if (r.failures.length > 0) throw new Error(`the fuzz child does not start: ${JSON.stringify(r.failures)}`);
  }

  async run(input: FuzzInput, targets: readonly Target[], limit: number): Promise<{ failures: Failure[]; ms: Record<string, number>; elapsed: number }> {
    await this.ensureChild();
    const t0 = performance.now();
    const result = await this.send(input, targets, limit);
    return { ...result, elapsed: performance.now() - t0 };
  }

  private dir: string | undefined;
  private factsDir(): string {
    return (this.dir ??= mkdtempSync(join(tmpdir(), "kp-fuzz-facts-")));
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

export function child(): void {
  process.on("message", (m: { id: number; input: FuzzInput; targets: Target[] }) => {
    runInput(m.input, m.targets).then(
      (r) => process.send!({ id: m.id, ...r }),
      (e: unknown) => process.send!({ id: m.id, failures: [{ target: "watchdog", invariant: "no uncaught exception", message: String(e), stack: (e as Error)?.stack }], ms: {} }),
    );
  });
  // An exception escaping the handlers (e.g. from a timer inside a target) is a failure too.
  process.on("uncaughtException", (e) => {
    process.stderr.write(`fuzz child: uncaught ${e.stack ?? e}\n`);
    process.exit(70);
  });
}
