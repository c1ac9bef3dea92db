/**
 * Compact per-unit tables for scoring large files one unit at a time: chunked typed arrays and a
 * table of unit names off the garbage-collected heap.  A module part of createScorer's.
 */

/** A table of numbers, one per unit, in chunks of 65,536. */
export interface KpChunked {
  set(k: number, v: number): void;
  get(k: number): number;
  /** Frees every chunk (every number is 0 again). */
  clear(): void;
}

/** The typed array constructors kpChunks takes. */
type KpTypedArray = Float64Array | Uint32Array | Uint8Array | Uint16Array | Int32Array | Int16Array;

/**
 * 每个单位一个数的表（Type 为 Float64Array、Uint32Array 等），分块存放（每块 65536 个）：增长时不复制、不留一倍的空位，
 * 大文件时峰值内存不因扩容而跳升。
 */
export function kpChunks(Type: new (length: number) => KpTypedArray): KpChunked {
  let chunks: KpTypedArray[] = [];
  return {
    set(k, v) {
      const c = k >>> 16;
      while (chunks.length <= c) chunks.push(new Type(1 << 16));
      chunks[c][k & 0xffff] = v;
    },
    get(k) {
      // (0 where nothing was set in the chunk yet)
      const c = chunks[k >>> 16];
      return c === undefined ? 0 : c[k & 0xffff];
    },
    clear() {
      chunks = [];
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
    clear() {
      chunks = [];
      tier = 0;
    },
  };
}

/** The names of all units, compact (see kpNameTable). */
export interface KpNames {
  readonly size: number;
  /** The bytes the names take (their groups' offsets and the lookup table aside). */
  readonly bytes: number;
  has(s: string): boolean;
  add(s: string): number;
  compare(a: number, b: number): number;
  /** The k-th name, as a string. */
  name(k: number): string;
  /** Gives up the lookup table, for other use (has then looks at every name; add rebuilds it; compare is unchanged). */
  release(): Uint32Array;
  /** Frees every name (the table is empty after it). */
  clear(): void;
}

/**
 * 全部单位的名称，紧凑存放（大文件时每个单位只占几个字节、不在垃圾回收的堆上）。名称每 32 个一组（组内前缀压缩）：
 * 每个名称记为「与前一名称相同的前缀长度、其余码元个数」（合占一字节，各 4 位；
 * 为 15 时其后另有 7 位一字节的变长整数记超出 15 的部分；组内第一个名称前缀为 0）与其余的 UTF-16 码元，逐个编码后接连存于分块的 Uint8Array（每块 2^20 字节，可以跨块）；只记每组的起点（每 32 个名称 4 字节）。
 * 码元的编码：< 0x80 占 1 字节；0x3000–0xAEFF（汉字、标点等）占 2 字节（首字节 0x80–0xFE）；其余占 3 字节（0xFF 及码元的两个字节）。
 * 「县区046378-1」接在「县区046377-1」之后只占 4 字节（前缀 7、其余 3 个码元「8-1」）。
 * 开放定址散列表 slot 由名称找序号（查重复；线性探查，至多 3/4 满，满了扩大一半），每格的高位另存名称散列值的几位，
 * 不同的名称多半不必解码即可排除；散列值相同时逐个码元比较名称本身（查重复是精确的）。
 * compare(a, b) 与字符串的 < 比较结果相同（逐个码元，解码后比较）。
 */
export function kpNameTable(): KpNames {
  const GROUP = 5; // 32 names a group
  let bytes: Uint8Array[] = [];
  let groupAt = kpChunks(Uint32Array);
  let slot: Int32Array = new Int32Array(1 << 11).fill(-1);
  // the slot's low `indexBits` bits hold a name's number, the bits above (up to bit 30) some of its hash's top bits
  let indexBits = 32 - Math.clz32(slot.length);
  let released = false;
  let count = 0;
  let end = 0;
  let previous = "";
  const byte = (i: number) => bytes[i >>> 20][i & 0xfffff];
  const put = (b: number) => {
    if (end >>> 20 >= bytes.length) bytes.push(new Uint8Array(1 << 20));
    bytes[end >>> 20][end & 0xfffff] = b;
    end++;
  };
  const putNumber = (x: number) => {
    while (x >= 0x80) {
      put((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    put(x);
  };
  interface Cursor {
    k: number;
    at: number;
    length: number;
    units: Uint16Array;
  }
  // A decoder: the name numbered k in units[0 … length), and the byte after it (at); names are decoded
  // from their group's first, or on from the one decoded last when it is before them in the group.
  const cursor = (): Cursor => ({ k: -1, at: 0, length: 0, units: new Uint16Array(64) });
  const a = cursor();
  const b = cursor();
  const numberAt = (c: Cursor) => {
    let x = 0;
    for (let shift = 0; ; shift += 7) {
      const v = byte(c.at++);
      x += (v & 0x7f) * 2 ** shift;
      if (v < 0x80) return x;
    }
  };
  const seek = (c: Cursor, k: number) => {
    if (c.k > k || c.k < 0 || c.k >>> GROUP !== k >>> GROUP) {
      c.k = ((k >>> GROUP) << GROUP) - 1;
      c.at = groupAt.get(k >>> GROUP);
    }
    while (c.k < k) {
      const both = byte(c.at++);
      let prefix = both >>> 4;
      if (prefix === 15) prefix += numberAt(c);
      let rest = both & 15;
      if (rest === 15) rest += numberAt(c);
      if (c.units.length < prefix + rest) {
        const grown = new Uint16Array(Math.max(prefix + rest, 2 * c.units.length));
        grown.set(c.units.subarray(0, prefix));
        c.units = grown;
      }
      let i = c.at;
      const units = c.units;
      for (let j = prefix, e = prefix + rest; j < e; j++) {
        const x = byte(i);
        if (x < 0x80) {
          units[j] = x;
          i += 1;
        } else if (x < 0xff) {
          units[j] = (0x3000 + ((x - 0x80) << 8)) | byte(i + 1);
          i += 2;
        } else {
          units[j] = (byte(i + 1) << 8) | byte(i + 2);
          i += 3;
        }
      }
      c.at = i;
      c.length = prefix + rest;
      c.k++;
    }
    return c;
  };
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashOf = (k: number) => {
    const c = seek(a, k);
    let h = 0x811c9dc5;
    for (let i = 0; i < c.length; i++) h = Math.imul(h ^ c.units[i], 0x01000193);
    return h >>> 0;
  };
  const same = (k: number, s: string) => {
    const c = seek(a, k);
    if (c.length !== s.length) return false;
    for (let j = 0; j < s.length; j++) if (c.units[j] !== s.charCodeAt(j)) return false;
    return true;
  };
  type KpGrowable = ArrayBuffer & { resizable?: boolean; maxByteLength?: number; resize?(bytes: number): void };
  // A large lookup table grows in place, in one resizable ArrayBuffer (ES2024; an engine without them
  // gives a fixed one): a new table at each growth and the old one freed had glibc's allocator raise its
  // mmap threshold to the freed table's size, and every later buffer below it came from its heap, whose
  // freed space stays resident — ~10 MB more at a million units than at 100,000.
  const tableOf = (entries: number): Int32Array => {
    const old = slot.buffer as KpGrowable;
    if (old.resizable === true && (old.maxByteLength ?? 0) >= 4 * entries && old.resize)
      try {
        old.resize(4 * entries);
        return new Int32Array(old, 0, entries).fill(-1);
      } catch {
        // (the memory could not be committed in place: a new table below)
      }
    if (entries >= 1 << 16)
      try {
        const Growable = ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer;
        return new Int32Array(new Growable(4 * entries, { maxByteLength: 2 ** 31 }), 0, entries).fill(-1);
      } catch {
        // (too large to reserve: a fixed one)
      }
    return new Int32Array(entries).fill(-1);
  };
  const mark = (h: number) => (indexBits >= 31 ? 0 : h >>> (32 - (31 - indexBits)));
  // linear probing from h mod the table's size (not a power of two: it grows by half, at most 3/4 full)
  const place = (k: number, h: number) => {
    const size = slot.length;
    let i = h % size;
    while (slot[i] !== -1) i = i + 1 === size ? 0 : i + 1;
    slot[i] = k + mark(h) * 2 ** indexBits;
  };
  return {
    get size() {
      return count;
    },
    get bytes() {
      return end;
    },
    has(s) {
      // (after release: every name looked at; a new name rebuilds the table)
      if (released) {
        for (let k = 0; k < count; k++) if (same(k, s)) return true;
        return false;
      }
      const size = slot.length;
      const h = hash(s);
      const m = mark(h);
      const low = 2 ** indexBits - 1;
      for (let i = h % size; slot[i] !== -1; i = i + 1 === size ? 0 : i + 1) {
        const v = slot[i];
        if (v >>> indexBits === m && same(v & low, s)) return true;
      }
      return false;
    },
    /** 添加一个名称（调用前已确认没有），返回其序号。 */
    add(s) {
      const k = count;
      released = false;
      let prefix = 0;
      if ((k & ((1 << GROUP) - 1)) === 0) groupAt.set(k >>> GROUP, end);
      else while (prefix < s.length && prefix < previous.length && s.charCodeAt(prefix) === previous.charCodeAt(prefix)) prefix++;
      const rest = s.length - prefix;
      put((Math.min(prefix, 15) << 4) | Math.min(rest, 15));
      if (prefix >= 15) putNumber(prefix - 15);
      if (rest >= 15) putNumber(rest - 15);
      for (let i = prefix; i < s.length; i++) {
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
      previous = s;
      count++;
      if (count * 4 > slot.length * 3) {
        // (after release the table is tiny: it grows to what the names need at once)
        slot = tableOf(Math.max(Math.ceil(slot.length * 1.5), Math.ceil((count * 4) / 3) + 1));
        indexBits = 32 - Math.clz32(slot.length);
        for (let j = 0; j < count; j++) place(j, hashOf(j));
      } else place(k, hash(s));
      return k;
    },
    release() {
      const table = new Uint32Array(slot.buffer, 0, slot.length);
      slot = new Int32Array(1).fill(-1);
      indexBits = 1;
      released = true;
      return table;
    },
    compare(x, y) {
      const p = seek(a, x);
      const q = seek(b, y);
      const n = Math.min(p.length, q.length);
      for (let i = 0; i < n; i++) if (p.units[i] !== q.units[i]) return p.units[i] - q.units[i];
      return p.length - q.length;
    },
    name(k) {
      const c = seek(a, k);
      let s = "";
      for (let i = 0; i < c.length; i += 4096) s += String.fromCharCode(...c.units.subarray(i, Math.min(c.length, i + 4096)));
      return s;
    },
    clear() {
      bytes = [];
      groupAt = kpChunks(Uint32Array);
      slot = new Int32Array(1 << 11).fill(-1);
      indexBits = 32 - Math.clz32(slot.length);
      released = false;
      count = 0;
      end = 0;
      previous = "";
      a.k = b.k = -1;
    },
  };
}

/**
 * Puts `order` (sorted by total, places of equal totals in any order) in the ranking's order: each run
 * of places with equal totals (`tie(x, y)`: units x and y have the same total) sorted by the units'
 * names as the string `<` does.  A run is sorted as strings 65,536 names at a time; a longer run's
 * sorted pieces are then merged (each piece's next name as a string) into a scratch array of its length.
 */
export function kpSortTies(order: Uint32Array, tie: (x: number, y: number) => boolean, names: KpNames): void {
  const PIECE = 1 << 16;
  const n = order.length;
  const byName = (x: { name: string }, y: { name: string }) => (x.name < y.name ? -1 : 1);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && tie(order[i], order[j])) j++;
    for (let p = i; j - i > 1 && p < j; p += PIECE) {
      const e = Math.min(j, p + PIECE);
      const piece: { name: string; k: number }[] = [];
      for (let t = p; t < e; t++) piece.push({ name: names.name(order[t]), k: order[t] });
      // (names are unique: never equal)
      piece.sort(byName);
      for (let t = p; t < e; t++) order[t] = piece[t - p].k;
    }
    if (j - i > PIECE) {
      // merge the pieces: each one's next place (at), its end, and its next name (null: none left)
      const at: number[] = [];
      const ends: number[] = [];
      const heads: (string | null)[] = [];
      for (let p = i; p < j; p += PIECE) {
        at.push(p);
        ends.push(Math.min(j, p + PIECE));
        heads.push(names.name(order[p]));
      }
      const merged = new Uint32Array(j - i);
      for (let t = 0; t < merged.length; t++) {
        let best = -1;
        for (let c = 0; c < heads.length; c++) {
          const h = heads[c];
          if (h !== null && (best < 0 || h < (heads[best] as string))) best = c;
        }
        merged[t] = order[at[best]];
        at[best]++;
        heads[best] = at[best] < ends[best] ? names.name(order[at[best]]) : null;
      }
      order.set(merged, i);
    }
    i = j;
  }
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
