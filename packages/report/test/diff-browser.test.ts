/**
 * The diff page as a reader gets it: `kp diff rules rules-2027 --facts … --format html -o …` run as a
 * process, the file opened in real Chromium (playwright-core + Debian's chromium) with every request
 * outside file: blocked — no console error, the Δ chart drawn with the exact signed labels, a unit's
 * row opening onto the rules responsible, the clause changes shown as struck/underlined words, and
 * the print view with every unit's detail open.  Screenshots (the page, an expanded unit, print) are
 * kept in test/report-screenshots/ (not committed).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from "../../../test/e2e/harness/code-server.js";
import { prerequisite } from "../../../test/prerequisite.js";
import { kp, tempDir } from "../../cli/test/helpers.js";
import { repoRoot } from "./fixture.js";

const chromiumPath = process.env.KAOPING_CHROMIUM || DEFAULT_CHROMIUM;
const shots = join(repoRoot, "test", "report-screenshots");
const hasChromium = prerequisite(`Chromium (${chromiumPath})`, existsSync(chromiumPath), "run `bash .ci/setup-e2e.sh` or set KAOPING_CHROMIUM");

interface JsonUnit {
  unit: string;
  old: { total: string };
  new: { total: string };
  delta: string;
}

describe.skipIf(!hasChromium)("the diff page in Chromium", () => {
  let file: string;
  let browser: Browser;
  let units: JsonUnit[];
  const problems: string[] = [];
  const external: string[] = [];

  async function open(viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.route(/^(?!file:)/, (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction('document.querySelectorAll(".chart:not([data-rendered])").length === 0');
    return page;
  }

  beforeAll(async () => {
    file = join(tempDir("kp-diff-page-"), "修订对照.html");
    const seed = ["diff", "rules", "rules-2027", "--facts", "examples/各县事实.csv"];
    const r = kp([...seed, "--format", "html", "-o", file], { cwd: repoRoot });
    expect(r.code).toBe(0);
    units = (JSON.parse(kp([...seed, "--format", "json"], { cwd: repoRoot }).stdout) as { units: JsonUnit[] }).units;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
    mkdirSync(shots, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("draws the Δ chart offline, bars labelled with the exact signed changes, without a console error", async () => {
    const page = await open();
    // an SVG with a bar per unit that changed, in the chart's place
    const bars = await page.$$eval("#chart-delta svg path", (ps) => ps.length);
    expect(bars).toBeGreaterThan(units.filter((u) => u.delta !== "0").length);
    const labels = await page.$$eval("#chart-delta svg text", (ts) => ts.map((t) => t.textContent));
    for (const u of units) {
      expect(labels).toContain(u.unit);
      expect(labels).toContain(u.delta);
    }
    expect(labels).toContain("-0.2");
    expect(labels).toContain("+0.5");
    await page.screenshot({ path: join(shots, "diff-page.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it("shows a unit's row, and the clause changes as struck and underlined words", async () => {
    const page = await open();
    const row = page.locator("table.units tr.row", { hasText: "××区" });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect((await row.locator("td").allTextContents()).slice(1)).toEqual(["49.93", "50.43", "+0.5", "1", "优秀"]);
    const del = page.locator("td.what del", { hasText: /^75$/ }).first();
    const ins = page.locator("td.what ins", { hasText: /^80$/ }).first();
    expect(await del.isVisible()).toBe(true);
    expect(await ins.isVisible()).toBe(true);
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("line-through");
    expect(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("underline");
    await page.close();
  });

  it("opens a unit onto the rules and indicators responsible, and 全部展开 opens every unit", async () => {
    const page = await open();
    const detail = page.locator("#why-4");
    expect(await detail.isVisible()).toBe(false);
    await page.locator("button.toggle", { hasText: "白水县" }).click();
    expect(await detail.isVisible()).toBe(true);
    const text = await detail.textContent();
    expect(text).toContain("信息完成率");
    expect(text).toContain("-0.4");
    expect(text).toContain("等次「良好」 ≥ 48 → ≥ 48.5");
    await page.locator("table.units").screenshot({ path: join(shots, "diff-unit.png") });
    await page.locator("button.toggle", { hasText: "白水县" }).click();
    expect(await detail.isVisible()).toBe(false);
    await page.locator("#expand-all").click();
    const toggles = await page.locator("button.toggle").count();
    expect(toggles).toBeGreaterThan(5);
    expect(await page.locator("tr.why:visible").count()).toBe(toggles);
    expect(await page.locator("#expand-all").textContent()).toBe("全部收起");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("prints with every unit's detail open and without the buttons", async () => {
    const page = await open({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("tr.why:visible").count()).toBe(await page.locator("button.toggle").count());
    expect(await page.locator("#expand-all").isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, "diff-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  }, 60_000);
});
