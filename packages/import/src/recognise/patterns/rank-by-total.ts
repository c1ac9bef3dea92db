// A bonus for the places of the total (session 29, helper cats): 「年终累计得分前三名奖20分,前4-7名奖15分,前8-10名奖10分」
// → 按 总分 排名 依次 得 20、20、20、15、15、15、15、10、10、10 (pattern 28, 语言参考 §5.9). ranking.ts leaves a ranking in
// a 加分/减分 section to a person because what is ranked is not said; here the clause says it — the year's accumulated
// score, the total (累计得分, 总得分, 总分, 综合得分) — and the places run from the first without a gap:
// 前N名 (1…N), 前A-B名 / 第A-B名 (A…B, after the places before), 第N名 (N). Anything else is left to ranking.ts.
import { NUM, numberText, rxt } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { reading, type Pattern } from "../reading.js";

/** The total named as what is ranked. */
const TOTAL = /^(?:年终|年度|全年|年底)?(?:累计得分|累计总分|总得分|总分|综合得分|综合考评得分|考评总分|考核总分)(?:排名|排序)?/;
const ORDINAL: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const placeOf = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : ORDINAL[s]);

export const rankByTotal: Pattern = (t, ctx) => {
  if (ctx.section !== "加分") return undefined;
  const lead = TOTAL.exec(t);
  if (!lead) return undefined;
  const parts = t.slice(lead[0].length).replace(/[。;,]+$/, "").split(/[,;]/);
  const values: string[] = [];
  const used: string[] = [];
  for (const p of parts) {
    const m = rxt`^(?:(前|第)(\\d+|[一二两三四五六七八九十])(?:-+|至|到)?(\\d+|[一二两三四五六七八九十])?)名(?:的)?,?(?:奖|得|加|计|记)${NUM}分$`.exec(p);
    if (!m) return undefined;
    const a = placeOf(m[2]!);
    const b = m[3] !== undefined ? placeOf(m[3]) : undefined;
    const v = numberText(m[4]!);
    if (a === undefined || v === undefined || (m[3] !== undefined && b === undefined)) return undefined;
    // the places this part covers: 前N名 alone is 1…N; a range A…B; 第N名 is N
    const from = m[1] === "前" && b === undefined ? 1 : a;
    const to = b ?? a;
    if (from !== values.length + 1 || to < from || to > 30) return undefined;
    for (let i = from; i <= to; i++) values.push(v);
    used.push(v);
  }
  if (used.length < 2) return undefined;
  for (let i = 1; i < used.length; i++) if (decimalCompare(used[i]!, used[i - 1]!) >= 0) return undefined;
  return reading([`按 总分 排名 依次 得 ${values.join("、")}`], used);
};
