// Bands of a count (session 24): doing it N times earns the points; amounts by the number of times.
//   「专题分析…状况二次得2分」「每年参加活动2次得10分」    → 分段 { ≥ 2次 得 2 }
//   「召开专题会议一次计3分」 when the item's clauses, each taken once, make up its points
//                                                          → 分段 { ≥ 1次 得 3 }
//   「无故缺席一次扣3分,两次扣5分,三次(含)以上不得分」     → 分段 { = 1次 扣 3 = 2次 扣 5 ≥ 3次 不得分 }
import { amountsIn } from "../amounts.js";
import { decimalCompare, decimalSum } from "../../decimal.js";
import { NUM, normalise, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

const CN: Readonly<Record<string, string>> = { 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

/**
 * 「对责任制自查二次得4分」「每年参加活动2次得10分」: doing it N times (N ≥ 2) earns the points — a band of the
 * count (as a checklist part's 「每年組織2次…(1分)」, item-points.ts). 「…一次计3分」 only where the item's clauses' awards,
 * each taken once, make up its points exactly (otherwise it may be per time: a to-do, guard `once-award`).
 * The whole clause one requirement: no 每 but a period (每年/每季度/每月/每半年), no bound word, no other number.
 */
export const countBand: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^((?:每年|每季度|每月|每半年|全年|年内)?[^\\d,;。每]*?)(?<![第\\d.])(\\d+|[一二两三四五六七八九十])次(?:的)?,?(得|计|记)${NUM}分[。;,]?$`.exec(t);
  if (!m) return undefined;
  if (/以上|以下|不少于|至少|少|缺|未|不|没有|扣|减|超过|[一二两三四五六七八九十]/.test(m[1]!.replace(/^(?:每年|每季度|每月|每半年|全年|年内)/, ""))) return undefined;
  const n = /^\d+$/.test(m[2]!) ? m[2]! : CN[m[2]!];
  const amount = numberText(m[4]!);
  if (n === undefined || amount === undefined) return undefined;
  if (n === "1") {
    if (ctx.points === null) return undefined;
    const awards = [t, ...(ctx.siblings ?? []).map(normalise)].flatMap((x) => amountsIn(x));
    if (awards.length < 2 || decimalSum(awards) !== decimalSum([ctx.points])) return undefined;
  }
  return reading([`分段 { ≥ ${n}次 得 ${amount} }`], [amount]);
};

/** One step of an escalation: 「一次扣3分」「两次(含)以上扣5分」「三次(含)以上不得分」. */
const STEP = rxt`^${NUM}次(\\(含\\))?(以上)?(?:的)?,?(?:扣${NUM}分|(不得分))$`;

/**
 * 「无故缺席一次扣3分,两次扣5分,三次(含)以上不得分」: amounts by the number of times, not per time — a band of
 * the count, `分段 { = 1次 扣 3 = 2次 扣 5 ≥ 3次 不得分 }`; rows whose 以上 overlap a later one are written
 * last-first (the first row that matches counts). Only 「(含)以上」 (以上 alone does not say whether it
 * includes its number), counts rising from one, and the first row's head holding no number.
 */
export const escalation: Pattern = (t, ctx) => {
  if (ctx.section === "加分") return undefined;
  const parts = t.replace(/[。;]$/, "").split(",");
  const first = rxt`^([^\\d]{2,30}?)((?:一|1)次扣${NUM}分)$`.exec(parts[0]!);
  if (!first || parts.length < 2 || /每|各|以此类推/.test(first[1]!)) return undefined;
  const rows: { n: string; atLeast: boolean; text: string; amount?: string }[] = [];
  for (const part of [first[2]!, ...parts.slice(1)]) {
    const m = STEP.exec(part);
    if (!m) return undefined;
    const n = numberText(m[1]!);
    if (n === undefined || (m[3] !== undefined && m[2] === undefined)) return undefined;
    const amount = m[4] === undefined ? undefined : numberText(m[4]);
    if (m[4] !== undefined && amount === undefined) return undefined;
    const atLeast = m[3] !== undefined;
    rows.push({ n, atLeast, text: `${atLeast ? "≥" : "="} ${n}次 ${amount === undefined ? "不得分" : `扣 ${amount}`}`, ...(amount !== undefined ? { amount } : {}) });
  }
  if (decimalCompare(rows[0]!.n, "1") !== 0 || rows.some((r, i) => i > 0 && decimalCompare(r.n, rows[i - 1]!.n) <= 0)) return undefined;
  // an 以上 row before another row overlaps it: written last-first
  const overlap = rows.slice(0, -1).some((r) => r.atLeast);
  const ordered = overlap ? [...rows].reverse() : rows;
  return reading([`分段 { ${ordered.map((r) => r.text).join(" ")} }`], rows.flatMap((r) => (r.amount !== undefined ? [r.amount] : [])));
};
