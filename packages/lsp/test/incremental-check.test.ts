/**
 * Incremental checking (core's CheckCache, as the editor uses it) gives exactly what checking from
 * scratch gives: on rules/ (several files; an edited small file is parsed whole, the other files'
 * items are kept) and on a generated 10,000-line catalogue (parsed incrementally, the items after
 * the edit moved in place), after chains of random single edits — a character inserted or deleted,
 * a number changed, a rule renamed (to a new name or to another rule's name), the syntax broken and
 * mended — the diagnostics (with ranges, related places and fixes), the checked model and the
 * scoring module compiled from it equal those of a fresh parse checked without a cache.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CheckCache, checkCatalogue, emitJs, parseKp, type Catalogue, type CheckResult, type LoadedFile } from "@kaoping/core";
import { generateCatalogue } from "../../../bench/src/gen-catalogue.js";
import { reparse } from "../src/service/incremental.js";
import { rulesDir } from "./helpers.js";

/** The model as plain data: AST nodes by their spans, links up the tree and to other models by id or name. */
function plainModel(cat: Catalogue): unknown {
  const up = new Set(["parent", "owner", "group"]);
  return JSON.parse(
    JSON.stringify({ ...cat, files: cat.files.map((f) => f.path) }, (key, value: unknown) => {
      if (up.has(key)) return undefined;
      if (key === "node") return (value as { span?: unknown }).span;
      if (key === "indicator" && value && typeof value === "object" && (value as { kind?: string }).kind === "indicator") return (value as { id: string }).id;
      return value;
    }),
  ) as unknown;
}

function observable(r: CheckResult) {
  const errors = r.diagnostics.some((d) => d.severity === "error");
  return {
    diagnostics: JSON.parse(JSON.stringify(r.diagnostics)) as unknown,
    model: plainModel(r.catalogue),
    // The scoring module (emitted only where it would be: without errors).
    module: errors ? "" : emitJs(r.catalogue),
  };
}

/** A catalogue being edited: each file's parse chained through the editor's incremental re-parse. */
class Edited {
  readonly files: LoadedFile[];
  readonly cache = new CheckCache();
  reused = 0;
  checked = 0;

  constructor(texts: [string, string][]) {
    this.files = texts.map(([p, text]) => ({ path: p, text, parsed: parseKp(text, p) }));
  }

  edit(i: number, text: string): void {
    const prev = this.files[i]!;
    this.files[i] = { path: prev.path, text, parsed: reparse(prev, text) ?? parseKp(text, prev.path) };
  }

  /** Checks incrementally and from scratch; expects them equal. */
  compare(): void {
    const inc = checkCatalogue(
      this.files.map((f) => f.parsed.ast),
      { cache: this.cache },
    );
    this.reused += this.cache.last.reused;
    this.checked += this.cache.last.checked;
    const full = checkCatalogue(this.files.map((f) => parseKp(f.text, f.path).ast));
    expect(observable(inc)).toEqual(observable(full));
  }
}

const numberRe = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;
const ruleNameRe = /(?<=规则\s*「)[^」\n]*(?=」)/g;
const pieces = ["1", "0", "5", "扣", "每次", "上限", "「", "」", "{", "}", " ", "\n", "分", "x", "得", "规则", "择一", "合计", "等次"];

type Edit = [kind: number, at: number, pick: number];

/** One random edit of `text` (see the header). */
function applyEdit(text: string, [kind, at, pick]: Edit, names: readonly string[]): string {
  const matchAt = (re: RegExp) => {
    const all = [...text.matchAll(re)];
    return all.length === 0 ? undefined : all[at % all.length]!;
  };
  switch (kind % 6) {
    case 0: {
      const i = at % (text.length + 1);
      return text.slice(0, i) + pieces[pick % pieces.length]! + text.slice(i);
    }
    case 1: {
      const i = at % Math.max(1, text.length);
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 2:
    case 3: {
      const m = matchAt(numberRe);
      if (!m) return text;
      const v = ["0", "1", "2", "0.5", "3.5", "10", "100", "1000", "0.1234567"][pick % 9]!;
      return text.slice(0, m.index) + v + text.slice(m.index + m[0].length);
    }
    case 4: {
      const m = matchAt(ruleNameRe);
      if (!m) return text;
      const v = pick % 2 === 0 ? `新名${pick}` : (names[pick % names.length] ?? "甲");
      return text.slice(0, m.index) + v + text.slice(m.index + m[0].length);
    }
    default: {
      // break the syntax at a rule (a doubled keyword); the next edits may mend it or not
      const m = matchAt(/每次 扣|扣 /g);
      return m ? text.slice(0, m.index) + "扣 扣 " + text.slice(m.index + m[0].length) : text;
    }
  }
}

const editArb = fc.tuple(fc.nat(), fc.nat(), fc.nat());

describe("incremental checking", () => {
  const rulesTexts: [string, string][] = readdirSync(rulesDir)
    .filter((f) => f.endsWith(".kp"))
    .sort((a, b) => (a === "细则.kp" ? -1 : b === "细则.kp" ? 1 : a < b ? -1 : 1))
    .map((f) => [`/mem/${f}`, readFileSync(path.join(rulesDir, f), "utf8")]);
  const ruleNames = [...rulesTexts.map(([, t]) => t).join("\n").matchAll(ruleNameRe)].map((m) => m[0]);

  it("equals a check from scratch on rules/ after chains of random single edits", () => {
    let reused = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), editArb), { minLength: 1, maxLength: 8 }), (edits) => {
        const e = new Edited(rulesTexts);
        e.compare();
        for (const [file, edit] of edits) {
          const i = file % e.files.length;
          e.edit(i, applyEdit(e.files[i]!.text, edit, ruleNames));
          e.compare();
        }
        reused += e.reused;
      }),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 40), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    // Items of the files not edited are really reused.
    expect(reused).toBeGreaterThan(100);
  }, 120_000);

  it("equals a check from scratch on a generated 10,000-line catalogue after chains of random single edits", () => {
    const gen = generateCatalogue({ lines: 10_000 }, 3);
    const names = [...gen.kp.matchAll(ruleNameRe)].map((m) => m[0]);
    let reused = 0;
    let checked = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        const e = new Edited([["/mem/细则.kp", gen.kp]]);
        e.compare();
        const before = e.reused + e.checked;
        for (const edit of edits) {
          e.edit(0, applyEdit(e.files[0]!.text, edit, names));
          e.compare();
        }
        reused += e.reused;
        checked += e.checked - before;
      }),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 6), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    // Edits inside an item of an error-free file re-check that item and keep the others.
    expect(reused).toBeGreaterThan(checked);
  }, 300_000);

  it("a typed digit re-checks the edited indicator only", () => {
    const gen = generateCatalogue({ lines: 10_000 }, 3);
    const e = new Edited([["/mem/细则.kp", gen.kp]]);
    e.compare();
    const text = e.files[0]!.text;
    const m = [...text.matchAll(/扣 (\d+(?:\.\d+)?)/g)][500]!;
    e.edit(0, text.slice(0, m.index + 2) + "1" + text.slice(m.index + 2));
    e.compare();
    const items = e.files[0]!.parsed.ast.items.filter((i) => i.kind === "Indicator" || i.kind === "BonusSection" || i.kind === "PenaltySection");
    expect(items.length).toBeGreaterThan(20);
    expect(e.cache.last).toEqual({ checked: 1, reused: items.length - 1 });
  }, 60_000);
});
