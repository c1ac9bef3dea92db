// Guards on a finished reading (session 24, from the eighth to twelfth fresh sets): once, or per time? — a count
// of events an award requires (「每年组织2次」), classes of one thing each with its amount (「三等功加1分,二等功加2分」:
// once or per merit is not said), 「一次计P分」 where the item's awards, each taken once, make up its points. A
// reading that does not account for them is a to-do with a Chinese reason.
import type { Guard } from "./guards.js";
import { NUM, normalise, numberText, rxg, rxt } from "./normalise.js";
import { amountsIn } from "./amounts.js";
import { decimalCompare, decimalSum } from "../decimal.js";
import { namesClassOf } from "./patterns/classes.js";

/**
 * 「每年组织2次」「报告会两次以上」「至少3次」: a count of events (2 or more), not after 每 or 第 — nor an
 * ordinal in a name (「十九届六次全会」, masked 「市×六次×会」 in the seed).
 */
const EVENTS = rxg`(?<![每第届×*\\d.\\-至])${NUM}(次|场|期)(?!性|全会|[×*])`;

/** A reading of one-shot awards only (得 N). */
const awardsOnly = (bodies: readonly string[]): boolean => bodies.length > 1 && bodies.every((b) => /^得 [\d.]+$/.test(b));

/** One part 「<class>(加|得|计|记)?N分」: a name and its amount, nothing else (no condition, no count). */
const CLASS_PART = rxt`^(?:.*[,:])?([^,;:。\\d]{2,16}?)(?:加|得|计|记|给)?${NUM}分$`;

/** The class names of a clause written as 「A N分, B M分 …」, or undefined when it is not written so. */
function classNames(t: string): string[] | undefined {
  // 「…的加2分」 is a condition met, not a class named; 「其中」 splits a total into parts
  if (/其中/.test(t)) return undefined;
  const parts = t.replace(/[。;,]+$/, "").split(/(?<=分)[,;]/);
  if (parts.length < 2) return undefined;
  const names: string[] = [];
  for (const p of parts) {
    const m = CLASS_PART.exec(p);
    if (!m || /的$/.test(m[1]!) || /的(?:加|得|计|记|给)?[\d.]+分$/.test(p)) return undefined;
    names.push(m[1]!.replace(/^(?:且|和|及|或)/, ""));
  }
  return names;
}

/**
 * 「三等功加1分,二等功加2分,一等功加3分」「国家发明专利20分,实用新型专利10分,…」: classes of one thing, each with its
 * amount — whether each is earned once or per merit, paper or patent is not said (the corpus's writers read
 * them per item: several may be won). Two names share two characters in a row, or each is a level.
 */
function classesOfOneThing(t: string): string[] | undefined {
  const names = classNames(t);
  if (!names) return undefined;
  const related = names.slice(1).some((n, i) => names.slice(0, i + 1).some((m) => namesClassOf(m, n)));
  return related ? names : undefined;
}

/** 「召开专题会议一次计3分」: an award for one time, without 每 — done once, or per time? */
const ONCE_AWARD = /(?<![每第])(?:一|1)次(?:的)?,?(?:计|得|记|加|给)(?:\d+(?:\.\d+)?)分/;

// 「每年组织2次老干部参观考察(1分)」 read `得 1`: the count of events the award requires is dropped
export const awardEvents: Guard = {
  name: "award-events",
  since: 24,
  check: (t, bodies) => {
    if (bodies.length === 0 || !bodies.every((b) => /^得 [\d.]+$/.test(b))) return undefined;
    for (const m of t.matchAll(EVENTS)) {
      const n = numberText(m[1]!);
      if (n !== undefined && decimalCompare(n, "2") >= 0) return `条文要求「${m[0]}」，计分方式只有一个得分，没有写出这个次数（需要写成分段），未能确定`;
    }
    return undefined;
  },
};

// 「三等功加1分,二等功加2分,一等功加3分」 read 得 1 / 得 2 / 得 3 (jckp-15; wnky-06/08 likewise)
export const classesOneShot: Guard = {
  name: "classes-one-shot",
  since: 24,
  check: (t, bodies) => {
    if (!awardsOnly(bodies)) return undefined;
    const names = classesOfOneThing(t);
    return names ? `条文列了同一类事物的几个等级（${names.map((n) => `「${n}」`).join("、")}）各有分值，未能确定是一次性得分还是按件（次）计分` : undefined;
  },
};

// 「召开专题会议一次计3分」 read 每次 得 3 (jclz-02/05): done once earns it, or each time? Only where the
// item's clauses' awards, each taken once, make up the item's points exactly (「参加一次得1分」 alone in a
// 30-point item is per time)
export const onceAward: Guard = {
  name: "once-award",
  since: 24,
  check: (t, bodies, ctx) => {
    const m = ONCE_AWARD.exec(t);
    if (!m || ctx.section === "加分" || ctx.points === null) return undefined;
    if (!bodies.some((b) => /^每次 得 /.test(b) && !/ 上限 /.test(b))) return undefined;
    const awards = [t, ...(ctx.siblings ?? []).map(normalise)].flatMap((x) => amountsIn(x));
    return awards.length > 1 && decimalSum(awards) === decimalSum([ctx.points]) ? `条文写有「${m[0]}」，本项各条得分各计一次正好是本项分值：是做到一次就得分，还是每次都得分，未能确定` : undefined;
  },
};
