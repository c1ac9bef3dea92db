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
import { CheckCache, checkCatalogue, emitJs, LineIndex, parseKp, type Catalogue, type CheckResult, type Diagnostic, type LoadedFile } from "@kaoping/core";
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { generateCatalogue } from "../../../bench/src/gen-catalogue.js";
import { loadLint } from "../src/integrations.js";
import { DiagnosticsPublisher, orderAndCap } from "../src/publisher.js";
import { MemoryFileSystem } from "../src/service/files.js";
import { INCREMENTAL_MIN_CHARS, reparse } from "../src/service/incremental.js";
import { Project, type CatalogueState } from "../src/service/project.js";
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

/**
 * What the language server does per keystroke on top of the check (session 22): the linter's
 * clause index (rules by normalised clause, updated from the previous keystroke's for the edited
 * item's rules only) and the diagnostics as published (ordered and capped before converting) equal
 * what a fresh project finds and a conversion of everything then capped gives.
 */
describe("incremental lint and publish", () => {
  const FILE = "/w/细则.kp";
  const lintKey = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.span.start.offset}-${d.span.end.offset} ${d.message}`).sort();

  it("the whole lint after edits that move rules between clause groups equals a fresh project's", async () => {
    const lint = await loadLint();
    // Each clause is carried by the rules of two items, one writing each of its amounts (the other
    // rule of a clause accounts for the amount a rule does not write: moving a rule to another
    // clause changes its partner's findings).
    const clauses: string[] = [];
    let base = "";
    for (let i = 0; base.length < INCREMENTAL_MIN_CHARS * 1.5; i++) {
      const clause = `第${i >> 1}类问题，发现一次扣0.5分或1分`;
      if (i % 2 === 0) clauses.push(clause);
      base += `指标 「项${i}」 4分 {\n  规则 「规则${i}」 「${clause}」\n    每次 扣 ${i % 2 === 0 ? "0.5" : "1"} 上限 2\n}\n`;
    }
    const clauseRe = /(?<=规则\s*「[^」\n]*」\s*「)[^」\n]*(?=」)/g;
    let runs = 0;
    let carried = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const project = new Project(new MemoryFileSystem({ [FILE]: base }), { folders: ["/w"], lint });
        let text = base;
        project.setDocument(FILE, text);
        project.catalogueOf(FILE);
        for (const [at, pick, kind] of edits) {
          if (kind === 0) {
            // another rule's clause: the rule leaves its clause group for another
            const all = [...text.matchAll(clauseRe)];
            const m = all[at % all.length]!;
            text = text.slice(0, m.index) + clauses[pick % clauses.length]! + text.slice(m.index + m[0].length);
          } else if (kind === 3) {
            // a blank line (or one taken away again): the findings after it move by a line
            const all = [...text.matchAll(/\n(?=\n| {2}规则)/g)];
            const m = all[at % all.length]!;
            text = pick % 2 === 0 || text[m.index + 1] !== "\n" ? text.slice(0, m.index) + "\n" + text.slice(m.index) : text.slice(0, m.index) + text.slice(m.index + 1);
          } else text = applyEdit(text, [kind === 1 ? 2 : 1, at, pick], []);
          project.setDocument(FILE, text);
          // as while typing: checked, the edited item linted; then the whole lint after the pause
          const provisional = project.provisionalDiagnostics(project.catalogueOf(FILE, { lint: false }));
          // findings carried over from the previous version stand where their offsets are in this text
          const lines = new LineIndex(text);
          for (const d of provisional) expect(d.span).toEqual(lines.span(d.span.start.offset, d.span.end.offset));
          if (provisional.length > 100) carried++;
          const shown = project.catalogueOf(FILE).diagnostics;
          const fresh = new Project(new MemoryFileSystem({ [FILE]: text }), { folders: ["/w"], lint });
          fresh.setDocument(FILE, text);
          expect(lintKey(shown)).toEqual(lintKey(fresh.catalogueOf(FILE).diagnostics));
          runs++;
        }
      }),
      { numRuns: Number(process.env.KP_FC_RUNS ?? 15), seed: Number(process.env.KP_FC_SEED ?? 20261205) },
    );
    expect(runs).toBeGreaterThan(15);
    expect(carried).toBeGreaterThan(10); // most edits leave the catalogue lintable: findings are carried
  }, 300_000);

  it("publishes the capped list a conversion of every diagnostic gives", () => {
    const at = (line: number, severity: Diagnostic["severity"], code: string): Diagnostic => ({
      code: code as Diagnostic["code"],
      severity,
      message: code,
      file: FILE,
      span: { start: { offset: line * 10, line, column: 1 }, end: { offset: line * 10 + 2, line, column: 3 } },
    });
    const sevs: Diagnostic["severity"][] = ["hint", "warning", "error", "info"];
    const list = Array.from({ length: 1700 }, (_, i) => at(i + 1, sevs[(i * 7) % 4]!, `KP${3000 + (i % 97)}`));
    const toLsp = (d: Diagnostic): LspDiagnostic => ({
      range: { start: { line: d.span.start.line - 1, character: d.span.start.column - 1 }, end: { line: d.span.end.line - 1, character: d.span.end.column - 1 } },
      severity: ({ error: 1, warning: 2, info: 3, hint: 4 } as const)[d.severity],
      code: d.code,
      source: "kp",
      message: d.message,
    });
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher({ send: (p) => sent.push(p), uriOf: (p) => `file://${p}`, versionOf: () => 3, toDiagnostic: toLsp, left: () => {} });
    const state = { root: FILE, files: [FILE] } as unknown as CatalogueState;
    publisher.publish(state, list);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.diagnostics).toEqual(orderAndCap(list.map(toLsp)));
    // the same list again for the same version is not sent; a changed one is
    publisher.publish(state, list);
    expect(sent).toHaveLength(1);
    publisher.publish(state, list.slice(1));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.diagnostics).toEqual(orderAndCap(list.slice(1).map(toLsp)));
  });
});
