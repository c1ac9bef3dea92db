// A guard on a finished reading (session 27, the eighteenth set): an amount whose digits may be two amounts run
// together. Book 361 lost every range's dash in its copy: 「扣0.10.5分」 (0.1–0.5, a number with two decimal points,
// no reading) beside 「扣0.21分」 (0.2–1) and 「扣0.52分」 (0.5–2), which do make decimals and were read `扣 0.21`,
// `扣 0.52` — a fixed amount instead of the assessor's range (wmhb-03/05/14/16/17/18). Nothing in the clause alone
// shows it; its item does. The rule: 同一项的条文里有连写的分值（一个数有两个小数点，如「0.10.5」）时，这本细则的范围丢了
// 连接号，本条能拆成两个由小到大的分值的数（0.21 = 0.2 和 1）也可能是连写的范围，不读.
// Registered in guards.ts (GUARDS).
import { runTogetherSplits } from "@kaoping/core";
import type { Guard } from "./guards.js";
import { normalise } from "./normalise.js";

/**
 * A number with two decimal points written as an amount (「扣0.10.5分」「0.51.5分」): two amounts whose dash the copy
 * lost (a section number 「3.2.1」 is no amount: it stands before no 分 and after no verb).
 */
export const RUN_TOGETHER = /(?<=扣|得|加|减|记|计)\d+\.\d+\.\d+|\d+\.\d+\.\d+(?=分)/;

/**
 * The two amounts a number's digits may be, run together (the first smaller, as a range is written: 「0.21」 →
 * 0.2 and 1, 「25」 → 2 and 5; the leftmost cut of core's runTogetherSplits), or undefined when no cut gives two
 * amounts as they are written in that order.  The guard names one such pair in its reason; any pair is enough
 * to refuse.
 */
export function runTogetherSplit(n: string): [string, string] | undefined {
  return runTogetherSplits(n)[0];
}

/** The texts of the item that may show the copy's loss: the clause, its siblings, the item's requirement. */
function itemTexts(t: string, ctx: { siblings?: readonly string[]; item?: string }): string[] {
  return [t, ...(ctx.siblings ?? []).map(normalise), ...(ctx.item !== undefined ? [normalise(ctx.item)] : [])];
}

export const runTogetherAmount: Guard = {
  name: "run-together-amount",
  since: 27,
  check: (t, bodies, ctx) => {
    const lost = itemTexts(t, ctx).map((x) => RUN_TOGETHER.exec(x)?.[0]).find((x) => x !== undefined);
    if (lost === undefined) return undefined;
    // the amounts the reading scores: bare numbers (a bound carries its unit: 90%, 2次)
    for (const body of bodies) {
      for (const tok of body.split(/\s+/)) {
        if (!/^\d+(?:\.\d+)?$/.test(tok)) continue;
        const split = runTogetherSplit(tok);
        if (split !== undefined) {
          return `同一项的条文有连写的分值（「${lost}」，范围的连接号丢了），本条的「${tok}」也可能是两个分值（${split[0]} 和 ${split[1]}）连写的范围，未能确定`;
        }
      }
    }
    return undefined;
  },
};
