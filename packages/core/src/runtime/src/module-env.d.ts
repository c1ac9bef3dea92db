/**
 * What the emitter writes into every compiled module beside the runtime: per-catalogue constants
 * (catalogue, FACTS, REFERS …) and per-catalogue functions (runUnit, crossStart …).  The module parts
 * of the runtime (pool.ts, api.ts, scorer.ts …) import these names from here so that TypeScript
 * checks every use; the generator drops the import, and in the compiled module the names are the
 * emitter's declarations (compile/emit-js/*.ts).  Types only: nothing here exists at run time.
 */
import type { FactSpec, ReadUnit } from "./read-units.js";

/** A unit being scored: a read unit with its position among the units (set by scoreAll / createScorer). */
export interface KpUnit extends ReadUnit {
  index: number;
}

/** What a step of an explanation is: a deduction, an award, a limit reached, a veto, a note. */
export type KpTraceKind = "deduct" | "award" | "limit" | "veto" | "note";

/** One step of a unit's explanation (trace): indicator, rule, kind, raw amount, text, facts shown. */
export interface KpTracePoint {
  i: string;
  r?: string;
  k: KpTraceKind;
  a: number;
  x: string;
  f?: Record<string, unknown>;
}

/** A veto a rule put on the unit (一票否决). */
export interface KpVeto {
  rule: string;
  level: "fail" | "noExcellent";
}

/** The per-unit pool of a 参照 to a pool of units: their names, their scores per indicator, the aggregates. */
export interface KpPoolScores {
  names: string[];
  S: number[][];
  agg: number[];
}

/**
 * Cross-unit results (crossStart/crossSee/crossEnd fill the numbered entries, one per cross-unit rule);
 * L: every unit and M: the cache of pooled 参照 scores, when the catalogue needs whole units.
 */
export interface KpCross {
  [rule: number]: unknown;
  L?: KpUnit[];
  M?: Map<string, KpPoolScores>;
}

/**
 * The state of one unit being scored (Z in the emitted functions): F facts, c classes, T trace (or
 * null), S scores, K carries, E 倒扣 excess, V vetoes, X cross-unit results, R units by name, u the
 * unit's index, ref/zr/w flags of the indicator being scored, P points that differ by class.
 */
export interface KpState {
  F: unknown[];
  c: Record<string, boolean>;
  T: KpTracePoint[] | null;
  S: number[];
  K: number[];
  E?: number[];
  V: KpVeto[];
  X: KpCross;
  R: Record<string, KpUnit> | null;
  u: number;
  ref: boolean;
  zr: boolean;
  w?: boolean;
  P: number[];
}

/** runUnit's result: the unit's raw total (and rounded), its parts, indicator scores, vetoes, trace. */
export interface KpRun {
  unit: KpUnit;
  total: number;
  rounded: number;
  base: number;
  carry: number;
  bonus: number;
  penalty: number;
  S: number[];
  P: number[];
  V: KpVeto[];
  T: KpTracePoint[] | null;
}

/** An indicator of the exported catalogue (points as decimal text). */
export interface KpIndicatorMeta {
  id: string;
  name: string;
  points: string;
  children: KpIndicatorMeta[];
}

/** The exported catalogue, as far as the runtime reads it. */
export interface KpCatalogueMeta {
  indicators: KpIndicatorMeta[];
  rules: Record<string, { clause: string }>;
}

/** A grade (等次) and its conditions (raw values; 前 N% with percent). */
export interface KpGrade {
  name: string;
  otherwise: boolean;
  conditions: ({ kind: "score"; op: "≥" | ">"; value: number } | { kind: "rank"; value: number; percent: boolean })[];
}

/** What the predicates of a 参照's pool read of a unit: its facts and its classes. */
export type KpUnitFacts = Pick<KpUnit, "F" | "c">;

/**
 * One 参照: who takes (unitClass, or flag: the 未涉及 fact's position), from a unit or a pool (pool,
 * poolClass, agg); for a pool, who is in it, printed from the scoring IR's conditions (ir/refer-pool.ts):
 * among (truthy for a member), part (同类单位: one 0/1 per declared class, a member's equal to the
 * taker's), needs (truthy for a unit taking this pooled score, which needs a member: KP4050).
 */
export interface KpRefer {
  unitClass?: string;
  unit?: string;
  indicator: string;
  name: string;
  flag?: number;
  pool?: "class" | "same" | "all";
  poolClass?: string;
  agg?: "average" | "max" | "min";
  among?: (v: KpUnitFacts) => unknown;
  part?: (v: KpUnitFacts) => number[];
  needs?: (v: KpUnitFacts) => unknown;
}

/** The catalogue's structure (exported by the module). */
export declare const catalogue: KpCatalogueMeta;
/** Decimals of the total (细则 总分保留 N 位小数), or −1. */
export declare const ROUNDING: number;
export declare const CLASSES: string[];
export declare const RULE_NAMES: Record<string, boolean>;
export declare const FACTS: FactSpec[];
export declare const GRADES: KpGrade[];
export declare const INDICATOR_COUNT: number;
export declare const REFERS: KpRefer[];
/** Whether createScorer may score one unit at a time. */
export declare const STREAMABLE: boolean;
/** How many passes over the facts createScorer needs. */
export declare const PASSES: 1 | 2;

/** Cross-unit results of all units (scoreAll). */
export declare function crossUnit(units: KpUnit[]): KpCross;
/** Cross-unit results gathered unit by unit (createScorer): start, see each unit, end. */
export declare function crossStart(): KpCross;
export declare function crossSee(X: KpCross, u: KpUnit): void;
export declare function crossEnd(X: KpCross): void;
/** Scores one unit. */
export declare function runUnit(unit: KpUnit, u: number, X: KpCross, R: Record<string, KpUnit>, trace: boolean): KpRun;
