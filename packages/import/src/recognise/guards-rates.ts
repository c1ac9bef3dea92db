// Guards on a finished reading (session 29, helper rates): a band read where the clause's bound is not a band over one
// value.
//
// - 「职工入会率、工会组织覆盖率达90%以上得1分」: one threshold shared by several rates. A 分段 bands one value, so one
//   band would score one of the rates; the award is for all of them together (a requirement), and a band per rate
//   would award it twice — fewer bands than rates named is a to-do. (「合同签定率达100%、代管率达100%…,达不到标准
//   不计分」, a zero on any of them, is a zero band per rate: as many bands as rates.)
// - 「树苗浸泡3天以上(3分)」 in an item whose parts each carry bracketed points and whose other clause deducts for
//   「一项不达标」: each part is a requirement met or not (the item deducts per part not met), so the bound is the
//   part's requirement, not a band of the points — a to-do.
import type { Guard } from "./guards.js";
import { normalise } from "./normalise.js";

/** Several rates named together before one threshold (「A率、B率达90%」「A率和B率均达到95%」). */
const SEVERAL_RATES = /[\u4e00-\u9fa5]{0,12}率(?:[、和及与][\u4e00-\u9fa5]{1,12}率)+(?:均|都|同时)?(?:达到?|在|不低于)?\d+(?:\.\d+)?%/;

/** The rates a joined list names (「入会率、覆盖率」 → 2). */
function ratesNamed(t: string): number {
  const m = SEVERAL_RATES.exec(t);
  return m ? m[0].split(/[、和及与]/).length : 0;
}

/** A part with its points in brackets (「带足定根水(3分)」). */
const BRACKET_PART = /\(\d+(?:\.\d+)?分\)[。;,]?$/;
/** A deduction for each part not met (「一项不达标扣3分」「每有一项不达标扣0.5分」). */
const PART_NOT_MET = /(?:每有|有|每)?[一1]项(?:不达标|未达标|不符合|不合格|未达到)/;

export const GUARDS_RATES: readonly Guard[] = [
  {
    name: "several-rates-band",
    since: 29,
    check: (t, bodies) => {
      const n = ratesNamed(t);
      const bands = bodies.filter((b) => b.startsWith("分段 "));
      if (n < 2 || bands.length === 0 || bands.length >= n) return undefined;
      return `条文的界限由几个比率（${SEVERAL_RATES.exec(t)![0].replace(/(?:均|都|同时)?(?:达到?|在|不低于)?\d+(?:\.\d+)?%$/, "")}）共同达到，一个分段只按一个数分档，未能确定`;
    },
  },
  {
    name: "checklist-part-bound",
    since: 29,
    check: (t, bodies, ctx) => {
      if (!bodies.some((b) => b.startsWith("分段 ")) || !BRACKET_PART.test(t)) return undefined;
      const siblings = (ctx.siblings ?? []).map(normalise);
      if (!siblings.some((s) => PART_NOT_MET.test(s)) || !siblings.some((s) => BRACKET_PART.test(s))) return undefined;
      return "条文是带括号分值的一项要求，本项又写了「一项不达标」扣分：界限是这一项的要求，还是按它分档计分，未能确定";
    },
  },
];
