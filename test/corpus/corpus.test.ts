/**
 * The corpus of real clauses (issue 11): the data is well formed, every faithful encoding checks
 * clean (`kp check`, run as users run it), the generated catalogues and mis-encodings are up to date,
 * and the figures are computed, printed and compared with test/corpus/figures.json (a golden:
 * `pnpm run update-golden` or `npx tsx scripts/corpus-figures.ts --write` regenerates it).
 *
 * The figures are for the team to track, not asserted against the targets: this test asserts
 * only what is true today.  Regenerate after editing test/corpus/clauses/:
 * `npx tsx scripts/corpus-figures.ts --write`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { expectGolden } from "../golden.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileCatalogue } from "@kaoping/core";
import {
  analyse,
  CORPUS_DIR,
  computeFigures,
  FIGURES_FILE,
  formatFigures,
  generateMisEncodings,
  isEncoded,
  KP_DIR,
  loadMisEncodings,
  loadRulebooks,
  renderCatalogue,
  rowPointsProblems,
  rulesOf,
} from "./corpus-lib.js";

const REPO = join(CORPUS_DIR, "../..");
const CLI = join(REPO, "packages/cli/dist/cli.js");
const books = loadRulebooks();
const clauses = books.flatMap((b) => b.clauses);

describe("corpus of real clauses", () => {
  it("has at least 300 clauses from at least 10 rulebooks, each with its source", () => {
    expect(books.length).toBeGreaterThanOrEqual(10);
    expect(clauses.length).toBeGreaterThanOrEqual(300);
    for (const b of books) {
      expect(b.title, b.id).not.toBe("");
      expect(b.issuer, b.id).not.toBe("");
      expect(b.source, b.id).toMatch(/^https?:\/\//);
      expect(b.found, b.id).not.toBe("");
      expect(b.year === null || (Number.isInteger(b.year) && b.year > 1990), b.id).toBe(true);
      expect(b.clauses.length, b.id).toBeGreaterThan(0);
    }
  });

  it("gives every clause a unique id, its text, and either an encoding or what it needs", () => {
    const ids = new Set<string>();
    for (const c of clauses) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
      for (const [name] of rulesOf(c).slice(1)) ids.add(name);
      expect(c.text.trim(), c.id).not.toBe("");
      expect(c.text, c.id).not.toMatch(/\n/);
      if (isEncoded(c)) expect(c.needs, c.id).toBeUndefined();
      else {
        expect(Array.isArray(c.needs), c.id).toBe(true);
        for (const n of c.needs!) expect(Number.isInteger(n) && n >= 1 && n <= 16, `${c.id}: ${n}`).toBe(true);
        expect(c.why ?? "", c.id).not.toBe("");
      }
    }
  });

  it("gives row points (rowPoints) only as decimal text, on items' clauses, within the item's points", () => {
    expect(books.flatMap(rowPointsProblems)).toEqual([]);
    // 206 and 212: every requirement row of their items shows its points
    expect(clauses.filter((c) => /^(hcyj|gkwh)-/.test(c.id) && c.rowPoints !== undefined)).toHaveLength(32);
  });

  it("keeps the generated catalogues and mis-encodings up to date", () => {
    const files = readdirSync(KP_DIR).filter((f) => f.endsWith(".kp")).sort();
    expect(files).toEqual(books.map((b) => `${b.id}.kp`).sort());
    for (const b of books) expect(readFileSync(join(KP_DIR, `${b.id}.kp`), "utf8"), b.id).toBe(renderCatalogue(b));
    expect(loadMisEncodings()).toEqual(generateMisEncodings(books));
  });

  it("carries every encoded clause verbatim in its rules", () => {
    for (const b of books) {
      const text = readFileSync(join(KP_DIR, `${b.id}.kp`), "utf8");
      for (const c of b.clauses) for (const [name] of rulesOf(c)) expect(text, name).toContain(`规则 「${name}」 「${c.text}」`);
      // a header clause (scope: header) is written in the header, its clause as a comment above it
      for (const c of b.clauses.filter((x) => x.scope === "header")) expect(text, c.id).toContain(`// ${c.id}：${c.text}\n${c.kp as string}\n`);
    }
  });

  it("checks every faithful encoding clean (kp check, as a user runs it)", () => {
    expect(existsSync(CLI), "build the CLI first: pnpm run build").toBe(true);
    const r = spawnSync(process.execPath, [CLI, "check", "--no-color", KP_DIR], { encoding: "utf8" });
    expect(r.stderr + r.stdout).toContain(`检查了 ${books.length} 个文件：0 个错误`);
    expect(r.status).toBe(0);
  });

  it("compiles every faithful encoding", () => {
    for (const b of books) {
      const a = analyse(`/corpus/${b.id}.kp`, renderCatalogue(b));
      expect(compileCatalogue(a.catalogue, { version: "corpus" }).js, b.id).toContain("export");
    }
  });

  it("has at least 100 mis-encodings, each differing from its faithful code", () => {
    const mis = loadMisEncodings();
    expect(mis.length).toBeGreaterThanOrEqual(100);
    expect(new Set(mis.map((m) => m.clause)).size).toBeGreaterThanOrEqual(100);
    for (const m of mis) expect(m.code, `${m.clause} ${m.kind}`).not.toBe(m.from);
  });

  // Its own timeout, not vitest's 30 s: the figures parse, check and lint one whole catalogue per mis-encoding — 5,124
  // of them besides the 373 faithful books, ~12 s of CPU (profiled in session 29: parse and check half, lint half; no
  // catalogue analysed twice) — and on 2 cores shared with other runs (load ~15) that took 43–57 s.
  it("computes, prints and writes the figures", { timeout: 240_000 }, () => {
    const f = computeFigures(books, loadMisEncodings());
    expect(f.faithfulWithCheckErrors).toEqual([]);
    expect(f.clauses).toBe(clauses.length);
    expect(f.caught + f.falseNegatives.length).toBe(f.misEncodings);
    process.stdout.write(formatFigures(f));
    // A golden: when lint or the language changes a figure, the change is reviewed with git diff.
    expectGolden(FIGURES_FILE, JSON.stringify(f, null, 2) + "\n");
  });
});
