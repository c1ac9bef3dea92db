/** "Did you mean …": the closest candidate to a misspelt name. */

/** Edit distance (Damerau–Levenshtein, optimal string alignment) over code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The candidate closest to `name`, if close enough: at most a third of the longer name's characters
 * differ (at least one), or one contains the other.  Ties go to the earlier candidate.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const n = name.trim();
  if (n === "") return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === n) continue;
    const len = Math.max([...n].length, [...c].length);
    let score = editDistance(n, c);
    if (score > Math.max(1, Math.floor(len / 3))) {
      // 「参会次数」 for 「参会」: a name inside the other is a likely intent.
      if (Math.min([...n].length, [...c].length) >= 2 && (c.includes(n) || n.includes(c))) score = len;
      else continue;
    }
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
