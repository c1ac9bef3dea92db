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
type KpTypedArray = Float64Array | Uint32Array | Uint8Array | Uint16Array | Int32Array | Int16Array;

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

/**
 * 每个单位一个总分（以百万分之一为单位的整数）的表，分块存放，按值放得下的最窄类型：先以 Int16Array 存总分除以 10000
 * 的商（总分都是 0.01 的整数倍、在 ±327.67 分以内时，每个 2 字节），有一个值放不下时整表改为 Int32Array 存原值
 * （±2147 分以内，4 字节），再放不下时改为 Float64Array（8 字节）；改换时值不变。
 */
export function kpTotals(): KpChunked {
  // 0: Int16 (value / 10000), 1: Int32, 2: Float64
  let tier = 0;
  let chunks: (Int16Array | Int32Array | Float64Array)[] = [];
  const fits = (v: number, t: number) => (t === 0 ? v % 10000 === 0 && ((v / 10000) << 16) >> 16 === v / 10000 : t === 1 ? (v | 0) === v : true);
  const widen = (t: number) => {
    const scale = tier === 0 ? 10000 : 1;
    chunks = chunks.map((c) => {
      const w = t === 1 ? new Int32Array(c.length) : new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) w[i] = c[i] * scale;
      return w;
    });
    tier = t;
  };
  return {
    set(k, v) {
      if (!fits(v, tier)) widen(fits(v, 1) ? 1 : 2);
      const c = k >>> 16;
      while (chunks.length <= c) chunks.push(tier === 0 ? new Int16Array(1 << 16) : tier === 1 ? new Int32Array(1 << 16) : new Float64Array(1 << 16));
      chunks[c][k & 0xffff] = tier === 0 ? v / 10000 : v;
    },
    get(k) {
      const v = chunks[k >>> 16][k & 0xffff];
      return tier === 0 ? v * 10000 : v;
    },
  };
}

/** The names of all units, compact (see kpNameTable). */
export interface KpNames {
  readonly size: number;
  has(s: string): boolean;
  add(s: string): number;
  compare(a: number, b: number): number;
  /** Gives up the lookup table, for other use (has then looks at every name; add rebuilds it; compare is unchanged). */
  release(): Uint32Array;
}

/**
 * 全部单位的名称，紧凑存放（大文件时每个单位只占十几到几十字节、不在垃圾回收的堆上）：名称的 UTF-16 码元逐个编码后接连存于
 * 分块的 Uint8Array（每块 2^20 字节，名称可以跨块），第 k 个名称从 at(k) 起到 at(k + 1) 止。编码：码元 < 0x80 占 1 字节；
 * 0x3000–0xAEFF（汉字、标点等）占 2 字节（首字节 0x80–0xFE）；其余占 3 字节（0xFF 及码元的两个字节）。
 * 开放定址散列表 slot 由名称找序号（查重复；线性探查，至多 3/4 满，满了扩大一半）。compare(a, b) 与字符串的 < 比较结果相同（逐个码元，解码后比较）。
 */
export function kpNameTable(): KpNames {
  const bytes: Uint8Array[] = [];
  const at = kpChunks(Uint32Array);
  at.set(0, 0);
  let slot = new Int32Array(1 << 11).fill(-1);
  let released = false;
  let count = 0;
  let end = 0;
  const byte = (i: number) => bytes[i >>> 20][i & 0xfffff];
  const put = (b: number) => {
    if (end >>> 20 >= bytes.length) bytes.push(new Uint8Array(1 << 20));
    bytes[end >>> 20][end & 0xfffff] = b;
    end++;
  };
  // the code unit at byte i, and where the next one starts (next)
  let next = 0;
  const unitAt = (i: number): number => {
    const b = byte(i);
    if (b < 0x80) {
      next = i + 1;
      return b;
    }
    if (b < 0xff) {
      next = i + 2;
      return (0x3000 + ((b - 0x80) << 8)) | byte(i + 1);
    }
    next = i + 3;
    return (byte(i + 1) << 8) | byte(i + 2);
  };
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashOf = (k: number) => {
    let h = 0x811c9dc5;
    for (let i = at.get(k), e = at.get(k + 1); i < e; i = next) h = Math.imul(h ^ unitAt(i), 0x01000193);
    return h >>> 0;
  };
  const same = (k: number, s: string) => {
    const e = at.get(k + 1);
    let i = at.get(k);
    // every code unit takes 1 to 3 bytes
    if (e - i < s.length || e - i > 3 * s.length) return false;
    for (let j = 0; j < s.length; j++, i = next) if (i >= e || unitAt(i) !== s.charCodeAt(j)) return false;
    return i === e;
  };
  // linear probing from h mod the table's size (not a power of two: it grows by half, at most 3/4 full)
  const place = (k: number, h: number) => {
    const size = slot.length;
    let i = h % size;
    while (slot[i] !== -1) i = i + 1 === size ? 0 : i + 1;
    slot[i] = k;
  };
  return {
    get size() {
      return count;
    },
    has(s) {
      // (after release: every name looked at; a new name rebuilds the table)
      if (released) {
        for (let k = 0; k < count; k++) if (same(k, s)) return true;
        return false;
      }
      const size = slot.length;
      for (let i = hash(s) % size; slot[i] !== -1; i = i + 1 === size ? 0 : i + 1) if (same(slot[i], s)) return true;
      return false;
    },
    /** 添加一个名称（调用前已确认没有），返回其序号。 */
    add(s) {
      const k = count;
      released = false;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) put(c);
        else if (c >= 0x3000 && c < 0xaf00) {
          put(0x80 + ((c - 0x3000) >>> 8));
          put(c & 0xff);
        } else {
          put(0xff);
          put(c >>> 8);
          put(c & 0xff);
        }
      }
      at.set(k + 1, end);
      count++;
      if (count * 4 > slot.length * 3) {
        // (after release the table is tiny: it grows to what the names need at once)
        slot = new Int32Array(Math.max(Math.ceil(slot.length * 1.5), Math.ceil((count * 4) / 3) + 1)).fill(-1);
        for (let j = 0; j < count; j++) place(j, hashOf(j));
      } else place(k, hash(s));
      return k;
    },
    release() {
      const table = new Uint32Array(slot.buffer, 0, slot.length);
      slot = new Int32Array(1).fill(-1);
      released = true;
      return table;
    },
    compare(a, b) {
      let i = at.get(a);
      let j = at.get(b);
      const ea = at.get(a + 1);
      const eb = at.get(b + 1);
      while (i < ea && j < eb) {
        const x = unitAt(i);
        i = next;
        const y = unitAt(j);
        j = next;
        if (x !== y) return x - y;
      }
      return (i < ea ? 1 : 0) - (j < eb ? 1 : 0);
    },
  };
}

/**
 * Sorts `list` in place by `cmp`, a total order (no two of its numbers compare equal — the ranking's:
 * by total, then by the unit's name, which is unique), with no scratch memory: heapsort (a typed
 * array's sort with a comparator copies its elements into two heap arrays first, 16 MB at a million
 * units; a merge sort needs a scratch array as large as the list).
 */
export function kpHeapSort(list: Uint32Array, cmp: (a: number, b: number) => number): void {
  const n = list.length;
  const sift = (start: number, end: number) => {
    let root = start;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= end) return;
      if (child + 1 < end && cmp(list[child], list[child + 1]) < 0) child++;
      if (cmp(list[root], list[child]) >= 0) return;
      const t = list[root];
      list[root] = list[child];
      list[child] = t;
      root = child;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) sift(i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = list[0];
    list[0] = list[end];
    list[end] = t;
    sift(0, end);
  }
}
