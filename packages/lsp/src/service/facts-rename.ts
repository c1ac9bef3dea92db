/**
 * Renaming a rule or a unit class in the facts files that use it:
 * - a rule: JSON fact keys (`"参会"`, `"违纪.轻处分"` → the part before the dot) and CSV header cells
 *   (`参会`, `违纪.轻处分`), and the 规则 column of a 「一行一个事实」 table;
 * - a class: the `classes` of JSON units and the 类别 column of CSV files (each of the classes a cell
 *   lists, 、-separated).
 * Names are matched as the catalogue matches them (core's nameKey).  Only UTF-8 files are edited (an
 * edit must not re-encode a GBK file); .xlsx files and files in other encodings are listed for the
 * user to update by hand.  Which files: see facts-files.ts (the facts files of the catalogue).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeBytes, nameKey } from "@kaoping/core";
import { detectDelimiter, readCsv, type TableCell } from "@kaoping/facts";
import { parseTree, type Node } from "jsonc-parser";

/** An edit of a facts file (offsets in its decoded text). */
export interface FactsEdit {
  start: number;
  end: number;
  newText: string;
}

/** The edits of one facts file, with its text (to turn offsets into positions). */
export interface FactsFileEdits {
  file: string;
  text: string;
  edits: FactsEdit[];
}

/** What renaming does to facts files: edits, and the files that use the name but cannot be edited. */
export interface FactsRename {
  files: FactsFileEdits[];
  /** Files that may use the name but cannot be edited as text (.xlsx, not UTF-8). */
  manual: string[];
}

const CLASS_HEADERS = ["类别", "单位类别", "classes"];

/** The facts edits that rename `oldName` (a rule or a class) to `newName` in `files`. */
export function factsRenameEdits(files: readonly string[], kind: "rule" | "class", oldName: string, newName: string): FactsRename {
  const out: FactsRename = { files: [], manual: [] };
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (ext === ".xlsx") {
      out.manual.push(file);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const decoded = decodeBytes(bytes, true);
    if (!decoded.ok) continue;
    if (decoded.encoding !== "UTF-8") {
      if (decoded.text.includes(oldName)) out.manual.push(file);
      continue;
    }
    const text = decoded.text;
    const edits = ext === ".json" ? jsonEdits(text, kind, oldName, newName) : csvEdits(file, text, kind, oldName, newName);
    if (edits.length > 0) out.files.push({ file, text, edits });
  }
  return out;
}

/** The new form of a fact key when a rule is renamed (undefined: not this rule's key). */
function renamedKey(key: string, oldName: string, newName: string): string | undefined {
  const old = nameKey(oldName);
  const dot = key.indexOf(".");
  const head = dot < 0 ? key : key.slice(0, dot);
  if (nameKey(head.trim()) !== old) return undefined;
  return newName + (dot < 0 ? "" : key.slice(dot));
}

/** The new form of a class list when a class is renamed (undefined: the class is not in it). */
function renamedClasses(list: string, oldName: string, newName: string): string | undefined {
  const old = nameKey(oldName);
  let changed = false;
  const parts = list.split(/([、,，;；])/).map((p, i) => {
    if (i % 2 === 1 || nameKey(p.trim()) !== old) return p;
    changed = true;
    const lead = p.length - p.trimStart().length;
    return p.slice(0, lead) + newName + p.slice(lead + p.trim().length);
  });
  return changed ? parts.join("") : undefined;
}

// ---------------------------------------------------------------- JSON

function jsonEdits(text: string, kind: "rule" | "class", oldName: string, newName: string): FactsEdit[] {
  const root = parseTree(text);
  if (!root) return [];
  const units = root.type === "array" ? root.children : root.type === "object" ? prop(root, "units")?.children : undefined;
  const edits: FactsEdit[] = [];
  const replaceString = (node: Node, value: string) => {
    // The string's inner text, escaped for JSON (quotes and backslashes in a name stay valid JSON).
    edits.push({ start: node.offset + 1, end: node.offset + node.length - 1, newText: JSON.stringify(value).slice(1, -1) });
  };
  for (const unit of units ?? []) {
    if (unit.type !== "object") continue;
    if (kind === "rule") {
      const facts = prop(unit, "facts");
      for (const p of facts?.type === "object" ? (facts.children ?? []) : []) {
        const key = p.children?.[0];
        if (key?.type !== "string") continue;
        const renamed = renamedKey(String(key.value), oldName, newName);
        if (renamed !== undefined && renamed !== key.value) replaceString(key, renamed);
      }
    } else {
      const classes = prop(unit, "classes");
      const strings = classes?.type === "array" ? (classes.children ?? []) : classes ? [classes] : [];
      for (const s of strings) {
        if (s.type !== "string") continue;
        const renamed = renamedClasses(String(s.value), oldName, newName);
        if (renamed !== undefined && renamed !== s.value) replaceString(s, renamed);
      }
    }
  }
  return edits;
}

/** The value of an object's property (the first of that name). */
function prop(node: Node, name: string): Node | undefined {
  for (const p of node.children ?? []) if (p.children?.[0]?.value === name) return p.children[1];
  return undefined;
}

// ---------------------------------------------------------------- CSV

function csvEdits(file: string, text: string, kind: "rule" | "class", oldName: string, newName: string): FactsEdit[] {
  const { table } = readCsv(file, text);
  if (!table) return [];
  const header = table.rows.find((r) => r.cells.some((c) => c !== undefined && c.text !== ""));
  if (!header) return [];
  const headers = header.cells.map((c) => c?.text ?? "");
  const delimiter = detectDelimiter(text);
  const edits: FactsEdit[] = [];
  const edit = (cell: TableCell | undefined, renamed: string | undefined) => {
    if (!cell || renamed === undefined || renamed === cell.value) return;
    const raw = text.slice(cell.start, cell.end);
    const needsQuotes = renamed.includes(delimiter) || /["\r\n]/.test(renamed);
    const at = raw.indexOf(String(cell.value));
    if (!needsQuotes && !raw.startsWith('"') && at >= 0) {
      edits.push({ start: cell.start + at, end: cell.start + at + String(cell.value).length, newText: renamed });
    } else edits.push({ start: cell.start, end: cell.end, newText: `"${renamed.replace(/"/g, '""')}"` });
  };
  const below = table.rows.filter((r) => r.row > header.row);
  if (kind === "rule") {
    const long = headers.includes("规则") && headers.includes("值");
    if (long) {
      const col = headers.indexOf("规则");
      for (const r of below) edit(r.cells[col], renamedKey(String(r.cells[col]?.value ?? ""), oldName, newName));
    } else for (const c of header.cells) if (c && !CLASS_HEADERS.includes(c.text)) edit(c, renamedKey(String(c.value), oldName, newName));
  } else {
    const col = headers.findIndex((h) => CLASS_HEADERS.includes(h));
    if (col >= 0) for (const r of below) edit(r.cells[col], renamedClasses(String(r.cells[col]?.value ?? ""), oldName, newName));
  }
  return edits;
}
