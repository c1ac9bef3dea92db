/** The streaming scorer's fixed text (createScorer), until it moves to runtime/src. */

/**
 * createScorer: scoring one unit at a time, keeping per unit only what ranking and grades need (name,
 * rounded total, vetoes).  Results come out as units are scored (onResult, without rank and grade);
 * finish() ranks them exactly as scoreAll does.  A unit taking a 参照 to a unit not yet seen waits for it.
 */
export const SCORER_API = String.raw`
/** 一级指标在 INDICATOR_IDS 中的位置。 */
const TOP_POSITIONS = [];
catalogue.indicators.reduce((at, m) => { TOP_POSITIONS.push(at); return at + (function size(x) { return 1 + x.children.reduce((a, c) => a + size(c), 0); })(m); }, 0);

/** 能否逐个单位计分（没有按计算得分排名、参照平均分等需要全部单位得分的规则）。 */
export const streamable = STREAMABLE;

/**
 * 逐个单位计分要读几遍事实：1，或 2（有按事实排名、比例、平均分或中位数为基准的规则：先用 survey 把全部单位的事实读一遍，
 * 只留这些规则需要的数，再用 add 计分）。
 */
export const passes = PASSES;

/**
 * 逐个单位计分（用于大文件）：add(units) 检查并计分一批单位，每个单位的结果（不含名次、等次）交给 onResult(序号, 结果)
 * （options.detail 为 false 时不给各级指标的明细，只给一级指标得分 top）；
 * finish() 给出名次与等次：order 为按名次排列的单位序号，rank[k]、grade[k] 为第 k 名位置的名次与等次。
 * passes 为 2 时，先以 survey(units) 分批读完全部单位（第一遍，只取跨单位规则需要的数），再以 add 分批计分（第二遍，单位的顺序相同）。
 * 事实有误时抛出 KpFactsError。结果与 scoreAll 逐字相同。
 */
/**
 * 每个单位一个数的表（Type 为 Float64Array、Uint32Array 等），分块存放（每块 65536 个）：增长时不复制、不留一倍的空位，
 * 大文件时峰值内存不因扩容而跳升。
 */
function kpChunks(Type) {
  const chunks = [];
  return {
    set(k, v) {
      const c = k >>> 16;
      while (chunks.length <= c) chunks.push(new Type(1 << 16));
      chunks[c][k & 0xffff] = v;
    },
    get(k) { return chunks[k >>> 16][k & 0xffff]; },
  };
}

/**
 * 全部单位的名称，紧凑存放（大文件时每个单位只占几十字节、不在垃圾回收的堆上）：名称的 UTF-16 码元接连存于分块的
 * Uint16Array（每块 2^20 个码元，名称可以跨块），第 k 个名称从 at(k) 起到 at(k + 1) 止；开放定址散列表 slot 由名称找序号（查重复）。
 * compare(a, b) 与字符串的 < 比较结果相同（逐个码元）。
 */
function kpNameTable() {
  const chars = [];
  const at = kpChunks(Uint32Array);
  at.set(0, 0);
  let slot = new Int32Array(1 << 11).fill(-1);
  let count = 0;
  let end = 0;
  const ch = (i) => chars[i >>> 20][i & 0xfffff];
  const hash = (s) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashOf = (k) => {
    let h = 0x811c9dc5;
    for (let i = at.get(k), e = at.get(k + 1); i < e; i++) h = Math.imul(h ^ ch(i), 0x01000193);
    return h >>> 0;
  };
  const same = (k, s) => {
    const from = at.get(k);
    if (at.get(k + 1) - from !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (ch(from + i) !== s.charCodeAt(i)) return false;
    return true;
  };
  const place = (k, h) => {
    const mask = slot.length - 1;
    let i = h & mask;
    while (slot[i] !== -1) i = (i + 1) & mask;
    slot[i] = k;
  };
  return {
    get size() { return count; },
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
      const pa = at.get(a), la = at.get(a + 1) - pa, pb = at.get(b), lb = at.get(b + 1) - pb;
      const n = la < lb ? la : lb;
      for (let i = 0; i < n; i++) {
        const d = ch(pa + i) - ch(pb + i);
        if (d !== 0) return d;
      }
      return la - lb;
    },
  };
}

export function createScorer(onResult, options) {
  const detail = !options || options.detail !== false;
  if (!STREAMABLE) throw new Error("本细则有需要全部单位的规则（排名、比例等），请用 scoreAll 计分");
  const X = crossStart();
  let surveyed = false;
  let started = false;
  const R = Object.create(null);
  // 每个单位只留名称（名称表）、舍入后的总分与否决标记（紧凑数组）
  const names = kpNameTable();
  const rounded = kpChunks(Float64Array);
  const vetoed = kpChunks(Uint8Array);
  let waiting = [];
  const takes = (u, r) => (r.flag !== undefined ? u.F[2 * r.flag] === true : u.c[r.unitClass] === true);
  const blocked = (u) => REFERS.some((r) => r.unit !== undefined && R[r.unit] === undefined && takes(u, r));
  const run = (u) => {
    let r;
    try {
      r = runUnit(u, u.index, X, R, false);
    } catch (e) {
      if (e instanceof RangeError && e.message === "KP4018")
        throw new KpFactsError([{ code: "KP4018", message: "计算单位「" + u.name + "」的得分时数值超出可精确计算的范围，请检查事实中过大的数", unit: u.name }]);
      throw e;
    }
    rounded.set(u.index, r.rounded);
    vetoed.set(u.index, (r.V.some((v) => v.level === "fail") ? 1 : 0) | (r.V.some((v) => v.level === "noExcellent") ? 2 : 0));
    const res = {
      unit: u.name,
      classes: u.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const S = new Map();
      const P = new Map();
      INDICATOR_IDS.forEach((id, n) => { S.set(id, r.S[n]); P.set(id, r.P[n]); });
      res.indicators = kpIndicatorTree(catalogue.indicators, S, P);
    } else res.top = TOP_POSITIONS.map((n) => kpFormat(r.S[n]));
    res.bonus = kpFormat(r.bonus);
    res.penalty = kpFormat(r.penalty);
    onResult(u.index, res);
  };
  return {
    has(name) {
      return names.has(name);
    },
    survey(units) {
      if (started) throw new Error("survey 须在 add 之前");
      surveyed = true;
      if (!Array.isArray(units) || units.length === 0) return;
      const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
      if (read.errors.length > 0) throw new KpFactsError(read.errors);
      for (const u of read.units) crossSee(X, u);
    },
    add(units) {
      if (!started) {
        if (PASSES === 2 && !surveyed) throw new Error("本细则有跨单位的规则（排名、比例等），请先用 survey 读一遍全部单位");
        crossEnd(X);
        started = true;
      }
      if (!Array.isArray(units) || units.length === 0) return;
      const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
      const errors = read.errors;
      for (const u of read.units) if (names.has(u.name)) errors.push({ code: "KP4006", message: "单位「" + u.name + "」重复出现", unit: u.name });
      if (errors.length > 0) throw new KpFactsError(errors);
      let named = false;
      for (const u of read.units) {
        u.index = names.add(u.name);
        if (REFERS.some((r) => r.unit === u.name)) { R[u.name] = u; named = true; }
      }
      if (named && waiting.length > 0) {
        const still = [];
        for (const u of waiting) if (blocked(u)) still.push(u); else run(u);
        waiting = still;
      }
      for (const u of read.units) if (blocked(u)) waiting.push(u); else run(u);
    },
    finish() {
      if (!started) {
        crossEnd(X);
        started = true;
      }
      if (waiting.length > 0) {
        const errors = [];
        for (const r of REFERS)
          if (r.unit !== undefined && R[r.unit] === undefined && waiting.some((u) => takes(u, r)))
            errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + (r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」") + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
        throw new KpFactsError(errors);
      }
      const n = names.size;
      if (n === 0) throw new KpFactsError([{ code: "KP4012", message: "事实文件中没有任何单位" }]);
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => rounded.get(b) - rounded.get(a) || names.compare(a, b));
      const rank = new Uint32Array(n);
      const grade = new Array(n);
      let at = 0;
      for (let i = 0; i < n; i++) {
        const k = order[i];
        if (i === 0 || rounded.get(k) !== rounded.get(order[i - 1])) at = i + 1;
        rank[i] = at;
        const V = [];
        if (vetoed.get(k) & 1) V.push({ level: "fail" });
        if (vetoed.get(k) & 2) V.push({ level: "noExcellent" });
        grade[i] = kpGradeOf({ V, rounded: rounded.get(k) }, at, n);
      }
      return { order, rank, grade };
    },
  };
}
`;
