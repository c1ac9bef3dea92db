/**
 * A JSON Lines facts file (.jsonl) read as a stream, in batches of units, for `kp score` on files of
 * any size: lines are split off the decoded text as it is read, and each batch of lines is read by
 * the same JSON reader as the whole file (json.ts readJson over the batch as one array), so a value
 * reads the same either way — numbers from their text, exactly.
 *
 * As the CSV stream, it reads only what the whole-file reader would read without a word: at the first
 * problem (a syntax error, a line that is not one unit, a bad key …) it stops with `ok: false` and
 * the caller reads the file whole, which reports every problem at its line (nothing written yet).
 */
import { statSync } from "node:fs";
import type { UnitInput } from "@kaoping/core";
import { readJson } from "./json.js";
import type { KnownFacts } from "./table.js";
import { decoded, duplicateNames, Stop, STREAM_BATCH_ROWS, type StreamOptions, type StreamOutcome } from "./stream-common.js";

/** The lines of a decoded text stream, numbered from 1 (\r\n, \n and \r end a line, as LineIndex). */
async function* linesOf(texts: AsyncGenerator<string>): AsyncGenerator<{ line: number; text: string }> {
  let rest = "";
  let line = 0;
  for await (const chunk of texts) {
    rest += chunk;
    // a \r at the end may be the first half of \r\n: keep it for the next chunk
    const end = rest.endsWith("\r") ? rest.length - 1 : rest.length;
    let from = 0;
    for (let i = 0; i < end; i++) {
      const c = rest.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield { line: ++line, text: rest.slice(from, i) };
      if (c === 13 && rest.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
    rest = rest.slice(from);
  }
  if (rest.endsWith("\r")) {
    yield { line: ++line, text: rest.slice(0, -1) };
    rest = "";
  }
  if (rest !== "") yield { line: ++line, text: rest };
}

/**
 * Reads a JSON Lines facts file (an absolute path) in batches of units, calling `onBatch` for each;
 * see the file comment for when it stops (`ok: false`).  Errors thrown by `onBatch` propagate.
 */
export async function streamJsonlUnits(file: string, known: KnownFacts, onBatch: (units: UnitInput[]) => void, options: StreamOptions = {}): Promise<StreamOutcome> {
  const batchRows = options.batchRows ?? STREAM_BATCH_ROWS;
  try {
    if (!statSync(file).isFile()) return { ok: false, why: "不是普通文件" };
  } catch {
    return { ok: false, why: "无法读取" };
  }
  const texts = decoded(file);
  const names = duplicateNames(options.seen);
  let batch: { line: number; text: string }[] = [];
  let units = 0;
  const flush = () => {
    if (batch.length === 0) return;
    // one line per array element: a line that is not one value makes a syntax error or a wrong count
    const read = readJson(file, "[" + batch.map((l) => l.text).join(",\n") + "]", known.byName, known.perItem);
    const first = read.diagnostics[0];
    if (first) throw new Stop("有问题", `第 ${batch[first.span.start.line - 1]?.line ?? batch[0]!.line} 行：${first.message}`);
    if (read.units.length !== batch.length) throw new Stop("每行不是一个单位");
    names(read.units);
    units += read.units.length;
    batch = [];
    onBatch(read.units);
  };
  try {
    let first = true;
    for await (const l of linesOf(texts)) {
      const text = first ? l.text.replace(/^\uFEFF/, "") : l.text;
      first = false;
      if (text.trim() === "") continue;
      batch.push({ line: l.line, text });
      if (batch.length >= batchRows) flush();
    }
    flush();
    if (units === 0) return { ok: false, why: "没有单位" };
    return { ok: true, units, rows: units };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, why: e.message, problem: e.problem };
    if ((e as NodeJS.ErrnoException).syscall !== undefined) return { ok: false, why: "无法读取" };
    throw e;
  } finally {
    await texts.return(undefined);
  }
}
