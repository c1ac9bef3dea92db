/**
 * A CSV facts file read as a stream, in batches of units, for `kp score` on files of any size: the
 * bytes are decoded as they are read and split into records, and each batch of rows becomes units
 * read exactly as the whole-file reader (csv.ts, table.ts tableToUnits) reads them.  Only what is
 * needed across batches is kept: the header and the units' names (a name written twice, however
 * spelled, is a duplicate).
 *
 * Records: text without a double quote is split at the delimiter and at line ends (CRLF, LF, CR) here
 * — what csv-parse does with such text, without its byte buffers and per-field decoding; from the
 * first record that holds a quote on, csv-parse's stream API (the same options as csv.ts) reads the
 * rest, so quoting is never parsed by hand.
 *
 * Units: the first batch goes through tableToUnits (every check of the header and of the rows);
 * later batches are read straight from the records by the header's layout (wideLayout), with no cell
 * objects, and given to options.onRows as rows (each record is its row's cells: no object per fact)
 * or to onBatch as units — unless a row holds anything tableToUnits would say a word about (an empty or unusual unit
 * name, content under an unnamed column): that batch goes through tableToUnits too, so its first
 * problem is the same.
 *
 * The stream reads only files the whole-file reader would read without a word: UTF-8, the WIDE
 * layout, every row as wide as the header, no problem or warning at all.  At the first thing that
 * is not so it stops with `ok: false`; the caller then reads the file with loadFacts, which reports
 * every problem at its cell with a code frame, exactly as before (nothing has been written yet).
 */
import { statSync } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { invisibleChars, isOwnNameKey, type UnitInput } from "@kaoping/core";
import { detectDelimiter } from "./csv.js";
import { decoded, duplicateNames, Stop, STREAM_BATCH_ROWS, type RowUnit, type StreamOptions, type StreamOutcome } from "./stream-common.js";
import { isLongHeader, tableToUnits, wideLayout, type KnownFacts, type TableRow, type WideLayout } from "./table.js";

/** The outcome of streaming: how many units were read, or why the whole-file reader must take over. */
export type CsvStreamOutcome = StreamOutcome;

export { STREAM_BATCH_ROWS };

const blank = (rec: readonly string[]) => rec.every((v) => v.trim() === "");

/**
 * Splits decoded CSV text into records, calling `onRecord` for each, as csv-parse does with the
 * options of csv.ts (record_delimiter CRLF, LF or CR; no empty record after the last line end; a
 * leading byte order mark dropped).  Text is split here while it holds no double quote; the record
 * holding the first quote and all after it are read by csv-parse.  Errors thrown by `onRecord`, and
 * csv-parse's errors (code CSV_…), propagate.
 */
export async function csvRecords(texts: AsyncIterable<string>, delimiter: string, onRecord: (record: string[]) => void): Promise<void> {
  const it = texts[Symbol.asyncIterator]();
  let buf = "";
  let start = true;
  for (;;) {
    const next = await it.next();
    const done = next.done === true;
    if (!done) buf += next.value;
    if (start && buf !== "") {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1); // csv-parse's bom: true
      start = false;
    }
    const quote = buf.indexOf('"');
    const limit = quote < 0 ? buf.length : quote;
    let from = 0;
    // the next LF and CR at or after `from` (-1: none in buf)
    let lf = buf.indexOf("\n");
    let cr = buf.indexOf("\r");
    for (;;) {
      if (lf >= 0 && lf < from) lf = buf.indexOf("\n", from);
      if (cr >= 0 && cr < from) cr = buf.indexOf("\r", from);
      const i = lf < 0 ? cr : cr < 0 ? lf : lf < cr ? lf : cr;
      if (i < 0 || i >= limit) break;
      // a CR at the end of what is read so far may be the first half of a CRLF
      if (i === cr && i + 1 === buf.length && !done) break;
      onRecord(buf.slice(from, i).split(delimiter));
      from = i === cr && lf === i + 1 ? i + 2 : i + 1;
    }
    buf = from === 0 ? buf : buf.slice(from);
    if (quote >= 0) {
      // csv-parse reads from the record holding the quote to the end
      const rest = buf;
      async function* all(): AsyncGenerator<string> {
        yield rest;
        if (!done) for (let n = await it.next(); n.done !== true; n = await it.next()) yield n.value;
      }
      const source = Readable.from(all());
      const parser = source.pipe(parse({ delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: false, bom: false }));
      try {
        for await (const rec of parser as AsyncIterable<string[]>) onRecord(rec);
      } finally {
        parser.destroy();
        source.destroy();
      }
      return;
    }
    if (done) {
      if (buf !== "") onRecord(buf.split(delimiter));
      return;
    }
  }
}

/**
 * Reads a CSV facts file (an absolute path) in batches of units, calling `onBatch` for each; see the
 * file comment for when it stops (`ok: false`).  Errors thrown by `onBatch` end the read and propagate.
 */
export async function streamCsvUnits(
  file: string,
  known: KnownFacts,
  onBatch: (units: UnitInput[]) => void,
  options: StreamOptions = {},
): Promise<StreamOutcome> {
  const batchRows = options.batchRows ?? STREAM_BATCH_ROWS;
  try {
    if (!statSync(file).isFile()) return { ok: false, why: "不是普通文件" };
  } catch {
    return { ok: false, why: "无法读取" };
  }
  const texts = decoded(file);
  try {
    // The header line decides the delimiter (as in csv.ts): read until the first line end.
    let head = "";
    for (;;) {
      const next = await texts.next();
      if (next.done) break;
      head += next.value;
      if (/[\r\n]/.test(head.replace(/^[\uFEFF\s]*/, ""))) break;
    }
    const delimiter = detectDelimiter(head);
    async function* all(): AsyncGenerator<string> {
      yield head;
      yield* texts;
    }
    let header: TableRow | undefined;
    let layout: WideLayout | undefined;
    // the batch: each row's record and its number (the record's, counted from 1, blank ones included)
    let batch: string[][] = [];
    let batchAt: number[] = [];
    const names = duplicateNames(options.seen);
    let units = 0;
    let rows = 0;
    let keys: (string | undefined)[] | undefined;
    const flush = () => {
      if (batch.length === 0) return;
      const fast = layout && rowsByLayout(layout, batch);
      const read = fast ? undefined : unitsByTable(file, header!, batch, batchAt, known);
      // after a first batch read without a word, the header is one tableToUnits reads: its layout is final
      if (!layout) {
        layout = wideLayout(header!.cells.map((c) => c!.text), known);
        if (layout) keys = keysOf(layout, header!.cells.length);
      }
      const size = batch.length;
      batch = [];
      batchAt = [];
      if (fast) {
        names(fast);
        units += size;
        if (options.onRows) options.onRows(keys!, fast);
        else onBatch(rowsToUnits(layout!, fast));
      } else {
        names(read!);
        units += read!.length;
        onBatch(read!);
      }
    };
    let n = 0;
    await csvRecords(all(), delimiter, (rec) => {
      n++;
      if (!header) {
        if (blank(rec)) return;
        const texts = rec.map((v) => v.trim());
        if (isLongHeader(texts)) throw new Stop("长表格式");
        header = { row: n, cells: rec.map((value, c) => ({ column: c + 1, value, text: texts[c]!, start: 0, end: 0 })) };
        return;
      }
      if (blank(rec)) return;
      if (rec.length !== header.cells.length) throw new Stop("列数不一致", `第 ${n} 行有 ${rec.length} 个字段，表头有 ${header.cells.length} 个`);
      rows++;
      batch.push(rec);
      batchAt.push(n);
      if (batch.length >= batchRows) flush();
    });
    flush();
    if (!header || units === 0) return { ok: false, why: "没有单位" };
    return { ok: true, units, rows };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, why: e.message, problem: e.problem };
    if ((e as { code?: unknown }).code !== undefined && String((e as { code?: unknown }).code).startsWith("CSV_")) return { ok: false, why: "CSV 格式有误" };
    if ((e as NodeJS.ErrnoException).syscall !== undefined) return { ok: false, why: "无法读取" };
    throw e;
  } finally {
    // Stop reading (a batch failed, or the file is done): the file is closed with the generator.
    await texts.return(undefined);
  }
}

/** A batch's units through tableToUnits (every check; the first problem stops the stream). */
function unitsByTable(file: string, header: TableRow, batch: readonly string[][], batchAt: readonly number[], known: KnownFacts): UnitInput[] {
  const rows: TableRow[] = [header];
  for (let r = 0; r < batch.length; r++) rows.push({ row: batchAt[r]!, cells: batch[r]!.map((value, c) => ({ column: c + 1, value, text: value.trim(), start: 0, end: 0 })) });
  const read = tableToUnits({ file, rows }, known);
  const first = read.diagnostics[0];
  if (first) throw new Stop("有问题", `${first.cell ? `第 ${first.cell.row} 行 ${first.cell.ref.replace(/\d+$/, "")} 列：` : ""}${first.message}`);
  return read.units;
}

/**
 * A batch's rows read by the header's layout: the same units as tableToUnits gives (the name and class
 * cell trimmed, the class only when not empty; every fact cell as written), or undefined when a row
 * holds anything tableToUnits would report or read otherwise (then tableToUnits reads the batch).
 */
function rowsByLayout(layout: WideLayout, batch: readonly string[][]): RowUnit[] | undefined {
  const { unitColumn, classColumn, unnamed } = layout;
  const rows: RowUnit[] = [];
  for (const rec of batch) {
    const name = rec[unitColumn - 1]!.trim();
    // no name, a name that hides a character or is written otherwise than its key: tableToUnits
    if (name === "" || !isOwnNameKey(name) || invisibleChars(name).length > 0) return undefined;
    for (const c of unnamed) if (rec[c - 1]!.trim() !== "") return undefined;
    const row: RowUnit = { name, facts: rec };
    if (classColumn > 0) {
      const cls = rec[classColumn - 1]!.trim();
      if (cls !== "") row.classes = cls;
    }
    rows.push(row);
  }
  return rows;
}

/** The fact key of each cell of a row, by the layout (undefined: the unit, class or an ignored column). */
function keysOf(layout: WideLayout, width: number): (string | undefined)[] {
  const keys = new Array<string | undefined>(width).fill(undefined);
  for (const { column, key } of layout.columns) keys[column - 1] = key;
  return keys;
}

/** Rows as units (a facts object each), for a caller that takes no rows. */
function rowsToUnits(layout: WideLayout, rows: readonly RowUnit[]): UnitInput[] {
  return rows.map((row) => {
    const facts = Object.create(null) as UnitInput["facts"]; // "__proto__" is a key like any other
    for (const { column, key } of layout.columns) facts[key] = row.facts[column - 1]!;
    const unit: UnitInput = { name: row.name, facts };
    if (row.classes !== undefined) unit.classes = row.classes;
    return unit;
  });
}
