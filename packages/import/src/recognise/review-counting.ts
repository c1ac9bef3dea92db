// Review signals on counting (review.ts): the clause counts and the reading does not, or counts by a
// shorter word than the clause's.
import { maskNonScoring } from "./accounting.js";
import { NOUNS } from "./units.js";
import type { ReviewSignal } from "./review-signal.js";

/**
 * One thing counted (「一次」「少开展一项」「任一组织」「每增加1件」), not having one or more (「有一名」「1人以上」),
 * not a period (「每年」「每月」).
 */
const COUNT_OF_ONE = new RegExp(`(?<!有)(?:任(?:何)?[一1]|每(?!年|月|季|周|天|日|学期)|[一1])(?:${NOUNS}|株|册|单位)(?!以上|\\(含\\)以上|及以上)|任一`, "g");

/** A count word of two (「人次」「项次」): counted by the first alone it counts fewer times. */
const TWO_PART_COUNT = /([人项件户家车台])次/;

export const COUNTING_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「迟到或早退一次,扣5分」 read 扣 5: the clause counts, the reading scores once (a zero or veto on one occurrence is the fact)
    name: "count-read-once",
    weight: 3,
    check: (t, _bodies, _ctx, f) => {
      if (!f.oneShot) return undefined;
      const voids = /^(?:不得分|一票否决)$/.test(f.all);
      for (const m of maskNonScoring(t).matchAll(COUNT_OF_ONE)) {
        if (voids && !m[0].startsWith("每")) continue;
        return `条文按「${m[0]}」计数，规则却只计一次`;
      }
      return undefined;
    },
  },
  {
    // 「每项次扣0.5分」 read 每项 扣 0.5
    name: "count-word-shortened",
    weight: 2,
    check: (t, _bodies, _ctx, f) => {
      const m = TWO_PART_COUNT.exec(t);
      return m && f.counts.includes(m[1]!) ? `条文按「${m[0]}」计数，规则只按「${m[1]}」` : undefined;
    },
  },
];
