/**
 * The `facts` target: a facts file through the CLI's own facts loader and the compiled module,
 * exactly as `kp score` does it (loadForScoring → scoreUnits in packages/cli/src/commands/score.ts,
 * whose steps are repeated here to keep the diagnostics as data): the file is written to a temporary
 * folder and read with loadFacts; when that found errors and read units, the module's checkFacts
 * adds its own; otherwise scoreAll scores, and its KpFactsError is located at the user's cells.
 *
 * Invariants:
 * - no exception other than the user diagnostics (KpFactsError, RangeError "KP4018");
 * - every diagnostic has a stable code and a Chinese message (no English library text), and lies
 *   inside the facts file: its range inside the decoded text (CSV, JSON), its cell inside the sheet;
 * - "exact" inputs read without errors score exactly the written units (same number, same names,
 *   same classes, same facts — compared as exact decimals) with the scores of the same facts given
 *   to the module directly;
 * - "error" inputs (a row with an extra or a missing field, invisible characters in names, duplicate
 *   units, keys or rows, deep nesting, a formula without its value, an unclosed quote) are refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeCatalogue, compileCatalogue, hasErrors, importCompiledModule, type ScoringModule, type UnitInput, type UnitResult } from "@kaoping/core";
import { memoryHost } from "../../test/property/harness.js";
import { cellName, factsDiagnostic, loadFacts, locateFactErrors, shiftDecimal, type FactsDiagnostic, type LoadedFacts } from "@kaoping/facts";
import type { ExpectedUnit, FactsSpec, WrittenValue } from "./facts-gen.js";
import type { FuzzInput } from "./generators.js";
import { LineCache, spanProblem, type Checker } from "./invariants.js";

/**
 * A temporary folder for one facts file, removed after the run: inside the watchdog's folder
 * (KP_FUZZ_FACTS_DIR, which the parent removes, even after it killed a child) or the system's.
 */
function workDir(): string {
  return mkdtempSync(join(process.env.KP_FUZZ_FACTS_DIR ?? tmpdir(), "kp-fuzz-facts-"));
}


/** A decimal number, possibly with an exponent (the JSON number grammar, a little wider). */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A value as an exact decimal text when it is a number (so 3, "3.0" and "３" are all "3"), else its text. */
export function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(canonicalValue).join("、");
  const t = String(v).trim();
  if (NUMBER.test(t)) {
    if (/e[+-]?\d{4,}/i.test(t)) return t.toLowerCase(); // 1e400: no expansion
    const s = shiftDecimal(t.replace(/^(-?)\./, "$10."), 0);
    return /^-0$/.test(s) ? "0" : s;
  }
  return t;
}

/** Facts with nested objects flattened to dotted keys, as the module reads them. */
function flatten(facts: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (facts === null || typeof facts !== "object" || Array.isArray(facts)) return out;
  for (const [k, v] of Object.entries(facts)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

const classesOf = (c: unknown): string => (Array.isArray(c) ? c.join("、") : typeof c === "string" ? c.trim() : "");

/** The first difference between the units read and the units written, if any. */
function unitDifference(read: readonly UnitInput[], written: readonly ExpectedUnit[]): string | undefined {
  if (read.length !== written.length) return `${written.length} units written, ${read.length} read (${read.map((u) => u.name).join("、").slice(0, 200)})`;
  for (let i = 0; i < written.length; i++) {
    const r = read[i]!;
    const w = written[i]!;
    if (String(r.name).trim() !== w.name) return `unit ${i + 1}: written ${JSON.stringify(w.name)}, read ${JSON.stringify(r.name)}`;
    if (classesOf(r.classes) !== w.classes) return `unit ${w.name}: classes written ${JSON.stringify(w.classes)}, read ${JSON.stringify(r.classes)}`;
    const facts = flatten(r.facts);
    // per-item counts of a compound rule (每村 每次) are written as an object: compare them flattened too
    const wf = flatten(w.facts);
    const keys = new Set([...Object.keys(facts), ...Object.keys(wf)]);
    for (const k of keys) {
      if (!(k in facts)) return `unit ${w.name}: fact ${JSON.stringify(k)} written, not read`;
      if (!(k in wf)) return `unit ${w.name}: fact ${JSON.stringify(k)} read, never written`;
      const a = canonicalValue(facts[k]);
      const b = canonicalValue(wf[k]);
      if (a !== b) return `unit ${w.name}: fact ${JSON.stringify(k)} written ${JSON.stringify(wf[k])}, read ${JSON.stringify(facts[k])}`;
    }
  }
  return undefined;
}

/**
 * The written units as the module's input.  A JSON number written with a particular lexeme is given
 * as the exact decimal of that lexeme, as text ("1E2" → "100", "3.0" → "3", "-0" → "0", but
 * "2.0000000000000001" stays what it is): the module then applies the rules a CSV cell obeys.
 */
function directUnits(written: readonly ExpectedUnit[], json: boolean): UnitInput[] {
  const value = (v: WrittenValue): WrittenValue => (json && typeof v === "string" && /^-?\d/.test(v) && !/e[+-]?\d{4,}/i.test(v) && NUMBER.test(v) ? canonicalValue(v) : v);
  return written.map((u) => ({
    name: u.name,
    ...(u.classes !== "" ? { classes: u.classes } : {}),
    facts: Object.fromEntries(Object.entries(u.facts).map(([k, v]) => [k, value(v)])),
  }));
}

const factsErrors = (e: unknown) =>
  e instanceof Error && e.name === "KpFactsError" && Array.isArray((e as Error & { errors?: unknown }).errors) ? (e as Error & { errors: { code: string; message: string; unit?: string; key?: string }[] }).errors : undefined;

/** English words from a library (three or more in a row) left in a message shown to the user. */
function englishIn(message: string): string | undefined {
  const m = /[A-Za-z]+(?:['’ ][A-Za-z]+){2,}/.exec(message.replace(/「[^」]*」/g, "").replace(/\/[^\s，。：]*/g, ""));
  return m?.[0];
}

/** Runs the facts file of `input` (see the file comment); broken invariants go to `c`. */
export async function runFacts(c: Checker, input: FuzzInput, timed: <T>(name: string, f: () => T | Promise<T>) => Promise<T>): Promise<void> {
  const work = workDir();
  try {
    await runFactsIn(work, c, input, timed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runFactsIn(work: string, c: Checker, input: FuzzInput, timed: <T>(name: string, f: () => T | Promise<T>) => Promise<T>): Promise<void> {
  const spec = input.factsFile!;
  const texts = new Map(input.files.map((f) => [f.path, f.text]));
  let module: ScoringModule;
  try {
    const a = await timed("facts-compile", () => analyzeCatalogue(input.files[0]!.path, memoryHost(texts)));
    if (hasErrors(a.diagnostics)) {
      c.fail("facts", "generated catalogue checks clean", a.diagnostics.map((x) => `${x.code} ${x.message}`).join("; ").slice(0, 500));
      return;
    }
    module = await timed("facts-compile", () => importCompiledModule(compileCatalogue(a.catalogue, { version: "fuzz" }).js));
  } catch (e) {
    c.crash("facts", "compiling the generated catalogue", e);
    return;
  }
  const path = join(work, `facts.${spec.format}`);
  writeFileSync(path, Buffer.from(spec.base64 ?? "", "base64"));
  const cat = module.catalogue;

  // ---- what `kp score` does (loadForScoring, scoreUnits)
  let loaded: LoadedFacts;
  try {
    loaded = await timed("facts-read", () => loadFacts(path, cat));
  } catch (e) {
    c.crash("facts", `loadFacts(${spec.format})`, e);
    return;
  }
  const diags: FactsDiagnostic[] = [...loaded.diagnostics];
  let results: UnitResult[] | undefined;
  try {
    if (hasErrors(diags)) {
      if (loaded.units.length > 0) diags.push(...locateFactErrors(loaded, module.checkFacts(loaded.units), cat));
    } else results = await timed("facts-score", () => module.scoreAll(loaded.units, { trace: false }));
  } catch (e) {
    const errors = factsErrors(e);
    if (errors) diags.push(...locateFactErrors(loaded, errors, cat));
    else if (e instanceof RangeError && e.message === "KP4018") diags.push(factsDiagnostic(path, "KP4018", undefined, ["得分"]));
    else c.crash("facts", "scoring the facts read", e);
  }

  // ---- every diagnostic: code, Chinese message, inside the file
  const text = loaded.text;
  const lines = text !== undefined ? new LineCache(text) : undefined;
  const maxRow = text !== undefined ? (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1 : 1_048_576;
  for (const d of diags) {
    if (!/^KP\d{4}$/.test(d.code) || !d.message) c.fail("facts", "stable code and message", `${d.code}: ${d.message}`);
    const english = englishIn(d.message);
    if (english) c.fail("facts", "message in Chinese", `${d.code}: …${english}… in「${d.message.slice(0, 200)}」`);
    if (d.file !== undefined && d.file !== path) c.fail("facts", "diagnostic in the facts file", `${d.code} in ${d.file}`);
    if (text !== undefined && lines) {
      const p = spanProblem(d.span, text, lines);
      if (p) c.fail("facts", "diagnostic range inside the facts file", `${d.code} ${d.message.slice(0, 100)}: ${p}`);
      for (const r of d.related ?? []) {
        const rp = spanProblem(r.span, text, lines);
        if (rp) c.fail("facts", "related range inside the facts file", `${d.code}: ${rp}`);
      }
      for (const f of d.fixes ?? []) for (const e of f.edits) if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) c.fail("facts", "fix edit inside the facts file", `${d.code}: ${e.start}..${e.end} of ${text.length}`);
    }
    if (d.cell) {
      const { row, column, ref } = d.cell;
      if (!(Number.isInteger(row) && Number.isInteger(column) && row >= 1 && column >= 1 && row <= maxRow && column <= 16_384) || ref !== cellName(row, column))
        c.fail("facts", "cell inside the sheet", `${d.code} at ${ref} (row ${row}, column ${column}; ${maxRow} rows)`);
    }
  }

  // ---- nothing silently wrong
  const failed = hasErrors(diags) || results === undefined;
  const tags = spec.tags.join(",");
  if (spec.expect === "error" && !failed) {
    c.fail("facts", "bad input is reported", `${spec.format} ${[...new Set(spec.refuse ?? [])].sort().join("+")}: ${loaded.units.length} units read and scored without an error [${tags}]`);
  }
  if (spec.expect === "exact" && !failed && results) {
    const diff = unitDifference(loaded.units, spec.units);
    if (diff) c.fail("facts", "no silent loss", `${spec.format}: ${diff} [${tags}]`);
    else if (results.length !== spec.units.length) c.fail("facts", "no silent loss", `${spec.format}: ${spec.units.length} units written, ${results.length} scored [${tags}]`);
    else {
      let direct: UnitResult[] | undefined;
      try {
        direct = module.scoreAll(directUnits(spec.units, spec.format === "json"), { trace: false });
      } catch (e) {
        const errors = factsErrors(e);
        if (!errors) c.crash("facts", "scoring the written facts directly", e);
        else c.fail("facts", "same verdict as the written facts", `${spec.format}: the file is accepted, the same facts given directly are refused: ${errors[0]?.code} ${errors[0]?.message} [${tags}]`);
      }
      if (direct && JSON.stringify(direct) !== JSON.stringify(results)) {
        const i = direct.findIndex((r, k) => JSON.stringify(r) !== JSON.stringify(results![k]));
        c.fail("facts", "same scores as the written facts", `${spec.format}: unit ${direct[i]?.unit}: ${direct[i]?.total} directly, ${results[i]?.total} from the file [${tags}]`);
      }
    }
  }
}
