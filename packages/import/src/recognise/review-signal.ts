// One signal of the review verdict (review.ts): a property of (clause, context, reading) under which a
// written reading is flagged for a reviewer, with a short Chinese reason.
import type { ClauseContext, Recognition } from "./index.js";
import type { ReadingFeatures } from "./reading-features.js";

/**
 * The clause read by its parts alone (the compositional reader, `recogniseByParts`), asked for only by a signal that
 * compares with it: `recognise()` passes the reading its own passes already have (reading the clause again only when
 * none of them did), so the review neither repeats that work nor imports the recogniser.
 */
export type ByParts = () => Recognition;

export interface ReviewSignal {
  /** A short stable name (measured one by one in recognise-review.test.ts). */
  readonly name: string;
  /** How much the signal says about risk (3: the reading likely scores otherwise; 1: a reading to compare): the report's rank. */
  readonly weight: 1 | 2 | 3;
  /**
   * `t` is the normalised clause, `bodies` the reading, `f` its features, `text` the clause verbatim, `byParts` the
   * clause read by its parts alone; the reason in Chinese, or undefined when the signal does not fire.
   */
  readonly check: (t: string, bodies: readonly string[], ctx: ClauseContext, f: ReadingFeatures, text: string, byParts: ByParts) => string | undefined;
}
