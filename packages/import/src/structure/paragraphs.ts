// A rulebook without a table: numbered headings (一、 （一） 1. （1） ①, or a .docx list level) open
// items; other paragraphs under a heading are its clause text.
import type { ImportProblem } from "../diagnostics.js";
import type { Paragraph } from "../model.js";
import { parseHeading, oneLine, clauseLike } from "./text.js";
import { newItem, type Item } from "./tree.js";

const NUMBERING: readonly RegExp[] = [
  /^[一二三四五六七八九十]+[、.．]\s*/,
  /^[（(][一二三四五六七八九十]+[）)]\s*/,
  /^\d+[.．、](?!\d)\s*/,
  /^[（(]\d+[）)]\s*/,
  /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/,
];

export function numberingLevel(text: string): { level: number; rest: string } | null {
  for (let i = 0; i < NUMBERING.length; i++) {
    const m = NUMBERING[i]!.exec(text);
    if (m) return { level: i, rest: text.slice(m[0].length) };
  }
  return null;
}

export function readParagraphs(paragraphs: readonly Paragraph[], problems: ImportProblem[]): { title: string | null; items: Item[] } | null {
  void problems;
  const items: Item[] = [];
  const stack: { level: number; item: Item }[] = [];
  let title: string | null = null;
  for (const p of paragraphs) {
    const text = oneLine(p.text);
    const n = numberingLevel(text);
    const level = n ? n.level : p.listLevel;
    const rest = n ? n.rest : text;
    if (level !== undefined && !clauseLike(rest)) {
      const h = parseHeading(rest);
      const item = newItem(h.name, h.points, p.loc);
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      if (stack.length) stack[stack.length - 1]!.item.children.push(item);
      else items.push(item);
      stack.push({ level, item });
      continue;
    }
    const open = stack[stack.length - 1];
    if (!open) {
      if (title === null && text.length <= 60) title = text;
      continue;
    }
    open.item.cells.push({ text: n ? rest : text, loc: p.loc, points: null });
  }
  return items.length > 0 ? { title, items } : null;
}
