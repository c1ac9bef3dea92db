// The structure corpus (issue 13 §Measured, structure): for each document rebuilt from a public
// rulebook, the indicator tree and points the import recovers are the document's, and every clause
// is in the catalogue verbatim.
import { describe, expect, it } from "vitest";
import { importDocument } from "@kaoping/import";
import { corpusDocs, corpusFile, groups } from "./corpus-docs.js";
import { catalogueTree, treeLines, writeFiles, type TreeNode } from "./helpers.js";
import { oneLine } from "../src/structure/text.js";

describe("structure corpus", () => {
  for (const doc of corpusDocs) {
    it(`${doc.id}: ${doc.layout}`, async () => {
      const f = corpusFile(doc.id);
      const r = await importDocument(doc.file, await doc.build());
      if (!r.ok) throw new Error(`${r.problem.code} ${r.problem.message}`);
      const held = f.clauses.filter((c) => doc.holds?.(c) ?? true);
      const expected = groups({ ...f, clauses: held });
      expect(r.structure.title).toBe(f.title);
      const { tree, diagnostics } = catalogueTree(writeFiles(r.files));
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(treeLines(tree)).toEqual(doc.tree ?? expected.map((g) => `${g.name} ${g.points}分`));
      for (const want of doc.reports ?? []) {
        expect(r.report.problems.filter((p) => p.code === want.code && p.message.includes(`「${want.about}」`)).length, `${want.code} ${want.about}`).toBe(1);
      }
      if (doc.departments) {
        const found: Record<string, readonly string[]> = {};
        const walk = (ns: readonly TreeNode[]): void => ns.forEach((n) => (n.name in doc.departments! ? (found[n.name] = n.departments) : walk(n.children)));
        walk(tree);
        expect(found).toEqual(doc.departments);
      }
      // Every clause under its item, verbatim (how a cell splits into clauses is the recogniser's part).
      const byItem = (xs: { indicator: string; text: string }[]): Record<string, string> => {
        const out: Record<string, string> = {};
        for (const x of xs) out[x.indicator] = (out[x.indicator] ?? "") + oneLine(x.text).replace(/[；;。]/g, "");
        return out;
      };
      const missing = new Set(doc.known?.items ?? []);
      // a clause read into several rules (「A和B各扣2分」) is listed once per rule: once here
      const got = byItem(r.report.clauses.filter((c, i, all) => i === 0 || all[i - 1]!.recognition !== c.recognition).map((c) => ({ indicator: c.indicator, text: c.text })));
      expect(Object.keys(got).filter((k) => missing.has(k)), doc.known?.why).toEqual([]);
      expect(got).toEqual(byItem(held.filter((c) => !missing.has(c.indicator)).map((c) => ({ ...c, indicator: doc.renamed?.[c.indicator] ?? c.indicator }))));
    });
  }
});
