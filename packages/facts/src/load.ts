/**
 * Loading a facts file (.json, .jsonl, .csv, .xlsx) for a compiled catalogue, and turning the problems the
 * scoring module finds (FactError: code, message, unit, key) into diagnostics at the cell or key
 * where the user wrote the fact.
 *
 * File problems use the KP0xxx codes the .kp files use: missing (KP0001), a directory (KP0002), not
 * readable (KP0004), binary (KP0007), empty (KP0008), an unknown encoding (KP0003).
 */
import { decodeBytes, MAX_FACTS_BYTES, nameKey, readRefusal, readRegularFile, type Diagnostic } from "@kaoping/core";
import { extname } from "node:path";
import type { CatalogueMeta, FactError } from "@kaoping/core";
import { didYouMean } from "./suggest.js";
import { departmentOf, factOwners } from "./owners.js";
import { readCsv } from "./csv.js";
import { readJson } from "./json.js";
import { readJsonl } from "./jsonl.js";
import { tableToUnits, type KnownFacts, type Table } from "./table.js";
import { factKeys, factsDiagnostic, nowhere, type FactsDiagnostic, type FactsLocation, type LoadedFacts } from "./types.js";
import { readXlsx } from "./xlsx.js";

const SUPPORTED = [".csv", ".json", ".jsonl", ".xlsx"];

/** What the catalogue accepts as fact keys. */
export function knownFacts(cat: CatalogueMeta): KnownFacts {
  const keys = factKeys(cat);
  const perItem = new Set(Object.entries(cat.rules).filter(([, r]) => r.perItem === true).map(([name]) => nameKey(name)));
  return { keys: new Set(keys), rules: new Set(Object.keys(cat.rules)), byName: new Map(keys.map((k) => [nameKey(k), k])), perItem };
}

/** Options of reading a facts file. */
export interface FactsOptions {
  /** The worksheet of an .xlsx file to read: its name, or its 1-based number (`--sheet`). */
  sheet?: string;
  /** The file's name as shown in messages (KP0001 …): the CLI shows it relative to its working folder. */
  shown?: string;
  /**
   * The text of a .json or .csv file as an editor holds it (unsaved edits), read instead of the disk
   * (the language server checks a facts file as it is typed).  Ignored for .xlsx files.
   */
  text?: string;
}

/**
 * Reads a facts file (an absolute path) for a catalogue: the one reader of `kp score`, `kp explain`
 * and the language server's commands, so all of them read a file the same way, with the same codes.
 */
export async function loadFacts(file: string, cat: CatalogueMeta, options: FactsOptions = {}): Promise<LoadedFacts> {
  const shown = options.shown ?? file;
  const fail = (d: FactsDiagnostic): LoadedFacts => ({ file, units: [], diagnostics: [d], locator: nowhere, rows: 0 });
  const ext = extname(file).toLowerCase();
  const got =
    options.text !== undefined && ext !== ".xlsx" ? { ok: true as const, bytes: Buffer.from(options.text, "utf8") } : readRegularFile(file, MAX_FACTS_BYTES);
  if (!got.ok) {
    const { code, args } = readRefusal(got);
    return fail(factsDiagnostic(file, code, undefined, args));
  }
  if (!SUPPORTED.includes(ext)) return fail(factsDiagnostic(file, "KP4016", undefined, [ext || "（无扩展名）"]));
  if (options.sheet !== undefined && ext !== ".xlsx") return fail(factsDiagnostic(file, "KP4027", undefined, [`--sheet 只用于 .xlsx 文件，这里是 ${ext} 文件`]));
  const bytes = got.bytes;
  if (ext === ".xlsx") {
    if (bytes.length === 0) return fail(factsDiagnostic(file, "KP0008", undefined, [shown]));
    const read = await readXlsx(file, bytes, options.sheet);
    return fromTable(file, read.table, read.diagnostics, cat);
  }
  const decoded = decodeBytes(bytes, true);
  if (!decoded.ok) {
    return fail(decoded.problem === "binary" ? factsDiagnostic(file, "KP0007", undefined, [shown]) : factsDiagnostic(file, "KP0003", undefined, [shown, "未知编码"]));
  }
  const warnings: FactsDiagnostic[] = [];
  if (decoded.encoding !== "UTF-8") warnings.push(factsDiagnostic(file, "KP4017", undefined, [decoded.encoding === "GB18030" ? "GBK/GB18030" : decoded.encoding]));
  const text = decoded.text;
  if (text.trim() === "") return { file, units: [], diagnostics: [...warnings, factsDiagnostic(file, "KP0008", undefined, [shown])], locator: nowhere, text, rows: 0 };
  if (ext === ".json" || ext === ".jsonl") {
    const known = knownFacts(cat);
    const r = (ext === ".json" ? readJson : readJsonl)(file, text, known.byName, known.perItem);
    return { file, units: r.units, diagnostics: [...warnings, ...r.diagnostics], locator: r.locator, text, rows: r.rows, reported: r.reported };
  }
  const read = readCsv(file, text);
  const loaded = fromTable(file, read.table, read.diagnostics, cat);
  return { ...loaded, diagnostics: [...warnings, ...loaded.diagnostics], text };
}

function fromTable(file: string, table: Table | undefined, diagnostics: FactsDiagnostic[], cat: CatalogueMeta): LoadedFacts {
  if (!table) return { file, units: [], diagnostics, locator: nowhere, rows: 0 };
  const r = tableToUnits(table, knownFacts(cat));
  return { file, units: r.units, diagnostics: [...diagnostics, ...r.diagnostics], locator: r.locator, rows: r.rows, suggested: r.suggested };
}

/**
 * The module's fact errors as diagnostics at the user's cells or keys.  Unknown fact keys get the
 * closest known key; a duplicated unit points at its repetition, with its first row as related
 * information.
 */
export function locateFactErrors(facts: LoadedFacts, errors: readonly FactError[], cat: CatalogueMeta): FactsDiagnostic[] {
  const { file, locator } = facts;
  const occurrences = new Map<string, number>();
  const keys = factKeys(cat);
  const consequences = (e: FactError) =>
    (e.code === "KP4008" && e.key !== undefined && facts.suggested?.has(e.key) === true) ||
    // A fact the reader already reported (and left out): the module's view of it adds nothing.
    (e.unit !== undefined && e.key !== undefined && facts.reported?.has(`${e.unit}\u0000${e.key}`) === true);
  // Merged files: a required fact no file has a column for is one KP4085, not one KP4008 per unit.
  const noColumn = new Map<string, number>();
  const merged = facts.merged;
  if (merged) for (const e of errors) if (e.code === "KP4008" && e.key !== undefined && !merged.columns.has(e.key)) noColumn.set(e.key, (noColumn.get(e.key) ?? 0) + 1);
  const owners = noColumn.size > 0 ? factOwners(cat) : undefined;
  const columnsMissing = [...noColumn].map(([key, n]) => {
    const o = owners?.get(key);
    const d = factsDiagnostic(file, "KP4085", undefined, [key, `它由考评单位「${departmentOf(o)}」填写（${o?.rule !== undefined ? `规则「${o.rule}」，` : ""}指标「${o?.path.join(" › ") ?? ""}」），${n} 个单位因此缺少这个事实`]);
    delete d.file;
    return d;
  });
  return [...columnsMissing, ...errors.filter((e) => !consequences(e) && !(e.code === "KP4008" && e.key !== undefined && noColumn.has(e.key))).map((e) => {
    const code = e.code as Diagnostic["code"];
    let at: FactsLocation | undefined;
    let message = e.message;
    const related: FactsDiagnostic["related"] = [];
    if (e.code === "KP4006" && e.unit !== undefined) {
      const n = (occurrences.get(e.unit) ?? 0) + 1;
      occurrences.set(e.unit, n);
      at = locator.unit(e.unit, n);
      const firstAt = locator.unit(e.unit, 0);
      if (firstAt) related.push({ file, span: firstAt.span, message: firstAt.cell ? `第一次出现在第 ${firstAt.cell.row} 行` : "第一次出现在这里" });
    } else if (e.code === "KP4007" && e.unit !== undefined) {
      const cls = /类别「(.*)」未在/.exec(e.message)?.[1];
      at = locator.classes(e.unit, cls) ?? locator.unit(e.unit);
    } else if (e.unit !== undefined && e.key !== undefined) {
      at = locator.fact(e.unit, e.key) ?? locator.unit(e.unit);
    } else if (e.unit !== undefined) {
      at = locator.unit(e.unit);
    }
    if (e.code === "KP4002" && e.key !== undefined) {
      const guess = didYouMean(e.key, keys);
      if (guess) message += `，是否想写「${guess}」？`;
    }
    const d = factsDiagnostic(file, "KP4012", at, [], { message, related });
    d.code = code;
    d.severity = "error";
    // Merged files: a problem located nowhere is about no one file.
    if (merged && !at) delete d.file;
    return d;
  })];
}
