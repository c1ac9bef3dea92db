// Guards on a finished reading (session 24, from the eighth and ninth fresh sets, books 160–197): a
// count word that is a rate of a standard, a count of events an award requires, and a compound count
// whose person may be the one assessed. A reading that does not account for them is a to-do with a
// Chinese reason. Registered in guards.ts (GUARDS), measured one by one in recognise-guards.test.ts.
import type { Guard } from "./guards.js";
import { NUM, numberText, rxg } from "./normalise.js";

/** 「每天24个时次」「每月2次」: 每 and a period followed by a number — a rate the standard states, not a count word. */
const RATE_OF_STANDARD = /每(天|日|周|月|年|季度?|小时)(?=[\d一二两三四五六七八九十]+[个次项件条篇人])/g;

/**
 * 「每年组织2次」「报告会两次以上」「至少3次」: a count of events (2 or more), not after 每 or 第 — nor an
 * ordinal in a name (「十九届六次全会」, masked 「市×六次×会」 in the seed).
 */
const EVENTS = rxg`(?<![每第届×*\\d.\\-至])${NUM}(次|场|期)(?!性|全会|[×*])`;

/** The last part of a clause: a zero on a negated condition (「未建立制度的不得分」「培训未达到要求的不得分」). */
const NEGATED_ZERO = /[,;。](?:如|若|凡)?([^,;。\d]{0,12}?(?:未|没有|不)[\u4e00-\u9fa5“”"]{1,16}?)(?:的)?,?(?:该项|本项|此项)?(?:不得分|不记分|不计分)[。;]?$/;

export const GUARDS_S24A: readonly Guard[] = [
  {
    // 「建立台账的得2分;未建立制度的不得分」 read `得 2`: the zero's condition names another thing (制度,
    // not 台账) — a second condition, not the award's other side; its object must be the award's
    name: "zero-apart",
    since: 24,
    check: (t, bodies) => {
      if (bodies.length !== 1 || !/^(?:每\S+ )?得 [\d.]+$/.test(bodies[0]!)) return undefined;
      const z = NEGATED_ZERO.exec(t);
      if (!z) return undefined;
      const cond = z[1]!.replace(/[“”"]/g, "");
      const object = cond.slice(-2);
      const head = t.slice(0, z.index);
      // 「未建立的不得分」「不参加不得分」「达不到的」: the negated verb alone is the award's own
      if (/^(?:如|若|凡)?[\u4e00-\u9fa5]{0,2}(?:未|没有|不)[\u4e00-\u9fa5]{0,2}$/.test(cond) || head.includes(object)) return undefined;
      return `条文另有一个不得分的条件「${z[0].replace(/^[,;。]/, "")}」（与得分的条件不同），计分方式中没有写出，未能确定`;
    },
  },
  {
    // 「自动气象站全年定时(每天24个时次)不发生…缺测,得1分」 read `每天 得 1`: 每天 is followed by the
    // standard's own number (24个时次), the reading counts days the clause never counts
    name: "rate-of-standard",
    since: 24,
    check: (t, bodies) => {
      const counted = /^每(\S+?) /.exec(bodies[0] ?? "")?.[1];
      if (counted === undefined) return undefined;
      const rates = [...t.matchAll(RATE_OF_STANDARD)].map((m) => m[1]);
      const free = [...t.matchAll(/每(天|日|周|月|年|季度?|小时)/g)].length;
      return rates.includes(counted) && rates.length === free ? `条文的「每${counted}」后面跟着数量（如「每天24个时次」），是标准的说明，不是计数单位，未能确定` : undefined;
    },
  },
  {
    // 「每年组织2次老干部参观考察(1分)」 read `得 1`: the count of events the award requires is dropped
    name: "award-events",
    since: 24,
    check: (t, bodies) => {
      if (bodies.length === 0 || !bodies.every((b) => /^得 [\d.]+$/.test(b))) return undefined;
      for (const m of t.matchAll(EVENTS)) {
        const n = numberText(m[1]!);
        if (n !== undefined && Number(n) >= 2) return `条文要求「${m[0]}」，计分方式只有一个得分，没有写出这个次数（需要写成分段），未能确定`;
      }
      return undefined;
    },
  },
  {
    // 「受到上级通报表扬的,每人每次加2分」 read `每人 每次 得 2`: when the one assessed is a person, 每人 is
    // that person — per time, not per person-time; the clause does not say which
    name: "person-per-time-award",
    since: 24,
    check: (_t, bodies) =>
      bodies.some((b) => /^每人 每次 得 /.test(b)) ? "条文「每人每次」加分：考核对象是个人时「每人」就是本人（按次计分），是单位时按人次计分，未能确定" : undefined,
  },
];
