/**
 * Facts read as a stream, in batches of units, whatever the file's format: CSV (csv-stream.ts), JSON
 * Lines (jsonl-stream.ts), the first sheet of an .xlsx file (xlsx-stream.ts).  Other files (JSON,
 * another extension) are not streamed: `ok: false`, and the caller reads them whole.
 */
import { extname } from "node:path";
import type { UnitInput } from "@kaoping/core";
import { streamCsvUnits } from "./csv-stream.js";
import { streamJsonlUnits } from "./jsonl-stream.js";
import type { StreamOptions, StreamOutcome } from "./stream-common.js";
import type { KnownFacts } from "./table.js";
import { streamXlsxUnits } from "./xlsx-stream.js";

/** The extensions of the facts files that are read as a stream. */
export const STREAMED_FACTS = [".csv", ".jsonl", ".xlsx"] as const;

/** Reads a facts file (an absolute path) in batches of units; `ok: false` when it must be read whole. */
export function streamUnits(file: string, known: KnownFacts, onBatch: (units: UnitInput[]) => void, options: StreamOptions = {}): Promise<StreamOutcome> {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return streamCsvUnits(file, known, onBatch, options);
  if (ext === ".jsonl") return streamJsonlUnits(file, known, onBatch, options);
  if (ext === ".xlsx") return streamXlsxUnits(file, known, onBatch, options);
  return Promise.resolve({ ok: false, why: "不流式读取的格式" });
}
