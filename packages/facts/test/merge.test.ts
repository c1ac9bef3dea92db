/**
 * Merged returns, in process: splitting a facts file by department (the way kp template --by 考评单位
 * splits columns), in any order of files, rows and columns, and merging it back with mergeFacts scores
 * exactly as the whole file (fast-check); what a merge reports (KP4080–KP4085) for CSV and JSON.
 */
import { analyzeCatalogue, compileCatalogue, importCompiledModule, nodeHost, type ScoringModule } from "@kaoping/core";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { departmentOf, factOwners, loadFacts, loadFactsFiles, locateFactErrors, mergeFacts, type LoadedFacts } from "../src/index.js";

const catalogueFile = fileURLToPath(new URL("../../cli/test/fixtures/merge/细则.kp", import.meta.url));
let mod: ScoringModule;

beforeAll(async () => {
  const a = analyzeCatalogue(catalogueFile, nodeHost, undefined, { requireRoot: true });
  mod = await importCompiledModule(compileCatalogue(a.catalogue, {}).js);
});

const count = fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 5 }).map(String));
const pct = fc.integer({ min: 0, max: 1000 }).map((n) => `${n / 10}%`);
const ids = fc.subarray(["事件A", "事件B", "事件C"], { minLength: 1 }).map((l) => l.join("、"));
/** A value for each fact key of merge/细则.kp, as people write them in cells. */
const values: Record<string, fc.Arbitrary<string>> = {
  参会: count,
  清退: fc.constantFrom("", "是", "否"),
  信息完成率: fc.oneof(fc.constant(""), fc.constant("未报送"), pct),
  "违纪.轻处分": count,
  "违纪.重处分": count,
  通报: fc.oneof(count, ids),
  约谈: fc.oneof(count, ids),
  学习活动: fc.constantFrom("", "是", "否", "0.5", "1.25"),
  评价得分: fc.integer({ min: 0, max: 400 }).map((n) => String(n / 100)),
  满意度: pct,
  公开评价: fc.constantFrom("好", "较好", "一般", "差"),
  安全事故: fc.constantFrom("", "是", "否"),
  国家表彰: count,
};
const keys = Object.keys(values);
const unit = fc.record({ classes: fc.constantFrom("县区", "园区"), facts: fc.record(values) });
const units = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[甲乙丙丁戊己庚辛]{1,2}[县区]$/), unit), { minLength: 1, maxLength: 8, selector: ([n]) => n });

/** A small deterministic random generator (mulberry32), for shuffles within one run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");

function writeCsv(dir: string, name: string, header: string[], rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, [header, ...rows].map(csvLine).join("\n") + "\n");
  return file;
}

const scores = (facts: LoadedFacts) => JSON.stringify(mod.scoreAll(facts.units, { detail: true }));
const errorsOf = (facts: LoadedFacts) => mod.checkFacts(facts.units).map((e) => `${e.code} ${e.unit} ${e.key}`).sort();

describe("split by department and merged back", () => {
  it("scores identically to the whole file (any unit order per file, any file order)", async () => {
    const owners = factOwners(mod.catalogue);
    const departments = [...new Set(keys.map((k) => departmentOf(owners.get(k))))];
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(units, fc.integer(), async (list, seed) => {
        const dir = mkdtempSync(join(tmpdir(), "kp-split-"));
        const row = (name: string, u: (typeof list)[number][1], cols: string[]) => [name, u.classes, ...cols.map((k) => u.facts[k as keyof typeof u.facts])];
        const whole = await loadFacts(writeCsv(dir, "全部.csv", ["单位", "类别", ...keys], list.map(([n, u]) => row(n, u, keys))), mod.catalogue);
        const next = random(seed);
        const shuffle = <T>(xs: T[]) => xs.map((x) => [next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const files: LoadedFacts[] = [];
        for (const d of shuffle(departments)) {
          const cols = shuffle(keys.filter((k) => departmentOf(owners.get(k)) === d));
          files.push(await loadFacts(writeCsv(dir, `${d}.csv`, ["单位", "类别", ...cols], shuffle(list).map(([n, u]) => row(n, u, cols))), mod.catalogue));
        }
        const merged = mergeFacts(files, mod.catalogue);
        expect(merged.diagnostics.filter((d) => d.code !== "KP4084")).toEqual([]);
        // A department whose cells happen to be all blank is an unfilled return (KP4084): nothing to compare.
        if (merged.diagnostics.length > 0) return;
        expect(errorsOf(merged)).toEqual(errorsOf(whole));
        if (errorsOf(whole).length === 0) {
          expect(scores(merged)).toBe(scores(whole));
          compared++;
        }
      }),
      { numRuns: 40 },
    );
    // The property did compare scores, not only skip.
    expect(compared).toBeGreaterThan(20);
  }, 120_000);
});

describe("what a merge reports", () => {
  it("a CSV and a JSON return giving the same fact: KP4080 at the second, naming both places", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-merge-"));
    writeFileSync(join(dir, "a.csv"), "单位,类别,参会,评价得分,满意度,公开评价\n甲县,县区,2,3,90%,好\n");
    writeFileSync(join(dir, "b.json"), '[{"name": "甲县", "facts": {"参会": 3}}]\n');
    const merged = await loadFactsFiles([dir], mod.catalogue, { shown: (f) => f.slice(dir.length + 1) });
    const d = merged.diagnostics.find((x) => x.code === "KP4080")!;
    expect(d.message).toBe("单位「甲县」的「参会」在两个文件中都填写了：a.csv 第 2 行第 3 列（C2）填「2」，b.json 第 1 行填「3」；同一个事实只能由一个文件填写");
    expect(d.file).toBe(join(dir, "b.json"));
    expect(d.span.start.line).toBe(1);
    expect(d.related?.[0]?.file).toBe(join(dir, "a.csv"));
  });

  it("a required fact no file has a column for: one KP4085 naming its department, no KP4008 per unit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-merge-"));
    writeFileSync(join(dir, "a.csv"), "单位,类别,参会\n甲县,县区,1\n乙县,县区,\n");
    writeFileSync(join(dir, "b.csv"), "单位,类别,评价得分,公开评价\n甲县,县区,3,好\n乙县,县区,4,差\n");
    const merged = await loadFactsFiles([join(dir, "a.csv"), join(dir, "b.csv")], mod.catalogue);
    const located = locateFactErrors(merged, mod.checkFacts(merged.units), mod.catalogue);
    expect(located.map((d) => `${d.code} ${d.message}`)).toEqual(["KP4085 没有一个事实文件有「满意度」列：它由考评单位「组织部」填写（规则「满意度」，指标「组织建设」），2 个单位因此缺少这个事实"]);
  });

  it("one file is read as loadFacts reads it (same object shape, no merge)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-merge-"));
    writeFileSync(join(dir, "a.csv"), "单位,类别,参会\n甲县,县区,1\n");
    const one = await loadFactsFiles([join(dir, "a.csv")], mod.catalogue);
    expect(one.merged).toBeUndefined();
    const direct = await loadFacts(join(dir, "a.csv"), mod.catalogue);
    expect({ units: one.units, diagnostics: one.diagnostics, rows: one.rows, text: one.text }).toEqual({ units: direct.units, diagnostics: direct.diagnostics, rows: direct.rows, text: direct.text });
  });
});
