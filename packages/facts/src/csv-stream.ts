/**
 * A CSV facts file read as a stream, in batches of units, for `kp score` on files of any size: the
 * bytes are decoded and parsed (csv-parse's stream API, the same options as csv.ts) as they are read,
 * and each batch of rows becomes units through the same tableToUnits as the whole-file reader, so a
 * value reads the same either way.  Only what is needed across batches is kept: the header and the
 * units' names (a name written twice, however spelled, is a duplicate).
 *
 * The stream reads only files the whole-file reader would read without a word: UTF-8, the WIDE
 * layout, every row as wide as the header, no problem or warning at all.  At the first thing that
 * is not so it stops with `ok: false`; the caller then reads the file with loadFacts, which reports
 * every problem at its cell with a code frame, exactly as before (nothing has been written yet).
 */
import { statSync } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { UnitInput } from "@kaoping/core";
import { detectDelimiter } from "./csv.js";
import { decoded, duplicateNames, Stop, STREAM_BATCH_ROWS, type StreamOptions, type StreamOutcome } from "./stream-common.js";
import { isLongHeader, tableToUnits, type KnownFacts, type TableRow } from "./table.js";

/** The outcome of streaming: how many units were read, or why the whole-file reader must take over. */
export type CsvStreamOutcome = StreamOutcome;

export { STREAM_BATCH_ROWS };

const blank = (rec: readonly string[]) => rec.every((v) => v.trim() === "");

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
  let source: Readable | undefined;
  let parser: ReturnType<typeof parse> | undefined;
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
    source = Readable.from(all());
    parser = source.pipe(parse({ delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: false, bom: true }));
    let header: TableRow | undefined;
    let batch: TableRow[] = [];
    const names = duplicateNames(options.seen);
    let units = 0;
    let rows = 0;
    const flush = () => {
      if (batch.length === 0) return;
      const read = tableToUnits({ file, rows: [header!, ...batch] }, known);
      const first = read.diagnostics[0];
      if (first) throw new Stop("有问题", `${first.cell ? `第 ${first.cell.row} 行 ${first.cell.ref.replace(/\d+$/, "")} 列：` : ""}${first.message}`);
      names(read.units);
      units += read.units.length;
      batch = [];
      onBatch(read.units);
    };
    let n = 0;
    for await (const rec of parser as AsyncIterable<string[]>) {
      n++;
      if (!header) {
        if (blank(rec)) continue;
        const texts = rec.map((v) => v.trim());
        if (isLongHeader(texts)) throw new Stop("长表格式");
        header = { row: n, cells: rec.map((value, c) => ({ column: c + 1, value, text: texts[c]!, start: 0, end: 0 })) };
        continue;
      }
      if (blank(rec)) continue;
      if (rec.length !== header.cells.length) throw new Stop("列数不一致", `第 ${n} 行有 ${rec.length} 个字段，表头有 ${header.cells.length} 个`);
      rows++;
      batch.push({ row: n, cells: rec.map((value, c) => ({ column: c + 1, value, text: value.trim(), start: 0, end: 0 })) });
      if (batch.length >= batchRows) flush();
    }
    flush();
    if (!header || units === 0) return { ok: false, why: "没有单位" };
    return { ok: true, units, rows };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, why: e.message, problem: e.problem };
    if ((e as { code?: unknown }).code !== undefined && String((e as { code?: unknown }).code).startsWith("CSV_")) return { ok: false, why: "CSV 格式有误" };
    if ((e as NodeJS.ErrnoException).syscall !== undefined) return { ok: false, why: "无法读取" };
    throw e;
  } finally {
    // Stop reading (a batch failed, or the file is done): the file is closed with the stream.
    parser?.destroy();
    source?.destroy();
    if (!source) await texts.return(undefined);
  }
}
