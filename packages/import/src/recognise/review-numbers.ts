// Review signals on the numbers of a clause (review.ts): a number the clause or its item writes that the
// reading does not. The accounting check (accounting.ts) refuses a reading that leaves a number unexplained,
// but tolerates numbers it can explain as the fact (the size of a set counted, a count that voids the item …);
// these signals flag the tolerated ones where a wrong reading most often hid one.
import { normalise } from "./normalise.js";
import { clauseNumbers, maskNonScoring, readingNumbers } from "./accounting.js";
import type { ReadingFeatures } from "./reading-features.js";
import { canon } from "../decimal.js";
import type { ReviewSignal } from "./review-signal.js";

/** The numbers of a text (masked as the accounting check masks it) that the reading does not write, by value. */
function unwritten(t: string, bodies: readonly string[], f: ReadingFeatures, points: string | null): string[] {
  const written = new Set(readingNumbers(bodies));
  const own = points === null ? undefined : canon(points);
  return clauseNumbers(maskNonScoring(t))
    .map((n) => n.value)
    .filter((v) => !written.has(v) && v !== own && v !== "0" && !(v === "1" && f.counted) && !(v === "100" && f.deduct));
}

/** Words before a number that make it a bound or a base on what is counted (「至少4次」「超过(1.2件/年)」). */
const BOUND_BEFORE = /(?:至少|不少于|不低于|少于|低于|超过|超出|多于|达到|达|\()$/;

/** Words of the clause that measure a shortfall against a requirement (「每少一件」「达不到标准」). */
const SHORTFALL = /少|缺|不足|达不到|未达|低于|不够/;

export const NUMBER_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「兩種組織活動過程性資料不詳實不得分」 read 不得分: the count of two is the fact the reading dropped
    name: "one-shot-number",
    weight: 2,
    check: (t, bodies, ctx, f) => {
      if (!f.oneShot) return undefined;
      const u = unwritten(t, bodies, f, ctx.points).filter((v) => v !== "1");
      return u.length > 0 ? `条文中的数字「${u[0]}」没有写入规则` : undefined;
    },
  },
  {
    // 「超出事故率(1.2件/年…)每超出一件扣50分」 read 每件 扣 50: a bound on the very thing counted, not written
    name: "counted-bound",
    weight: 2,
    check: (t, bodies, _ctx, f) => {
      if (!f.counted) return undefined;
      const written = new Set(readingNumbers(bodies));
      const m = maskNonScoring(t);
      for (const n of clauseNumbers(m)) {
        if (written.has(n.value) || n.value === "1" || !BOUND_BEFORE.test(m.slice(Math.max(0, n.at - 6), n.at))) continue;
        const after = m.slice(n.at + n.text.length);
        const unit = f.counts.find((c) => c !== "" && after.startsWith(c));
        if (unit !== undefined) return `条文中计数的界限「${n.text}${unit}」没有写入规则`;
      }
      return undefined;
    },
  },
  {
    // 「走访看望少一次扣1分」 under 「每年走访看望老干部不少于二次」 read 每次 扣 1: the item's bound, none of it written
    name: "item-bound",
    weight: 2,
    check: (t, bodies, ctx, f) => {
      if (ctx.item === undefined || !SHORTFALL.test(t)) return undefined;
      const item = normalise(ctx.item);
      const u = unwritten(item, bodies, f, null);
      return u.length > 0 && u.length === clauseNumbers(maskNonScoring(item)).length ? `本项要求「${ctx.item.slice(0, 30)}」中的数字「${u[0]}」没有写入规则` : undefined;
    },
  },
];
