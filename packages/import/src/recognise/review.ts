// The review verdict (issue 13, session 28): a written reading the recogniser is not sure of is flagged for
// a reviewer, each reason a short Chinese sentence. The reading stays written — only what no guard could
// refuse is here — so a reviewer checks the few risky readings first. Every signal is a property of (clause,
// context, reading) stated in one sentence (review-*.ts); measured in recognise-review.test.ts (the recorded
// wrong readings of the fresh sets it catches, the correct readings it flags) and test/corpus/README.md
// (「Session 28: readings flagged for review」).
import type { ClauseContext, Recognition } from "./index.js";
import { normalise } from "./normalise.js";
import { readingFeatures } from "./reading-features.js";
import type { ByParts, ReviewSignal } from "./review-signal.js";
import { NUMBER_SIGNALS } from "./review-numbers.js";
import { COUNTING_SIGNALS } from "./review-counting.js";
import { OUTCOME_SIGNALS } from "./review-outcomes.js";
import { DIRECTION_SIGNALS } from "./review-direction.js";
import { WORD_SIGNALS } from "./review-words.js";
import { READER_SIGNALS } from "./review-readers.js";
import { PROVENANCE_SIGNALS } from "./review-provenance.js";

/** Every signal, in the order their reasons are given when their weights are equal. */
export const REVIEW_SIGNALS: readonly ReviewSignal[] = [...DIRECTION_SIGNALS, ...OUTCOME_SIGNALS, ...COUNTING_SIGNALS, ...NUMBER_SIGNALS, ...WORD_SIGNALS, ...PROVENANCE_SIGNALS, ...READER_SIGNALS];

/** One signal that fired on a reading. */
export interface ReviewFinding {
  readonly name: string;
  readonly weight: number;
  readonly reason: string;
}

/**
 * The signals that fire on the reading `bodies` of the clause `text` (verbatim), heaviest first; `byParts` gives the
 * clause read by its parts alone (called at most once, and only if a signal asks).
 */
export function reviewFindings(text: string, bodies: readonly string[], ctx: ClauseContext, byParts: ByParts): ReviewFinding[] {
  const t = normalise(text);
  const f = readingFeatures(bodies);
  let parts: Recognition | undefined;
  const once: ByParts = () => (parts ??= byParts());
  const out: ReviewFinding[] = [];
  for (const s of REVIEW_SIGNALS) {
    const reason = s.check(t, bodies, ctx, f, text, once);
    if (reason !== undefined) out.push({ name: s.name, weight: s.weight, reason });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** How risky a flagged reading is: the weights of its signals summed (the import report's order, riskiest first). */
export function reviewRisk(findings: readonly { readonly weight: number }[]): number {
  return findings.reduce((n, x) => n + x.weight, 0);
}

/** The recognition with its review verdict: a reading some signal fires on carries the reasons (`review`) and their risk. */
export function withReview(r: Recognition, text: string, ctx: ClauseContext, byParts: ByParts): Recognition {
  if (r.kind !== "rules") return r;
  const findings = reviewFindings(text, r.bodies, ctx, byParts);
  return findings.length === 0 ? r : { ...r, review: findings.map((x) => x.reason), reviewRisk: reviewRisk(findings) };
}
