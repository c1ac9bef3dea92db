/**
 * kaoping fuzzer: random and mutated .kp inputs through the parser, the checker (and, when a
 * catalogue checks clean, compile → import → score), the formatter and the language service.
 *
 *   npx tsx scripts/fuzz.ts --iterations 50000 [--seed 1] [--target parser|checker|formatter|lsp|facts|all]
 *                           [--facts-iterations N] [--save-known] [--strict] [--quiet] [--out DIR]
 *   npx tsx scripts/fuzz.ts --replay test/robustness/fuzz-failures/<name>.json
 *
 * Two kinds of inputs: catalogues (targets parser, checker, formatter, lsp; --iterations of them)
 * and facts files for generated catalogues (target facts; --facts-iterations of them, as many by
 * default): CSV, JSON and .xlsx, read by the CLI's facts loader and scored by the compiled module
 * as `kp score` does — see scripts/fuzz/facts-gen.ts and facts-stage.ts for their invariants (no
 * silent loss: a file read without errors scores exactly the units and facts written).
 *
 * Invariants, for every input:
 * - no uncaught exception (user errors are diagnostics; a module's facts errors are KpFactsError;
 *   the formatter refuses text with syntax errors with KpSyntaxError);
 * - no hang: each input is handled by a child process under a watchdog (--time-limit ms, default
 *   2000; inputs over 200 KB — the 100,000-line files — get --huge-time-limit, default 60000, and
 *   their timings are printed).  An input over the limit is retried once in a fresh child with 5×
 *   the limit (a loaded machine can stall a healthy process); only a second timeout is a hang;
 * - every diagnostic range (and fix edit, related location) lies inside its document:
 *   0 ≤ start ≤ end ≤ text.length, line/column agree with the offset, and no range splits a
 *   surrogate pair;
 * - a catalogue without errors compiles to a module that imports and scores arbitrary facts without
 *   throwing anything but KpFactsError;
 * - formatting text without syntax errors succeeds, keeps the AST and is idempotent.
 *
 * Inputs: generated valid catalogues (test/property/kp-gen.ts) and mutations of them and of the
 * .kp files of the repository (byte flips, token deletions/duplications/swaps, random Unicode
 * including astral characters, U+2028, NUL, unmatched 「」, huge and tiny numbers), random token
 * soups, deep nesting (1,000 levels of 指标), and 100,000-line files.
 *
 * A failing input is saved to test/robustness/fuzz-failures/ with its error and the command that
 * replays it.  Failures whose signature is in KNOWN (bugs reported to core, not yet fixed) are
 * counted separately and do not fail the run unless --strict; --save-known saves the smallest input
 * of each known failure too (known-<id>.json).  The summary line (FUZZ-SUMMARY) lists the distinct
 * signatures of new failures and the count of each known one.  Exit code: 0 = no new failure.
 *
 * The code lives in scripts/fuzz/, one concern per file: options.ts (command line), generators.ts
 * and mutations.ts (catalogue inputs), facts-gen.ts (facts files: CSV, JSON, xlsx), invariants.ts
 * (what must hold), stages.ts and facts-stage.ts (running an input through the targets),
 * known.ts (failures already reported), watchdog.ts (the child process and its time limit),
 * report.ts (the run loop, saved failures, the summary).  This file is the entry point.
 */
import { resolve } from "node:path";
import { ENTRY, parseOptions } from "./fuzz/options.js";
import { parent } from "./fuzz/report.js";
import { child } from "./fuzz/watchdog.js";

export { makeInput, type FuzzInput } from "./fuzz/generators.js";
export { makeFactsInput, materializeFacts, type FactsSpec } from "./fuzz/facts-gen.js";
export { diagnosticProblems, type Failure } from "./fuzz/invariants.js";
export { isKnownFailure } from "./fuzz/known.js";
export { runInput } from "./fuzz/stages.js";

if (process.argv.includes("--child")) child();
else if (process.argv[1] && resolve(process.argv[1]) === ENTRY) {
  parent(parseOptions(process.argv.slice(2))).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
      process.exit(2);
    },
  );
}
