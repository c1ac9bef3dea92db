/**
 * @kaoping/report — `kp report`: from a catalogue's scored results (with trace) to a folder people
 * read: 报告.xlsx, a self-contained HTML report (index.html + units/*.html + assets/, ECharts copied
 * in, opens offline) and, on request, 报告.pdf rendered from the same HTML.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync as readdir, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { placesOf, type ReportInput } from "./data.js";
import { excelReport } from "./excel.js";
import { reportCss, reportJs } from "./html/assets.js";
import { overviewHtml } from "./html/overview.js";
import { unitFile, UNITS_DIR } from "./html/paths.js";
import { printHtml } from "./html/print.js";
import { unitHtml } from "./html/unit.js";
import { ReportError } from "./messages.js";
import { renderPdf } from "./pdf.js";
import { writeFolderAtomic } from "./write.js";

export { excelReport, sheetName } from "./excel.js";
export { overviewHtml, overviewPart, distribution, TOP_UNITS, TOP_RULES } from "./html/overview.js";
export { unitHtml, unitPart } from "./html/unit.js";
export { printHtml } from "./html/print.js";
export { page, standalonePage, inlineScript, SCRIPTS_HERE, type InlineAssets } from "./html/layout.js";
export { renderDiffPage, diffTitle, byChange, DIFF_CHART_UNITS, type DiffPageInput, type DiffPageOptions, type DiffUnit, type DiffPoints, type WordRun } from "./html/diff.js";
export { esc, jsonInScript } from "./html/escape.js";
export { unitFile, UNITS_DIR } from "./html/paths.js";
export { reportCss, reportJs } from "./html/assets.js";
export { costliestRules, placesOf, stepsOf, factText, type ReportInput, type Step, type Place, type RuleCost } from "./data.js";
export { decimalsOf, excelNumber, numberFormat, sumDecimals, toMillionths, fromMillionths } from "./decimal.js";
export { reportMessages, reportMessage, ReportError, type ReportCode } from "./messages.js";
export { chromiumFor, renderPdf, DEFAULT_CHROMIUM } from "./pdf.js";
export { checkTarget, writeFolderAtomic, type FolderOptions } from "./write.js";

export const EXCEL_FILE = "报告.xlsx";
export const PDF_FILE = "报告.pdf";

/** The ECharts build the folder ships. */
export function echartsFile(): string {
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve("echarts/dist/echarts.min.js");
  } catch {
    throw new ReportError("KP6008", ["echarts/dist/echarts.min.js"]);
  }
  if (!existsSync(path)) throw new ReportError("KP6008", [path]);
  return path;
}

/** The ECharts build's text, for a page that carries it inline. */
export function echartsSource(): string {
  return readFileSync(echartsFile(), "utf8");
}

export interface ReportOptions {
  force?: boolean;
  /** Also write 报告.pdf with this Chromium (see chromiumFor). */
  pdfChromium?: string;
  /** Files this run read (never replaced). */
  inputs?: readonly string[];
  /** The target as the user wrote it, for messages. */
  shown?: string;
  /** How a path is shown in messages. */
  showPath?: (path: string) => string;
}

/** What was written. */
export interface ReportSummary {
  files: number;
  bytes: number;
  units: number;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdir(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        files++;
        bytes += st.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** Writes the whole report folder at `target`, all or nothing. */
export async function writeReport(input: ReportInput, target: string, options: ReportOptions = {}): Promise<ReportSummary> {
  const echarts = echartsFile();
  let size = { files: 0, bytes: 0 };
  await writeFolderAtomic(
    target,
    async (dir) => {
      mkdirSync(join(dir, "assets"));
      mkdirSync(join(dir, UNITS_DIR));
      copyFileSync(echarts, join(dir, "assets", "echarts.min.js"));
      writeFileSync(join(dir, "assets", "report.css"), reportCss);
      writeFileSync(join(dir, "assets", "report.js"), reportJs);
      writeFileSync(join(dir, "index.html"), overviewHtml(input));
      const places = placesOf(input.catalogue);
      const n = input.results.length;
      for (let i = 0; i < n; i++) writeFileSync(join(dir, UNITS_DIR, unitFile(i, n)), unitHtml(input, i, places));
      writeFileSync(join(dir, EXCEL_FILE), await excelReport(input));
      if (options.pdfChromium !== undefined) {
        const print = join(dir, "print.html");
        writeFileSync(print, printHtml(input));
        try {
          await renderPdf(print, join(dir, PDF_FILE), options.pdfChromium);
        } finally {
          rmSync(print, { force: true });
        }
      }
      size = folderSize(dir);
    },
    options,
  );
  return { ...size, units: input.results.length };
}
