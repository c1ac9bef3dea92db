/**
 * Figure 8 — reports: `kp report rules <N-unit CSV> -o <dir>` for 2,000 and 20,000 units (one run
 * each: wall time and peak RSS of the process, size of the folder), then the overview opened in
 * Chromium (playwright-core): time to first contentful paint and until every chart is drawn.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeOrThrow, memoryHost, rulesSources } from "../catalogues.js";
import { generateUnits, unitsToCsv } from "../gen-facts.js";
import { cliEntry, root } from "../paths.js";
import { ms, unavailable, type Figure } from "../report.js";
import { childNodeArgs, timed } from "./proc.js";

const CHROMIUM = process.env.KAOPING_CHROMIUM || "/usr/bin/chromium";

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { bytes, files };
}

/** First contentful paint and all charts drawn, in ms from navigation start, in headless Chromium. */
async function overviewTimes(index: string): Promise<{ fcp: number; charts: number } | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const pw = "playwright-core";
  const { chromium } = (await import(pw)) as typeof import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(index).href, { waitUntil: "load", timeout: 300_000 });
    await page.waitForFunction('document.querySelectorAll(".chart:not([data-rendered])").length === 0', undefined, { timeout: 300_000 });
    const charts = await page.evaluate("performance.now()");
    const fcp = await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
    return { fcp: fcp as number, charts: charts as number };
  } finally {
    await browser.close();
  }
}

export async function reportFigures(plan: { units: number[] }): Promise<Figure[]> {
  const out: Figure[] = [];
  const rules = rulesSources();
  const cat = analyzeOrThrow(rules.root, memoryHost(rules.files), "rules/").catalogue;
  for (const [k, units] of plan.units.entries()) {
    const id = `8${String.fromCharCode(97 + k)}`;
    const name = `kp report, ${units.toLocaleString("en-US")} units`;
    const goal = "info (overview first paint)";
    if (!existsSync(cliEntry)) {
      out.push(unavailable(id, name, goal, "not available (CLI not built: run pnpm build)"));
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), "kp-bench-report-"));
    try {
      const csv = join(dir, "facts.csv");
      writeFileSync(csv, "\uFEFF" + unitsToCsv(cat, generateUnits(cat, units, 17)));
      const target = join(dir, "报告");
      const r = await timed(process.execPath, [...childNodeArgs, cliEntry, "report", "rules", csv, "-o", target], { cwd: root, rss: true });
      if (r.code !== 0) {
        out.push(unavailable(id, name, goal, `kp report exited with ${r.code}: ${(r.stderr || r.stdout).trim().split("\n")[0]}`, "failed"));
        continue;
      }
      const size = folderBytes(target);
      const xlsx = statSync(join(target, "报告.xlsx")).size;
      const index = statSync(join(target, "index.html")).size;
      const paint = await overviewTimes(join(target, "index.html"));
      const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
      out.push({
        id,
        name,
        goal,
        measured: `${ms(r.wallMs)}, peak RSS ${r.peakMB === undefined ? "unknown" : `${r.peakMB.toFixed(0)} MB`}; folder ${mb(size.bytes)} (${size.files} files)`,
        baseline: "—",
        ratio: null,
        met: null,
        status: "ok",
        note: typeof paint === "string" ? `overview not opened: ${paint}` : `overview (index.html ${mb(index)}): first paint ${ms(paint.fcp)}, all charts ${ms(paint.charts)}; 报告.xlsx ${mb(xlsx)}`,
        values: {
          units,
          wallMs: r.wallMs,
          peakMB: r.peakMB ?? null,
          folderBytes: size.bytes,
          files: size.files,
          xlsxBytes: xlsx,
          indexBytes: index,
          firstPaintMs: typeof paint === "string" ? null : paint.fcp,
          chartsMs: typeof paint === "string" ? null : paint.charts,
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
