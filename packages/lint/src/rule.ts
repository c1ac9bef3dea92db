/**
 * What a lint rule is: its public description ({@link LintRuleInfo}, listed in `lintRules`) and its
 * check, a pure function from the analysed catalogue to findings.  The linter (lint.ts) turns
 * findings into diagnostics with the rule's code and configured severity.
 */
import type { Analysis, Catalogue, Fix, LineIndex, RelatedInformation, Span } from "@kaoping/core";
import type { LintCode } from "./messages.js";

/** A severity a rule can be configured to, or `off`. */
export type RuleLevel = "off" | "info" | "warning" | "error";

/** The documentation of a rule, in Chinese, for users. */
export interface LintRuleDoc {
  /** What the rule finds and why it matters. */
  description: string;
  /** A .kp snippet the rule reports. */
  bad: string;
  /** The same snippet, corrected. */
  good: string;
}

/** The public description of a lint rule. */
export interface LintRuleInfo {
  /** Kebab-case id, used in kp.config.json and in suppression comments. */
  id: string;
  /** The rule's stable diagnostic code (KP3xxx). */
  code: LintCode;
  /** Severity when kp.config.json does not say otherwise. */
  defaultSeverity: Exclude<RuleLevel, "off">;
  /** Short Chinese title. */
  title: string;
  doc: LintRuleDoc;
}

/** One problem a rule found; the linter adds the code and severity. */
export interface Finding {
  file: string;
  span: Span;
  /** Placeholder values of the rule's catalogue message. */
  args: (string | number)[];
  fixes?: Fix[];
  related?: RelatedInformation[];
  /**
   * The most this finding may weigh: a rule configured above it reports the finding at this level
   * (missing-cap reports a deduction its indicator already bounds as a hint, whatever its level).
   */
  maxSeverity?: "hint" | "info" | "warning";
}

/** What a rule's check sees. */
export interface LintContext {
  analysis: Analysis;
  catalogue: Catalogue;
  /** The text of a file of the catalogue. */
  text(file: string): string;
  /** The line index of a file of the catalogue. */
  lines(file: string): LineIndex;
  /** The span of `[start, end)` in a file. */
  span(file: string, start: number, end: number): Span;
  /**
   * True when only one top-level item is linted (the editor's keystroke lint, `lintItem`):
   * `catalogue` then holds that item's indicator or section and its rules only, while
   * `analysis.catalogue` is still the whole catalogue.  Findings about the whole catalogue (the
   * first-level indicators against 总分) are left to the whole-catalogue lint.
   */
  item?: boolean;
}

/** A lint rule: its description and its check. */
export interface LintRule extends LintRuleInfo {
  check(ctx: LintContext): Finding[];
  /**
   * Its findings depend on the whole catalogue (e.g. a declaration no item uses): it does not run
   * when one item is linted (`lintItem`).  Other rules find, for the rules and indicators of one
   * top-level item, what they find there in the whole catalogue.
   */
  catalogueWide?: boolean;
}
