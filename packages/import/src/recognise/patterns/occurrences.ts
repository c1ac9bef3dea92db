// Counts a clause writes after the fact, distributive words, points in brackets without 分, and steps
// whose cap is the item's points (session 23, from the sixth and seventh fresh sets).
//   「迟到或早退一次，扣5分」「凡缺勤一次(除…外)扣10分」 → 每次 扣 5
//   「任一項過程性資料不詳實扣2分，扣完為止」「少任一扣3分」 → 每项 扣 2
//   「建立完善的安全生产责任制度，做到制度上墙。(2.5)」 → as 「…(2.5分)」
//   「发现率低于95%的，每少1%扣0.5分，扣完为止」 → 基准 95% 每少 1% 扣 0.5
//   「就业培训服务率达90%以上；(2分)」 → 分段 { ≥ 90% 得 2 }
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { unitOf } from "../units.js";
import { countPatterns } from "./count.js";
import { baseLinear } from "./linear.js";
import { singleBand } from "./bands.js";

/** Words that make a clause more than one plain deduction. */
const MORE = /分别|各|加倍|减半|其中|否则|视情|酌情|比例|至少|不少于|不得少于|以上|以下|低于|高于|超过|%|\//;

/** 「迟到或早退一次，扣5分」: one occurrence of the fact, after it — per occurrence. */
export const onceAfterFact: Pattern = (t0) => {
  const cap = capOf(t0);
  if (cap && cap.value !== null) return undefined;
  const t = cap ? cap.rest : t0;
  const m = rxt`^((?:[^,;。\\d]*[,;])*?)((?:凡|如|若)?[^,;。\\d每]*?)(?<![仅只少缺第])[一1](次|起|例)(?:\\([^()\\d]*\\))?,?(?:的)?,?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || MORE.test(t) || m[2] === "" || /发现|出现|发生|查实|有$/.test(m[2]!)) return undefined;
  const amount = numberText(m[4]!);
  if (amount === undefined) return undefined;
  return reading([`${unitOf(m[3]!)} 扣 ${amount}`], [amount]);
};

/** 「任一項…扣2分，扣完為止」「少任一扣3分」: a deduction for each one (「任一…扣5分」 alone stays a to-do). */
export const anyOne: Pattern = (t0) => {
  const cap = capOf(t0);
  if (cap && cap.value !== null) return undefined;
  const t = cap ? cap.rest : t0;
  const m = rxt`^[^,;。\\d]*?(少|缺)?任一(项|个|件|条|处|次)?[^,;。\\d]*?(?:的)?,?(?:扣|减)${NUM}分[。;]?$`.exec(t);
  if (!m || MORE.test(t) || /不得分|不计分|不记分/.test(t)) return undefined;
  // (「任一项指标未完成的扣5分」 may be once for any: only what is missing, or a deduction until the points
  // are gone, counts each one)
  if (m[1] === undefined && !cap) return undefined;
  const amount = numberText(m[3]!);
  if (amount === undefined) return undefined;
  return reading([`${m[2] ? unitOf(m[2]) : "每项"} 扣 ${amount}`], [amount]);
};

/** 「…做到制度上墙。(2.5)」: a checklist item whose bracketed points lost their 分 (at most the item's). */
export const bracketNoFen: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null || amountsIn(t).length > 0) return undefined;
  const m = /\((\d+(?:\.\d+)?)\)[。;,]?$/.exec(t);
  if (!m || Number(m[1]) > Number(ctx.points) || /\d/.test(t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, ""))) return undefined;
  const fixed = `${t.slice(0, m.index)}(${m[1]}分)`;
  for (const p of countPatterns) {
    const r = p(fixed, ctx);
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || r.bodies[0] !== `得 ${numberText(m[1]!)}`) return undefined;
    return reading(r.bodies, []);
  }
  return undefined;
};

/** 「…每少1%扣0.5分，扣完为止」: 扣完为止 is the item's points — the linear step without it. */
export const exhaustedBase: Pattern = (t, ctx) => {
  const cap = capOf(t);
  if (!cap || cap.value !== null) return undefined;
  const r = baseLinear(cap.rest, ctx);
  return r?.kind === "reading" ? r : undefined;
};

/** 「残疾人就业率达90%以上；(2分)」: a bound, then its points in brackets — the band's award. */
export const bracketBand: Pattern = (t, ctx) => {
  if (ctx.section === "减分") return undefined;
  // (only after the clause's own end, 「…;(2分)」: a bracketed task inside a clause, 「培训完成率达到90%以上(0.1分)」,
  // stays a to-do — see seedfix.test.ts)
  const m = rxt`;\\(${NUM}分\\)[。;,]?$`.exec(t);
  if (!m || amountsIn(t.slice(0, m.index)).length > 0 || /扣|减|得|加|计|记|未|不|没有/.test(t.slice(0, m.index))) return undefined;
  const head = t.slice(0, m.index).replace(/^(?:\d+[、.]|\(\d+\))/, "");
  const r = singleBand(`${head},得${m[1]}分`, ctx);
  return r?.kind === "reading" ? r : undefined;
};

export const occurrencePatterns: readonly Pattern[] = [onceAfterFact, anyOne, bracketNoFen, exhaustedBase, bracketBand];
