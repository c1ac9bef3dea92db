// One bound and one amount: 「签订率低于100%，扣2分」→ 分段 { < 100% 扣 2 }. The bound's word decides its
// inclusivity (低于/不足 strict, 达到/不低于 inclusive, 「(含)」 written out); 以上/以下 alone are left to a
// person (rulebooks use them both ways) unless written 「及以上」「(含)以下」.
import { measureWords } from "@kaoping/core";
import { amountsIn, capOf } from "../amounts.js";
import { NUM, numberText, rxt, rxg } from "../normalise.js";
import { actionOf, reading, refusal, VERBS, type Pattern } from "../reading.js";

const OPS: readonly [RegExp, string, string][] = [
  // word, operator, operator when 「(含)」 follows
  [/^(?:低于|不足|少于|未达到|未达|小于)$/, "<", "≤"],
  [/^(?:高于|超过|多于|大于)$/, ">", "≥"],
  [/^(?:达到|达|不低于|不少于)$/, "≥", "≥"],
  [/^(?:不高于|不超过)$/, "≤", "≤"],
];
const UNITS = [...measureWords].filter((m) => m !== "分").sort((a, b) => b.length - a.length).join("|");

/** 「完成率90%及以上得2分」「60分(含)以下不得分」: one bound whose inclusivity the clause writes out. */
function postBand(t: string): ReturnType<Pattern> {
  const all = [...t.matchAll(rxg`(?<![\\d.])${NUM}(%|${UNITS})?(\\(含\\))?(及)?(以上|以下)(\\(含\\))?`)];
  if (all.length !== 1) return undefined;
  const b = all[0]!;
  if (!b[3] && !b[4] && !b[6]) return undefined; // a bare 以上/以下: never guessed
  // 「有五处及以上逻辑审核错误，不得分」: what is counted may follow the bound (a count word, no other word of scoring)
  const after = b[2] && b[2] !== "%" ? /^[\u4e00-\u9fa5]{1,10}(?=[,;]?(?:的)?(?:不得分|扣|减|得|加|计|记))/.exec(t.slice(b.index! + b[0].length)) : null;
  const what = after && !/每|按|各|分别|则|均|未|不|扣|减|得|加|计|记|以上|以下/.test(after[0]) ? after[0] : "";
  const rest = t.slice(b.index! + b[0].length + what.length);
  const act = rxt`^(?:的)?[,;]?(?:的)?(${VERBS})${NUM}分[。;,]?$|^(?:的)?[,;]?(?:的)?不得分[。;,]?$`.exec(rest);
  if (!act || capOf(t) || amountsIn(t.slice(0, b.index)).length > 0 || /[<>≤≥]|低于|高于|超过|不足|达到/.test(t.slice(0, b.index))) return undefined;
  const value = numberText(b[1]!);
  if (value === undefined) return undefined;
  const bound = `${b[5] === "以上" ? "≥" : "≤"} ${value}${b[2] ?? ""}`;
  if (act[1] === undefined) return reading([`分段 { ${bound} 不得分 }`], []);
  const verb = actionOf(act[1]);
  const amount = numberText(act[2]!);
  if (!verb || amount === undefined) return undefined;
  return reading([`分段 { ${bound} ${verb} ${amount} }`], [amount]);
}

export const singleBand: Pattern = (t0) => {
  // 「达到90%以上的得5分」: 以上 after an inclusive word (达到, 不低于) says the same as the word
  const t = t0.replace(rxg`((?:达到|(?<!未)达|不低于|不少于)${NUM}(?:%|${UNITS})?)(?:及)?以上`, "$1");
  const post = postBand(t);
  if (post) return post;
  // (「每超过1个百分点扣0.2分」 is a step, not a bound)
  // 「按时化解率达100%的，得5分」: 达 before a number is 达到
  const re = rxg`(?<!每)(低于|不足|少于|未达到|未达(?=\\d)|小于|高于|超过|多于|大于|达到|(?<![未不没])达(?=\\d)|不低于|不少于|不高于|不超过)(\\(含\\))?${NUM}(%|${UNITS})?(?!\\d)`;
  const bounds = [...t.matchAll(re)];
  if (bounds.length !== 1) return undefined;
  const b = bounds[0]!;
  const rest = t.slice(b.index! + b[0].length);
  const act = rxt`^(?:的)?[,;]?(?:的)?(${VERBS})${NUM}分[。;,]?$|^(?:的)?[,;]?(?:的)?不得分[。;,]?$`.exec(rest);
  if (!act) return undefined;
  if (/以上|以下|以内/.test(t)) return refusal("条文的界限写作「以上」「以下」，是否含本数未能确定");
  if (capOf(t) || amountsIn(t.slice(0, b.index)).length > 0) return undefined;
  const value = numberText(b[3]!);
  const op = OPS.find(([w]) => w.test(b[1]!));
  if (value === undefined || !op) return undefined;
  const bound = `${op[b[2] ? 2 : 1]} ${value}${b[4] ?? ""}`;
  if (act[1] === undefined) return reading([`分段 { ${bound} 不得分 }`], []);
  const verb = actionOf(act[1]);
  const amount = numberText(act[2]!);
  if (!verb || amount === undefined) return undefined;
  return reading([`分段 { ${bound} ${verb} ${amount} }`], [amount]);
};
