/**
 * Exact decimal arithmetic, typed, for kaoping itself: the runtime's own functions (src/arith.ts,
 * src/text.ts), so the checker, the CLI and every compiled module (which embeds their generated
 * JavaScript, generated.ts) compute with the very same code.
 *
 * Values are "raw" decimals: integers counting millionths of a point (0.05 → 50000).  Integers below
 * 2^53 are exact in a JavaScript number, so sums, comparisons and count × amount are exact and as fast
 * as floating point; a product of two decimals or a quotient goes through kpDivRound, with a BigInt
 * fallback when an intermediate product leaves the safe range.  A result that does not fit throws
 * RangeError("KP4018"), never a wrong number.
 *
 * THE rounding function is kpDivRound: integer division rounding half away from zero (四舍五入:
 * 2.345 → 2.35, −2.345 → −2.35).  It is used (a) where a catalogue says 舍入 保留 n 位, for totals,
 * and (b) where a division cannot be exact (proportional and rate scores, 按比例 steps), at the sixth
 * decimal.  Nothing else ever rounds.
 */

/** Millionths per point: raw = value × SCALE. */
export const SCALE = 1000000;
/** Decimal places kept exactly. */
export const PLACES = 6;

export { kpAdd, kpDiv, kpDivRound, kpMul, kpMulDiv, kpRound, kpSteps, kpTimes } from "./src/arith.js";
export { kpDecimalProblem, kpFixed, kpFormat, kpHalfWidth, kpParse } from "./src/text.js";
