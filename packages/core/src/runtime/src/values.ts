/**
 * A growable list of numbers, one per unit, off the garbage-collected heap: the values a ranking by a
 * fact or a median base gathers across units; a value's place among them.  A module part: included
 * when a catalogue has a ranking or a median base.
 */

/** A growable table of numbers; sorted() ends it. */
export interface KpValueList {
  push(v: number): void;
  sorted(): Float64Array;
}

/** 可增长的数值表（每个单位一个数）：push 添加，sorted() 给出从小到大排好的 Float64Array。 */
export function kpValues(): KpValueList {
  let a = new Float64Array(1 << 10);
  let n = 0;
  return {
    push(v) {
      if (n === a.length) {
        const more = new Float64Array(a.length * 2);
        more.set(a);
        a = more;
      }
      a[n++] = v;
    },
    sorted() {
      return a.slice(0, n).sort();
    },
  };
}

/**
 * 名次：1 + 严格优于 v 的个数（并列取较好名次，下一名次空出：1、1、3）；sorted 从小到大，二分查找。
 * lowerIsBetter：数值越小越好。
 */
export function kpRank(sorted: ArrayLike<number>, v: number, lowerIsBetter: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  if (lowerIsBetter) {
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sorted[m]! < v) lo = m + 1;
      else hi = m;
    }
    return lo + 1;
  }
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! <= v) lo = m + 1;
    else hi = m;
  }
  return sorted.length - lo + 1;
}
