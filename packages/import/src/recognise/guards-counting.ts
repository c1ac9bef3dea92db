// Guards on a finished reading (session 24, from the eighth to twelfth fresh sets): what a clause counts that the
// reading must write as its count word — a rate the standard states is no count word (「每天24个时次」), 每人每次
// when the one assessed may be a person, one thing found in a measure word the language lacks (「见一株」), a
// reader's credit kept per event, an allowance above which each occurrence counts, a count word the copy lost
// after 「分/」. Registered in guards.ts (GUARDS), measured one by one in recognise-guards.test.ts.
import type { Guard } from "./guards.js";
import { NUM, rxt } from "./normalise.js";

/** 「每天24个时次」「每月2次」: 每 and a period followed by a number — a rate the standard states, not a count word. */
const RATE_OF_STANDARD = /每(天|日|周|月|年|季度?|小时)(?=[\d一二两三四五六七八九十]+[个次项件条篇人])/g;

/** A reading of one-shot amounts only (扣 N, 得 N). */
const oneShot = (bodies: readonly string[]): boolean => bodies.length > 0 && bodies.every((b) => /^(?:扣|得) [\d.]+$/.test(b));

/**
 * 「见一株」「发现一棵」「缺一节」: one thing found or missing, in a measure word the language has no count
 * word for (株、棵、节 … — the other guards know 份、张、名、位 …): counted per thing, never once.
 */
const ONE_FOUND = /(?<![第每仅只])(?:见|发现|查出|查实|出现|发生|有|缺|少|漏)(?:了)?[一1](株|棵|根|片|把|盏|面|丛|匹|口|眼|艘|架|幅|枚|节|卷|辆|台|块|间|栋|座)(?!(?:及)?以[上下]|\(含\))/;

/** 「超出事故率(1.2件/年…)每超出一件扣50分」: each occurrence above an allowance counts, not every one. */
const ABOVE_ALLOWANCE = /每(?:超出|超过|多出|高出)(?:\d+|[一两二三四五六七八九十])?(?:件|次|起|个|项|例|人|处)/;

/** 「-3分/」: an amount per something whose count word the copy lost. */
export const LOST_UNIT = rxt`${NUM}分/(?=$|[,;。)])`;

/** 「扣积分10分」「增加6个积分」: a reader's credit, kept per event (every deduction or award is per occurrence). */
const CREDIT = /积分/;
/** 「每册(件)」「1册」「1件1天」: a book counted, or a book and a day. */
const PER_BOOK = /(?:每|按|[1一])(?:册|件)(?:\(件\))?(次)?((?:[1一]|每)(?:天|日))?/;

// 「自动气象站全年定时(每天24个时次)不发生…缺测,得1分」 read `每天 得 1`: 每天 is followed by the
// standard's own number (24个时次), the reading counts days the clause never counts
export const rateOfStandard: Guard = {
  name: "rate-of-standard",
  since: 24,
  check: (t, bodies) => {
    const counted = /^每(\S+?) /.exec(bodies[0] ?? "")?.[1];
    if (counted === undefined) return undefined;
    const rates = [...t.matchAll(RATE_OF_STANDARD)].map((m) => m[1]);
    const free = [...t.matchAll(/每(天|日|周|月|年|季度?|小时)/g)].length;
    return rates.includes(counted) && rates.length === free ? `条文的「每${counted}」后面跟着数量（如「每天24个时次」），是标准的说明，不是计数单位，未能确定` : undefined;
  },
};

// 「受到上级通报表扬的,每人每次加2分」 read `每人 每次 得 2`: when the one assessed is a person, 每人 is
// that person — per time, not per person-time; the clause does not say which
export const personPerTimeAward: Guard = {
  name: "person-per-time-award",
  since: 24,
  check: (_t, bodies) =>
    bodies.some((b) => /^每人 每次 得 /.test(b)) ? "条文「每人每次」加分：考核对象是个人时「每人」就是本人（按次计分），是单位时按人次计分，未能确定" : undefined,
};

// 「见一株未扶正扣0.5分」 read 扣 0.5 (qxlh-12): the one tree seen is what is counted
export const oneFoundMeasure: Guard = {
  name: "one-found-measure",
  since: 24,
  check: (t, bodies) => {
    const m = ONE_FOUND.exec(t);
    return m && oneShot(bodies) ? `条文按「${m[0]}」逐一计分，语言中没有「每${m[1]}」这个计数单位，未能确定（可写成最接近的计数单位，如「每个」）` : undefined;
  },
};

// 「報名參與讀者活動,但實際沒有參加,扣積分10分」 read 扣 10 (zpts-07), 「按1冊(件)1天扣除積分1分」 read 每天 扣 1
// (zpts-05): a credit of 积分 is kept per event — a one-shot reading, or one that drops the book counted, is short
export const creditPerEvent: Guard = {
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
};

// 「超出事故率(1.2件/年)每超出一件扣50分」 read 每件 扣 50 (dwd-02/03): only what is above the allowance counts
export const aboveAllowance: Guard = {
  name: "above-allowance",
  since: 24,
  check: (t, bodies) => {
    const m = ABOVE_ALLOWANCE.exec(t);
    return m && !bodies.some((b) => /^基准 /.test(b)) ? `条文写有「${m[0]}」（超出允许的数量才计），计分方式没有写出基准，未能确定` : undefined;
  },
};

// 「图书丢失:-5分/」 read 扣 5 (whts-05): the count word after 「/」 was lost
export const lostUnit: Guard = {
  name: "lost-unit",
  since: 24,
  check: (t) => {
    const m = LOST_UNIT.exec(t);
    return m ? `条文的「${m[0]}」后没有计数单位（可能是抄录时丢失），未能确定是一次性计分还是按件（次）计分` : undefined;
  },
};

/** 「每月次」「每年人次」: a period followed by a count word — the count word is what is counted (月次 are times, one a month). */
const PERIOD_THEN_COUNT = /每(年|半年|季度?|月|周|天|日)(人次|次|件|起|例|个|项|处)/;

// 「国控断面单月水质反弹为劣V类的,每月次扣3分」 read `每月 扣 3` (zs22-03, the eighteenth set, session 27): 每 took the
// period and left 次 unread. The rule: 期间词后面紧跟计数单位（「每月次」）时，计数的是「次」，不读作「每月」
export const periodBeforeCount: Guard = {
  name: "period-before-count",
  since: 27,
  check: (t, bodies) => {
    const m = PERIOD_THEN_COUNT.exec(t);
    if (!m) return undefined;
    const all = bodies.join(" ").split(/\s+/);
    if (!all.includes(`每${m[1]}`) || all.includes(`每${m[2]}`)) return undefined;
    return `条文写的是「${m[0]}」，计数的是「${m[2]}」，计分方式却按「每${m[1]}」计数，未能确定`;
  },
};
