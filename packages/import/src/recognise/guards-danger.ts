// Guards on three dangerous classes of wrong readings found on the twenty-first set (issue 13, session 29, helper
// danger). Each makes the clause a to-do with a Chinese reason; registered in guards.ts (GUARDS).
//
// - per-rate-bound: 「每期完成率未达90%的…减2分」 read `每次 扣 2` (qndx-03/04). The bound guard leaves a bound after 每
//   in its clause part to the count (「每条道路公益广告达到5条为合格」: a requirement per thing, what is missing is
//   counted), but a rate (N%) is no count of anything: after 每 it is the threshold each period or occasion is judged
//   by, and a reading that does not write it scores every one. (Its 每期 is the count-word table's issue of a bulletin,
//   「每出一期」, so the guards see 每次: count-word-absent, which stops a count noun the clause never writes, could
//   not see the period.)
// - distributive-scope: 「每个物业工程的…管理人员…持证上岗的,得5分」 read `每个 得 5` (sxwy-05). 「每个X的Y」 is
//   possessive — every X's Y — the subject of a requirement met (…的,得N分), not a thing the clause rewards more of.
// - half-step: 「营业时间每少半小时,扣2分」 read `扣 2` (zcsf-09). 半 written as the number of a time (半小时, 半天, 半日; not
//   after 每, and not 半年/半月, which name periods) is a number a one-shot reading must write (0.5), as any digit is; a
//   per-count reading counts the half days (「每旷工半天扣5分」 read `每次 扣 5`, the corpus's convention).
import type { Guard } from "./guards.js";
import { BOUND_RE } from "./bound-words.js";
import { numberText } from "./normalise.js";
import { rateCapped, rateTarget } from "./patterns/proportion.js";

/** Why a rate threshold after a 每 in its clause part (「每期完成率未达90%」) is not written by the reading. */
export function perRateBound(t: string, bodies: readonly string[]): string | undefined {
  const all = bodies.join(" ");
  if (/一票否决|酌情/.test(all)) return undefined;
  const written = new Set([...all.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
  for (const m of t.matchAll(BOUND_RE)) {
    const num = m[1] ?? m[3];
    if (num === undefined || !t.startsWith("%", m.index! + m[0].indexOf(num) + num.length)) continue;
    const v = numberText(num);
    if (v === undefined || written.has(v)) continue;
    const segment = t.slice(0, m.index!).split(/[,;。]/).pop()!;
    const per = segment.lastIndexOf("每");
    if (per < 0) continue;
    if (m[3] !== undefined ? rateTarget(t, m.index! + m[3].length, all) : rateCapped(t, m.index!, all)) continue;
    return `条文的界限「${m[0]}」是比率的界限（每一期、每一次都按它判断），没有写进计分方式，未能确定它的作用`;
  }
  return undefined;
}

/** 「每个X的Y」「每家X的Y」: 每, a measure word, a noun, 的 and the noun it owns (not 「每个…的,」, which ends a condition). */
const EVERY_OWNS = /每(个|家|户|所|名|位|项|条|处|件)([\u4e00-\u9fa5]{1,8}?)的(?![,;。])/;
/** The clause part scores a requirement met: 「…的,得5分」「…的得5分」. */
const MET_AWARD = /的,?(?:得|加|计|记)(?:\d|[一二两三四五六七八九十])/;

/** Why `每个 得 N` (每家, 每户 …) reads a distributive scope (every X's Y must …) as an award per X. */
export function distributiveScope(t: string, bodies: readonly string[]): string | undefined {
  if (!bodies.some((b) => /^每\S+ (?:得|加)/.test(b))) return undefined;
  const m = EVERY_OWNS.exec(t);
  if (!m || !MET_AWARD.test(t.slice(m.index!))) return undefined;
  // 「每个项目的」 after a verb of doing more (引进、新增、发现 …) counts what is done
  if (/(?:引进|新增|增加|发现|完成|建成|创建|获得|落地|签约)[^,;。]{0,4}$/.test(t.slice(0, m.index!))) return undefined;
  return `条文的「${m[0]}」说的是每${m[1]}${m[2]}都要达到的要求（达到的得分），不是按「${m[1]}」逐一得分，未能确定`;
}

/** 半 as the number of a time (半小时, 半天, 半日; not 每半天, 一半 — 半年, 半月 mostly name a period: 半年小结, 半年报). */
const HALF_TIME = /(?<![上下每一多前后大])半(?:个)?(?:小时|天|日|工作日|分钟)/;

/** Why a reading leaves out a time written with 半 (「每少半小时」「请假半天」). */
export function halfStep(t: string, bodies: readonly string[]): string | undefined {
  const m = HALF_TIME.exec(t);
  // a per-count reading counts the half days (「每旷工半天扣5分」 read 每次: the corpus's convention)
  if (!m || bodies.some((b) => /(?:^|\s)每\S/.test(b))) return undefined;
  // the half written as a step of the time (「每少 0.5小时」), not an amount that happens to be 0.5
  if (/(?:^|[^\d.])0?\.5(?:小时|天|日|工作日|分钟)/.test(bodies.join(" "))) return undefined;
  return `条文的「${m[0]}」（半即0.5）没有写进计分方式，未能确定它的作用`;
}

export const GUARDS_DANGER: readonly Guard[] = [
  { name: "per-rate-bound", since: 29, check: perRateBound },
  { name: "distributive-scope", since: 29, check: distributiveScope },
  { name: "half-step", since: 29, check: halfStep },
];
