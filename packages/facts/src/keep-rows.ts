/**
 * A CSV facts file read with only some of its rows: the header and the rows whose unit is kept become
 * table rows exactly as readCsv makes them (same line numbers, cell texts and offsets into the same
 * text), and tableToUnits reads them — so their problems are reported at the same cells, with the same
 * code frames, as when the whole file is read.  `kp score` uses it after a stream found facts errors:
 * only the rows with problems are read whole, not the 100,000 that are fine.
 *
 * Only for text whose rows are lines: UTF-8 without a double quote anywhere (a quoted cell may hold a
 * delimiter or a line end, which csv-parse reads), a WIDE header with a unit column, every row as wide
 * as the header.  Otherwise undefined: the caller reads the file whole (loadFacts).
 */
import { readFileSync } from "node:fs";
import { decodeBytes, LineIndex, MAX_FACTS_BYTES, type CatalogueMeta } from "@kaoping/core";
import { detectDelimiter } from "./csv.js";
import { knownFacts } from "./load.js";
import { tableToUnits, wideLayout, type TableRow } from "./table.js";
import type { LoadedFacts } from "./types.js";

/** Reads a CSV facts file (an absolute path) with only the rows whose (trimmed) unit name `keep` takes; see the header. */
export function readKeptRows(file: string, cat: CatalogueMeta, keep: (name: string) => boolean): LoadedFacts | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length > MAX_FACTS_BYTES) return undefined;
  const decoded = decodeBytes(bytes, true);
  if (!decoded.ok || decoded.encoding !== "UTF-8") return undefined;
  const text = decoded.text;
  if (text.trim() === "" || text.includes('"')) return undefined;
  const known = knownFacts(cat);
  const lines = new LineIndex(text);
  const delimiter = detectDelimiter(text);
  const rows: TableRow[] = [];
  let unitColumn = 0;
  let width = 0;
  // each line (CRLF, LF or CR ends it, as csv.ts reads them); a line end at the very end opens no row
  const end = /\r\n|\n|\r/g;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start < text.length; ) {
    end.lastIndex = start;
    const m = end.exec(text);
    const stop = m ? m.index : text.length;
    const values = text.slice(start, stop).split(delimiter);
    if (!values.every((v) => v.trim() === "")) {
      let take: boolean;
      if (unitColumn === 0) {
        const layout = wideLayout(values.map((v) => v.trim()), known);
        if (!layout) return undefined;
        unitColumn = layout.unitColumn;
        width = values.length;
        take = true;
      } else {
        if (values.length !== width) return undefined;
        take = keep(values[unitColumn - 1]!.trim());
      }
      if (take) {
        let at = start;
        const cells = values.map((value, c) => {
          const cell = { column: c + 1, value, text: value.trim(), start: at, end: at + value.length };
          at += value.length + delimiter.length;
          return cell;
        });
        rows.push({ row: lines.position(start).line, cells });
      }
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  if (unitColumn === 0) return undefined;
  const r = tableToUnits({ file, lines, rows }, known);
  return { file, units: r.units, diagnostics: r.diagnostics, locator: r.locator, rows: r.rows, suggested: r.suggested, text };
}
