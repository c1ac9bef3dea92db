/**
 * The keyword hovers' table (core's syntax/keyword-docs.ts) against the lexer and the language
 * reference: every keyword has an entry, every example checks clean in a minimal catalogue, every
 * section exists in grammar/语言参考.md; the anchor function agrees with the reference's own links.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, exampleCatalogue, keywordDocs, keywords, keywordsWithoutDocs, type SourceHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";
import { findReferenceFile, githubAnchor, parseSections, referenceDoc, sectionLink } from "../src/service/reference.js";
import { repoRoot } from "./helpers.js";

const referencePath = path.join(repoRoot, "grammar/语言参考.md");
const reference = readFileSync(referencePath, "utf8");

/** A catalogue in memory: the example as root.kp; an included file holds one indicator. */
function check(text: string) {
  const host: SourceHost = {
    read: (p) => ({ ok: true, text: p === "/示例/root.kp" ? text : "指标 「引入的指标」 1分 {\n  规则 「迟报」 「迟报的扣1分」 扣 1\n}\n" }),
    resolve: (_from, target) => `/示例/${target}`,
  };
  return analyzeCatalogue("/示例/root.kp", host);
}

describe("keyword docs", () => {
  it("every keyword of the lexer has an entry, and every entry is a keyword", () => {
    expect(keywordsWithoutDocs()).toEqual([]);
    const texts = new Set(keywords.map((k) => k.text));
    expect([...keywordDocs.keys()].filter((k) => !texts.has(k))).toEqual([]);
  });

  it("every example uses its keyword and checks clean (no error, no warning, not even the linter's) in a minimal catalogue", () => {
    const failures: string[] = [];
    for (const [word, doc] of keywordDocs) {
      const k = keywords.find((x) => x.text === word)!;
      if (![k.text, ...k.aliases].some((s) => doc.example.includes(s))) failures.push(`${word}: the example does not use it`);
      const a = check(exampleCatalogue(doc));
      // 待补's example is a to-do by definition: its KP2120 warning is the point; 待核's KP2123 likewise.
      const expected = (x: { code: string }) => (word === "待补" && x.code === "KP2120") || (word === "待核" && x.code === "KP2123");
      for (const d of [...a.diagnostics, ...lintAnalysis(a)].filter((x) => (x.severity === "error" || x.severity === "warning") && !expected(x)))
        failures.push(`${word}: ${d.code} ${d.message} (line ${d.span.start.line})`);
      if (a.catalogue.indicators.length === 0) failures.push(`${word}: no indicator was checked`);
    }
    expect(failures).toEqual([]);
  });

  it("an example that does not check is caught (the check is not vacuous)", () => {
    const bad = check(exampleCatalogue({ example: "规则 「参会」 「每次扣0.5分」 每次 扣", context: "indicator", section: "5.1" }));
    expect(bad.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("every section named in the table is a heading of grammar/语言参考.md", () => {
    const sections = parseSections(reference);
    const missing = [...keywordDocs].filter(([, d]) => !sections.has(d.section)).map(([k, d]) => `${k} → ${d.section}`);
    expect(missing).toEqual([]);
    // the heading's line is the line of the file
    const s = sections.get("5.4")!;
    expect(reference.split("\n")[s.line - 1]).toMatch(/^### 5\.4 分段/);
    expect(s.title).toBe("分段");
    expect(sections.get("9")!.title).toBe("等次、一票否决与一票否优");
  });

  it("githubAnchor gives the anchors the reference's own links use", () => {
    const anchors = new Set(reference.split("\n").filter((l) => /^#{1,6}\s/.test(l)).map((l) => githubAnchor(l.replace(/^#+\s*/, ""))));
    const links = [...reference.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    expect(parseSections(reference).get("5.4")!.anchor).toBe("54-分段-分段--区间-扣-x--未报送-扣-y-");
  });

  it("the server finds the reference from its own folder and links to a section's line", () => {
    expect(findReferenceFile(path.join(repoRoot, "packages/lsp/dist"))).toBe(referencePath);
    const doc = referenceDoc()!;
    expect(doc.path).toBe(referencePath);
    const line = parseSections(reference).get("6.1")!.line;
    expect(sectionLink("6.1")).toBe(`[语言参考 6.1 上限](${doc.uri}#L${line})`);
    expect(doc.uri.startsWith("file:///")).toBe(true);
    // without the file: the section is named, unlinked
    expect(sectionLink("6.1", null)).toBe("见语言参考 6.1");
  });
});
