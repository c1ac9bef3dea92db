/** `kp check <files|dirs...>`: the core's diagnostics for .kp files, with code frames. */
import { analyzeFiles, compareText, fileDiagnostic, hasErrors } from "@kaoping/core";
import { cliHost } from "../catalogue.js";
import { ExitCode } from "../exit.js";
import { absolutePath, colorsFor, displayPath, type Io } from "../io.js";
import { countBySeverity, countsText, dedupe, diagnosticToJson, sortForOutput, type CliDiagnostic } from "../report/diagnostics.js";
import { printDiagnostics } from "./shared.js";

/** Expands directories to their .kp files (sorted); a directory without any is a diagnostic. */
export function expandKpPaths(io: Io, args: readonly string[]): { files: string[]; diagnostics: CliDiagnostic[] } {
  const host = cliHost(io);
  const files = new Set<string>();
  const diagnostics: CliDiagnostic[] = [];
  for (const a of args) {
    const abs = absolutePath(io, a);
    if (host.isDirectory?.(abs)) {
      const found = host.listKpFiles?.(abs) ?? [];
      if (found.length === 0) diagnostics.push(fileDiagnostic("KP0005", abs, [displayPath(io, abs)]));
      found.forEach((f) => files.add(f));
    } else files.add(abs);
  }
  return { files: [...files].sort(compareText), diagnostics };
}

export async function checkCommand(io: Io, paths: string[], opts: { format: "text" | "json"; color?: boolean }): Promise<number> {
  const c = colorsFor(io.stdout, io.env, opts.color);
  const { files, diagnostics: expandDiags } = expandKpPaths(io, paths);
  const analyses = analyzeFiles(files, cliHost(io));
  const sources = new Map<string, string>();
  const checked = new Set(files);
  for (const a of analyses)
    for (const f of a.files) {
      sources.set(f.path, f.text);
      checked.add(f.path);
    }
  const diagnostics = sortForOutput(dedupe([...expandDiags, ...analyses.flatMap((a) => a.diagnostics)]));
  const summary = `检查了 ${checked.size} 个文件：${countsText(diagnostics)}`;
  if (opts.format === "json") {
    const n = countBySeverity(diagnostics);
    const out = {
      files: [...checked].sort(compareText).map((f) => displayPath(io, f)),
      summary: { files: checked.size, errors: n.error, warnings: n.warning, infos: n.info, hints: n.hint },
      diagnostics: diagnostics.map((d) => diagnosticToJson(io, d, sources)),
    };
    io.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    printDiagnostics(io, io.stdout, diagnostics, sources, c);
    io.stdout.write((hasErrors(diagnostics) ? c.red(summary) : diagnostics.length > 0 ? c.yellow(summary) : c.green(summary)) + "\n");
  }
  return hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
}
