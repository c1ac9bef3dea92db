/**
 * CSV facts files.  csv-parse reads the values (RFC 4180: quotes, doubled quotes, line breaks inside
 * quoted cells); a small scanner of the same grammar finds each cell's text range, so problems can be
 * shown under the exact cell.  UTF-8 with or without BOM is the norm; GBK/GB18030 (what Excel saves
 * on a Chinese Windows) and UTF-16 are decoded with a warning (KP4017).  CRLF, LF and CR line ends are
 * all accepted, in any mix (two exports pasted together): each ends a row outside quotes.  Every row
 * must have as many fields as the header (KP4022, at its line, with both counts): a row is never
 * merged into another, cut short or padded.  The delimiter is a comma, or a tab or semicolon when the
 * header row uses those.
 */
import { LineIndex } from "@kaoping/core";
import { CsvError, parse } from "csv-parse/sync";
import type { Table, TableRow } from "./table.js";
import { factsDiagnostic, type FactsDiagnostic } from "./types.js";

/** Character ranges of each field of each record. */
type FieldRanges = { start: number; end: number }[][];

/** Finds field ranges (quotes included) with the same grammar csv-parse reads. */
export function scanFields(text: string, delimiter: string): FieldRanges {
  const records: FieldRanges = [];
  let fields: { start: number; end: number }[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark is not text (csv-parse: bom)
  for (;;) {
    const start = i;
    if (text[i] === '"') {
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
    }
    while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") i++;
    fields.push({ start, end: i });
    if (i >= n) {
      if (!(fields.length === 1 && start === n)) records.push(fields);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    records.push(fields);
    fields = [];
    if (i >= n) break;
  }
  return records;
}

/** The delimiter of the header line: comma, unless tabs or semicolons clearly are. */
export function detectDelimiter(text: string): string {
  const nl = text.search(/[\r\n]/);
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, "");
  const count = (c: string) => first.split(c).length - 1;
  const comma = count(",");
  const tab = count("\t");
  const semi = count(";");
  if (tab > comma && tab >= semi) return "\t";
  if (semi > comma && semi > tab) return ";";
  return ",";
}

const csvErrors: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "引号没有闭合",
  INVALID_OPENING_QUOTE: "引号的位置不对：引号只能出现在单元格的开头",
  CSV_INVALID_CLOSING_QUOTE: "引号后面应是分隔符或换行",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "引号后面应是分隔符或换行",
};

/** Reads a CSV text (already decoded) into a table. */
export function readCsv(file: string, text: string): { table?: Table; diagnostics: FactsDiagnostic[] } {
  const delimiter = detectDelimiter(text);
  const lines = new LineIndex(text);
  let records: string[][];
  try {
    // Every line end, in any mix; the field counts are checked below (all rows, not just the first).
    records = parse(text, { delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines ?? 1;
    const start = lines.offsetAt(line, 1);
    const what = csvErrors[e.code] ?? `无法按 CSV 格式读取（${e.code}）`;
    return { diagnostics: [factsDiagnostic(file, "KP4020", { span: lines.span(start, start + lines.lineText(line).length) }, [`第 ${line} 行：${what}`])] };
  }
  const ranges = scanFields(text, delimiter);
  if (ranges.length !== records.length) {
    // The scanner and csv-parse read the same grammar; a disagreement is a defect, never a guess.
    throw new Error(`CSV scanner found ${ranges.length} records, csv-parse ${records.length}`);
  }
  // A blank line (or one of blanks only) is an empty row, skipped later: no value can be lost.
  const blank = (rec: string[]) => rec.every((v) => v.trim() === "");
  const headerAt = records.findIndex((rec) => !blank(rec));
  const width = records[headerAt]?.length ?? 0;
  const wrong: FactsDiagnostic[] = [];
  records.forEach((rec, r) => {
    if (r <= headerAt || rec.length === width || blank(rec)) return;
    const fr = ranges[r]!;
    const start = fr[0]!.start;
    const end = fr[fr.length - 1]!.end;
    const line = lines.position(start).line;
    wrong.push(factsDiagnostic(file, "KP4022", { span: lines.span(start, end) }, [line, rec.length, width]));
  });
  if (wrong.length > 0) return { diagnostics: wrong };
  const rows: TableRow[] = records.map((rec, r) => {
    const fr = ranges[r];
    const aligned = fr !== undefined && fr.length === rec.length;
    const rowStart = fr?.[0]?.start ?? 0;
    return {
      row: lines.position(rowStart).line,
      cells: rec.map((value, c) => {
        const range = aligned ? fr[c]! : { start: rowStart, end: rowStart };
        return { column: c + 1, value, text: value.trim(), start: range.start, end: range.end };
      }),
    };
  });
  return { table: { file, lines, rows }, diagnostics: [] };
}
