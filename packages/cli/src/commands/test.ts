/**
 * `kp test [paths]`: runs the scenarios of *.kptest files against their catalogues (the compiled
 * module, with its trace) and reports like a test runner (✓/✗, counts, durations; --format junit
 * for CI).  `--coverage` adds the rules, bands and caps no scenario exercises; `--record <facts>
 * --unit <name>` appends a scenario pinned to a real unit's current results.  The logic lives in
 * core's testing/ (shared with the language server); this file reads files and prints.
 */
import {
  coverageOf,
  parseScenarios,
  recordScenario,
  runScenarios,
  unitInput,
  SCENARIO_EXTENSION,
  decodeBytes,
  diagnostic,
  fileDiagnostic,
  MAX_SOURCE_BYTES,
  readRefusal,
  readRegularFile,
  writeFileAtomic,
  type Diagnostic,
  type Coverage,
  type FileRun,
  type ScenarioFile,
} from "@kaoping/core";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { prepareCatalogue, type LoadedCatalogue } from "../catalogue.js";
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, displayPath, shownPath, writeProblem, type Colors, type Io } from "../io.js";
import type { ScoringModule } from "../module.js";
import { flattenFacts } from "../report/explain.js";
import { printDiagnostics } from "./shared.js";
import { loadForScoring } from "./score.js";
import { testJunit, testJson, testText, coverageText } from "../report/test-report.js";

export interface TestOptions {
  format: "text" | "json" | "junit";
  coverage?: boolean;
  record?: string;
  unit?: string;
  name?: string;
  sheet?: string;
  color?: boolean;
}

/** A run of one file, with the catalogue it ran against. */
export interface TestedFile {
  run: FileRun;
  catalogue?: LoadedCatalogue;
  text: string;
}

/** The .kptest files under the given paths (directories recursively, node_modules and dot-dirs skipped). */
function scenarioFiles(io: Io, paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(SCENARIO_EXTENSION)) out.push(p);
    }
  };
  for (const p of paths) {
    const abs = absolutePath(io, p);
    if (!existsSync(abs)) throw new UsageError(`找不到「${displayPath(io, abs)}」`);
    if (statSync(abs).isDirectory()) walk(abs);
    else out.push(abs);
  }
  return [...new Set(out)];
}

/**
 * A scenario file's text, read like a .kp file: only a regular file (a FIFO or a device is refused at
 * once, never waited on), at most MAX_SOURCE_BYTES, UTF-8.
 */
function readScenarioText(path: string): { text: string } | { problem: Diagnostic } {
  const r = readRegularFile(path, MAX_SOURCE_BYTES);
  if (!r.ok) {
    const why = readRefusal(r);
    return { problem: fileDiagnostic(why.code, path, why.args) };
  }
  const d = decodeBytes(r.bytes, false);
  if (!d.ok) return { problem: fileDiagnostic(d.problem === "binary" ? "KP0007" : "KP0003", path, d.problem === "binary" ? [] : ["未知编码"]) };
  if (d.encoding !== "UTF-8") return { problem: fileDiagnostic("KP0003", path, [d.encoding]) };
  return { text: d.text };
}

/** The catalogue a scenario file names (细则 「…」), else the one root beside it. */
function catalogueArg(file: ScenarioFile): string {
  return file.catalogue ? resolve(dirname(file.file), file.catalogue.path) : dirname(file.file);
}

type Prepared = { ok: true; module: ScoringModule; catalogue: LoadedCatalogue } | { ok: false };

export async function testCommand(io: Io, paths: string[], opts: TestOptions): Promise<number> {
  const err = colorsFor(io.stderr, io.env, opts.color);
  if (opts.record !== undefined) return recordCommand(io, paths, opts, err);
  if (opts.unit !== undefined || opts.name !== undefined) throw new UsageError("--unit 和 --name 只与 --record 一起使用");
  const files = scenarioFiles(io, paths.length > 0 ? paths : ["."]);
  if (files.length === 0) throw new UsageError(`「${paths.length > 0 ? paths.join("、") : "."}」中没有测试文件（${SCENARIO_EXTENSION}）`);
  const cache = new Map<string, Prepared>();
  const tested: TestedFile[] = [];
  let broken = false;
  let skipped = 0;
  for (const path of files) {
    const read = readScenarioText(path);
    if ("problem" in read) {
      printDiagnostics(io, io.stderr, [read.problem], new Map(), err);
      broken = true;
      skipped++;
      continue;
    }
    const text = read.text;
    const parsed = parseScenarios(text, path);
    const arg = catalogueArg(parsed);
    if (!existsSync(arg)) {
      const at = parsed.catalogue?.span ?? { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
      printDiagnostics(io, io.stderr, [diagnostic("KP7030", at, [parsed.catalogue?.path ?? displayPath(io, arg)], { file: path })], new Map([[path, text]]), err);
      broken = true;
      skipped++;
      continue;
    }
    let prepared = cache.get(arg);
    if (!prepared) {
      const p = await prepareCatalogue(io, arg);
      if (!p.ok) {
        printDiagnostics(io, io.stderr, p.diagnostics, p.sources, err);
        io.stderr.write(err.red(`细则有错误，无法运行测试：${displayPath(io, arg)}`) + "\n");
        prepared = { ok: false };
      } else prepared = { ok: true, module: p.module, catalogue: p.catalogue };
      cache.set(arg, prepared);
    }
    if (!prepared.ok) {
      broken = true;
      skipped++;
      continue;
    }
    const run = runScenarios(parsed, prepared.module);
    if (run.diagnostics.length > 0) printDiagnostics(io, io.stderr, run.diagnostics, new Map([[path, text]]), err);
    if (run.diagnostics.some((d) => d.severity === "error")) broken = true;
    tested.push({ run, catalogue: prepared.catalogue, text });
  }
  const coverage = opts.coverage ? coverages(tested) : undefined;
  const out = colorsFor(io.stdout, io.env, opts.color);
  if (opts.format === "junit") io.stdout.write(testJunit(io, tested));
  else if (opts.format === "json") io.stdout.write(testJson(io, tested, coverage));
  else {
    io.stdout.write(testText(io, tested, out, skipped));
    if (coverage) io.stdout.write(coverageText(io, coverage, out));
  }
  const failed = tested.some((t) => t.run.results.some((r) => !r.passed));
  return broken || failed ? ExitCode.problems : ExitCode.ok;
}

/** Coverage per catalogue of the runs. */
function coverages(tested: readonly TestedFile[]): { catalogue: string; coverage: Coverage }[] {
  const by = new Map<LoadedCatalogue, TestedFile[]>();
  for (const t of tested) if (t.catalogue) (by.get(t.catalogue) ?? by.set(t.catalogue, []).get(t.catalogue)!).push(t);
  return [...by].map(([cat, runs]) => ({
    catalogue: cat.root,
    coverage: coverageOf(
      cat.analysis.catalogue!,
      runs.flatMap((t) => t.run.results.flatMap((r) => r.results.map((u) => u.trace ?? []))),
      runs.flatMap((t) => t.run.results.flatMap((r) => r.inputs)),
    ),
  }));
}

/** `kp test <file> --record <facts> --unit <name>`: appends a scenario pinned to the unit's current results. */
async function recordCommand(io: Io, paths: string[], opts: TestOptions, err: Colors): Promise<number> {
  if (paths.length !== 1) throw new UsageError("--record 需要且只需要一个测试文件：kp test <测试文件> --record <事实文件> --unit <单位>");
  if (opts.unit === undefined || opts.unit.trim() === "") throw new UsageError("--record 需要 --unit <单位>");
  const target = absolutePath(io, paths[0]!);
  if (!target.endsWith(SCENARIO_EXTENSION)) throw new UsageError(`测试文件的扩展名应为 ${SCENARIO_EXTENSION}：${displayPath(io, target)}`);
  const exists = existsSync(target);
  let before = "";
  if (exists) {
    const read = readScenarioText(target);
    if ("problem" in read) {
      printDiagnostics(io, io.stderr, [read.problem], new Map(), err);
      return ExitCode.problems;
    }
    before = read.text;
  }
  const file = parseScenarios(before, target);
  const loaded = await loadForScoring(io, catalogueArg(file), absolutePath(io, opts.record!), err, { sheet: opts.sheet }, true);
  if (!loaded.ok) return loaded.code;
  const unitName = opts.unit.trim();
  const input = loaded.facts.units.find((u) => u.name.trim() === unitName);
  if (!input) throw new UsageError(`事实文件中没有单位「${unitName}」`);
  const name = (opts.name ?? unitName).trim();
  const same = file.scenarios.find((s) => s.name === name);
  if (same) {
    io.stderr.write(`${shownPath(io, target)}:${same.span.start.line}:1 ${err.red("错误")} KP7031 ${displayPath(io, target)} 中已有名为「${name}」的场景（第 ${same.span.start.line} 行）：不会覆盖；请用 --name 换一个名称，或先删除那个场景\n`);
    return ExitCode.problems;
  }
  if (/[「」\n]/.test(name)) throw new UsageError(`场景名称不能含「、」或换行：${name}`);
  const cat = loaded.module.catalogue;
  const facts = input.facts !== null && typeof input.facts === "object" ? flattenFacts(input.facts as Record<string, unknown>) : {};
  const classes = Array.isArray(input.classes) ? input.classes[0] : typeof input.classes === "string" ? input.classes : undefined;
  // Expectations are what the scenario gives when run alone: run its facts as written.
  const factsOnly = recordScenario(name, classes, facts, undefined, cat, file);
  const alone = parseScenarios(factsOnly, target);
  const u = alone.scenarios[0]!.units[0] ?? { name, implicit: true, facts: [], expectations: [], span: alone.scenarios[0]!.span };
  const result = loaded.module.scoreAll([unitInput({ ...alone, baseline: file.baseline }, u, cat)], { detail: true, trace: true })[0]!;
  const block = recordScenario(name, classes, facts, result, cat, file);
  const header = exists ? "" : "// 测试场景（写法见语言参考第 13 节）：kp test 运行，kp test --coverage 查看覆盖率\n";
  const sep = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  try {
    writeFileAtomic(target, before + header + sep + block, { inputs: [loaded.facts.file] });
  } catch (e) {
    throw new UsageError(`无法写入「${displayPath(io, target)}」：${writeProblem(e) ?? String(e)}`);
  }
  io.stdout.write(`已在 ${shownPath(io, target)} 中记录场景「${name}」（单位「${unitName}」，总分 ${result.total}）\n`);
  const real = loaded.module.scoreAll(loaded.facts.units, {}).find((r) => r.unit.trim() === unitName);
  if (real && (real.total !== result.total || real.grade !== result.grade))
    io.stdout.write(
      `注意：单独计分时总分 ${result.total}、等次「${result.grade ?? "无"}」，与全部单位一起计分时（总分 ${real.total}、等次「${real.grade ?? "无"}」）不同：有的规则或等次取决于其他单位（排名、名额），场景记录的是单独计分的结果\n`,
    );
  return ExitCode.ok;
}
