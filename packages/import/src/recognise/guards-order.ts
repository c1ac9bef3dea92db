// A guard on words out of order (session 25, helper s25-tune14): 「卫生区有垃圾扣0.5分每桶」 — a count word after the
// amount (rewords-order.ts moves those the language has before it) — was read `扣 0.5` once, the 每桶 dropped. A
// reading that counts nothing of a clause whose amount is followed by 「每…」 is a to-do.
import type { Guard } from "./guards.js";
import { rxt, NUM } from "./normalise.js";

const AMOUNT_THEN_PER = rxt`${NUM}分每[\\u4e00-\\u9fa5]{1,3}[。;,]?$`;

export const GUARDS_ORDER: readonly Guard[] = [
  {
    name: "per-after-amount",
    since: 25,
    check: (t, bodies) => {
      if (!AMOUNT_THEN_PER.test(t) || bodies.some((b) => /^每|^至少 /.test(b))) return undefined;
      return `条文的分值后写有「${/每[\u4e00-\u9fa5]{1,3}(?=[。;,]?$)/.exec(t)?.[0] ?? "每"}」，计分方式却只扣（得）一次，未能确定计数单位`;
    },
  },
];
