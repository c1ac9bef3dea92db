/**
 * The compiled module's public API around the emitted rules: KpFactsError, scoreAll, scoreUnit, and
 * what they share with createScorer (参照 checks, the indicator tree of a result, grades).  A module
 * part every compiled module includes; checkFacts is in check-facts.ts (or check-facts-scoring.ts).
 */

import { kpRound } from "./arith.js";
import type { FactError } from "./read-units.js";
import { kpReadUnits } from "./read-units.js";
import { kpFixed, kpFormat, kpParse } from "./text.js";
import { kpPool, kpPoolKey } from "./pool.js";
import { CLASSES, FACTS, GRADES, REFERS, ROUNDING, RULE_NAMES, catalogue, crossUnit, runUnit, type KpIndicatorMeta, type KpRun, type KpTraceKind, type KpUnit, type KpVeto } from "./module-env.js";

/** scoreAll's options: detail (default true) gives each indicator's score, trace each step. */
export interface KpScoreOptions {
  detail?: boolean;
  trace?: boolean;
  peers?: unknown[];
}

/** An indicator's result: points (this unit's), score and points lost, as decimal texts. */
export interface KpIndicatorResult {
  id: string;
  name: string;
  /** This unit's points here (per its class when they differ by class). */
  points: string;
  score: string;
  lost: string;
  children: KpIndicatorResult[];
}

/** One step of a result's trace. */
export interface KpTraceEntry {
  indicator: string;
  kind: KpTraceKind;
  amount: string;
  text: string;
  rule?: string;
  clause?: string;
  facts?: Record<string, unknown>;
}

/** A veto on a unit's result: the rule, its level and its clause. */
export interface KpVetoResult {
  rule: string;
  level: KpVeto["level"];
  clause: string;
}

/** One unit's result; every score is an exact decimal string. */
export interface KpUnitResult {
  unit: string;
  classes: string[];
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: KpVetoResult[];
  indicators?: KpIndicatorResult[];
  bonus?: string;
  penalty?: string;
  trace?: KpTraceEntry[];
}

/** 事实有误时抛出；errors 列出全部问题。 */
export class KpFactsError extends Error {
  declare errors: FactError[];
  constructor(errors: FactError[]) {
    super(errors.map((e) => e.code + " " + e.message).join("\n"));
    this.name = "KpFactsError";
    this.errors = errors;
  }
}

/** 参照的单位不在事实文件中（KP4011），或参照的那组单位是空的（KP4050）。 */
export function kpReferErrors(units: KpUnit[]): FactError[] {
  const names = new Set(units.map((u) => u.name));
  const errors: FactError[] = [];
  for (let k = 0; k < REFERS.length; k++) {
    const r = REFERS[k];
    if (r.unit !== undefined) {
      if (names.has(r.unit)) continue;
      const takes = (u: KpUnit) => (r.flag !== undefined ? u.F[2 * r.flag] === true : r.unitClass !== undefined && u.c[r.unitClass]);
      const who = r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」";
      if (units.some(takes)) errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + who + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
    } else if (r.pool !== undefined) {
      // a unit taking the pool's score (r.needs: this 参照 is the one that concerns it) needs a unit in
      // the pool; the pool is the same for every taker of the same key (the pool cache's): looked for once
      const found = new Map<string, boolean>();
      for (const u of units) {
        if (!r.needs!(u)) continue;
        const key = kpPoolKey(k, u);
        if (!found.has(key)) found.set(key, kpPool(units, k, u).length > 0);
        if (found.get(key)) continue;
        const pool = r.pool === "class" ? "「" + r.poolClass + "」各单位" : r.pool === "same" ? "同类单位" : "各单位";
        const word = r.agg === "max" ? "的最高分" : r.agg === "min" ? "的最低分" : "的平均分";
        const e: FactError = { code: "KP4050", message: "单位「" + u.name + "」的指标「" + r.name + "」（" + r.indicator + "）以" + pool + word + "为准，但没有这样的单位可取（它们都不考核本项，或自己也取参照的得分）", unit: u.name };
        if (r.flag !== undefined) e.key = FACTS[r.flag].k;
        errors.push(e);
      }
    }
  }
  return errors;
}

/** 各级指标的得分（S：指标编号 → 得分，P：因单位类别而不同的分值）。 */
export function kpIndicatorTree(list: KpIndicatorMeta[], S: Map<string, number>, P: Map<string, number | undefined>): KpIndicatorResult[] {
  return list.map((m) => {
    const score = S.get(m.id)!;
    // points that differ by class are this unit's
    const own = P.get(m.id);
    const points = own === undefined ? kpParse(m.points) : own;
    return { id: m.id, name: m.name, points: kpFormat(points), score: kpFormat(score), lost: kpFormat(points - score), children: kpIndicatorTree(m.children, S, P) };
  });
}

/** The indicators' ids in the order of the scores (Z.S): depth first. */
export function kpIndicatorIds(list: KpIndicatorMeta[], out: string[] = []): string[] {
  for (const m of list) {
    out.push(m.id);
    kpIndicatorIds(m.children, out);
  }
  return out;
}

/** 全部指标的编号，按得分表 Z.S 的顺序。 */
const INDICATOR_IDS = kpIndicatorIds(catalogue.indicators);

/** 第 rank 名（共 count 个单位）、否决标记为 r.V 的单位的等次（没有等次时为 null）。 */
export function kpGradeOf(r: { V: { level: KpVeto["level"] }[]; rounded: number }, rank: number, count: number): string | null {
  const fail = r.V.some((v) => v.level === "fail");
  const noTop = r.V.some((v) => v.level === "noExcellent");
  if (GRADES.length === 0) return null;
  if (fail) return GRADES[GRADES.length - 1].name;
  for (let g = 0; g < GRADES.length; g++) {
    const grade = GRADES[g];
    if (g === 0 && noTop && GRADES.length > 1) continue;
    if (grade.otherwise) return grade.name;
    let ok = true;
    for (const c of grade.conditions) {
      if (c.kind === "score") ok = ok && (c.op === ">" ? r.rounded > c.value : r.rounded >= c.value);
      else if (c.percent) {
        // 前 N%: rank ≤ floor(count × N / 100); c.value is N in millionths
        const p = count * c.value;
        ok = ok && rank <= (p - (p % 100000000)) / 100000000;
      } else ok = ok && rank <= c.value / 1000000;
    }
    if (ok) return grade.name;
  }
  return null;
}

/** 一个单位的各指标得分（明细）：id → 得分、id → 本单位的分值。 */
export function kpScoresOf(r: KpRun): { S: Map<string, number>; P: Map<string, number | undefined> } {
  const S = new Map<string, number>();
  const P = new Map<string, number | undefined>();
  INDICATOR_IDS.forEach((id, n) => {
    S.set(id, r.S[n]);
    P.set(id, r.P[n]);
  });
  return { S, P };
}

/** 计算中数值超出可精确计算的范围（KP4018）时，作为该单位的事实错误抛出。 */
export function kpRunUnit(u: KpUnit, X: ReturnType<typeof crossUnit>, R: Record<string, KpUnit>, trace: boolean): KpRun {
  try {
    return runUnit(u, u.index, X, R, trace);
  } catch (e) {
    if (e instanceof RangeError && e.message === "KP4018")
      throw new KpFactsError([{ code: "KP4018", message: "计算单位「" + u.name + "」的得分时数值超出可精确计算的范围，请检查事实中过大的数", unit: u.name }]);
    throw e;
  }
}

/**
 * 为全部单位计分并排名。
 * units：[{ name, classes?, facts }]；options.detail（默认 true）给出各指标得分，options.trace 给出每项扣分、得分的计算过程。
 * 事实有误时抛出 KpFactsError。
 */
export function scoreAll(units: unknown, options?: KpScoreOptions): KpUnitResult[] {
  const detail = !options || options.detail !== false;
  const trace = !!(options && options.trace);
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  // (scoreAll gives each read unit its index below)
  const list = read.units as KpUnit[];
  const errors = read.errors.concat(kpReferErrors(list));
  if (errors.length > 0) throw new KpFactsError(errors);
  const R: Record<string, KpUnit> = Object.create(null);
  list.forEach((u, i) => {
    u.index = i;
    R[u.name] = u;
  });
  const X = crossUnit(list);
  const runs = list.map((u) => kpRunUnit(u, X, R, trace));
  const order = runs.slice().sort((a, b) => b.rounded - a.rounded || (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0));
  const results: KpUnitResult[] = [];
  let rank = 0;
  order.forEach((r, i) => {
    if (i === 0 || r.rounded !== order[i - 1].rounded) rank = i + 1;
    const res: KpUnitResult = {
      unit: r.unit.name,
      classes: r.unit.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      rank,
      grade: kpGradeOf(r, rank, order.length),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const { S, P } = kpScoresOf(r);
      res.indicators = kpIndicatorTree(catalogue.indicators, S, P);
      res.bonus = kpFormat(r.bonus);
      res.penalty = kpFormat(r.penalty);
    }
    if (trace) {
      res.trace = (r.T ?? []).map((t) => {
        const e: KpTraceEntry = { indicator: t.i, kind: t.k, amount: kpFormat(t.a), text: t.x };
        if (t.r !== undefined) {
          e.rule = t.r;
          e.clause = catalogue.rules[t.r].clause;
        }
        if (t.f !== undefined) e.facts = t.f;
        return e;
      });
    }
    results.push(res);
  });
  return results;
}

/** 为一个单位计分（peers：需要比较的全部单位，用于排名、比例与参照；缺省时只与自身比较）。 */
export function scoreUnit(unit: { name?: unknown }, options?: KpScoreOptions): KpUnitResult | undefined {
  const peers = options && options.peers ? options.peers.filter((p) => p && (p as { name?: unknown }).name !== unit.name).concat([unit]) : [unit];
  const all = scoreAll(peers, options);
  return all.find((r) => r.unit === String(unit.name).trim());
}
