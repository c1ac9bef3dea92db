/**
 * `kp score` and `kp explain` share their front half: compile the catalogue in memory, import the
 * module, read the facts, let the module check them, and report every problem at the user's cell or
 * key.  Then `score` ranks all units.
 */
import { hasErrors, type CatalogueMeta } from "@kaoping/core";
import { extname } from "node:path";
import { prepareCatalogue } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { expandFactsPaths, isFolderOfFacts, STREAMED_FACTS, factsDiagnostic, factsMemoryProblem, loadFacts, locateFactErrors, mergeFacts, scoringMemoryProblem, type FactsOptions, type LoadedFacts } from "@kaoping/facts";
import { absolutePath, colorsFor, displayPath, shownPath, writeOutputs, type Colors, type Io } from "../io.js";
import type { FactError, ScoringModule, UnitResult } from "../module.js";
import { dedupe, type CliDiagnostic } from "../report/diagnostics.js";
import { rankingCsv, rankingJson, rankingTable } from "../report/ranking.js";
import { MAX_LISTED, printDiagnostics } from "./shared.js";
import { PROGRESS_THRESHOLD, startProgress } from "./progress.js";
import { scoreStreaming } from "./score-stream.js";

/** A catalogue and facts ready for scoring, or the exit code when something was wrong. */
export type Scorable = { ok: true; module: ScoringModule; facts: LoadedFacts; inputs: string[] } | { ok: false; code: number };

/**
 * Loads the catalogue and the facts, printing every problem (to stderr); stops on errors.  `factsArg`
 * is one facts file (read by loadFacts, exactly as always) or several files and folders, merged by
 * @kaoping/facts's mergeFacts (rows joined by unit name; KP4080–KP4087).
 */
export async function loadForScoring(
  io: Io,
  catalogueArg: string,
  factsArg: string | readonly string[],
  err: Colors,
  options: FactsOptions & { units?: readonly string[]; unitsFile?: string; read?: LoadedFacts } = {},
  trace = false,
  ready?: ReadyCatalogue,
): Promise<Scorable> {
  const prepared = ready ?? (await prepareForScoring(io, catalogueArg, err));
  if (!prepared.ok) return prepared;
  const cat = prepared.module.catalogue;
  const facts = await readFactsArgs(io, factsArg, cat, err, options, trace);
  if (!facts) return { ok: false, code: ExitCode.problems };
  let diags: CliDiagnostic[] = facts.diagnostics;
  // Problems in the file's layout (a wrong column) leave the rest readable: let the module check
  // what was read too, so that every problem is listed at once.  Otherwise the facts are checked
  // once, by scoreAll itself (see scoreUnits): a 100,000-unit file is not read twice.
  if (hasErrors(diags) && facts.units.length > 0) diags = [...diags, ...locateFactErrors(facts, prepared.module.checkFacts(facts.units), cat)];
  if (reportFactProblems(io, facts, dedupe(diags), err)) return { ok: false, code: ExitCode.problems };
  // The files read, which an output must never replace.
  const inputs = [...prepared.catalogue.analysis.files.map((f) => f.path), ...(facts.merged ? facts.merged.files.map((f) => f.file) : [facts.file])];
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

/**
 * Reads the facts arguments: one file as always (loadFacts), else every file of the files and
 * folders given, merged.  A file too large for the heap is refused before it is read (KP4030, see
 * @kaoping/facts memory.ts).  Undefined (after printing) when a file is too large.  `options.read`: the
 * one file already read (kp score after a stream found facts errors: only the rows with problems).
 */
export async function readFactsArgs(
  io: Io,
  factsArg: string | readonly string[],
  cat: CatalogueMeta,
  err: Colors,
  options: FactsOptions & { units?: readonly string[]; unitsFile?: string; read?: LoadedFacts },
  trace: boolean,
): Promise<LoadedFacts | undefined> {
  const args = typeof factsArg === "string" ? [factsArg] : factsArg;
  const paths = args.map((a) => absolutePath(io, a));
  const shown = (f: string) => displayPath(io, f);
  const one = paths.length === 1 && !isFolderOfFacts(paths[0]!) && options.units === undefined;
  const expanded = one ? { files: paths, diagnostics: [] } : expandFactsPaths(paths, shown);
  for (const file of expanded.files) {
    const tooLarge = factsMemoryProblem(file, cat, trace);
    if (tooLarge) {
      printDiagnostics(io, io.stderr, [tooLarge], new Map(), err);
      return undefined;
    }
  }
  if (one) return options.read ?? loadFacts(paths[0]!, cat, { sheet: options.sheet, shown: shown(paths[0]!) });
  const files: LoadedFacts[] = [];
  for (const f of expanded.files) files.push(await loadFacts(f, cat, { sheet: options.sheet, shown: shown(f) }));
  return mergeFacts(files, cat, { shown, units: options.units, unitsFile: options.unitsFile }, expanded.diagnostics);
}

/** Prints facts diagnostics; true when there are errors (then nothing can be scored). */
function reportFactProblems(io: Io, facts: LoadedFacts, diags: CliDiagnostic[], err: Colors): boolean {
  const sources = facts.merged ? facts.merged.sources : new Map(facts.text !== undefined ? [[facts.file, facts.text]] : []);
  if (diags.length > 0) printDiagnostics(io, io.stderr, diags, sources, err, MAX_LISTED);
  if (!hasErrors(diags)) return false;
  const n = diags.filter((d) => d.severity === "error").length;
  const what = !facts.merged ? `事实文件「${shownPath(io, facts.file)}」` : facts.merged.files.length > 0 ? `事实文件（共 ${facts.merged.files.length} 个）` : "没有读到事实文件，";
  io.stderr.write(err.red(`${what}有 ${n} 个错误，无法计分。`) + "\n");
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

export type Format = "table" | "json" | "csv";

export function formatFor(opts: { format?: Format; output?: string }): Format {
  if (opts.format) return opts.format;
  const ext = opts.output ? extname(opts.output).toLowerCase() : "";
  return ext === ".json" ? "json" : ext === ".csv" ? "csv" : "table";
}

export { PROGRESS_THRESHOLD } from "./progress.js";

export async function scoreCommand(
  io: Io,
  catalogueArg: string,
  factsArg: string | readonly string[],
  opts: { format?: Format; output?: string; sheet?: string; color?: boolean },
  ready?: Extract<ReadyCatalogue, { ok: true }>,
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const format = formatFor(opts);
  if (opts.output !== undefined && opts.output.trim() === "") throw new UsageError("-o 需要一个文件名");
  const prepared = ready ?? (await prepareForScoring(io, catalogueArg, err));
  if (!prepared.ok) return prepared.code;
  // One CSV, JSON Lines or .xlsx facts file to CSV or JSON: scored as a stream, in bounded memory (score-stream.ts);
  // anything it does not take (several files, other formats, the table, facts with problems) is read
  // whole, as below.
  const single = typeof factsArg === "string" ? factsArg : factsArg.length === 1 ? factsArg[0]! : undefined;
  let problemRows: LoadedFacts | undefined;
  if (format !== "table" && opts.sheet === undefined && single !== undefined && (STREAMED_FACTS as readonly string[]).includes(extname(single).toLowerCase()) && !isFolderOfFacts(absolutePath(io, single))) {
    const streamed = await scoreStreaming(io, prepared, absolutePath(io, single), format, opts.output === undefined ? undefined : absolutePath(io, opts.output), err);
    if (typeof streamed === "number") return streamed;
    // facts errors: the stream may give the file's text with only the rows that have problems
    problemRows = streamed?.facts;
  }
  const loaded = await loadForScoring(io, catalogueArg, factsArg, err, { sheet: opts.sheet, read: problemRows }, false, prepared);
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
