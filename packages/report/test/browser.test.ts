/**
 * The HTML report and the PDF as a reader gets them: `kp report --pdf` run as a process, the folder
 * opened in real Chromium (playwright-core + Debian's chromium) with every request outside file:
 * blocked — no console errors, every chart drawn, every unit page reachable from the overview, the
 * Chinese text set in a CJK font, and the PDF with each unit starting on a new page.  Screenshots of
 * the overview and one unit page are kept in test/report-screenshots/ (not committed).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitResult } from "@kaoping/core";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from "../../../test/e2e/harness/code-server.js";
import { prerequisite } from "../../../test/prerequisite.js";
import { kp, tempDir } from "../../cli/test/helpers.js";
import { exampleFacts, repoRoot, rulesRoot } from "./fixture.js";

const chromiumPath = process.env.KAOPING_CHROMIUM || DEFAULT_CHROMIUM;
const shots = join(repoRoot, "test", "report-screenshots");
const hasChromium = prerequisite(`Chromium (${chromiumPath})`, existsSync(chromiumPath), "run `bash .ci/setup-e2e.sh` or set KAOPING_CHROMIUM");

/** Pages of a PDF, as Chromium writes them (one /Type /Page object each). */
function pdfPages(bytes: Buffer | Uint8Array): number {
  return Buffer.from(bytes).toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

describe.skipIf(!hasChromium)("the HTML report in Chromium", () => {
  let dir: string;
  let browser: Browser;
  let scored: UnitResult[];
  const problems: string[] = [];
  const external: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${path}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${path}: ${String(e)}`));
    await page.route(/^(?!file:)/, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, path)).href);
    await page.waitForFunction('document.querySelectorAll(".chart:not([data-rendered])").length === 0');
    return page;
  }

  /** Every chart of the page drawn: an SVG with bars (paths) in each chart's place. */
  async function drawnCharts(page: Page): Promise<number[]> {
    return page.$$eval(".chart", (els) => els.map((e) => e.querySelectorAll("svg path").length));
  }

  beforeAll(async () => {
    dir = join(tempDir("kp-report-html-"), "报告");
    const s = kp(["score", rulesRoot, exampleFacts, "--format", "json"]);
    scored = JSON.parse(s.stdout) as UnitResult[];
    const r = kp(["report", rulesRoot, exampleFacts, "-o", dir, "--pdf"], { env: { KAOPING_CHROMIUM: chromiumPath } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(shots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("the overview draws every chart, offline, without a console error", async () => {
    const page = await open("index.html");
    const charts = await drawnCharts(page);
    expect(charts).toHaveLength(6); // ranking, 3 indicator distributions, grades, costliest rules
    for (const n of charts) expect(n).toBeGreaterThan(5);
    // the ranking chart: one bar per unit (11 ≤ 30), labelled with the exact totals
    const labels = await page.$$eval("#chart-ranking svg text", (ts) => ts.map((t) => t.textContent));
    for (const u of scored) expect(labels).toContain(u.total);
    await page.screenshot({ path: join(shots, "overview.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("every unit page is reachable from the overview and draws its chart", async () => {
    const page = await open("index.html");
    const links = await page.$$eval("table.ranking a", (as) => as.map((a) => [(a as unknown as { href: string }).href, a.textContent]));
    expect(links.map(([, t]) => t)).toEqual(scored.map((u) => u.unit));
    await page.close();
    for (const [href, name] of links) {
      const unit = await open(href!.slice(pathToFileURL(dir).href.length + 1));
      expect(await unit.textContent("h1")).toContain(name);
      const u = scored.find((x) => x.unit === name)!;
      expect(await unit.textContent(".kpi .value")).toBe(u.total);
      const charts = await drawnCharts(unit);
      expect(charts).toHaveLength(1);
      expect(charts[0]).toBeGreaterThan(3);
      if (name === "青山县") await unit.screenshot({ path: join(shots, "unit.png"), fullPage: false });
      await unit.close();
    }
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
  });

  it("sets the Chinese text in a CJK font (Noto Sans CJK), not a fallback box", async () => {
    const page = await open("units/002.html");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    for (const selector of ["h1", "li.step .rule", "table, .ind .name"]) {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      expect(fonts.length, selector).toBeGreaterThan(0);
      for (const f of fonts) expect(f.familyName, selector).toMatch(/Noto Sans CJK/);
    }
    await page.close();
  });

  it("the PDF: the overview, then each unit starting on a new page (page counts add up)", async () => {
    expect(readdirSync(dir).sort()).toEqual(["assets", "index.html", "units", "报告.pdf", "报告.xlsx"]); // the print document is not left behind
    const pdf = readFileSync(join(dir, "报告.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/NotoSansCJK/); // the CJK font is embedded
    const alone = async (path: string) => {
      const page = await open(path);
      const n = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
      await page.close();
      return n;
    };
    let expected = await alone("index.html");
    for (let i = 1; i <= scored.length; i++) {
      const n = await alone(`units/${String(i).padStart(3, "0")}.html`);
      expect(n).toBeGreaterThanOrEqual(1);
      expected += n;
    }
    // Were a unit not started on a new page, it would share a page with the one before: fewer pages.
    expect(pdfPages(pdf)).toBe(expected);
    expect(problems).toEqual([]);
  }, 120_000);
});
