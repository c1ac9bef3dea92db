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
  /** `总分 100分 折算`: the final score is rescaled from the indicators' points to `declaredTotal`. */
  rescale?: boolean;
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
  /**
   * Points that differ by unit class (`5分 其中 「其他县」 3分`, or derived from children that have
   * them): a unit of one of these classes has these points here (the first listed class it has);
   * other units have `points`.
   */
  classPoints?: { unitClass: string; points: Raw }[];
  /**
   * A veto-only list (否决清单): written without points and holding only 一票否决/一票否优 rules.
   * Its points are 0 and it adds nothing to the total; its rules only set vetoes.
   */
  vetoOnly?: boolean;
  code?: string;
  /** Evaluating departments (inherited when not declared). */
  departments: string[];
  /** Classes the indicator applies to; undefined = all. */
  appliesTo?: string[];
  /** Units of `unitClass` take `unit`'s score for this indicator (the first 参照 of that form, as before). */
  refer?: { unitClass: string; unit: string };
  /** Every 参照 of this indicator, in order (a unit takes the first that concerns it). */
  refers: ReferModel[];
  /** The yes/no fact 「指标名.未涉及」 when a 参照 未涉及 is written. */
  notConcerned?: FactKey;
  parent?: IndicatorModel;
  children: IndicatorModel[];
  /** Rules directly in this indicator (also those inside its groups), in order. */
  rules: RuleModel[];
  groups: GroupModel[];
  /** Notes (clauses kept but not scored). */
  notes: A.Note[];
  /**
   * How far two-sided linear rules (in it or below it) may lift its score above its points: 0 when
   * none can, undefined when unbounded (an award side without 上限).  Its points stay its points
   * (totals, 总分); the score may exceed them by at most this.
   */
  maxAbove?: Raw;
  node: A.Indicator;
  file: string;
}

/**
 * A 参照: which units take (the units of a class, or those whose 未涉及 flag is yes) and from
 * whom (one unit's score, or the average / highest / lowest score of a pool of units: the units of a
 * class, the units of the same classes as the taker (同类单位), or all units (各单位) — always only
 * units the indicator applies to and that take no 参照 on it or above it).
 */
export interface ReferModel {
  taker: { kind: "class"; unitClass: string } | { kind: "flag"; key: string };
  source: { kind: "unit"; unit: string } | { kind: "pool"; pool: "class" | "same" | "all"; unitClass?: string; aggregate: A.ReferAggregate };
  node: A.ReferDecl;
}

/** What a ranking rule ranks by: its own fact, an indicator's score, or the total before bonuses. */
export type RankSource = { kind: "fact" } | { kind: "indicator"; indicator: IndicatorModel } | { kind: "total" };

/** A bonus (加分) or penalty (减分) section outside the base points. */
export interface SectionModel {
  kind: "bonus" | "penalty";
  id: string;
  name: string;
  cap?: Raw;
  rules: RuleModel[];
  /** 就高 and 择一 groups in the section (their rules are also in `rules`). */
  groups: GroupModel[];
  notes: A.Note[];
  node: A.BonusSection | A.PenaltySection;
  file: string;
}

/**
 * A cap group (合计), a highest-only group (就高: per incident or item, only the largest deduction or
 * award counts) or a group of mutually exclusive alternatives (择一: at most one rule may happen to a
 * unit, which the facts reader enforces, KP4060; derived points count the largest alternative).
 */
export interface GroupModel {
  kind: "cap" | "highest" | "choice";
  cap?: Raw;
  rules: RuleModel[];
  node: A.CapGroup | A.HighestGroup | A.ChoiceGroup;
  /** 择一 groups: their number in the catalogue (1, 2, …), written to the fact specs (`x`). */
  choice?: number;
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
  /** a measured value; `missing` = may be absent (未报送); `positive` = 0 is refused (a divisor, KP4046); `signed` = may be negative (分段 可为负) */
  | { type: "value"; percent: boolean; integer: boolean; missing: boolean; noun?: string; positive?: boolean; signed?: boolean }
  /** a score in [0, max] given by an assessment; with `scale`, a score in [0, scale] rescaled to max (折算自) */
  | { type: "score"; max: Raw; scale?: Raw }
  /** one of the named outcomes (评为 …), given by its name */
  | { type: "outcome"; names: string[] }
  /** a percentage in [0, 100] */
  | { type: "rate" }
  /** an amount in [min, max] given by the assessor; 0 or absent = not applied */
  | { type: "amount"; min: Raw; max: Raw; award?: boolean }
  /** the amounts given per occurrence (每起 酌情 …), each in [min, max]; absent or empty = none */
  | { type: "amounts"; min: Raw; max: Raw; noun: string }
  /** points the committee gives (评议 得分), in [0, max] */
  | { type: "committee"; max: Raw }
  /** a reduction of the rule's deduction (可减免), in [0, the deduction]; `max` is the most any deduction of the rule can be, when known */
  | { type: "reduce"; max?: Raw };

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
  | {
      kind: "once";
      amount: Raw;
      overrides: { unitClass: string; amount: Raw }[];
      /** `得 1 否则 扣 2`: the deduction when the fact is no (倒扣: carried beyond the indicator) */
      otherwise?: { amount: Raw; overdraft: boolean };
    }
  | { kind: "zero" }
  | {
      kind: "bands";
      percent: boolean;
      bands: BandModel[];
      missing?: OutcomeModel;
      /** 分段 可为负: the value may be negative. */
      signed?: boolean;
      /** An award band goes on with 扣 per step: the result may fall below 0 (returned negative, a deduction from the item). */
      mayGoNegative?: boolean;
    }
  | {
      kind: "linear";
      direction: "below" | "above";
      word: string;
      /**
       * The base; with `baseFrom` its `raw` is 0 (the base is computed when scoring), `text` is the
       * keyword (平均值 …) and `percent` says whether the values are percentages (from the step).
       */
      base: Quantity;
      /** 平均值 / 中位数 of the applicable units' values (computed once over all units), or 目标值: the unit's own target (a fact). */
      baseFrom?: A.BaseFrom;
      step: Quantity;
      amount: Raw;
      mode: A.StepMode;
      /** 扣 or 得 of the (first) side. */
      action: "deduct" | "award";
      /** Two-sided (达到基准得本项分值，一侧加分、一侧扣分): the second side. */
      other?: LinearSideModel;
      /** In a two-sided rule, the cap of the first side (the rule's 上限 is not used there). */
      sideCap?: Raw;
      cutoff?: { direction: "below" | "above"; value: Quantity; outcome: OutcomeModel };
    }
  | { kind: "shortfall"; target: Quantity; step: Quantity; amount: Raw }
  | { kind: "assessed"; max: Raw; scale?: Raw }
  /** 评为 …: each named outcome's amount (awarded or deducted by the rule's effect), as written in `text` */
  | { kind: "rated"; outcomes: { name: string; amount: Raw; text: string }[] }
  | { kind: "rate"; max: Raw }
  | { kind: "proportional"; max: Raw }
  | {
      kind: "ranked";
      /** First place's points (the table's largest with a table). */
      max: Raw;
      /** 每后退一位 扣 (0 with a table). */
      step: Raw;
      lowerIsBetter: boolean;
      /** What is ranked; a resolved indicator for 按 「指标」 得分 排名. */
      by: RankSource;
      /** 依次 得 …: points of places 1, 2, 3 …; places beyond get `rest` (0 when not written). */
      table?: Raw[];
      rest?: Raw;
    }
  /** `noun` for a range per occurrence (每起 酌情 扣 1 至 2) */
  | { kind: "discretion"; min: Raw; max: Raw; noun?: string }
  /** 评议 得分: `max` is its bound (the rule's cap, else the section's cap or the indicator's points) */
  | { kind: "committee"; max: Raw }
  | { kind: "veto"; level: "fail" | "noExcellent" };

/** The second side of a two-sided linear rule. */
export interface LinearSideModel {
  direction: "below" | "above";
  word: string;
  step: Quantity;
  amount: Raw;
  mode: A.StepMode;
  action: "deduct" | "award";
  cap?: Raw;
}

/** One band of a 分段 rule. */
export interface BandModel {
  lower?: Quantity;
  lowerInclusive: boolean;
  upper?: Quantity;
  upperInclusive: boolean;
  outcome: OutcomeModel;
  /** `… 每低 0.1个百分点 扣 0.1`: the outcome goes on linearly from the band's upper bound (below) or lower bound (above). */
  steps?: BandStepsModel;
  /** As written, e.g. "[75%, 100%)". */
  text: string;
  node: A.Band;
}

/** The linear continuation of a band's outcome: always 扣 (an award decreases, a deduction grows). */
export interface BandStepsModel {
  direction: "below" | "above";
  word: string;
  step: Quantity;
  amount: Raw;
  mode: A.StepMode;
  /** Where the steps are counted from: the band's upper bound (below) or lower bound (above). */
  from: Quantity;
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
   * 免扣 (cancel) / 可减免 (reduce) conditions, applied after 加倍/减半 and the rule's cap, before
   * groups and the indicator (see 语言参考 §6 免扣与减免).
   */
  waivers: { mode: "cancel" | "reduce"; flag: string }[];
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
