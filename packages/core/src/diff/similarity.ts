/**
 * How alike two clause texts are: the Dice coefficient of their character bigrams (whitespace
 * ignored).  Chinese has no spaces between words, so character pairs are the usual unit of
 * comparison; the measure is linear in the texts' length and symmetric.  A text's bigrams are
 * counted once (`clauseProfile`) when it is compared with many others.
 */

/** A text's character bigrams with their counts. */
export interface ClauseProfile {
  text: string;
  bigrams: Map<string, number>;
  total: number;
}

export function clauseProfile(text: string): ClauseProfile {
  const compact = text.replace(/\s+/g, "");
  const chars = [...compact];
  const bigrams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
  }
  return { text: compact, bigrams, total: Math.max(0, chars.length - 1) };
}

/** 0 (nothing shared) … 1 (the same text, ignoring whitespace), from two profiles. */
export function profileSimilarity(a: ClauseProfile, b: ClauseProfile): number {
  if (a.text === b.text) return 1;
  const total = a.total + b.total;
  if (total === 0) return 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a.bigrams, b.bigrams] : [b.bigrams, a.bigrams];
  let shared = 0;
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / total;
}

/** 0 (nothing shared) … 1 (the same text, ignoring whitespace). */
export function clauseSimilarity(a: string, b: string): number {
  return profileSimilarity(clauseProfile(a), clauseProfile(b));
}
