// The item's points as the whole of a clause (session 24): the full points for a checklist of things, less
// each one missing; a checklist part with its points in brackets; the full points then deductions 「直至不得分」;
// a total split into parts (其中).
//   「…有专人负责,记1分;少一项,扣0.25分」 (1-point item)       → 每项 扣 0.25
//   「每年至少召开1次座谈会(1分)」「组织报告会两次以上(1分)」 → 分段 { ≥ 1次 得 1 } / 分段 { ≥ 2次 得 1 }
//   「…不漏报得3分;…每漏报1次扣1分,直至不得分」               → 每次 扣 1
//   「按规定完成照片组稿的计20分，其中上交时间、照片数量、照片质量和照片说明各占5分」 → 得 5 (four rules)
//   「建立群众工作组记2分，其中，明确有专干的记1分，报酬落实的记1分」 → 得 1 + 得 1
import { NUM, numberText, rx, rxt, rxg } from "../normalise.js";
import { reading, refusal, type Pattern } from "../reading.js";
import { alone } from "../rewords.js";
import { decimalCompare, decimalSum } from "../../decimal.js";
import { countPatterns } from "./count.js";
import { PLAIN_HEAD } from "./otherwise.js";

/**
 * 「成立机构,明确分工,有专人负责,记1分;少一项,扣0.25分」: the item's full points for all of the listed
 * things, less M for each one missing — `每项 扣 M`. Only when the award is the item's points (otherwise the
 * award is a part of the item and the deduction its own: a to-do).
 */
export const fullThenShort: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const m = rxt`^([^;]{2,120}?)(?:的)?,?(?:记|计|得)${NUM}分[;,](?:每)?(?:少|缺|缺少)(?:一|1)(项|个|条|篇|件),?扣${NUM}分[。;]?$`.exec(t);
  if (!m || PLAIN_HEAD.test(m[1]!)) return undefined;
  const full = numberText(m[2]!);
  const step = numberText(m[4]!);
  if (full === undefined || step === undefined || full !== ctx.points) return undefined;
  return reading([`每${m[3]} 扣 ${step}`], [full, step]);
};

/** 「每年至少…一次」「至少…1次以上」「…两次以上」「每年组织2次」: a count of events the task requires. */
const EVENT_BOUND = rxg`(?:至少[\\u4e00-\\u9fa5]{0,16}?${NUM}次(?:以上)?|(?<![每第\\d])${NUM}次(?:\\(含\\))?以上|(?:组织|召开|开展|举办|举行)${NUM}次)`;

/**
 * A checklist part with its points in brackets and a count of events it requires (「每年至少召开1次离退休干部
 * 座谈会(1分)」「老干部局组织报告会两次以上(不含保健讲座)(1分)」): the award is earned from that count on —
 * `分段 { ≥ 1次 得 1 }`. Only for the item's own clause (alone, the bracket its points), with exactly one such
 * count, no failing word and no other number.
 */
export const checklistEventBound: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null || !alone(ctx)) return undefined;
  const p = ctx.points.replace(".", "\\.");
  const m = rxt`^(.+?)\\(${p}分\\)[。;,]?$`.exec(t);
  if (!m) return undefined;
  const head = m[1]!.replace(/\((?:不含|含)[^()\d]{1,12}\)|不定期/g, "");
  if (/未|没有|无|不|否则|酌情|扣|减|分/.test(head)) return undefined;
  // 「全年检查覆盖率达100%(5分)」: a rate the task must reach
  const rate = [...head.matchAll(/达(?:到)?(\d+(?:\.\d+)?)%/g)];
  if (rate.length === 1 && [...head.matchAll(/\d+(?:\.\d+)?/g)].length === 1 && !/以下|以内|低于|不足/.test(head)) return reading([`分段 { ≥ ${rate[0]![1]}% 得 ${ctx.points} }`], [ctx.points]);
  if (/%/.test(head)) return undefined;
  const found = [...head.matchAll(EVENT_BOUND)];
  if (found.length !== 1) return undefined;
  const n = numberText((found[0]![1] ?? found[0]![2] ?? found[0]![3])!);
  // the bound is the clause's only number
  const numbers = [...head.matchAll(rx(NUM, "g"))].filter((x) => numberText(x[1]!) !== undefined);
  if (n === undefined || numbers.length !== 1) return undefined;
  return reading([`分段 { ≥ ${n}次 得 ${ctx.points} }`], [ctx.points]);
};

/**
 * The item's full points for the task, then a counted deduction 「直至不得分」 (the deductions stop at the
 * item's points, as 扣完为止): 「…不漏报得3分;…每漏报1次扣1分,直至不得分」 → `每次 扣 1`;
 * 「开展5次以上…得2分,少开展…的一次扣1分,直至不得分」 → `至少 5次 每少 1次 扣 1`;
 * 「综合评分达60分得2分,综合评分每低1分扣0.5分,直至不得分」 → `基准 60 每低 1 扣 0.5`.
 * Only when the award is the item's points.
 */
export const fullUntilNothing: Pattern = (t, ctx) => {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const p = ctx.points.replace(".", "\\.");
  const m = rxt`^([^;]+?)(?:的)?,?(?:得|计|记)${p}分[;,]([^;]+?),?(?:直至|直到|扣至|扣到)(?:不得分|0分|零分|扣完)[。;]?$`.exec(t);
  if (!m) return undefined;
  const [head, rest] = [m[1]!, m[2]!];
  // 「综合评分达60分」「每低1分扣0.5分」: a score's base and its step
  const score = /^[^\d]*?达(\d+(?:\.\d+)?)分$/.exec(head);
  const step = /^[^\d]*?每低(\d+(?:\.\d+)?)分(?:的)?,?扣(\d+(?:\.\d+)?)分$/.exec(rest);
  if (score && step) return reading([`基准 ${score[1]} 每低 ${step[1]} 扣 ${step[2]}`], [score[1]!, ctx.points, step[1]!, step[2]!]);
  if (/\d+(?:\.\d+)?分/.test(head)) return undefined;
  // 「开展5次以上…」 then 「少开展…的一次扣1分」: the count short of the bound
  const bound = [...head.matchAll(/(?:不少于)?(\d+)次(?:\(含\))?(?:以上)?/g)];
  const short = /^(?:少|缺)[^\d,;。]{0,24}?(?:一|1)次,?扣(\d+(?:\.\d+)?)分$/.exec(rest);
  if (bound.length === 1 && short && /次(?:\(含\))?以上|不少于/.test(bound[0]![0])) return reading([`至少 ${bound[0]![1]}次 每少 1次 扣 ${short[1]}`], [ctx.points, short[1]!]);
  if (/\d/.test(head)) return undefined;
  for (const q of countPatterns) {
    const r = q(rest, { ...ctx, siblings: [] });
    if (!r) continue;
    if (r.kind !== "reading" || r.bodies.length !== 1 || !/^每\S+ 扣 [\d.]+$/.test(r.bodies[0]!)) return undefined;
    return reading(r.bodies, [ctx.points, ...r.used]);
  }
  return undefined;
};

/** A list of parts 「A、B、C和D」 (和、及、与 before the last): their number, or undefined. */
function partsCount(list: string): number | undefined {
  const parts = list.split(/、|和|及|与|以及/).filter((p) => p !== "");
  if (parts.length < 2 || parts.some((p) => p.length < 2 || p.length > 8 || /\d|分|扣|得/.test(p))) return undefined;
  return parts.length;
}

/**
 * 「…的计20分，其中上交时间、照片数量、照片质量和照片说明各占5分」: the whole is the parts, each earning its
 * share — one award per part. Only when the shares add up to the whole and the whole is the item's points.
 */
export const partsEach: Pattern = (t, ctx) => {
  const m = rxt`^[^;。,]*?(?:的)?,?(?:计|记|得)${NUM}分[,。;]其中([^,;。]+?)各(?:占|计|得)${NUM}分[。;]?$`.exec(t);
  if (!m) return undefined;
  const whole = numberText(m[1]!);
  const share = numberText(m[3]!);
  const k = partsCount(m[2]!);
  if (whole === undefined || share === undefined || k === undefined) return refusal("条文的「其中…各占N分」未能分出各部分，未能确定");
  // exact: k shares against the whole (decimal text, no binary floating point)
  if (decimalSum(Array.from({ length: k }, () => share)) !== decimalSum([whole])) return refusal(`条文的 ${k} 个部分各占 ${share} 分，合计不等于 ${whole} 分，未能确定`);
  if (ctx.section !== null || ctx.points !== whole) return refusal(`条文的总分 ${whole} 分不是本项分值，未能确定各部分的分值`);
  return reading(Array.from({ length: k }, () => `得 ${share}`), [whole, share]);
};

/**
 * 「建立群众工作组记2分，其中，明确有专干的记1分，报酬落实的记1分」: the whole, then its parts each with its own
 * share — one award per part. Only when the shares add up to the whole and the whole is within the item's points.
 */
export const partsListed: Pattern = (t, ctx) => {
  const m = rxt`^[^;。,]*?(?:的)?,?(?:计|记|得)${NUM}分[,。;]其中,?(.+?)[。;]?$`.exec(t);
  if (!m || ctx.section !== null || ctx.points === null) return undefined;
  const whole = numberText(m[1]!);
  const parts = m[2]!.split(/[,;]/).filter((p) => p !== "");
  if (whole === undefined || parts.length < 2) return undefined;
  const shares: string[] = [];
  for (const p of parts) {
    const r = rxt`^[^\\d]{2,20}?(?:的)?(?:计|记|得|占)${NUM}分$`.exec(p);
    if (!r || /每|各|未|不|没有|无|扣|减|以上|以下|%/.test(p)) return undefined;
    const a = numberText(r[1]!);
    if (a === undefined) return undefined;
    shares.push(a);
  }
  if (decimalSum(shares) !== decimalSum([whole])) return refusal(`条文「其中」各部分的分值合计不等于 ${whole} 分，未能确定`);
  if (decimalCompare(whole, ctx.points) > 0) return refusal(`条文的总分 ${whole} 分超过本项分值 ${ctx.points} 分，未能确定`);
  return reading(shares.map((a) => `得 ${a}`), [whole, ...shares]);
};
