// HTML (parse5, the WHATWG parser browsers use: it repairs the broken markup of real pages the same
// way a browser shows it): tables with rowspan/colspan, and the text outside tables as paragraphs.
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import type { Block, ReadDocument } from "../model.js";
import { gridFromRows, type RawCell } from "./cells.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const isElement = (n: Node): n is Element => "tagName" in n;
const blockTags = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]);

function textOf(n: Node): string {
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterMap["textNode"]).value;
  if (!isElement(n)) return "";
  if (n.tagName === "br") return "\n";
  if (n.tagName === "script" || n.tagName === "style") return "";
  const inner = n.childNodes.map(textOf).join("");
  return blockTags.has(n.tagName) ? `\n${inner}\n` : inner;
}

function clean(s: string): string {
  return s
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter((l) => l)
    .join("\n");
}

function attr(e: Element, name: string): number {
  const v = e.attrs.find((a) => a.name === name)?.value;
  const n = v ? parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

export function readHtml(file: string, text: string): ReadDocument {
  const doc = parse(text, { sourceCodeLocationInfo: true });
  const blocks: Block[] = [];
  let tables = 0;
  const lineOf = (e: Element): number => e.sourceCodeLocation?.startLine ?? 0;
  const rowsOf = (table: Element): Element[] => {
    const out: Element[] = [];
    const walk = (e: Element): void => {
      for (const c of e.childNodes) {
        if (!isElement(c)) continue;
        if (c.tagName === "tr") out.push(c);
        else if (c.tagName === "thead" || c.tagName === "tbody" || c.tagName === "tfoot") walk(c);
      }
    };
    walk(table);
    return out;
  };
  const visit = (n: Node): void => {
    if (!isElement(n)) {
      if (n.nodeName === "#text") {
        const t = clean((n as DefaultTreeAdapterMap["textNode"]).value);
        if (t) blocks.push({ kind: "paragraph", text: t, loc: { file, line: n.sourceCodeLocation?.startLine ?? 0 } });
      } else if ("childNodes" in n) {
        for (const c of (n as { childNodes: Node[] }).childNodes) visit(c);
      }
      return;
    }
    if (n.tagName === "script" || n.tagName === "style" || n.tagName === "head") return;
    if (n.tagName === "table") {
      const index = ++tables;
      const rows: RawCell[][] = rowsOf(n).map((tr, r) =>
        tr.childNodes
          .filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"))
          .map((td, c) => ({
            text: clean(textOf(td)),
            rowSpan: attr(td, "rowspan"),
            colSpan: attr(td, "colspan"),
            loc: { file, table: index, row: r + 1, col: c + 1 },
          })),
      );
      blocks.push(gridFromRows(index, rows));
      return;
    }
    if (blockTags.has(n.tagName) && !n.childNodes.some((c) => isElement(c) && (c.tagName === "table" || c.tagName === "div"))) {
      const t = clean(textOf(n));
      if (t) for (const line of t.split("\n")) blocks.push({ kind: "paragraph", text: line, loc: { file, line: lineOf(n) } });
      return;
    }
    for (const c of n.childNodes) visit(c);
  };
  visit(doc);
  return { file, format: "html", blocks };
}
