/**
 * The shipped example: the facts in examples/各县事实.csv (and the same facts in examples/各县事实.json)
 * scored against rules/ must give exactly the results computed by hand in examples/手算.md and recorded
 * in examples/expected.json — every indicator of every unit, the exact and the rounded total, the rank
 * and the grade.
 *
 * expected.json is NOT regenerated from the compiler: it is the independent hand computation.  When a
 * comparison fails, find out which side is right (the rule text, emit-js.ts, 手算.md) before touching it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, nodeHost } from "@kaoping/core";

const root = resolve(__dirname, "..");
const examples = join(root, "examples");

// ------------------------------------------------------------------ the parts of a compiled module used here

interface IndicatorResult {
  id: string;
  score: string;
  children: IndicatorResult[];
}
interface UnitResult {
  unit: string;
  classes: string[];
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  indicators: IndicatorResult[];
  trace?: { indicator: string; kind: string; amount: string; rule?: string; text: string; facts?: Record<string, unknown> }[];
}
interface FactsUnit {
  name: string;
  classes?: string[] | string;
  facts: Record<string, unknown>;
}
interface ScoringModule {
  scoreAll(units: FactsUnit[], options?: { trace?: boolean; detail?: boolean }): UnitResult[];
  checkFacts(units: FactsUnit[]): { code: string; message: string }[];
  catalogue: { rules: Record<string, { indicator: string; facts: string[] }> };
}

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string;
  indicators: Record<string, string>;
}

// ------------------------------------------------------------------ CSV
// The CSV is read with csv-parse, the library the CLI reads CSV with.  It is a dependency of
// @kaoping/cli only, so it is resolved from the CLI package (exactly as the CLI resolves it) rather
// than added to the root or reached through a hard-coded node_modules path.
type CsvParse = (input: string, options: { bom: boolean; skip_empty_lines: boolean }) => string[][];
const { parse: parseCsv } = createRequire(join(root, "packages/cli/package.json"))("csv-parse/sync") as { parse: CsvParse };

/** The CSV rows as the units a CSV reader hands to scoreAll: every cell as typed, empty cells included. */
function csvUnits(header: string[], rows: string[][]): FactsUnit[] {
  return rows.map((row) => ({
    name: row[0]!,
    classes: row[1]!,
    facts: Object.fromEntries(header.slice(2).map((key, i) => [key, row[i + 2]!])),
  }));
}

/** A JSON fact value written the way a user types it in a cell (true → 是, [a, b] → a、b, 0.15 → 0.15). */
function asCell(v: unknown): string {
  if (v === true) return "是";
  if (v === false) return "否";
  if (Array.isArray(v)) return v.join("、");
  if (typeof v === "number" || typeof v === "string") return String(v);
  throw new Error(`unexpected fact value ${JSON.stringify(v)}`);
}

function flatScores(list: IndicatorResult[], out: Record<string, string> = {}): Record<string, string> {
  for (const i of list) {
    out[i.id] = i.score;
    flatScores(i.children, out);
  }
  return out;
}

function summary(r: UnitResult): Expected {
  return { unit: r.unit, total: r.total, exactTotal: r.exactTotal, rank: r.rank, grade: r.grade ?? "", indicators: flatScores(r.indicators) };
}

// ------------------------------------------------------------------ fixtures

const expected = JSON.parse(readFileSync(join(examples, "expected.json"), "utf8")) as Expected[];
const json = JSON.parse(readFileSync(join(examples, "各县事实.json"), "utf8")) as { units: FactsUnit[] };
const csvText = readFileSync(join(examples, "各县事实.csv"), "utf8");
const [header, ...rows] = parseCsv(csvText, { bom: true, skip_empty_lines: true }) as [string[], ...string[][]];

let mod: ScoringModule;
let results: UnitResult[];

beforeAll(async () => {
  const analysis = analyzeCatalogue(join(root, "rules", "细则.kp"), nodeHost);
  expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const out = compileCatalogue(analysis.catalogue, { version: "0.1.0" });
  const dir = mkdtempSync(join(tmpdir(), "kp-examples-"));
  const file = join(dir, "catalogue.mjs");
  writeFileSync(file, out.js);
  mod = (await import(pathToFileURL(file).href)) as ScoringModule;
  results = mod.scoreAll(json.units, { trace: true });
});

// ------------------------------------------------------------------ tests

describe("examples/ scored against rules/", () => {
  it("has at least 8 counties or districts, 「××区」, and at least one 园区", () => {
    const names = json.units.map((u) => u.name);
    const classesOf = (u: FactsUnit) => (Array.isArray(u.classes) ? u.classes : [u.classes]);
    expect(json.units.filter((u) => classesOf(u).includes("县区") && u.name !== "××区").length).toBeGreaterThanOrEqual(8);
    expect(classesOf(json.units.find((u) => u.name === "××区")!)).toEqual(["县区"]);
    expect(json.units.some((u) => classesOf(u).includes("园区"))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it("the JSON facts have no problems", () => {
    expect(mod.checkFacts(json.units)).toEqual([]);
  });

  it("ranks the units in the hand-computed order", () => {
    expect(results.map((r) => [r.rank, r.unit])).toEqual(expected.map((e) => [e.rank, e.unit]));
  });

  it.each(expected.map((e) => [e.unit, e] as const))("「%s」: every indicator, total, rank and grade as computed by hand", (name, want) => {
    const got = results.find((r) => r.unit === name);
    expect(got, `unit ${name} missing from the results`).toBeDefined();
    expect(summary(got!)).toEqual(want);
  });

  it("exercises every rule: each one deducts or awards something for at least one unit", () => {
    const used = new Set(results.flatMap((r) => (r.trace ?? []).filter((t) => t.rule !== undefined && t.amount !== "0").map((t) => t.rule!)));
    expect(Object.keys(mod.catalogue.rules).filter((rule) => !used.has(rule))).toEqual([]);
  });

  it("exercises the cap, 扣完为止, 就高, 适用 and 参照", () => {
    const trace = (unit: string) => results.find((r) => r.unit === unit)!.trace!;
    // 文件签收领取 8 件次 × 0.02 = 0.16, capped at 0.1
    expect(trace("白水县").find((t) => t.rule === "文件签收领取")?.amount).toBe("0.1");
    // 1.1: 4.5 deducted from 4 points
    expect(trace("石门县").some((t) => t.indicator === "1.1" && t.kind === "limit" && t.amount === "0.5")).toBe(true);
    // 就高: 事件D counts 班子改组 0.5 only, not 成员刑事处罚 0.3 as well
    expect(trace("东湖区").some((t) => t.indicator === "2.1" && t.kind === "limit" && t.amount === "0.3")).toBe(true);
    // 人×、×协违纪 applies to 县区 only: the 园区 gave facts for it and lose nothing
    for (const park of ["高新园区", "经开园区"]) expect(trace(park).some((t) => t.rule === "人×、×协违纪")).toBe(false);
    // 参照: both 园区 take 「××区」's 2.7
    const ref = expected.find((e) => e.unit === "××区")!.indicators["2.7"];
    for (const park of ["高新园区", "经开园区"]) expect(flatScores(results.find((r) => r.unit === park)!.indicators)["2.7"]).toBe(ref);
  });
});

describe("examples/各县事实.csv and 各县事实.json hold the same facts", () => {
  it("the CSV has one column per fact key of rules/, in catalogue order", () => {
    const keys = Object.values(mod.catalogue.rules).flatMap((r) => r.facts);
    expect(header).toEqual(["单位", "类别", ...keys]);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it("same units, classes and values, cell by cell (an empty cell is an absent JSON key)", () => {
    expect(rows.map((r) => [r[0], r[1]])).toEqual(json.units.map((u) => [u.name, (u.classes as string[]).join("、")]));
    const keys = header.slice(2);
    rows.forEach((row, n) => {
      const facts = json.units[n]!.facts;
      const fromCsv = Object.fromEntries(keys.flatMap((k, i) => (row[i + 2]!.trim() === "" ? [] : [[k, row[i + 2]!.trim()]])));
      const fromJson = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, asCell(v)]));
      expect(fromJson, `unit ${row[0]}`).toEqual(fromCsv);
    });
  });

  it("scoring the CSV cells as typed gives the same results as the JSON", () => {
    const units = csvUnits(header, rows);
    expect(mod.checkFacts(units)).toEqual([]);
    expect(mod.scoreAll(units)).toEqual(mod.scoreAll(json.units));
  });

  // An absent fact (南川县's 信息完成率 is missing from the JSON) and an empty CSV cell both read as
  // 未报送, in the deduction and in the trace.
  it("scoring the CSV cells as typed gives the same trace as the JSON", () => {
    expect(mod.scoreAll(csvUnits(header, rows), { trace: true })).toEqual(results);
  });

  it("the trace shows an unreported 信息完成率 as 未报送", () => {
    const csvTrace = mod.scoreAll(csvUnits(header, rows), { trace: true }).find((r) => r.unit === "南川县")!.trace!;
    expect(csvTrace.find((t) => t.rule === "信息完成率")).toMatchObject({ amount: "2", facts: { 信息完成率: "未报送" } });
  });
});
