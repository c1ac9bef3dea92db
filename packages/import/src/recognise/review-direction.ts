// Review signals on direction (review.ts): an award or a deduction the clause does not say, and a band's
// side against its bound word.
import type { ReviewSignal } from "./review-signal.js";

/** A fault described (「病、事假」「擅自…影响」「无故缺席」), not a bound (不少于, 不低于) nor a schedule (不定期). */
const FAULT = /未|没有|不(?!少于|低于|定期|断)|违|假|迟到|早退|误|错|漏|擅自|影响|污损|损坏|丢失|遗失|投诉|事故|问题|缺席|质量差|差错/;
const AWARD_VERB = /得|加|增|计|记|奖|给|评为|满分|获|赋|分值|为\d/;
const DEDUCT_VERB = /扣|减|罚|不得分|不计分|不记分|不给分|0分|否决|取消|-/;

export const DIRECTION_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「发现代签的各口 2分」 in a 减分 section read 得 2
    name: "against-section",
    weight: 3,
    check: (_t, _bodies, ctx, f) => {
      if (ctx.section === "减分" && f.award && !f.deduct) return "减分项下的规则却是加分";
      if (ctx.section === "加分" && f.deduct && !f.award) return "加分项下的规则却是扣分";
      return undefined;
    },
  },
  {
    // 「图书污损:-3分/」 read 得 3
    name: "signed-award",
    weight: 3,
    check: (t, _bodies, _ctx, f) => (f.award && !f.deduct && /(?<![\d.])[-—－]\d/.test(t) ? "条文的分值带负号，规则却是加分" : undefined),
  },
  {
    // 「病、事假每次2分」 read 每次 得 2; 「巡查发现问题每宗0.3分」 read 每宗 扣 0.3 is said, a fault
    name: "direction-assumed",
    weight: 3,
    check: (t, _bodies, _ctx, f) => {
      if (f.award && !f.deduct && f.counted && !AWARD_VERB.test(t) && FAULT.test(t)) return "条文没有写明加分，描述的却是过错，规则的加分是推定的";
      if (f.deduct && !f.award && !f.veto && !DEDUCT_VERB.test(t) && !FAULT.test(t)) return "条文没有写明扣分，也没有描述过错，规则的扣分是推定的";
      return undefined;
    },
  },
  {
    // 「该单项基准分扣完为止」 read 得 2: the clause's only verbs deduct, the reading only awards (or the other way)
    name: "direction-contrary",
    weight: 3,
    check: (t, _bodies, _ctx, f) => {
      if (f.award && !f.deduct && !f.rate && /扣|减分|倒扣/.test(t) && !AWARD_VERB.test(t)) return "条文写的是扣分，规则却只加分";
      if (f.deduct && !f.award && /加分|得\d|加\d/.test(t) && !/扣|减|不得分|不计分|不记分|0分/.test(t)) return "条文写的是得分，规则却只扣分";
      return undefined;
    },
  },
  {
    // 「签订率不达100%的扣10分」 read 分段 { ≥ 100% 扣 10 }
    name: "band-side",
    weight: 3,
    check: (t, bodies) => {
      for (const row of bodies.join(" ").matchAll(/([≥>≤<]) ([\d.]+)\S* (?:扣|得|不得分)/g)) {
        const k = t.indexOf(row[2]!);
        if (k < 0) continue;
        const before = t.slice(Math.max(0, k - 4), k);
        const low = /(?:不达|未达|未达到|没有达到|没达到|达不到|不到|低于|少于|不足|小于)$/.test(before) && !/(?:不低于|不少于)$/.test(before);
        const high = !low && /(?:达到|超过|高于|多于|大于|不低于|不少于|≥|>)$/.test(before);
        const up = row[1] === "≥" || row[1] === ">";
        if ((low && up) || (high && !up)) return `条文「${before}${row[2]}」与规则的分段方向（${row[1]} ${row[2]}）相反`;
      }
      return undefined;
    },
  },
];
