// .docx: the zip container (jszip) and word/document.xml (fast-xml-parser, order preserved).  Tables
// keep their merges: horizontal `w:gridSpan` and vertical `w:vMerge` (restart … continue) become
// spans of one cell; numbered paragraphs keep their list level (numbering.xml's w:ilvl).
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { Block, Cell, ReadDocument, Table } from "../model.js";
import { fail } from "../diagnostics.js";
import { MAX_SLOTS } from "./cells.js";

type XNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@", trimValues: false, processEntities: true });

function tagOf(n: XNode): string | undefined {
  return Object.keys(n).find((k) => k !== ":@" && k !== "#text");
}
function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  return t ? ((n[t] as XNode[] | undefined) ?? []) : [];
}
function attrOf(n: XNode, name: string): string | undefined {
  const a = n[":@"] as Record<string, unknown> | undefined;
  const v = a?.[`@${name}`];
  return v === undefined ? undefined : String(v);
}
/** Children with content controls (w:sdt → w:sdtContent), custom XML and smart tags unwrapped. */
function contentKids(n: XNode): XNode[] {
  return kids(n).flatMap((k) => {
    const t = tagOf(k);
    if (t === "w:sdt") return kids(k).filter((x) => tagOf(x) === "w:sdtContent").flatMap(contentKids);
    if (t === "w:customXml" || t === "w:smartTag") return contentKids(k);
    return [k];
  });
}

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

/** The text of a paragraph or run tree: w:t, tabs and breaks. */
function textOf(n: XNode): string {
  let s = "";
  for (const k of kids(n)) {
    const t = tagOf(k);
    if (t === "w:t") s += kids(k).map((x) => String(x["#text"] ?? "")).join("");
    else if (t === "w:tab") s += "\t";
    else if (t === "w:br" || t === "w:cr") s += "\n";
    else if (t === "w:pPr" || t === "w:rPr" || t === "w:instrText" || t === "w:del") continue;
    else if (t !== undefined) s += textOf(k);
  }
  return s;
}

/** A paragraph's list membership: numId and level (w:numPr). */
function listOf(p: XNode): { numId: string; level: number } | undefined {
  const ppr = child(p, "w:pPr");
  const num = ppr && child(ppr, "w:numPr");
  if (!num) return undefined;
  const ilvl = child(num, "w:ilvl");
  const id = child(num, "w:numId");
  return { numId: (id && attrOf(id, "w:val")) ?? "0", level: Number(ilvl ? attrOf(ilvl, "w:val") ?? 0 : 0) || 0 };
}

/** A sample number in a list format: what Word shows for the first item. */
const SAMPLE: Record<string, string> = {
  chineseCounting: "一",
  chineseCountingThousand: "一",
  chineseLegalSimplified: "壹",
  ideographTraditional: "甲",
  decimal: "1",
  decimalZero: "01",
  decimalEnclosedCircle: "①",
  decimalEnclosedCircleChinese: "①",
  decimalFullWidth: "１",
};

/**
 * numbering.xml: for each list (numId) and level, the label Word draws before the text (「一、」
 * 「（一）」「1.」); numbered headings are told apart by their labels, as typed ones are.
 */
async function readNumbering(zip: JSZip): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const entry = zip.file("word/numbering.xml");
  if (!entry) return labels;
  let xml: XNode[];
  try {
    xml = parser.parse(await entry.async("string")) as XNode[];
  } catch {
    return labels; // a damaged numbering part: the list levels still tell the hierarchy
  }
  const root = xml.find((n) => tagOf(n) === "w:numbering");
  if (!root) return labels;
  const abstract = new Map<string, XNode>();
  for (const a of kids(root).filter((k) => tagOf(k) === "w:abstractNum")) abstract.set(attrOf(a, "w:abstractNumId") ?? "", a);
  for (const n of kids(root).filter((k) => tagOf(k) === "w:num")) {
    const ref = child(n, "w:abstractNumId");
    const a = ref && abstract.get(attrOf(ref, "w:val") ?? "");
    if (!a) continue;
    for (const lvl of kids(a).filter((k) => tagOf(k) === "w:lvl")) {
      const fmt = child(lvl, "w:numFmt");
      const text = child(lvl, "w:lvlText");
      const sample = SAMPLE[(fmt && attrOf(fmt, "w:val")) ?? ""];
      const pattern = text && attrOf(text, "w:val");
      if (sample === undefined || !pattern) continue;
      labels.set(`${attrOf(n, "w:numId")}:${attrOf(lvl, "w:ilvl")}`, pattern.replace(/%\d/g, sample));
    }
  }
  return labels;
}

export async function readDocx(file: string, bytes: Uint8Array): Promise<ReadDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    fail("KP5005", [`压缩包无法打开（${(e as Error).message}）`], { file });
  }
  const entry = zip.file("word/document.xml");
  if (!entry) fail("KP5005", ["缺少 word/document.xml"], { file });
  let xml: XNode[];
  try {
    xml = parser.parse(await entry.async("string")) as XNode[];
  } catch (e) {
    fail("KP5005", [`word/document.xml 无法解析（${(e as Error).message}）`], { file });
  }
  const docNode = xml.find((n) => tagOf(n) === "w:document");
  const body = docNode && child(docNode, "w:body");
  if (!body) fail("KP5005", ["word/document.xml 中没有正文"], { file });

  const numbering = await readNumbering(zip);
  const blocks: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  const readTable = (tbl: XNode): Table => {
    const index = ++tables;
    const grid: (Cell | null)[][] = [];
    const trs = contentKids(tbl).filter((k) => tagOf(k) === "w:tr");
    trs.forEach((tr, r) => {
      const row: (Cell | null)[] = (grid[r] = []);
      let c = 0;
      for (const tc of contentKids(tr).filter((k) => tagOf(k) === "w:tc")) {
        const pr = child(tc, "w:tcPr");
        const span = Math.min(1000, Math.max(1, Number((pr && child(pr, "w:gridSpan") && attrOf(child(pr, "w:gridSpan")!, "w:val")) ?? 1) || 1));
        const vm = pr && child(pr, "w:vMerge");
        const continues = vm !== undefined && (attrOf(vm, "w:val") ?? "continue") === "continue";
        const above = r > 0 ? grid[r - 1]![c] : null;
        if (continues && above) {
          // The cell above grows by one row: the same object covers this slot.
          (above as { rowSpan: number }).rowSpan = r - above.row + 1;
          for (let cc = c; cc < c + span; cc++) row[cc] = above;
        } else {
          const text = contentKids(tc)
            .filter((k) => tagOf(k) === "w:p" || tagOf(k) === "w:tbl")
            .map((k) => (tagOf(k) === "w:p" ? textOf(k) : ""))
            .join("\n")
            .trim();
          const cell: Cell = { text, row: r, col: c, rowSpan: 1, colSpan: span, loc: { file, table: index, row: r + 1, col: c + 1 } };
          for (let cc = c; cc < c + span; cc++) row[cc] = cell;
        }
        c += span;
      }
    });
    const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
    if (grid.length * width > MAX_SLOTS) fail("KP5010", [`表格 ${index}`, `${grid.length} 行 × ${width} 列`], { file, table: index });
    return { kind: "table", index, rows: grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)), breaksBefore: new Set(), emptyContinues: false };
  };
  for (const n of contentKids(body)) {
    const t = tagOf(n);
    if (t === "w:p") {
      paragraphs++;
      const text = textOf(n).trim();
      const list = listOf(n);
      const label = list ? numbering.get(`${list.numId}:${list.level}`) : undefined;
      if (text) blocks.push({ kind: "paragraph", text: label ? `${label}${text}` : text, ...(list ? { listLevel: list.level } : {}), loc: { file, paragraph: paragraphs } });
    } else if (t === "w:tbl") {
      blocks.push(readTable(n));
    }
  }
  return { file, format: "docx", blocks };
}
