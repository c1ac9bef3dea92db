/**
 * Facts-file inputs for the `facts` target: a generated valid catalogue (test/property/kp-gen.ts)
 * and a facts file for it — CSV, JSON or .xlsx — written from the generator's units, with layout
 * choices that must not change what is read (line ends, quoting, delimiter, BOM, GBK, UTF-16,
 * nesting, escapes, full-width digits) and mutations that must be reported (extra or missing
 * fields, invisible characters in names, duplicate units or keys, deep nesting, formulas without a
 * saved value) or whose value must come through unchanged (huge numbers, many-digit lexemes).
 *
 * Each input says what reading it must give (`expect`):
 * - "exact": when the file is read without errors, exactly the written units are scored, with
 *   exactly the written facts (`units`), and the scores equal those of the same facts given to the
 *   module directly;
 * - "error": the file must be refused with an error (a diagnostic), never read as something else;
 * - "any": bytes were mutated blindly; only the general invariants hold (no crash, no hang,
 *   located diagnostics in Chinese).
 */
import { drawFromSeed, encodeUnit, genCatalogue, genStyle, genUnits, renderCatalogue, UNIT_POOL, type Draw } from "../../test/property/kp-gen.js";
import type { FuzzInput } from "./generators.js";

export type FactsFormat = "csv" | "json" | "xlsx";
export type Expect = "exact" | "error" | "any";

/** A fact value as written (JSON numbers whose lexeme matters are kept as their lexeme, a string). */
export type WrittenValue = string | number | boolean | null | string[];

/** A unit as it must reach the scoring module: name (trimmed), classes (「、」-joined), flat fact keys. */
export interface ExpectedUnit {
  name: string;
  classes: string;
  facts: Record<string, WrittenValue>;
}

/** An .xlsx cell: text, a number, or a formula with or without its saved result. */
export type XCell = string | number | { formula: string; result?: number | string } | null;

export interface SheetSpec {
  name: string;
  hidden: boolean;
  rows: XCell[][];
}

/** A facts file and what reading it must give. */
export interface FactsSpec {
  format: FactsFormat;
  expect: Expect;
  /** Layout choices and mutations applied (for the report, and for KNOWN). */
  tags: string[];
  /** The mutations that make the file one to refuse ("error"). */
  refuse?: string[];
  /** The units written ("exact"). */
  units: ExpectedUnit[];
  /** The file's bytes, base64 (xlsx: filled in by materializeFacts from `sheets`). */
  base64?: string;
  /** xlsx: the workbook, built with exceljs in the parent (exceljs writes asynchronously). */
  sheets?: SheetSpec[];
  /** xlsx: blind byte mutations applied after building. */
  xlsxBytes?: { flips: number; truncate: boolean; seed: number };
}

// ==================================================================== values

const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u00AD", "\u180E"];
const HUGE_VALUES = ["9".repeat(40), "1" + "0".repeat(25), "0.0000001", "1e400", "-1", "1e3", "１２３４５６７８９０１２３４５６７８９０", "999999999999999.999999", "9007199254740993", "00000.5000", "NaN", "Infinity", "0x10"];
const UNIT_HEADERS = ["单位", "名称", "单位名称", "name"];
const CLASS_HEADERS = ["类别", "单位类别", "classes"];

const fullWidth = (s: string) => s.replace(/[0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** A written value as table text (what a CSV or Excel cell holds). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (Array.isArray(v)) return v.join("、");
  // per-item counts of a compound rule ({ 东村: 2 }) as a cell writes them: 「东村 2、西村 1」
  if (typeof v === "object") return Object.entries(v).map(([k, n]) => `${k} ${String(n)}`).join("、");
  return String(v);
}

function classesText(c: string[] | string | undefined): string {
  return Array.isArray(c) ? c.join("、") : (c ?? "").trim();
}

function insertInvisible(d: Draw, s: string): string {
  // Inside the name (never at its ends, which trimming may legitimately remove).
  const chars = [...s];
  const at = chars.length < 2 ? chars.length : d.int(1, chars.length - 1);
  chars.splice(at, 0, d.pick(INVISIBLE));
  return chars.join("");
}

// ==================================================================== the input

/** Builds facts input `i` of a run deterministically from the run's seed. */
export function makeFactsInput(runSeed: number, i: number): FuzzInput {
  const seed = (Math.imul(runSeed ^ 0x2545f491, 0x9e3779b1) + i * 0x632be5ab) >>> 0;
  const d = drawFromSeed(seed);
  const cat = genCatalogue(d, UNIT_POOL);
  const files = renderCatalogue(cat, genStyle(d), "/fuzz");
  const encoded = genUnits(d, cat, d.int(1, 7)).map((u) => encodeUnit(d, cat, u));
  const r = d.int(0, 9);
  const format: FactsFormat = r < 5 ? "csv" : r < 8 ? "json" : "xlsx";
  const facts = format === "csv" ? csvFacts(d, encoded) : format === "json" ? jsonFacts(d, encoded) : xlsxFacts(d, encoded);
  return { kind: `facts-${format}`, seed, files, factsFile: facts };
}

type Encoded = ReturnType<typeof encodeUnit>;

// ==================================================================== tables (CSV and xlsx)

interface TableModel {
  header: string[];
  rows: string[][];
  units: ExpectedUnit[];
  tags: string[];
  expect: Expect;
  /** Index of the first column holding fact values (wide layout) or of the 值 column (long). */
  firstValue: number;
  refuse: string[];
}

/** The units as a table (one unit per row, or one fact per row), and the expected units. */
function tableModel(d: Draw, encoded: Encoded[]): TableModel {
  const keys: string[] = [];
  for (const u of encoded) for (const k of Object.keys(u.facts)) if (!keys.includes(k)) keys.push(k);
  const withClasses = encoded.some((u) => classesText(u.classes) !== "") || d.bool(0.3);
  const unitH = d.pick(UNIT_HEADERS);
  const classH = d.pick(CLASS_HEADERS);
  const tags: string[] = [];
  const units: ExpectedUnit[] = [];
  const rows: string[][] = [];
  let header: string[];
  if (d.bool(0.2)) {
    tags.push("long");
    header = withClasses ? [unitH, classH, "规则", "值"] : [unitH, "规则", "值"];
    for (const u of encoded) {
      const name = u.name;
      const cls = classesText(u.classes);
      const facts: Record<string, WrittenValue> = {};
      const ks = Object.keys(u.facts);
      if (ks.length === 0) rows.push(withClasses ? [name, cls, "", ""] : [name, "", ""]);
      ks.forEach((k, j) => {
        const v = cellText(u.facts[k]);
        facts[k] = v;
        rows.push(withClasses ? [name, j === 0 ? cls : "", k, v] : [name, k, v]);
      });
      units.push({ name: name.trim(), classes: withClasses ? cls : "", facts });
    }
  } else {
    header = withClasses ? [unitH, classH, ...keys] : [unitH, ...keys];
    for (const u of encoded) {
      const cls = classesText(u.classes);
      const facts: Record<string, WrittenValue> = {};
      for (const k of keys) facts[k] = cellText(u.facts[k]);
      rows.push(withClasses ? [u.name, cls, ...keys.map((k) => facts[k] as string)] : [u.name, ...keys.map((k) => facts[k] as string)]);
      units.push({ name: u.name.trim(), classes: withClasses ? cls : "", facts });
    }
  }
  return { header, rows, units, tags, expect: "exact", refuse: [], firstValue: tags.includes("long") ? header.length - 1 : withClasses ? 2 : 1 };
}

/** Columns of a table that hold fact values (not the unit or class column). */
function valueColumns(m: TableModel): number[] {
  return m.header.map((_, c) => c).filter((c) => c >= m.firstValue);
}

/** The key a table cell holds the value of, and the unit it belongs to (for updating the expected units). */
function cellKey(m: TableModel, row: number, col: number): { unit: ExpectedUnit; key: string } | undefined {
  const r = m.rows[row]!;
  if (r.length <= col) return undefined; // a blank line, or a row cut short
  const name = r[0]!.trim();
  const unit = m.units.find((u) => u.name === name);
  if (!unit) return undefined;
  const key = m.tags.includes("long") ? r[m.header.length - 2]! : m.header[col]!;
  return key && key in unit.facts ? { unit, key } : undefined;
}

/** Mutations of a table that the reader must either keep exactly or report. */
function mutateTable(d: Draw, m: TableModel, format: "csv" | "xlsx"): void {
  const valueCols = valueColumns(m);
  const setValue = (tag: string, f: (old: string) => string) => {
    if (m.rows.length === 0 || valueCols.length === 0) return;
    const row = d.int(0, m.rows.length - 1);
    const col = d.pick(valueCols);
    const at = cellKey(m, row, col);
    if (!at) return;
    const v = f(m.rows[row]![col] ?? "");
    m.rows[row]![col] = v;
    at.unit.facts[at.key] = v;
    m.tags.push(tag);
  };
  const mustFail = (tag: string) => {
    m.tags.push(tag);
    m.refuse.push(tag);
    if (m.expect === "exact") m.expect = "error";
  };
  for (let n = d.bool(0.35) ? 0 : d.int(1, 3); n > 0; n--) {
    const op = d.int(0, 9);
    switch (op) {
      case 0:
        setValue("full-width-digits", (v) => fullWidth(v));
        break;
      case 1:
        setValue("padded-value", (v) => `${d.pick([" ", "  ", "\u3000"])}${v}${d.pick(["", " "])}`);
        break;
      case 2:
        setValue("huge-number", () => d.pick(HUGE_VALUES));
        break;
      case 3:
        if (format === "csv") setValue("quote-inside", (v) => `${v || "1"}"${d.pick(["", "x", "\""])}`);
        break;
      case 4: {
        // a row with one field more than the header (a value under no column)
        // (not on a row already cut short: one field fewer and one more is a row of the right length
        // with shifted values, which no reader can tell from a well-formed row)
        if (m.rows.length === 0) break;
        const r = m.rows[d.int(0, m.rows.length - 1)]!;
        if (r.length < m.header.length) break;
        r.push(d.pick(["1", "x", "0.5"]));
        mustFail("extra-field");
        break;
      }
      case 5: {
        // a row with one field fewer than the header
        if (m.rows.length === 0 || m.header.length < 2 || format === "xlsx") break;
        const r = m.rows[d.int(0, m.rows.length - 1)]!;
        if (r.length !== m.header.length) break;
        r.pop();
        mustFail("missing-field");
        break;
      }
      case 6: {
        if (m.rows.length === 0) break;
        const r = m.rows[d.int(0, m.rows.length - 1)]!;
        if ([...(r[0] ?? "").trim()].length < 2) break;
        // (not in a duplicated row: that would undo the duplicate)
        if (m.rows.filter((x) => x !== r && x.join("\u0000") === r.join("\u0000")).length > 0) break;
        r[0] = insertInvisible(d, r[0]!.trim());
        mustFail("invisible-unit-name");
        break;
      }
      case 7: {
        const cols = m.tags.includes("long") ? [] : valueCols;
        if (cols.length === 0) break;
        const c = d.pick(cols);
        if ([...m.header[c]!].length < 2) break;
        m.header[c] = insertInvisible(d, m.header[c]!);
        mustFail("invisible-column-name");
        break;
      }
      case 8: {
        if (m.rows.length === 0) break;
        const r = d.int(0, m.rows.length - 1);
        if (m.rows[r]!.length === 0) break; // a blank line
        if (m.tags.includes("long") && m.rows[r]![m.header.length - 2] === "") break; // a unit row without a fact is no duplicate
        m.rows.splice(d.int(0, m.rows.length), 0, [...m.rows[r]!]);
        mustFail("duplicate-row");
        break;
      }
      default:
        if (format === "csv" && m.rows.length > 0) {
          m.rows.splice(d.int(0, m.rows.length), 0, []);
          m.tags.push("blank-line");
        }
    }
  }
}

// ==================================================================== CSV

let gbkTable: Map<string, number[]> | undefined;
/** GBK bytes of a text, or undefined when a character has none (an inverse of TextDecoder("gbk")). */
function encodeGbk(text: string): Buffer | undefined {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== "\uFFFD" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = gbkTable.get(ch);
      if (!b) return undefined;
      out.push(...b);
    }
  }
  return Buffer.from(out);
}

/** Blind byte mutations: flips, insertions of separators and quotes, truncation. */
function mutateBytes(d: Draw, bytes: Buffer): Buffer {
  let b: Buffer = Buffer.from(bytes);
  for (let n = d.int(1, 4); n > 0; n--) {
    if (b.length === 0) break;
    const op = d.int(0, 3);
    const at = d.int(0, b.length - 1);
    if (op === 0) b[at] ^= 1 << d.int(0, 7);
    else if (op === 1) b = Buffer.concat([b.subarray(0, at), Buffer.from(d.pick(["\r", "\n", "\r\n", '"', ",", ";", "\t", "\u200b", "\u0000", "{", "[", "\\"]), "utf8"), b.subarray(at)]);
    else if (op === 2) b = b.subarray(0, at);
    else b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + d.int(1, 20)))]);
  }
  return b;
}

function csvFacts(d: Draw, encoded: Encoded[]): FactsSpec {
  const m = tableModel(d, encoded);
  mutateTable(d, m, "csv");
  const delimiter = d.pick([",", ",", ",", ";", "\t"]);
  if (delimiter !== ",") m.tags.push(delimiter === ";" ? "semicolons" : "tabs");
  const eolMode = d.pick(["lf", "crlf", "cr", "mixed", "mixed"] as const);
  m.tags.push(`eol-${eolMode}`);
  const eol = () => (eolMode === "lf" ? "\n" : eolMode === "crlf" ? "\r\n" : eolMode === "cr" ? "\r" : d.pick(["\n", "\r\n", "\r"]));
  const quoteAll = d.bool(0.2);
  const quoteSome = d.bool(0.4);
  if (quoteAll) m.tags.push("quoted");
  else if (quoteSome) m.tags.push("some-quoted");
  const field = (s: string) => {
    const special = s.includes(delimiter) || s.includes("\n") || s.includes("\r");
    const quote = s.includes('"');
    // a quote inside an unquoted cell: the reader must keep it as written, or report it
    if (quote && !special && d.bool(0.5)) return s;
    return special || quote || quoteAll || (quoteSome && d.bool(0.3)) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  let text = [m.header, ...m.rows].map((r) => r.map(field).join(delimiter)).reduce((acc, line, i) => (i === 0 ? line : acc + eol() + line), "");
  if (d.bool(0.7)) text += eol();
  if (d.bool(0.1) && m.rows.length > 0) {
    // a cell opened with a quote and never closed
    if (!/[\r\n]$/.test(text)) text += eol();
    text += `${m.rows[0]![0]}${delimiter}"未闭合`;
    m.tags.push("unclosed-quote");
    m.refuse.push("unclosed-quote");
    if (m.expect === "exact") m.expect = "error";
  }
  let bytes: Buffer;
  const enc = d.int(0, 9);
  if (enc < 2) {
    const gbk = encodeGbk(text);
    bytes = gbk ?? Buffer.from(text, "utf8");
    m.tags.push(gbk ? "gbk" : "utf8");
  } else if (enc < 3) {
    bytes = Buffer.from("\uFEFF" + text, "utf16le");
    m.tags.push("utf16le");
  } else if (enc < 5) {
    bytes = Buffer.from("\uFEFF" + text, "utf8");
    m.tags.push("bom");
  } else bytes = Buffer.from(text, "utf8");
  let expect = m.expect;
  if (d.bool(0.12)) {
    bytes = mutateBytes(d, bytes);
    m.tags.push("bytes");
    expect = "any";
  }
  return { format: "csv", expect, tags: m.tags, refuse: m.refuse, units: m.units, base64: bytes.toString("base64") };
}

// ==================================================================== JSON

/** Other lexemes for a JSON number: the same value spelled differently, values binary floating point cannot hold, odd ones. */
const LEXEMES = (v: number): string[] => {
  const i = Math.trunc(v);
  const same = Number.isInteger(v) ? [`${v}.0`, `${v}.000000`, `${v}e0`, `${v}0e-1`] : [`${v}0`, `${v}e0`, `${v}000000`];
  return [...same, `${i}.0000000000000001`, `${i}.4999999999999999999`, `${i}.9999999999999999999`, "1e400", "-0", "1" + "0".repeat(40), "0.1234567", "2.0000000000000001", "3.4999999999999999999", "1E2", "-1", "1e-7"];
};

function jsonString(s: string, escape: boolean): string {
  const plain = JSON.stringify(s);
  if (!escape) return plain;
  return plain.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function jsonFacts(d: Draw, encoded: Encoded[]): FactsSpec {
  const tags: string[] = [];
  const refuse: string[] = [];
  let expect: Expect = "exact";
  const mustFail = (tag: string) => {
    tags.push(tag);
    refuse.push(tag);
    if (expect === "exact") expect = "error";
  };
  const escape = d.bool(0.15);
  if (escape) tags.push("unicode-escapes");
  const indent = d.pick(["", "  ", "    ", "\t"]);
  const nl = indent === "" ? "" : d.pick(["\n", "\r\n"]);
  if (nl === "\r\n") tags.push("crlf");
  const str = (s: string) => jsonString(s, escape);
  const lexeme = (v: unknown): string => {
    if (typeof v === "string") return str(v);
    if (Array.isArray(v)) return `[${v.map(lexeme).join(", ")}]`;
    return JSON.stringify(v ?? null);
  };
  /** A unit object as [key, JSON text] members (so that duplicate keys and exact lexemes can be written). */
  type Member = [string, string];
  interface UnitObject {
    members: Member[];
    facts: Member[];
  }
  const units: ExpectedUnit[] = [];
  const objects: UnitObject[] = [];
  for (const u of encoded) {
    const facts: Record<string, WrittenValue> = {};
    for (const [k, v] of Object.entries(u.facts)) facts[k] = v as WrittenValue;
    units.push({ name: u.name.trim(), classes: classesText(u.classes), facts });
    const members: Member[] = [["name", str(u.name)]];
    if (u.classes !== undefined) members.push(["classes", lexeme(u.classes)]);
    members.push(["facts", ""]);
    // nest dotted keys as objects ({ "违纪": { "轻处分": 1 } }) when no key is the prefix itself
    const nest = d.bool(0.3);
    const factMembers: Member[] = [];
    const groups = new Map<string, Member[]>();
    for (const [k, v] of Object.entries(u.facts)) {
      const dot = k.indexOf(".");
      const prefix = dot > 0 ? k.slice(0, dot) : "";
      if (nest && prefix && !(prefix in facts)) {
        if (!groups.has(prefix)) {
          groups.set(prefix, []);
          factMembers.push([prefix, ""]);
        }
        groups.get(prefix)!.push([k.slice(dot + 1), lexeme(v)]);
      } else factMembers.push([k, lexeme(v)]);
    }
    if (groups.size > 0 && !tags.includes("nested-keys")) tags.push("nested-keys");
    for (const fm of factMembers) {
      const g = groups.get(fm[0]);
      if (g && fm[1] === "") fm[1] = `{ ${g.map(([k, v]) => `${str(k)}: ${v}`).join(", ")} }`;
    }
    objects.push({ members, facts: factMembers });
  }
  for (let n = d.bool(0.35) ? 0 : d.int(1, 3); n > 0; n--) {
    const op = d.int(0, 7);
    const o = objects.length > 0 ? d.int(0, objects.length - 1) : -1;
    const f = o >= 0 ? objects[o]!.facts : [];
    switch (op) {
      case 0:
      case 1: {
        const spots = objects.flatMap((x, u) => x.facts.map((m, i) => ({ u, i, m })).filter((s) => /^-?\d/.test(s.m[1])));
        if (spots.length === 0) break;
        const s = d.pick(spots);
        const lx = d.pick(LEXEMES(Number(s.m[1])));
        s.m[1] = lx;
        units[s.u]!.facts[s.m[0]] = lx; // the lexeme is what was written
        tags.push("number-lexeme");
        break;
      }
      case 2: {
        const m = f.length > 0 ? d.pick(f) : undefined;
        if (!m || m[1].startsWith("{")) break;
        f.push([m[0], d.pick(["1", "3", '"是"', "0"])]);
        mustFail("duplicate-key");
        break;
      }
      case 3: {
        // a dotted key also written nested: { "a": { "b": 5 }, "a.b": 1 }
        const m = f.find((x) => x[0].includes(".") && !f.some((y) => y[0] === x[0].slice(0, x[0].indexOf("."))));
        if (!m) break;
        const dot = m[0].indexOf(".");
        f.push([m[0].slice(0, dot), `{ ${str(m[0].slice(dot + 1))}: 5 }`]);
        mustFail("duplicate-flattened-key");
        break;
      }
      case 4: {
        if (o < 0) break;
        objects[o]!.members.splice(1, 0, ["name", str(d.pick(UNIT_POOL))]);
        mustFail("duplicate-name-key");
        break;
      }
      case 5: {
        const m = f.length > 0 ? d.pick(f) : undefined;
        if (!m) break;
        const depth = d.pick([100, 1000, 10_000, 50_000]);
        m[1] = "[".repeat(depth) + "1" + "]".repeat(depth);
        mustFail(`deep-nesting-${depth}`);
        break;
      }
      case 6: {
        if (o < 0 || [...units[o]!.name].length < 2) break;
        objects[o]!.members[0] = ["name", str(insertInvisible(d, units[o]!.name))];
        mustFail("invisible-unit-name");
        break;
      }
      default: {
        const m = f.find((x) => [...x[0]].length >= 2 && !x[1].startsWith("{"));
        if (!m) break;
        m[0] = insertInvisible(d, m[0]);
        mustFail("invisible-fact-key");
      }
    }
  }
  const obj = (members: Member[], level: number): string => {
    if (members.length === 0) return "{}";
    const pad = indent.repeat(level + 1);
    return `{${nl}${members.map(([k, v]) => `${pad}${str(k)}:${indent ? " " : ""}${v}`).join(`,${nl}`)}${nl}${indent.repeat(level)}}`;
  };
  const unitTexts = objects.map((o) => obj(o.members.map(([k, v]): Member => [k, k === "facts" && v === "" ? obj(o.facts, 3) : v]), 2));
  const list = `[${nl}${unitTexts.map((t) => indent.repeat(2) + t).join(`,${nl}`)}${nl}${indent}]`;
  let text = d.bool(0.6) ? `{${nl}${indent}"units":${indent ? " " : ""}${list}${nl}}` : list;
  if (d.bool(0.05)) {
    const depth = d.pick([1000, 20_000]);
    text = "[".repeat(depth) + text + "]".repeat(depth);
    mustFail(`deep-nesting-file-${depth}`);
  }
  if (nl && d.bool(0.5)) text += nl;
  let bytes: Buffer = Buffer.from(text, "utf8");
  if (d.bool(0.15)) {
    bytes = Buffer.from("\uFEFF" + text, "utf8");
    tags.push("bom");
  }
  if (d.bool(0.12)) {
    bytes = mutateBytes(d, bytes);
    tags.push("bytes");
    expect = "any";
  }
  return { format: "json", expect, tags, refuse, units, base64: bytes.toString("base64") };
}

// ==================================================================== xlsx

/** A plain decimal that an Excel number cell keeps exactly (≤ 15 significant digits). */
const excelExact = (s: string) => /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(s) && s.replace(/^-?0*\.?0*/, "").replace(".", "").length <= 15;

function xlsxFacts(d: Draw, encoded: Encoded[]): FactsSpec {
  const m = tableModel(d, encoded);
  mutateTable(d, m, "xlsx");
  const valueCols = new Set(valueColumns(m));
  const rows: XCell[][] = [m.header, ...m.rows].map((r, ri) =>
    r.map((v, c) => (ri > 0 && valueCols.has(c) && excelExact(v) && d.bool(0.5) ? Number(v) : v === "" && d.bool(0.5) ? null : v)),
  );
  const numbers = rows.flatMap((r, ri) => r.map((v, c) => ({ v, ri, c }))).filter((x) => typeof x.v === "number");
  // (exceljs writes no saved value for a result of 0: that would be a formula without its value)
  const nonZero = numbers.filter((n) => n.v !== 0);
  if (nonZero.length > 0 && d.bool(0.2)) {
    const x = d.pick(nonZero);
    rows[x.ri]![x.c] = { formula: `${x.v}+0`, result: x.v as number };
    m.tags.push("formula-cached");
  }
  if (numbers.length > 0 && d.bool(0.1)) {
    const x = d.pick(numbers);
    rows[x.ri]![x.c] = { formula: `${x.v}+0` };
    m.tags.push("formula-without-value");
    m.refuse.push("formula-without-value");
    if (m.expect === "exact") m.expect = "error";
  }
  const sheets: SheetSpec[] = [{ name: d.pick(["Sheet1", "事实", "2026年"]), hidden: false, rows }];
  if (d.bool(0.15)) {
    // a hidden first sheet (an older copy: one unit fewer, or another unit): never to be read in
    // place of the visible one
    const older = m.rows.length >= 2 ? m.rows.slice(0, -1) : m.rows.map((r) => ["隐藏的单位", ...r.slice(1)]);
    sheets.unshift({ name: "隐藏", hidden: true, rows: [m.header, ...older] });
    m.tags.push("hidden-first-sheet");
  }
  let expect = m.expect;
  let xlsxBytes: FactsSpec["xlsxBytes"];
  if (d.bool(0.12)) {
    xlsxBytes = { flips: d.int(1, 6), truncate: d.bool(0.3), seed: d.int(0, 2 ** 31) };
    m.tags.push("bytes");
    expect = "any";
  }
  return { format: "xlsx", expect, tags: m.tags, refuse: m.refuse, units: m.units, sheets, ...(xlsxBytes ? { xlsxBytes } : {}) };
}

/** The part of exceljs's Workbook used here. */
interface MiniWorkbook {
  created: Date;
  modified: Date;
  addWorksheet(name: string, options: { state: "visible" | "hidden" }): { getCell(row: number, column: number): { value: unknown } };
  xlsx: { writeBuffer(): Promise<Uint8Array> };
}

/** Builds the bytes of an xlsx input (exceljs, asynchronous; run in the parent, so saved inputs hold the exact bytes). */
export async function materializeFacts(input: FuzzInput): Promise<void> {
  const spec = input.factsFile;
  if (!spec || spec.base64 !== undefined || !spec.sheets) return;
  const { createRequire } = await import("node:module");
  const { join } = await import("node:path");
  const { ROOT } = await import("./options.js");
  // exceljs is a dependency of the CLI (which reads these files), not of the workspace root
  const ExcelJS = createRequire(join(ROOT, "packages/cli/package.json"))("exceljs") as { Workbook: new () => MiniWorkbook };
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    s.rows.forEach((r, ri) =>
      r.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(ri + 1, c + 1);
        cell.value = typeof v === "object" ? (v.result === undefined ? { formula: v.formula, date1904: false } : { formula: v.formula, result: v.result, date1904: false }) : v;
      }),
    );
  }
  let bytes: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (spec.xlsxBytes) {
    const d = drawFromSeed(spec.xlsxBytes.seed);
    for (let n = spec.xlsxBytes.flips; n > 0; n--) bytes[d.int(0, bytes.length - 1)] ^= 1 << d.int(0, 7);
    if (spec.xlsxBytes.truncate) bytes = bytes.subarray(0, d.int(0, bytes.length));
  }
  spec.base64 = bytes.toString("base64");
}
