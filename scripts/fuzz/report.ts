/** The parent process: the run loop, saving failing inputs, the summary. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { corpus, makeInput, type FuzzInput } from "./generators.js";
import type { Failure } from "./invariants.js";
import { knownId } from "./known.js";
import { HUGE, type Options } from "./options.js";
import { Runner } from "./watchdog.js";

export function save(opts: Options, input: FuzzInput, failures: Failure[], label: string): string {
  mkdirSync(opts.out, { recursive: true });
  const base = join(opts.out, label);
  const big = input.files.reduce((n, f) => n + f.text.length, 0) > 1_000_000;
  writeFileSync(`${base}.json`, JSON.stringify({ input: big ? { ...input, files: input.files.map((f) => ({ path: f.path, text: f.text.slice(0, 2000) + "…(truncated)" })) } : input, failures }, null, 1) + "\n");
  writeFileSync(`${base}.kp`, input.files[0]!.text.slice(0, big ? 100_000 : undefined));
  return `${base}.json`;
}

export async function parent(opts: Options): Promise<number> {
  const runner = new Runner(opts.targets);
  const say = (s: string) => {
    if (!opts.quiet) process.stdout.write(s + "\n");
  };
  try {
    if (opts.replay) {
      const raw = JSON.parse(readFileSync(opts.replay, "utf8")) as { input: FuzzInput };
      const r = await runner.run(raw.input, opts.targets, Math.max(opts.timeLimit, 30_000));
      for (const f of r.failures) {
        const known = knownId(f, raw.input);
        say(`${f.target} · ${f.invariant}: ${f.message}${known ? `\n  (known, reported: ${known})` : ""}\n${f.stack ?? ""}`);
      }
      say(`replay: ${r.failures.length} failure(s), ${Math.round(r.elapsed)} ms`);
      return r.failures.length > 0 ? 1 : 0;
    }
    const files = corpus();
    const started = performance.now();
    const byKind = new Map<string, number>();
    const newFailures: string[] = [];
    const known = new Map<string, number>();
    const seenSignatures = new Set<string>();
    const slow: string[] = [];
    const stageMs: Record<string, number> = {};
    for (let i = 0; i < opts.iterations; i++) {
      const input = makeInput(opts.seed, i, files, opts.huge);
      const size = input.files.reduce((n, f) => n + f.text.length, 0);
      const limit = size > HUGE ? opts.hugeTimeLimit : opts.timeLimit;
      // 100,000-line files: parser and checker only (formatting and editor features are measured apart)
      const targets = size > HUGE ? opts.targets.filter((t) => t === "parser" || t === "checker") : opts.targets;
      let r = await runner.run(input, targets, limit);
      if (r.failures.some((f) => f.invariant === "no hang")) {
        // A loaded machine can stall a healthy child: retry once in a fresh one with 5× the time
        // before calling it a hang; a slow pass is reported below.
        const again = await runner.run(input, targets, limit * 5);
        if (!again.failures.some((f) => f.invariant === "no hang")) {
          slow.push(`#${i} ${input.kind}: over ${limit} ms once, then ${Math.round(again.elapsed)} ms`);
          r = again;
        }
      }
      const kind = input.kind.split(":")[0]!;
      for (const [k, v] of Object.entries(r.ms)) stageMs[k] = (stageMs[k] ?? 0) + v;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      if (size > HUGE) slow.push(`#${i} ${kind} ${(size / 1e6).toFixed(1)} MB: ${Math.round(r.elapsed)} ms (${Object.entries(r.ms).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")})`);
      const fresh: Failure[] = [];
      for (const f of r.failures) {
        const k = knownId(f, input);
        if (k) known.set(k, (known.get(k) ?? 0) + 1);
        else fresh.push(f);
      }
      if (fresh.length > 0) {
        const sig = fresh.map((f) => `${f.target}|${f.invariant}|${f.message.replace(/\d+/g, "N").slice(0, 80)}`).join(";");
        const label = `${fresh[0]!.target}-seed${opts.seed}-iter${i}`;
        const saved = save(opts, input, fresh, label);
        const first = !seenSignatures.has(sig);
        seenSignatures.add(sig);
        newFailures.push(label);
        if (first || !opts.quiet) {
          say(`\n✗ #${i} (${input.kind}) ${fresh.map((f) => `${f.target} · ${f.invariant}: ${f.message}`).join("\n  ")}`);
          if (fresh[0]!.stack) say(fresh[0]!.stack.split("\n").slice(0, 8).join("\n"));
          say(`  saved ${relative(process.cwd(), saved)}\n  reproduce: npx tsx scripts/fuzz.ts --replay ${relative(process.cwd(), saved)} --target ${opts.targets.length === 1 ? opts.targets[0] : "all"}`);
        }
      }
      if (!opts.quiet && (i + 1) % 1000 === 0) say(`… ${i + 1} / ${opts.iterations} (${Math.round((performance.now() - started) / 1000)} s, ${newFailures.length} new failures)`);
    }
    const summary = {
      iterations: opts.iterations,
      seed: opts.seed,
      targets: opts.targets,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      inputs: Object.fromEntries([...byKind].sort()),
      newFailures: newFailures.length,
      distinctNewFailures: seenSignatures.size,
      known: Object.fromEntries(known),
      msPerStage: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, Math.round(v)])),
      slow,
      corpusFiles: files.length,
      // the child ran the formatter / the language service (they load only when built)
      formatter: stageMs.format !== undefined,
      lsp: stageMs.lsp !== undefined,
    };
    process.stdout.write(`FUZZ-SUMMARY ${JSON.stringify(summary)}\n`);
    const knownCount = [...known.values()].reduce((a, b) => a + b, 0);
    return newFailures.length > 0 || (opts.strict && knownCount > 0) ? 1 : 0;
  } finally {
    runner.stop();
  }
}
