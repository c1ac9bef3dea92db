// A requirement's words that count nothing (session 29, issue 13): a period that says when it holds, and 「未发生一起」
// — not a single one — that says none.
//
//   「每天主动并按质按量完成本岗工作(…),得 3 分。」 in a 5-point item          → 得 3   (read `每天 得 3` before: wrong)
//   「每月未发生一起安全事故,无水质不合格情况,得 3 分.」 in a 5-point item      → 得 3
//
// A requirement stated for every period (每天, 每月 …) whose one award is more than half the item's points cannot be
// earned twice within the item: the period says when the requirement must hold — the award is the requirement's,
// once. Only a period at the clause's start, before a requirement (no number or count word after it), one award
// written once with an award verb, nothing deducted, no cap and no other 每; otherwise the clause is left as written.
import type { ClauseContext } from "./index.js";
import { amountsIn } from "./amounts.js";
import { decimalCompare, decimalSum } from "../decimal.js";

/** The period at the start of a requirement: 「每天」「每月」「每季度」 … not followed by a number (「每月1次」 is a count). */
const LEADING_PERIOD = /^((?:\d+[、.]|\(\d+\))?)每(?:天|日|周|月|季度|季|半年|年)(?![\d一二两三四五六七八九十个份])/;

/** One award verb before the clause's only amount, at its end (「,得3分。」). */
const ONE_AWARD = /(?:得|计|记|加)(\d+(?:\.\d+)?)分[。.;,]?$/;

/** Words that make it more than one award: a deduction, a cap, a count word, a discretion, another period or 每. */
const MORE = /扣|减|上限|最高|为止|累计|每|次|酌情|视情|否则|不得分/;

/**
 * The leading period of a requirement whose one award is more than half the item's points (above), or undefined: the
 * accounting check's period word (accounting-vocabulary.ts) takes it as the requirement's too.
 */
export function requirementPeriod(t: string, ctx: ClauseContext): RegExpExecArray | undefined {
  if (ctx.section !== null || ctx.points === null) return undefined;
  const lead = LEADING_PERIOD.exec(t);
  if (!lead) return undefined;
  const rest = t.slice(lead[0].length);
  const award = ONE_AWARD.exec(rest);
  if (!award || amountsIn(rest).length !== 1 || MORE.test(rest.slice(0, award.index))) return undefined;
  // more than half the item's points: twice would pass them
  return decimalCompare(decimalSum([award[1]!, award[1]!]), ctx.points) > 0 ? lead : undefined;
}

/** The clause with a leading period taken out when the period says when the requirement holds (above), else as it is. */
export function rewordRequirementPeriod(t: string, ctx: ClauseContext): string {
  const lead = requirementPeriod(t, ctx);
  return lead ? `${lead[1]}${t.slice(lead[0].length)}` : t;
}

/** 「未发生一起安全事故」「未出现一次…」: not a single one is none — the count word counts nothing. */
const NOT_ONE = /(未|没有)(发生|出现)(?:过)?[一1](?:起|次|例|件)(?![\d以及])/g;

/** The clause with 「未发生一起」 written 「未发生」 (none happened). */
export function rewordNotOne(t: string): string {
  return t.replace(NOT_ONE, "$1$2");
}

/** A frequency among a requirement's parts: 「每年至少进行一次健康检查」「每月至少召开一次」「每半年至少组织一次」. */
export const FREQUENCY = /每(?:年|半年|季度|季|月|周)([^,;。\d一二两三四五六七八九十每]{0,12}?)[一1]次(?!以上|及以上|\(含\))/g;

/**
 * Whether the clause's frequencies (FREQUENCY) describe its requirement rather than count what is assessed: beside
 * other parts of the requirement, or for a period shorter than the year. A yearly count that is the whole requirement
 * (「每年至少召開1次離退休幹部座談會(1分)」) is the thing assessed: a band (session 24's convention).
 */
export function frequencyDescribes(t: string): boolean {
  const found = [...t.matchAll(FREQUENCY)];
  if (found.length === 0) return false;
  const parts = t.replace(/\([^()]*\)/g, "").split(/[,;。]/).filter((p) => p !== "" && !/^(?:得|计|记|加)?[\d.]+分/.test(p));
  return parts.length >= 2 || found.some((f) => !/^每年/.test(f[0]));
}

/**
 * 「每年至少组织一次…演练,每半年至少组织一次…演练的,得1分」 (wszl-04) → 「定期组织…演练,定期组织…演练的,得1分」: at least once
 * a period is how often the requirement is done (frequencyDescribes), not a count the award is per — only when the
 * clause counts nothing else (no other 每 or 次 after the frequencies) and deducts nothing.
 */
export function rewordFrequency(t: string): string {
  if (!frequencyDescribes(t)) return t;
  const rest = t.replace(FREQUENCY, "");
  // (a deduction for a period missed — 「每月至少召开一次例会,未召开的扣1分」 — may be each period's: left as written)
  if (/每|次|扣|减/.test(rest)) return t;
  return t.replace(FREQUENCY, (_m, between: string) => `定期${between.replace(/至少|最少/g, "")}`);
}
