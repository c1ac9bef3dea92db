/**
 * The compiled module's streaming entry point, createScorer (emit-js.ts SCORER_API): batch by batch,
 * it gives every unit's result exactly as scoreAll does (rank and grade from finish()), whatever the
 * batches and the order of the units — a unit taking a 参照 to a unit not yet seen waits for it —
 * and reports facts problems as KpFactsError, across batches too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, evaluateCompiledModule, nodeHost, type ScoringModule, type StreamedResult, type UnitInput, type UnitResult } from "@kaoping/core";

const repo = resolve(__dirname, "..", "..", "..");

function moduleOf(root: string): ScoringModule {
  const a = analyzeCatalogue(root, nodeHost);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return evaluateCompiledModule(compileCatalogue(a.catalogue).js);
}

const rules = moduleOf(join(repo, "rules", "细则.kp"));
const units = (JSON.parse(readFileSync(join(repo, "examples", "各县事实.json"), "utf8")) as { units: UnitInput[] }).units;

/** Scores `list` in batches of `size` with a Scorer; the results in rank order, as scoreAll gives them. */
function streamed(m: ScoringModule, list: UnitInput[], size: number, detail = true): UnitResult[] {
  const got: StreamedResult[] = [];
  const scorer = m.createScorer!((k, r) => (got[k] = r), { detail });
  if (m.passes === 2) for (let i = 0; i < list.length; i += size) scorer.survey(list.slice(i, i + size));
  for (let i = 0; i < list.length; i += size) scorer.add(list.slice(i, i + size));
  const { order, tied, gradeIndex, grades } = scorer.finish();
    // a place tied with the one before has its rank, else its own (k + 1)
    const rank: number[] = [];
    for (let k = 0; k < order.length; k++) rank[k] = k > 0 && (tied[k >> 3]! >> (k & 7)) & 1 ? rank[k - 1]! : k + 1;
  return [...order].map((k, i) => {
    const r = got[k]!;
    return { unit: r.unit, classes: r.classes, total: r.total, exactTotal: r.exactTotal, rank: rank[i]!, grade: grades[gradeIndex[i]!] ?? null, vetoes: r.vetoes, indicators: r.indicators, bonus: r.bonus, penalty: r.penalty };
  });
}

describe("createScorer", () => {
  it("gives scoreAll's results for rules/ and the examples, in any batches", () => {
    expect(rules.streamable).toBe(true);
    const all = rules.scoreAll(units);
    for (const size of [1, 3, 100]) expect(JSON.stringify(streamed(rules, units, size))).toBe(JSON.stringify(all));
  });

  it("lets a unit taking a 参照 wait for the unit it names (here: last in the file)", () => {
    const referred = units.findIndex((u) => u.name === "××区");
    const moved = [...units.slice(0, referred), ...units.slice(referred + 1), units[referred]!];
    expect(JSON.stringify(streamed(rules, moved, 2))).toBe(JSON.stringify(rules.scoreAll(moved)));
  });

  it("gives the top-level scores only with detail: false", () => {
    const got: StreamedResult[] = [];
    const scorer = rules.createScorer!((k, r) => (got[k] = r), { detail: false });
    scorer.add(units);
    scorer.finish();
    const all = rules.scoreAll(units);
    for (const r of got) {
      expect(r.indicators).toBeUndefined();
      expect(r.top).toEqual(all.find((a) => a.unit === r.unit)!.indicators!.map((i) => i.score));
    }
  });

  it("reports problems as KpFactsError: a bad value, a unit repeated in a later batch, a 参照 to a unit never seen", () => {
    const bad = (list: UnitInput[], batches: number[]) => {
      const scorer = rules.createScorer!(() => undefined);
      try {
        let at = 0;
        for (const n of batches) {
          scorer.add(list.slice(at, at + n));
          at += n;
        }
        scorer.finish();
      } catch (e) {
        return (e as { errors?: { code: string }[] }).errors?.map((x) => x.code);
      }
      return [];
    };
    const withBad = units.map((u, i) => (i === 4 ? { ...u, facts: { ...u.facts, 参会: "很多" } } : u));
    expect(bad(withBad, [3, 3, 5])).toEqual(["KP4003"]);
    expect(bad([...units, units[0]!], [11, 1])).toEqual(["KP4006"]);
    expect(bad(units.filter((u) => u.name !== "××区"), [10])).toEqual(["KP4011"]);
  });

  it("takes a first pass (survey) for rules across units on facts: ranking, proportion, average and median", () => {
    const a = analyzeCatalogue("/virtual/细则.kp", {
      ...nodeHost,
      read: () => ({ ok: true, text: '细则 「排名」\n指标 「工作」 10分 {\n  规则 「项目」 「按项目数排名，第一名得2分，每后退一位扣0.5分」 按排名 得分 满分 2 每后退一位 扣 0.5\n}\n' }),
    } as typeof nodeHost);
    const m = evaluateCompiledModule(compileCatalogue(a.catalogue).js);
    expect(m.streamable).toBe(true);
    expect(m.passes).toBe(2);
    const list = [3, 5, 1, 5, 0].map((n, i) => ({ name: `单位${i}`, facts: { 项目: n } }));
    expect(JSON.stringify(streamed(m, list, 2))).toBe(JSON.stringify(m.scoreAll(list)));
    // without the first pass: refused, never a wrong ranking
    expect(() => m.createScorer!(() => undefined).add(list)).toThrow(/survey/);
  });

  // Every pattern catalogue (test/patterns) that streams gives scoreAll's results, in batches of 1
  // and 3 — ranking by a fact (13), proportion (13), average/median bases (23) among them.
  const patterns = join(repo, "test", "patterns");
  const dirs = readdirSync(patterns).filter((d) => existsSync(join(patterns, d, "catalogue.kp")) && existsSync(join(patterns, d, "facts.json")));
  it.each(dirs)("pattern %s: the Scorer gives scoreAll's results", (d) => {
    const m = moduleOf(join(patterns, d, "catalogue.kp"));
    const facts = JSON.parse(readFileSync(join(patterns, d, "facts.json"), "utf8")) as { units: UnitInput[] } | UnitInput[];
    const list = Array.isArray(facts) ? facts : facts.units;
    if (m.streamable !== true) {
      // only a ranking by a computed score or a pool 参照 needs whole units
      expect(d).toMatch(/^(27|28)-/);
      return;
    }
    const all = JSON.stringify(m.scoreAll(list));
    for (const size of [1, 3]) expect(JSON.stringify(streamed(m, list, size))).toBe(all);
    if (/^(13|23)-/.test(d)) expect(m.passes).toBe(2);
  });

  it("keeps its compact state right past the chunk boundaries (150,000 units: 65,536 per number chunk, 2^20 name characters per chunk)", { timeout: 120_000 }, () => {
    const a = analyzeCatalogue("/virtual/细则.kp", {
      ...nodeHost,
      read: () => ({ ok: true, text: '细则 「大」\n指标 「工作」 10分 {\n  规则 「迟报」 「每次扣0.5分」 每次 扣 0.5\n}\n' }),
    } as typeof nodeHost);
    const m = evaluateCompiledModule(compileCatalogue(a.catalogue).js);
    // names of varied lengths and scripts (ties everywhere: the order within a total is by name)
    const list = Array.from({ length: 150_000 }, (_, i) => ({ name: `${["单位", "Unit", "𠀋县"][i % 3]}${(i * 7919) % 150_000}`, facts: { 迟报: i % 23 } }));
    const all = m.scoreAll(list, { detail: false });
    const got: StreamedResult[] = [];
    const scorer = m.createScorer!((k, r) => (got[k] = r), { detail: false });
    for (let i = 0; i < list.length; i += 1000) scorer.add(list.slice(i, i + 1000));
    const { order, tied, gradeIndex, grades } = scorer.finish();
    // a place tied with the one before has its rank, else its own (k + 1)
    const rank: number[] = [];
    for (let k = 0; k < order.length; k++) rank[k] = k > 0 && (tied[k >> 3]! >> (k & 7)) & 1 ? rank[k - 1]! : k + 1;
    expect(order.length).toBe(all.length);
    [...order].forEach((k, i) => {
      expect(got[k]!.unit).toBe(all[i]!.unit);
      expect(rank[i]).toBe(all[i]!.rank);
      expect(grades[gradeIndex[i]!] ?? null).toBe(all[i]!.grade);
    });
    expect(scorer.has("Unit1")).toBe(list.some((u) => u.name === "Unit1"));
    expect(() => scorer.add([{ name: list[140_000]!.name, facts: { 迟报: 0 } }])).toThrow();
  });

  it("is not offered for a catalogue with a rule that needs every unit's computed score (ranking by score)", () => {
    const m = moduleOf(join(repo, "test", "patterns", "28-rank-by-score", "catalogue.kp"));
    expect(m.streamable).toBe(false);
    expect(() => m.createScorer!(() => undefined)).toThrow(/scoreAll/);
  });
});
