/**
 * `kp compile <catalogue> -o <dir>`: writes `<name>.js`, `<name>.d.ts` and `<name>.facts.schema.json`
 * — all or nothing: when the catalogue has errors nothing is written, and each file is written
 * atomically.
 */
import { hasErrors } from "@kaoping/core";
import { statSync } from "node:fs";
import { join } from "node:path";
import { compileLoaded, loadCatalogue, outputBaseName, resolveCatalogue } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, displayPath, writeOutputs, type Io } from "../io.js";
import { countsText } from "../report/diagnostics.js";
import { printDiagnostics } from "./shared.js";

export async function compileCommand(io: Io, catalogueArg: string, opts: { output: string; name?: string; color?: boolean }): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const out = colorsFor(io.stdout, io.env, opts.color);
  const outDir = absolutePath(io, opts.output);
  if (opts.name !== undefined && (opts.name === "" || /[\\/]/.test(opts.name))) throw new UsageError(`--name 应为不含路径的文件名，实际为「${opts.name}」`);
  try {
    if (!statSync(outDir).isDirectory()) throw new UsageError(`-o 应为目录，但「${displayPath(io, outDir)}」是一个文件`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // Absent: created below, once there is something to write.
  }
  const resolved = resolveCatalogue(io, catalogueArg);
  if (!resolved.root) {
    printDiagnostics(io, io.stderr, resolved.diagnostics, new Map(), err);
    io.stderr.write(err.red("细则有错误，未生成任何文件。") + "\n");
    return ExitCode.problems;
  }
  const cat = loadCatalogue(io, resolved.root);
  const diags = cat.analysis.diagnostics;
  if (diags.length > 0) printDiagnostics(io, io.stderr, diags, cat.sources, err);
  if (hasErrors(diags)) {
    io.stderr.write(err.red(`细则有错误（${countsText(diags)}），未生成任何文件。`) + "\n");
    return ExitCode.problems;
  }
  const compiled = compileLoaded(cat);
  const base = opts.name ?? outputBaseName(resolved.root);
  const files = [
    { path: join(outDir, `${base}.js`), data: compiled.js },
    { path: join(outDir, `${base}.d.ts`), data: compiled.dts },
    { path: join(outDir, `${base}.facts.schema.json`), data: compiled.schema },
  ];
  writeOutputs(io, files);
  io.stdout.write(`${out.green("已生成")}「${cat.analysis.catalogue.title}」的计分模块（${cat.analysis.catalogue.rules.length} 条规则）：\n`);
  for (const f of files) io.stdout.write(`  ${displayPath(io, f.path)}\n`);
  return ExitCode.ok;
}
