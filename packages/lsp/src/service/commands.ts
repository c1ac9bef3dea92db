/**
 * The editor commands behind 「编译当前细则」「用事实文件计分」「解释单位得分」: compile a catalogue, score
 * it with a facts file, explain one unit's score.  They run core's compiler and the compiled module
 * itself, so the editor shows exactly what `kp score` computes.
 *
 * Facts files: .json, .csv and .xlsx, read by @kaoping/facts exactly as `kp score` reads them (numbers
 * from their text, duplicate keys, rows and cells never dropped), with the same codes and messages.
 */
import { createHash } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  compileCatalogue,
  evaluateCompiledModule,
  flattenFacts,
  formatMessage,
  hasErrors,
  withTodoRefusals,
  VERSION,
  stampCompiledSet,
  writeFilesAtomic,
  type CatalogueMeta,
  type IndicatorResult,
  type ScoringModule,
  type UnitInput,
  type UnitResult,
} from "@kaoping/core";
import { factsMemoryProblem, factsProblemLine, loadFacts, locateFactErrors, scoringMemoryProblem, type FactsDiagnostic } from "@kaoping/facts";
import { resultPlaces, type ResultPlaces } from "./places.js";
import type { CatalogueState } from "./project.js";
import { reviewNote, type ReviewNote } from "./review-note.js";

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
  /** The rules compiled as written although marked 待核 (absent when none). */
  review?: ReviewNote;
}

function fail(message: string, details: string[] = []): CommandError {
  return { ok: false, message, details };
}

/** Why a catalogue cannot be compiled or scored (undefined when it can). */
function notReady(state: CatalogueState): CommandError | undefined {
  if (state.analysis.fragment) {
    return fail(`「${path.basename(state.root)}」不属于任何细则：没有写有「细则」标题的根文件引入它`);
  }
  // 待补 rules would score a silent 0: refused (KP2121) although the editor only warns (KP2120).
  const errors = withTodoRefusals(state.analysis.diagnostics).filter((d) => d.severity === "error");
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

/** Compiles the catalogue into `outDir`: `<name>.mjs`, `<name>.d.mts`, `<name>.facts.schema.json` (the names `kp compile` writes by default). */
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
    const files = [`${base}.mjs`, `${base}.d.mts`, `${base}.facts.schema.json`];
    // As `kp compile`: one generation id in the three files, never over a file of the catalogue.
    const set = stampCompiledSet(out);
    writeFilesAtomic(
      files.map((f, i) => ({ path: f, data: [set.js, set.dts, set.schema][i]! })),
      { inputs: state.files },
    );
    const review = reviewNote(state);
    return { ok: true, files, ...(review ? { review } : {}) };
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

/** A facts file read for a catalogue: its units, and notes (warnings, infos) worth showing. */
export interface ReadFacts {
  ok: true;
  units: UnitInput[];
  /** Warnings and infos of the reader (encoding KP4017, the sheet read KP4028, cached formulas KP4026). */
  notes: string[];
}

/** A catalogue with no rules: enough to read the unit names of a facts file. */
const NO_RULES: CatalogueMeta = { title: "", classes: [], indicators: [], bonuses: [], penalties: [], grades: [], rules: {} };

/**
 * Reads a facts file (.json, .csv, .xlsx) with the CLI's reader (@kaoping/facts): the same codes and
 * messages as `kp score`, each problem with its place (`ok.csv:3:2 KP4003 …`).  A file that cannot be
 * read at all (missing, a FIFO or a device — never read, as they would block the server —, a
 * directory, over MAX_FACTS_BYTES) is one message; problems inside the file are listed in details.
 * The compiled module's own checks of the facts (KP4xxx) are located and listed too.
 */
export async function readFacts(file: string, mod: ScoringModule, trace = false): Promise<ReadFacts | CommandError> {
  const cat = mod.catalogue;
  // The server shares its heap with every open document: a facts file too large for it is refused
  // before it is read (KP4030), as kp score refuses it — never a V8 abort that ends the server.
  const tooLarge = factsMemoryProblem(file, cat, trace);
  if (tooLarge) return fail(`无法读取事实文件「${file}」：${tooLarge.code} ${tooLarge.message}`);
  const loaded = await loadFacts(file, cat, { shown: path.basename(file) });
  const name = path.basename(file);
  let diagnostics: FactsDiagnostic[] = loaded.diagnostics;
  const [first] = diagnostics;
  if (diagnostics.length === 1 && first && /^KP00/.test(first.code) && first.severity === "error") {
    return fail(`无法读取事实文件「${file}」：${first.code} ${first.message}`);
  }
  // As kp score: the module checks what was read, so every problem is listed at once.
  if (loaded.units.length > 0) diagnostics = [...diagnostics, ...locateFactErrors(loaded, mod.checkFacts(loaded.units), cat)];
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    return fail(
      `事实文件「${name}」有 ${errors.length} 处问题`,
      errors.map((d) => factsProblemLine(d, name)),
    );
  }
  const noRoom = scoringMemoryProblem(file, loaded.units.length, cat, trace);
  if (noRoom) return fail(`无法计分「${file}」：${noRoom.code} ${noRoom.message}`);
  return { ok: true, units: loaded.units, notes: diagnostics.map((d) => factsProblemLine(d, name)) };
}

/** The ranking of every unit. */
export interface ScoreOutcome {
  ok: true;
  title: string;
  results: UnitResult[];
  /** The ranking as a text table (Chinese). */
  text: string;
  /** The catalogue as the compiled module describes it (indicators, sections, grades, classes): the ranking's columns. */
  catalogue: CatalogueMeta;
  /** Where the indicators and sections are written, and the rules of the vetoes (for an editor to open them). */
  places: ResultPlaces;
  /** The reader's warnings and infos about the facts file, one a line. */
  notes: string[];
  /** The rules scored as written although marked 待核 (absent when none). */
  review?: ReviewNote;
}

type Scored = { ok: true; mod: ScoringModule; results: UnitResult[]; units: UnitInput[]; notes: string[] };

/**
 * The last traced scoring of each compiled module, by the facts file's path and the SHA-256 of its
 * bytes: a results view explains unit after unit of one file, and each click would otherwise read
 * the file and score every unit with its trace again.  A file changed since (even within the same
 * second and at the same size) has another digest and is scored afresh.
 */
const traced = new WeakMap<ScoringModule, { file: string; digest: string; scored: Scored }>();

/** The digest of a regular file's bytes (undefined for anything else: those are refused by readFacts). */
async function digestOf(file: string): Promise<string | undefined> {
  try {
    if (!statSync(file).isFile()) return undefined;
    return createHash("sha256").update(await readFile(file)).digest("hex");
  } catch {
    return undefined;
  }
}

async function scoreWith(state: CatalogueState, factsFile: string, trace: boolean): Promise<Scored | CommandError> {
  const problem = notReady(state);
  if (problem) return problem;
  const mod = loadCompiled(state);
  // Taken before the file is read: a file that changes while it is read is cached under the older
  // digest and so scored again next time, never the other way round.
  const digest = trace && !factsMemoryProblem(factsFile, mod.catalogue, trace) ? await digestOf(factsFile) : undefined;
  const last = traced.get(mod);
  if (digest !== undefined && last && last.file === factsFile && last.digest === digest) return last.scored;
  const facts = await readFacts(factsFile, mod, trace);
  if (!facts.ok) return facts;
  try {
    const scored: Scored = { ok: true, mod, results: mod.scoreAll(facts.units, { trace, detail: true }), units: facts.units, notes: facts.notes };
    if (digest !== undefined) traced.set(mod, { file: factsFile, digest, scored });
    return scored;
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

/** Options of {@link score}. */
export interface ScoreOptions {
  /**
   * How many levels of indicators each result keeps (1: the first-level indicators only, what a
   * ranking shows); all by default.  A results view asks for 1: with 1,000 units of a large
   * catalogue the full trees are tens of megabytes.
   */
  levels?: number;
}

/** The indicator results down to `levels` levels (the deeper ones' children left empty). */
function trimLevels(list: IndicatorResult[], levels: number): IndicatorResult[] {
  return list.map((i) => ({ ...i, children: levels > 1 ? trimLevels(i.children, levels - 1) : [] }));
}

/** Scores every unit of a facts file. */
export async function score(state: CatalogueState, factsFile: string, options: ScoreOptions = {}): Promise<ScoreOutcome | CommandError> {
  const r = await scoreWith(state, factsFile, false);
  if (!r.ok) return r;
  const levels = options.levels;
  if (levels !== undefined && Number.isInteger(levels) && levels >= 1) {
    r.results = r.results.map((u) => (u.indicators ? { ...u, indicators: trimLevels(u.indicators, levels) } : u));
  }
  const title = r.mod.catalogue.title;
  const rows = r.results.map((u) => [
    String(u.rank),
    u.unit,
    u.total,
    u.grade ?? "",
    u.vetoes.map((v) => (v.level === "fail" ? "一票否决" : "一票否优")).join("、"),
  ]);
  const review = reviewNote(state);
  const lines = [`细则「${title}」计分结果`, `事实文件：${factsFile}（${r.results.length} 个单位）`, ...(review ? [review.message] : []), ...r.notes, ""];
  lines.push(...table(["名次", "单位", "总分", "等次", "否决"], rows));
  const vetoRules = r.results.flatMap((u) => u.vetoes.map((v) => v.rule));
  return {
    ok: true,
    title,
    results: r.results,
    text: lines.join("\n") + "\n",
    catalogue: r.mod.catalogue,
    places: resultPlaces(state, vetoRules),
    notes: r.notes,
    ...(review ? { review } : {}),
  };
}

/**
 * The unit names of a facts file (for choosing one).  Without the catalogue (`state`), columns are
 * not checked against its rules: only a file that cannot be read, or has no unit column, is refused.
 */
export async function unitsOf(factsFile: string, state?: CatalogueState): Promise<{ ok: true; units: string[] } | CommandError> {
  const mod = state && !notReady(state) ? loadCompiled(state) : undefined;
  const tooLarge = factsMemoryProblem(factsFile, mod?.catalogue ?? NO_RULES, false);
  if (tooLarge) return fail(`无法读取事实文件「${factsFile}」：${tooLarge.code} ${tooLarge.message}`);
  const loaded = await loadFacts(factsFile, mod?.catalogue ?? NO_RULES, { shown: path.basename(factsFile) });
  const names = loaded.units.map((u) => u.name.trim()).filter((n) => n !== "");
  if (names.length === 0 && hasErrors(loaded.diagnostics)) {
    const name = path.basename(factsFile);
    const [first] = loaded.diagnostics;
    if (loaded.diagnostics.length === 1 && first && /^KP00/.test(first.code)) return fail(`无法读取事实文件「${factsFile}」：${first.code} ${first.message}`);
    return fail(
      `事实文件「${name}」有 ${loaded.diagnostics.filter((d) => d.severity === "error").length} 处问题`,
      loaded.diagnostics.filter((d) => d.severity === "error").map((d) => factsProblemLine(d, name)),
    );
  }
  return { ok: true, units: names };
}

/** One unit's explanation. */
export interface ExplainOutcome {
  ok: true;
  /** The unit's result with its trace. */
  result: UnitResult;
  text: string;
  /** How many units were ranked. */
  count: number;
  /** The catalogue as the compiled module describes it. */
  catalogue: CatalogueMeta;
  /** Where the indicators and sections are written, and the rules the trace and the vetoes name. */
  places: ResultPlaces;
  /** The unit's facts the trace names, as read (nested objects flattened to `rule.sub` keys, as the module reads them). */
  inputs: Record<string, unknown>;
}

/** Explains one unit's score: every deduction and award with its clause. */
export async function explain(state: CatalogueState, factsFile: string, unit: string): Promise<ExplainOutcome | CommandError> {
  const r = await scoreWith(state, factsFile, true);
  if (!r.ok) return r;
  const result = r.results.find((u) => u.unit === unit.trim());
  if (!result) return fail(`事实文件中没有单位「${unit}」`);
  const input = r.units.find((u) => u.name.trim() === result.unit);
  const named = [...(result.trace ?? []).flatMap((t) => (t.rule === undefined ? [] : [t.rule])), ...result.vetoes.map((v) => v.rule)];
  return {
    ok: true,
    result,
    text: explanationText(result, r.mod.catalogue.title, r.results.length),
    count: r.results.length,
    catalogue: r.mod.catalogue,
    places: resultPlaces(state, named),
    inputs: usedInputs(result, flattenFacts(input?.facts ?? {})),
  };
}

/** The facts the trace of a result names, as read (the rest of the unit's facts is not sent). */
function usedInputs(result: UnitResult, facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of result.trace ?? []) for (const k of Object.keys(t.facts ?? {})) if (k in facts) out[k] = facts[k];
  return out;
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
