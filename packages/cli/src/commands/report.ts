/**
 * `kp report <catalogue> <facts…> -o <dir> [--pdf] [--force]`: scores with exactly the path `kp score`
 * and `kp explain` use (the compiled module, with trace) and writes the report folder with
 * @kaoping/report — 报告.xlsx, index.html + units/*.html (offline, ECharts beside them), 报告.pdf.
 */
import { ExitCode, UsageError } from "../exit.js";
import { absolutePath, colorsFor, shownPath, type Io } from "../io.js";
import { flattenFacts } from "../report/explain.js";
import { loadForScoring, scoreUnits } from "./score.js";

type Report = typeof import("@kaoping/report");

/** A problem of the report itself, as a usage error with its code. */
function asUsage(report: Report, e: unknown): unknown {
  return e instanceof report.ReportError ? new UsageError(e.detail, e.code) : e;
}

export async function reportCommand(
  io: Io,
  catalogueArg: string,
  factsArgs: string[],
  opts: { output: string; pdf?: boolean; force?: boolean; sheet?: string; color?: boolean },
): Promise<number> {
  const report = await import("@kaoping/report");
  const err = colorsFor(io.stderr, io.env, opts.color);
  if (opts.output.trim() === "") throw new UsageError("-o 需要一个文件夹名");
  const target = absolutePath(io, opts.output);
  const shown = shownPath(io, target);
  try {
    // Refuse early what would be refused at the end: a busy target, a missing Chromium.
    report.checkTarget(target, { force: opts.force, shown });
    const chromium = opts.pdf ? report.chromiumFor(io.env) : undefined;
    const loaded = await loadForScoring(io, catalogueArg, factsArgs, err, { sheet: opts.sheet }, true); // several files and folders merged by unit, as kp score does
    if (!loaded.ok) return loaded.code;
    const results = scoreUnits(io, loaded, true, err);
    if (!results) return ExitCode.problems;
    const facts = new Map(loaded.facts.units.map((u) => [u.name.trim(), u.facts !== null && typeof u.facts === "object" ? flattenFacts(u.facts) : {}]));
    const summary = await report.writeReport({ catalogue: loaded.module.catalogue, results, facts }, target, {
      force: opts.force,
      inputs: loaded.inputs,
      shown,
      showPath: (p) => shownPath(io, p),
      ...(chromium !== undefined ? { pdfChromium: chromium } : {}),
    });
    const mb = (summary.bytes / 1024 / 1024).toFixed(1);
    io.stdout.write(`已写入报告 ${shown}（${summary.units} 个单位；${summary.files} 个文件，${mb} MB）：\n`);
    io.stdout.write(`  ${report.EXCEL_FILE}　　Excel 工作簿（排名、各指标、扣分明细）\n`);
    io.stdout.write(`  index.html　　网页报告总览（离线可打开；各单位的页面在 ${report.UNITS_DIR}/）\n`);
    if (chromium !== undefined) io.stdout.write(`  ${report.PDF_FILE}　　　PDF（总览与各单位，每个单位另起一页）\n`);
    return ExitCode.ok;
  } catch (e) {
    throw asUsage(report, e);
  }
}
