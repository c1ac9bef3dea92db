/**
 * `kp diff <旧细则> <新细则>`: what changed between two versions of a catalogue (core's
 * diffCatalogues over both checked models) and, with --facts, what it does to each unit's total,
 * rank and grade.  Exit codes as diff(1) / `git diff --exit-code`: 0, or 1 when something changed
 * and --exit-code is given; 2 when a catalogue or the facts have errors (nothing to compare).
 */
import { diffCatalogues, formatMessage, hasErrors, type Analysis, type Diagnostic } from "@kaoping/core";
import { loadFacts, locateFactErrors, type FactsDiagnostic } from "@kaoping/facts";
import { prepareCatalogue } from "../catalogue.js";
import { UsageError } from "../exit.js";
import { absolutePath, colorsFor, displayPath, shownPath, writeOutputs, type Io } from "../io.js";
import type { ScoringModule, UnitResult } from "../module.js";
import { dedupe } from "../report/diagnostics.js";
import { unitChanges } from "../report/diff-effect.js";
import { diffJson, diffMarkdown, diffText, type DiffReport } from "../report/diff-render.js";
import { wordDiff } from "../report/word-diff.js";
import { factsFor, unionMeta } from "./diff-facts.js";
import { MAX_LISTED, printDiagnostics } from "./shared.js";

/** Exit codes of kp diff (diff(1)'s: 1 = differences, 2 = trouble). */
export const DiffExit = { same: 0, changed: 1, trouble: 2 } as const;

export interface DiffOptions {
  /** html: one self-contained page (@kaoping/report's renderDiffPage), only with -o. */
  format: "text" | "json" | "md" | "html";
  facts?: string;
  /** The worksheet of an .xlsx facts file. */
  sheet?: string;
  output?: string;
  exitCode?: boolean;
  color?: boolean;
}

export async function diffCommand(io: Io, oldArg: string, newArg: string, opts: DiffOptions): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  if (opts.format === "html" && opts.output === undefined) throw new UsageError(formatMessage("KP7053", []), "KP7053");
  if (opts.output !== undefined && opts.output.trim() === "") throw new UsageError("-o 需要一个文件名");
  const versions: { analysis: Analysis; module: ScoringModule; texts: Map<string, string> }[] = [];
  for (const [arg, word] of [
    [oldArg, "原版"],
    [newArg, "新版"],
  ] as const) {
    const prepared = await prepareCatalogue(io, arg);
    if (!prepared.ok) {
      printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.sources, err);
      io.stderr.write(err.red(`${word}细则「${displayPath(io, absolutePath(io, arg))}」有错误，无法比较。`) + "\n");
      return DiffExit.trouble;
    }
    if (prepared.diagnostics.length > 0) printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.catalogue.sources, err);
    versions.push({ analysis: prepared.catalogue.analysis, module: prepared.module, texts: prepared.catalogue.sources });
  }
  const [o, n] = versions as [(typeof versions)[0], (typeof versions)[0]];
  const diff = diffCatalogues({ catalogue: o.analysis.catalogue, texts: o.texts }, { catalogue: n.analysis.catalogue, texts: n.texts });
  const report: DiffReport = {
    oldPath: displayPath(io, absolutePath(io, oldArg)),
    newPath: displayPath(io, absolutePath(io, newArg)),
    title: n.analysis.catalogue.title,
    diff,
    where: (p) => (p ? `${displayPath(io, p.file)}:${p.line}` : ""),
  };
  const inputs = [...o.analysis.files, ...n.analysis.files].map((f) => f.path);
  let notes: Diagnostic[] = [];
  if (opts.facts !== undefined) {
    const units = await scoreBoth(io, opts.facts, opts.sheet, o, n, diff.ruleNames, err);
    if (!units) return DiffExit.trouble;
    notes = units.notes;
    report.units = unitChanges(units.old, units.new, diff.ruleNames, diff.indicatorIds);
    report.factsPath = displayPath(io, absolutePath(io, opts.facts));
    inputs.push(absolutePath(io, opts.facts));
  }
  const toFile = opts.output !== undefined;
  const c = colorsFor(toFile ? { write: () => true } : io.stdout, io.env, opts.color);
  const text =
    opts.format === "html"
      ? await diffPage(report, o.module.catalogue, n.module.catalogue, notes)
      : opts.format === "json"
        ? diffJson(report)
        : opts.format === "md"
          ? diffMarkdown(report)
          : diffText(report, c);
  if (toFile) {
    const path = absolutePath(io, opts.output!);
    writeOutputs(io, [{ path, data: text }], inputs);
    io.stdout.write(`已写入 ${shownPath(io, path)}\n`);
  } else io.stdout.write(text);
  return opts.exitCode && !diff.same ? DiffExit.changed : DiffExit.same;
}

/** The diff as one self-contained HTML page (the report package is loaded only for it). */
async function diffPage(report: DiffReport, oldCatalogue: ScoringModule["catalogue"], newCatalogue: ScoringModule["catalogue"], notes: readonly Diagnostic[]): Promise<string> {
  const html = await import("@kaoping/report");
  let echarts: string;
  try {
    echarts = html.echartsSource();
  } catch (e) {
    throw e instanceof html.ReportError ? new UsageError(e.detail, e.code) : e;
  }
  return html.renderDiffPage({ ...report, oldCatalogue, newCatalogue, clauseDiff: wordDiff, notes }, { echarts });
}

/** Reads the facts once for both versions and scores each; undefined (problems printed) on errors. */
async function scoreBoth(
  io: Io,
  factsArg: string,
  sheet: string | undefined,
  o: { analysis: Analysis; module: ScoringModule },
  n: { analysis: Analysis; module: ScoringModule },
  ruleNames: ReadonlyMap<string, string>,
  err: ReturnType<typeof colorsFor>,
): Promise<{ old: UnitResult[]; new: UnitResult[]; notes: FactsDiagnostic[] } | undefined> {
  const file = absolutePath(io, factsArg);
  const oldMeta = o.module.catalogue;
  const newMeta = n.module.catalogue;
  const facts = await loadFacts(file, unionMeta(oldMeta, newMeta), { shown: displayPath(io, file), sheet });
  const sources = new Map(facts.text !== undefined ? [[facts.file, facts.text]] : []);
  const fail = (diags: FactsDiagnostic[]) => {
    printDiagnostics(io, io.stderr, dedupe(diags), sources, err, MAX_LISTED);
    io.stderr.write(err.red(`事实文件「${shownPath(io, file)}」有错误，无法计分比较。`) + "\n");
    return undefined;
  };
  if (hasErrors(facts.diagnostics)) return fail(facts.diagnostics);
  const renamed = [...ruleNames].filter(([a, b]) => a !== b);
  const forOld = factsFor(facts, { meta: oldMeta, model: o.analysis.catalogue, word: "原版" }, { meta: newMeta, word: "新版" }, new Map(renamed.map(([a, b]) => [b, a])));
  const forNew = factsFor(facts, { meta: newMeta, model: n.analysis.catalogue, word: "新版" }, { meta: oldMeta, word: "原版" }, new Map(renamed));
  const problems = [
    ...locateFactErrors({ ...facts, units: forOld.units }, o.module.checkFacts(forOld.units), oldMeta),
    ...locateFactErrors({ ...facts, units: forNew.units }, n.module.checkFacts(forNew.units), newMeta),
  ];
  const notes = [...facts.diagnostics, ...forOld.notes, ...forNew.notes];
  if (hasErrors(problems)) return fail([...notes, ...problems]);
  if (notes.length > 0) printDiagnostics(io, io.stderr, notes, sources, err, MAX_LISTED);
  try {
    return { old: o.module.scoreAll(forOld.units, { trace: true }), new: n.module.scoreAll(forNew.units, { trace: true }), notes };
  } catch (e) {
    if (e instanceof RangeError && e.message === "KP4018") return fail([]);
    throw e;
  }
}
