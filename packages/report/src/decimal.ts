/**
 * Exact decimal strings as the scoring module prints them ("49.93", "-0.5", "0"): their number of
 * decimals, an exact integer form for sums and comparisons (millionths, as the runtime counts), and
 * the one guarded conversion to an Excel number.  No score is ever parsed as a binary float to be
 * computed with.
 */

const DECIMAL = /^-?\d+(\.\d{1,6})?$/;

/** Decimals a score string has ("14.84" → 2, "4" → 0). */
export function decimalsOf(s: string): number {
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A score as an exact integer of millionths (BigInt: sums of 20,000 units never lose a digit). */
export function toMillionths(s: string): bigint {
  if (!DECIMAL.test(s)) throw new Error(`internal: not a score decimal: ${JSON.stringify(s)}`);
  const neg = s.startsWith("-");
  const [int, frac = ""] = (neg ? s.slice(1) : s).split(".");
  const v = BigInt(int!) * 1_000_000n + BigInt((frac + "000000").slice(0, 6));
  return neg ? -v : v;
}

/** Millionths back to the shortest decimal string ("1.500000" → "1.5"). */
export function fromMillionths(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const int = a / 1_000_000n;
  const frac = (a % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${int}${frac ? "." + frac : ""}`;
}

/** Sum of score strings, exactly. */
export function sumDecimals(list: readonly string[]): string {
  let t = 0n;
  for (const s of list) t += toMillionths(s);
  return fromMillionths(t);
}

/** A decimal without trailing zeros after its point ("48.00" → "48", "0.50" → "0.5"). */
export function canonical(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/**
 * A score as the number exceljs is given.  exceljs writes a number's shortest round-trip text,
 * which for a decimal of at most 15 significant digits is the decimal itself without trailing
 * zeros; this is checked, so a cell never holds another number than `kp score` prints (excel.ts
 * then writes the very text, trailing zeros included).
 */
export function excelNumber(s: string): number {
  const n = Number(s);
  if (!DECIMAL.test(s) || String(n) !== canonical(s)) throw new Error(`internal: score ${JSON.stringify(s)} cannot be stored exactly as an Excel number`);
  return n;
}

/** Excel's number format that shows exactly the digits of `s` ("0.00" for "14.84"). */
export function numberFormat(s: string): string {
  const d = decimalsOf(s);
  return d === 0 ? "0" : "0." + "0".repeat(d);
}
