/**
 * `kp lint <files|dirs> [--format text|json|sarif] [--fix]`: the catalogue linter (@kaoping/lint)
 * over the same analyses as `kp check`, whose diagnostics it also shows (a file with syntax errors
 * cannot be linted, and must not look clean).  `--fix` applies the first fix of every fixable lint
 * diagnostic, file by file, atomically, until nothing more can be fixed.
 */
import { analyzeFiles, compareText, hasErrors, MAX_SOURCE_BYTES, readRegularFile, type Diagnostic } from "@kaoping/core";
import { cliHost } from "../catalogue.js";
import { ExitCode, loadPackage } from "../exit.js";
import { colorsFor, displayPath, shownPath, writeOutputs, type Io } from "../io.js";
import { countBySeverity, countsText, dedupe, diagnosticToJson, formatDiagnostic, sortForOutput, type CliDiagnostic } from "../report/diagnostics.js";
import { expandKpPaths } from "./check.js";

type LintApi = typeof import("@kaoping/lint");

/** Most --fix rounds (a fix can make another one possible). */
const MAX_FIX_ROUNDS = 10;

interface LintRun {
  diagnostics: CliDiagnostic[];
  sources: Map<string, string>;
  /** Files whose diagnostics are shown (the inputs, and what the given roots include). */
  files: Set<string>;
}

function runLint(io: Io, lint: LintApi, inputs: readonly string[], inputDiags: readonly CliDiagnostic[]): LintRun {
  const analyses = analyzeFiles(inputs, cliHost(io));
  const sources = new Map<string, string>();
  const files = new Set(inputs);
  const all: CliDiagnostic[] = [...inputDiags];
  const configs = new Set<string>();
  for (const a of analyses) {
    for (const f of a.files) sources.set(f.path, f.text);
    // A root given on the command line brings its whole catalogue.
    if (a.files[0] && files.has(a.files[0].path)) for (const f of a.files) files.add(f.path);
    all.push(...a.diagnostics);
    const found = lint.findLintConfig(a.files[0]?.path ?? inputs[0] ?? io.cwd);
    if (found.path !== undefined && !configs.has(found.path)) {
      configs.add(found.path);
      all.push(...found.diagnostics);
      if (found.diagnostics.length > 0) {
        // For code frames; a file that cannot be read is reported by the config reader already.
        const r = readRegularFile(found.path, MAX_SOURCE_BYTES);
        if (r.ok) sources.set(found.path, r.bytes.toString("utf8"));
      }
    }
    all.push(...lint.lintAnalysis(a, found.config));
  }
  const shown = all.filter((d) => d.file === undefined || files.has(d.file) || configs.has(d.file) || !sources.has(d.file));
  return { diagnostics: sortForOutput(dedupe(shown)), sources, files };
}

export async function lintCommand(
  io: Io,
  paths: string[],
  opts: { format: "text" | "json" | "sarif"; fix?: boolean; color?: boolean },
): Promise<number> {
  const lint = await loadPackage("@kaoping/lint", () => import("@kaoping/lint"));
  const c = colorsFor(io.stdout, io.env, opts.color);
  const { files: inputs, diagnostics: inputDiags } = expandKpPaths(io, paths);
  let run = runLint(io, lint, inputs, inputDiags);
  const fixed = new Set<string>();
  if (opts.fix) {
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const writes: { path: string; data: string }[] = [];
      const lintDiags = run.diagnostics.filter((d) => /^KP3/.test(d.code));
      for (const file of [...run.files].sort(compareText)) {
        const text = run.sources.get(file);
        const edits = lint.fixEditsFor(lintDiags, file);
        if (text === undefined || edits.length === 0) continue;
        const next = lint.applyFixes(text, edits);
        if (next === text) continue;
        writes.push({ path: file, data: next });
        fixed.add(file);
      }
      if (writes.length === 0) break;
      writeOutputs(io, writes);
      run = runLint(io, lint, inputs, inputDiags);
    }
  }
  const diags = run.diagnostics;
  if (opts.format === "sarif") {
    io.stdout.write(JSON.stringify(lint.toSarif(diags as Diagnostic[], { baseDir: io.cwd }), null, 2) + "\n");
  } else if (opts.format === "json") {
    const n = countBySeverity(diags);
    const out = {
      files: [...run.files].sort(compareText).map((f) => displayPath(io, f)),
      summary: { files: run.files.size, errors: n.error, warnings: n.warning, infos: n.info, hints: n.hint },
      diagnostics: diags.map((d) => diagnosticToJson(io, d, run.sources)),
    };
    io.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    // Grouped by file: a header, then the file's problems with their code frames.
    let current: string | undefined;
    for (const d of diags) {
      const file = d.file === undefined ? "" : shownPath(io, d.file);
      if (file !== current) {
        io.stdout.write(`${c.bold(c.underline(file || "（无文件）"))}\n\n`);
        current = file;
      }
      io.stdout.write(formatDiagnostic(io, d, run.sources, c) + "\n\n");
    }
    for (const file of [...fixed].sort(compareText)) io.stdout.write(`${c.green("已修复")} ${shownPath(io, file)}\n`);
    const summary = `检查了 ${run.files.size} 个文件：${countsText(diags)}`;
    io.stdout.write((hasErrors(diags) ? c.red(summary) : diags.length > 0 ? c.yellow(summary) : c.green(summary)) + "\n");
  }
  return hasErrors(diags) ? ExitCode.problems : ExitCode.ok;
}
