/**
 * The 20 scoring patterns of PRODUCT.md, each checked against HAND-COMPUTED results.
 *
 * Every folder test/patterns/NN-<name>/ holds a small catalogue (catalogue.kp), the facts of 2–5 units
 * (facts.json), the expected results worked out by hand (expected.json; the arithmetic is written out
 * in the folder's README.md) and, for some patterns, facts that must be rejected (rejected.json).
 * The expected values were NOT produced by running the compiler: they are an independent check of it.
 *
 * For each folder the catalogue is loaded and checked (no error diagnostics allowed), compiled with
 * compileCatalogue, the generated module is written to a temporary file and imported as plain ES
 * module, and the facts are scored with its scoreAll.  Each unit is compared exactly (decimal strings):
 * total, rank, grade, vetoes, the listed indicator scores, bonus/penalty when given.  Compiling twice
 * must give byte-identical js, dts and schema.
 *
 * The worked examples of grammar/语言参考.md quote these folders; the last block checks that every
 * quotation is still verbatim, that every kp example in the reference is valid, and that its links work.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, checkCatalogue, compileCatalogue, nodeHost, parseKp, type CompiledCatalogue } from "@kaoping/core";

// ---------------------------------------------------------------- shapes

/** A unit of a facts file. */
interface FactsUnit {
  name: string;
  classes?: string[] | string;
  facts?: Record<string, unknown>;
}

/** One unit's hand-computed result. */
interface ExpectedUnit {
  unit: string;
  total: string;
  exactTotal?: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: string }[];
  /** Indicator name → score; only the listed indicators are compared. */
  indicators: Record<string, string>;
  bonus?: string;
  penalty?: string;
}

/** Facts that must be rejected, with the errors expected for them. */
interface Rejected {
  units: FactsUnit[];
  errors: { unit: string; key: string; code: string }[];
}

interface IndicatorResult {
  id: string;
  name: string;
  score: string;
  children: IndicatorResult[];
}

/** What the generated module's scoreAll returns per unit. */
interface UnitResult {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: string; clause: string }[];
  indicators?: IndicatorResult[];
  bonus?: string;
  penalty?: string;
}

interface FactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

/** The exports of a compiled catalogue module used here. */
interface ScoringModule {
  scoreAll(units: FactsUnit[], options?: { trace?: boolean; detail?: boolean }): UnitResult[];
  checkFacts(units: FactsUnit[]): FactError[];
}

// ---------------------------------------------------------------- known compiler bugs

/**
 * Cases where the compiler disagrees with the hand computation and the hand computation is right per
 * the semantics (PRODUCT.md and the language reference).  Each is reported to the lead; the case runs
 * as `it.fails` until core is fixed — then `it.fails` itself fails, and the entry must be removed.
 * Keys: "<folder>/<unit>" for a unit's result, "<folder>/rejected/<unit>" for a rejected fact.
 */
// Cases where the compiler disagreed with the hand computation: each entry runs as `it.fails` until
// core is fixed (then the test starts failing and the entry must go).  Empty: all agree.
const KNOWN_BUGS: Record<string, string> = {};

// ---------------------------------------------------------------- helpers

const patternsDir = fileURLToPath(new URL("./patterns/", import.meta.url));
const folders = readdirSync(patternsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Indicator name → score, over the whole tree; names must be unique in a pattern catalogue. */
function flatScores(list: IndicatorResult[] | undefined, out: Record<string, string> = {}): Record<string, string> {
  for (const i of list ?? []) {
    if (i.name in out) throw new Error(`指标名「${i.name}」重复：模式细则中的指标名须唯一`);
    out[i.name] = i.score;
    flatScores(i.children, out);
  }
  return out;
}

/** The part of a result an expectation speaks about, in the expectation's shape. */
function project(r: UnitResult, e: ExpectedUnit): ExpectedUnit {
  const scores = flatScores(r.indicators);
  const out: ExpectedUnit = {
    unit: r.unit,
    total: r.total,
    rank: r.rank,
    grade: r.grade,
    vetoes: r.vetoes.map((v) => ({ rule: v.rule, level: v.level })),
    indicators: Object.fromEntries(Object.keys(e.indicators).map((k) => [k, scores[k] ?? "（无此指标）"])),
  };
  if (e.exactTotal !== undefined) out.exactTotal = r.exactTotal;
  if (e.bonus !== undefined) out.bonus = r.bonus ?? "（无）";
  if (e.penalty !== undefined) out.penalty = r.penalty ?? "（无）";
  return out;
}

function compile(root: string): { compiled: CompiledCatalogue; errors: string[] } {
  const analysis = analyzeCatalogue(root, nodeHost);
  const errors = analysis.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
  return { compiled: compileCatalogue(analysis.catalogue), errors };
}

const tmp = mkdtempSync(join(tmpdir(), "kp-patterns-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------- the patterns

/** A pattern folder's number: 「08-linear」 → 8. */
const numberOf = (folder: string): number => Number(/^(\d+)-/.exec(folder)?.[1] ?? NaN);

it("has the 20 patterns of PRODUCT.md and the later ones (issue 11), each complete", () => {
  expect(folders.length).toBeGreaterThanOrEqual(20);
  folders.forEach((f, i) => {
    expect(f).toMatch(/^\d{2}-[a-z]+(-[a-z]+)*$/);
    // 1–20 without a gap; later patterns are numbered by construct, in increasing order
    if (i < 20) expect(numberOf(f)).toBe(i + 1);
    else expect(numberOf(f)).toBeGreaterThan(numberOf(folders[i - 1]!));
    for (const file of ["catalogue.kp", "facts.json", "expected.json", "README.md"]) expect(existsSync(join(patternsDir, f, file)), `${f}/${file}`).toBe(true);
  });
});

for (const folder of folders) {
  const dir = join(patternsDir, folder);
  const root = join(dir, "catalogue.kp");
  const facts = readJson<{ units: FactsUnit[] }>(join(dir, "facts.json"));
  const expected = readJson<{ units: ExpectedUnit[] }>(join(dir, "expected.json"));
  const rejectedPath = join(dir, "rejected.json");
  const rejected = existsSync(rejectedPath) ? readJson<Rejected>(rejectedPath) : undefined;

  describe(folder, () => {
    let compiled: CompiledCatalogue;
    let errors: string[] = [];
    let mod: ScoringModule;
    let results: UnitResult[];

    beforeAll(async () => {
      ({ compiled, errors } = compile(root));
      const file = join(tmp, `${folder}.mjs`);
      writeFileSync(file, compiled.js);
      mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ScoringModule;
      results = mod.scoreAll(facts.units);
    });

    it("checks without errors", () => {
      expect(errors).toEqual([]);
    });

    it("compiles deterministically (byte-identical js, dts, schema)", () => {
      const again = compile(root).compiled;
      expect(again.js).toBe(compiled.js);
      expect(again.dts).toBe(compiled.dts);
      expect(again.schema).toBe(compiled.schema);
    });

    it("expects every unit of the facts, and the README shows each hand-computed total", () => {
      expect(expected.units.map((u) => u.unit).sort()).toEqual(facts.units.map((u) => u.name).sort());
      const readme = readFileSync(join(dir, "README.md"), "utf8");
      for (const u of expected.units) {
        expect(readme).toContain(u.unit);
        expect(readme).toContain(u.total);
      }
    });

    it("accepts the facts", () => {
      expect(mod.checkFacts(facts.units)).toEqual([]);
    });

    it("ranks the units in the expected order", () => {
      expect(results.map((r) => r.unit)).toEqual(expected.units.map((u) => u.unit));
    });

    for (const e of expected.units) {
      const key = `${folder}/${e.unit}`;
      const test = KNOWN_BUGS[key] ? it.fails : it;
      test(`${e.unit}: ${e.total}${KNOWN_BUGS[key] ? `（已知缺陷：${KNOWN_BUGS[key]}）` : ""}`, () => {
        const r = results.find((x) => x.unit === e.unit);
        expect(r, `没有单位「${e.unit}」的结果`).toBeDefined();
        expect(project(r!, e)).toEqual(e);
      });
    }

    if (rejected) {
      for (const err of rejected.errors) {
        const key = `${folder}/rejected/${err.unit}`;
        const test = KNOWN_BUGS[key] ? it.fails : it;
        test(`rejects ${err.unit}「${err.key}」with ${err.code}${KNOWN_BUGS[key] ? `（已知缺陷：${KNOWN_BUGS[key]}）` : ""}`, () => {
          const unit = rejected.units.filter((u) => u.name === err.unit);
          const found = mod.checkFacts(unit).map((x) => ({ unit: x.unit, key: x.key, code: x.code }));
          expect(found).toEqual([{ unit: err.unit, key: err.key, code: err.code }]);
          expect(() => mod.scoreAll(unit)).toThrow(err.code);
        });
      }
    }
  });
}

// ---------------------------------------------------------------- the language reference quotes the patterns

describe("grammar/语言参考.md", () => {
  const refPath = fileURLToPath(new URL("../grammar/语言参考.md", import.meta.url));
  const ref = readFileSync(refPath, "utf8");
  const blocks = (text: string, lang: string): string[] =>
    [...text.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]!);
  const sections = ref.split(/^### (?=模式 \d+：)/m).slice(1);

  it("has every kp example valid (no error diagnostics)", () => {
    const examples = blocks(ref, "kp");
    expect(examples.length).toBeGreaterThan(25);
    examples.forEach((code, i) => {
      const parsed = parseKp(code, `example-${i + 1}.kp`);
      const checked = checkCatalogue([parsed.ast], { fragment: true });
      const errors = [...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
      expect(errors.map((d) => `${d.code} ${d.message}`), code).toEqual([]);
    });
  });

  it("has one worked example per pattern, in order, each linking its folder", () => {
    expect(sections.map((s) => Number(/^模式 (\d+)：/.exec(s)![1]))).toEqual(folders.map(numberOf));
    sections.forEach((s, i) => expect(s).toContain(`(../test/patterns/${folders[i]}/)`));
  });

  sections.forEach((section, i) => {
    const folder = folders[i]!;
    it(`quotes ${folder} verbatim (code and facts)`, () => {
      const catalogue = readFileSync(join(patternsDir, folder, "catalogue.kp"), "utf8");
      const code = blocks(section, "kp");
      expect(code.length).toBeGreaterThan(0);
      for (const c of code) expect(catalogue).toContain(c);
      const facts = readJson<{ units: FactsUnit[] }>(join(patternsDir, folder, "facts.json")).units;
      const quoted = blocks(section, "json");
      expect(quoted.length).toBeGreaterThan(0);
      for (const q of quoted) {
        for (const u of JSON.parse(q) as FactsUnit[]) expect(u).toEqual(facts.find((f) => f.name === u.name));
      }
      const expected = readJson<{ units: ExpectedUnit[] }>(join(patternsDir, folder, "expected.json")).units;
      for (const e of expected) expect(section).toMatch(new RegExp(`\\| ${e.rank} \\| ${e.unit} \\| ${e.total.replace(".", "\\.")} \\|`));
    });
  });

  it("has working links (files and headings)", () => {
    // GitHub's heading anchors: lower-cased, punctuation dropped, spaces as hyphens
    const slug = (h: string) => h.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const anchors = new Set([...ref.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
    for (const [, target] of ref.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target!.startsWith("#")) expect(anchors.has(decodeURIComponent(target!.slice(1))), target).toBe(true);
      else expect(existsSync(resolve(dirname(refPath), decodeURIComponent(target!.split("#")[0]!))), target).toBe(true);
    }
  });
});
