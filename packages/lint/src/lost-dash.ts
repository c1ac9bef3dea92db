/**
 * A range whose dash a copy lost (session 26): 「视情扣14分」 in a 12-point item is 1-4, 「扣总分510」 is
 * 5–10, 「前3名…、46名计20分、7名以后」 is 4—6名.  The digits of one number are then the two ends of a range
 * side by side.  Read so only where the rule writes exactly that range, and where the number cannot be
 * one amount (it is more than the item's points) or is a place between the places around it, so that
 * an end changed by hand still disagrees.
 */
import { runTogetherSplits, type RuleModel } from "@kaoping/core";
import { halfWidth, type ClauseNumber } from "./clause.js";
import { fmt } from "./util.js";

const ONE = 1_000_000;

/**
 * The ways the digits of a whole number of 2 to 4 digits split into two rising whole numbers: 46 → [4, 6];
 * 510 → [5, 10] (core's runTogetherSplits, which the importer's lost-dash reword and guard share; lint reads
 * only whole numbers written in digits so).
 */
export function dashSplits(t: ClauseNumber): [number, number][] {
  if (t.percent || t.chinese || t.raw % ONE !== 0 || t.alt !== undefined) return [];
  const digits = String(t.raw / ONE);
  if (digits.length < 2 || digits.length > 4) return [];
  return runTogetherSplits(digits).map(([a, b]) => [Number(a) * ONE, Number(b) * ONE]);
}

/**
 * The clause number that is a 酌情 rule's range with its dash lost (「视情扣14分」 for `酌情 扣 1 至 4`): its
 * digits are the range's two ends, and it is more than the item's points (a section without a cap has none).
 */
export function lostDashRange(rule: RuleModel, text: readonly ClauseNumber[]): ClauseNumber | undefined {
  const b = rule.body;
  if (b.kind !== "discretion") return undefined;
  const points = rule.owner.kind === "indicator" ? rule.owner.points : rule.owner.cap;
  return text.find((t) => (points === undefined || t.raw > points) && dashSplits(t).some(([lo, hi]) => lo === b.min && hi === b.max));
}

/**
 * A decimal range whose dash a copy lost (session 27): 「扣0.10.5分」 (no number at all: two points), 「扣0.21分」
 * and 「扣0.52」 in a 2-point item, for `酌情 扣 0.1 至 0.5`, `0.2 至 1`, `0.5 至 2`.  The clause's run of digits
 * and points cuts into the rule's two ends (runTogetherSplits), the upper end within the item's points (a
 * section without a cap has none).  Returns the run's `[start, end)`, whose numbers are then the range's;
 * undefined when the rule is no such range or an end differs (an end changed by hand still disagrees).
 * Whole ends (「视情扣14分」) are lostDashRange's, which also asks the number to exceed the points.
 */
export function lostDashRun(rule: RuleModel): { start: number; end: number } | undefined {
  const b = rule.body;
  if (b.kind !== "discretion" || !(b.min > 0 && b.min < b.max)) return undefined;
  const points = rule.owner.kind === "indicator" ? rule.owner.points : rule.owner.cap;
  if (points !== undefined && b.max > points) return undefined;
  const [min, max] = [fmt(b.min), fmt(b.max)];
  if (!(min + max).includes(".")) return undefined;
  for (const m of halfWidth(rule.clause).matchAll(/\d[\d.]*\d/g)) {
    if (runTogetherSplits(m[0]).some(([lo, hi]) => lo === min && hi === max)) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * Band bounds a clause states as a range of whole places with its dash lost: `(3, 6]` (places 4 to 6)
 * from 「46名」 between 「前3名」 and 「7名以后」 — the number is more than the places after it, so it is no
 * place itself.  Returns the bounds' values (a bound of the same value elsewhere in the rule, `> 6`, is
 * the same place).
 */
export function lostDashBounds(rule: RuleModel, text: readonly ClauseNumber[]): Set<number> {
  const out = new Set<number>();
  const b = rule.body;
  if (b.kind !== "bands") return out;
  for (const band of b.bands) {
    const { lower, upper } = band;
    if (!lower || !upper || lower.percent || upper.percent || lower.raw % ONE !== 0 || upper.raw % ONE !== 0) continue;
    const first = band.lowerInclusive ? lower.raw : lower.raw + ONE;
    const last = band.upperInclusive ? upper.raw : upper.raw - ONE;
    const split = text.find((t, i) => {
      if (!dashSplits(t).some(([lo, hi]) => lo === first && hi === last)) return false;
      // out of order: a later number of the clause is a place after this range, and less than the number
      return text.slice(i + 1).some((u) => !u.percent && !u.amount && u.raw > last && u.raw < t.raw);
    });
    if (split) out.add(lower.raw).add(upper.raw);
  }
  return out;
}
