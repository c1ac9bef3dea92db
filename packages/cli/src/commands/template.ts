/**
 * `kp template <catalogue> -o <dir> [--by 考评单位] [--units <file>] [--format xlsx|csv]`: fact
 * templates (填报表) to send to the evaluating departments (@kaoping/template).  All files are written
 * at once or none (writeOutputs); nothing is written when the catalogue or the units list has errors.
 */
import { factSpecs, hasErrors } from "@kaoping/core";
import { join } from "node:path";
import { ExitCode } from "../exit.js";
import { absolutePath, colorsFor, displayPath, shownPath, writeOutputs, type Io } from "../io.js";
import { visible } from "../report/terminal.js";
import { printDiagnostics } from "./shared.js";
import { catalogueForOutput, refuseFileAsOutputFolder } from "./output-catalogue.js";

/** A department's name as a file name: characters no file system takes become 「_」. */
export function fileNameOf(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
  return safe === "" || safe.startsWith(".") ? "_" + safe : safe;
}

export async function templateCommand(
  io: Io,
  catalogueArg: string,
  opts: { output: string; by?: string; units?: string; format: "xlsx" | "csv"; color?: boolean },
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const out = colorsFor(io.stdout, io.env, opts.color);
  const outDir = absolutePath(io, opts.output);
  refuseFileAsOutputFolder(io, outDir);
  const loaded = catalogueForOutput(io, catalogueArg, err, "allow");
  if (!loaded) return ExitCode.problems;
  const { cat } = loaded;
  const tpl = await import("@kaoping/template");
  const { compileLoaded } = await import("../catalogue.js");
  const { importModule } = await import("../module.js");
  const meta = (await importModule(compileLoaded(cat).js)).catalogue;
  const specs = factSpecs(cat.analysis.catalogue);
  const inputs = cat.analysis.files.map((f) => f.path);
  if (specs.length === 0) {
    const { factsDiagnostic } = await import("@kaoping/facts");
    printDiagnostics(io, io.stderr, [factsDiagnostic(cat.root, "KP4093", undefined, [])], new Map(), err);
    return ExitCode.problems;
  }
  let units: { name: string; classes: string }[] = [];
  if (opts.units !== undefined) {
    const file = absolutePath(io, opts.units);
    inputs.push(file);
    const list = await tpl.readUnitsList(file, meta, displayPath(io, file));
    if (list.diagnostics.length > 0) printDiagnostics(io, io.stderr, list.diagnostics, new Map(), err);
    if (hasErrors(list.diagnostics)) {
      io.stderr.write(err.red(`单位名单「${shownPath(io, file)}」有错误，未生成任何文件。`) + "\n");
      return ExitCode.problems;
    }
    units = list.units;
  }
  const plans = tpl.planTemplates(meta, specs, { byDepartment: opts.by !== undefined, units });
  const files: { path: string; data: string | Uint8Array }[] = [];
  const used = new Set<string>();
  for (const plan of plans) {
    let base = plan.department !== undefined ? fileNameOf(plan.department) : "事实填报表";
    // Two departments whose names become one file name (「甲/乙」「甲_乙」): the second gets a number.
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${fileNameOf(plan.department ?? "")}（${n}）`;
    used.add(base.toLowerCase());
    if (opts.format === "csv") {
      files.push({ path: join(outDir, `${base}.csv`), data: tpl.templateCsv(plan) });
      files.push({ path: join(outDir, `${base}.说明.txt`), data: tpl.templateReadme(plan) });
    } else files.push({ path: join(outDir, `${base}.xlsx`), data: await tpl.templateXlsx(plan) });
  }
  writeOutputs(io, files, inputs);
  io.stdout.write(`${out.green("已生成")}「${visible(meta.title)}」的事实填报表（${units.length} 个单位）：\n`);
  plans.forEach((plan, i) => {
    const f = files[opts.format === "csv" ? i * 2 : i]!;
    io.stdout.write(`  ${shownPath(io, f.path)}  ${plan.department !== undefined ? `考评单位「${visible(plan.department)}」，` : ""}${plan.columns.length} 列\n`);
  });
  return ExitCode.ok;
}
