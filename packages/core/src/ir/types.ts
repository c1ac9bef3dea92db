/**
 * The scoring IR: a checked catalogue lowered once into exact-decimal expressions that a backend
 * prints (today SQL: `emit-sql.ts`).  Values are raw millionths (integers; 0.05 → 50000) as in the
 * runtime; the one rounding is `divRound` (half away from zero), the only other integer divisions
 * are whole steps (`steps`, floor or ceil).  Every semantic of scoring is said here once:
 *
 * - a rule is an expression of one unit's facts and classes (its caps, 加倍/减半, 适用 included);
 * - a group (合计 cap, 就高 per incident) combines its rules' values;
 * - an indicator is base − deductions, clamped to [0, points] (扣完为止), then 倒扣 carried out;
 * - a section sums its terms under its cap; the total is base − carry + bonus − penalty;
 * - ranks and grades are over all units (window functions in SQL).
 *
 * Names a user wrote (classes, units, grades, incident ids) are never part of an expression's text:
 * they are `name` parameters (`Param`), numbered in `IrProgram.params`.
 */
import type { Span } from "../text/position.js";

/** A parameter: a user-written name, passed to the engine separately from the query text. */
export interface Param {
  /** 1-based position in `IrProgram.params`. */
  n: number;
}

/** An integer-valued expression (raw millionths, counts, or 0/1). */
export type Expr =
  | { k: "const"; v: number }
  /** A number of the unit's facts: a count, or a decimal as raw millionths; 0 when absent. */
  | { k: "num"; col: number }
  | { k: "add"; a: Expr; b: Expr }
  | { k: "sub"; a: Expr; b: Expr }
  /** a × b, exact (an overflow is an engine error, never a wrong number). */
  | { k: "mul"; a: Expr; b: Expr }
  /** a × b ÷ c (or ÷ `by`, an expression > 0) rounded half away from zero; the intermediate is wide. */
  | { k: "mulDiv"; a: Expr; b: Expr; c: number; by?: Expr }
  /** whole steps of diff ÷ step (diff ≥ 0): rounded down, or up with `ceil`. */
  | { k: "steps"; diff: Expr; step: number; ceil: boolean }
  | { k: "min"; a: Expr; b: Expr }
  | { k: "max"; a: Expr; b: Expr }
  | { k: "if"; c: Cond; a: Expr; b: Expr }
  /** The value of an earlier named column of the same unit (a rule, an indicator step). */
  | { k: "ref"; name: string }
  /** Cross-unit: 1 + the number of units (where `among` holds) with a strictly better value. */
  | { k: "rank"; value: Expr; among: Cond; lowerIsBetter: boolean }
  /** Cross-unit: the largest value over the units where `among` holds. */
  | { k: "best"; value: Expr; among: Cond }
  /** 就高: per incident id only the largest amount counts; anonymous amounts add up. */
  | { k: "highest"; hits: Hit[] }
  /**
   * Cross-unit: an aggregate of `value` over the units where `among` holds (sum, count, max, min;
   * 0 when there are none), among the units with the same `part` values when given.
   */
  | { k: "agg"; fn: "sum" | "count" | "max" | "min"; value: Expr; among: Cond; part?: Expr[] }
  /** Cross-unit: the unit's position (1, 2, …; ties in any order) by `value` ascending among the units where `among` holds. */
  | { k: "rowNo"; value: Expr; among: Cond };

/** One source of amounts in a 就高 group. */
export interface Hit {
  /** Applies only when this holds. */
  when: Cond;
  /** The amount per incident (already 加倍/减半). */
  amount: Expr;
  /** The count (n) and the incident-id list column (ids, may be empty): ids present → one hit each; else amount × n anonymous. */
  count: number;
  ids: number;
}

/** A condition on one unit. */
export type Cond =
  | { k: "true" }
  | { k: "cmp"; op: "<" | "<=" | ">" | ">=" | "=" | "<>"; a: Expr; b: Expr }
  | { k: "and"; list: Cond[] }
  | { k: "or"; list: Cond[] }
  | { k: "not"; c: Cond }
  /** The unit has this class. */
  | { k: "class"; name: Param }
  /** A yes/no fact is yes. */
  | { k: "flag"; col: number }
  /** A value fact is absent (未报送). */
  | { k: "missing"; col: number }
  /** A text fact (评为: the outcome's name) is this name. */
  | { k: "textIs"; col: number; name: Param };

/** How a facts column is typed in the facts table (see emit-sql.ts for the SQL types). */
export type ColumnType = "count" | "decimal" | "flag" | "ids" | ColumnTypeMore;
/**
 * More column types: "signed" a decimal that may be negative (分段 可为负); "text" an outcome's name
 * (评为); "amounts" the amounts given per occurrence (每次酌情), read as their sum (0 when none);
 * "items" a compound rule's per-item counts (「甲村 2、乙村 1」) read as their sum, NULL when absent.
 */
export type ColumnTypeMore = "signed" | "text" | "amounts" | "items";

/** One column of the facts table the program reads. */
export interface IrColumn {
  /** The column's name: the facts key (`ids` columns: key + IDS_SUFFIX). */
  name: string;
  type: ColumnType;
  /** The facts key it comes from. */
  key: string;
}

/** Suffix of the column holding a count's incident ids. */
export const IDS_SUFFIX = "#事件";

/** A named per-unit value, computed in order (each may refer to earlier ones). */
export interface IrStep {
  name: string;
  value: Expr;
  /** What it is, for comments: a rule's clause, an indicator's name (shown only as an escaped comment). */
  note: string;
}

/** 参照: units of a class take a unit's scores of an indicator and its subtree. */
export interface IrRefer {
  /** Applies after this step has been computed. */
  after: string;
  taker: Cond;
  /** One unit's scores (参照 「单位」); absent with `pool`. */
  unit?: Param;
  /** The step names taken over (scores and carries of the subtree). */
  names: string[];
  /** With `unit`: the step each of `names` is taken from (the subtree computed without its 参照), when not the same. */
  from?: string[];
  /**
   * 参照 平均分/最高分/最低分: each of `scores` becomes the aggregate over the units where `among`
   * holds (同类单位: only those with the taker's `part` values — one 0/1 per class), 0 when none;
   * `zeroed` become 0.  `from`: the step each score is aggregated from, when not the same.
   */
  pool?: { agg: "average" | "max" | "min"; among: Cond; part?: Expr[]; scores: string[]; from?: string[]; zeroed: string[] };
}

/** A grade: conditions on the rounded total and the rank, tried in order. */
export interface IrGrade {
  name: Param;
  otherwise: boolean;
  conditions: ({ kind: "score"; op: "≥" | ">"; value: number } | { kind: "rank"; value: number; percent: boolean })[];
}

/** The whole program. */
export interface IrProgram {
  title: string;
  params: string[];
  columns: IrColumn[];
  /** Per-unit steps in order; the last ones are "kp_total" (exact) and "kp_rounded". */
  steps: IrStep[];
  refers: IrRefer[];
  /** Indicators in catalogue order: id and the step holding its score. */
  indicators: { id: string; name: string; score: string }[];
  bonus: string;
  penalty: string;
  vetoFail: Cond;
  vetoNoExcellent: Cond;
  /** Each veto rule and when it strikes a unit, in the JS module's order (indicators as evaluated, then sections). */
  vetoes: { rule: string; level: "fail" | "noExcellent"; when: Cond }[];
  /**
   * Every 参照 of every indicator (catalogue order, then the order written) and whether a unit is its
   * taker (its class or its 未涉及 fact; applicability not looked at), with the unit it names: what a
   * JS-identical result needs to show each indicator's points (a taker shows the named unit's).
   */
  takings: { indicator: string; takes: Cond; unit?: Param }[];
  grades: IrGrade[];
  /** Decimals of the total (舍入 保留 n 位), -1 when not rounded. */
  rounding: number;
}

/** A construct the SQL target cannot lower yet (KP8001), located at its node. */
export class LowerError extends Error {
  constructor(
    readonly construct: string,
    readonly file: string,
    readonly span: Span,
  ) {
    super(construct);
    this.name = "LowerError";
  }
}
