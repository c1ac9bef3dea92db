/**
 * Facts files made at test time (by the facts tests and by docs/bad-input.md's `$T`): byte-exact CSV
 * line ends that version control might rewrite, Excel workbooks built with exceljs (hidden sheets,
 * formulas without a saved result), broken zips and decompression bombs (generated, never
 * committed: a bomb is a few hundred kilobytes that inflate to more than the limit).
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";

/** facts/ok.csv of the CLI fixtures. */
export function okCsv(fixtures: string): string {
  return readFileSync(join(fixtures, "facts", "ok.csv"), "utf8");
}

/**
 * facts/ok.csv with a 备注 column (ignored when scoring) and rows ending in CRLF, LF and CR by turns,
 * as when two exports are pasted together.  Read with one line end for the whole file, rows after
 * the first were swallowed into the 备注 cell of the row before: fewer units, and no error.
 */
export function mixedLineEndingsCsv(fixtures: string): string {
  const lines = okCsv(fixtures).trim().split("\n");
  const ends = ["\r\n", "\n", "\r", "\n"];
  return lines.map((l, i) => `${l},${i === 0 ? "备注" : "已核对"}${ends[i % ends.length]}`).join("");
}

/** Rows of facts/ok.csv as Excel cells (numbers as numbers). */
function okRows(fixtures: string): (string | number | null)[][] {
  return okCsv(fixtures)
    .trim()
    .split("\n")
    .map((l, r) => l.split(",").map((cell, i) => (cell === "" ? null : r > 0 && i >= 2 && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
}

/** Writes the Excel facts files of the facts tests and of docs/bad-input.md into `dir`. */
export async function writeFactsWorkbooks(fixtures: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const rows = okRows(fixtures);

  // A formula in 参会 (C3, 乙县) with no saved result: a file written by a program, never opened in Excel.
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    for (const r of rows) ws.addRow(r);
    ws.getCell("C3").value = { formula: "2*3" } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { formula: "1+1", result: 2 };
    await wb.xlsx.writeFile(join(dir, "formula-no-result.xlsx"));
  }

  // A hidden first sheet (last year's figures, 参会 all 0) before the visible one.
  {
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet("去年", { state: "hidden" });
    rows.forEach((r, i) => old.addRow(i === 0 ? r : r.map((c, j) => (j === 2 ? 0 : c))));
    const ws = wb.addWorksheet("今年");
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, "hidden-first.xlsx"));
  }

  // A value to the right of the header's last column (P4, 丙县): under no column, it was dropped.
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    for (const r of rows) ws.addRow(r);
    ws.getCell(4, rows[0]!.length + 1).value = 3;
    await wb.xlsx.writeFile(join(dir, "beyond-header.xlsx"));
  }

  // One fact per row, with an unnamed third column holding a value (C3): it was dropped too.
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("事实");
    ws.addRow(["单位", "规则", null, "值"]);
    ws.addRow(["甲县", "参会", null, 1]);
    ws.addRow(["甲县", "清退", 2, "是"]);
    await wb.xlsx.writeFile(join(dir, "long-unnamed.xlsx"));
  }

  // Every sheet hidden.
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("隐藏", { state: "veryHidden" });
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, "all-hidden.xlsx"));
  }

  // Not a zip at all; and a real workbook cut in half.
  writeFileSync(join(dir, "not-a-zip.xlsx"), "单位,参会\n甲县,1\n");
  const whole = readFileSync(join(dir, "hidden-first.xlsx"));
  writeFileSync(join(dir, "truncated.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));

  // Decompression bombs: one entry of zeros inflating past the limit, with its size declared
  // honestly, and with a header that says 1 KiB.
  await writeBomb(join(dir, "bomb.xlsx"), 300, false);
  await writeBomb(join(dir, "bomb-lying.xlsx"), 300, true);
  // Under the size limit, but 1,000 times smaller than it says it inflates to.
  await writeBomb(join(dir, "bomb-ratio.xlsx"), 20, false);
}

/** Deflates `mib` MiB of zeros (streamed: the zeros are never held at once). */
async function deflatedZeros(mib: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on("end", resolve);
    z.on("error", reject);
  });
  for (let i = 0; i < mib; i++) {
    if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A zip (what an .xlsx is) of one deflated entry `xl/worksheets/sheet1.xml` of `mib` MiB of zeros.
 * The CRC is left 0: zip readers that check it only do so after inflating, which is what a bomb
 * must not get to.
 */
export async function writeBomb(path: string, mib: number, lying: boolean): Promise<void> {
  const data = await deflatedZeros(mib);
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const size = lying ? 1024 : mib * 1024 * 1024;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0, 6); // flags
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // crc
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // local header offset
  const cdOffset = local.length + name.length + data.length;
  const cdSize = central.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  writeFileSync(path, Buffer.concat([local, name, data, central, name, end]));
}

/**
 * A catalogue whose rule 「通报」 (in a 就高 group) takes a count or a list of incident ids, and facts
 * that are not ids: a nested list (JSON), and "1.5" (a mistyped count, CSV).  Old modules counted
 * each as one incident.  Writes `<dir>/ids/细则.kp`, `<dir>/facts/ids-nested.json`, `ids-decimal.csv`.
 */
export function writeIncidentFacts(dir: string): void {
  mkdirSync(join(dir, "ids"), { recursive: true });
  mkdirSync(join(dir, "facts"), { recursive: true });
  writeFileSync(
    join(dir, "ids", "细则.kp"),
    "细则 「事件编号」\n指标 「纪律」 2分 {\n  就高 {\n    规则 「班子」 「班子被通报的，扣0.5分」 扣 0.5\n    规则 「通报」 「被通报的，每次扣0.5分」 每次 扣 0.5\n  }\n}\n",
  );
  writeFileSync(join(dir, "facts", "ids-decimal.csv"), "单位,班子,通报\n甲县,否,事件A、事件B\n乙县,否,1.5\n丙县,是,事件A\n");
  writeFileSync(
    join(dir, "facts", "ids-nested.json"),
    '{ "units": [\n  { "name": "甲县", "facts": { "班子": false, "通报": ["事件A", "事件B"] } },\n  { "name": "乙县", "facts": { "班子": false, "通报": [[["事件C"]]] } }\n] }\n',
  );
}
