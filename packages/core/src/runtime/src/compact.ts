/**
 * Compact per-unit tables for scoring large files one unit at a time: chunked typed arrays and a
 * table of unit names off the garbage-collected heap.  A module part of createScorer's.
 */

/** A table of numbers, one per unit, in chunks of 65,536. */
export interface KpChunked {
  set(k: number, v: number): void;
  get(k: number): number;
}

/** The typed array constructors kpChunks takes. */
type KpTypedArray = Float64Array | Uint32Array | Uint8Array | Uint16Array | Int32Array;

/**
 * 每个单位一个数的表（Type 为 Float64Array、Uint32Array 等），分块存放（每块 65536 个）：增长时不复制、不留一倍的空位，
 * 大文件时峰值内存不因扩容而跳升。
 */
export function kpChunks(Type: new (length: number) => KpTypedArray): KpChunked {
  const chunks: KpTypedArray[] = [];
  return {
    set(k, v) {
      const c = k >>> 16;
      while (chunks.length <= c) chunks.push(new Type(1 << 16));
      chunks[c][k & 0xffff] = v;
    },
    get(k) {
      return chunks[k >>> 16][k & 0xffff];
    },
  };
}

/** The names of all units, compact (see kpNameTable). */
export interface KpNames {
  readonly size: number;
  has(s: string): boolean;
  add(s: string): number;
  compare(a: number, b: number): number;
}

/**
 * 全部单位的名称，紧凑存放（大文件时每个单位只占几十字节、不在垃圾回收的堆上）：名称的 UTF-16 码元接连存于分块的
 * Uint16Array（每块 2^20 个码元，名称可以跨块），第 k 个名称从 at(k) 起到 at(k + 1) 止；开放定址散列表 slot 由名称找序号（查重复）。
 * compare(a, b) 与字符串的 < 比较结果相同（逐个码元）。
 */
export function kpNameTable(): KpNames {
  const chars: Uint16Array[] = [];
  const at = kpChunks(Uint32Array);
  at.set(0, 0);
  let slot = new Int32Array(1 << 11).fill(-1);
  let count = 0;
  let end = 0;
  const ch = (i: number) => chars[i >>> 20][i & 0xfffff];
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashOf = (k: number) => {
    let h = 0x811c9dc5;
    for (let i = at.get(k), e = at.get(k + 1); i < e; i++) h = Math.imul(h ^ ch(i), 0x01000193);
    return h >>> 0;
  };
  const same = (k: number, s: string) => {
    const from = at.get(k);
    if (at.get(k + 1) - from !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (ch(from + i) !== s.charCodeAt(i)) return false;
    return true;
  };
  const place = (k: number, h: number) => {
    const mask = slot.length - 1;
    let i = h & mask;
    while (slot[i] !== -1) i = (i + 1) & mask;
    slot[i] = k;
  };
  return {
    get size() {
      return count;
    },
    has(s) {
      const mask = slot.length - 1;
      for (let i = hash(s) & mask; slot[i] !== -1; i = (i + 1) & mask) if (same(slot[i], s)) return true;
      return false;
    },
    /** 添加一个名称（调用前已确认没有），返回其序号。 */
    add(s) {
      const k = count;
      for (let i = 0; i < s.length; i++, end++) {
        if (end >>> 20 >= chars.length) chars.push(new Uint16Array(1 << 20));
        chars[end >>> 20][end & 0xfffff] = s.charCodeAt(i);
      }
      at.set(k + 1, end);
      count++;
      if (count * 2 > slot.length) {
        slot = new Int32Array(slot.length * 2).fill(-1);
        for (let j = 0; j < count; j++) place(j, hashOf(j));
      } else place(k, hash(s));
      return k;
    },
    compare(a, b) {
      const pa = at.get(a),
        la = at.get(a + 1) - pa,
        pb = at.get(b),
        lb = at.get(b + 1) - pb;
      const n = la < lb ? la : lb;
      for (let i = 0; i < n; i++) {
        const d = ch(pa + i) - ch(pb + i);
        if (d !== 0) return d;
      }
      return la - lb;
    },
  };
}

/**
 * Sorts `list` in place by `cmp`, a bottom-up merge sort through one scratch array of the same size:
 * a typed array's sort with a comparator copies its elements into two heap arrays first (16 MB at a
 * million units, the streaming scorer's largest allocation).  Stable.
 */
export function kpSortIndices(list: Uint32Array, cmp: (a: number, b: number) => number): void {
  const n = list.length;
  let from: Uint32Array = list;
  let to: Uint32Array = new Uint32Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = cmp(from[j], from[i]) < 0 ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== list) list.set(from);
}
