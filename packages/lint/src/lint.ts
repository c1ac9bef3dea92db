/**
 * The linter: runs every enabled rule on an analysed catalogue, applies the configured severities
 * and the in-file suppressions, and returns the diagnostics in reading order.
 */
import { LineIndex, sortDiagnostics, type Analysis, type Catalogue, type Diagnostic, type IndicatorModel, type SectionModel, type TopItem } from "@kaoping/core";
import type { LintConfig } from "./config.js";
import { lintDiagnostic, type LintCode } from "./messages.js";
import type { LintContext, LintRule, LintRuleInfo } from "./rule.js";
import { allRules } from "./rules/index.js";
import { parseSuppressions, suppresses, type Suppression } from "./suppress.js";

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
  const ctx = contextOf(analysis, analysis.catalogue);
  const { suppressions, diagnostics: meta } = parseSuppressions(analysis.files);
  const out: Diagnostic[] = [...meta];
  const ran = runRules(ctx, allRules, config, suppressions);
  for (const ds of ran.values()) out.push(...ds);
  for (const s of suppressions) {
    for (const id of s.rules) {
      if (!ran.has(id) || s.used.has(id)) continue;
      out.push(lintDiagnostic("KP3903", s.file, ctx.lines(s.file).span(s.start, s.end), [id]));
    }
  }
  return sortDiagnostics(out);
}

/** The rules `lintItem` runs: every rule whose findings do not depend on the whole catalogue. */
const itemRules = allRules.filter((r) => !r.catalogueWide);

/** The codes `lintItem` can report (the other lint codes come from the whole-catalogue lint only). */
export const itemLintCodes: ReadonlySet<string> = new Set(itemRules.map((r) => r.code));

/**
 * Lints one top-level item (an indicator with its sub-indicators, or a 加分/扣分 section) of an
 * analysed catalogue: what `lintAnalysis` reports with the codes of {@link itemLintCodes} inside
 * that item, in a fraction of the time (the editor lints the edited indicator on every keystroke
 * and the whole catalogue when typing pauses).  Suppressions apply as in the whole lint; unused
 * or malformed ones (KP39xx) are the whole lint's to report.  Undefined when the catalogue cannot
 * be linted or the item is not an indicator or section of it.
 */
export function lintItem(analysis: Analysis, file: string, item: TopItem, config: LintConfig = {}): Diagnostic[] | undefined {
  if (!isLintable(analysis)) return undefined;
  const full = analysis.catalogue;
  const indicator = full.indicators.find((i) => i.node === item);
  const section = indicator ? undefined : [...full.bonuses, ...full.penalties].find((s) => s.node === item);
  const owner = indicator ?? section;
  const loaded = analysis.files.find((f) => f.path === file);
  if (!owner || !loaded || owner.file !== file) return undefined;
  const top = (o: IndicatorModel | SectionModel): IndicatorModel | SectionModel => {
    let t = o;
    while ("parent" in t && t.parent) t = t.parent;
    return t;
  };
  const view: Catalogue = {
    ...full,
    indicators: indicator ? [indicator] : [],
    bonuses: section?.kind === "bonus" ? [section] : [],
    penalties: section?.kind === "penalty" ? [section] : [],
    rules: full.rules.filter((r) => top(r.owner) === owner),
  };
  const ctx = contextOf(analysis, view);
  ctx.item = true;
  const { suppressions } = parseSuppressions([loaded]);
  return sortDiagnostics([...runRules(ctx, itemRules, config, suppressions).values()].flat());
}

function contextOf(analysis: Analysis, catalogue: Catalogue): LintContext {
  const texts = new Map(analysis.files.map((f) => [f.path, f.text]));
  const indexes = new Map(analysis.files.map((f) => [f.path, f.parsed.lines]));
  const lines = (file: string): LineIndex => {
    let li = indexes.get(file);
    if (!li) indexes.set(file, (li = new LineIndex(texts.get(file) ?? "")));
    return li;
  };
  return {
    analysis,
    catalogue,
    text: (file) => texts.get(file) ?? "",
    lines,
    span: (file, start, end) => lines(file).span(start, end),
  };
}

/** Runs the enabled rules among `rules`: their diagnostics (suppressed ones left out), by rule id. */
function runRules(ctx: LintContext, rules: readonly LintRule[], config: LintConfig, suppressions: Suppression[]): Map<string, Diagnostic[]> {
  const ran = new Map<string, Diagnostic[]>();
  for (const rule of rules) {
    const level = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (level === "off") continue;
    const out: Diagnostic[] = [];
    ran.set(rule.id, out);
    for (const f of rule.check(ctx)) {
      const severity = f.maxSeverity && weight[f.maxSeverity] < weight[level] ? f.maxSeverity : level;
      const d = lintDiagnostic(rule.code as LintCode, f.file, f.span, f.args, { severity, fixes: f.fixes ?? [], related: f.related ?? [] });
      // Every suppression that covers it is used, so that none is reported as unused by mistake.
      const hits = suppressions.filter((s) => suppresses(s, d, rule.id));
      if (hits.length === 0) out.push(d);
    }
  }
  return ran;
}
