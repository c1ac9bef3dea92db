/**
 * Facts files in the editor: which facts files belong to a catalogue, and their problems as
 * diagnostics at their own file and line.
 *
 * A facts file belongs to a catalogue when
 * - it was last used to score or explain that catalogue (「用事实文件计分」「解释单位得分」), or
 * - it lies in the folder of the catalogue's root file (not in a sub-folder), is named by the
 *   convention ({@link isFactsFileName}: `*.facts.json`, `*事实*.json`, and the same for .csv and
 *   .xlsx), and that folder holds no other root file (with two catalogues side by side, a file could
 *   be either's: only the one used to score is checked).
 *
 * Problems are read exactly as `kp score` reads them (@kaoping/facts `loadFacts`, then the compiled
 * module's `checkFacts` located with `locateFactErrors`, duplicates removed), with their codes and
 * severities.  A .json or .csv file shows them at its own lines; an .xlsx file cannot be shown as
 * text, so its problems go on the root file's title line, each naming the file, sheet and cell.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "@kaoping/core";
import { factsMemoryProblem, loadFacts, locateFactErrors, readCsv, type FactsDiagnostic, type LoadedFacts } from "@kaoping/facts";
import { parseTree, type Node } from "jsonc-parser";
import { loadCompiled } from "./commands.js";
import type { CatalogueState } from "./project.js";

/** Extensions of facts files the editor reads. */
export const FACTS_EXTENSIONS = [".json", ".jsonl", ".csv", ".xlsx"] as const;

/**
 * The naming convention of facts files found without being chosen: `<名>.facts.json` or a name
 * containing 事实 (`各县事实.json`, `事实2024.csv`); compiled schemas (`*.schema.json`) are not facts.
 */
export function isFactsFileName(file: string): boolean {
  const base = path.basename(file);
  const lower = base.toLowerCase();
  const ext = path.extname(lower);
  if (!(FACTS_EXTENSIONS as readonly string[]).includes(ext)) return false;
  if (lower.endsWith(".schema.json")) return false;
  return lower.endsWith(`.facts${ext}`) || base.includes("事实");
}

/** True for a path whose extension a facts file may have. */
export function hasFactsExtension(file: string): boolean {
  return (FACTS_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** The facts files named by the convention directly in a folder, sorted. */
export function conventionalFactsFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => isFactsFileName(n))
    .map((n) => path.join(dir, n))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** A facts file's problems for one catalogue. */
export interface FactsCheck {
  file: string;
  /** Diagnostics to publish: on the facts file (.json, .csv) or on the root file (.xlsx). */
  diagnostics: Diagnostic[];
}

/** Removes exact duplicates (same place, code, message and cell), keeping the first (as `kp score`). */
export function dedupeFacts(list: readonly FactsDiagnostic[]): FactsDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.span.start.offset}\u0000${d.span.end.offset}\u0000${d.code}\u0000${d.message}\u0000${d.cell?.ref ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Checks a facts file against a catalogue that checks clean: every problem `kp score` would report,
 * as diagnostics where the user can see them; `text` is the file as the editor holds it (unsaved).  A catalogue with errors cannot be compiled: undefined
 * (the caller keeps what it showed before).
 */
export async function checkFactsFile(state: CatalogueState, file: string, text?: string): Promise<FactsCheck | undefined> {
  if (state.analysis.fragment || state.analysis.diagnostics.some((d) => d.severity === "error")) return undefined;
  const mod = loadCompiled(state);
  const cat = mod.catalogue;
  const name = path.basename(file);
  const tooLarge = factsMemoryProblem(file, cat, false);
  let list: FactsDiagnostic[];
  if (tooLarge) list = [{ ...tooLarge, file }];
  else {
    const loaded = await loadFacts(file, cat, text === undefined ? { shown: name } : { shown: name, text });
    list = loaded.diagnostics;
    if (loaded.units.length > 0) list = [...list, ...locateFactErrors(loaded, mod.checkFacts(loaded.units), cat)];
    list = withUnits(loaded, dedupeFacts(list));
  }
  const xlsx = path.extname(file).toLowerCase() === ".xlsx";
  const diagnostics: Diagnostic[] = list.map((d) => (xlsx ? onRoot(state, d, name) : { ...d, file }));
  return { file, diagnostics };
}

/**
 * Names the unit in each problem of a .json or .csv file that does not name it yet (「参加会议」 in
 * one unit's facts is a problem of that unit): the unit whose entry (JSON) or row (CSV) holds it.
 */
function withUnits(loaded: LoadedFacts, list: FactsDiagnostic[]): FactsDiagnostic[] {
  if (loaded.text === undefined || list.length === 0) return list;
  const unitAt = unitFinder(loaded.file, loaded.text);
  if (!unitAt) return list;
  return list.map((d) => {
    if (d.span.end.offset === 0 || !NAMES_UNIT.test(d.code) || SYNTAX.has(d.code)) return d; // the whole file, or its syntax
    const unit = unitAt(d);
    return unit !== undefined && unit !== "" && !d.message.includes(`「${unit}」`) ? { ...d, message: `单位「${unit}」：${d.message}` } : d;
  });
}

/** Problems of a unit's facts (KP4xxx); the file's syntax (JSON, CSV rows) is nobody's unit. */
const NAMES_UNIT = /^KP4/;
const SYNTAX = new Set(["KP4013", "KP4020", "KP4022"]);

/** A function that tells the unit a problem of a facts file is in (undefined when it cannot). */
function unitFinder(file: string, text: string): ((d: FactsDiagnostic) => string | undefined) | undefined {
  if (path.extname(file).toLowerCase() === ".jsonl") {
    // JSON Lines: one unit a line, so the problem's line names its unit
    const lines = text.split("\n");
    return (d) => {
      const root = parseTree(lines[d.span.start.line - 1] ?? "");
      const v = root?.type === "object" ? root.children?.find((p) => p.children?.[0]?.value === "name")?.children?.[1]?.value : undefined;
      return typeof v === "string" ? v.trim() : undefined;
    };
  }
  if (path.extname(file).toLowerCase() === ".json") {
    const root = parseTree(text);
    const units = root?.type === "array" ? root.children : root?.type === "object" ? root.children?.find((p) => p.children?.[0]?.value === "units")?.children?.[1]?.children : undefined;
    if (!units) return undefined;
    const nameOf = (u: Node) => {
      const v = u.children?.find((p) => p.children?.[0]?.value === "name")?.children?.[1]?.value;
      return typeof v === "string" ? v.trim() : undefined;
    };
    return (d) => {
      const at = d.span.start.offset;
      const u = units.find((n) => n.offset <= at && at < n.offset + n.length);
      return u ? nameOf(u) : undefined;
    };
  }
  const { table } = readCsv(file, text);
  if (!table) return undefined;
  const header = table.rows.find((r) => r.cells.some((c) => c !== undefined && c.text !== ""));
  const col = header?.cells.findIndex((c) => c?.text === "单位") ?? -1;
  if (!header || col < 0) return undefined;
  const byRow = new Map(table.rows.filter((r) => r.row > header.row).map((r) => [r.row, r.cells[col]?.text]));
  return (d) => (d.cell ? byRow.get(d.cell.row) : undefined);
}

/** An .xlsx problem shown on the root file's title line, naming the file, sheet and cell. */
function onRoot(state: CatalogueState, d: FactsDiagnostic, name: string): Diagnostic {
  const root = state.analysis.files[0];
  const title = root?.parsed.ast.items.find((i) => i.kind === "Title");
  const span = title?.span ?? root?.parsed.lines.span(0, 0) ?? d.span;
  const where = d.cell ? `（工作表「${d.cell.sheet ?? ""}」单元格 ${d.cell.ref}）` : "";
  const out: Diagnostic = { ...d, file: state.root, span, message: `事实文件「${name}」${where}：${d.message}` };
  delete (out as FactsDiagnostic).cell;
  delete out.related;
  delete out.fixes;
  return out;
}
