/**
 * JSON facts files: `{ "units": [ … ] }` or a bare array of `{ name, classes?, facts }` (the shape the
 * JSON Schema written by `kp compile` describes).  jsonc-parser gives every node's position, so a
 * syntax error is reported at its line and column (KP4013) and a problem with a fact at its key.
 * Strict JSON: no comments, no trailing commas.
 *
 * Values are built from the syntax tree, never through `JSON.parse`, so that nothing is lost or
 * guessed on the way:
 * - a number is read from its source text (its lexeme), exactly, by the rules of a CSV cell: at most
 *   6 decimals as written once the exponent is applied (KP4010; `2.50000000` has 8, as in a CSV cell),
 *   no more than the exact range (KP4005); `1e2` is 100, `1.5e1` is 15, `1E-7` has 7 decimals,
 *   `-0` is read as the text "-0" (negative, as in a CSV cell).  `2.0000000000000001` is therefore
 *   never the count 2;
 * - a key written twice in one object — also `{"违纪":{"轻处分":2},"违纪.轻处分":5}` (one flattened
 *   key), and two keys that are the same name after {@link nameKey} (full/half width, NFC) — is
 *   KP4023 at the second, with the first as related information; so are two `name` or `facts` keys
 *   in a unit;
 * - a key or unit name containing an invisible, bidirectional-control or control character is KP4024
 *   at it, naming the character (U+200B …); a fact key is matched to the catalogue's key through
 *   {@link nameKey}; two unit names that are the same after nameKey but written differently are
 *   KP4006 with both places;
 * - nesting deeper than {@link MAX_JSON_DEPTH} arrays/objects is KP4020 at the bracket that goes too
 *   deep (checked before parsing: the parser is recursive); more than {@link MAX_JSON_VALUES} values
 *   and keys is KP0012 (the syntax tree would not fit in the JavaScript heap).
 *
 * Facts are handed to the module flattened (`违纪.轻处分`), as the module would flatten them.
 */
import { invisibleChars, LineIndex, nameKey, type RelatedInformation, type Span, type UnitInput } from "@kaoping/core";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { printable, withoutInvisible } from "./table.js";
import { factsDiagnostic, type FactsDiagnostic, type FactsLocation, type FactsLocator } from "./types.js";

/** The deepest nesting of arrays and objects a JSON facts file may have (the facts need 5 or 6). */
export const MAX_JSON_DEPTH = 64;

/**
 * The most values and keys a JSON facts file may have.  Its syntax tree (every value and key with
 * its position) takes about 350 bytes for each: 6 million (about 45 MB of facts, 200,000 units of 12
 * facts) keep the reader under 2.5 GB, where more would end in the JavaScript heap's abort.  Larger
 * sets of facts fit in CSV files, which are read row by row into far less memory.
 */
export const MAX_JSON_VALUES = 6_000_000;

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

/**
 * Before parsing: the offset of the first `[` or `{` nested deeper than `maxDepth` (or -1), and about
 * how many values and keys the text has (one for each `[`, `{`, `,` and `:`, plus one).
 */
export function scanJson(text: string, maxDepth: number): { tooDeepAt: number; values: number } {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 44 || c === 58) values++;
    else if (c === 91 || c === 123) {
      values++;
      if (++depth > maxDepth) return { tooDeepAt: i, values };
    } else if (c === 93 || c === 125) depth--;
  }
  return { tooDeepAt: -1, values };
}

/** What the reader knows of the catalogue's fact keys: each key by its {@link nameKey}. */
export type KeysByName = ReadonlyMap<string, string>;

/** A JSON number read from its source text: the value for the module, or why it cannot be read. */
export type JsonNumber = { value: number | string } | { problem: "tooManyPlaces" | "tooLarge" };

/**
 * Reads a JSON number lexeme exactly.  A number that a double holds exactly for the module's
 * purposes (an integer up to 2^53 − 1, or at most 9 integer digits and 6 decimals) is a number; the
 * few others that are still exact decimals are handed over as their plain decimal text, which the
 * module reads digit by digit as it reads a CSV cell.
 */
export function readJsonNumber(lexeme: string): JsonNumber {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(lexeme);
  if (!m) return { problem: "tooLarge" };
  const [, sign, int = "", frac = "", expText = "0"] = m;
  // Decimals as written once the exponent is applied (as a CSV cell counts them: 2.50000000 has 8).
  const writtenExp = BigInt(expText) - BigInt(frac.length);
  if (writtenExp < -6n) return { problem: "tooManyPlaces" };
  let digits = (int + frac).replace(/^0+/, "");
  const trailing = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trailing);
  if (digits === "") return { value: sign === "-" ? "-0" : 0 };
  // value = digits × 10^exp, digits without leading or trailing zeros
  const expBig = writtenExp + BigInt(trailing);
  if (BigInt(digits.length) + expBig > 16n) return { problem: "tooLarge" };
  const exp = Number(expBig);
  const places = Math.max(0, -exp);
  const intDigits = digits.length + exp;
  let plain: string;
  if (exp >= 0) plain = digits + "0".repeat(exp);
  else if (intDigits > 0) plain = digits.slice(0, intDigits) + "." + digits.slice(intDigits);
  else plain = "0." + "0".repeat(-intDigits) + digits;
  plain = sign + plain;
  const n = Number(plain);
  if (places === 0 ? Number.isSafeInteger(n) : intDigits <= 9) return { value: n };
  return { value: plain };
}

/**
 * Whether the number at text[offset, offset + length) is non-negative, without exponent, with at
 * most 9 integer digits and 1 to 6 decimals, or an integer of at most 15 digits: then its double is
 * exact for the module (see {@link readJsonNumber}), and no text needs to be made.
 */
export function isPlainNumber(text: string, offset: number, length: number): boolean {
  let intDigits = 0;
  let places = -1;
  for (let i = offset; i < offset + length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (places < 0) intDigits++;
      else places++;
    } else if (c === 46 && places < 0) places = 0;
    else return false;
  }
  if (intDigits === 0) return false;
  if (places < 0) return intDigits <= 15;
  return places >= 1 && places <= 6 && intDigits <= 9;
}

/** A jsonc-parser syntax error (its printed code) in Chinese. */
export function syntaxMessage(code: string): string {
  return syntaxErrors[code] ?? code;
}

/** Reads a JSON facts text (already decoded). */
export function readJson(
  file: string,
  text: string,
  keys: KeysByName = new Map(),
  perItem: ReadonlySet<string> = new Set(),
): { units: UnitInput[]; diagnostics: FactsDiagnostic[]; locator: FactsLocator; rows: number; reported: Set<string> } {
  const lines = new LineIndex(text);
  const span = (n: { offset: number; length: number }): Span => lines.span(n.offset, n.offset + n.length);
  const diagnostics: FactsDiagnostic[] = [];
  const reported = new Set<string>();
  const unitNodes = new Map<string, Node[]>();
  const idMemo = new Map<string, string>(); // the same keys repeat in every unit
  const idOf = (name: string): string => {
    let id = idMemo.get(name);
    if (id === undefined) {
      id = nameKey(name);
      if (idMemo.size < 100_000) idMemo.set(name, id);
    }
    return id;
  };
  const locator: FactsLocator = {
    unit(name, occurrence = 0) {
      const n = unitNodes.get(name)?.[occurrence];
      const nameNode = n && findNodeAtLocation(n, ["name"]);
      return nameNode ? { span: span(nameNode) } : undefined;
    },
    fact(name, key) {
      const n = unitNodes.get(name)?.[0];
      const facts = n && n.type === "object" ? findNodeAtLocation(n, ["facts"]) : undefined;
      const k = facts && findFlattened(facts, idOf(key), idOf);
      return k ? { span: span(k) } : undefined;
    },
    classes(name, cls) {
      const n = unitNodes.get(name)?.[0];
      const c = n && findNodeAtLocation(n, ["classes"]);
      const item = c?.type === "array" ? c.children?.find((x) => typeof x.value === "string" && x.value.trim() === cls) : undefined;
      return item ? { span: span(item) } : c ? { span: span(c) } : undefined;
    },
  };
  const result = (units: UnitInput[], rows: number) => ({ units, diagnostics, locator, rows, reported });

  const scanned = scanJson(text, MAX_JSON_DEPTH);
  const deep = scanned.tooDeepAt;
  if (deep < 0 && scanned.values > MAX_JSON_VALUES) {
    const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    diagnostics.push(factsDiagnostic(file, "KP0012", undefined, [`${count(scanned.values)} 个 JSON 值和键`, `${count(MAX_JSON_VALUES)} 个；更多的单位请用 CSV 文件`]));
    return result([], 0);
  }
  if (deep >= 0) {
    diagnostics.push(factsDiagnostic(file, "KP4020", { span: lines.span(deep, deep + 1) }, [`数组和对象的嵌套超过 ${MAX_JSON_DEPTH} 层`]));
    return result([], 0);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    const at: FactsLocation = first ? { span: span(first) } : { span: lines.span(0, 0) };
    const what = first ? syntaxMessage(printParseErrorCode(first.error)) : "文件中没有 JSON 值";
    diagnostics.push(factsDiagnostic(file, "KP4013", at, [what]));
    return result([], 0);
  }

  const related = (n: Node, message: string): RelatedInformation[] => [{ file, span: span(n), message }];
  /** The properties of an object node, reporting keys written twice (also after nameKey). */
  const properties = (obj: Node, canonical: (key: string) => string = idOf): Map<string, { key: Node; value: Node }> => {
    const props = new Map<string, { key: Node; value: Node }>();
    for (const p of obj.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v || typeof k.value !== "string") continue;
      const id = canonical(k.value);
      const prev = props.get(id);
      if (prev) {
        duplicateKey(k, prev.key);
        continue;
      }
      props.set(id, { key: k, value: v });
    }
    return props;
  };
  const duplicateKey = (k: Node, prev: Node) => {
    const shown = k.value as string;
    const prevShown = prev.value as string;
    const message = prevShown === shown ? `键「${shown}」重复出现：同一个对象中只能写一次` : `键「${shown}」与「${prevShown}」是同一个名称（写法不同），重复出现`;
    diagnostics.push(factsDiagnostic(file, "KP4023", { span: span(k) }, [shown], { message, related: related(prev, "第一次出现在这里") }));
  };
  const clean = new Set<string>(); // names already checked (the same keys repeat in every unit)
  const invisible = (what: string, name: string, node: Node): boolean => {
    if (clean.has(name)) return false;
    const bad = invisibleChars(name);
    if (bad.length === 0) clean.add(name);
    if (bad.length === 0) return false;
    const c = bad[0]!;
    diagnostics.push(factsDiagnostic(file, "KP4024", { span: span(node) }, [what, printable(name), c.codePoint, c.what]));
    return true;
  };

  /** A JSON value as the module expects it (numbers exactly, see readJsonNumber). */
  const plainValue = (n: Node): unknown => {
    switch (n.type) {
      case "array":
        return (n.children ?? []).map((c) => (c.type === "number" ? text.slice(c.offset, c.offset + c.length) : plainValue(c)));
      case "object": {
        const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // "__proto__" is a key like any other
        for (const [k, p] of properties(n, (s) => s)) o[k] = plainValue(p.value);
        return o;
      }
      case "number": {
        const r = readJsonNumber(text.slice(n.offset, n.offset + n.length));
        return "value" in r ? r.value : text.slice(n.offset, n.offset + n.length);
      }
      default:
        return n.value as unknown;
    }
  };

  let listNode: Node;
  if (root.type === "array") listNode = root;
  else {
    const units = root.type === "object" ? properties(root).get("units")?.value : undefined;
    if (!units || units.type !== "array") {
      diagnostics.push(
        factsDiagnostic(file, "KP4020", { span: span(units ?? root) }, [units ? "「units」应为单位的数组" : "应为 { \"units\": [ … ] } 或单位的数组"]),
      );
      return result([], 0);
    }
    listNode = units;
  }

  const out: UnitInput[] = [];
  // Reused for every unit (cleared): a 100,000-unit file does not keep 100,000 maps.
  const seen = new Map<string, Node>(); // nameKey of a flattened fact key → its first key node
  const seenFull = new Map<string, string>(); // … → that key as written
  const byNameKey = new Map<string, Node>();
  const list = listNode.children ?? [];
  list.forEach((node, i) => {
    const props = node.type === "object" ? properties(node) : undefined;
    const nameNode = props?.get("name")?.value;
    const name = nameNode?.type === "string" ? (nameNode.value as string) : undefined;
    if (!props || name === undefined || name.trim() === "") {
      diagnostics.push(
        factsDiagnostic(file, "KP4001", { span: span(nameNode ?? node) }, [], {
          message: `第 ${i + 1} 个单位${node.type !== "object" ? "应为对象 { name, classes, facts }" : nameNode ? "的 name 应为非空文本" : "缺少 name 字段（单位名称）"}`,
        }),
      );
      return;
    }
    const trimmed = name.trim();
    invisible("单位名称", name, nameNode!);
    const id = nameKey(trimmed);
    const firstNode = byNameKey.get(id);

    if (firstNode && (firstNode.value as string).trim() !== trimmed) {
      const before = (firstNode.value as string).trim();
      diagnostics.push(
        factsDiagnostic(file, "KP4006", { span: span(nameNode!) }, [trimmed], {
          message: `单位「${trimmed}」重复出现：与「${before}」是同一个名称（写法不同）`,
          related: related(firstNode, "第一次出现在这里"),
        }),
      );
    } else if (!firstNode) byNameKey.set(id, nameNode!);
    unitNodes.set(trimmed, [...(unitNodes.get(trimmed) ?? []), node]);

    const unit: UnitInput = { name } as UnitInput;
    const classesNode = props.get("classes")?.value;
    if (classesNode) (unit as { classes?: unknown }).classes = plainValue(classesNode);
    const factsNode = props.get("facts")?.value;
    if (factsNode && factsNode.type !== "object") (unit as { facts?: unknown }).facts = plainValue(factsNode);
    else if (factsNode) {
      const flat: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // "__proto__" is a key like any other
      seen.clear();
      seenFull.clear();
      const visit = (obj: Node, prefix: string) => {
        for (const p of obj.children ?? []) {
          const [k, v] = p.children ?? [];
          if (!k || !v || typeof k.value !== "string") continue;
          const full = prefix === "" ? k.value : `${prefix}.${k.value}`;
          if (invisible("事实的键", k.value, k)) {
            // The fact it was meant to be: the module's "missing fact" error about it is a consequence.
            const meant = keys.get(idOf(withoutInvisible(full)));
            if (meant !== undefined) reported.add(`${trimmed}\u0000${meant}`);
            continue;
          }
          // { 村: { 甲村: 2 } } of a compound count (每村 每次) is that rule's per-item counts, not nested keys
          // ({ 村: { 村: 3, 次: 2 } } is the nested form of 村.村 and 村.次)
          const nested = (o: Node) => (o.children ?? []).every((c) => typeof c.children?.[0]?.value === "string" && keys.has(idOf(`${full}.${c.children[0].value as string}`)));
          if (v.type === "object" && (!perItem.has(idOf(full)) || nested(v))) {
            visit(v, full);
            continue;
          }
          const id = idOf(full);
          const key = keys.get(id) ?? full;
          const prev = seen.get(id);
          if (prev) {
            duplicateKeyFlat(k, full, prev, seenFull.get(id) ?? "");
            continue;
          }
          seen.set(id, k);
          seenFull.set(id, full);
          if (v.type === "number") {
            if (isPlainNumber(text, v.offset, v.length)) {
              // The common case: the parser's double is exactly what readJsonNumber would give.
              flat[key] = v.value as number;
              continue;
            }
            const lexeme = text.slice(v.offset, v.offset + v.length);
            const r = readJsonNumber(lexeme);
            if ("problem" in r) {
              reported.add(`${trimmed}\u0000${key}`);
              diagnostics.push(
                r.problem === "tooManyPlaces"
                  ? factsDiagnostic(file, "KP4010", { span: span(k) }, [key, lexeme])
                  : factsDiagnostic(file, "KP4005", { span: span(k) }, [key, lexeme, ""], { message: `「${key}」的值 ${lexeme} 超出范围：数太大，无法精确计算` }),
              );
              continue;
            }
            flat[key] = r.value;
          } else flat[key] = plainValue(v);
        }
      };
      const duplicateKeyFlat = (k: Node, full: string, prev: Node, prevFull: string) => {
        const message = prevFull === full ? `键「${full}」重复出现：同一个单位的事实只能写一次` : `键「${full}」与「${prevFull}」是同一个事实，重复出现`;
        reported.add(`${trimmed}\u0000${keys.get(idOf(full)) ?? full}`);
        diagnostics.push(factsDiagnostic(file, "KP4023", { span: span(k) }, [full], { message, related: related(prev, "第一次出现在这里") }));
      };
      visit(factsNode, "");
      unit.facts = flat as UnitInput["facts"];
    }
    out.push(unit);
  });
  return result(out, list.length);
}

/**
 * The key node of the fact whose flattened key has the identity `id` (nameKey) in a facts object:
 * the first one, as the reader keeps the first of duplicates.  Only called to locate a problem.
 */
function findFlattened(facts: Node, id: string, idOf: (s: string) => string, prefix = ""): Node | undefined {
  if (facts.type !== "object") return undefined;
  for (const prop of facts.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v || typeof k.value !== "string") continue;
    const full = prefix === "" ? k.value : `${prefix}.${k.value}`;
    if (idOf(full) === id) return k; // also per-item counts written as an object (每村 每次)
    if (v.type === "object") {
      const inner = findFlattened(v, id, idOf, full);
      if (inner) return inner;
    }
  }
  return undefined;
}
