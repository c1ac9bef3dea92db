// Builds .docx, .xlsx and .html documents in the tests (no binary fixtures in the repository): the
// same table — rows of cells, where `null` continues the cell above (a vertical merge) — written as a
// Word table with w:vMerge, an Excel sheet with merged ranges, or an HTML table with rowspan.
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** A table: rows of cells; null = merged with the cell above; `{ text, span }` spans columns. */
export type FixtureCell = string | null | { text: string; span: number };
export type FixtureTable = FixtureCell[][];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cellText = (c: FixtureCell): string => (c === null ? "" : typeof c === "string" ? c : c.text);
const cellSpan = (c: FixtureCell): number => (c !== null && typeof c === "object" ? c.span : 1);

function wPara(text: string, list?: { level: number; numId?: number }): string {
  const ppr = list ? `<w:pPr><w:numPr><w:ilvl w:val="${list.level}"/><w:numId w:val="${list.numId ?? 1}"/></w:numPr></w:pPr>` : "";
  return `<w:p>${ppr}${text.split("\n").map((l, i) => `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r>`).join("")}</w:p>`;
}

function wTable(t: FixtureTable): string {
  const rows = t.map((row, r) => {
    const cells = row.map((c, i) => {
      const span = cellSpan(c);
      const below = t[r + 1]?.[i] === null;
      const vm = c === null ? `<w:vMerge/>` : below ? `<w:vMerge w:val="restart"/>` : "";
      const gs = span > 1 ? `<w:gridSpan w:val="${span}"/>` : "";
      return `<w:tc><w:tcPr>${gs}${vm}</w:tcPr>${c === null ? "<w:p/>" : cellText(c).split("\n\n").map((p) => wPara(p)).join("")}</w:tc>`;
    });
    return `<w:tr>${cells.join("")}</w:tr>`;
  });
  return `<w:tbl><w:tblPr/>${rows.join("")}</w:tbl>`;
}

export type DocxBlock = { paragraph: string; list?: number; numId?: number } | { table: FixtureTable };

/** A list definition of numbering.xml: its numId and, per level, the format and label (「%1、」). */
export interface DocxList {
  numId: number;
  levels: { fmt: string; text: string }[];
}

/** A minimal but valid .docx (the parts Word itself needs to open it). */
export async function docx(blocks: DocxBlock[], lists: DocxList[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = blocks.map((b) => ("table" in b ? wTable(b.table) : wPara(b.paragraph, b.list !== undefined ? { level: b.list, numId: b.numId } : undefined))).join("");
  if (lists.length > 0) {
    const abstracts = lists.map((l) => `<w:abstractNum w:abstractNumId="${l.numId}">${l.levels.map((v, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${v.fmt}"/><w:lvlText w:val="${esc(v.text)}"/></w:lvl>`).join("")}</w:abstractNum>`).join("");
    const nums = lists.map((l) => `<w:num w:numId="${l.numId}"><w:abstractNumId w:val="${l.numId}"/></w:num>`).join("");
    zip.file("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${abstracts}${nums}</w:numbering>`);
  }
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** An .xlsx with one sheet: optional title rows, then the table; null cells merged with the cell above. */
export async function xlsx(t: FixtureTable, opts: { title?: string; sheet?: string } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? "考核细则");
  const width = Math.max(...t.map((r) => r.reduce((n, c) => n + cellSpan(c), 0)));
  let top = 1;
  if (opts.title) {
    ws.getCell(1, 1).value = opts.title;
    ws.mergeCells(1, 1, 1, width);
    top = 2;
  }
  t.forEach((row, r) => {
    let col = 1;
    row.forEach((c, i) => {
      const span = cellSpan(c);
      if (c !== null) {
        ws.getCell(top + r, col).value = cellText(c);
        let end = r;
        while (t[end + 1]?.[i] === null) end++;
        if (end > r || span > 1) ws.mergeCells(top + r, col, top + end, col + span - 1);
      }
      col += span;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An HTML page with a title and the table (rowspan for null cells below, colspan for spans). */
export function html(t: FixtureTable, opts: { title?: string } = {}): string {
  const rows = t.map((row, r) => {
    const cells = row.map((c, i) => {
      if (c === null) return "";
      let span = 1;
      while (t[r + span]?.[i] === null) span++;
      const attrs = (span > 1 ? ` rowspan="${span}"` : "") + (cellSpan(c) > 1 ? ` colspan="${cellSpan(c)}"` : "");
      return `<td${attrs}>${cellText(c).split("\n").map(esc).join("<br>")}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(opts.title ?? "")}</title></head><body>${opts.title ? `<h1>${esc(opts.title)}</h1>` : ""}<table border="1">${rows.join("\n")}</table><p>附注：本表由考核办负责解释。</p></body></html>`;
}
