/**
 * One semantics: rules/ scored in DuckDB from examples/各县事实.csv gives examples/expected.json (the
 * hand computation) — every indicator of every unit, the exact and rounded totals, rank and grade.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, lower, nodeHost } from "@kaoping/core";
import { awardMaxima, scoreWithDuckDb } from "@kaoping/engines";

const root = resolve(__dirname, "../../..");

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  indicators: Record<string, string>;
}

describe("DuckDB engine on the shipped example", () => {
  it("gives expected.json for every unit, indicator, total, rank and grade", async () => {
    const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
    const ir = lower(a.catalogue);
    const got = await scoreWithDuckDb(ir, join(root, "examples/各县事实.csv"), { awards: awardMaxima(a.catalogue) });
    const expected = JSON.parse(readFileSync(join(root, "examples/expected.json"), "utf8")) as Expected[];
    expect(got.map((g) => g.unit)).toEqual(expected.map((e) => e.unit));
    for (const e of expected) {
      const g = got.find((x) => x.unit === e.unit)!;
      expect({ unit: g.unit, total: g.total, exactTotal: g.exactTotal, rank: g.rank, grade: g.grade }).toEqual({ unit: e.unit, total: e.total, exactTotal: e.exactTotal, rank: e.rank, grade: e.grade });
      expect(g.scores).toEqual(e.indicators);
    }
  }, 60_000);
});
