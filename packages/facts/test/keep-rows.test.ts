// A CSV facts file read with only some rows (keep-rows.ts): the rows kept are read exactly as the
// whole-file reader reads them — the same units, and the module's problems located at the same
// lines, cells and code frames — whatever the line ends (CRLF, LF, CR, mixed), a BOM, blank lines,
// blanks around values; undefined for what it does not read (a quote anywhere, a row of another width).
import { analyzeCatalogue, compileCatalogue, importCompiledModule, nodeHost, type FactError, type ScoringModule } from "@kaoping/core";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFacts, locateFactErrors, readKeptRows, type LoadedFacts } from "../src/index.js";

const catalogueFile = fileURLToPath(new URL("../../cli/test/fixtures/merge/细则.kp", import.meta.url));
let mod: ScoringModule;
beforeAll(async () => {
  const a = analyzeCatalogue(catalogueFile, nodeHost, undefined, { requireRoot: true });
  mod = await importCompiledModule(compileCatalogue(a.catalogue, {}).js);
});

const HEADER = ["单位", "类别", "参会", "信息完成率", "学习活动", "安全事故"];
// values good and bad (很多, 九十: problems the module reports at their cells)
const cell = [fc.constantFrom("县区", "园区", "乡镇"), fc.constantFrom("", "2", "很多", " 3 "), fc.constantFrom("", "87.5%", "九十", "未报送"), fc.constantFrom("", "是", "否", "也许"), fc.constantFrom("", "是", "否")] as const;
const row = fc.tuple(...cell);
const lineEnd = fc.constantFrom("\n", "\r\n", "\r");

function problems(facts: LoadedFacts): FactError[] {
  try {
    mod.scoreAll(facts.units, { detail: false });
    return [];
  } catch (e) {
    return (e as { errors?: FactError[] }).errors ?? [];
  }
}

describe("readKeptRows", () => {
  it("reads the rows kept as the whole-file reader does: units, and problems at the same cells and code frames", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-keep-rows-"));
    const file = join(dir, "事实.csv");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(row, lineEnd, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 12 }), fc.boolean(), lineEnd, async (rows, bom, headerEnd) => {
        let text = (bom ? "\uFEFF" : "") + HEADER.join(",") + headerEnd;
        const names: string[] = [];
        const kept = new Set<string>();
        rows.forEach(([cells, end, keep, blankBefore], i) => {
          const name = `单位${i}`;
          names.push(name);
          if (keep) kept.add(name);
          if (blankBefore) text += ",,," + end;
          text += [name, ...cells].join(",") + (i < rows.length - 1 ? end : "");
        });
        writeFileSync(file, text);
        const whole = await loadFacts(file, mod.catalogue);
        const some = readKeptRows(file, mod.catalogue, (n) => kept.has(n));
        expect(some).toBeDefined();
        expect(some!.diagnostics).toEqual(whole.diagnostics);
        expect(some!.units).toEqual(whole.units.filter((u) => kept.has(u.name)));
        // the module's problems of the rows kept, located: the same as in the whole file
        const all = problems(whole).filter((p) => p.unit !== undefined && kept.has(p.unit));
        // (a file with no row kept has no unit at all: KP4012, about no row)
        expect(problems(some!).filter((p) => p.unit !== undefined)).toEqual(all);
        expect(locateFactErrors(some!, all, mod.catalogue)).toEqual(locateFactErrors(whole, all, mod.catalogue));
        expect(some!.text).toBe(whole.text);
      }),
      { numRuns: 150 },
    );
  });

  it("reads nothing it cannot read as lines: a quote anywhere, a row of another width", () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-keep-rows-"));
    const file = join(dir, "事实.csv");
    writeFileSync(file, HEADER.join(",") + '\n甲县,县区,1,"87.5%",是,否\n');
    expect(readKeptRows(file, mod.catalogue, () => true)).toBeUndefined();
    writeFileSync(file, HEADER.join(",") + "\n甲县,县区,1,87.5%,是\n");
    expect(readKeptRows(file, mod.catalogue, () => true)).toBeUndefined();
    writeFileSync(file, HEADER.join(",") + "\n甲县,县区,1,87.5%,是,否\n");
    expect(readKeptRows(file, mod.catalogue, () => true)?.units.map((u) => u.name)).toEqual(["甲县"]);
  });
});
