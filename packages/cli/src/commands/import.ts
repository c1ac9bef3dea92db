/**
 * `kp import <file> -o <dir> [--force] [--format text|json]`: a rulebook an office already has
 * (.docx, .xlsx, .html, text) → a .kp catalogue draft (@kaoping/import), formatted with the formatter
 * (prettier-plugin-kp, as `kp fmt`), plus 导入报告.md.  The folder is written whole or not at all.
 */
import { formatBytes, formatMessage, readRefusal, readRegularFile } from "@kaoping/core";
import { ExitCode, loadPackage } from "../exit.js";
import { absolutePath, colorsFor, displayPath, shownPath, type Io } from "../io.js";
import { visibleLines } from "../report/terminal.js";

export interface ImportCommandOptions {
  output: string;
  force?: boolean;
  format: "text" | "json";
  color?: boolean;
}

export async function importCommand(io: Io, fileArg: string, opts: ImportCommandOptions): Promise<number> {
  const imp = await loadPackage("@kaoping/import", () => import("@kaoping/import"));
  const err = colorsFor(io.stderr, io.env, opts.color);
  const out = colorsFor(io.stdout, io.env, opts.color);
  const file = absolutePath(io, fileArg);
  const shown = displayPath(io, file);
  // Problems of the input are located in it (file, sheet, row, cell); problems of the output folder name the folder.
  const problem = (p: { code: string; message: string; loc?: { file: string } }): number => {
    const where = p.loc ? `${imp.formatLoc({ ...p.loc, file: shown })} ` : "";
    if (opts.format === "json") io.stdout.write(JSON.stringify({ ok: false, error: { code: p.code, message: p.message, ...(p.loc ? { location: { ...p.loc, file: shown } } : {}) } }, null, 2) + "\n");
    io.stderr.write(`${visibleLines(where)}${err.red("错误")} ${p.code} ${visibleLines(p.message)}\n${err.red("没有生成任何文件。")}\n`);
    return ExitCode.problems;
  };
  const read = readRegularFile(file, imp.MAX_IMPORT_BYTES);
  if (!read.ok) {
    if (read.problem === "too-large") return problem(imp.importProblem("KP5002", [formatBytes(read.size), formatBytes(imp.MAX_IMPORT_BYTES)], { file }));
    const r = readRefusal(read);
    return problem(imp.importProblem("KP5001", [formatMessage(r.code, r.args)], { file }));
  }
  const { formatKp } = await loadPackage("prettier-plugin-kp", () => import("prettier-plugin-kp"));
  const result = await imp.importDocument(shown, read.bytes, { format: (text, name) => formatKp(text, { filepath: name }) });
  if (!result.ok) return problem(result.problem);
  const target = absolutePath(io, opts.output);
  try {
    imp.writeDirectory(target, result.files, { force: opts.force, input: file });
  } catch (e) {
    if (e instanceof imp.ImportError) {
      const p = e.problem;
      return problem({ ...p, message: p.message.replace(`「${target}」`, `「${shownPath(io, target)}」`) });
    }
    throw e;
  }
  if (opts.format === "json") {
    io.stdout.write(JSON.stringify({ ok: true, output: displayPath(io, target), ...(imp.reportJson(result.report) as object) }, null, 2) + "\n");
  } else {
    const text = imp.reportText({ ...result.report, summary: { ...result.report.summary, source: shown } });
    io.stdout.write(visibleLines(text.trimEnd()) + "\n");
    io.stdout.write(`${out.green("已生成")} ${shownPath(io, target)}/（${result.files.size} 个文件，报告：${imp.REPORT_FILE}）\n`);
  }
  return ExitCode.ok;
}
