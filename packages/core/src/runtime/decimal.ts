/**
 * Exact decimal arithmetic, typed, for kaoping itself.  The functions are those of the compiled
 * modules' runtime (source.ts), evaluated once here, so the checker, the CLI and every compiled
 * module compute with the very same code.  See source.ts for the representation and the rounding rule.
 */
import { RUNTIME_JS, RUNTIME_NAMES } from "./source.js";

/** Millionths per point: raw = value × SCALE. */
export const SCALE = 1000000;
/** Decimal places kept exactly. */
export const PLACES = 6;

type Fn = (...args: never[]) => unknown;
const rt = new Function(`${RUNTIME_JS}\nreturn { ${RUNTIME_NAMES.join(", ")} };`)() as Record<(typeof RUNTIME_NAMES)[number], Fn>;

/** Integer division n / d rounding half away from zero: THE rounding function. */
export const kpDivRound = rt.kpDivRound as (n: number, d: number) => number;
/** a × b / c, rounded half away from zero; exact whenever the true result is an integer. */
export const kpMulDiv = rt.kpMulDiv as (a: number, b: number, c: number) => number;
/** The product of two raw decimals. */
export const kpMul = rt.kpMul as (a: number, b: number) => number;
/** A raw decimal times an integer; throws RangeError("KP4018") when not exact. */
export const kpTimes = rt.kpTimes as (a: number, n: number) => number;
/** The sum of two raw decimals; throws RangeError("KP4018") when not exact. */
export const kpAdd = rt.kpAdd as (a: number, b: number) => number;
/** a / b of two raw decimals, rounded at the sixth decimal. */
export const kpDiv = rt.kpDiv as (a: number, b: number) => number;
/** Rounds a raw decimal to `places` decimals (0–6), half away from zero. */
export const kpRound = rt.kpRound as (a: number, places: number) => number;
/** Whole steps of diff / step, rounded down, or up with `up`. */
export const kpSteps = rt.kpSteps as (diff: number, step: number, up: boolean) => number;
/** Why a text is not a decimal the runtime can hold exactly ("" when fine): notNumber, tooManyPlaces, tooLarge. */
export const kpDecimalProblem = rt.kpDecimalProblem as (text: string) => string;
/** Parses a decimal text (check it with kpDecimalProblem first) into a raw value. */
export const kpParse = rt.kpParse as (text: string) => number;
/** Full-width digits, point and percent sign → half-width. */
export const kpHalfWidth = rt.kpHalfWidth as (text: string) => string;
/** Formats a raw decimal in its shortest exact form (1.5, 0.05, 4). */
export const kpFormat = rt.kpFormat as (a: number) => string;
/** Formats a raw decimal with exactly `places` decimals. */
export const kpFixed = rt.kpFixed as (a: number, places: number) => string;

/** The runtime object (all functions), for the facts reader. */
export const runtime = rt;
