/**
 * The editor commands behind 「编译当前细则」「用事实文件计分」「解释单位得分」: compile a catalogue, score
 * it with a facts file, explain one unit's score.  They run core's compiler and the compiled module
 * itself, so the editor shows exactly what `kp score` computes.
 *
 * Facts files: JSON (`{ "units": [ { "name", "classes", "facts" } ] }` or a bare list of units).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  byteCount,
  compileCatalogue,
  evaluateCompiledModule,
  formatBytes,
  formatMessage,
  hasErrors,
  MAX_FACTS_BYTES,
  readRegularFile,
  VERSION,
  stampCompiledSet,
  writeFilesAtomic,
  type IndicatorResult,
  type MessageCode,
  type ScoringModule,
  type UnitResult,
} from "@kaoping/core";
import type { CatalogueState } from "./project.js";

/** Something the user must fix before the command can run, in Chinese. */
export interface CommandError {
  ok: false;
  message: string;
  /** Details (one problem per line), e.g. the facts errors. */
  details: string[];
}

export interface CompileOutcome {
  ok: true;
  /** Files written. */
  files: string[];
}

function fail(message: string, details: string[] = []): CommandError {
  return { ok: false, message, details };
}

/** Why a catalogue cannot be compiled or scored (undefined when it can). */
function notReady(state: CatalogueState): CommandError | undefined {
  if (state.analysis.fragment) {
    return fail(`「${path.basename(state.root)}」不属于任何细则：没有写有「细则」标题的根文件引入它`);
  }
  const errors = state.analysis.diagnostics.filter((d) => d.severity === "error");
  if (hasErrors(errors)) {
    return fail(
      `细则有 ${errors.length} 处错误，请先改正`,
      errors
        .slice(0, 20)
        .map((d) => `${path.basename(d.file ?? state.root)}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`),
    );
  }
  return undefined;
}

/** The base name of the outputs: the root file's name without `.kp`. */
export function outputBase(root: string): string {
  return path.basename(root).replace(/\.kp$/i, "");
}

/** Compiles the catalogue into `outDir`: `<name>.js`, `<name>.d.ts`, `<name>.schema.json`. */
export function compileTo(state: CatalogueState, outDir: string): CompileOutcome | CommandError {
  const problem = notReady(state);
  if (problem) return problem;
  const out = compileCatalogue(state.analysis.catalogue, {
    version: VERSION,
    sources: state.files.map((f) => path.relative(path.dirname(state.root), f).replace(/\\/g, "/")),
  });
  const base = path.join(outDir, outputBase(state.root));
  try {
    mkdirSync(outDir, { recursive: true });
    const files = [`${base}.js`, `${base}.d.ts`, `${base}.schema.json`];
    // As `kp compile`: one generation id in the three files, never over a file of the catalogue.
    const set = stampCompiledSet(out);
    writeFilesAtomic(
      files.map((f, i) => ({ path: f, data: [set.js, set.dts, set.schema][i]! })),
      { inputs: state.files },
    );
    return { ok: true, files };
  } catch (e) {
    return fail(`无法写入「${outDir}」：${(e as Error).message}`);
  }
}

const moduleCache = new WeakMap<CatalogueState, ScoringModule>();

/**
 * Loads the compiled module of a catalogue.  The generated module is self-contained (no imports)
 * and exports only declarations, so it is evaluated as a function body: no temporary file, nothing
 * left in the module registry.
 */
export function loadCompiled(state: CatalogueState): ScoringModule {
  const cached = moduleCache.get(state);
  if (cached) return cached;
  const { js } = compileCatalogue(state.analysis.catalogue, { version: VERSION });
  const mod = evaluateCompiledModule(js);
  moduleCache.set(state, mod);
  return mod;
}

/**
 * The text of a facts file: a regular file of at most MAX_FACTS_BYTES only (a FIFO or a device
 * would block the server or never end), with the codes the CLI gives for the same problems.
 */
function readFactsText(file: string): string | CommandError {
  const r = readRegularFile(file, MAX_FACTS_BYTES);
  if (r.ok) return r.bytes.toString("utf8");
  const problem = (code: MessageCode, args: string[] = []) => fail(`无法读取事实文件「${file}」：${code} ${formatMessage(code, args)}`);
  switch (r.problem) {
    case "missing":
      return problem("KP0001");
    case "directory":
      return problem("KP0002");
    case "not-regular":
      return problem("KP0011", [r.kind]);
    case "too-large":
      return problem("KP0012", [byteCount(r.size), formatBytes(r.limit)]);
    case "unreadable":
      return problem("KP0004", [r.reason]);
  }
}

/** Reads the units of a JSON facts file. */
export function readFacts(file: string): { ok: true; units: unknown[] } | CommandError {
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".json") {
    return fail(`编辑器中暂只支持 .json 事实文件；「${path.basename(file)}」请用命令行 kp score 计分`);
  }
  const read = readFactsText(file);
  if (typeof read !== "string") return read;
  const text = read.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`KP4013 ${formatMessage("KP4013", [(e as Error).message])}`);
  }
  const units = Array.isArray(json) ? json : json && typeof json === "object" ? (json as { units?: unknown }).units : undefined;
  if (!Array.isArray(units)) return fail(`KP4020 ${formatMessage("KP4020", ['需要 { "units": [...] } 或单位的列表'])}`);
  return { ok: true, units };
}

/** The ranking of every unit. */
export interface ScoreOutcome {
  ok: true;
  title: string;
  results: UnitResult[];
  /** The ranking as a text table (Chinese). */
  text: string;
}

function scoreWith(
  state: CatalogueState,
  factsFile: string,
  trace: boolean,
): { ok: true; mod: ScoringModule; results: UnitResult[] } | CommandError {
  const problem = notReady(state);
  if (problem) return problem;
  const facts = readFacts(factsFile);
  if (!facts.ok) return facts;
  const mod = loadCompiled(state);
  const errors = mod.checkFacts(facts.units);
  if (errors.length > 0) {
    return fail(
      `事实文件「${path.basename(factsFile)}」有 ${errors.length} 处问题`,
      errors.map((e) => `${e.code} ${e.message}`),
    );
  }
  try {
    return { ok: true, mod, results: mod.scoreAll(facts.units, { trace, detail: true }) };
  } catch (e) {
    const errs = (e as { errors?: { code: string; message: string }[] }).errors;
    if (errs)
      return fail(
        "计分失败",
        errs.map((x) => `${x.code} ${x.message}`),
      );
    if (e instanceof RangeError && e.message === "KP4018") return fail(`KP4018 ${formatMessage("KP4018", ["总分"])}`);
    throw e;
  }
}

/** Scores every unit of a facts file. */
export function score(state: CatalogueState, factsFile: string): ScoreOutcome | CommandError {
  const r = scoreWith(state, factsFile, false);
  if (!r.ok) return r;
  const title = r.mod.catalogue.title;
  const rows = r.results.map((u) => [
    String(u.rank),
    u.unit,
    u.total,
    u.grade ?? "",
    u.vetoes.map((v) => (v.level === "fail" ? "一票否决" : "一票否优")).join("、"),
  ]);
  const lines = [`细则「${title}」计分结果`, `事实文件：${factsFile}（${r.results.length} 个单位）`, ""];
  lines.push(...table(["名次", "单位", "总分", "等次", "否决"], rows));
  return { ok: true, title, results: r.results, text: lines.join("\n") + "\n" };
}

/** The unit names of a facts file (for choosing one). */
export function unitsOf(factsFile: string): { ok: true; units: string[] } | CommandError {
  const facts = readFacts(factsFile);
  if (!facts.ok) return facts;
  const names = facts.units.flatMap((u) =>
    u && typeof u === "object" && typeof (u as { name?: unknown }).name === "string" ? [String((u as { name: string }).name).trim()] : [],
  );
  return { ok: true, units: names };
}

/** One unit's explanation. */
export interface ExplainOutcome {
  ok: true;
  result: UnitResult;
  text: string;
}

/** Explains one unit's score: every deduction and award with its clause. */
export function explain(state: CatalogueState, factsFile: string, unit: string): ExplainOutcome | CommandError {
  const r = scoreWith(state, factsFile, true);
  if (!r.ok) return r;
  const result = r.results.find((u) => u.unit === unit.trim());
  if (!result) return fail(`事实文件中没有单位「${unit}」`);
  return { ok: true, result, text: explanationText(result, r.mod.catalogue.title, r.results.length) };
}

/** The explanation of a unit as text (Chinese). */
export function explanationText(u: UnitResult, title: string, count: number): string {
  const lines: string[] = [];
  lines.push(`单位「${u.unit}」在细则「${title}」中的得分`);
  lines.push(`总分 ${u.total}（精确值 ${u.exactTotal}），第 ${u.rank} 名 / 共 ${count} 个单位${u.grade ? `，等次「${u.grade}」` : ""}`);
  for (const v of u.vetoes) lines.push(`${v.level === "fail" ? "一票否决" : "一票否优"}：规则「${v.rule}」——${v.clause}`);
  if (u.indicators) {
    lines.push("", "各指标得分：");
    const walk = (list: IndicatorResult[], depth: number) => {
      for (const i of list) {
        lines.push(
          `${"  ".repeat(depth + 1)}${i.id} 「${i.name}」 ${i.score} / ${i.points} 分${i.lost !== "0" ? `（失 ${i.lost} 分）` : ""}`,
        );
        walk(i.children, depth + 1);
      }
    };
    walk(u.indicators, 0);
    if (u.bonus && u.bonus !== "0") lines.push(`  加分 ${u.bonus}`);
    if (u.penalty && u.penalty !== "0") lines.push(`  减分 ${u.penalty}`);
  }
  // Deductions (and caps, vetoes) first: they are what a unit asks about; then what it earned.
  const trace = (u.trace ?? []).filter((t) => t.amount !== "0");
  const entry = (t: NonNullable<UnitResult["trace"]>[number]) => {
    lines.push(`  · ${t.rule ? `规则「${t.rule}」` : `指标 ${t.indicator}`}：${t.text}`);
    if (t.clause) lines.push(`    条文：${t.clause}`);
  };
  const earned = trace.filter((t) => t.kind === "award");
  const lost = trace.filter((t) => t.kind !== "award");
  lines.push("", lost.length > 0 ? "扣分明细：" : "没有扣分。");
  lost.forEach(entry);
  if (earned.length > 0) {
    lines.push("", "得分明细：");
    earned.forEach(entry);
  }
  return lines.join("\n") + "\n";
}

/** Display width: CJK characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + " ".repeat(widths[i]! - displayWidth(c)))
      .join("  ")
      .trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
