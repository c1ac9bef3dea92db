// Splitting a cell into clauses: at 「；」「;」「。」, line breaks and numbered items (1. 1、 （1） ①),
// keeping together what does not score on its own — a sentence with no scoring joins the next one
// (「上报实施方案。未报扣10分」), and a band list (「完成75%-100%扣0.2分；50%-75%扣0.4分」) stays one
// clause.  Pieces are verbatim, with their offsets in the cell.
import type { Clause } from "./index.js";
import { decimalStops } from "./text-noise.js";

/** A piece scores when it has an amount, 不得分, a veto, or an assessment. */
const SCORES = /[0-9０-９一二三四五六七八九十]\s*分|[扣加减得]\s*[0-9０-９]+(?:\.\d+)?\s*[；;。，,]?\s*$|不得分|不计分|不记分|否决|否优|评优资格|酌情|扣完|按评价|按比例|按完成比例|按[^，,；;。]{0,6}?比例(?:扣|得分|计分)|考核打分|进行评分|满分/;
/** A heading with its points only (「2、引进省外内资(22分)。」): it describes the clause after it. */
const HEADING = /^[^，,；;。]*[（(]\s*[0-9０-９]+(?:\.\d+)?\s*分\s*[）)]\s*[。．.]?$/;
/** The other side of the clause before (「得2分；否则不得分」「满分；未完成的，按完成比例得分」「…；小于目标值的，每少1%扣1分」). */
const OTHER_SIDE = /^(?:否则|未完成的?|没有完成|完不成|小于目标值|少于目标值|低于目标值)/;
const AWARD_SIDE = /得|满分|计|记|加|大于目标值|超额完成/;
/** A piece that continues a band list: it starts with a bound. */
const BAND_START = /^(?:[0-9０-９]+(?:\.\d+)?\s*[%％]?\s*[-－—~～至到]|[0-9０-９]+(?:\.\d+)?\s*[%％分]?\s*(?:以上|以下|（含）|\(含\))|(?:低于|高于|不足|超过|达到|未达到)\s*[0-9０-９])/;
/** A piece that opens a band list: a range or bound followed by an amount. */
const BAND_PIECE = /[0-9０-９]+(?:\.\d+)?\s*[%％]\s*[-－—~～至到]\s*[0-9０-９]+(?:\.\d+)?\s*[%％]|(?:低于|高于|不足|超过)\s*[0-9０-９]+(?:\.\d+)?\s*[%％]|[0-9０-９]+(?:\.\d+)?\s*[%％分]\s*(?:以上|以下)/;
/** Where a numbered item starts (after a break or punctuation): ① （1） (1) 1. 1、. */
const ITEM_START = /(?<=[。；;\n\r]|^)\s*(?:[①-⑳]|[（(]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[）)]|[0-9０-９]{1,2}\s*[.．、](?![0-9０-９]))/g;

interface Piece {
  start: number;
  end: number;
}

/** 「完成目标分值的50%-75%（含50%，不含75%），扣0.4分」: a band of a list, anywhere in the piece, with its amount. */
const BAND_ROW = /[0-9０-９]+(?:\.\d+)?\s*[%％]\s*[-－—~～至到]\s*[0-9０-９]+(?:\.\d+)?\s*[%％]|[0-9０-９]+(?:\.\d+)?\s*[%％]\s*(?:以上|以下)/;
/** The tail of a band list: 「未报送信息的，扣2分」 is the list's row for a return never sent. */
const NOT_SENT = /^(?:未报送|未上报|未报|未提交)/;

/** Raw pieces: ends after 「；」「;」「。」 and line breaks, and before numbered items. */
function pieces(cell: string, ranOn: Set<number>): Piece[] {
  const cuts = new Set<number>();
  const decimal = decimalStops(cell);
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    // (「扣 0。5 分」: a 。 between digits before a unit is the copy's decimal point, text-noise.ts)
    if (ch === "；" || ch === ";" || (ch === "。" && !decimal.has(i)) || ch === "\n" || ch === "\r") cuts.add(i + 1);
  }
  // A numbered item after a comma (「…扣2分，2.未按时…」) starts a clause too.
  const inline = /[，,]\s*(?=[①-⑳]|[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))/g;
  for (let m = inline.exec(cell); m; m = inline.exec(cell)) cuts.add(m.index + m[0].length);
  for (const m of cell.matchAll(ITEM_START)) cuts.add(m.index + m[0].length - m[0].trimStart().length);
  // ① … ⑳ and （1） … anywhere start an item
  for (let i = 1; i < cell.length; i++) if (/[①-⑳]/.test(cell[i]!)) cuts.add(i);
  for (const m of cell.matchAll(/[（(][0-9０-９]{1,2}[）)]/g)) if (m.index > 0) cuts.add(m.index);
  // 「…机制（0.2分）建立完善…（0.1分）；」: two checklist items run together — an item's points in
  // brackets followed straight by text end it, unless the piece is a numbered heading (「2、引进内资(22分)每…」).
  const ran = /[（(]\s*[0-9０-９]+(?:\.\d+)?\s*分\s*[）)](?=[\u4e00-\u9fa5“"《])/g;
  for (let m = ran.exec(cell); m; m = ran.exec(cell)) {
    const end = m.index + m[0].length;
    const from = Math.max(0, ...[...cuts].filter((c) => c <= m!.index));
    if (!/^\s*(?:[①-⑳]|[（(]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[）)]|[0-9０-９一二三四五六七八九十]{1,2}\s*[.．、])/.test(cell.slice(from, m.index))) {
      cuts.add(end);
      ranOn.add(end);
    }
  }
  const bounds = [0, ...[...cuts].filter((c) => c > 0 && c < cell.length).sort((a, b) => a - b), cell.length];
  const out: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push({ start: bounds[i]!, end: bounds[i + 1]! });
  return out;
}

const trimmed = (cell: string, p: Piece): Piece => {
  let { start, end } = p;
  while (start < end && /\s/.test(cell[start]!)) start++;
  while (end > start && /\s/.test(cell[end - 1]!)) end--;
  return { start, end };
};

/** Splits a cell into its scoring clauses, each verbatim with its offset. */
export function splitClauses(cell: string): Clause[] {
  const ranOn = new Set<number>();
  const raw = pieces(cell, ranOn)
    .map((p) => trimmed(cell, p))
    .filter((p) => p.end > p.start && /[^\s；;。，,、]/.test(cell.slice(p.start, p.end)));
  const merged: Piece[] = [];
  let pending: Piece | undefined; // a piece that does not score, waiting for the one it describes
  for (const p of raw) {
    const text = cell.slice(p.start, p.end);
    const last = merged[merged.length - 1];
    if (last && BAND_START.test(text) && BAND_PIECE.test(cell.slice(last.start, last.end)) && !pending) {
      last.end = p.end; // a band list continues
      continue;
    }
    const lastText = last ? cell.slice(last.start, last.end) : "";
    if (last && !pending && BAND_ROW.test(lastText) && SCORES.test(text) && (BAND_ROW.test(text) || NOT_SENT.test(text)) && !NOT_SENT.test(lastText.replace(/[；;。\s]+$/, "").replace(/^[^]*[；;]/, ""))) {
      last.end = p.end; // a band list whose rows each name their band (and its 未报送 row)
      continue;
    }
    if (last && !pending && OTHER_SIDE.test(text) && AWARD_SIDE.test(cell.slice(last.start, last.end)) && !OTHER_SIDE.test(cell.slice(last.start, last.end))) {
      last.end = p.end; // the other side of an award: one clause
      continue;
    }
    const cur = pending ? { start: pending.start, end: p.end } : { ...p };
    // whether the piece scores, tested on the new text and the seam (linear in the cell's length)
    const scores = SCORES.test(text) || (pending !== undefined && SCORES.test(cell.slice(Math.max(cur.start, p.start - 8), Math.min(p.end, p.start + 8))));
    pending = undefined;
    const curText = cur.end - cur.start < 200 ? cell.slice(cur.start, cur.end) : "";
    if (!scores || (HEADING.test(curText) && !ranOn.has(p.end))) {
      pending = cur;
      continue;
    }
    merged.push(cur);
  }
  if (pending) {
    // trailing text that scores nothing: its own clause (a to-do for the recogniser), never dropped
    merged.push(pending);
  }
  return merged.map((p) => ({ text: cell.slice(p.start, p.end), offset: p.start }));
}
