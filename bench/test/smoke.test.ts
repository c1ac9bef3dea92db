/**
 * The bench's smoke mode (`--quick`: tiny sizes, one run) runs to the end, prints the table, writes the
 * JSON, and its scorers agree.  The agreement checks themselves are tested to catch a one-cent
 * difference, so a passing smoke run means the three scorers really gave the same results.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeOrThrow, memoryHost, rulesSources } from "../src/catalogues.js";
import { diffCents, diffExact, importCompiled } from "../src/figures/score.js";
import { generateUnits } from "../src/gen-facts.js";
import { scoreAllHandwritten } from "../src/handwritten.js";
import { Interpreter } from "../src/interpreter.js";
import type { RunRecord } from "../src/report.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("bench --quick", () => {
  it("prints the table, writes the JSON, and the scorers agree", () => {
    const out = mkdtempSync(join(tmpdir(), "kp-bench-smoke-"));
    try {
      const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/src/main.ts", "--quick", "--out", out], {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.stderr).not.toContain("FAILED");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\| figure +\| goal +\| measured +\| baseline +\| ratio +\| met +\|/);
      for (const id of ["1", "2a", "2b", "3a", "3b", "3c", "3d", "4a", "4b", "4c", "4d", "5", "6", "7", "8a", "9a", "9b", "9c", "9d", "11f1", "11a", "11b", "11e"]) expect(r.stdout).toMatch(new RegExp(`^\\| ${id} `, "m"));

      const record = JSON.parse(readFileSync(join(out, "latest.json"), "utf8")) as RunRecord;
      expect(record.mode).toBe("quick");
      expect(record.figures.map((f) => f.id)).toEqual(["1", "2a", "2b", "3a", "3b", "3c", "3d", "4a", "4b", "4c", "4d", "5", "6", "7", "7b", "8a", "9a", "9b", "9c", "9d", "11f1", "11a", "11b", "11e"]);
      // Parts that need a build may be absent, never broken.
      for (const f of record.figures) expect(f.status, `${f.id}: ${f.note}`).not.toBe("failed");
      const checks = record.checks as { rulesExercised: string; scorersAgree: unknown; generatedCatalogueAgreement: { agree: boolean } };
      expect(checks.scorersAgree).toEqual({ units: 400, compiledInterpreter: "exact", compiledHandwritten: "to the cent" });
      expect(checks.generatedCatalogueAgreement.agree).toBe(true);
      const [hit, all] = checks.rulesExercised.split("/").map(Number);
      expect(hit).toBe(all);
      expect(record.figures.find((f) => f.id === "1")!.values.kpMBps).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it("the agreement checks catch a one-cent or one-millionth difference", async () => {
    const rules = rulesSources();
    const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
    const units = generateUnits(cat, 60);
    const { mod, dispose } = await importCompiled(cat, "smoke");
    try {
      const compiled = mod.scoreAll(units, { detail: false });
      const interpreted = new Interpreter(cat).scoreAll(units);
      const hand = scoreAllHandwritten(units);
      expect(diffExact(compiled, interpreted)).toEqual([]);
      expect(diffCents(compiled, hand)).toEqual([]);

      const cent = hand.map((h, i) => (i === 7 ? { ...h, total: (Number(h.total) + 0.01).toFixed(2) } : h));
      expect(diffCents(compiled, cent)).toHaveLength(1);
      const raw = interpreted.map((x, i) => (i === 3 ? { ...x, exactTotal: `${x.exactTotal}000001` } : x));
      expect(diffExact(compiled, raw)[0]).toMatch(/^#4: compiled/);
      const grade = interpreted.map((x, i) => (i === 0 ? { ...x, grade: "不合格" === x.grade ? "合格" : "不合格" } : x));
      expect(diffExact(compiled, grade)).toHaveLength(1);
    } finally {
      dispose();
    }
  });
});
