/**
 * The lint corpus: for every rule, `<rule-id>/bad/*.kp` must make it fire (the lint output is the
 * golden `*.golden.txt` beside it; with fixes, the fixed text is the golden `*.fixed.txt`, which
 * must still check clean and no longer show the fixed diagnostics; suggestions, which --fix does not
 * apply, must each leave a file that checks), and `<rule-id>/good/*.kp` must be silent under EVERY
 * rule.  Regenerate goldens: `UPDATE_GOLDEN=1 npx vitest run test/lint`.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes, fixEditsFor, formatLintText, isSuggestion, lintAnalysis, lintRules } from "@kaoping/lint";
import { analyseFile, coreErrors, expectGolden } from "../../packages/lint/test/helpers.js";

const root = __dirname;
const kpFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".kp")).sort() : []);

/**
 * Rules that cannot fire on any catalogue the language can express today, and why.  Each is tested
 * in packages/lint/test instead (with a model changed to what a future construct would give).
 */
const dormant: Record<string, string> = {
  // Facts are keyed by rule name, so two rules never read the same fact; rules that read different
  // facts are not duplicates (issue 11).  It fires again when a construct lets rules share a fact.
  "duplicate-rule": "packages/lint/test/duplicate-rule.test.ts",
};

describe("lint corpus", () => {
  it("has a folder with bad and good cases for every rule, and no other folder", () => {
    const dirs = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();
    expect(dirs).toEqual(lintRules.map((r) => r.id).sort());
    for (const r of lintRules) {
      if (dormant[r.id]) expect(existsSync(join(root, "..", "..", dormant[r.id]!)), dormant[r.id]).toBe(true);
      else expect(kpFiles(join(root, r.id, "bad")).length, `${r.id}/bad`).toBeGreaterThan(0);
      expect(kpFiles(join(root, r.id, "good")).length, `${r.id}/good`).toBeGreaterThan(0);
    }
  });

  for (const rule of lintRules) {
    describe(rule.id, () => {
      const ruleDir = join(root, rule.id);
      for (const f of kpFiles(join(ruleDir, "bad"))) {
        it(`fires on bad/${f}`, () => {
          const path = join(ruleDir, "bad", f);
          const a = analyseFile(path);
          expect(coreErrors(a)).toEqual([]);
          const diags = lintAnalysis(a);
          expect(diags.map((d) => d.code)).toContain(rule.code);
          for (const d of diags) {
            expect(d.file).toBe(path);
            for (const f of d.fixes ?? []) for (const e of f.edits) expect(e.file).toBe(path);
          }
          expectGolden(path.replace(/\.kp$/, ".golden.txt"), formatLintText(diags, ruleDir, { fixes: true }));

          // Every suggestion leaves a file that still checks (it is offered in the editor).
          const source = readFileSync(path, "utf8");
          for (const d of diags) {
            for (const s of (d.fixes ?? []).filter(isSuggestion)) {
              const tmp = join(mkdtempSync(join(tmpdir(), "kp-lint-suggest-")), f);
              writeFileSync(tmp, applyFixes(source, s.edits));
              expect(coreErrors(analyseFile(tmp)), `${d.code} ${s.title}`).toEqual([]);
            }
          }

          // The rule's own safe fixes (what --fix applies): applied together, the file still checks
          // and they do not come back.
          const own = diags.filter((d) => d.code === rule.code);
          const fixable = own.filter((d) => d.fixes?.some((x) => !isSuggestion(x)));
          if (fixable.length === 0) return;
          const fixed = applyFixes(readFileSync(path, "utf8"), fixEditsFor(fixable, path));
          expectGolden(path.replace(/\.kp$/, ".fixed.txt"), fixed);
          const tmp = join(mkdtempSync(join(tmpdir(), "kp-lint-fix-")), f);
          writeFileSync(tmp, fixed);
          const after = analyseFile(tmp);
          expect(coreErrors(after)).toEqual([]);
          expect(lintAnalysis(after).filter((d) => d.code === rule.code)).toHaveLength(own.length - fixable.length);
        });
      }
      for (const f of kpFiles(join(ruleDir, "good"))) {
        it(`is silent (every rule) on good/${f}`, () => {
          const path = join(ruleDir, "good", f);
          const a = analyseFile(path);
          expect(coreErrors(a)).toEqual([]);
          expect(formatLintText(lintAnalysis(a), ruleDir)).toBe("");
        });
      }
    });
  }
});
