/**
 * grammar/syntax-diagrams.html: the committed page must be exactly what grammar/generate-diagrams.ts
 * produces from the current parser, must need no network, and must actually draw one diagram per
 * parser production in a real browser (Debian's Chromium through playwright-core) with every request
 * outside file: blocked.
 *
 * After a grammar change, regenerate with:  npx tsx grammar/generate-diagrams.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { KpParser } from "@kaoping/core";
import { generateDiagramsHtml, outputPath, productionNames, productionNotes } from "../grammar/generate-diagrams.js";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from "./e2e/harness/code-server.js";
import { prerequisite } from "./prerequisite.js";

const chromiumPath = process.env.KAOPING_CHROMIUM || DEFAULT_CHROMIUM;
const productions = productionNames(new KpParser().getSerializedGastProductions());

describe("grammar/syntax-diagrams.html", () => {
  const committed = readFileSync(outputPath, "utf8");

  it("is what grammar/generate-diagrams.ts generates now (regenerate: npx tsx grammar/generate-diagrams.ts)", async () => {
    const fresh = await generateDiagramsHtml();
    expect(committed === fresh, "语法图与分析器不一致：请运行 npx tsx grammar/generate-diagrams.ts 重新生成").toBe(true);
  });

  it("documents every parser production in Chinese", () => {
    expect(Object.keys(productionNotes).sort()).toEqual([...productions].sort());
    for (const name of productions) expect(committed).toContain(`<td><a href="#rule-${name}">${name}</a></td>`);
  });

  it("is self-contained: no external scripts, stylesheets or other resources", () => {
    expect(committed).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(committed).not.toMatch(/<link\b/i);
    expect(committed).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(committed).not.toContain("unpkg.com");
    expect(committed.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(committed).toContain('<html lang="zh-CN">');
    expect(committed).toContain("<title>.kp 语法图（铁路图）</title>");
  });

  const hasChromium = prerequisite(`Chromium (${chromiumPath})`, existsSync(chromiumPath), "run `bash .ci/setup-e2e.sh` or set KAOPING_CHROMIUM");
  it.skipIf(!hasChromium)(
    "renders one diagram per production in Chromium without network",
    async () => {
      const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
      try {
        const page = await browser.newPage();
        const external: string[] = [];
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.route(/^(?!file:)/, (route) => {
          external.push(route.request().url());
          return route.abort();
        });
        await page.goto(pathToFileURL(outputPath).href);
        const headers = await page.locator("h2.diagramHeader").allTextContents();
        expect(headers).toEqual(productions);
        expect(await page.locator("svg.railroad-diagram").count()).toBe(productions.length);
        expect(await page.locator("p.kp-caption").allTextContents()).toEqual(productions.map((n) => productionNotes[n]!.zh));
        // a terminal with Chinese text gets a box wide enough for it
        const box = await page.locator("g.terminal", { hasText: "「一票否决」或「一票否优」" }).first().locator("rect").boundingBox();
        const text = await page.locator("g.terminal text", { hasText: "「一票否决」或「一票否优」" }).first().boundingBox();
        expect(box && text && box.width >= text.width).toBe(true);
        expect(errors).toEqual([]);
        expect(external).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
