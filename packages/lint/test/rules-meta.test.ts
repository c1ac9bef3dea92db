/** The rule list: ids, codes, severities, docs; and the README documents every rule. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeCatalogue, nodeHost, parseKp } from "@kaoping/core";
import { lintAnalysis, lintMessages, lintRules } from "@kaoping/lint";

/** A doc snippet as a whole catalogue: rules go into a 2-point indicator, indicators under a title. */
function asCatalogue(snippet: string): string {
  if (snippet.startsWith("细则")) return snippet;
  if (snippet.startsWith("指标")) return `细则 「示例」\n${snippet}\n`;
  return `细则 「示例」\n指标 「示例」 2分 {\n${snippet}\n}\n`;
}

describe("lintRules", () => {
  it("has unique kebab-case ids and unique KP30xx codes from the lint catalogue, with its default severity", () => {
    expect(new Set(lintRules.map((r) => r.id)).size).toBe(lintRules.length);
    expect(new Set(lintRules.map((r) => r.code)).size).toBe(lintRules.length);
    for (const r of lintRules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.code).toMatch(/^KP30\d\d$/);
      expect(lintMessages[r.code].severity).toBe(r.defaultSeverity);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
      expect(r.doc.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("every doc example parses (a snippet may be an indicator or a rule)", () => {
    for (const r of lintRules) {
      for (const snippet of [r.doc.bad, r.doc.good]) {
        const text = /^(细则|指标)/.test(snippet) ? snippet : `指标 「示例」 2分 {\n${snippet}\n}`;
        expect(parseKp(text, `${r.id}.kp`).diagnostics.filter((d) => d.severity === "error"), `${r.id}: ${snippet}`).toEqual([]);
      }
    }
  });

  it("every doc's bad example makes its rule fire and its good example does not", () => {
    // duplicate-rule needs two rules that read one fact, which no construct gives yet (see its doc
    // and duplicate-rule.test.ts); its bad example shows what it would report.
    const dormant = new Set(["duplicate-rule"]);
    for (const r of lintRules) {
      const codes = (snippet: string) => {
        const path = join(mkdtempSync(join(tmpdir(), "kp-doc-")), "细则.kp");
        writeFileSync(path, asCatalogue(snippet));
        const a = analyzeCatalogue(path, nodeHost);
        expect(a.diagnostics.filter((d) => d.severity === "error"), `${r.id}: ${snippet}`).toEqual([]);
        return lintAnalysis(a).map((d) => d.code);
      };
      if (dormant.has(r.id)) expect(codes(r.doc.bad), `${r.id} bad`).not.toContain(r.code);
      else expect(codes(r.doc.bad), `${r.id} bad`).toContain(r.code);
      expect(codes(r.doc.good), `${r.id} good`).not.toContain(r.code);
    }
  });

  it("README documents every rule with its id, code and severity, and every other lint code", () => {
    const readme = readFileSync(resolve(__dirname, "../README.md"), "utf8");
    for (const r of lintRules) {
      expect(readme).toContain(`\`${r.id}\``);
      expect(readme).toContain(r.code);
      expect(readme).toContain(r.doc.bad);
      expect(readme).toContain(r.doc.good);
    }
    for (const code of Object.keys(lintMessages)) expect(readme).toContain(code);
  });
});
