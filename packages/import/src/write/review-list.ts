// The readings flagged for review (recognise/review.ts, KP5059) as the import report lists them: one entry per
// clause (a clause of several rules is one reading), the riskiest first — the weights of its signals summed, then
// the number of reasons — and in the document's order among equals.
import type { ClauseOutcome } from "./kp.js";

export interface FlaggedReading {
  readonly outcome: ClauseOutcome;
  /** The rule bodies written for the clause. */
  readonly bodies: readonly string[];
  readonly reasons: readonly string[];
  readonly risk: number;
}

export function flaggedReadings(clauses: readonly ClauseOutcome[]): FlaggedReading[] {
  const seen = new Set<ClauseOutcome["recognition"]>();
  const out: FlaggedReading[] = [];
  for (const c of clauses) {
    const r = c.recognition;
    if (r.kind !== "rules" || r.review === undefined || r.review.length === 0 || seen.has(r)) continue;
    seen.add(r);
    out.push({ outcome: c, bodies: r.bodies, reasons: r.review, risk: r.reviewRisk ?? r.review.length });
  }
  // Array.prototype.sort is stable: equals keep the document's order
  return out.sort((a, b) => b.risk - a.risk || b.reasons.length - a.reasons.length);
}
