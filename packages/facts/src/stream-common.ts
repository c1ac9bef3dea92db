/**
 * What the facts streams (csv-stream.ts, jsonl-stream.ts, xlsx-stream.ts) share: their outcome, the
 * batch size, the stop signal, the file decoded as UTF-8 piece by piece, and the check for a unit
 * name repeated across batches.
 */
import { createReadStream } from "node:fs";
import { isOwnNameKey, nameKey, type UnitInput } from "@kaoping/core";

/** The outcome of streaming: how many units were read, or why the whole-file reader must take over. */
export type StreamOutcome = { ok: true; units: number; rows: number } | { ok: false; why: string; problem?: string };

/** Options of a facts stream. */
export interface StreamOptions {
  /** Rows (lines) per batch. */
  batchRows?: number;
  /** Whether a unit of this name (its nameKey) was already taken (the scorer knows every name). */
  seen?: (name: string) => boolean;
  /**
   * Takes batches as table rows, when the stream can give them so (CSV, after its first batch): `keys[j]`
   * is the fact key of the row's cell j (undefined: the cell holds no fact).  Read them with core's
   * kpReadUnits(…, rows, keys): the same as the units onBatch would have been given.  Batches it
   * cannot give so still come to onBatch.
   */
  onRows?: (keys: readonly (string | undefined)[], rows: RowUnit[]) => void;
}

/** A unit as a table row: its name, its class cell (when not empty) and all its cells, as written. */
export interface RowUnit {
  name: string;
  classes?: string;
  facts: string[];
}

/** Rows per batch: large enough that a batch's fixed costs vanish, small enough to stay in memory. */
export const STREAM_BATCH_ROWS = 200;

/** Raised inside a stream to stop it; carries why, and the first problem in the facts if that is why. */
export class Stop extends Error {
  constructor(
    why: string,
    readonly problem?: string,
  ) {
    super(why);
  }
}

/** The file's text, decoded as UTF-8 piece by piece; anything else (GBK, UTF-16, binary) stops. */
export async function* decoded(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw new Stop("不是 UTF-8 编码");
    }
    if (text.includes("\u0000")) throw new Stop("二进制内容");
    if (text !== "") yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new Stop("不是 UTF-8 编码");
  }
  if (rest !== "") yield rest;
}

/**
 * A check of each batch's unit names: a name written differently from an earlier one (full width,
 * another Unicode form) is a duplicate too.  Only such spellings are kept here; names the same as
 * their nameKey are asked of `seen` (the scorer knows every name; it reports exact repetitions itself).
 */
export function duplicateNames(seen: ((name: string) => boolean) | undefined): (units: readonly (UnitInput | RowUnit)[]) => void {
  const variants = new Set<string>();
  return (units) => {
    for (const u of units) {
      const name = String(u.name).trim();
      const id = isOwnNameKey(name) ? name : nameKey(name);
      if (id !== name) {
        if (variants.has(id) || seen?.(id) === true) throw new Stop("单位重复", `单位「${name}」重复出现`);
        variants.add(id);
      } else if (variants.has(id)) throw new Stop("单位重复", `单位「${name}」重复出现`);
    }
  };
}
