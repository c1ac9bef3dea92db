// The seed round trip, scores (issue 13 §6): the imported catalogue scores examples/各县事实.csv as
// rules/ does (examples/expected.json, computed by hand).  It needs the recogniser (helper "recog":
// the 待补 marker in core and the clause recogniser); until both are in this branch the comparison is
// skipped and the test below says so.  Facts are keyed by rule name: the CSV's columns are renamed
// from rules/'s names to the import's through the clause each rule carries (the same verbatim text).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { importDocument } from "@kaoping/import";
import { coreKnowsTodo, repoRoot, seedPath, writeFiles } from "./helpers.js";

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string;
  indicators: Record<string, string>;
}

/**
 * Differences between the import and rules/ that are not the recogniser's to remove: each is a
 * reading the author of rules/ added to what the document says.
 */
const EXPLAINED: Record<string, string> = {
  grade: "rules/ 的等次阈值是示意（原文的等次评定部分在缺失的后半部分）；导入的细则没有等次，不比较等次",
  total: "rules/ 写了「舍入 保留 2 位」（原文未写）；导入的总分不舍入，与 expected.json 的 exactTotal 比较",
  "类别": "rules/ 声明了类别「县区」「园区」（原文只在标题中写「各县（区）、园区」）；导入的细则不声明类别，事实表的「类别」列不用",
};

const norm = (s: string): string => s.replace(/[。；;\s]+$/g, "").replace(/\s+/g, "");

describe("seed round trip: scores of examples/", async () => {
  const r = await importDocument(seedPath, readFileSync(seedPath));
  if (!r.ok) throw new Error(r.problem.message);
  const ready = coreKnowsTodo && r.report.summary.recognised > 0;

  it.skipIf(ready)("is skipped until the recogniser is merged: today every clause is a to-do, none guessed", () => {
    expect(r.report.summary.recognised).toBe(0);
    expect(r.report.summary.todo).toBe(129);
  });

  it.skipIf(!ready)("gives every unit's first-level and lower scores as rules/ does; every difference explained", () => {
    const dir = writeFiles(r.files, false);
    const hand = analyzeCatalogue(join(repoRoot, "rules", "细则.kp"), nodeHost).catalogue;
    const byClause = new Map(r.report.clauses.map((c) => [norm(c.text), c.rule]));
    const rename = new Map<string, string>();
    const unmapped: string[] = [];
    for (const rule of hand.rules) {
      const to = byClause.get(norm(rule.clause));
      if (to) rename.set(rule.name, to);
      else unmapped.push(`${rule.name}「${rule.clause}」`);
    }
    const csv = readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
    const header = csv[0]!.split(",");
    const keep = header.map((h) => h === "单位" || rename.has(h.split(".")[0]!));
    const renamed = header.map((h) => (h === "单位" ? h : [rename.get(h.split(".")[0]!), ...h.split(".").slice(1)].join(".")));
    const facts = [renamed.filter((_, i) => keep[i]).join(","), ...csv.slice(1).filter((l) => l).map((l) => l.split(",").filter((_, i) => keep[i]).join(","))].join("\n");
    writeFileSync(join(dir, "事实.csv"), facts);
    const cli = join(repoRoot, "packages", "cli", "dist", "cli.js");
    const run = spawnSync(process.execPath, [cli, "score", dir, join(dir, "事实.csv"), "--format", "json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    const got = JSON.parse(run.stdout) as { unit: string; exactTotal: string; indicators: { id: string; score: string }[] }[];
    const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as Expected[];
    const differences: string[] = [];
    for (const e of expected) {
      const u = got.find((g) => g.unit === e.unit);
      if (!u) {
        differences.push(`${e.unit}: 没有结果`);
        continue;
      }
      if (u.exactTotal !== e.exactTotal) differences.push(`${e.unit} 总分: ${u.exactTotal} ≠ ${e.exactTotal}`);
      for (const ind of u.indicators) if (e.indicators[ind.id] !== undefined && ind.score !== e.indicators[ind.id]) differences.push(`${e.unit} ${ind.id}: ${ind.score} ≠ ${e.indicators[ind.id]}`);
    }
    // Every difference must be explained here (add it to EXPLAINED with the reason) or fixed.
    expect({ unmapped, differences }).toEqual({ unmapped: [], differences: [] });
    expect(Object.keys(EXPLAINED)).toEqual(["grade", "total", "类别"]);
  });
});
