/**
 * Memory limits of scoring a facts file (`kp score`, `kp explain`, and the language server's score and
 * explain commands, which share the heap with every open document): a facts file too large for the JavaScript heap is
 * refused before the heap runs out, with a code and what to do, never a V8 abort ("FATAL ERROR: …
 * JavaScript heap out of memory", exit 134).  Scoring keeps every unit, its facts and its results in
 * memory (bounded-memory scoring is a later piece of work), so the need grows with units × columns
 * and units × rules.
 *
 * Two checks, against V8's heap limit (`v8.getHeapStatistics().heap_size_limit`, which
 * `--max-old-space-size` sets):
 * - before reading the facts file (KP4030): an estimate from the file — table cells (fields) for CSV,
 *   bytes for JSON and Excel — plus the results of scoring that many units (lines; JSON: "name" keys);
 * - before scoring (KP4031): the heap in use after reading (after a garbage collection, when it
 *   looks too full) plus the results of scoring the units read (with `explain`'s trace, about four
 *   times as much).
 *
 * The factors were measured on rules/ (133 columns, 5,000–20,000 units) and on a generated
 * catalogue of 5,108 rules (5,944 columns, 1,000 units) as the smallest `--max-old-space-size` that
 * scores them (see packages/cli/README.md, 内存上限); they err on the large side by 10–20%.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { formatBytes, MAX_FACTS_BYTES, type CatalogueMeta, type IndicatorMeta } from "@kaoping/core";
import { factsDiagnostic, type FactsDiagnostic } from "./types.js";

/** Heap bytes per cell of a CSV table while it is read and held (text, parsed records, units, locator). */
export const BYTES_PER_CELL = 160;
/** Heap bytes per byte of a JSON facts file (the parse tree kept for locations, and the values). */
export const BYTES_PER_JSON_BYTE = 32;
/** Heap bytes per byte of an .xlsx file (compressed; exceljs's workbook model). */
export const BYTES_PER_XLSX_BYTE = 140;
/** Heap bytes per unit and per rule or indicator: the results of scoring. */
export const BYTES_PER_RESULT = 45;
/** The results with `explain`'s trace of every step, relative to the results alone. */
export const TRACE_FACTOR = 4;

/** What a catalogue costs per scored unit. */
function resultBytesPerUnit(cat: CatalogueMeta, trace: boolean): number {
  let indicators = 0;
  const walk = (list: readonly IndicatorMeta[]) => {
    for (const i of list) {
      indicators++;
      walk(i.children ?? []);
    }
  };
  walk(cat.indicators ?? []);
  return (Object.keys(cat.rules).length + indicators) * BYTES_PER_RESULT * (trace ? TRACE_FACTOR : 1);
}

/** V8's young generation, part of heap_size_limit but no room for what scoring keeps (64-bit: 3 × 16 MiB). */
const YOUNG_GENERATION = 48 * 1024 * 1024;

/**
 * The heap: the room for what scoring keeps (the old generation: what --max-old-space-size sets,
 * heap_size_limit less the young generation) and what is in use now.
 */
export function heap(): { limit: number; used: number } {
  const s = getHeapStatistics();
  return { limit: Math.max(s.heap_size_limit - YOUNG_GENERATION, s.heap_size_limit / 2), used: s.used_heap_size };
}

/**
 * Lines and fields of a CSV file, read in chunks (nothing kept): fields are counted as delimiters
 * plus lines, the delimiter being the one the header line uses most (as the reader decides; quoted
 * delimiters are counted too, which errs on the large side).
 */
function csvShape(path: string): { lines: number; cells: number } {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    let commas = 0;
    let tabs = 0;
    let semicolons = 0;
    let lines = 0;
    let header = "";
    let headerDone = false;
    let prev = 0;
    let last = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        // \n, \r\n and a lone \r end a line
        if (c === 0x2c) commas++;
        else if (c === 10 ? prev !== 13 : c === 13) lines++;
        else if (c === 0x09) tabs++;
        else if (c === 0x3b) semicolons++;
        prev = c;
      }
      last = buf[n - 1]!;
      if (!headerDone) {
        header += buf.subarray(0, n).toString("latin1");
        const end = header.search(/[\r\n]/);
        if (end >= 0 || header.length > 1 << 22) {
          header = end >= 0 ? header.slice(0, end) : header;
          headerDone = true;
        }
      }
    }
    if (last !== 10 && last !== 13 && (lines > 0 || header !== "")) lines++;
    const bare = header.replace(/"[^"]*"/g, "");
    const used = [
      { n: bare.split(",").length, count: commas },
      { n: bare.split("\t").length, count: tabs },
      { n: bare.split(";").length, count: semicolons },
    ];
    return { lines, cells: used.reduce((a, b) => (b.n > a.n ? b : a)).count + lines };
  } finally {
    closeSync(fd);
  }
}

/** How often `pattern` occurs in a file, read in chunks (nothing kept). */
function occurrences(path: string, pattern: Buffer): number {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let found = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      const chunk = Buffer.concat([carry, buf.subarray(0, n)]);
      for (let i = chunk.indexOf(pattern); i >= 0; i = chunk.indexOf(pattern, i + pattern.length)) found++;
      // keep a tail shorter than the pattern: an occurrence split between chunks is counted once
      carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - pattern.length + 1)));
    }
    return found;
  } finally {
    closeSync(fd);
  }
}

let gc: (() => void) | undefined;
/**
 * A full garbage collection, only when the heap looks too full to score: V8's gc() is exposed for
 * this (the flag only adds the function; nothing else changes).
 */
function collectGarbage(): void {
  try {
    if (!gc) {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    }
    gc();
  } catch {
    // without it, the check stays on the safe side
  }
}

/** "1,234,567": a count as the user reads it. */
const count = (n: number) => Math.round(n).toLocaleString("en-US");

/** A --max-old-space-size (MB) that leaves room for `bytes`: a quarter more, rounded up to 512 MB. */
function suggestedMb(bytes: number): number {
  return Math.ceil((bytes * 1.25) / (512 * 1024 * 1024)) * 512;
}

/**
 * KP4030 when reading and scoring the facts file at `path` (absolute) would need more heap than there is
 * (an estimate from the file, before it is read); undefined when it fits, or when the file cannot be
 * examined (the facts loader then reports why).
 */
export function factsMemoryProblem(path: string, cat: CatalogueMeta, trace: boolean, h = heap()): FactsDiagnostic | undefined {
  let size: number;
  try {
    const st = statSync(path);
    // Not a regular file, or over the size limit of every facts file: the loader reports it (KP0011,
    // KP0012), which says more than a memory estimate would.
    if (!st.isFile() || st.size > MAX_FACTS_BYTES) return undefined;
    size = st.size;
  } catch {
    return undefined;
  }
  const ext = extname(path).toLowerCase();
  const perUnit = resultBytesPerUnit(cat, trace);
  let need: number;
  let what: string;
  if (ext === ".csv") {
    let shape: { lines: number; cells: number };
    try {
      shape = csvShape(path);
    } catch {
      return undefined;
    }
    const units = Math.max(0, shape.lines - 1);
    need = shape.cells * BYTES_PER_CELL + units * perUnit;
    what = `${count(units)} 行、${count(shape.cells)} 个单元格`;
  } else if (ext === ".json" || ext === ".jsonl") {
    let units: number;
    try {
      units = occurrences(path, Buffer.from('"name"'));
    } catch {
      return undefined;
    }
    need = size * BYTES_PER_JSON_BYTE + units * perUnit;
    what = `${formatBytes(size)} 的 JSON 文件（${count(units)} 个单位）`;
  } else if (ext === ".xlsx") {
    // compressed: its units are not counted here; scoring them is checked again once they are read
    need = size * BYTES_PER_XLSX_BYTE;
    what = `${formatBytes(size)} 的 Excel 文件`;
  } else return undefined;
  if (h.used + need <= h.limit) return undefined;
  return factsDiagnostic(path, "KP4030", undefined, [what, formatBytes(h.used + need), formatBytes(h.limit), suggestedMb(h.used + need)]);
}

/**
 * KP4031 when scoring `units` units would need more heap than is left after reading them; undefined
 * when it fits.
 */
export function scoringMemoryProblem(file: string, units: number, cat: CatalogueMeta, trace: boolean, measure: () => { limit: number; used: number } = heap): FactsDiagnostic | undefined {
  const need = units * resultBytesPerUnit(cat, trace);
  let h = measure();
  if (h.used + need <= h.limit) return undefined;
  // What is in use includes the garbage of reading (text, parsed records): collect it, then decide.
  collectGarbage();
  h = measure();
  if (h.used + need <= h.limit) return undefined;
  return factsDiagnostic(file, "KP4031", undefined, [count(units), formatBytes(h.used), formatBytes(need), formatBytes(h.limit), suggestedMb(h.used + need)]);
}
