/**
 * The linter: runs every enabled rule on an analysed catalogue, applies the configured severities
 * and the in-file suppressions, and returns the diagnostics in reading order.
 */
import { LineIndex, sortDiagnostics, type Analysis, type Diagnostic } from "@kaoping/core";
import type { LintConfig } from "./config.js";
import { lintDiagnostic, type LintCode } from "./messages.js";
import type { LintContext, LintRuleInfo } from "./rule.js";
import { allRules } from "./rules/index.js";
import { parseSuppressions, suppresses } from "./suppress.js";

const weight = { hint: -1, info: 0, warning: 1, error: 2 } as const;

/** Every lint rule: id, code, default severity, Chinese title and documentation. */
export const lintRules: LintRuleInfo[] = allRules.map(({ id, code, defaultSeverity, title, doc }) => ({ id, code, defaultSeverity, title, doc }));

/** The rule id of a lint code, if it is a rule's. */
export function ruleIdOf(code: string): string | undefined {
  return allRules.find((r) => r.code === code)?.id;
}

/**
 * Whether an analysis can be linted: no file, lexical or syntax errors (KP0xxx, KP1xxx).  Semantic
 * errors do not stop the linter: the model is still there, and rules skip what they cannot read.
 */
export function isLintable(analysis: Analysis): boolean {
  return analysis.files.length > 0 && !analysis.diagnostics.some((d) => d.severity === "error" && /^KP[01]/.test(d.code));
}

/**
 * Lints an analysed catalogue (from `analyzeCatalogue` or `analyzeFiles`).  Returns only lint
 * diagnostics (KP3xxx), with `file` set and fixes where a rule can fix; the analysis's own
 * diagnostics are the caller's to show.  A catalogue with syntax errors is not linted.
 */
export function lintAnalysis(analysis: Analysis, config: LintConfig = {}): Diagnostic[] {
  if (!isLintable(analysis)) return [];
  const texts = new Map(analysis.files.map((f) => [f.path, f.text]));
  const indexes = new Map(analysis.files.map((f) => [f.path, f.parsed.lines]));
  const lines = (file: string): LineIndex => {
    let li = indexes.get(file);
    if (!li) indexes.set(file, (li = new LineIndex(texts.get(file) ?? "")));
    return li;
  };
  const ctx: LintContext = {
    analysis,
    catalogue: analysis.catalogue,
    text: (file) => texts.get(file) ?? "",
    lines,
    span: (file, start, end) => lines(file).span(start, end),
  };
  const { suppressions, diagnostics: meta } = parseSuppressions(analysis.files);
  const out: Diagnostic[] = [...meta];
  const ran = new Set<string>();
  for (const rule of allRules) {
    const level = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (level === "off") continue;
    ran.add(rule.id);
    for (const f of rule.check(ctx)) {
      const severity = f.maxSeverity && weight[f.maxSeverity] < weight[level] ? f.maxSeverity : level;
      const d = lintDiagnostic(rule.code as LintCode, f.file, f.span, f.args, { severity, fixes: f.fixes ?? [], related: f.related ?? [] });
      // Every suppression that covers it is used, so that none is reported as unused by mistake.
      const hits = suppressions.filter((s) => suppresses(s, d, rule.id));
      if (hits.length === 0) out.push(d);
    }
  }
  for (const s of suppressions) {
    for (const id of s.rules) {
      if (!ran.has(id) || s.used.has(id)) continue;
      out.push(lintDiagnostic("KP3903", s.file, lines(s.file).span(s.start, s.end), [id]));
    }
  }
  return sortDiagnostics(out);
}
