/**
 * @kaoping/lint — the catalogue linter: missing caps, points that don't add up, gaps and overlaps in
 * bands, code that disagrees with the official clause, and other rulebook defects.
 *
 *   analysis (core) ──lintAnalysis(config)──▶ diagnostics (KP3xxx, with fixes)
 *                                                ├─ formatLintText  (text)
 *                                                ├─ toSarif         (SARIF 2.1.0)
 *                                                └─ applyFixes      (--fix)
 *
 * Configuration comes from the nearest kp.config.json (findLintConfig); suppressions from
 * `// kp-disable-next-line <rule>: 原因` and `// kp-disable <rule>: 原因` comments.
 */
export { lintAnalysis, lintItem, itemLintCodes, lintRules, ruleIdOf, isLintable } from "./lint.js";
export { findLintConfig, parseLintConfig, CONFIG_FILE, type LintConfig } from "./config.js";
export { toSarif, SARIF_SCHEMA, type SarifOptions } from "./sarif.js";
export { applyFixes, fixEditsFor, isSuggestion, suggestion, SUGGESTION_NOTE, type LintFix } from "./fixes.js";
export { formatLintText, displayPath, severityWord } from "./format.js";
export { lintMessages, formatLintMessage, type LintCode } from "./messages.js";
export { suppressionEdit, REASON_PLACEHOLDER } from "./suppress.js";
export type { LintRuleInfo, LintRuleDoc, RuleLevel } from "./rule.js";
