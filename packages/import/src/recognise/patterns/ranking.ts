// Rankings among the units (语言参考 §5.9, patterns 13 and 28): 「排名第一得10分，每后退一位扣0.5分」 →
// 按排名 得分 满分 10 每后退一位 扣 0.5; 「第一名得5分、第二名得4分、第三名得3分」「前三名依次得10、9、8分，其余得6分」
// → 按排名 得分 依次 得 10、9、8 其余 得 6.  The value ranked is the rule's fact; a ranking by a score the
// catalogue computes (「按得分排名」) or a ranking in a 加分/减分 section is left to a person.
import { amountsIn } from "../amounts.js";
import { NUM, numberText, rx, rxt, rxg } from "../normalise.js";
import { decimalCompare } from "../../decimal.js";
import { reading, refusal, type Pattern } from "../reading.js";

const ORDINAL: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const RANK_WORDS = /排名|名次|排序|第[一二三四五六七八九十1-9]\d?名|前[一二三四五六七八九十1-9]\d?名|每后退|每下降一位|每降一位|每退一位|每后移/;

/** Which way the ranking goes: 越低越好 when the clause says lower ranks first, "" otherwise; undefined when both. */
function direction(t: string): string | undefined {
  const low = /由低到高|从低到高|越低越好|越少越好|最低的?(?:为|排)?第一|最少的?(?:为|排)?第一/.test(t);
  const high = /由高到低|从高到低|越高越好|越多越好|最高的?(?:为|排)?第一|最多的?(?:为|排)?第一/.test(t);
  if (low && high) return undefined;
  return low ? " 越低越好" : "";
}

const ordinalOf = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : ORDINAL[s]);

export const ranking: Pattern = (t, ctx) => {
  if (!RANK_WORDS.test(t)) return undefined;
  if (ctx.section !== null) return refusal("加分、减分项中的排名计分：排名依据什么，未能自动确定");
  if (/按[^,;。]{0,12}得分(?:进行)?排[名序]|总分|综合得分/.test(t)) return refusal("条文按计算出的得分排名，未能确定是哪个指标的得分");
  if (/每次|每月|每季度|并列/.test(t)) return refusal("条文的排名计分带有次数或并列的规定，未能确定");
  const dir = direction(t);
  if (dir === undefined) return refusal("条文的排名既说由高到低又说由低到高，未能确定");
  // 「排名第一得10分（得满分），每后退一位扣0.5分」
  const step = rxt`(?:排名)?第(?:一|1)(?:名|位)?(?:的)?,?(?:得|计|记)(满分|${NUM}分),?(?:其余|以后|之后|其后|以下)?(?:按名次)?,?每(?:后退|下降|降|退|后移)(?:一|1)(?:位|名)(?:依次)?(?:扣|减)${NUM}分`.exec(t);
  if (step) {
    const full = step[1] === "满分" ? undefined : numberText(step[2]!);
    const x = numberText(step[3]!);
    if (x === undefined || (step[1] !== "满分" && full === undefined)) return undefined;
    const rest = t.replace(step[0], "");
    if (amountsIn(rest).length > 0 || /\d/.test(rest)) return refusal("条文的排名计分之外还有分值或界限，未能确定");
    if (step[1] === "满分" && ctx.points === null) return refusal("条文第一名得满分，但本项没有分值，未能确定");
    return reading([`按排名 得分${full !== undefined ? ` 满分 ${full}` : ""} 每后退一位 扣 ${x}${dir}`], amountsIn(step[0]));
  }
  // 「前三名依次得10、9、8分」
  const listed = rxt`前([一二三四五六七八九十]|\\d+)名(?:的)?,?(?:分别|依次)(?:得|计|记|加)((?:${NUM}分?、)+${NUM})分`.exec(t);
  let values: string[] | undefined;
  let consumed = "";
  if (listed) {
    const n = ordinalOf(listed[1]!);
    values = [...listed[2]!.matchAll(rx(NUM, "g"))].map((m) => numberText(m[1]!)!).filter((v) => v !== undefined);
    if (n === undefined || values.length !== n) return refusal(`条文前 ${listed[1]} 名依次计分，分值的个数不同，未能确定`);
    consumed = listed[0];
  } else {
    // 「第一名得5分、第二名得4分、第三名得3分」
    const each = [...t.matchAll(rxg`第([一二三四五六七八九十]|\\d+)(?:名|位)(?:的)?,?(?:得|计|记|加)${NUM}分`)];
    if (each.length < 2) return undefined;
    if (each.some((m, i) => ordinalOf(m[1]!) !== i + 1)) return refusal("条文各名次的分值不是从第一名起依次写的，未能确定");
    values = each.map((m) => numberText(m[2]!)!);
    consumed = each.map((m) => m[0]).join("");
  }
  if (values.some((v, i) => i > 0 && decimalCompare(v, values![i - 1]!) > 0)) return refusal("条文后一名次的分值比前一名次多，未能确定");
  const other = rxt`(?:其余|其他|其它|以后|之后)(?:名次|单位)?(?:的)?,?(?:得|计|记)${NUM}分`.exec(t);
  const otherValue = other ? numberText(other[1]!) : undefined;
  let rest = t;
  for (const piece of [consumed, ...(other ? [other[0]] : [])]) rest = rest.replace(piece, "");
  if (listed === null) for (const m of t.matchAll(rxg`第([一二三四五六七八九十]|\\d+)(?:名|位)(?:的)?,?(?:得|计|记|加)${NUM}分`)) rest = rest.replace(m[0], "");
  if (/\d/.test(rest) || amountsIn(rest).length > 0) return refusal("条文的名次计分之外还有分值或界限，未能确定");
  const used = [...amountsIn(consumed), ...(other ? amountsIn(other[0]) : [])];
  return reading([`按排名 得分 依次 得 ${values.join("、")}${otherValue !== undefined ? ` 其余 得 ${otherValue}` : ""}${dir}`], used);
};

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
  if (vs.some((v, i) => i > 0 && decimalCompare(v, vs[i - 1]!) >= 0)) return undefined;
  return reading([`按排名 得分 依次 得 ${vs.join("、")}${m[3] === "低" ? " 越低越好" : ""}`], amountsIn(m[0]));
};
