/**
 * `kp score` and `kp explain` share their front half: compile the catalogue in memory, import the
 * module, read the facts, let the module check them, and report every problem at the user's cell or
 * key.  Then `score` ranks all units.
 */
import { hasErrors } from "@kaoping/core";
import { extname } from "node:path";
import { prepareCatalogue } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { factsDiagnostic, factsMemoryProblem, loadFacts, locateFactErrors, scoringMemoryProblem, type FactsOptions, type LoadedFacts } from "@kaoping/facts";
import { absolutePath, colorsFor, displayPath, shownPath, writeOutputs, type Colors, type Io } from "../io.js";
import type { FactError, ScoringModule, UnitResult } from "../module.js";
import { dedupe, type CliDiagnostic } from "../report/diagnostics.js";
import { rankingCsv, rankingJson, rankingTable } from "../report/ranking.js";
import { MAX_LISTED, printDiagnostics } from "./shared.js";
import { PROGRESS_THRESHOLD, startProgress } from "./progress.js";
import { scoreStreaming } from "./score-stream.js";

/** A catalogue and facts ready for scoring, or the exit code when something was wrong. */
export type Scorable = { ok: true; module: ScoringModule; facts: LoadedFacts; inputs: string[] } | { ok: false; code: number };

/** Loads the catalogue and the facts, printing every problem (to stderr); stops on errors. */
export async function loadForScoring(io: Io, catalogueArg: string, factsArg: string, err: Colors, options: FactsOptions = {}, trace = false, ready?: ReadyCatalogue): Promise<Scorable> {
  const prepared = ready ?? (await prepareForScoring(io, catalogueArg, err));
  if (!prepared.ok) return prepared;
  const cat = prepared.module.catalogue;
  // A facts file too large for the heap is refused before it is read (KP4030, see @kaoping/facts memory.ts).
  const tooLarge = factsMemoryProblem(absolutePath(io, factsArg), cat, trace);
  if (tooLarge) {
    printDiagnostics(io, io.stderr, [tooLarge], new Map(), err);
    return { ok: false, code: ExitCode.problems };
  }
  const factsFile = absolutePath(io, factsArg);
  const facts = await loadFacts(factsFile, cat, { ...options, shown: displayPath(io, factsFile) });
  let diags: CliDiagnostic[] = facts.diagnostics;
  // Problems in the file's layout (a wrong column) leave the rest readable: let the module check
  // what was read too, so that every problem is listed at once.  Otherwise the facts are checked
  // once, by scoreAll itself (see scoreUnits): a 100,000-unit file is not read twice.
  if (hasErrors(diags) && facts.units.length > 0) diags = [...diags, ...locateFactErrors(facts, prepared.module.checkFacts(facts.units), cat)];
  if (reportFactProblems(io, facts, dedupe(diags), err)) return { ok: false, code: ExitCode.problems };
  // The files read, which an output must never replace.
  const inputs = [...prepared.catalogue.analysis.files.map((f) => f.path), facts.file];
  return { ok: true, module: prepared.module, facts, inputs };
}

/** A compiled catalogue ready for facts, or the exit code when it had errors. */
export type ReadyCatalogue = Extract<Awaited<ReturnType<typeof prepareCatalogue>>, { ok: true }> | { ok: false; code: number };

/** Compiles the catalogue for scoring, printing its problems (to stderr); stops on errors. */
export async function prepareForScoring(io: Io, catalogueArg: string, err: Colors): Promise<ReadyCatalogue> {
  const prepared = await prepareCatalogue(io, catalogueArg);
  if (!prepared.ok) {
    printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.sources, err);
    io.stderr.write(err.red("细则有错误，无法计分。") + "\n");
    return { ok: false, code: ExitCode.problems };
  }
  if (prepared.diagnostics.length > 0) printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.catalogue.sources, err);
  return prepared;
}

/** Prints facts diagnostics; true when there are errors (then nothing can be scored). */
function reportFactProblems(io: Io, facts: LoadedFacts, diags: CliDiagnostic[], err: Colors): boolean {
  const sources = new Map(facts.text !== undefined ? [[facts.file, facts.text]] : []);
  if (diags.length > 0) printDiagnostics(io, io.stderr, diags, sources, err, MAX_LISTED);
  if (!hasErrors(diags)) return false;
  const n = diags.filter((d) => d.severity === "error").length;
  io.stderr.write(err.red(`事实文件「${shownPath(io, facts.file)}」有 ${n} 个错误，无法计分。`) + "\n");
  return true;
}

/** The module's KpFactsError, which lists every problem of the facts. */
function factsErrorsOf(e: unknown): FactError[] | undefined {
  if (e instanceof Error && e.name === "KpFactsError" && Array.isArray((e as Error & { errors?: unknown }).errors)) return (e as Error & { errors: FactError[] }).errors;
  return undefined;
}

/**
 * Runs the module's scoreAll.  A value too large to compute exactly (RangeError "KP4018") is a
 * problem in the facts, reported as such.
 */
export function scoreUnits(io: Io, s: { module: ScoringModule; facts: LoadedFacts }, trace: boolean, err: Colors): UnitResult[] | undefined {
  const noRoom = scoringMemoryProblem(s.facts.file, s.facts.units.length, s.module.catalogue, trace);
  if (noRoom) {
    printDiagnostics(io, io.stderr, [noRoom], new Map(), err);
    return undefined;
  }
  try {
    return s.module.scoreAll(s.facts.units, { trace });
  } catch (e) {
    const problems = factsErrorsOf(e);
    if (problems) {
      reportFactProblems(io, s.facts, dedupe(locateFactErrors(s.facts, problems, s.module.catalogue)), err);
      return undefined;
    }
    if (e instanceof RangeError && e.message === "KP4018") {
      const d = factsDiagnostic(s.facts.file, "KP4018", undefined, ["得分"]);
      d.message += "：请检查事实文件中过大的数值";
      printDiagnostics(io, io.stderr, [d], new Map(), err);
      return undefined;
    }
    throw e;
  }
}

type Format = "table" | "json" | "csv";

function formatFor(opts: { format?: Format; output?: string }): Format {
  if (opts.format) return opts.format;
  const ext = opts.output ? extname(opts.output).toLowerCase() : "";
  return ext === ".json" ? "json" : ext === ".csv" ? "csv" : "table";
}

export { PROGRESS_THRESHOLD } from "./progress.js";

export async function scoreCommand(
  io: Io,
  catalogueArg: string,
  factsArg: string,
  opts: { format?: Format; output?: string; sheet?: string; color?: boolean },
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const format = formatFor(opts);
  if (opts.output !== undefined && opts.output.trim() === "") throw new UsageError("-o 需要一个文件名");
  const prepared = await prepareForScoring(io, catalogueArg, err);
  if (!prepared.ok) return prepared.code;
  // CSV facts to CSV or JSON: scored as a stream, in bounded memory (score-stream.ts); anything it
  // does not take (other files, the table, facts with problems) is read whole, as below.
  if (format !== "table" && opts.sheet === undefined && extname(factsArg).toLowerCase() === ".csv") {
    const streamed = await scoreStreaming(io, prepared, absolutePath(io, factsArg), format, opts.output === undefined ? undefined : absolutePath(io, opts.output), err);
    if (streamed !== undefined) return streamed;
  }
  const loaded = await loadForScoring(io, catalogueArg, factsArg, err, { sheet: opts.sheet }, false, prepared);
  if (!loaded.ok) return loaded.code;
  const n = loaded.facts.units.length;
  // One step for scoring, then one per output row (JSON is written in one go).
  const progress = io.stderr.isTTY && n > PROGRESS_THRESHOLD ? startProgress(io, format === "json" ? 1 : n + 1) : undefined;
  const results = scoreUnits(io, loaded, false, err);
  progress?.tick("计分");
  if (!results) {
    progress?.stop();
    return ExitCode.problems;
  }
  const cat = loaded.module.catalogue;
  // Colour only on a terminal, never in a file.
  const c = colorsFor(opts.output !== undefined ? { write: () => true } : io.stdout, io.env, opts.color);
  const text =
    format === "json" ? rankingJson(results) : format === "csv" ? rankingCsv(cat, results, () => progress?.tick("输出")) : rankingTable(cat, results, c, () => progress?.tick("输出"));
  progress?.stop();
  if (opts.output !== undefined) {
    const path = absolutePath(io, opts.output);
    // Excel opens a UTF-8 CSV correctly only with a BOM.
    writeOutputs(io, [{ path, data: format === "csv" ? "\uFEFF" + text : text }], loaded.inputs);
    io.stdout.write(`已写入 ${shownPath(io, path)}（${results.length} 个单位）\n`);
  } else io.stdout.write(text);
  return ExitCode.ok;
}
