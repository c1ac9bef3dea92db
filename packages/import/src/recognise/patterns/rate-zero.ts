// A rate's threshold below which the item scores nothing (session 29, helper rates):
//   「药具使用有效率96%以上(2分),达不到标准不得分」 in a 2-point item → 分段 { < 96% 不得分 }
//   「最高分为7分,低于90%为0分」 in a 7-point item                      → 分段 { < 90% 不得分 }
//   「合同签定率达100%、代管率达100%、兑现率达100%,达不到标准不计分」 → a zero band per rate (any one short voids the item)
//   「“一场两馆”建有率达100%以上,得1分,未建有,不得分」               → 分段 { ≥ 100% 得 1 }
//   「运行负荷达到设计能力的60%,得1分,否则不得分」                     → 分段 { ≥ 60% 得 1 }
// The points written are the item's own (the bracket, or 最高分 said again): nothing to write for them; what scores is
// the zero below the threshold. 以上 includes its number (民法典 §1259), so 达不到 it is below it, strictly; 低于 is
// strict as written. Only when the points written are the item's points (a part's own points would be an award of
// the part, not the item's zero) and the clause says nothing else.
import { canon } from "../../decimal.js";
import { NUM, numberText, rxt } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** 「X率96%以上(2分),达不到标准不得分」: a rate's threshold, the item's points, nothing below it. */
const ABOVE_THEN_NOTHING = rxt`^(?:[①②③④⑤⑥⑦⑧⑨]|\\(\\d+\\)|\\d+[、.](?!\\d))?[^\\d,;。]*?率(?:达到?)?${NUM}%(?:及)?以上(?:\\(${NUM}分\\)|,?(?:得|计|记)${NUM}分)?,?(?:达不到|未达到)(?:标准|要求|此标准|该标准)?(?:的)?,?不(?:得|计|记)分[。;]?$`;
/** 「最高分为7分,低于90%为0分」: the item's points said again, nothing below a rate. */
const TOP_THEN_BELOW = rxt`^(?:最高分?为|最高得|满分为?)${NUM}分,低于${NUM}%(?:的)?(?:为|得|计|记)(?:0|零)分[。;]?$`;

function itemPoints(n: string | undefined, points: string | null): boolean {
  return n !== undefined && points !== null && canon(n) === canon(points);
}

/** 「合同签定率达100%、代管率达100%、兑现率达100%,达不到标准不计分」: several rates, each its threshold, one zero. */
const RATES_THEN_NOTHING = rxt`^(?:[①②③④⑤⑥⑦⑧⑨]|\\(\\d+\\)|\\d+[、.](?!\\d))?((?:[^\\d,;。、]*?率(?:达到?)?\\d+(?:\\.\\d+)?%(?:及)?(?:以上)?、)+[^\\d,;。、]*?率(?:达到?)?\\d+(?:\\.\\d+)?%(?:及)?(?:以上)?),?(?:达不到|未达到)(?:标准|要求|此标准|该标准)?(?:的)?,?不(?:得|计|记)分[。;]?$`;

/** 「“一场两馆”建有率达100%,得1分,未建有,不得分」: a rate reached for the award, its doing not done for nothing. */
const REACHED_OR_NOTHING = rxt`^[^\\d,;。]*?([\\u4e00-\\u9fa5]{1,3})率(?:达到|达)${NUM}%(?:及)?(?:以上)?(?:的)?,?(?:得|计|记)${NUM}分[,;](?:未|没有|无)([\\u4e00-\\u9fa5]{1,3})(?:的)?,?不(?:得|计|记)分[。;]?$`;

/**
 * 「建有率达100%以上,得1分,未建有,不得分」: the award from the rate reached (达: the bound itself, ≥), and the other side
 * said by the rate's own doing negated (建有率 → 未建有) — nothing below the bound. Only when the negated words are the
 * rate's own (「未建有」 of 建有率), never another failing.
 */
/** 「运行负荷达到设计能力的60%,得1分,否则不得分」: a share of a stated whole reached, nothing otherwise. */
const SHARE_REACHED_OR_NOTHING = rxt`^(?:\\(\\d+\\)|\\d+[、.](?!\\d))?[^\\d,;。]*?达到[^\\d,;。]{1,10}?的${NUM}%(?:及)?(?:以上)?(?:的)?,?(?:得|计|记)${NUM}分[,;]否则,?不(?:得|计|记)分[。;]?$`;

export const rateReachedOrNothing: Pattern = (t, ctx) => {
  if (ctx.section === "减分" || !t.includes("%")) return undefined;
  const share = SHARE_REACHED_OR_NOTHING.exec(t);
  if (share) {
    const [bound, amount] = [numberText(share[1]!), numberText(share[2]!)];
    if (bound === undefined || amount === undefined) return undefined;
    return reading([`分段 { ≥ ${bound}% 得 ${amount} }`], [share[2]!]);
  }
  const m = REACHED_OR_NOTHING.exec(t);
  if (!m || !m[1]!.endsWith(m[4]!)) return undefined;
  const [bound, amount] = [numberText(m[2]!), numberText(m[3]!)];
  if (bound === undefined || amount === undefined) return undefined;
  return reading([`分段 { ≥ ${bound}% 得 ${amount} }`], [m[3]!]);
};

export const rateZeroBelow: Pattern = (t, ctx) => {
  if (ctx.section !== null || !t.includes("%")) return undefined;
  const several = RATES_THEN_NOTHING.exec(t);
  if (several) {
    const bounds = several[1]!.split("、").map((r) => numberText(/(\d+(?:\.\d+)?)%/.exec(r)![1]!));
    if (bounds.some((b) => b === undefined)) return undefined;
    return reading(bounds.map((b) => `分段 { < ${b!}% 不得分 }`), []);
  }
  const a = ABOVE_THEN_NOTHING.exec(t);
  if (a) {
    const bound = numberText(a[1]!);
    const written = a[2] ?? a[3];
    if (bound === undefined || (written !== undefined && !itemPoints(numberText(written), ctx.points))) return undefined;
    return reading([`分段 { < ${bound}% 不得分 }`], written !== undefined ? [written] : []);
  }
  const b = TOP_THEN_BELOW.exec(t);
  if (b) {
    const bound = numberText(b[2]!);
    if (bound === undefined || !itemPoints(numberText(b[1]!), ctx.points)) return undefined;
    return reading([`分段 { < ${bound}% 不得分 }`], [b[1]!, "0"]);
  }
  return undefined;
};
