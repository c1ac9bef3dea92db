/**
 * Numbers run together: a range whose dash a copy lost leaves its two ends side by side in one run of
 * digits and points — 「扣0.10.5分」 is 0.1–0.5, 「扣0.21分」 0.2–1, 「视情扣14分」 1–4, 「46名」 places 4–6.
 * Nothing in the run alone says whether it is one amount or two; what this module answers is only the
 * arithmetic of the question: the ways a run's characters cut into two amounts written as amounts are
 * written, the smaller first (as a range is).  When to read such a split back, when to refuse a reading
 * because of it, and when to tolerate it, is each caller's own policy: the importer's lost-dash reword
 * and run-together guard, and lint's clause-mismatch check (issue 13, session 28: one home for what the
 * three of them did separately).
 *
 * Exact: amounts are compared as decimal text, never as binary floating point.
 */

/** An amount as it is written (「0.5」「12」): no leading zero before a digit (「05」), no trailing zero after the point (「0.50」), no bare point (「.5」「1.」). */
const WELL_FORMED = /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** The sign of a − b for two amounts as they are written (exact: by digits, not as floating point). */
function compareWritten(a: string, b: string): number {
  const [ai = "", af = ""] = a.split(".");
  const [bi = "", bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  const places = Math.max(af.length, bf.length);
  const x = ai + af.padEnd(places, "0");
  const y = bi + bf.padEnd(places, "0");
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Every cut of a run of digits and points into two amounts as they are written, the first smaller than
 * the second, in the order of the cut from the left: 「0.21」 → [0.2, 1]; 「0.10.5」 → [0.1, 0.5];
 * 「146」 → [1, 46] (14 | 6 falls); 「1234」 → [1, 234], [12, 34]; 「0.5」「10」「21」 → none.  A cut that leaves
 * either side malformed (「0.10|.5」, 「1|05」) gives no pair.
 */
export function runTogetherSplits(run: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < run.length; i++) {
    const a = run.slice(0, i);
    const b = run.slice(i);
    if (WELL_FORMED.test(a) && WELL_FORMED.test(b) && compareWritten(a, b) < 0) out.push([a, b]);
  }
  return out;
}
