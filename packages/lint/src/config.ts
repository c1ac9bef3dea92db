/**
 * Configuration: the nearest `kp.config.json` upward from a linted file or directory.
 *
 *   { "lint": { "rules": { "missing-cap": "off", "clause-mismatch": "warning" } } }
 *
 * Other top-level keys belong to other kaoping tools and are left alone.  Problems (not JSON, a
 * wrong shape, an unknown rule, an unknown level) are KP3900 diagnostics at their exact place in the
 * config file; the valid parts of a config still apply.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { formatMessage, LineIndex, MAX_SOURCE_BYTES, readRefusal, readRegularFile, type Diagnostic, type ReadFileResult } from "@kaoping/core";
import * as jsonc from "jsonc-parser";
import { lintDiagnostic } from "./messages.js";
import type { RuleLevel } from "./rule.js";
import { ruleById } from "./rules/index.js";

/** Lint configuration: a level per rule id. */
export interface LintConfig {
  rules?: Record<string, "off" | "info" | "warning" | "error">;
}

/** The name of the configuration file. */
export const CONFIG_FILE = "kp.config.json";

/** JSON syntax errors, in Chinese. */
const jsonErrors: Record<string, string> = {
  InvalidSymbol: "无法识别的符号",
  InvalidNumberFormat: "数字的格式不对",
  PropertyNameExpected: "这里应为带双引号的属性名（JSON 中最后一项之后不能有逗号）",
  ValueExpected: "这里应为一个值（文件不能为空）",
  ColonExpected: "这里应为冒号「:」",
  CommaExpected: "这里应为逗号「,」",
  CloseBraceExpected: "缺少「}」",
  CloseBracketExpected: "缺少「]」",
  EndOfFileExpected: "这里应是文件末尾",
  InvalidCommentToken: "JSON 中不能写注释",
  UnexpectedEndOfComment: "注释没有结束",
  UnexpectedEndOfString: "字符串没有结束",
  UnexpectedEndOfNumber: "数字没有结束",
  InvalidUnicode: "无效的 Unicode 转义",
  InvalidEscapeCharacter: "无效的转义字符",
  InvalidCharacter: "无效的字符",
};

const levels: readonly RuleLevel[] = ["off", "info", "warning", "error"];

/**
 * Finds the nearest kp.config.json at or above `startPath` (a file or a directory) and reads its
 * `lint` section.  Without a config file the result is the empty config and no path.
 */
export function findLintConfig(startPath: string): { config: LintConfig; path?: string; diagnostics: Diagnostic[] } {
  let dir = resolve(startPath);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate) && !isDirectory(candidate)) {
      // Only a regular file of bounded size: a FIFO or a link to /dev/zero named kp.config.json
      // must not block or exhaust memory.
      const r = readRegularFile(candidate, MAX_SOURCE_BYTES);
      if (!r.ok) {
        const d = lintDiagnostic("KP3900", candidate, new LineIndex("").span(0, 0), [`无法读取：${readProblemText(r)}`]);
        return { config: {}, path: candidate, diagnostics: [d] };
      }
      return { ...parseLintConfig(r.bytes.toString("utf8"), candidate), path: candidate };
    }
    const up = dirname(dir);
    if (up === dir) return { config: {}, diagnostics: [] };
    dir = up;
  }
}

/** Why a config file could not be read, in Chinese: core's message for the refusal. */
function readProblemText(r: Exclude<ReadFileResult, { ok: true }>): string {
  const { code, args } = readRefusal(r);
  return formatMessage(code, args);
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads the `lint` section of a kp.config.json text; `path` labels the diagnostics. */
export function parseLintConfig(text: string, path: string): { config: LintConfig; diagnostics: Diagnostic[] } {
  const source = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const report = (start: number, end: number, why: string) => diagnostics.push(lintDiagnostic("KP3900", path, lines.span(start, end), [why]));
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const at = e ? e.offset : 0;
    report(at, at + (e ? Math.max(e.length, 1) : 0), `不是有效的 JSON：${e ? (jsonErrors[jsonc.printParseErrorCode(e.error)] ?? jsonc.printParseErrorCode(e.error)) : "内容为空"}`);
    return { config: {}, diagnostics };
  }
  const config: LintConfig = {};
  if (root.type !== "object") {
    report(root.offset, root.offset + root.length, "最外层应为 JSON 对象 { … }");
    return { config, diagnostics };
  }
  const lint = jsonc.findNodeAtLocation(root, ["lint"]);
  if (!lint) return { config, diagnostics };
  if (lint.type !== "object") {
    report(lint.offset, lint.offset + lint.length, "「lint」应为对象，如 { \"rules\": { … } }");
    return { config, diagnostics };
  }
  for (const prop of lint.children ?? []) {
    const key = prop.children?.[0];
    if (key && key.value !== "rules") report(key.offset, key.offset + key.length, `「lint」中只能有「rules」，不认识「${String(key.value)}」`);
  }
  const rules = jsonc.findNodeAtLocation(lint, ["rules"]);
  if (!rules) return { config, diagnostics };
  if (rules.type !== "object") {
    report(rules.offset, rules.offset + rules.length, "「lint.rules」应为对象：规则名 → \"off\" | \"info\" | \"warning\" | \"error\"");
    return { config, diagnostics };
  }
  const out: Record<string, RuleLevel> = {};
  for (const prop of rules.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || !value) continue;
    const id = String(key.value);
    if (!ruleById.has(id)) {
      const near = closestRule(id);
      report(key.offset, key.offset + key.length, `没有名为「${id}」的规则${near ? `，是否想写「${near}」？` : ""}`);
      continue;
    }
    if (value.type !== "string" || !levels.includes(value.value as RuleLevel)) {
      report(value.offset, value.offset + value.length, `规则「${id}」的级别应为 "off"、"info"、"warning" 或 "error"，实际为 ${source.slice(value.offset, value.offset + value.length)}`);
      continue;
    }
    out[id] = value.value as RuleLevel;
  }
  config.rules = out;
  return { config, diagnostics };
}

/** The rule id closest to a misspelled one, if any is close. */
export function closestRule(id: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const r of ruleById.keys()) {
    const d = editDistance(id, r);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
