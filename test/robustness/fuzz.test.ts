/**
 * The fuzzer in CI: a short fixed-seed run of scripts/fuzz.ts (all targets — catalogues and facts
 * files — through its watchdog child process), the replay of every input saved in fuzz-failures/,
 * and checks that the fuzzer's invariants do catch what they are meant to catch.
 *
 * Bounded: KP_FUZZ_ITERATIONS catalogue inputs and as many facts files (300 each by default, about
 * a minute on two cores); KP_FUZZ_SEED changes the seed (printed).  A long run is done by hand:
 * `npx tsx scripts/fuzz.ts --iterations 50000 --seed <S>`.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { LineIndex, type Diagnostic } from "@kaoping/core";
import { diagnosticProblems, isKnownFailure, makeFactsInput, makeInput, runInput, type FuzzInput } from "../../scripts/fuzz.js";

const ROOT = resolve(__dirname, "../..");
const run = promisify(execFile);
const ITERATIONS = Number(process.env.KP_FUZZ_ITERATIONS ?? 300);
const SEED = Number(process.env.KP_FUZZ_SEED ?? 20261125);
const ALL = ["parser", "checker", "formatter", "lsp", "facts"] as const;

describe("fuzzing", () => {
  it(`a ${ITERATIONS}-iteration run finds no new failure`, { timeout: 600_000 }, async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/fuzz.ts", "--iterations", String(ITERATIONS), "--facts-iterations", String(ITERATIONS), "--seed", String(SEED), "--quiet", "--out", join(ROOT, "test/robustness/fuzz-failures")], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout?: string; stderr?: string; code?: number }) => {
      throw new Error(`fuzz run failed (exit ${e.code}):\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
    });
    const line = stdout.split("\n").find((l) => l.startsWith("FUZZ-SUMMARY "));
    expect(line, stdout).toBeDefined();
    console.log(`fuzz seed ${SEED}: ${line}`);
    const summary = JSON.parse(line!.slice("FUZZ-SUMMARY ".length)) as {
      iterations: number;
      factsIterations: number;
      newFailures: number;
      inputs: Record<string, number>;
      msPerStage: Record<string, number>;
      formatter: boolean;
      lsp: boolean;
    };
    expect(summary.iterations).toBe(ITERATIONS);
    expect(summary.factsIterations).toBe(ITERATIONS);
    expect(summary.newFailures, stdout).toBe(0);
    // every kind of input was produced, and every stage ran
    for (const kind of ["generated", "mutated-generated", "mutated-corpus", "token-soup", "unicode", "deep", "facts-csv", "facts-json", "facts-xlsx"]) expect(summary.inputs[kind], kind).toBeGreaterThan(0);
    for (const stage of ["parse", "check", "compile", "import", "score", "format", "lsp", "facts-compile", "facts-read", "facts-score"]) expect(summary.msPerStage[stage], stage).toBeGreaterThan(0);
    expect(summary.formatter && summary.lsp).toBe(true);
  });

  it("replays every saved failing input without a new failure", { timeout: 300_000 }, async () => {
    const dir = join(ROOT, "test/robustness/fuzz-failures");
    // (<name>.facts.json is the facts file of a saved input, for reading; the input is <name>.json)
    const saved = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes(".facts.")) : [];
    for (const name of saved) {
      const { input } = JSON.parse(readFileSync(join(dir, name), "utf8")) as { input: FuzzInput };
      if (input.files.some((f) => f.text.endsWith("…(truncated)"))) continue; // huge inputs are saved truncated
      const { failures } = await runInput(input, ALL);
      expect(failures.filter((f) => !isKnownFailure(f, input)), name).toEqual([]);
    }
  });

  it("inputs are deterministic for a seed", () => {
    expect(makeInput(7, 42, [], false)).toEqual(makeInput(7, 42, [], false));
    expect(makeInput(7, 42, [], false)).not.toEqual(makeInput(8, 42, [], false));
    expect(makeFactsInput(7, 42)).toEqual(makeFactsInput(7, 42));
    expect(makeFactsInput(7, 42)).not.toEqual(makeFactsInput(8, 42));
  });

  describe("the facts invariants catch a file read as something else than what was written", () => {
    // A clean CSV of a generated catalogue that today's readers read exactly.
    const clean = async (): Promise<FuzzInput> => {
      for (let i = 0; ; i++) {
        const input = makeFactsInput(3, i);
        const spec = input.factsFile!;
        if (spec.format !== "csv" || spec.expect !== "exact" || spec.units.length < 2 || spec.tags.some((t) => t.startsWith("eol-mixed"))) continue;
        if ((await runInput(input, ["facts"])).failures.length !== 0) continue;
        // …and reads it without an error (a value beyond the exact range, say, is refused — rightly —
        // and then nothing read can be compared): the same input told it must be refused says so
        const probe = makeFactsInput(3, i);
        probe.factsFile!.expect = "error";
        probe.factsFile!.refuse = ["test"];
        if ((await runInput(probe, ["facts"])).failures.some((f) => f.invariant === "bad input is reported")) return input;
      }
    };

    it("a unit written but not read (no silent loss)", { timeout: 60_000 }, async () => {
      const input = await clean();
      const spec = input.factsFile!;
      spec.units = [...spec.units, { name: "多出的单位", classes: "", facts: {} }];
      const { failures } = await runInput(input, ["facts"]);
      expect(failures.map((f) => f.invariant)).toContain("no silent loss");
      expect(failures.find((f) => f.invariant === "no silent loss")!.message).toMatch(/units written/);
    });

    it("a fact read with another value (no silent loss)", { timeout: 60_000 }, async () => {
      const input = await clean();
      const unit = input.factsFile!.units.find((u) => Object.keys(u.facts).length > 0)!;
      const key = Object.keys(unit.facts)[0]!;
      unit.facts[key] = "12345.678";
      const { failures } = await runInput(input, ["facts"]);
      expect(failures.find((f) => f.invariant === "no silent loss")?.message).toContain(`fact ${JSON.stringify(key)} written "12345.678"`);
    });

    it("a file that must be refused, read without an error", { timeout: 60_000 }, async () => {
      const input = await clean();
      input.factsFile!.expect = "error";
      input.factsFile!.refuse = ["test"];
      const { failures } = await runInput(input, ["facts"]);
      expect(failures.map((f) => f.invariant)).toEqual(["bad input is reported"]);
    });
  });

  it("the range invariant catches ranges outside the text, wrong line/column and split surrogate pairs", () => {
    const text = "细则 「t」\n😀x";
    const lines = new LineIndex(text);
    const d = (start: number, end: number, patch: (x: Diagnostic) => void = () => {}): Diagnostic => {
      const x: Diagnostic = { code: "KP1003", severity: "error", message: "m", file: "/a.kp", span: lines.span(start, end) };
      patch(x);
      return x;
    };
    const texts = new Map([["/a.kp", text]]);
    expect(diagnosticProblems(texts, [d(0, 2), d(7, 9), d(10, 10)], "/a.kp")).toEqual([]);
    expect(diagnosticProblems(texts, [d(0, 2, (x) => (x.span.end = { offset: 99, line: 1, column: 100 }))], "/a.kp")[0]).toMatch(/outside/);
    expect(diagnosticProblems(texts, [d(7, 9, (x) => (x.span.start = { offset: 7, line: 1, column: 8 }))], "/a.kp")[0]).toMatch(/is 2:1/);
    expect(diagnosticProblems(texts, [d(7, 8)], "/a.kp")[0]).toMatch(/surrogate pair/);
    expect(diagnosticProblems(texts, [d(0, 1, (x) => (x.fixes = [{ title: "t", edits: [{ start: 5, end: 200, newText: "" }] }]))], "/a.kp")[0]).toMatch(/fix edit/);
  });

  it("broken invariants of a real input are reported as failures, not thrown", async () => {
    // An unclosed block comment ending in a line break (a known, reported core bug: its end position).
    const input: FuzzInput = { kind: "token-soup", seed: 1, files: [{ path: "/fuzz/root.kp", text: "细则 「t」\n/*\n" }] };
    // (Once core is fixed there is no failure at all; the detection itself is tested above.)
    const { failures } = await runInput(input, ["parser", "checker", "formatter", "lsp"]);
    for (const f of failures) expect(isKnownFailure(f, input), `${f.invariant}: ${f.message}`).toBe(true);
  });
});
