/**
 * How alike two clause texts are: the Dice coefficient of their character bigrams (whitespace
 * ignored).  Chinese has no spaces between words, so characters pairs are the usual unit of
 * comparison; the measure is linear in the texts' length and symmetric.
 */

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, "")];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i]! + chars[i + 1]!;
    out.set(b, (out.get(b) ?? 0) + 1);
  }
  return out;
}

/** 0 (nothing shared) … 1 (the same text, ignoring whitespace). */
export function clauseSimilarity(a: string, b: string): number {
  const x = a.replace(/\s+/g, "");
  const y = b.replace(/\s+/g, "");
  if (x === y) return 1;
  const ba = bigrams(x);
  const bb = bigrams(y);
  let total = 0;
  let shared = 0;
  for (const n of ba.values()) total += n;
  for (const [g, n] of bb) {
    total += n;
    shared += Math.min(n, ba.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
