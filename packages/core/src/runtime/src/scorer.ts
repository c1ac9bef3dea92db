/**
 * createScorer: scoring one unit at a time, keeping per unit only what ranking and grades need (name,
 * rounded total, vetoes).  Results come out as units are scored (onResult, without rank and grade);
 * finish() ranks them exactly as scoreAll does.  A unit taking a 参照 to a unit not yet seen waits for
 * it.  A module part every compiled module includes (last).
 */

import { kpReadUnits, type FactError } from "./read-units.js";
import { kpFixed, kpFormat } from "./text.js";
import { KpFactsError, kpGradeOf, kpIndicatorTree, kpRunUnit, kpScoresOf, type KpUnitResult } from "./api.js";
import { kpChunks, kpHeapSort, kpNameTable, kpSortTies, kpTotals } from "./compact.js";
import { CLASSES, FACTS, GRADES, PASSES, REFERS, ROUNDING, RULE_NAMES, STREAMABLE, catalogue, crossEnd, crossSee, crossStart, type KpIndicatorMeta, type KpRefer, type KpUnit, type KpVeto } from "./module-env.js";

/** A result of createScorer (no rank, grade or trace; with detail false, top: the first-level indicators' scores). */
export type KpStreamResult = Omit<KpUnitResult, "rank" | "grade" | "trace"> & { top?: string[] };

/**
 * What finish() gives: units by place (order); whether each place's total is the previous place's (bit
 * k of tied: the same rank, else rank k + 1); each place's grade (an index into grades).
 */
export interface KpRanking {
  order: Uint32Array;
  tied: Uint8Array;
  gradeIndex: Uint8Array | Uint16Array;
  grades: (string | null)[];
}

/** The scorer createScorer returns. */
export interface KpScorer {
  /** The units other units' scores are taken from (参照 to a named unit). */
  references: string[];
  has(name: string): boolean;
  survey(units: unknown): void;
  add(units: unknown): void;
  finish(): KpRanking;
}

/** The positions of the first-level indicators among all (depth first). */
export function kpTopPositions(list: KpIndicatorMeta[]): number[] {
  const out: number[] = [];
  const size = (x: KpIndicatorMeta): number => 1 + x.children.reduce((a, c) => a + size(c), 0);
  list.reduce((at, m) => {
    out.push(at);
    return at + size(m);
  }, 0);
  return out;
}

/** 一级指标在 INDICATOR_IDS 中的位置。 */
const TOP_POSITIONS = kpTopPositions(catalogue.indicators);

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
 * finish() 给出名次与等次：order 为按名次排列的单位序号；tied 的第 k 位为 1 时第 k 个位置与前一位置同分同名次，否则名次为 k + 1；
 * grades[gradeIndex[k]] 为其等次（没有等次为 null）。
 * passes 为 2 时，先以 survey(units) 分批读完全部单位（第一遍，只取跨单位规则需要的数），再以 add 分批计分（第二遍，单位的顺序相同）。
 * 事实有误时抛出 KpFactsError。结果与 scoreAll 逐字相同。finish() 之后各表即释放，不能再 add。
 */
export function createScorer(onResult: (index: number, result: KpStreamResult) => void, options?: { detail?: boolean; read?: typeof kpReadUnits }): KpScorer {
  const detail = !options || options.detail !== false;
  // options.read (kp score streaming a table): reads a batch instead of kpReadUnits, same arguments and result
  const readUnits = options && typeof options.read === "function" ? options.read : kpReadUnits;
  if (!STREAMABLE) throw new Error("本细则有需要全部单位的规则（排名、比例等），请用 scoreAll 计分");
  const X = crossStart();
  let surveyed = false;
  let started = false;
  let finished = false;
  const R: Record<string, KpUnit> = Object.create(null);
  // 每个单位只留名称（名称表）、舍入后的总分与否决标记（紧凑数组）
  const names = kpNameTable();
  const rounded = kpTotals();
  // (veto levels: two bits a unit, four units a byte; each unit's are set once)
  const vetoed = kpChunks(Uint8Array);
  let waiting: KpUnit[] = [];
  const takes = (u: KpUnit, r: KpRefer) => (r.flag !== undefined ? u.F[2 * r.flag] === true : r.unitClass !== undefined && u.c[r.unitClass] === true);
  const blocked = (u: KpUnit) => REFERS.some((r) => r.unit !== undefined && R[r.unit] === undefined && takes(u, r));
  const run = (u: KpUnit) => {
    const r = kpRunUnit(u, X, R, false);
    rounded.set(u.index, r.rounded);
    const levels = (r.V.some((v) => v.level === "fail") ? 1 : 0) | (r.V.some((v) => v.level === "noExcellent") ? 2 : 0);
    if (levels !== 0) vetoed.set(u.index >>> 2, vetoed.get(u.index >>> 2) | (levels << ((u.index & 3) << 1)));
    const res: KpStreamResult = {
      unit: u.name,
      classes: u.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const { S, P } = kpScoresOf(r);
      res.indicators = kpIndicatorTree(catalogue.indicators, S, P);
    } else res.top = TOP_POSITIONS.map((n) => kpFormat(r.S[n]));
    res.bonus = kpFormat(r.bonus);
    res.penalty = kpFormat(r.penalty);
    onResult(u.index, res);
  };
  return {
    references: REFERS.flatMap((r) => (r.unit !== undefined ? [r.unit] : [])),
    has(name) {
      return names.has(name);
    },
    survey(units) {
      if (started) throw new Error("survey 须在 add 之前");
      surveyed = true;
      if (!Array.isArray(units) || units.length === 0) return;
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
      if (read.errors.length > 0) throw new KpFactsError(read.errors);
      // (crossSee reads facts and classes only: survey's units need no index)
      for (const u of read.units as KpUnit[]) crossSee(X, u);
    },
    add(units) {
      if (finished) throw new Error("finish 之后不能再计分");
      if (!started) {
        if (PASSES === 2 && !surveyed) throw new Error("本细则有跨单位的规则（排名、比例等），请先用 survey 读一遍全部单位");
        crossEnd(X);
        started = true;
      }
      if (!Array.isArray(units) || units.length === 0) return;
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
      const errors = read.errors;
      for (const u of read.units) if (names.has(u.name)) errors.push({ code: "KP4006", message: "单位「" + u.name + "」重复出现", unit: u.name });
      if (errors.length > 0) throw new KpFactsError(errors);
      // (each read unit gets its index here)
      const list = read.units as KpUnit[];
      let named = false;
      for (const u of list) {
        u.index = names.add(u.name);
        if (REFERS.some((r) => r.unit === u.name)) {
          R[u.name] = u;
          named = true;
        }
      }
      if (named && waiting.length > 0) {
        const still: KpUnit[] = [];
        for (const u of waiting)
          if (blocked(u)) still.push(u);
          else run(u);
        waiting = still;
      }
      for (const u of list)
        if (blocked(u)) waiting.push(u);
        else run(u);
    },
    finish() {
      if (finished) throw new Error("finish 只能调用一次");
      if (!started) {
        crossEnd(X);
        started = true;
      }
      if (waiting.length > 0) {
        const errors: FactError[] = [];
        for (const r of REFERS)
          if (r.unit !== undefined && R[r.unit] === undefined && waiting.some((u) => takes(u, r)))
            errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + (r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」") + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
        throw new KpFactsError(errors);
      }
      const n = names.size;
      if (n === 0) throw new KpFactsError([{ code: "KP4012", message: "事实文件中没有任何单位" }]);
      // order: in the name table's lookup table, no longer needed (at least n numbers), sorted in place
      const table = names.release();
      const order = table.length === n ? table : table.length > n ? table.subarray(0, n) : new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      // by total, then (within each run of equal totals) by name
      kpHeapSort(order, (a, b) => rounded.get(b) - rounded.get(a) || a - b);
      kpSortTies(order, (a, b) => rounded.get(a) === rounded.get(b), names);
      // a rank is kept as one bit (tied with the place before), a grade as its index in grades (0: none)
      const tied = new Uint8Array((n + 7) >> 3);
      const grades: (string | null)[] = [null, ...GRADES.map((g) => g.name)];
      const gradeIndex = grades.length <= 256 ? new Uint8Array(n) : new Uint16Array(n);
      const indexOf = new Map<string | null, number>(grades.map((g, i) => [g, i]));
      const fail = [{ level: "fail" as const }];
      const noExcellent = [{ level: "noExcellent" as const }];
      const both = [...fail, ...noExcellent];
      const none: { level: KpVeto["level"] }[] = [];
      let at = 0;
      for (let i = 0; i < n; i++) {
        const k = order[i];
        if (i === 0 || rounded.get(k) !== rounded.get(order[i - 1])) at = i + 1;
        else tied[i >> 3] |= 1 << (i & 7);
        const v = (vetoed.get(k >>> 2) >>> ((k & 3) << 1)) & 3;
        const V = v === 3 ? both : v === 1 ? fail : v === 2 ? noExcellent : none;
        gradeIndex[i] = indexOf.get(kpGradeOf({ V, rounded: rounded.get(k) }, at, n)) ?? 0;
      }
      // the per-unit tables are freed now, not when the scorer is (V8's optimized code may keep its closures long after)
      finished = true;
      names.clear();
      rounded.clear();
      vetoed.clear();
      return { order, tied, gradeIndex, grades };
    },
  };
}
