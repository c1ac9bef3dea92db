/**
 * A growable list of numbers, one per unit, off the garbage-collected heap: the values a ranking by a
 * fact or a median base gathers across units.  A module part: included when a catalogue has one.
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
