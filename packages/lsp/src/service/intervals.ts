/**
 * Band intervals as sets of values: the math form of what a 分段 band says (`≥ 75%` → `[75%, +∞)`),
 * and the part of it that really falls in that band — bands are tried in writing order, so the
 * values an earlier band takes never reach a later one.  Bounds are compared as exact raw values.
 */
import type { BandModel, Quantity } from "@kaoping/core";

/** One end of an interval: absent = unbounded. */
interface End {
  raw: number;
  text: string;
}

/** An interval of values. */
export interface ValueInterval {
  lower?: End;
  lowerInclusive: boolean;
  upper?: End;
  upperInclusive: boolean;
}

const end = (q: Quantity | undefined): End | undefined => (q ? { raw: q.raw, text: q.text } : undefined);

/** A band's interval. */
export function bandInterval(b: BandModel): ValueInterval {
  const iv: ValueInterval = { lowerInclusive: b.lowerInclusive, upperInclusive: b.upperInclusive };
  const lo = end(b.lower);
  const hi = end(b.upper);
  if (lo) iv.lower = lo;
  if (hi) iv.upper = hi;
  return iv;
}

/** Math form: `[75%, 100%)`, `(0, +∞)`, `{0}`, `(−∞, 60]`. */
export function mathForm(iv: ValueInterval): string {
  if (iv.lower && iv.upper && iv.lower.raw === iv.upper.raw && iv.lowerInclusive && iv.upperInclusive) return `{${iv.lower.text}}`;
  const lo = iv.lower ? `${iv.lowerInclusive ? "[" : "("}${iv.lower.text}` : "(−∞";
  const hi = iv.upper ? `${iv.upper.text}${iv.upperInclusive ? "]" : ")"}` : "+∞)";
  return `${lo}, ${hi}`;
}

/** The interval as an inequality on the value: `75% ≤ 数值 < 100%`. */
export function inequality(iv: ValueInterval, value = "数值"): string {
  if (iv.lower && iv.upper && iv.lower.raw === iv.upper.raw) return `${value} = ${iv.lower.text}`;
  const lo = iv.lower ? `${iv.lower.text} ${iv.lowerInclusive ? "≤" : "<"} ` : "";
  const hi = iv.upper ? ` ${iv.upperInclusive ? "≤" : "<"} ${iv.upper.text}` : "";
  if (!lo && !hi) return `${value}为任意值`;
  return `${lo}${value}${hi}`;
}

function isEmpty(iv: ValueInterval): boolean {
  if (!iv.lower || !iv.upper) return false;
  if (iv.lower.raw > iv.upper.raw) return true;
  return iv.lower.raw === iv.upper.raw && !(iv.lowerInclusive && iv.upperInclusive);
}

/** `a` without `b`: zero, one or two intervals. */
function subtract(a: ValueInterval, b: ValueInterval): ValueInterval[] {
  const out: ValueInterval[] = [];
  // the part of a below b
  if (b.lower) {
    const below: ValueInterval = { ...a, upper: b.lower, upperInclusive: !b.lowerInclusive };
    if (a.upper && (a.upper.raw < b.lower.raw || (a.upper.raw === b.lower.raw && (a.upperInclusive ? !b.lowerInclusive : true)))) {
      below.upper = a.upper;
      below.upperInclusive = a.upperInclusive;
    }
    if (!isEmpty(below)) out.push(below);
  }
  // the part of a above b
  if (b.upper) {
    const above: ValueInterval = { ...a, lower: b.upper, lowerInclusive: !b.upperInclusive };
    if (a.lower && (a.lower.raw > b.upper.raw || (a.lower.raw === b.upper.raw && (a.lowerInclusive ? !b.upperInclusive : true)))) {
      above.lower = a.lower;
      above.lowerInclusive = a.lowerInclusive;
    }
    if (!isEmpty(above)) out.push(above);
  }
  return out;
}

/**
 * The values that fall in band `i`: its interval without those of the bands before it, within the
 * values a fact may take (≥ 0 unless 可为负).
 */
export function effectiveIntervals(bands: readonly BandModel[], i: number, signed: boolean): ValueInterval[] {
  const own = bandInterval(bands[i]!);
  let parts: ValueInterval[] = [own];
  if (!signed) parts = parts.flatMap((p) => subtract(p, { upper: { raw: 0, text: "0" }, upperInclusive: false, lowerInclusive: false }));
  for (let j = 0; j < i; j++) {
    const earlier = bandInterval(bands[j]!);
    parts = parts.flatMap((p) => subtract(p, earlier));
  }
  return parts;
}

/** True when two lists of intervals are the same sets as written. */
export function sameIntervals(a: readonly ValueInterval[], b: readonly ValueInterval[]): boolean {
  return a.length === b.length && a.every((x, k) => mathForm(x) === mathForm(b[k]!));
}
