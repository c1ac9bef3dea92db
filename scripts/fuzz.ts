/**
 * kaoping fuzzer: random and mutated .kp inputs through the parser, the checker (and, when a
 * catalogue checks clean, compile → import → score), the formatter and the language service.
 *
 *   npx tsx scripts/fuzz.ts --iterations 50000 [--seed 1] [--target parser|checker|formatter|lsp|all]
 *   npx tsx scripts/fuzz.ts --replay test/robustness/fuzz-failures/<name>.json
 *
 * Invariants, for every input:
 * - no uncaught exception (user errors are diagnostics; a module's facts errors are KpFactsError;
 *   the formatter refuses text with syntax errors with KpSyntaxError);
 * - no hang: each input is handled by a child process under a watchdog (--time-limit ms, default
 *   2000; inputs over 200 KB — the 100,000-line files — get --huge-time-limit, default 60000, and
 *   their timings are printed).  An input over the limit is retried once in a fresh child with 5×
 *   the limit (a loaded machine can stall a healthy process); only a second timeout is a hang;
 * - every diagnostic range (and fix edit, related location) lies inside its document:
 *   0 ≤ start ≤ end ≤ text.length, line/column agree with the offset, and no range splits a
 *   surrogate pair;
 * - a catalogue without errors compiles to a module that imports and scores arbitrary facts without
 *   throwing anything but KpFactsError;
 * - formatting text without syntax errors succeeds, keeps the AST and is idempotent.
 *
 * Inputs: generated valid catalogues (test/property/kp-gen.ts) and mutations of them and of the
 * .kp files of the repository (byte flips, token deletions/duplications/swaps, random Unicode
 * including astral characters, U+2028, NUL, unmatched 「」, huge and tiny numbers), random token
 * soups, deep nesting (1,000 levels of 指标), and 100,000-line files.
 *
 * A failing input is saved to test/robustness/fuzz-failures/ with its error and the command that
 * replays it.  Failures whose signature is in KNOWN (bugs reported to core, not yet fixed) are
 * counted separately and do not fail the run unless --strict.  Exit code: 0 = no new failure.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  analyzeCatalogue,
  compileCatalogue,
  keywords,
  parseKp,
  type Diagnostic,
  type KpFile,
  type Span,
} from "@kaoping/core";
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL, type Draw } from "../test/property/kp-gen.js";
import { memoryHost } from "../test/property/harness.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);
const HUGE = 200_000;

// ==================================================================== options

type Target = "parser" | "checker" | "formatter" | "lsp";
const TARGETS: Target[] = ["parser", "checker", "formatter", "lsp"];

interface Options {
  iterations: number;
  seed: number;
  targets: Target[];
  timeLimit: number;
  hugeTimeLimit: number;
  out: string;
  replay?: string;
  strict: boolean;
  quiet: boolean;
  /** Generate 100,000-line inputs (every 2,500th iteration); on by default from 2,500 iterations. */
  huge: boolean;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const iterations = Number(get("iterations") ?? 1000);
  const target = get("target") ?? "all";
  if (target !== "all" && !TARGETS.includes(target as Target)) throw new Error(`--target: parser|checker|formatter|lsp|all, not ${target}`);
  return {
    iterations,
    seed: Number(get("seed") ?? 1),
    targets: target === "all" ? TARGETS : [target as Target],
    timeLimit: Number(get("time-limit") ?? 2000),
    hugeTimeLimit: Number(get("huge-time-limit") ?? 60000),
    out: resolve(get("out") ?? join(ROOT, "test/robustness/fuzz-failures")),
    replay: get("replay"),
    strict: argv.includes("--strict"),
    quiet: argv.includes("--quiet"),
    huge: argv.includes("--huge") || (!argv.includes("--no-huge") && iterations >= 2500),
  };
}

// ==================================================================== inputs

/** One fuzz input: files (the first is the root) and facts for scoring. */
export interface FuzzInput {
  kind: string;
  files: { path: string; text: string }[];
  facts?: unknown[];
  /** Seed of the random choices made while running it (facts, offsets). */
  seed: number;
}

function corpus(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      if (e === "node_modules" || e === "dist" || e.startsWith(".")) continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (e.endsWith(".kp") && st.size < 200_000) out.push({ path: p, text: readFileSync(p, "utf8") });
    }
  };
  for (const d of ["rules", "test/patterns", "examples", "packages/core/test", "packages/cli/test", "packages/lsp/test", "packages/lint/test", "packages/prettier-plugin-kp/test"]) walk(join(ROOT, d));
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

const KEYWORD_TEXTS = keywords.flatMap((k) => [k.text, ...k.aliases]);
const PUNCT = ["{", "}", "[", "]", "(", ")", "、", ",", "，", "≥", ">", "≤", "<", "=", ">=", "<=", "%", "；", "：", "。", "｛", "｝", "（", "）", "＞＝", "~", "～", "—"];
const WEIRD = [
  "\u0000", "\u2028", "\u2029", "\uFEFF", "\r", "\r\n", "\n", "\t", "\u3000", "「", "」", "「「", "」」", "/*", "*/", "//", "😀", "𝌆", "\uD83D", "\uDE00",
  "\u0301", "\u200D", "\u202E", "Ｘ", "０", "．", "％", "×", "\\", "\"", "'", "`", "${", "</script>", "\u0085", "\u000b", "\u007f",
];
const NUMBERS = ["0", "0.0000001", "0.000001", "1".padEnd(31, "0"), "9".repeat(400), "0." + "0".repeat(50) + "1", "1e30", "-1", "１２３", "0.5%", "100%", "999999999999999.999999", "9007199254740993", "00000.5000"];

function randomUnicode(d: Draw): string {
  const r = d.int(0, 9);
  if (r < 3) return d.pick(WEIRD);
  if (r < 5) return String.fromCodePoint(d.int(0x4e00, 0x9fff));
  if (r < 6) return String.fromCodePoint(d.int(0x10000, 0x10ffff));
  if (r < 7) return String.fromCharCode(d.int(0, 0xffff));
  return String.fromCharCode(d.int(0x20, 0x7e));
}

/** A lexical split good enough for mutations: strings, numbers, comments, words, single characters. */
function pieces(text: string): string[] {
  return text.match(/「[^」\r\n]*」?|[0-9０-９.．%]+|\s+|\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)|[\p{L}\p{N}]+|[\s\S]/gu) ?? [];
}

function mutate(d: Draw, text: string): string {
  const op = d.int(0, 10);
  switch (op) {
    case 0: {
      // byte flips on UTF-8, decoded leniently
      const bytes = Buffer.from(text, "utf8");
      if (bytes.length === 0) return text;
      const n = d.int(1, 8);
      for (let i = 0; i < n; i++) bytes[d.int(0, bytes.length - 1)] ^= 1 << d.int(0, 7);
      return new TextDecoder("utf-8").decode(bytes);
    }
    case 1:
    case 2:
    case 3: {
      // token deletion, duplication, swap
      const ps = pieces(text);
      if (ps.length === 0) return text;
      const i = d.int(0, ps.length - 1);
      const j = d.int(0, ps.length - 1);
      if (op === 1) ps.splice(i, d.int(1, 3));
      else if (op === 2) ps.splice(i, 0, ...ps.slice(j, j + d.int(1, 4)));
      else [ps[i], ps[j]] = [ps[j]!, ps[i]!];
      return ps.join("");
    }
    case 4: {
      const at = d.int(0, text.length);
      let ins = "";
      for (let k = d.int(1, 4); k > 0; k--) ins += randomUnicode(d);
      return text.slice(0, at) + ins + text.slice(at);
    }
    case 5: {
      // numbers: huge, tiny, malformed
      const ps = pieces(text);
      const idx = ps.map((p, i) => (/^[0-9０-９]/.test(p) ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) return text + d.pick(NUMBERS);
      ps[d.pick(idx)] = d.pick(NUMBERS);
      return ps.join("");
    }
    case 6: {
      const at = d.int(0, text.length);
      return text.slice(0, at) + " " + d.pick(KEYWORD_TEXTS) + " " + text.slice(at);
    }
    case 7: {
      const a = d.int(0, text.length);
      const b = Math.min(text.length, a + d.int(0, 200));
      return text.slice(0, a) + text.slice(b);
    }
    case 8:
      return text.slice(0, d.int(0, text.length));
    case 9: {
      const ps = pieces(text);
      const idx = ps.map((p, i) => (p.startsWith("「") ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) return "「" + text;
      const i = d.pick(idx);
      ps[i] = d.bool() ? ps[i]!.slice(0, -1) : `「${ps[i]!.slice(1, -1)}${randomUnicode(d)}${randomUnicode(d)}」`;
      return ps.join("");
    }
    default: {
      const a = d.int(0, text.length);
      return text.slice(0, a) + text.slice(d.int(0, text.length), d.int(0, text.length)) + text.slice(a);
    }
  }
}

function tokenSoup(d: Draw): string {
  const out: string[] = [];
  for (let n = d.int(1, 120); n > 0; n--) {
    const r = d.int(0, 9);
    if (r < 4) out.push(d.pick(KEYWORD_TEXTS));
    else if (r < 6) out.push(d.pick(PUNCT));
    else if (r < 7) out.push(d.pick(NUMBERS));
    else if (r < 8) out.push(String(d.int(0, 100)) + (d.bool() ? "%" : ""));
    else if (r < 9) out.push(`「${randomUnicode(d)}${d.pick(["规则", "指标", "甲"])}」`);
    else out.push(randomUnicode(d));
    out.push(d.pick([" ", " ", "\n", "", "  "]));
  }
  return out.join("");
}

function deepNesting(depth: number, close: boolean): string {
  return "细则 「深」\n" + "指标 「层」 1分 {\n".repeat(depth) + "规则 「r」 「c」 扣 0.1\n" + (close ? "}\n".repeat(depth) : "");
}

function hugeFile(d: Draw): string {
  const lines = ["细则 「十万行」", "指标 「甲」 100分 {"];
  const valid = d.bool();
  for (let i = 0; i < 100_000; i++) lines.push(valid ? `  规则 「规则${i}」 「条文${i}」 每次 扣 0.01` : d.pick(["  规则 「x", "}}} 扣 扣", "  每次 扣 0.5 上限", "「」「」「」", ""]));
  lines.push("}");
  return lines.join(d.bool() ? "\n" : "\r\n");
}

/** Builds input `i` of a run deterministically from the run's seed. */
export function makeInput(runSeed: number, i: number, corpusFiles: readonly { path: string; text: string }[], huge: boolean): FuzzInput {
  const seed = (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + i * 0x27d4eb2d) >>> 0;
  const d = drawFromSeed(seed);
  const single = (kind: string, text: string): FuzzInput => ({ kind, seed, files: [{ path: "/fuzz/root.kp", text }] });
  if (huge && i % 2500 === 1234) return single("huge", hugeFile(d));
  if (i % 200 === 7) return single("deep", deepNesting(d.pick([1000, 1000, 2000, 5000]), d.bool(0.8)));
  const r = d.int(0, 99);
  if (r < 25) {
    // a generated valid catalogue with valid facts
    const cat = genCatalogue(d, UNIT_POOL);
    const files = renderCatalogue(cat, genStyle(d), "/fuzz");
    const units = genUnits(d, cat, d.int(1, 6));
    return { kind: "generated", seed, files, facts: units.map((u) => encodeUnit(d, cat, u)) };
  }
  if (r < 55) {
    const cat = genCatalogue(d, UNIT_POOL);
    const files = renderCatalogue(cat, genStyle(d), "/fuzz");
    const k = d.int(0, files.length - 1);
    let text = files[k]!.text;
    for (let n = d.int(1, 4); n > 0; n--) text = mutate(d, text);
    files[k] = { path: files[k]!.path, text };
    return { kind: "mutated-generated", seed, files };
  }
  if (r < 80 && corpusFiles.length > 0) {
    const src = d.pick(corpusFiles);
    let text = src.text;
    for (let n = d.int(1, 6); n > 0; n--) text = mutate(d, text);
    return { kind: `mutated-corpus:${relative(ROOT, src.path)}`, seed, files: [{ path: "/fuzz/root.kp", text }] };
  }
  if (r < 92) return single("token-soup", tokenSoup(d));
  let s = "";
  for (let n = d.int(0, 200); n > 0; n--) s += randomUnicode(d);
  return single("unicode", s);
}

// ==================================================================== invariants (run in the child)

interface Failure {
  target: Target | "watchdog";
  invariant: string;
  message: string;
  stack?: string;
}

/** Position of an offset computed independently of core's LineIndex (\n, \r\n and \r break lines). */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

class LineCache {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  position(offset: number): { line: number; column: number } {
    if (this.text.length < 5000) return positionOf(this.text, offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

function spanProblem(span: Span, text: string, lines: LineCache): string | undefined {
  const s = span.start.offset;
  const e = span.end.offset;
  if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length)) return `offsets ${s}..${e} outside 0..${text.length}`;
  for (const p of [span.start, span.end]) {
    const want = lines.position(p.offset);
    if (want.line !== p.line || want.column !== p.column) return `offset ${p.offset} is ${want.line}:${want.column}, span says ${p.line}:${p.column}`;
  }
  if (splitsPair(text, s) || splitsPair(text, e)) return `range ${s}..${e} splits a surrogate pair`;
  return undefined;
}

/** The invariant checks, exposed for the fuzzer's own tests. */
export function diagnosticProblems(texts: Map<string, string>, diags: readonly Diagnostic[], defaultFile: string): string[] {
  const c = new Checker(texts);
  c.diagnostics("parser", diags, defaultFile);
  return c.failures.map((f) => `${f.invariant}: ${f.message}`);
}

/** Whether a failure is one already reported (KNOWN). */
export function isKnownFailure(f: Failure, input: FuzzInput): boolean {
  return knownId(f, input) !== undefined;
}

export type { Failure };

class Checker {
  readonly failures: Failure[] = [];
  private readonly lineCaches = new Map<string, LineCache>();
  constructor(private readonly texts: Map<string, string>) {}

  fail(target: Failure["target"], invariant: string, message: string, stack?: string): void {
    this.failures.push({ target, invariant, message, ...(stack ? { stack } : {}) });
  }
  crash(target: Target, where: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.fail(target, "no uncaught exception", `${where}: ${err.name}: ${err.message}`.slice(0, 2000), err.stack);
  }
  lines(path: string): LineCache {
    let c = this.lineCaches.get(path);
    if (!c) this.lineCaches.set(path, (c = new LineCache(this.texts.get(path) ?? "")));
    return c;
  }

  diagnostics(target: Target, diags: readonly Diagnostic[], defaultFile: string): void {
    for (const d of diags) {
      const file = d.file ?? defaultFile;
      const text = this.texts.get(file);
      if (text === undefined) {
        this.fail(target, "diagnostic in a known document", `${d.code} in unknown file ${file}`);
        continue;
      }
      if (!/^KP\d{4}$/.test(d.code) || !d.message) this.fail(target, "stable code and message", `${d.code}: ${d.message}`);
      const p = spanProblem(d.span, text, this.lines(file));
      if (p) this.fail(target, "diagnostic range inside the document", `${d.code} ${d.message}: ${p}`);
      for (const r of d.related ?? []) {
        const rf = r.file ?? file;
        const rt = this.texts.get(rf);
        if (rt === undefined) continue;
        const rp = spanProblem(r.span, rt, this.lines(rf));
        if (rp) this.fail(target, "related range inside the document", `${d.code} related: ${rp}`);
      }
      for (const f of d.fixes ?? [])
        for (const e of f.edits) {
          const et = this.texts.get(e.file ?? file);
          if (et === undefined) continue;
          if (!(0 <= e.start && e.start <= e.end && e.end <= et.length)) this.fail(target, "fix edit inside the document", `${d.code} fix「${f.title}」: ${e.start}..${e.end} of ${et.length}`);
        }
    }
  }

  ast(target: Target, ast: KpFile, path: string): void {
    const text = this.texts.get(path) ?? "";
    const lines = this.lines(path);
    let bad = 0;
    const visit = (v: unknown) => {
      if (bad > 3 || !v || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) visit(x);
        return;
      }
      const o = v as Record<string, unknown>;
      if (o.span && typeof o.kind === "string") {
        const p = spanProblem(o.span as Span, text, lines);
        if (p) {
          bad++;
          this.fail(target, "AST node range inside the document", `${o.kind}: ${p}`);
        }
      }
      for (const [k, x] of Object.entries(o)) if (k !== "span") visit(x);
    };
    visit(ast);
  }
}

const FACT_VALUES: unknown[] = [
  0, 1, 2, 3, -1, 1.5, 0.1 + 0.2, 1e21, 1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, "3", "３", "87.5%", "200%", "-5", "是", "否", "有", "", null, true, false,
  [], ["A", "A"], ["A", "B"], "事件A、事件B", {}, { x: 1 }, "1e3", "0.0000001", "NaN", "Infinity", "　", "\u2028", "9".repeat(30), "未报送", "√", "0.000001", "12.345678",
];

function randomFacts(d: Draw, keys: readonly string[], classes: readonly string[]): unknown[] {
  const names = ["甲县", "乙县", "丙区", "constructor", "甲县", " ", "__proto__"];
  const units: unknown[] = [];
  for (let n = d.int(0, 5); n > 0; n--) {
    const facts: Record<string, unknown> = {};
    for (const k of keys) if (d.bool(0.7)) facts[k] = d.pick(FACT_VALUES);
    if (d.bool(0.1)) facts[d.pick(["不存在", "a.b", "__proto__"])] = 1;
    units.push({ name: d.bool(0.95) ? d.pick(names) : d.pick(FACT_VALUES), classes: classes.filter(() => d.bool(0.4)), facts });
  }
  if (d.bool(0.05)) return [null, 1, "x"];
  return units;
}

/** Spans and edits inside results of language features: checked against the document. */
function checkResultRanges(c: Checker, what: string, value: unknown, path: string, texts: Map<string, string>): void {
  let bad = 0;
  const visit = (v: unknown, file: string, depth: number) => {
    if (bad > 2 || depth > 12 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 2000)) visit(x, file, depth + 1);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) visit(x, typeof k === "string" && texts.has(k) ? k : file, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const f = typeof o.file === "string" && texts.has(o.file) ? o.file : typeof o.path === "string" && texts.has(o.path) ? o.path : file;
    const text = texts.get(f);
    if (text !== undefined) {
      const sp = o.span as Span | undefined;
      if (sp && typeof sp === "object" && sp.start && typeof sp.start.offset === "number") {
        const p = spanProblem(sp, text, c.lines(f));
        if (p) {
          bad++;
          c.fail("lsp", "result range inside the document", `${what}: ${p}`);
        }
      }
      if (typeof o.start === "number" && typeof o.end === "number" && !(0 <= o.start && o.start <= o.end && o.end <= text.length)) {
        bad++;
        c.fail("lsp", "result range inside the document", `${what}: ${o.start}..${o.end} of ${text.length}`);
      }
    }
    for (const [k, x] of Object.entries(o)) if (k !== "span" && k !== "node" && k !== "parent" && k !== "owner" && k !== "state" && k !== "file") visit(x, f, depth + 1);
  };
  visit(value, path, 0);
}

/** The AST without positions; comments compared modulo trailing blanks and line-end style (the formatter normalises both). */
function shape(ast: KpFile): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== "span" && k !== "path") out[k] = strip(x);
      // the formatter trims trailing blanks and writes line ends as \n (Prettier's endOfLine)
      if (out.kind === "Comment" && typeof out.text === "string") out.text = out.text.replace(/\r\n?/g, "\n").replace(/\s+$/u, "").replace(/[ \t]+\n/g, "\n");
      return out;
    }
    return v;
  };
  return strip(ast);
}

type FormatterModule = { formatKp(text: string, o?: { filepath?: string }): Promise<string>; KpSyntaxError: new (...a: never[]) => Error };
let formatter: FormatterModule | null | undefined;
let lsp: Record<string, unknown> | null | undefined;
let lintAnalysis: ((a: unknown) => Diagnostic[]) | undefined;

/** The formatter, language service and linter, when they are built into the workspace. */
async function loadOptional(): Promise<void> {
  if (formatter === undefined) formatter = (await import("prettier-plugin-kp").catch(() => null)) as unknown as FormatterModule | null;
  if (lsp === undefined) lsp = (await import("@kaoping/lsp").catch(() => null)) as unknown as Record<string, unknown> | null;
  if (lintAnalysis === undefined) lintAnalysis = ((await import("@kaoping/lint").catch(() => null)) as { lintAnalysis?: typeof lintAnalysis } | null)?.lintAnalysis;
}

/** Runs one input through the targets; returns the broken invariants. */
export async function runInput(input: FuzzInput, targets: readonly Target[]): Promise<{ failures: Failure[]; ms: Record<string, number> }> {
  await loadOptional();
  const texts = new Map(input.files.map((f) => [f.path, f.text]));
  const c = new Checker(texts);
  const d = drawFromSeed(input.seed ^ 0x5bd1e995);
  const root = input.files[0]!.path;
  const ms: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      ms[name] = (ms[name] ?? 0) + performance.now() - t;
    }
  };

  const parses = new Map<string, ReturnType<typeof parseKp>>();
  if (targets.includes("parser") || targets.includes("formatter")) {
    for (const f of input.files) {
      try {
        const p = await timed("parse", () => parseKp(f.text, f.path));
        parses.set(f.path, p);
        c.diagnostics("parser", p.diagnostics, f.path);
        c.ast("parser", p.ast, f.path);
      } catch (e) {
        c.crash("parser", `parseKp(${f.path})`, e);
      }
    }
  }

  if (targets.includes("checker")) {
    try {
      const a = await timed("check", () => analyzeCatalogue(root, memoryHost(texts)));
      c.diagnostics("checker", a.diagnostics, root);
      if (!a.diagnostics.some((x) => x.severity === "error")) {
        let js = "";
        try {
          js = await timed("compile", () => compileCatalogue(a.catalogue, { version: "fuzz" }).js);
        } catch (e) {
          c.crash("checker", "compileCatalogue", e);
        }
        if (js && js.length < 20_000_000) {
          let mod: { scoreAll(u: unknown, o?: object): unknown[]; checkFacts(u: unknown): unknown[] } | undefined;
          try {
            mod = await timed("import", () => import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`));
          } catch (e) {
            c.crash("checker", "import of the compiled module of a catalogue without errors", e);
          }
          if (mod) {
            const keys = a.catalogue.rules.flatMap((r) => r.facts.map((f) => f.key));
            const factSets = [...(input.facts ? [input.facts] : []), randomFacts(d, keys, a.catalogue.classes)];
            for (const units of factSets) {
              try {
                const errs = mod.checkFacts(units);
                if (!Array.isArray(errs)) c.fail("checker", "checkFacts returns a list", typeof errs);
                const res = await timed("score", () => mod!.scoreAll(units, { trace: d.bool() }));
                for (const r of res as { total: unknown }[]) if (typeof r.total !== "string" || !/^-?\d+(\.\d+)?$/.test(r.total)) c.fail("checker", "totals are decimals", String(r.total));
                if (units === input.facts && errs.length > 0) c.fail("checker", "generated facts are valid", JSON.stringify(errs).slice(0, 500));
              } catch (e) {
                const name = (e as Error | undefined)?.name;
                if (name !== "KpFactsError") c.crash("checker", "scoreAll", e);
                else if (units === input.facts) c.fail("checker", "generated facts are valid", String((e as Error).message).slice(0, 500));
              }
            }
          }
        }
      }
    } catch (e) {
      c.crash("checker", "analyzeCatalogue", e);
    }
  }

  if (targets.includes("formatter") && formatter) {
    for (const f of input.files) {
      const p = parses.get(f.path);
      if (!p) continue;
      const clean = !p.diagnostics.some((x) => x.severity === "error");
      try {
        const once = await timed("format", () => formatter!.formatKp(f.text, { filepath: f.path }));
        if (!clean) continue; // formatting text with errors is allowed to work (or refuse)
        const again = parseKp(once, f.path);
        const errs = again.diagnostics.filter((x) => x.severity === "error");
        if (errs.length > 0) c.fail("formatter", "formatted text parses", errs.map((x) => `${x.code} ${x.message}`).join("; ").slice(0, 500));
        else if (JSON.stringify(shape(again.ast)) !== JSON.stringify(shape(p.ast))) c.fail("formatter", "formatting keeps the AST", f.path);
        else if ((await timed("format", () => formatter!.formatKp(once, { filepath: f.path }))) !== once) c.fail("formatter", "formatting is idempotent", f.path);
      } catch (e) {
        if (e instanceof formatter.KpSyntaxError || (e as Error | undefined)?.name === "KpSyntaxError") {
          if (clean) c.fail("formatter", "text without syntax errors formats", String((e as Error).message).slice(0, 500));
        } else c.crash("formatter", `formatKp(${f.path})`, e);
      }
    }
  }

  if (targets.includes("lsp") && lsp) {
    await timed("lsp", () => runLsp(c, input, texts, d));
  }
  return { failures: c.failures, ms };
}

type Fn = (...a: unknown[]) => unknown;

async function runLsp(c: Checker, input: FuzzInput, texts: Map<string, string>, d: Draw): Promise<void> {
  const L = lsp as Record<string, Fn & (new (...a: unknown[]) => Record<string, Fn>)>;
  let project: Record<string, Fn>;
  try {
    const fs = new L.MemoryFileSystem!(Object.fromEntries(texts));
    project = new L.Project!(fs, { folders: ["/fuzz"], lint: lintAnalysis, log: () => {} });
    for (const f of input.files) if (d.bool(0.7) || f === input.files[0]) project.setDocument!(f.path, f.text);
  } catch (e) {
    c.crash("lsp", "Project", e);
    return;
  }
  for (const f of input.files) {
    let ctx: unknown;
    try {
      ctx = project.context!(f.path);
      if (!ctx) continue;
      const state = (ctx as { state: { diagnostics: Diagnostic[] } }).state;
      c.diagnostics("lsp", state.diagnostics, f.path);
    } catch (e) {
      c.crash("lsp", `project.context(${f.path})`, e);
      continue;
    }
    const len = f.text.length;
    const offsets = [0, len, ...Array.from({ length: 6 }, () => d.int(0, len))];
    const call = (name: string, ...args: unknown[]) => {
      const fn = L[name];
      if (typeof fn !== "function") return;
      try {
        const r = fn(ctx, ...args);
        checkResultRanges(c, name, r, f.path, texts);
      } catch (e) {
        c.crash("lsp", `${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`, e);
      }
    };
    for (const o of offsets) {
      call("hover", o);
      call("completions", o);
      call("definition", o);
      call("references", o);
      call("highlights", o);
      call("prepareRename", o);
      call("rename", o, d.pick(["新名", "", "「", "a」b", "\u2028"]));
    }
    const a = d.int(0, len);
    call("codeActions", Math.min(a, offsets[2]!), Math.max(a, offsets[2]!));
    call("documentSymbols");
    call("semanticTokens");
    call("inlayHints");
    try {
      const file = (ctx as { file: unknown }).file;
      if (typeof L.foldingRanges === "function") L.foldingRanges(file);
    } catch (e) {
      c.crash("lsp", "foldingRanges", e);
    }
  }
}

// ==================================================================== known failures

/**
 * Failures already reported to core (see the robustness report); they are counted, not fatal.
 * Each entry: a test on the failure and the bug it stands for.
 */
const KNOWN: { id: string; test: (f: Failure, input: FuzzInput) => boolean }[] = [];

function knownId(f: Failure, input: FuzzInput): string | undefined {
  return KNOWN.find((k) => k.test(f, input))?.id;
}

// ==================================================================== parent: watchdog and reporting

class Runner {
  private child: ChildProcess | undefined;
  private pending: { id: number; child: ChildProcess; resolve: (v: { failures: Failure[]; ms: Record<string, number> }) => void } | undefined;
  private nextId = 0;

  constructor(private readonly targets: readonly Target[]) {}

  private spawn(): ChildProcess {
    const child = fork(SELF, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "advanced" });
    child.on("message", (m: { id: number; failures: Failure[]; ms: Record<string, number> }) => {
      if (this.pending && this.pending.child === child && m.id === this.pending.id) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve({ failures: m.failures, ms: m.ms });
      }
    });
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.pending && this.pending.child === child) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve({ failures: [{ target: "watchdog", invariant: "no crash of the process", message: `child exited (${code ?? signal})` }], ms: {} });
      }
    });
    return child;
  }

  private send(input: FuzzInput, targets: readonly Target[], limit: number): Promise<{ failures: Failure[]; ms: Record<string, number> }> {
    const child = this.child!;
    const id = ++this.nextId;
    return new Promise((resolveRun) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        if (this.child === child) this.child = undefined;
        child.kill("SIGKILL");
        resolveRun({ failures: [{ target: "watchdog", invariant: "no hang", message: `no answer within ${limit} ms` }], ms: {} });
      }, limit);
      this.pending = {
        id,
        child,
        resolve: (v) => {
          clearTimeout(timer);
          resolveRun(v);
        },
      };
      child.send({ id, input, targets });
    });
  }

  /** A fresh child that has loaded every module, outside any time limit. */
  private async ensureChild(): Promise<void> {
    if (this.child) return;
    this.child = this.spawn();
    const warm: FuzzInput = { kind: "warm-up", seed: 1, files: [{ path: "/fuzz/root.kp", text: "细则 「t」\n指标 「a」 1分 { 规则 「r」 「c」 扣 0.1 }\n" }], facts: [{ name: "甲", facts: {} }] };
    // Loading is what takes time (every module is imported whatever the targets); parse only.
    const r = await this.send(warm, ["parser"], 120_000);
    if (r.failures.length > 0) throw new Error(`the fuzz child does not start: ${JSON.stringify(r.failures)}`);
  }

  async run(input: FuzzInput, targets: readonly Target[], limit: number): Promise<{ failures: Failure[]; ms: Record<string, number>; elapsed: number }> {
    await this.ensureChild();
    const t0 = performance.now();
    const result = await this.send(input, targets, limit);
    return { ...result, elapsed: performance.now() - t0 };
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
  }
}

function save(opts: Options, input: FuzzInput, failures: Failure[], label: string): string {
  mkdirSync(opts.out, { recursive: true });
  const base = join(opts.out, label);
  const big = input.files.reduce((n, f) => n + f.text.length, 0) > 1_000_000;
  writeFileSync(`${base}.json`, JSON.stringify({ input: big ? { ...input, files: input.files.map((f) => ({ path: f.path, text: f.text.slice(0, 2000) + "…(truncated)" })) } : input, failures }, null, 1) + "\n");
  writeFileSync(`${base}.kp`, input.files[0]!.text.slice(0, big ? 100_000 : undefined));
  return `${base}.json`;
}

async function parent(opts: Options): Promise<number> {
  const runner = new Runner(opts.targets);
  const say = (s: string) => {
    if (!opts.quiet) process.stdout.write(s + "\n");
  };
  try {
    if (opts.replay) {
      const raw = JSON.parse(readFileSync(opts.replay, "utf8")) as { input: FuzzInput };
      const r = await runner.run(raw.input, opts.targets, Math.max(opts.timeLimit, 30_000));
      for (const f of r.failures) {
        const known = knownId(f, raw.input);
        say(`${f.target} · ${f.invariant}: ${f.message}${known ? `\n  (known, reported: ${known})` : ""}\n${f.stack ?? ""}`);
      }
      say(`replay: ${r.failures.length} failure(s), ${Math.round(r.elapsed)} ms`);
      return r.failures.length > 0 ? 1 : 0;
    }
    const files = corpus();
    const started = performance.now();
    const byKind = new Map<string, number>();
    const newFailures: string[] = [];
    const known = new Map<string, number>();
    const seenSignatures = new Set<string>();
    const slow: string[] = [];
    const stageMs: Record<string, number> = {};
    for (let i = 0; i < opts.iterations; i++) {
      const input = makeInput(opts.seed, i, files, opts.huge);
      const size = input.files.reduce((n, f) => n + f.text.length, 0);
      const limit = size > HUGE ? opts.hugeTimeLimit : opts.timeLimit;
      // 100,000-line files: parser and checker only (formatting and editor features are measured apart)
      const targets = size > HUGE ? opts.targets.filter((t) => t === "parser" || t === "checker") : opts.targets;
      let r = await runner.run(input, targets, limit);
      if (r.failures.some((f) => f.invariant === "no hang")) {
        // A loaded machine can stall a healthy child: retry once in a fresh one with 5× the time
        // before calling it a hang; a slow pass is reported below.
        const again = await runner.run(input, targets, limit * 5);
        if (!again.failures.some((f) => f.invariant === "no hang")) {
          slow.push(`#${i} ${input.kind}: over ${limit} ms once, then ${Math.round(again.elapsed)} ms`);
          r = again;
        }
      }
      const kind = input.kind.split(":")[0]!;
      for (const [k, v] of Object.entries(r.ms)) stageMs[k] = (stageMs[k] ?? 0) + v;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      if (size > HUGE) slow.push(`#${i} ${kind} ${(size / 1e6).toFixed(1)} MB: ${Math.round(r.elapsed)} ms (${Object.entries(r.ms).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")})`);
      const fresh: Failure[] = [];
      for (const f of r.failures) {
        const k = knownId(f, input);
        if (k) known.set(k, (known.get(k) ?? 0) + 1);
        else fresh.push(f);
      }
      if (fresh.length > 0) {
        const sig = fresh.map((f) => `${f.target}|${f.invariant}|${f.message.replace(/\d+/g, "N").slice(0, 80)}`).join(";");
        const label = `${fresh[0]!.target}-seed${opts.seed}-iter${i}`;
        const saved = save(opts, input, fresh, label);
        const first = !seenSignatures.has(sig);
        seenSignatures.add(sig);
        newFailures.push(label);
        if (first || !opts.quiet) {
          say(`\n✗ #${i} (${input.kind}) ${fresh.map((f) => `${f.target} · ${f.invariant}: ${f.message}`).join("\n  ")}`);
          if (fresh[0]!.stack) say(fresh[0]!.stack.split("\n").slice(0, 8).join("\n"));
          say(`  saved ${relative(process.cwd(), saved)}\n  reproduce: npx tsx scripts/fuzz.ts --replay ${relative(process.cwd(), saved)} --target ${opts.targets.length === 1 ? opts.targets[0] : "all"}`);
        }
      }
      if (!opts.quiet && (i + 1) % 1000 === 0) say(`… ${i + 1} / ${opts.iterations} (${Math.round((performance.now() - started) / 1000)} s, ${newFailures.length} new failures)`);
    }
    const summary = {
      iterations: opts.iterations,
      seed: opts.seed,
      targets: opts.targets,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      inputs: Object.fromEntries([...byKind].sort()),
      newFailures: newFailures.length,
      distinctNewFailures: seenSignatures.size,
      known: Object.fromEntries(known),
      msPerStage: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, Math.round(v)])),
      slow,
      corpusFiles: files.length,
      formatter: formatter !== null,
      lsp: lsp !== null,
    };
    process.stdout.write(`FUZZ-SUMMARY ${JSON.stringify(summary)}\n`);
    const knownCount = [...known.values()].reduce((a, b) => a + b, 0);
    return newFailures.length > 0 || (opts.strict && knownCount > 0) ? 1 : 0;
  } finally {
    runner.stop();
  }
}

function child(): void {
  process.on("message", (m: { id: number; input: FuzzInput; targets: Target[] }) => {
    runInput(m.input, m.targets).then(
      (r) => process.send!({ id: m.id, ...r }),
      (e: unknown) => process.send!({ id: m.id, failures: [{ target: "watchdog", invariant: "no uncaught exception", message: String(e), stack: (e as Error)?.stack }], ms: {} }),
    );
  });
  // An exception escaping the handlers (e.g. from a timer inside a target) is a failure too.
  process.on("uncaughtException", (e) => {
    process.stderr.write(`fuzz child: uncaught ${e.stack ?? e}\n`);
    process.exit(70);
  });
}

if (process.argv.includes("--child")) child();
else if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  parent(parseOptions(process.argv.slice(2))).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
      process.exit(2);
    },
  );
}
