// A number of times a year, each one missing deducted (session 29, issue 13):
//   「每年组织两次民主理财,分别于2月底、11月底,…,缺一次扣3分。」                  → 至少 2次 每少 1次 扣 3
//   「其中结报账8分,全年四次分别于3月底、6月底、9月底、12月底前到…结报账,每缺一次扣2分。」 (an 8-point item)
//                                                                                → 至少 4次 每少 1次 扣 2
// 「全年N次」「每年…N次」 states how many times the year requires, and 「(每)缺一次扣X分」 deducts for each one short:
// 次数不足 (语言参考 §5.6), the bound the clause's own (as 「八个文艺团体少一种扣1分」 → `至少 8个 每少 1个 扣 1`). Only
// with one such count (two or more), its dates — when the clause lists them after 分别 — as many as the times, no
// other number but the item's points stated before (「其中结报账8分」), and no other scoring.
import { canon } from "../../decimal.js";
import { numberText } from "../normalise.js";
import { reading, type Pattern } from "../reading.js";

/** 「全年四次」「每年民主理财小组集中四次」「每年组织两次」: the times the year requires. */
const TIMES = /(?:全年|每年|年内)([^,;。\d一二两三四五六七八九十]{0,12}?)(\d+|[二两三四五六七八九十]+)次(?!以上|以下)/g;

/** 「每缺一次扣2分」「缺一次扣3分」「少一次扣1分」 at the clause's end. */
const SHORT = /(?:每)?(?:缺|少)(?:一|1)次(?:的)?,?扣(\d+(?:\.\d+)?)分[。;,]?$/;

/** A date of the list (「3月底」「12月底前」「11月」). */
const DATE = /\d{1,2}月(?:底|份|末|初|中旬|上旬|下旬)?(?:\d{1,2}日)?/g;

/** The item's points stated before (「其中结报账8分,」「账簿设置2分,」). */
const ITEM_POINTS = /^(?:其中)?[^,;。\d]{1,10}?(\d+(?:\.\d+)?)分,/;

/** Other scoring: another rule or a cap. */
const OTHER = /得|加分|计分|记分|不得分|上限|最高|为止|酌情|比例|各/;

export const timesAYear: Pattern = (t, ctx) => {
  if (ctx.section !== null) return undefined;
  const short = SHORT.exec(t);
  if (!short) return undefined;
  let head = t.slice(0, short.index);
  const used = [short[1]!];
  const own = ITEM_POINTS.exec(head);
  if (own) {
    if (ctx.points === null || canon(own[1]!) !== canon(ctx.points)) return undefined;
    used.push(own[1]!);
    head = head.slice(own[0].length);
  }
  if (OTHER.test(head)) return undefined;
  const times = [...head.matchAll(TIMES)];
  if (times.length !== 1) return undefined;
  const n = numberText(times[0]![2]!);
  if (n === undefined || Number(n) < 2) return undefined;
  // the dates, when listed after 分别, are the times themselves
  const dates = head.match(DATE) ?? [];
  if (/分别/.test(head) && dates.length !== Number(n)) return undefined;
  // no other number than the times and the dates
  // (a quoted name — 「“四代管”中心」 — counts nothing)
  const rest = head.replace(TIMES, "").replace(DATE, "").replace(/“[^”]*”|"[^"]*"|《[^》]*》/g, "");
  if (/[\d一二两三四五六七八九十]/.test(rest.replace(/统一|一致|进一步|一律|一把手/g, ""))) return undefined;
  return reading([`至少 ${n}次 每少 1次 扣 ${short[1]!}`], used);
};
