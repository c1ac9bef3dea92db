/**
 * Filling a template as a person would in Excel: every fact cell of a `kp template` workbook gets the
 * unit's value from a facts CSV — whole numbers and decimals typed as numbers, percentages as
 * numbers formatted as percentages (what Excel stores for 「87.5%」), everything else as text.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";

/** A facts CSV as unit → key → cell text. */
export function factsTable(csvFile: string): Map<string, Record<string, string>> {
  const rows = parse(readFileSync(csvFile, "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r["单位"]!, r]));
}

/** Writes a value into a cell the way Excel stores what a person types. */
export function typeInto(cell: ExcelJS.Cell, text: string): void {
  if (text === "") return;
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (pct) {
    // Excel keeps 87.5% as 0.875 formatted as a percentage; exact digits come back through the format.
    cell.value = Number((Number(pct[1]) / 100).toPrecision(15));
    cell.numFmt = "0.00##%";
  } else if (/^\d+(\.\d+)?$/.test(text)) cell.value = Number(text);
  else cell.value = text;
}

/** Fills a template workbook (bytes) from the table; returns the filled workbook's bytes. */
export async function fillTemplate(bytes: Buffer, table: Map<string, Record<string, string>>, only?: (unit: string, key: string) => boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("事实")!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const unit = String(row.getCell(1).value ?? "");
    const facts = table.get(unit);
    if (!facts) return;
    header.forEach((key, c) => {
      if (c < 3 || key === "") return;
      if (only && !only(unit, key)) return;
      typeInto(row.getCell(c), facts[key] ?? "");
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
