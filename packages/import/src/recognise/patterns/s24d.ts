// Patterns for the to-do classes of the eleventh and twelfth fresh sets (session 24, helper s24-tune11),
// tried first:
//   「初中生辍学率按从低到高分别得10、8、6、4分」         → 按排名 得分 依次 得 10、8、6、4 越低越好
//   「专题分析…状况二次得2分」「每年参加活动2次得10分」    → 分段 { ≥ 2次 得 2 }
//   「召开专题会议一次计3分」 when the item's clauses, each taken once, make up its points
//                                                          → 分段 { ≥ 1次 得 3 }
import { amountsIn } from "../amounts.js";
import { decimalSum } from "../decimal.js";
import { NUM, normalise, numberText, rx, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/**
 * 「…按从高到低排序,分别得10、8、6、4分」: the units ranked by the clause's value, places 1, 2, 3 … taking the
 * amounts in order (语言参考 §5.9, `依次`). Only the whole clause so (no other number, no 其余, no threshold
 * before: 「低于85%的县(区)按从高到低排序」 ranks only some units), values falling, not in a 加分/减分 section.
 */
export const rankOrderList: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = rxt`^([^\\d,;。]*?)按?(?:[^\\d,;。]{0,6})?(从|由)(高|低)到(低|高)(?:排序|排名|排列)?,?(?:分别|依次)(?:得|计|记)((?:${NUM}分?、)+${NUM})分[。;]?$`.exec(t);
  if (!m || m[3] === m[4]) return undefined;
  if (/低于|高于|不足|达到|未达|以上|以下|其余|其他|并列/.test(m[1]!)) return undefined;
  const values = [...m[5]!.matchAll(rx(NUM, "g"))].map((x) => numberText(x[1]!));
  if (values.some((v) => v === undefined) || values.length < 2) return undefined;
  const vs = values as string[];
  if (vs.some((v, i) => i > 0 && Number(v) >= Number(vs[i - 1]))) return undefined;
  return reading([`按排名 得分 依次 得 ${vs.join("、")}${m[3] === "低" ? " 越低越好" : ""}`], amountsIn(m[0]));
};

const CN: Readonly<Record<string, string>> = { 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

/**
 * 「对责任制自查二次得4分」「每年参加活动2次得10分」: doing it N times (N ≥ 2) earns the points — a band of the
 * count (as a checklist part's 「每年組織2次…(1分)」, s24a). 「…一次计3分」 only where the item's clauses' awards,
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

export const s24dPatterns: readonly Pattern[] = [rankOrderList, countBand];
