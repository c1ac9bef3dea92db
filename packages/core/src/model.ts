/**
 * The checked model of a catalogue: what the checker produces from the ASTs of its files and what the
 * compiler, linter, language server and reports consume.  Names are resolved, points derived, amounts
 * converted to exact raw decimals (millionths, see runtime/decimal.ts), and each rule knows the facts
 * it takes.  Model objects point back to their AST nodes and files for diagnostics and navigation.
 */
import type * as A from "./ast.js";

/** An exact decimal in millionths of a point (0.05 → 50000). */
export type Raw = number;

/** A value with a unit: numbers in bands and linear rules keep whether they are percentages. */
export interface Quantity {
  raw: Raw;
  percent: boolean;
  /** The measure word written after it, if any. */
  measure?: string;
  /** As written, normalised (e.g. "75%"). */
  text: string;
}

/** A checked catalogue. */
export interface Catalogue {
  title: string;
  year?: string;
  subject?: string;
  /** Declared unit classes, in order. */
  classes: string[];
  /** Declared total points, if any. */
  declaredTotal?: Raw;
  /** Decimals totals are rounded to (half away from zero), if the catalogue says. */
  rounding?: number;
  grades: GradeModel[];
  /** Base indicators (first level), in order across files. */
  indicators: IndicatorModel[];
  bonuses: SectionModel[];
  penalties: SectionModel[];
  /** Every rule, in source order across files. */
  rules: RuleModel[];
  /** Files of the catalogue, root first. */
  files: A.KpFile[];
  /** Path of the root file. */
  root: string;
}

/** A grade (等次). */
export interface GradeModel {
  name: string;
  /** Conditions that must all hold; empty with `otherwise`. */
  conditions: ({ kind: "score"; op: "≥" | ">"; value: Raw } | { kind: "rank"; value: Raw; percent: boolean })[];
  otherwise: boolean;
  node: A.Grade;
}

/** An indicator (指标). */
export interface IndicatorModel {
  kind: "indicator";
  /** Position path, e.g. "1.2.3". */
  id: string;
  name: string;
  /** Points (declared, or derived from the children). */
  points: Raw;
  pointsDeclared: boolean;
  code?: string;
  /** Evaluating departments (inherited when not declared). */
  departments: string[];
  /** Classes the indicator applies to; undefined = all. */
  appliesTo?: string[];
  /** Units of `unitClass` take `unit`'s score for this indicator. */
  refer?: { unitClass: string; unit: string };
  parent?: IndicatorModel;
  children: IndicatorModel[];
  /** Rules directly in this indicator (also those inside its groups), in order. */
  rules: RuleModel[];
  groups: GroupModel[];
  /** Notes (clauses kept but not scored). */
  notes: A.Note[];
  node: A.Indicator;
  file: string;
}

/** A bonus (加分) or penalty (减分) section outside the base points. */
export interface SectionModel {
  kind: "bonus" | "penalty";
  id: string;
  name: string;
  cap?: Raw;
  rules: RuleModel[];
  notes: A.Note[];
  node: A.BonusSection | A.PenaltySection;
  file: string;
}

/** A cap group (合计) or highest-only group (就高). */
export interface GroupModel {
  kind: "cap" | "highest";
  cap?: Raw;
  rules: RuleModel[];
  node: A.CapGroup | A.HighestGroup;
}

/** What a rule does with its result. */
export type RuleEffect = "deduct" | "award" | "veto";

/** The fact one key of a facts file supplies. */
export type FactType =
  /** a non-negative integer, or a list of incident ids (each one occurrence); `within`: the key of a count it is part of (KP4045) */
  | { type: "count"; noun: string; incidents: boolean; within?: string }
  /**
   * per-item counts of a compound rule (每村 每次): item → count (JSON object or 「甲村 2、乙村 1」), or
   * their sum; the alternative to the product of 「规则名.村」 × 「规则名.次」 (KP4047 when both)
   */
  | { type: "items"; item: string; noun: string }
  /** yes/no; with `incident`, an incident id also means yes */
  | { type: "flag"; incident: boolean }
  /** a checklist item: yes (full points), no, or partial points in [0, max] */
  | { type: "award"; max: Raw }
  /** a measured value; `missing` = may be absent (未报送); `positive` = 0 is refused (a divisor, KP4046) */
  | { type: "value"; percent: boolean; integer: boolean; missing: boolean; noun?: string; positive?: boolean }
  /** a score in [0, max] given by an assessment */
  | { type: "score"; max: Raw }
  /** a percentage in [0, 100] */
  | { type: "rate" }
  /** an amount in [min, max] given by the assessor; 0 or absent = not applied */
  | { type: "amount"; min: Raw; max: Raw };

/** One key of the facts a rule takes. */
export interface FactKey {
  /** The key in facts files: the rule name, or `rule.sub` for categories, compound units, flags. */
  key: string;
  /** Chinese description, for schemas, hover and error messages. */
  label: string;
  fact: FactType;
  /** Whether a unit may omit it (counts and flags default to 0/no). */
  optional: boolean;
}

/** The scoring body of a rule, resolved. */
export type RuleBodyModel =
  | { kind: "per"; nouns: string[]; amount: Raw; overrides: { unitClass: string; amount: Raw }[] }
  | { kind: "categories"; noun: string; categories: { name: string; amount: Raw }[] }
  | { kind: "once"; amount: Raw; overrides: { unitClass: string; amount: Raw }[] }
  | { kind: "zero" }
  | { kind: "bands"; percent: boolean; bands: BandModel[]; missing?: OutcomeModel }
  | {
      kind: "linear";
      direction: "below" | "above";
      word: string;
      base: Quantity;
      step: Quantity;
      amount: Raw;
      mode: A.StepMode;
      cutoff?: { direction: "below" | "above"; value: Quantity; outcome: OutcomeModel };
    }
  | { kind: "shortfall"; target: Quantity; step: Quantity; amount: Raw }
  | { kind: "assessed"; max: Raw }
  | { kind: "rate"; max: Raw }
  | { kind: "proportional"; max: Raw }
  | { kind: "ranked"; max: Raw; step: Raw; lowerIsBetter: boolean }
  | { kind: "discretion"; min: Raw; max: Raw }
  | { kind: "veto"; level: "fail" | "noExcellent" };

/** One band of a 分段 rule. */
export interface BandModel {
  lower?: Quantity;
  lowerInclusive: boolean;
  upper?: Quantity;
  upperInclusive: boolean;
  outcome: OutcomeModel;
  /** As written, e.g. "[75%, 100%)". */
  text: string;
  node: A.Band;
}

/** What happens in a band or at a cut-off. */
export type OutcomeModel = { kind: "deduct"; amount: Raw } | { kind: "award"; amount: Raw } | { kind: "zero" };

/** A checked rule. */
export interface RuleModel {
  /** Unique name; facts are keyed by it. */
  name: string;
  clause: string;
  effect: RuleEffect;
  body: RuleBodyModel;
  /** The rule's own cap (上限). */
  cap?: Raw;
  overdraft: boolean;
  multipliers: { factor: "double" | "half"; flag: string }[];
  /**
   * `其中 「已查结」 减半` (per-occurrence rules only): the occurrences meeting a condition — a count
   * 「规则名.条件」 within the rule's count — are multiplied by `factor` (raw: 2 → 2000000, ½ → 500000);
   * `word` as shown (加倍, 减半, 加2倍, 按3倍).
   */
  occurrences: { condition: string; factor: Raw; word: string }[];
  /** `按 「所辖乡镇数」 平均` / `按 12 平均`: the result divided by a fact of the unit or a positive integer. */
  average?: { fact: string } | { value: number };
  /** Classes the rule applies to; undefined = all. */
  appliesTo?: string[];
  /** The indicator or section it belongs to. */
  owner: IndicatorModel | SectionModel;
  group?: GroupModel;
  /** The most it can award (award rules), for derived points; undefined when unbounded. */
  maxAward?: Raw;
  /** The facts it takes. */
  facts: FactKey[];
  /** Needs all units' facts (ranking, proportional). */
  crossUnit: boolean;
  node: A.Rule;
  file: string;
}
