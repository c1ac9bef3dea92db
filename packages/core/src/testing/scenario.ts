/**
 * Test scenarios of a catalogue (`*.kptest`): a small line-based format rule writers read like a
 * table of cases.  One item per line, indentation free, `//` comments:
 *
 *   细则 「细则.kp」                   (optional: the catalogue; default: the root file beside)
 *   基准                               (optional: facts every unit of every scenario starts from)
 *     「执纪审查评价」 = 4
 *   场景 「参会缺席一次」
 *     类别 「县区」
 *     「参会」 = 1
 *     期望 规则 「参会」 扣 0.5
 *     期望 指标 「落实市×、市××重大决策部署」 3.5
 *     期望 总分 61.5
 *     期望 等次 「优秀」
 *   场景 「排名」                      (several units: each starts with 单位)
 *     单位 「甲县」
 *       「参会」 = 1
 *       期望 名次 2
 *     单位 「乙县」
 *       期望 名次 1
 *
 * Parsing never throws: every line it cannot read is a located KP70xx diagnostic.
 */
import { diagnostic, type Diagnostic, type MessageCode } from "../diagnostics.js";
import { kpDecimalProblem, kpHalfWidth } from "../runtime/decimal.js";
import type { Span } from "../text/position.js";

/** `「key」 = value` */
export interface FactLine {
  key: string;
  /** As written (trimmed); the module reads it like a facts-file cell. */
  value: string;
  span: Span;
  keySpan: Span;
}

export type ExpectationKind = "indicator" | "rule" | "total" | "grade" | "rank";

export interface Expectation {
  kind: ExpectationKind;
  /** The indicator's or rule's name (or an indicator's number, 1.2). */
  target?: string;
  /** indicator/total/rank: the decimal written; rule: signed (扣 0.5 → "-0.5"); grade: its name. */
  value: string;
  /** As written after the target, for messages (扣 0.5, 61.5, 「优秀」). */
  written: string;
  span: Span;
}

export interface ScenarioUnit {
  name: string;
  /** Named by its scenario (a scenario without 单位 lines). */
  implicit: boolean;
  unitClass?: { name: string; span: Span };
  facts: FactLine[];
  expectations: Expectation[];
  span: Span;
}

export interface Scenario {
  name: string;
  /** The 场景 line. */
  span: Span;
  units: ScenarioUnit[];
}

export interface ScenarioFile {
  file: string;
  catalogue?: { path: string; span: Span };
  baseline: FactLine[];
  scenarios: Scenario[];
  diagnostics: Diagnostic[];
}

/** The file extension of scenario files. */
export const SCENARIO_EXTENSION = ".kptest";

/**
 * The words of the format, in one place: the parser below reads them, and the editor's grammar of
 * .kptest (packages/vscode/scripts/generate-grammar.ts → grammar/kptest.tmLanguage.json) colours them.
 */
export const SCENARIO_WORDS = {
  catalogue: "细则",
  baseline: "基准",
  scenario: "场景",
  unit: "单位",
  unitClass: "类别",
  expect: "期望",
  /** What an expectation checks. */
  indicator: "指标",
  rule: "规则",
  total: "总分",
  grade: "等次",
  rank: "名次",
  /** A rule's points: 扣 0.5, 得 1, 不扣分. */
  deduct: "扣",
  award: "得",
  noDeduction: "不扣分",
  /** Measure and ordinal words an expectation may carry: 1.7 分, 第 2 名. */
  points: "分",
  ordinal: "第",
  place: "名",
} as const;

const W = SCENARIO_WORDS;
const QUOTED = "「([^」]*)」";
const NUMBER = "([-+＋－]?[0-9０-９.．]+)";

function spanOf(line: number, lineStart: number, from: number, to: number): Span {
  return { start: { offset: lineStart + from, line, column: from + 1 }, end: { offset: lineStart + to, line, column: to + 1 } };
}

/** Normalises a number as written (full-width digits, a leading +) to half-width text. */
function numberText(s: string): string {
  return kpHalfWidth(s.replace(/[＋]/g, "+").replace(/[－]/g, "-")).replace(/^\+/, "");
}

/** Parses the text of a scenario file. */
export function parseScenarios(text: string, file: string): ScenarioFile {
  const out: ScenarioFile = { file, baseline: [], scenarios: [], diagnostics: [] };
  const diag = (code: MessageCode, span: Span, args: (string | number)[] = []) => out.diagnostics.push(diagnostic(code, span, args, { file }));
  let scenario: Scenario | undefined;
  let unit: ScenarioUnit | undefined;
  let inBaseline = false;
  const names = new Map<string, number>();
  let offset = 0;
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const lineNo = i + 1;
    const noBom = i === 0 && raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
    const shift = raw.length - noBom.length;
    // A comment starts at // outside 「」.
    let body = noBom;
    let depth = 0;
    for (let k = 0; k < body.length; k++) {
      const ch = body[k];
      if (ch === "「") depth++;
      else if (ch === "」") depth = Math.max(0, depth - 1);
      else if (depth === 0 && ch === "/" && body[k + 1] === "/") {
        body = body.slice(0, k);
        break;
      }
    }
    const trimmedEnd = body.replace(/[\s\r]+$/, "");
    const indent = trimmedEnd.length - trimmedEnd.trimStart().length;
    const t = trimmedEnd.trim();
    if (t === "") return;
    const from = shift + indent;
    const whole = spanOf(lineNo, lineStart, from, from + t.length);
    let m: RegExpExecArray | null;

    if ((m = new RegExp(`^${W.catalogue}\\s*${QUOTED}$`).exec(t))) {
      if (scenario || inBaseline || out.catalogue) diag("KP7019", whole);
      else out.catalogue = { path: m[1]!.trim(), span: whole };
      return;
    }
    if (t === W.baseline) {
      if (scenario) diag("KP7001", whole, [`「基准」应写在第一个「场景」之前`]);
      inBaseline = true;
      return;
    }
    if ((m = new RegExp(`^${W.scenario}\\s*${QUOTED}$`).exec(t))) {
      const name = m[1]!.trim();
      const prev = names.get(name);
      if (prev !== undefined) diag("KP7004", whole, [name, prev]);
      else names.set(name, lineNo);
      inBaseline = false;
      scenario = { name, span: whole, units: [] };
      unit = undefined;
      out.scenarios.push(scenario);
      return;
    }
    if ((m = new RegExp(`^${W.unit}\\s*${QUOTED}(?:\\s*${W.unitClass}\\s*${QUOTED})?$`).exec(t))) {
      if (!scenario) return void diag("KP7002", whole, ["单位"]);
      const name = m[1]!.trim();
      if (scenario.units.some((u) => u.name === name)) diag("KP7008", whole, [scenario.name, name]);
      if (scenario.units.length === 1 && scenario.units[0]!.implicit) diag("KP7009", scenario.units[0]!.span, [scenario.name]);
      unit = { name, implicit: false, facts: [], expectations: [], span: whole };
      if (m[2] !== undefined) unit.unitClass = { name: m[2].trim(), span: whole };
      scenario.units.push(unit);
      return;
    }
    const current = (): ScenarioUnit | undefined => {
      if (!scenario) return undefined;
      if (!unit) {
        unit = { name: scenario.name, implicit: true, facts: [], expectations: [], span: scenario.span };
        scenario.units.push(unit);
      }
      return unit;
    };
    if ((m = new RegExp(`^${W.unitClass}\\s*${QUOTED}$`).exec(t))) {
      const u = current();
      if (!u) return void diag("KP7002", whole, ["类别"]);
      u.unitClass = { name: m[1]!.trim(), span: whole };
      return;
    }
    if ((m = new RegExp(`^${QUOTED}\\s*(?:[=＝]\\s*(.*))?$`).exec(t))) {
      const key = m[1]!.trim();
      const value = (m[2] ?? "").trim();
      const keyEnd = from + t.indexOf("」") + 1;
      const fact: FactLine = { key, value, span: whole, keySpan: spanOf(lineNo, lineStart, from, keyEnd) };
      if (value === "") return void diag("KP7003", whole, [key]);
      if (inBaseline && !scenario) {
        out.baseline.push(fact);
        return;
      }
      const u = current();
      if (!u) return void diag("KP7002", whole, [`「${key}」 = ${value}`]);
      const dup = u.facts.find((f) => f.key === key);
      if (dup) return void diag("KP7018", whole, [key, dup.span.start.line]);
      u.facts.push(fact);
      return;
    }
    if (t.startsWith(W.expect)) {
      const rest = t.slice(W.expect.length).trim();
      const e = parseExpectation(rest, whole);
      if (typeof e === "string") return void diag("KP7006", whole, [e]);
      if ("bad" in e) return void diag(e.code, whole, e.args);
      const u = current();
      if (!u) return void diag("KP7002", whole, ["期望"]);
      u.expectations.push(e);
      return;
    }
    diag("KP7001", whole, [lineHint(t)]);
  });
  for (const s of out.scenarios) if (s.units.every((u) => u.expectations.length === 0)) diag("KP7005", s.span, [s.name]);
  return out;
}

type Bad = { bad: true; code: MessageCode; args: string[] };

function decimalOrBad(text: string): string | Bad {
  const n = numberText(text);
  const problem = kpDecimalProblem(n.replace(/^-/, ""));
  if (problem === "notNumber" || /%$/.test(n)) return { bad: true, code: "KP7007", args: [text] };
  return n;
}

function parseExpectation(rest: string, span: Span): Expectation | Bad | string {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(${W.indicator}|${W.rule})\\s*${QUOTED}\\s*(${W.deduct}|${W.award})?\\s*${NUMBER}\\s*${W.points}?$`).exec(rest))) {
    const n = decimalOrBad(m[4]!);
    if (typeof n !== "string") return n;
    const kind = m[1] === W.indicator ? "indicator" : "rule";
    if (kind === "indicator" && m[3]) return "指标的期望是它的得分，不写「扣」「得」，例如：期望 指标 「信息工作」 1.7";
    const negative = m[3] === W.deduct || (m[3] === undefined && n.startsWith("-"));
    const abs = n.replace(/^-/, "");
    const value = kind === "rule" && negative && !/^0*\.?0*$/.test(abs) ? "-" + abs : kind === "rule" ? abs : n;
    return { kind, target: m[2]!.trim(), value, written: `${m[3] ?? ""}${m[3] ? " " : ""}${n}`, span };
  }
  if ((m = new RegExp(`^(${W.indicator}|${W.rule})\\s*${QUOTED}\\s*${W.noDeduction}$`).exec(rest))) {
    if (m[1] === W.indicator) return "「不扣分」只用于规则，例如：期望 规则 「参会」 不扣分";
    return { kind: "rule", target: m[2]!.trim(), value: "0", written: "不扣分", span };
  }
  if ((m = new RegExp(`^${W.total}\\s*${NUMBER}\\s*${W.points}?$`).exec(rest))) {
    const n = decimalOrBad(m[1]!);
    if (typeof n !== "string") return n;
    return { kind: "total", value: n, written: n, span };
  }
  if ((m = new RegExp(`^${W.grade}\\s*${QUOTED}$`).exec(rest))) return { kind: "grade", value: m[1]!.trim(), written: `「${m[1]!.trim()}」`, span };
  if ((m = new RegExp(`^${W.rank}\\s*(?:${W.ordinal}\\s*)?(\\S+?)\\s*${W.place}?$`).exec(rest))) {
    const n = numberText(m[1]!);
    if (!/^[1-9][0-9]{0,8}$/.test(n)) return { bad: true, code: "KP7021", args: [m[1]!] };
    return { kind: "rank", value: n, written: n, span };
  }
  return "期望之后应写 指标 「名称」 得分、规则 「名称」 扣 0.5 / 得 1 / 不扣分、总分 61.5、等次 「优秀」 或 名次 1";
}

/** What a line that fits nothing probably lacks. */
function lineHint(t: string): string {
  if (/^[^「」\s=]+\s*[=＝]/.test(t)) return `事实的名称应写在「」中，例如：「${t.split(/[=＝]/)[0]!.trim()}」 = ${t.split(/[=＝]/).slice(1).join("=").trim()}`;
  return `每行应是 场景、单位、类别、「事实」 = 值、期望 …、基准 或 细则 之一`;
}

/** Decimal places of a decimal text (0 for an integer). */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}
