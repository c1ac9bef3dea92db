// Guards on a finished reading (session 24, helper s24-tune11, from the eleventh and twelfth fresh sets,
// books 220–255): what the clause says that a reading must write — classes of one thing each with its
// amount (one-shot or per item is not said), an allowance above which each occurrence counts, a count word
// the copy lost after 「分/」, and 「一次计P分」 (having done it once, or per time?). A reading that does not
// account for them is a to-do with a Chinese reason.
import type { Guard } from "./guards.js";
import { NUM, normalise, rxt } from "./normalise.js";
import { amountsIn } from "./amounts.js";
import { decimalSum } from "./decimal.js";
import { namesClassOf } from "./patterns/classes.js";

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

/** 「超出事故率(1.2件/年…)每超出一件扣50分」: each occurrence above an allowance counts, not every one. */
const ABOVE_ALLOWANCE = /每(?:超出|超过|多出|高出)(?:\d+|[一两二三四五六七八九十])?(?:件|次|起|个|项|例|人|处)/;

/** 「-3分/」: an amount per something whose count word the copy lost. */
const LOST_UNIT = rxt`${NUM}分/(?=$|[,;。)])`;

/** 「召开专题会议一次计3分」: an award for one time, without 每 — done once, or per time? */
const ONCE_AWARD = /(?<![每第])(?:一|1)次(?:的)?,?(?:计|得|记|加|给)(?:\d+(?:\.\d+)?)分/;

/** 「扣积分10分」「增加6个积分」: a reader's credit, kept per event (every deduction or award is per occurrence). */
const CREDIT = /积分/;
/** 「每册(件)」「1册」「1件1天」: a book counted, or a book and a day. */
const PER_BOOK = /(?:每|按|[1一])(?:册|件)(?:\(件\))?(次)?((?:[1一]|每)(?:天|日))?/;

export const GUARDS_S24D: readonly Guard[] = [
  {
    // 「報名參與讀者活動,但實際沒有參加,扣積分10分」 read 扣 10 (zpts-07), 「按1冊(件)1天扣除積分1分」 read 每天 扣 1
    // (zpts-05): a credit of 积分 is kept per event — a one-shot reading, or one that drops the book counted, is short
    name: "credit-per-event",
    since: 24,
    check: (t, bodies) => {
      if (!CREDIT.test(t)) return undefined;
      const all = bodies.join(" ");
      if (bodies.every((b) => /^(?:扣|得) [\d.]+$/.test(b))) return "条文是读者积分之类按次累计的分值，计分方式却是一次性的，未能确定按什么计数";
      const book = PER_BOOK.exec(t);
      if (book && !all.includes(book[1] ? "每件次" : "每件")) return `条文按「${book[0]}」计数，计分方式没有写「每件」，未能确定`;
      if (book?.[2] && !all.includes("每天")) return `条文按「${book[0]}」计数，计分方式没有写「每天」，未能确定`;
      return undefined;
    },
  },
  {
    // 「三等功加1分,二等功加2分,一等功加3分」 read 得 1 / 得 2 / 得 3 (jckp-15; wnky-06/08 likewise)
    name: "classes-one-shot",
    since: 24,
    check: (t, bodies) => {
      if (!awardsOnly(bodies)) return undefined;
      const names = classesOfOneThing(t);
      return names ? `条文列了同一类事物的几个等级（${names.map((n) => `「${n}」`).join("、")}）各有分值，未能确定是一次性得分还是按件（次）计分` : undefined;
    },
  },
  {
    // 「超出事故率(1.2件/年)每超出一件扣50分」 read 每件 扣 50 (dwd-02/03): only what is above the allowance counts
    name: "above-allowance",
    since: 24,
    check: (t, bodies) => {
      const m = ABOVE_ALLOWANCE.exec(t);
      return m && !bodies.some((b) => /^基准 /.test(b)) ? `条文写有「${m[0]}」（超出允许的数量才计），计分方式没有写出基准，未能确定` : undefined;
    },
  },
  {
    // 「图书丢失:-5分/」 read 扣 5 (whts-05): the count word after 「/」 was lost
    name: "lost-unit",
    since: 24,
    check: (t) => {
      const m = LOST_UNIT.exec(t);
      return m ? `条文的「${m[0]}」后没有计数单位（可能是抄录时丢失），未能确定是一次性计分还是按件（次）计分` : undefined;
    },
  },
  {
    // 「召开专题会议一次计3分」 read 每次 得 3 (jclz-02/05): done once earns it, or each time? Only where the
    // item's clauses' awards, each taken once, make up the item's points exactly (「参加一次得1分」 alone in a
    // 30-point item is per time)
    name: "once-award",
    since: 24,
    check: (t, bodies, ctx) => {
      const m = ONCE_AWARD.exec(t);
      if (!m || ctx.section === "加分" || ctx.points === null) return undefined;
      if (!bodies.some((b) => /^每次 得 /.test(b) && !/ 上限 /.test(b))) return undefined;
      const awards = [t, ...(ctx.siblings ?? []).map(normalise)].flatMap((x) => amountsIn(x));
      return awards.length > 1 && decimalSum(awards) === decimalSum([ctx.points]) ? `条文写有「${m[0]}」，本项各条得分各计一次正好是本项分值：是做到一次就得分，还是每次都得分，未能确定` : undefined;
    },
  },
];
