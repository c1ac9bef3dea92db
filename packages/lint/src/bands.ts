/**
 * Exact interval arithmetic on the bands of a 分段 rule: the gaps between bands and the overlaps of
 * bands, with inclusive (含) and exclusive (不含) bounds.  Values are raw decimals; open ends of
 * percentage bands are closed at the natural domain [0%, 100%] (`< 25%` is [0%, 25%), `≥ 98%` is
 * [98%, 100%]); open ends of other bands stay infinite.  A band set covers the values from its
 * smallest lower bound to its largest upper bound: values beyond are not a gap.
 */
import type { BandModel, RuleModel } from "@kaoping/core";
import { fmt } from "./util.js";

const HUNDRED = 100_000_000;

/** A bound: a value and whether it is included. */
export interface Bound {
  v: number;
  inc: boolean;
}

/** A band as an interval. */
export interface BandInterval {
  lo: Bound;
  hi: Bound;
  band: BandModel;
  /** Position among the rule's bands, in source order. */
  index: number;
}

/** The bands of a rule as intervals (the 未报送 band is not an interval). */
export function bandIntervals(rule: RuleModel): { percent: boolean; intervals: BandInterval[] } | undefined {
  const b = rule.body;
  if (b.kind !== "bands") return undefined;
  // 分段 可为负: the values are not a share, so open ends stay infinite
  const percent = b.percent;
  const share = percent && !b.signed;
  const intervals = b.bands.map((band, index): BandInterval => {
    const lo: Bound = band.lower ? { v: band.lower.raw, inc: band.lowerInclusive } : share ? { v: 0, inc: true } : { v: -Infinity, inc: false };
    const hi: Bound = band.upper ? { v: band.upper.raw, inc: band.upperInclusive } : share ? { v: HUNDRED, inc: true } : { v: Infinity, inc: false };
    return { lo, hi, band, index };
  });
  return { percent, intervals: intervals.filter((i) => !isEmpty(i.lo, i.hi)) };
}

function isEmpty(lo: Bound, hi: Bound): boolean {
  return lo.v > hi.v || (lo.v === hi.v && !(lo.inc && hi.inc));
}

/** Orders lower bounds: smaller value first; at equal values an included bound starts earlier. */
function compareLower(a: Bound, b: Bound): number {
  return a.v - b.v || (a.inc === b.inc ? 0 : a.inc ? -1 : 1);
}
/** Orders upper bounds: smaller value first; at equal values an included bound ends later. */
function compareUpper(a: Bound, b: Bound): number {
  return a.v - b.v || (a.inc === b.inc ? 0 : a.inc ? 1 : -1);
}

/** A gap between two bands. */
export interface Gap {
  lo: Bound;
  hi: Bound;
  /** The band below the gap and the band above it. */
  below: BandInterval;
  above: BandInterval;
}

/** The gaps inside the range the bands cover. */
export function gaps(intervals: readonly BandInterval[]): Gap[] {
  const sorted = [...intervals].sort((a, b) => compareLower(a.lo, b.lo) || a.index - b.index);
  const out: Gap[] = [];
  let end: Bound | undefined;
  let endBand: BandInterval | undefined;
  for (const iv of sorted) {
    if (end && endBand) {
      // The gap is the complement of [.., end] ∪ [lo, ..] between them.
      const lo: Bound = { v: end.v, inc: !end.inc };
      const hi: Bound = { v: iv.lo.v, inc: !iv.lo.inc };
      if (!isEmpty(lo, hi)) out.push({ lo, hi, below: endBand, above: iv });
    }
    if (!end || compareUpper(iv.hi, end) > 0) {
      end = iv.hi;
      endBand = iv;
    }
  }
  return out;
}

/** An overlap of two bands. */
export interface Overlap {
  lo: Bound;
  hi: Bound;
  first: BandInterval;
  second: BandInterval;
}

/** Every pair of overlapping bands, in source order. */
export function overlaps(intervals: readonly BandInterval[]): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) {
      const a = intervals[i]!;
      const b = intervals[j]!;
      const lo = compareLower(a.lo, b.lo) >= 0 ? a.lo : b.lo;
      const hi = compareUpper(a.hi, b.hi) <= 0 ? a.hi : b.hi;
      if (!isEmpty(lo, hi)) out.push({ lo, hi, first: a, second: b });
    }
  }
  return out;
}

function valueText(v: number, percent: boolean): string {
  if (v === Infinity) return "+∞";
  if (v === -Infinity) return "-∞";
  return fmt(v) + (percent ? "%" : "");
}

/** An interval as people write it: 「98%」 for a single value, 「[92%, 93%)」 otherwise. */
export function intervalText(lo: Bound, hi: Bound, percent: boolean): string {
  if (lo.v === hi.v) return valueText(lo.v, percent);
  return `${lo.inc ? "[" : "("}${valueText(lo.v, percent)}, ${valueText(hi.v, percent)}${hi.inc ? "]" : ")"}`;
}
