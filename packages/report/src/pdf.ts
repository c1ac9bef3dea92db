/**
 * The PDF: the print document (html/print.ts) rendered by headless Chromium through playwright-core
 * (Debian's /usr/bin/chromium, or $KAOPING_CHROMIUM) with the report's own print stylesheet — the
 * same HTML a reader prints from the browser.  Nothing but file: URLs is loaded.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ReportError } from "./messages.js";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Flags that work as root, without GPU or network. */
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

/** The Chromium `kp report --pdf` uses; refuses (KP6006) when it is not there. */
export function chromiumFor(env: Readonly<Record<string, string | undefined>>): string {
  const path = env.KAOPING_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new ReportError("KP6006", [path]);
  return path;
}

const FOOTER = `<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:'Noto Sans CJK SC',sans-serif">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`;

/** Renders an HTML file (its charts drawn) to an A4 PDF file. */
export async function renderPdf(htmlFile: string, pdfFile: string, executablePath: string): Promise<void> {
  const { chromium } = await import("playwright-core");
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  } catch (e) {
    throw new ReportError("KP6007", [`无法启动 Chromium（${executablePath}）：${String((e as Error).message).split("\n")[0]}`]);
  }
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load", timeout: 600_000 });
    await page.waitForFunction('document.querySelectorAll(".chart:not([data-rendered])").length === 0', undefined, { timeout: 600_000 });
    if (errors.length > 0) throw new ReportError("KP6007", [errors[0]!]);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdfFile, format: "A4", printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: FOOTER });
  } catch (e) {
    if (e instanceof ReportError) throw e;
    throw new ReportError("KP6007", [String((e as Error).message).split("\n")[0]!]);
  } finally {
    await browser.close();
  }
}
