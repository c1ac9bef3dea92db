// Points per copy with the full marks they make up (session 29, issue 13):
//   「①月度分析:包括1、2、4、5、7、8、10、11月八个月,满分40分(5分/份×8)。」                    → 每份 得 5 上限 40
//   「④节日市场安排情况汇报:包括“五一”、国庆节、春节三个重大节日的市场安排情况,满分30分(10分/份×3)。」 → 每份 得 10 上限 30
// 「满分T分(P分/份×N)」 says each copy earns P and the N copies required make the full T: `每份 得 P 上限 T`. Only when
// P × N is T exactly, and the clause's other numbers are the N things required — a list of N numbers (the months) or
// the count N itself (「八个月」「三个重大节日」) — and it writes no other scoring.
import { decimalCompare, decimalSum } from "../../decimal.js";
import { numberText } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** 「满分40分(5分/份×8)」: the full marks, the points per copy and the copies. */
const PER_COPY = /满分(\d+(?:\.\d+)?)分\((\d+(?:\.\d+)?)分\/(份|篇|期|次|件)[×x*](\d+)\)[。;,]?$/;

/** Scoring words beside the full marks: another rule. */
const OTHER = /扣|减|得|加|计|记|每|否则|酌情|比例|不得分/;

/** P × N as decimal text. */
const times = (p: string, n: number): string => decimalSum(Array.from({ length: n }, () => p));

export const perCopy: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = PER_COPY.exec(t);
  if (!m) return undefined;
  const [, full, each, word, copies] = m as unknown as [string, string, string, string, string];
  const n = Number(copies);
  if (!Number.isInteger(n) || n < 2 || n > 100 || decimalCompare(times(each, n), full) !== 0) return undefined;
  const before = t.slice(0, m.index).replace(/^(?:[①-⑳]|\(\d+\)|\d+[、.])/, "");
  if (OTHER.test(before)) return undefined;
  // the other numbers: a list of the N things, or N itself as their count
  const listed = [...before.matchAll(/\d+/g)].map((x) => x[0]);
  const counts = [...before.matchAll(/([一二两三四五六七八九十]+|\d+)个/g)].map((x) => numberText(x[1]!));
  const restNumbers = before.replace(/([一二两三四五六七八九十]+|\d+)个/g, "").match(/\d+/g) ?? [];
  const countsOk = counts.every((c) => c === copies);
  const listOk = restNumbers.length === 0 || restNumbers.length === n;
  if (!countsOk || !listOk || (listed.length > 0 && restNumbers.length === 0 && counts.length === 0)) return undefined;
  const unit = word === "份" ? "份" : word === "篇" ? "篇" : word === "次" ? "次" : "件";
  return reading([`每${unit} 得 ${each} 上限 ${full}`], [full, each]);
};

/**
 * The accounting check's placement (accounting.ts): in a per-copy reading (`每份 得 P 上限 T`), the number of copies
 * of 「(P分/份×N)」 — and the count of the N things the clause lists before it (「八个月」「三个重大节日」) — is what makes
 * the cap, P × N = T.
 */
export function perCopyPlaced(t: string, value: string, all: string): boolean {
  const r = /^每(?:份|篇|次|件) 得 (\S+) 上限 (\S+)$/.exec(all);
  const m = PER_COPY.exec(t);
  return r !== null && m !== null && m[4] === value && m[2] === r[1] && m[1] === r[2];
}
