/** The parent process: the run loop, saving failing inputs, the summary. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { makeFactsInput, materializeFacts } from "./facts-gen.js";
import { corpus, makeInput, type FuzzInput } from "./generators.js";
import type { Failure } from "./invariants.js";
import { knownId } from "./known.js";
import { CATALOGUE_TARGETS, HUGE, type Options, type Target } from "./options.js";
import { Runner } from "./watchdog.js";

/** A file name for a known failure: "issue 10 item 2: JSON numbers through…" → "issue-10-item-2-json-numbers-through". */
function knownSlug(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60).replace(/-$/, "");
}

export function save(opts: Options, input: FuzzInput, failures: Failure[], label: string): string {
  mkdirSync(opts.out, { recursive: true });
  const base = join(opts.out, label);
  const big = input.files.reduce((n, f) => n + f.text.length, 0) > 1_000_000;
  writeFileSync(`${base}.json`, JSON.stringify({ input: big ? { ...input, files: input.files.map((f) => ({ path: f.path, text: f.text.slice(0, 2000) + "…(truncated)" })) } : input, failures }, null, 1) + "\n");
  writeFileSync(`${base}.kp`, input.files[0]!.text.slice(0, big ? 100_000 : undefined));
  // the facts file itself, for reading (the .json holds it too, as base64)
  if (input.factsFile?.base64 !== undefined) writeFileSync(`${base}.facts.${input.factsFile.format}`, Buffer.from(input.factsFile.base64, "base64"));
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
    const signatures = new Map<string, { count: number; first: string }>();
    const smallestKnown = new Map<string, number>();
    const catalogueTargets = opts.targets.filter((t) => CATALOGUE_TARGETS.includes(t));
    const factsTarget = opts.targets.includes("facts");
    const rounds = Math.max(catalogueTargets.length > 0 ? opts.iterations : 0, factsTarget ? opts.factsIterations : 0);
    for (let i = 0; i < rounds; i++) {
      if (catalogueTargets.length > 0 && i < opts.iterations) await runOne(makeInput(opts.seed, i, files, opts.huge), catalogueTargets, i);
      if (factsTarget && i < opts.factsIterations) {
        const input = makeFactsInput(opts.seed, i);
        await materializeFacts(input);
        await runOne(input, ["facts"], i);
      }
      if (!opts.quiet && (i + 1) % 1000 === 0) say(`… ${i + 1} / ${rounds} (${Math.round((performance.now() - started) / 1000)} s, ${newFailures.length} new failures)`);
    }

    async function runOne(input: FuzzInput, allTargets: Target[], i: number): Promise<void> {
      const size = input.files.reduce((n, f) => n + f.text.length, 0);
      const limit = size > HUGE ? opts.hugeTimeLimit : opts.timeLimit;
      // 100,000-line files: parser and checker only (formatting and editor features are measured apart)
      const targets = size > HUGE ? allTargets.filter((t) => t === "parser" || t === "checker") : allTargets;
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
        if (k) {
          // --save-known: the smallest input of each known failure seen so far (for fuzz-failures/)
          const size = input.factsFile?.base64?.length ?? input.files.reduce((n, x) => n + x.text.length, 0);
          if (opts.saveKnown && size < (smallestKnown.get(k) ?? 20_000)) {
            smallestKnown.set(k, size);
            save(opts, input, r.failures, `known-${knownSlug(k)}`);
          }
          known.set(k, (known.get(k) ?? 0) + 1);
        } else fresh.push(f);
      }
      if (fresh.length > 0) {
        // (a facts failure ends in the list of the input's layout choices, " [...]": not part of its signature)
        const sig = fresh.map((f) => `${f.target}|${f.invariant}|${f.message.replace(/ \[[^\]]*\]$/, "").replace(/\d+/g, "N").slice(0, 80)}`).join(";");
        const label = `${input.factsFile ? `facts-${input.factsFile.format}` : fresh[0]!.target}-seed${opts.seed}-iter${i}`;
        const saved = save(opts, input, fresh, label);
        const first = !seenSignatures.has(sig);
        seenSignatures.add(sig);
        const seen = signatures.get(sig);
        if (seen) seen.count++;
        else signatures.set(sig, { count: 1, first: label });
        newFailures.push(label);
        if (first || !opts.quiet) {
          say(`\n✗ #${i} (${input.kind}) ${fresh.map((f) => `${f.target} · ${f.invariant}: ${f.message}`).join("\n  ")}`);
          if (fresh[0]!.stack) say(fresh[0]!.stack.split("\n").slice(0, 8).join("\n"));
          say(`  saved ${relative(process.cwd(), saved)}\n  reproduce: npx tsx scripts/fuzz.ts --replay ${relative(process.cwd(), saved)} --target ${opts.targets.length === 1 ? opts.targets[0] : "all"}`);
        }
      }
    }
    const summary = {
      iterations: opts.iterations,
      factsIterations: factsTarget ? opts.factsIterations : 0,
      seed: opts.seed,
      targets: opts.targets,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      inputs: Object.fromEntries([...byKind].sort()),
      newFailures: newFailures.length,
      distinctNewFailures: seenSignatures.size,
      signatures: [...signatures].map(([sig, v]) => `${v.count}× ${sig} (e.g. ${v.first})`),
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
