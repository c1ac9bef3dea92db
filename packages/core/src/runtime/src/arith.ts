/**
 * Exact decimal arithmetic on raw decimals (integers counting millionths of a point), and THE one
 * rounding function, kpDivRound.  Part of the runtime every compiled module embeds (../generated.ts):
 * plain functions, no module state, no imports.
 */

/**
 * Integer division n / d, rounding half away from zero.  n and d are safe integers, d ≠ 0.
 */
export function kpDivRound(n: number, d: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0) return q + 0;
  if (2 * Math.abs(r) >= d) return n < 0 ? q - 1 : q + 1;
  return q + 0;
}

/** a × b / c, rounded half away from zero; exact whenever the true result is an integer. */
export function kpMulDiv(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return kpDivRound(p, c);
  let n = BigInt(a) * BigInt(b);
  let d = BigInt(c);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  let q = n / d;
  const ar = r < 0n ? -r : r;
  if (r !== 0n && 2n * ar >= d) q += n < 0n ? -1n : 1n;
  const out = Number(q);
  if (!Number.isSafeInteger(out)) throw new RangeError("KP4018");
  return out;
}

/** The product of two raw decimals. */
export function kpMul(a: number, b: number): number {
  return kpMulDiv(a, b, 1000000);
}

/** a raw decimal times an integer count; throws when the result is not exact. */
export function kpTimes(a: number, n: number): number {
  const p = a * n;
  if (!Number.isSafeInteger(p)) throw new RangeError("KP4018");
  return p;
}

/** The sum of two raw decimals; throws when the result is not exact. */
export function kpAdd(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError("KP4018");
  return s;
}

/** a / b of two raw decimals, rounded at the sixth decimal. */
export function kpDiv(a: number, b: number): number {
  return kpMulDiv(a, 1000000, b);
}

/** Rounds a raw decimal to 'places' decimals (0–6), half away from zero. */
export function kpRound(a: number, places: number): number {
  if (places >= 6) return a;
  const unit = 10 ** (6 - places);
  return kpDivRound(a, unit) * unit;
}

/** Whole steps of a raw ratio, rounded down (floor) or up (ceil); used for 不足一档 modes. */
export function kpSteps(diff: number, step: number, up: boolean): number {
  const r = diff % step;
  const q = (diff - r) / step;
  return r !== 0 && up ? q + 1 : q;
}
