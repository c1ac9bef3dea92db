/**
 * `kp compile <catalogue> -o <dir>`: writes `<name>.mjs`, `<name>.d.mts` and `<name>.facts.schema.json`
 * (with `--module cjs`: `<name>.cjs`, `<name>.d.cts`: CommonJS, core's module-format.ts)
 * — all or nothing: when the catalogue has errors nothing is written, and the three files are
 * written together (core's writeFilesAtomic), carrying one generation id so that a set mixed by a
 * process killed between two renames is recognisable (core's verifyCompiledSet).
 */
import { fileDiagnostic, inFormat, moduleExtensions, stampCompiledSet, verifyCompiledSet, type ModuleFormat } from "@kaoping/core";
import { basename, join } from "node:path";
import { compileLoaded, outputBaseName } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, displayPath, shownPath, writeOutputs, type Io } from "../io.js";
import { visible } from "../report/terminal.js";
import { printDiagnostics } from "./shared.js";
import { catalogueForOutput, refuseFileAsOutputFolder } from "./output-catalogue.js";

export async function compileCommand(io: Io, catalogueArg: string, opts: { output: string; name?: string; module?: ModuleFormat; color?: boolean }): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const out = colorsFor(io.stdout, io.env, opts.color);
  const outDir = absolutePath(io, opts.output);
  if (opts.name !== undefined && (opts.name === "" || /[\\/]/.test(opts.name))) throw new UsageError(`--name 应为不含路径的文件名，实际为「${opts.name}」`);
  refuseFileAsOutputFolder(io, outDir);
  const loaded = catalogueForOutput(io, catalogueArg, err, "refuse");
  if (!loaded) return ExitCode.problems;
  const { cat, diagnostics: diags } = loaded;
  const format = opts.module ?? "esm";
  const unstamped = compileLoaded(cat);
  const compiled = stampCompiledSet({ ...unstamped, js: inFormat(unstamped.js, format) });
  const base = opts.name ?? outputBaseName(cat.root);
  const ext = moduleExtensions(format);
  const files = [
    { path: join(outDir, `${base}${ext.js}`), data: compiled.js },
    { path: join(outDir, `${base}${ext.dts}`), data: compiled.dts },
    { path: join(outDir, `${base}.facts.schema.json`), data: compiled.schema },
  ];
  // Never over a file of the catalogue (e.g. a link to one), whatever its name.
  writeOutputs(
    io,
    files,
    cat.analysis.files.map((f) => f.path),
  );
  // Read the set back: another process writing the same files at the same time would mix two sets.
  const check = verifyCompiledSet({ js: files[0]!.path, dts: files[1]!.path, schema: files[2]!.path });
  if (!check.ok) {
    const why =
      check.problem === "mixed"
        ? `编译标识：${Object.entries(check.generations)
            .map(([f, g]) => `${basename(f)} ${g}`)
            .join("，")}；可能有另一个进程同时写入了这些文件`
        : `「${basename(check.file)}」${check.problem === "unreadable" ? "无法读取" : "没有编译标识"}`;
    printDiagnostics(io, io.stderr, [fileDiagnostic("KP0018", outDir, [displayPath(io, outDir), why])], new Map(), err);
    return ExitCode.problems;
  }
  io.stdout.write(`${out.green("已生成")}「${visible(cat.analysis.catalogue.title)}」的计分模块（${cat.analysis.catalogue.rules.length} 条规则）：\n`);
  for (const f of files) io.stdout.write(`  ${shownPath(io, f.path)}\n`);
  return ExitCode.ok;
}
