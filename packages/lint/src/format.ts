/**
 * A plain text rendering of diagnostics, one line each — `file:line:col 级别 code message` — used
 * by the corpus goldens and available to the CLI (which adds grouping, colours and code frames).
 */
import { relative, sep } from "node:path";
import { severityWords, sortDiagnostics, type Diagnostic, type Severity } from "@kaoping/core";
import { isSuggestion } from "./fixes.js";

/** The Chinese word for a severity. */
/** Chinese severity words (core's, shared with the CLI and the language server). */
export const severityWord: Readonly<Record<Severity, string>> = severityWords;

/** A path relative to `baseDir` with forward slashes (as given when it is not below it). */
export function displayPath(file: string, baseDir: string): string {
  const rel = relative(baseDir, file);
  const p = rel && !rel.startsWith("..") ? rel : file;
  return p.split(sep).join("/");
}

/**
 * Renders diagnostics as text, in reading order: `file:line:col 级别 code message`, and with
 * `fixes: true` one line per available fix: `    修复：…` for a safe fix (applied by --fix), `    建议：…`
 * for a suggestion.
 */
export function formatLintText(diags: readonly Diagnostic[], baseDir: string, options: { fixes?: boolean } = {}): string {
  const out: string[] = [];
  for (const d of sortDiagnostics(diags)) {
    const where = d.file ? `${displayPath(d.file, baseDir)}:${d.span.start.line}:${d.span.start.column}` : "<input>";
    out.push(`${where} ${severityWord[d.severity]} ${d.code} ${d.message}`);
    if (options.fixes) for (const f of d.fixes ?? []) out.push(`    ${isSuggestion(f) ? "建议" : "修复"}：${f.title}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}
