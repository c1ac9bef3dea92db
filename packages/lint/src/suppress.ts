/**
 * In-file suppression comments.  Each must say why:
 *
 *   // kp-disable-next-line missing-cap: 原文未设单项上限，按指标分值扣完为止
 *   // kp-disable missing-cap, clause-mismatch：原因      (whole file; before the file's first item)
 *
 * `kp-disable-next-line` covers the next line that is not blank or a comment — and, when a rule
 * starts on that line, the whole rule (a rule's body usually sits on the line after its name).
 * Rule ids are separated by spaces or commas; the reason follows a half- or full-width colon.
 * A suppression without a reason does not take effect (KP3901); an unknown rule id is reported
 * (KP3902); a misplaced kp-disable does not take effect (KP3904); a suppression that suppressed
 * nothing is reported as unused (KP3903, info).
 */
import { walk, type Diagnostic, type LoadedFile, type TextEdit } from "@kaoping/core";
import { closestRule } from "./config.js";
import { lintDiagnostic } from "./messages.js";
import { ruleById } from "./rules/index.js";

/** One parsed suppression comment. */
export interface Suppression {
  kind: "file" | "next-line";
  file: string;
  /** The comment's range. */
  start: number;
  end: number;
  /** Known rule ids it suppresses. */
  rules: string[];
  reason: string;
  /** For next-line: the offsets it covers. */
  covers?: { start: number; end: number };
  /** Rule ids that suppressed at least one diagnostic. */
  used: Set<string>;
}

/**
 * The reason the editor's 「本行不检查」 fix writes for the writer to replace: while it stands, the
 * suppression has no reason and does not take effect (KP3901).
 */
export const REASON_PLACEHOLDER = "在此写明原因";

/**
 * The edit that suppresses one diagnostic of rule `id`: a `// kp-disable-next-line id: 在此写明原因`
 * line above the rule the diagnostic is in (so it covers the whole rule), or above its line.
 */
export function suppressionEdit(file: LoadedFile, d: Diagnostic, id: string): TextEdit {
  const at = d.span.start.offset;
  let lineOf = d.span.start.line;
  walk(file.parsed.ast, (n) => {
    if (n.kind === "Rule" && n.span.start.offset <= at && at <= n.span.end.offset) lineOf = n.span.start.line;
  });
  const lines = file.parsed.lines;
  const start = lines.lineStarts[lineOf - 1] ?? 0;
  const indent = /^[ \t\u3000]*/.exec(lines.text.slice(start, start + 200))![0];
  return { start, end: start, newText: `${indent}// kp-disable-next-line ${id}: ${REASON_PLACEHOLDER}\n` };
}

const directive = /^\/\/\s*kp-(disable-next-line|disable)(?=$|[\s:：])(.*)$/s;

/** Reads the suppression comments of the files of a catalogue. */
export function parseSuppressions(files: readonly LoadedFile[]): { suppressions: Suppression[]; diagnostics: Diagnostic[] } {
  const suppressions: Suppression[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const { ast, lines } = f.parsed; // tokens only when needed: a re-parse computes them lazily
    const firstItem = ast.items[0]?.span.start.offset ?? Infinity;
    // Where rules start, by line: found on the first kp-disable-next-line (most files have none).
    let starts: Map<number, number> | undefined;
    const ruleStarts = (): Map<number, number> => {
      if (starts) return starts;
      const found = new Map<number, number>();
      walk(ast, (n) => {
        if (n.kind === "Rule" && !found.has(n.span.start.line)) found.set(n.span.start.line, n.span.end.offset);
      });
      return (starts = found);
    };
    for (const c of ast.comments) {
      if (c.style !== "line") continue;
      const m = directive.exec(c.text);
      if (!m) continue;
      const word = `kp-${m[1]}`;
      const kind = m[1] === "disable" ? "file" : "next-line";
      const body = m[2]!;
      const colon = body.search(/[:：]/);
      const list = colon < 0 ? body : body.slice(0, colon);
      const written = colon < 0 ? "" : body.slice(colon + 1).trim();
      const reason = written === REASON_PLACEHOLDER ? "" : written;
      const bodyStart = c.span.start.offset + c.text.length - body.length;
      const span = c.span;
      const ids: { id: string; start: number }[] = [];
      for (const t of list.matchAll(/[^\s,，、]+/g)) ids.push({ id: t[0], start: bodyStart + t.index });
      if (ids.length === 0) {
        diagnostics.push(lintDiagnostic("KP3905", f.path, span, [word]));
        continue;
      }
      const known: string[] = [];
      for (const { id, start } of ids) {
        if (ruleById.has(id)) known.push(id);
        else {
          const near = closestRule(id);
          diagnostics.push(lintDiagnostic("KP3902", f.path, lines.span(start, start + id.length), [id, near ? `，是否想写「${near}」？` : ""]));
        }
      }
      if (!reason) {
        diagnostics.push(lintDiagnostic("KP3901", f.path, span, [word, ids.map((i) => i.id).join(", ")]));
        continue;
      }
      if (kind === "file" && span.start.offset > firstItem) {
        diagnostics.push(lintDiagnostic("KP3904", f.path, span));
        continue;
      }
      if (known.length === 0) continue;
      const s: Suppression = { kind, file: f.path, start: span.start.offset, end: span.end.offset, rules: known, reason, used: new Set() };
      if (kind === "next-line") {
        const next = f.parsed.tokens.find((t) => t.startOffset >= span.end.offset);
        if (next) {
          const line = lines.position(next.startOffset).line;
          const lineStart = lines.lineStarts[line - 1]!;
          const lineEnd = line < lines.lineCount ? lines.lineStarts[line]! : lines.text.length;
          s.covers = { start: lineStart, end: Math.max(lineEnd, ruleStarts().get(line) ?? 0) };
        }
      }
      suppressions.push(s);
    }
  }
  return { suppressions, diagnostics };
}

/** Whether a suppression covers a diagnostic of rule `id`; marks it used when it does. */
export function suppresses(s: Suppression, d: Diagnostic, id: string): boolean {
  if (d.file !== s.file || !s.rules.includes(id)) return false;
  if (s.kind === "next-line") {
    if (!s.covers) return false;
    const at = d.span.start.offset;
    if (at < s.covers.start || at >= s.covers.end) return false;
  }
  s.used.add(id);
  return true;
}
