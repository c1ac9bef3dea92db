/**
 * `kp facts check <catalogue> <files…>`: what is still missing from the returns, by evaluating
 * department (考评单位) and unit — the list an office sends when it chases returns.  The facts are read
 * as `kp score` reads them (several files and folders merged); a required fact a unit has not given
 * (KP4008 of the module), whatever the reason (a blank cell, a missing row, a missing column, a
 * workbook sent back empty), is listed under the department that fills it.  Other problems are
 * printed as diagnostics (stderr).  Exit 0 when nothing is missing and nothing is wrong, else 1.
 */
import { hasErrors, nameKey, type FactError } from "@kaoping/core";
import { departmentOf, factKeys, factOwners, locateFactErrors, NO_DEPARTMENT, type LoadedFacts } from "@kaoping/facts";
import { prepareCatalogue } from "../catalogue.js";
import { ExitCode } from "../exit.js";
import { absolutePath, colorsFor, displayPath, type Io } from "../io.js";
import { dedupe, diagnosticToJson, type CliDiagnostic } from "../report/diagnostics.js";
import { visible } from "../report/terminal.js";
import { readFactsArgs } from "./score.js";
import { MAX_LISTED, printDiagnostics } from "./shared.js";

/** The facts a department still owes, unit by unit, and its returns sent back empty. */
export interface Owed {
  department: string;
  units: { unit: string; facts: string[] }[];
  /** Files of the department with no fact filled in (shown paths). */
  unfilled?: string[];
  /** The department's columns, when no file has any of them: it sent nothing back. */
  absent?: string[];
}

/**
 * What merged returns lack beyond the module's missing required facts: a row missing from a file
 * (every column of that file, for that unit, optional facts too) and files sent back empty.
 */
export function returnGaps(facts: LoadedFacts, expected: readonly string[]): { missing: FactError[]; unfilled: { file: string; keys: string[] }[] } {
  const missing: FactError[] = [];
  const unfilled: { file: string; keys: string[] }[] = [];
  for (const f of facts.merged?.files ?? []) {
    if (f.units.length === 0) continue;
    const cols = [...new Set(f.units.flatMap((u) => Object.keys(u.facts)))];
    if (cols.length === 0) continue;
    if (!f.units.some((u) => Object.values(u.facts).some((v) => v !== "" && v !== undefined))) {
      unfilled.push({ file: f.file, keys: cols });
      continue;
    }
    const here = new Set(f.units.map((u) => nameKey(u.name.trim())));
    for (const unit of expected) if (!here.has(nameKey(unit))) for (const key of cols) missing.push({ code: "KP4008", message: "", unit, key });
  }
  return { missing, unfilled };
}

/** The missing required facts of the module's errors, by department (catalogue order) and unit (file order). */
export function owedFacts(errors: readonly FactError[], owners: ReturnType<typeof factOwners>, unitOrder: readonly string[]): Owed[] {
  const departments = [...new Set([...owners.values()].map((o) => departmentOf(o))), NO_DEPARTMENT];
  const keyOrder = [...owners.keys()];
  const by = new Map<string, Map<string, Set<string>>>();
  for (const e of errors) {
    if (e.code !== "KP4008" || e.unit === undefined || e.key === undefined) continue;
    const d = departmentOf(owners.get(e.key));
    const units = by.get(d) ?? new Map<string, Set<string>>();
    by.set(d, units);
    const keys = units.get(e.unit) ?? new Set<string>();
    units.set(e.unit, keys);
    keys.add(e.key);
  }
  const rank = (list: readonly string[]) => new Map(list.map((x, i) => [x, i]));
  const unitRank = rank(unitOrder);
  const keyRank = rank(keyOrder);
  return departments
    .filter((d, i) => by.has(d) && departments.indexOf(d) === i)
    .map((department) => ({
      department,
      units: [...by.get(department)!]
        .sort(([a], [b]) => (unitRank.get(a) ?? 0) - (unitRank.get(b) ?? 0))
        .map(([unit, keys]) => ({ unit, facts: [...keys].sort((a, b) => (keyRank.get(a) ?? 0) - (keyRank.get(b) ?? 0)) })),
    }));
}

export async function factsCheckCommand(
  io: Io,
  catalogueArg: string,
  factsArgs: readonly string[],
  opts: { format: "text" | "json"; units?: string; sheet?: string; color?: boolean },
): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  const out = colorsFor(io.stdout, io.env, opts.color);
  const prepared = await prepareCatalogue(io, catalogueArg);
  if (!prepared.ok) {
    printDiagnostics(io, io.stderr, prepared.diagnostics, prepared.sources, err);
    io.stderr.write(err.red("细则有错误，无法检查事实。") + "\n");
    return ExitCode.problems;
  }
  const cat = prepared.module.catalogue;
  let units: string[] | undefined;
  let unitsFile: string | undefined;
  if (opts.units !== undefined) {
    const file = absolutePath(io, opts.units);
    unitsFile = displayPath(io, file);
    const list = await (await import("@kaoping/template")).readUnitsList(file, cat, unitsFile);
    if (list.diagnostics.length > 0) printDiagnostics(io, io.stderr, list.diagnostics, new Map(), err);
    if (hasErrors(list.diagnostics)) {
      io.stderr.write(err.red(`单位名单「${unitsFile}」有错误，无法检查事实。`) + "\n");
      return ExitCode.problems;
    }
    units = list.units.map((u) => u.name);
  }
  const facts = await readFactsArgs(io, factsArgs, cat, err, { sheet: opts.sheet, units, unitsFile }, false);
  if (!facts) return ExitCode.problems;
  const errors = facts.units.length > 0 ? prepared.module.checkFacts(facts.units) : [];
  // Missing facts are the list itself; every other problem is a diagnostic.
  const problems: CliDiagnostic[] = dedupe([...facts.diagnostics, ...locateFactErrors(facts, errors, cat).filter((d) => d.code !== "KP4008" && d.code !== "KP4085")]);
  const owners = factOwners(cat);
  const unitNames = facts.units.map((u) => u.name);
  const gaps = returnGaps(facts, units ?? unitNames);
  const owed = owedFacts([...errors, ...gaps.missing], owners, units ?? unitNames);
  for (const g of gaps.unfilled) {
    const department = departmentOf(owners.get(g.keys[0]!));
    let d = owed.find((o) => o.department === department);
    if (!d) owed.push((d = { department, units: [] }));
    (d.unfilled ??= []).push(displayPath(io, g.file));
  }
  // Several returns: departments none of whose columns any file has sent nothing back.  (One file is
  // one return; a long table or JSON lists only the facts given, so absence says nothing there.)
  const seen = new Set(facts.merged?.columns.keys() ?? []);
  const byDepartment = new Map<string, string[]>();
  for (const key of factKeys(cat)) {
    const d = departmentOf(owners.get(key));
    byDepartment.set(d, [...(byDepartment.get(d) ?? []), key]);
  }
  let absentCount = 0;
  if (facts.merged && facts.units.length > 0)
    for (const [department, cols] of byDepartment) {
      if (cols.some((k) => seen.has(k))) continue;
      absentCount++;
      let d = owed.find((o) => o.department === department);
      if (!d) owed.push((d = { department, units: [] }));
      d.absent = cols;
    }
  const order = [...new Set([...owners.values()].map((o) => departmentOf(o))), NO_DEPARTMENT];
  owed.sort((a, b) => order.indexOf(a.department) - order.indexOf(b.department));
  const count = owed.reduce((n, d) => n + d.units.reduce((m, u) => m + u.facts.length, 0), 0) + gaps.unfilled.length + absentCount;
  const unitCount = new Set(owed.flatMap((d) => d.units.map((u) => u.unit))).size;
  const files = facts.merged ? facts.merged.files.map((f) => f.file) : [facts.file];
  const sources = facts.merged ? facts.merged.sources : new Map(facts.text !== undefined ? [[facts.file, facts.text]] : []);
  const failed = count > 0 || hasErrors(problems);
  if (opts.format === "json") {
    const json = {
      files: files.map((f) => displayPath(io, f)),
      units: facts.units.length,
      complete: !failed,
      missing: owed,
      problems: problems.map((d) => diagnosticToJson(io, d, sources)),
    };
    io.stdout.write(JSON.stringify(json, null, 2) + "\n");
    return failed ? ExitCode.problems : ExitCode.ok;
  }
  if (problems.length > 0) printDiagnostics(io, io.stderr, problems, sources, err, MAX_LISTED);
  const read = `${facts.units.length} 个单位，${files.length} 个文件`;
  if (count === 0) {
    io.stdout.write(hasErrors(problems) ? `需要的事实都已填写（${read}），但事实有错误（见上方的提示）。\n` : `${out.green("齐全")}：各单位需要的事实都已填写（${read}）。\n`);
    return failed ? ExitCode.problems : ExitCode.ok;
  }
  io.stdout.write(`尚未填写的事实（${read}）：\n`);
  for (const d of owed) {
    const n = d.units.reduce((m, u) => m + u.facts.length, 0);
    const parts = [
      ...(d.absent ? [`没有交回（它负责的 ${d.absent.length} 列，没有一个文件有）`] : []),
      ...(d.units.length > 0 ? [`${d.units.length} 个单位，${n} 项`] : []),
      ...(d.unfilled ? [`${d.unfilled.length} 张填报表没有填写`] : []),
    ];
    io.stdout.write(`\n${out.bold(`考评单位「${visible(d.department)}」`)}：${parts.join("；")}\n`);
    for (const f of d.unfilled ?? []) io.stdout.write(`  填报表「${visible(f)}」整张没有填写\n`);
    for (const u of d.units) io.stdout.write(`  ${visible(u.unit)}：${u.facts.map(visible).join("、")}\n`);
  }
  const owedItems = count - gaps.unfilled.length - absentCount;
  io.stdout.write(`\n共缺 ${owedItems} 项事实（${unitCount} 个单位）${gaps.unfilled.length > 0 ? `，${gaps.unfilled.length} 张填报表整张没有填写` : ""}${absentCount > 0 ? `，${absentCount} 个考评单位没有交回` : ""}${problems.length > 0 ? `；另有 ${problems.length} 个问题，见上方的提示` : ""}。\n`);
  return ExitCode.problems;
}
