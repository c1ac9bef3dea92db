// A minimum counted in a measure word the language has none of, each one short deducted (session 29, issue 13):
//   「农贸市场公共区域至少配置2组或以上分类投放容器,每少1组扣4分;」 → 至少 2 每少 1 扣 4
// The bound and the step count the same thing (「组」 both times): 次数不足 (语言参考 §5.6) with bare numbers, as the
// corpus writes a count the language has no word for (nm-02). A measure word the language has is count.ts's
// shortfall; different words for the bound and the step, a second bound or other scoring stay to-dos.
import { measureWords } from "@kaoping/core";
import { numberText } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";
import { capOf } from "../amounts.js";

/** 「至少配置2组或以上…,每少1组扣4分」: the bound, its word, the step's word, the amount. */
const MINIMUM_SHORT =
  /^([^,;。\d]*?)(?:至少|不少于|不得少于|不应少于)(?:配置|设置|配备|建立|安装|设立)?(\d+|[二两三四五六七八九十]+)([\u4e00-\u9fa5])(?:或以上|及以上|以上)?([^,;。\d]{0,16}),(?:每)?(?:少|缺)(?:1|一)([\u4e00-\u9fa5])(?:的)?,?扣(\d+(?:\.\d+)?)分[。;,]?$/;

export const minimumShort: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const m = MINIMUM_SHORT.exec(t);
  if (!m || m[3] !== m[5] || (measureWords as readonly string[]).includes(m[3]!) || /次|项|个|件|人|处|条|篇|份|场|户|家|村|天|名/.test(m[3]!)) return undefined;
  if (/每|各|扣|得|不得分/.test(m[1]! + m[4]!) || capOf(t) !== undefined) return undefined;
  const n = numberText(m[2]!);
  if (n === undefined || Number(n) < 2) return undefined;
  return reading([`至少 ${n} 每少 1 扣 ${m[6]!}`], [m[6]!]);
};
