// One signal of the review verdict (review.ts): a property of (clause, context, reading) under which a
// written reading is flagged for a reviewer, with a short Chinese reason.
import type { ClauseContext } from "./index.js";
import type { ReadingFeatures } from "./reading-features.js";

export interface ReviewSignal {
  /** A short stable name (measured one by one in recognise-review.test.ts). */
  readonly name: string;
  /** How much the signal says about risk (3: the reading likely scores otherwise; 1: a reading to compare): the report's rank. */
  readonly weight: 1 | 2 | 3;
  /**
   * `t` is the normalised clause, `bodies` the reading, `f` its features, `text` the clause verbatim; the reason in
   * Chinese, or undefined when the signal does not fire.
   */
  readonly check: (t: string, bodies: readonly string[], ctx: ClauseContext, f: ReadingFeatures, text: string) => string | undefined;
}
