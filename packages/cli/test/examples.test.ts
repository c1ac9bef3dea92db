/**
 * The README's main job, as a subprocess: `kp score rules examples/各县事实.csv` (and the JSON facts)
 * ranks the shipped example exactly as computed by hand in examples/手算.md (examples/expected.json),
 * and `kp explain` explains one unit.  Needs the built CLI (`pnpm test` builds first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { golden, kp, repoRoot, transcript } from "./helpers.js";

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string;
  indicators: Record<string, string>;
}
const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as Expected[];

describe("the shipped example (README's main job)", () => {
  it("prints the ranking table, matching the hand computation to the last digit", () => {
    const args = ["score", "rules", "examples/各县事实.csv"];
    const r = kp(args, { cwd: repoRoot });
    expect(r.code).toBe(0);
    golden("examples/score.txt", transcript(args, r));
    const rows = r.stdout.split("\n").filter((l) => /^│\s+\d+ │/.test(l));
    expect(rows.map((l) => l.split("│").map((c) => c.trim()).slice(1, 4).concat(l.split("│").at(-2)!.trim()))).toEqual(
      expected.map((e) => [String(e.rank), e.unit, e.total, e.grade]),
    );
  });

  for (const facts of ["examples/各县事实.csv", "examples/各县事实.json"]) {
    it(`gives every unit's total, rank, grade and first-level scores by hand from ${facts}`, () => {
      const r = kp(["score", "rules", facts, "--format", "json"], { cwd: repoRoot });
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout) as { unit: string; total: string; exactTotal: string; rank: number; grade: string; indicators: { id: string; score: string }[] }[];
      expect(got.map((u) => ({ unit: u.unit, total: u.total, exactTotal: u.exactTotal, rank: u.rank, grade: u.grade }))).toEqual(
        expected.map((e) => ({ unit: e.unit, total: e.total, exactTotal: e.exactTotal, rank: e.rank, grade: e.grade })),
      );
      for (const u of got) {
        const e = expected.find((x) => x.unit === u.unit)!;
        for (const ind of u.indicators) expect(ind.score, `${u.unit} ${ind.id}`).toBe(e.indicators[ind.id]);
      }
    });
  }

  it("explains a unit with every deduction's clause", () => {
    const args = ["explain", "rules", "examples/各县事实.csv", "--unit", "青山县"];
    const r = kp(args, { cwd: repoRoot });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("参会「未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分」");
    expect(r.stdout).toContain("计算：1次 × 0.5 = 0.5");
    golden("examples/explain-青山县.txt", transcript(args, r));
  });
});
