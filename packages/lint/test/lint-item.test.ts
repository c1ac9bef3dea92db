/**
 * lintItem (the editor's per-keystroke lint of the edited indicator) finds exactly what the whole
 * lint finds inside that item with the codes it can report: for every top-level item of rules/
 * (with and without its suppressions), of a generated catalogue, and of hundreds of randomly
 * altered versions of rules/ (amounts, caps and points changed, rules deleted: the findings move).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, type Analysis, type Diagnostic, type SourceHost } from "@kaoping/core";
import { itemLintCodes, lintAnalysis, lintItem, type LintConfig } from "@kaoping/lint";
import { generateCatalogue } from "../../../bench/src/gen-catalogue.js";

const rulesDir = resolve(__dirname, "../../../rules");
const rulesFiles = new Map(readdirSync(rulesDir).filter((f) => f.endsWith(".kp")).map((f) => [`/mem/${f}`, readFileSync(join(rulesDir, f), "utf8")]));

function memoryHost(files: ReadonlyMap<string, string>): SourceHost {
  return {
    read: (p) => {
      const text = files.get(p);
      return text === undefined ? { ok: false, code: "KP0001", args: [p] } : { ok: true, text };
    },
    resolve: (_from, target) => `/mem/${target}`,
  };
}

function analyse(files: ReadonlyMap<string, string>, root: string): Analysis {
  return analyzeCatalogue(root, memoryHost(files));
}

const plain = (ds: readonly Diagnostic[]) => JSON.parse(JSON.stringify(ds)) as unknown;

/** Compares lintItem with the whole lint on every top-level item; returns how many findings were compared. */
function compareAll(a: Analysis, config: LintConfig = {}): number {
  const whole = lintAnalysis(a, config);
  let compared = 0;
  for (const f of a.files) {
    for (const item of f.parsed.ast.items) {
      if (item.kind !== "Indicator" && item.kind !== "BonusSection" && item.kind !== "PenaltySection") continue;
      const expected = whole.filter(
        (d) => itemLintCodes.has(d.code) && d.file === f.path && d.span.start.offset >= item.span.start.offset && d.span.end.offset <= item.span.end.offset,
      );
      const got = lintItem(a, f.path, item, config);
      expect(got).toBeDefined();
      expect(plain(got!)).toEqual(plain(expected));
      compared += expected.length;
    }
  }
  return compared;
}

describe("lintItem", () => {
  it("equals the whole lint inside each item of rules/, with and without suppressions", () => {
    expect(compareAll(analyse(rulesFiles, "/mem/细则.kp"))).toBeGreaterThanOrEqual(0);
    const bare = new Map([...rulesFiles].map(([p, t]) => [p, t.replace(/^[ \t]*\/\/ kp-disable.*$/gm, "")]));
    // Without the suppressions, rules/ has findings of item rules to compare.
    expect(compareAll(analyse(bare, "/mem/细则.kp"))).toBeGreaterThan(5);
  });

  it("equals the whole lint inside each item of a generated catalogue", () => {
    const gen = generateCatalogue({ lines: 3000 }, 3);
    compareAll(analyse(new Map([["/mem/细则.kp", gen.kp]]), "/mem/细则.kp"));
  });

  it("honours the configuration (a rule turned off or down)", () => {
    const bare = new Map([...rulesFiles].map(([p, t]) => [p, t.replace(/^[ \t]*\/\/ kp-disable.*$/gm, "")]));
    const a = analyse(bare, "/mem/细则.kp");
    compareAll(a, { rules: { "missing-cap": "off", "points-sum": "info" } });
  });

  it("equals the whole lint on randomly altered catalogues", () => {
    const names = [...rulesFiles.keys()].filter((p) => !p.endsWith("细则.kp"));
    let findings = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("0", "0.5", "1", "2", "3.5", "10", "100", "DELETE_LINE")), { minLength: 1, maxLength: 6 }),
        (file, edits) => {
          let text = rulesFiles.get(file)!.replace(/^[ \t]*\/\/ kp-disable.*$/gm, "");
          for (const [at, what] of edits) {
            const numbers = [...text.matchAll(/(?<=(?:扣|得|上限|[^\d.]) )\d+(?:\.\d+)?(?=分?\s)/g)];
            if (numbers.length === 0) break;
            const m = numbers[at % numbers.length]!;
            if (what === "DELETE_LINE") {
              const start = text.lastIndexOf("\n", m.index) + 1;
              const end = text.indexOf("\n", m.index);
              const line = text.slice(start, end < 0 ? text.length : end);
              // only whole one-line rules: deleting other lines would mostly give syntax errors
              if (/^\s*规则 /.test(line)) text = text.slice(0, start) + text.slice(end < 0 ? text.length : end + 1);
            } else text = text.slice(0, m.index) + what + text.slice(m.index + m[0].length);
          }
          const files = new Map(rulesFiles);
          files.set(file, text);
          findings += compareAll(analyse(files, "/mem/细则.kp"));
        },
      ),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 150), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    expect(findings).toBeGreaterThan(100);
  }, 120_000);

  it("declines a catalogue with syntax errors and an item that is not an indicator or section", () => {
    const broken = new Map(rulesFiles);
    const first = [...rulesFiles.keys()].find((p) => p.includes("01-"))!;
    broken.set(first, rulesFiles.get(first)!.replace("每次 扣", "每次 扣 扣"));
    const a = analyse(broken, "/mem/细则.kp");
    const f = a.files.find((x) => x.path === first)!;
    expect(lintItem(a, first, f.parsed.ast.items.find((i) => i.kind === "Indicator")!)).toBeUndefined();
    const ok = analyse(rulesFiles, "/mem/细则.kp");
    const root = ok.files[0]!;
    expect(lintItem(ok, root.path, root.parsed.ast.items.find((i) => i.kind === "Title")!)).toBeUndefined();
  });
});
