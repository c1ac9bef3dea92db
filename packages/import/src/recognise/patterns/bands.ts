// One bound and one amount: 「签订率低于100%，扣2分」→ 分段 { < 100% 扣 2 }. The bound's word decides its
// inclusivity (低于/不足 strict, 达到/不低于 inclusive, 「(含)」 written out); 以上/以下 alone are left to a
// person (rulebooks use them both ways) unless written 「及以上」「(含)以下」 (a bare 「N以上」 is ≥ N since session 24:
// above.ts, tried before).
//
// Bands written otherwise (session 24): a band and its complement, a symbol, bounds that void the item, rising
// inclusive rows, a requirement with its points in brackets.
//   「信息数量达到15条(含15条)以上的,计50分;少于15条的,计0分」 → 分段 { ≥ 15条 得 50 }
//   「加密自动站资料上传到报率≥85.0%,得1分;否则不得分」        → 分段 { ≥ 85% 得 1 }
//   「断档率高于5%、成活保存率低于85%该项不得分」               → 分段 { > 5% 不得分 } + 分段 { < 85% 不得分 }
//   「超工作量68节(含)以上，本项目计0.5分；超136节(含)以上，本项目计1分」 → 分段 { [68, 136) 得 0.5 ≥ 136 得 1 }
//   「(1)每周开放时间不少于40小时;(4分)」                      → 分段 { ≥ 40小时 得 4 }
import { measureWords } from "@kaoping/core";
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";

const OPS: readonly [RegExp, string, string][] = [
  // word, operator, operator when 「(含)」 follows
  [/^(?:低于|不足|少于|未达到|未达|小于)$/, "<", "≤"],
  [/^(?:高于|超过|多于|大于)$/, ">", "≥"],
  [/^(?:达到|达|不低于|不少于)$/, "≥", "≥"],
  [/^(?:不高于|不超过)$/, "≤", "≤"],
];
const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");

/** 「完成率90%及以上得2分」「60分(含)以下不得分」: one bound whose inclusivity the clause writes out. */
function postBand(t: string): ReturnType<Pattern> {
  const all = [...t.matchAll(rxg`(?<![\\d.])${NUM}(%|${UNITS})?(\\(含\\))?(及)?(以上|以下)(\\(含\\))?`)];
  if (all.length !== 1) return undefined;
  const b = all[0]!;
  if (!b[3] && !b[4] && !b[6]) return undefined; // a bare 以上/以下: never guessed
  // 「有五处及以上逻辑审核错误，不得分」: what is counted may follow the bound (a count word, no other word of scoring)
  const after = b[2] && b[2] !== "%" ? /^[\u4e00-\u9fa5]{1,10}(?=[,;]?(?:的)?(?:不得分|扣|减|得|加|计|记))/.exec(t.slice(b.index! + b[0].length)) : null;
  const what = after && !/每|按|各|分别|则|均|未|不|扣|减|得|加|计|记|以上|以下/.test(after[0]) ? after[0] : "";
  const rest = t.slice(b.index! + b[0].length + what.length);
  const act = rxt`^(?:的)?[,;]?(?:的)?(${VERBS})${NUM}分[。;,]?$|^(?:的)?[,;]?(?:的)?不得分[。;,]?$`.exec(rest);
  if (!act || capOf(t) || amountsIn(t.slice(0, b.index)).length > 0 || /[<>≤≥]|低于|高于|超过|不足|达到/.test(t.slice(0, b.index))) return undefined;
  const value = numberText(b[1]!);
  if (value === undefined) return undefined;
  const bound = `${b[5] === "以上" ? "≥" : "≤"} ${value}${b[2] ?? ""}`;
  if (act[1] === undefined) return reading([`分段 { ${bound} 不得分 }`], []);
  const verb = actionOf(act[1]);
  const amount = numberText(act[2]!);
  if (!verb || amount === undefined) return undefined;
  return reading([`分段 { ${bound} ${verb} ${amount} }`], [amount]);
}

export const singleBand: Pattern = (t0) => {
  // 「达到90%以上的得5分」: 以上 after an inclusive word (达到, 不低于) says the same as the word
  const t = t0.replace(rxg`((?:达到|(?<!未)达|不低于|不少于)${NUM}(?:%|${UNITS})?)(?:及)?以上`, "$1");
  const post = postBand(t);
  if (post) return post;
  // (「每超过1个百分点扣0.2分」 is a step, not a bound)
  // 「按时化解率达100%的，得5分」: 达 before a number is 达到
  const re = rxg`(?<!每)(低于|不足|少于|未达到|未达(?=\\d)|小于|高于|超过|多于|大于|达到|(?<![未不没])达(?=\\d)|不低于|不少于|不高于|不超过)(\\(含\\))?${NUM}(%|${UNITS})?(?!\\d)`;
  const bounds = [...t.matchAll(re)];
  if (bounds.length !== 1) return undefined;
  const b = bounds[0]!;
  const rest = t.slice(b.index! + b[0].length);
  const act = rxt`^(?:的)?[,;]?(?:的)?(${VERBS})${NUM}分[。;,]?$|^(?:的)?[,;]?(?:的)?不得分[。;,]?$`.exec(rest);
  if (!act) return undefined;
  if (/以上|以下|以内/.test(t)) return refusal("条文的界限写作「以上」「以下」，是否含本数未能确定");
  if (capOf(t) || amountsIn(t.slice(0, b.index)).length > 0) return undefined;
  const value = numberText(b[3]!);
  const op = OPS.find(([w]) => w.test(b[1]!));
  if (value === undefined || !op) return undefined;
  const bound = `${op[b[2] ? 2 : 1]} ${value}${b[4] ?? ""}`;
  if (act[1] === undefined) return reading([`分段 { ${bound} 不得分 }`], []);
  const verb = actionOf(act[1]);
  const amount = numberText(act[2]!);
  if (!verb || amount === undefined) return undefined;
  return reading([`分段 { ${bound} ${verb} ${amount} }`], [amount]);
};

/**
 * 「信息数量达到15条(含15条)以上的,计50分;少于15条的,计0分」: one band from N on, its complement no points —
 * `分段 { ≥ 15条 得 50 }`. The complement 「少于N」 settles that N itself is in the band, whether or not
 * 「(含)」 says so; both rows must name the same number and measure word.
 */
export const bandAndComplement: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^;\\d]{2,40}?)(?:达到|达)${NUM}(条|次|件|项|个|人|篇|户|天|%)(?:\\(含[^()]{0,6}\\))?(?:以上)?(?:的)?,?(?:计|记|得)${NUM}分[;,](?:少于|低于|不足|未达到)${NUM}(条|次|件|项|个|人|篇|户|天|%)(?:的)?,?不得分[。;]?$`.exec(t);
  if (!m || m[2] !== m[5] || m[3] !== m[6]) return undefined;
  const [n, p] = [numberText(m[2]!), numberText(m[4]!)];
  if (n === undefined || p === undefined) return undefined;
  return reading([`分段 { ≥ ${n}${m[3]} 得 ${p} }`], [p]);
};

const SYMBOL: Readonly<Record<string, string>> = { "≥": "≥", "≤": "≤", ">": ">", "<": "<", "＞": ">", "＜": "<" };

/**
 * 「加密自动站资料上传到报率≥85.0%,得1分;否则不得分」「审核错情累计条数每年≤3条,得1分;否则不得分」: one band
 * written with a symbol, its award and 否则不得分 (the award's other side) — `分段 { ≥ 85% 得 1 }`. ‰ is written
 * as the bare number (the language has no ‰; the corpus writes 0.6‰ as 0.6); a measure word after the number
 * is kept when the language has it. The condition before the symbol must hold no other number.
 */
export const symbolBand: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = /^([^\d;。≥≤<>]{2,80}?)(≥|≤|>|<)(\d+(?:\.\d+)?)(%|‰|条|次|件|项|个|人|天|元)?,?(?:的)?,?(?:得|计|记)(\d+(?:\.\d+)?)分[;,]否则,?不得分(?:\([^()分]{0,30}\))?[。;]?$/.exec(t);
  if (!m) return undefined;
  const value = m[3]!.includes(".") ? m[3]!.replace(/\.?0+$/, "") : m[3]!;
  const unit = m[4] === "‰" || m[4] === undefined ? "" : m[4];
  return reading([`分段 { ${SYMBOL[m[2]!]} ${value}${unit} 得 ${m[5]} }`], [m[5]!]);
};

/** 「(1)每周开放时间不少于40小时;(4分)」: a requirement, then its points in brackets — the band's award. */
export const bracketRequirement: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`;\\(${NUM}分\\)[。;,]?$`.exec(t);
  if (!m) return undefined;
  const head = t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, "");
  // only 不少于/不低于 (an inclusive requirement): other negative words make a fault, not a requirement
  if (!/不少于|不低于/.test(head) || amountsIn(head).length > 0 || /扣|减|得|加|计|记|未|没有|不|无/.test(head.replace(/不少于|不低于/g, ""))) return undefined;
  const r = singleBand(`${head},得${m[1]}分`, ctx);
  return r?.kind === "reading" ? r : undefined;
};

/**
 * 「断档率高于5%、成活保存率低于85%该项不得分」: bounds on different rates, any one of them voids the item —
 * one band each. Only strict or inclusive words each band reads on its own (a bare 以上 stays a to-do).
 */
export const boundsVoid: Pattern = (t, ctx) => {
  const m = /^([^,;。]+?)(?:的)?,?(?:该项|本项|此项)?不得分[。;]?$/.exec(t);
  if (!m) return undefined;
  const parts = m[1]!.split(/、|或/);
  if (parts.length < 2) return undefined;
  const bodies: string[] = [];
  for (const p of parts) {
    if (!/^[\u4e00-\u9fa5]{2,10}(?:高于|低于|超过|不足|少于)\d+(?:\.\d+)?%$/.test(p)) return undefined;
    const r = singleBand(`${p}不得分`, ctx);
    if (r?.kind !== "reading" || r.bodies.length !== 1) return undefined;
    bodies.push(r.bodies[0]!);
  }
  return reading(bodies, []);
};

/**
 * 「超工作量68节(含)以上，本项目计0.5分；超136节(含)以上，本项目计1分；…」: rows at 「;」, each an inclusive lower
 * bound (「(含)以上」「及以上」 written out) and its award, the bounds rising — bands from each bound to the next.
 * The thing counted (节、课时 …) is left out of the bounds when the language has no measure word for it.
 */
export const risingInclusiveRows: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  const rows = t.replace(/^(?:\(\d+\)|\d+[、.]|[⑴⑵⑶⑷⑸⑹⑺⑻⑼])/, "").replace(/[。;]+$/, "").split(";");
  if (rows.length < 2) return undefined;
  const re = rxt`^[^;\\d]{0,20}?(?:超过|超|达到|达)?(\\d+(?:\\.\\d+)?)([\\u4e00-\\u9fa5]{0,4}?)(?:\\(含\\)以上|及以上),[^;\\d]{0,8}?(?:计|记|得|加)${NUM}分$`;
  const read = rows.map((r) => re.exec(r));
  if (read.some((r) => r === null)) return undefined;
  const bounds = read.map((r) => numberText(r![1]!)!);
  const amounts = read.map((r) => numberText(r![3]!));
  if (amounts.some((a) => a === undefined)) return undefined;
  if (bounds.some((b, i) => i > 0 && decimalCompare(b, bounds[i - 1]!) <= 0)) return undefined;
  // one thing counted in every row
  if (new Set(read.map((r) => r![2]!)).size !== 1) return undefined;
  // a measure word of the language is kept (「2篇(含)以上」 → 2篇); a noun it lacks (节、节专业课) is left out, as
  // the corpus's hand encodings write such bounds
  const noun = read[0]![2]!;
  const unit = (measureWords as readonly string[]).includes(noun) ? noun : "";
  const rowsKp = bounds.map((b, i) => (i + 1 < bounds.length ? `[${b}${unit}, ${bounds[i + 1]}${unit})` : `≥ ${b}${unit}`) + ` 得 ${amounts[i]}`);
  return reading([`分段 { ${rowsKp.join(" ")} }`], amounts as string[]);
};
