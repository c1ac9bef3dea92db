/**
 * Exact decimal text for the importer's arithmetic on points and amounts — the structure's sums of an item's
 * children and 合计 rows, the writer's total, the recogniser's sums of parts, shares of the points, differences and
 * order of two amounts: scaled integers, never binary floating point (a point is a score). One module for the whole
 * package (session 26: the structure's millionths helpers merged here).
 */

/** Decimal text without leading zeros or trailing fractional zeros (「05」 → 5, 「2.50」 → 2.5). */
export function canon(s: string): string {
  if (!/\./.test(s)) return s.replace(/^0+(?=\d)/, "");
  return s.replace(/^0+(?=\d)/, "").replace(/0+$/, "").replace(/\.$/, "");
}

/** The exact sum of decimal texts, as canonical decimal text (scaled integers: no binary floating point). */
export function decimalSum(values: readonly string[]): string {
  const places = Math.max(0, ...values.map((v) => (v.split(".")[1] ?? "").length));
  const scaled = (v: string): bigint => {
    const [int, frac = ""] = v.split(".");
    return BigInt(`${int}${frac.padEnd(places, "0")}`);
  };
  const total = values.reduce((a, v) => a + scaled(v), 0n).toString().padStart(places + 1, "0");
  return places === 0 ? total : canon(`${total.slice(0, total.length - places)}.${total.slice(total.length - places)}`);
}

/** The places after the point of the longer of two decimal texts. */
const placesOf = (a: string, b: string): number => Math.max((a.split(".")[1] ?? "").length, (b.split(".")[1] ?? "").length);

/** A non-negative decimal text as an integer of `places` decimal places. */
function scaled(v: string, places: number): bigint {
  const [int, frac = ""] = v.split(".");
  return BigInt(`${int}${frac.padEnd(places, "0")}`);
}

/** The sign of a − b for two non-negative decimal texts (exact). */
export function decimalCompare(a: string, b: string): number {
  const places = placesOf(a, b);
  const d = scaled(a, places) - scaled(b, places);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a − b for decimal texts with a ≥ b (exact). */
export function decimalDifference(a: string, b: string): string {
  const places = placesOf(a, b);
  const d = (scaled(a, places) - scaled(b, places)).toString().padStart(places + 1, "0");
  return places === 0 ? d : canon(`${d.slice(0, d.length - places)}.${d.slice(d.length - places)}`);
}

/** P × K / 100 as exact decimal text (no binary floating point: a cap is a score), or undefined. */
export function shareOf(points: string, percent: string): string | undefined {
  const scale = (x: string): [bigint, number] | undefined => {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(x);
    return m ? [BigInt(m[1]! + (m[2] ?? "")), (m[2] ?? "").length] : undefined;
  };
  const a = scale(points);
  const b = scale(percent);
  if (!a || !b) return undefined;
  // a × b / 10^(da+db) / 100: an exact decimal (a finite product over a power of ten)
  const digits = a[1] + b[1] + 2;
  const raw = (a[0] * b[0]).toString().padStart(digits + 1, "0");
  const text = `${raw.slice(0, raw.length - digits)}.${raw.slice(raw.length - digits)}`.replace(/\.?0+$/, "");
  return text === "" ? "0" : text;
}

/** a ÷ n as exact decimal text when it terminates within 6 places (语言参考 §10: results to 6 places), else undefined. */
export function exactQuotient(a: string, n: string): string | undefined {
  if (!/^\d+$/.test(n) || n === "0") return undefined;
  const [int, frac = ""] = a.split(".");
  const scaled = BigInt(`${int}${frac}`) * 10n ** 6n;
  const d = BigInt(n);
  if (scaled % d !== 0n) return undefined;
  const q = (scaled / d).toString().padStart(frac.length + 7, "0");
  const places = frac.length + 6;
  return canon(`${q.slice(0, q.length - places)}.${q.slice(q.length - places)}`);
}
