/**
 * `kp fmt [--check] <files|dirs>`: the canonical layout (prettier-plugin-kp).  Files are rewritten
 * atomically and only when they change; a file with syntax errors is refused with its diagnostics
 * and never rewritten.  `--check` rewrites nothing and lists the files that are not formatted.
 */
import { compareText, fileDiagnostic, type Diagnostic } from "@kaoping/core";
import { cliHost } from "../catalogue.js";
import { ExitCode, loadPackage } from "../exit.js";
import { colorsFor, shownPath, writeOutputs, type Io } from "../io.js";
import type { CliDiagnostic } from "../report/diagnostics.js";
import { expandKpPaths } from "./check.js";
import { printDiagnostics } from "./shared.js";

export async function fmtCommand(io: Io, paths: string[], opts: { check?: boolean; color?: boolean }): Promise<number> {
  const { formatKp, KpSyntaxError } = await loadPackage("prettier-plugin-kp", () => import("prettier-plugin-kp"));
  const out = colorsFor(io.stdout, io.env, opts.color);
  const err = colorsFor(io.stderr, io.env, opts.color);
  const host = cliHost(io);
  const { files, diagnostics } = expandKpPaths(io, paths);
  const problems: CliDiagnostic[] = [...diagnostics];
  const sources = new Map<string, string>();
  const unformatted: string[] = [];
  const writes: { path: string; data: string }[] = [];
  for (const file of [...files].sort(compareText)) {
    const r = host.read(file);
    if (!r.ok) {
      problems.push(fileDiagnostic(r.code, file, r.args));
      continue;
    }
    sources.set(file, r.text);
    let formatted: string;
    try {
      formatted = await formatKp(r.text, { filepath: file });
    } catch (e) {
      if (!(e instanceof KpSyntaxError)) throw e;
      problems.push(...e.diagnostics.map((d: Diagnostic) => ({ ...d, file: d.file ?? file })));
      continue;
    }
    if (formatted === r.text) continue;
    unformatted.push(file);
    if (!opts.check) writes.push({ path: file, data: formatted });
  }
  // Each file stands alone: those with errors are left as they are, the others are written (all
  // formatted in memory first, then written together, each atomically).
  if (writes.length > 0) writeOutputs(io, writes);
  if (problems.length > 0) {
    printDiagnostics(io, io.stderr, problems, sources, err);
    const refused = new Set(problems.map((d) => d.file)).size;
    io.stderr.write(err.red(`${refused} 个文件有错误，未格式化。`) + "\n");
  }
  if (opts.check) {
    for (const f of unformatted) io.stdout.write(`${out.yellow("未格式化")} ${shownPath(io, f)}\n`);
    io.stdout.write(unformatted.length > 0 ? `${unformatted.length} 个文件需要格式化（运行 kp fmt 格式化）。\n` : `${files.length} 个文件都已格式化。\n`);
    return unformatted.length > 0 || problems.length > 0 ? ExitCode.problems : ExitCode.ok;
  }
  for (const f of unformatted) io.stdout.write(`${out.green("已格式化")} ${shownPath(io, f)}\n`);
  io.stdout.write(`格式化了 ${unformatted.length} 个文件（共 ${files.length} 个）。\n`);
  return problems.length > 0 ? ExitCode.problems : ExitCode.ok;
}
