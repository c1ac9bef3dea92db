/**
 * Bounded memory: DuckDB sorts the ranked rows a band of ranks at a time.  Whatever the band's size,
 * the results are the same rows in the same order — rank order, the units of one rank (which may
 * straddle a band's edge: a band ends only where a rank ends) by name as the JS module orders them.
 * The example's 11 units are copied under other names so that ranks are shared.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, lower, nodeHost } from "@kaoping/core";
import { awardMaxima, scoreWithDuckDb } from "@kaoping/engines";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "kp-bands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DuckDB's rows sorted a band of ranks at a time", () => {
  it("give the same results in the same order for every band size", async () => {
    const a = analyzeCatalogue(join(root, "rules/细则.kp"), nodeHost);
    const ir = lower(a.catalogue);
    const [header, ...rows] = readFileSync(join(root, "examples/各县事实.csv"), "utf8").split("\n").filter((l) => l !== "");
    // three copies of each unit (the first keeps its name: a 参照 names one), in an order unlike the result's
    const copies = [rows, rows.map((r) => r.replace(/^([^,]+),/, "$1乙,")), rows.map((r) => r.replace(/^([^,]+),/, "甲$1,"))].flat().reverse();
    const file = join(dir, "facts.csv");
    writeFileSync(file, [header, ...copies].join("\n") + "\n");
    const options = { awards: awardMaxima(a.catalogue), detail: true };
    const whole = await scoreWithDuckDb(ir, file, options);
    expect(whole).toHaveLength(copies.length);
    // ranks shared three ways, rank order, ties by name (UTF-16 code units)
    expect(new Set(whole.map((r) => r.rank)).size).toBeLessThanOrEqual(rows.length);
    for (let i = 1; i < whole.length; i++) {
      const [p, q] = [whole[i - 1]!, whole[i]!];
      expect(p.rank < q.rank || (p.rank === q.rank && p.unit < q.unit), `${p.unit} ${p.rank} / ${q.unit} ${q.rank}`).toBe(true);
    }
    for (const band of [1, 2, 4, 7]) expect(await scoreWithDuckDb(ir, file, { ...options, band }), `band ${band}`).toEqual(whole);
  }, 120_000);
});
