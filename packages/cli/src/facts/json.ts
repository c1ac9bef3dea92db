/**
 * JSON facts files: `{ "units": [ … ] }` or a bare array of `{ name, classes?, facts }` (the shape the
 * JSON Schema written by `kp compile` describes).  jsonc-parser gives every node's position, so a
 * syntax error is reported at its line and column (KP4013) and a problem with a fact at its key.
 * Strict JSON: no comments, no trailing commas.
 */
import { LineIndex, type Span } from "@kaoping/core";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { UnitInput } from "../module.js";
import type { CliDiagnostic } from "../report/diagnostics.js";
import { factsDiagnostic, type FactsLocation, type FactsLocator } from "./types.js";

const syntaxErrors: Record<string, string> = {
  InvalidSymbol: "无效的符号",
  InvalidNumberFormat: "数字格式不对",
  PropertyNameExpected: "此处应为用双引号括起的属性名（JSON 不允许末尾多余的逗号）",
  ValueExpected: "此处应为一个值（JSON 不允许末尾多余的逗号）",
  ColonExpected: "此处应为冒号「:」",
  CommaExpected: "此处应为逗号「,」",
  CloseBraceExpected: "此处应为「}」",
  CloseBracketExpected: "此处应为「]」",
  EndOfFileExpected: "此处应为文件末尾",
  InvalidCommentToken: "JSON 中不能写注释",
  UnexpectedEndOfComment: "注释没有结束",
  UnexpectedEndOfString: "字符串没有闭合",
  UnexpectedEndOfNumber: "数字没有写完",
  InvalidUnicode: "无效的 Unicode 转义",
  InvalidEscapeCharacter: "无效的转义字符",
  InvalidCharacter: "字符串中有无效的字符（如未转义的换行）",
};

/** Reads a JSON facts text (already decoded). */
export function readJson(file: string, text: string): { units: UnitInput[]; diagnostics: CliDiagnostic[]; locator: FactsLocator; rows: number } {
  const lines = new LineIndex(text);
  const span = (n: { offset: number; length: number }): Span => lines.span(n.offset, n.offset + n.length);
  const diagnostics: CliDiagnostic[] = [];
  const unitNodes = new Map<string, Node[]>();
  const locator: FactsLocator = {
    unit(name, occurrence = 0) {
      const n = unitNodes.get(name)?.[occurrence];
      const nameNode = n && findNodeAtLocation(n, ["name"]);
      return nameNode ? { span: span(nameNode) } : undefined;
    },
    fact(name, key) {
      const n = unitNodes.get(name)?.[0];
      const facts = n && findNodeAtLocation(n, ["facts"]);
      const prop = facts && findFlattened(facts, key);
      return prop?.children?.[0] ? { span: span(prop.children[0]) } : undefined;
    },
    classes(name, cls) {
      const n = unitNodes.get(name)?.[0];
      const c = n && findNodeAtLocation(n, ["classes"]);
      const item = c?.type === "array" ? c.children?.find((x) => typeof x.value === "string" && x.value.trim() === cls) : undefined;
      return item ? { span: span(item) } : c ? { span: span(c) } : undefined;
    },
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    const at: FactsLocation = first ? { span: span(first) } : { span: lines.span(0, 0) };
    const what = first ? (syntaxErrors[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : "文件中没有 JSON 值";
    diagnostics.push(factsDiagnostic(file, "KP4013", at, [what]));
    return { units: [], diagnostics, locator, rows: 0 };
  }
  const value = JSON.parse(text) as unknown;
  let list: unknown[];
  let listNode: Node;
  if (Array.isArray(value)) {
    list = value;
    listNode = root;
  } else if (value !== null && typeof value === "object" && Array.isArray((value as { units?: unknown }).units)) {
    list = (value as { units: unknown[] }).units;
    listNode = findNodeAtLocation(root, ["units"])!;
  } else {
    const unitsNode = root.type === "object" ? findNodeAtLocation(root, ["units"]) : undefined;
    diagnostics.push(
      factsDiagnostic(file, "KP4020", { span: span(unitsNode ?? root) }, [
        unitsNode ? "「units」应为单位的数组" : "应为 { \"units\": [ … ] } 或单位的数组",
      ]),
    );
    return { units: [], diagnostics, locator, rows: 0 };
  }
  const units: UnitInput[] = [];
  list.forEach((u, i) => {
    const node = listNode.children![i]!;
    const name = u !== null && typeof u === "object" && !Array.isArray(u) ? (u as { name?: unknown }).name : undefined;
    if (typeof name !== "string" || name.trim() === "") {
      const nameNode = node.type === "object" ? findNodeAtLocation(node, ["name"]) : undefined;
      diagnostics.push(
        factsDiagnostic(file, "KP4001", { span: span(nameNode ?? node) }, [], {
          message: `第 ${i + 1} 个单位${node.type !== "object" ? "应为对象 { name, classes, facts }" : nameNode ? "的 name 应为非空文本" : "缺少 name 字段（单位名称）"}`,
        }),
      );
      return;
    }
    const key = name.trim();
    unitNodes.set(key, [...(unitNodes.get(key) ?? []), node]);
    units.push(u as UnitInput);
  });
  return { units, diagnostics, locator, rows: list.length };
}

/**
 * The property of a facts object whose flattened key is `key` (the module flattens nested objects:
 * `{ "处分": { "轻处分": 1 } }` is `处分.轻处分`).
 */
function findFlattened(facts: Node, key: string, prefix = ""): Node | undefined {
  if (facts.type !== "object") return undefined;
  for (const prop of facts.children ?? []) {
    const k = prop.children?.[0]?.value as string | undefined;
    const v = prop.children?.[1];
    if (k === undefined) continue;
    const full = prefix === "" ? k : `${prefix}.${k}`;
    if (full === key) return prop;
    if (v?.type === "object" && key.startsWith(full + ".")) {
      const inner = findFlattened(v, key, full);
      if (inner) return inner;
    }
  }
  return undefined;
}
