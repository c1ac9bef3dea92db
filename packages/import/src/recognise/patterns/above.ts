// A bound written 「N以上」 (session 24, helper s24-multi), tried before the other band patterns:
//   「每年学习4次以上的得1分」                               → 分段 { ≥ 4次 得 1 }
//   「排名后退5位以上的扣1分,后退10位以上的扣2分」           → 分段 { ≥ 10 扣 2 [5, 10) 扣 1 }
//
// 以上: a bare 「N以上」 includes N (民法典 §1259: 「以上、以下、以内、届满，包括本数」; every band the corpus
// writes from 「N以上」 is ≥). Read only where nothing else in the clause settles it otherwise: never beside
// 以下/以内/不足/低于 (a complement row with the same number leaves one of the two open), never after
// 超过/多于/高于/大于 (「超过8%以上」: the word says >, the 以上 says ≥), never with 不含 of anything but the bound
// (「(不含N)」 after it: > N), never with 每 or 少
// (a count of what is short: 至少 N次, read elsewhere), never 「1…以上」 (having one: a description of the fact).
import { measureWords } from "@kaoping/core";
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { actionOf, reading, refusal, type Pattern, type PatternResult } from "../reading.js";
import { decimalCompare } from "../../decimal.js";

const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");

/** Words that settle a bound otherwise, or make the clause more than one band. */
const NOT_A_BARE_ABOVE = /以下|以内|之内|不足|低于|少于|小于|未达|未满|不满|超过|多于|高于|大于|不少于|不低于|至少|最少|不含|否则|酌情|视情|按实际|累计|平均|比例|分别|各|加倍|减半|除外|上限|为止|封顶|最高|最多|不超过|少一|缺一|每(?!年)|\d+(?:\.\d+)?[-~至到]\d/;

/** One row 「…N单位以上(的),得P分」 → its parts, or undefined. */
const ABOVE_ROW = rxt`^([^\\d]*?)(?<![\\d.第])${NUM}(${UNITS}|%)?以上([⊂⊄])?(?:的)?,?(?:的)?(得|计|记|加|扣|减)${NUM}分$`;

interface AboveRow {
  readonly head: string;
  readonly value: string;
  readonly unit: string;
  readonly verb: "扣" | "得";
  readonly amount: string;
  /** 「(不含N)」 written after the bound. */
  readonly strict: boolean;
}

function aboveRow(part: string): AboveRow | undefined {
  const m = ABOVE_ROW.exec(part);
  if (!m) return undefined;
  const value = numberText(m[2]!);
  const amount = numberText(m[6]!);
  const verb = actionOf(m[5]!);
  if (value === undefined || amount === undefined || verb === undefined) return undefined;
  // a Chinese numeral directly before the count (「第一」「一次性」) or another number in the head: not one bound
  if (/[一二两三四五六七八九十百千万]$/.test(m[1]!) || /[一二两三四五六七八九十](?:次|项|个|件|条|人|篇|名|天)/.test(m[1]!)) return undefined;
  return { head: m[1]!, value, unit: m[3] ?? "", verb, amount, strict: m[4] === "⊄" };
}

/** A sibling clause that writes the same number with 以下/以内/不足 (the complement row: which side holds N is open). */
function complementAmongSiblings(siblings: readonly string[] | undefined, value: string): boolean {
  return (siblings ?? []).some((s) => [...s.replace(/\s/g, "").matchAll(/(\d+(?:\.\d+)?)[^\d,;。]{0,4}?(?:以下|以内|之内)|(?:不足|低于|少于|未达到?)(\d+(?:\.\d+)?)/g)].some((x) => (x[1] ?? x[2]) === value));
}

/** The clause's rows, each a 「N以上」 row, or undefined. */
function aboveRows(t: string): AboveRow[] | undefined {
  // a list label (「(2)」「5、」) is no number of the clause
  let body = t.replace(/[。;,]+$/, "").replace(/^(?:\(\d+\)|\d+[、.](?!\d)|[一二三四五六七八九十]+、)/, "");
  // 「…5000元以上的记2分,否则不计分」: below the bound an award is not earned — the band says so already
  const otherwiseNothing = /[,;]否则,?不(?:得|计|记)分$/.exec(body);
  if (otherwiseNothing) body = body.slice(0, otherwiseNothing.index);
  // 「3次以上(不含3次)」「5%以上(含本数)」: the inclusivity written out after the bound (⊄ strict, ⊂ inclusive)
  body = body.replace(rxg`(${NUM}(${UNITS}|%)?以上)\\((不)?含(本数|${NUM}(?:${UNITS}|%)?)\\)`, (whole: string, lead: string, n: string, _u: string, neg: string | undefined, _w: string, n2: string | undefined) =>
    n2 !== undefined && numberText(n2) !== numberText(n) ? whole : `${lead}${neg ? "⊄" : "⊂"}`,
  );
  if (NOT_A_BARE_ABOVE.test(body)) return undefined;
  const parts = body.split(/(?<=分)[,;。]/);
  const rows = parts.map(aboveRow);
  if (rows.some((r) => r === undefined)) return undefined;
  if (otherwiseNothing && rows.some((r) => r!.verb !== "得")) return undefined;
  return rows as AboveRow[];
}

/**
 * 「每年学习4次以上的得1分」「息诉息访率在50%以上的记4分」「迟报3天以上的扣2分」: one bound written 「N以上」 and
 * one amount → `分段 { ≥ N 得 P }`; several such rows in one direction (「后退5位以上的扣1分,后退10位以上的扣2分」)
 * → one 分段 from the highest bound down, each row up to the next. Not in a clause whose siblings write the
 * same number with 以下 (the other side of the same bound), never for 「1…以上」.
 */
export const aboveBands: Pattern = (t, ctx): PatternResult => {
  const rows = aboveRows(t);
  if (!rows || rows.length === 0) return undefined;
  if (rows.some((r) => r.value === "1" && r.unit !== "%")) return undefined;
  if (rows.some((r) => complementAmongSiblings(ctx.siblings, r.value))) return refusal(`同一项的另一条条文以「${rows[0]!.value}${rows[0]!.unit}以下」为界，「以上」「以下」哪一边含本数未能确定`);
  if (new Set(rows.map((r) => r.unit)).size !== 1 || new Set(rows.map((r) => r.verb)).size !== 1) return undefined;
  // the rows' heads after the first must say the same thing again or nothing (「后退10位以上」 after 「后退5位以上」)
  if (rows.slice(1).some((r) => r.head !== "" && !rows[0]!.head.endsWith(r.head.replace(/^(?:的|,)/, "")))) return undefined;
  const sorted = [...rows].sort((a, b) => decimalCompare(b.value, a.value));
  if (new Set(sorted.map((r) => r.value)).size !== sorted.length) return undefined;
  // rows that grow with the bound (a deduction or an award rising with it), as bands do
  if (sorted.some((r, i) => i > 0 && decimalCompare(r.amount, sorted[i - 1]!.amount) >= 0)) return undefined;
  // 「位次后退5位以上」: places of a rank are a number, not a measure
  const u = /位次|名次|排名|排位/.test(rows[0]!.head) ? "" : rows[0]!.unit;
  // a strict bound (不含) only alone: between rows each side would have to be settled again
  if (rows.length > 1 && rows.some((r) => r.strict)) return undefined;
  const bands = sorted.map((r, i) => (i === 0 ? `${r.strict ? ">" : "≥"} ${r.value}${u}` : `[${r.value}${u}, ${sorted[i - 1]!.value}${u})`) + ` ${r.verb} ${r.amount}`);
  return reading([`分段 { ${bands.join(" ")} }`], rows.map((r) => r.amount));
};
