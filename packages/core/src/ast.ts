/**
 * The typed AST of a .kp file.  Every node has a literal `kind` tag and a source `span`; values are
 * normalised (half-width digits, canonical keyword spellings), so two files that differ only in
 * layout, full-width characters or keyword aliases have equal ASTs (ranges aside).
 *
 * A partial AST (after syntax errors) may lack children; optional fields say which ones can.
 */
import type { Span } from "./text/position.js";

/** Fields every node has. */
export interface NodeBase {
  kind: string;
  span: Span;
}

// ---------------------------------------------------------------- literals

/** A 「…」 string: a name or a clause text. `value` is without the quotes. */
export interface StringLit extends NodeBase {
  kind: "String";
  value: string;
}

/**
 * A number as written, normalised: `text` is a plain decimal (`"0.5"`, `"75"`), `percent` tells
 * whether it was written with `%`, `measure` is the measure word after it (`"分"`, `"次"` …).
 */
export interface NumberLit extends NodeBase {
  kind: "Number";
  text: string;
  percent: boolean;
  measure?: string;
}

/** A comment, kept for the formatter and hover. */
export interface Comment extends NodeBase {
  kind: "Comment";
  /** `line` for `// …`, `block` for `/* … *\/`. */
  style: "line" | "block";
  /** The full text including the delimiters. */
  text: string;
}

// ---------------------------------------------------------------- files

/** One .kp file. */
export interface KpFile extends NodeBase {
  kind: "File";
  /** Path or URI of the file, as given to the parser. */
  path: string;
  items: TopItem[];
  comments: Comment[];
}

export type TopItem = HeaderItem | Indicator | BonusSection | PenaltySection;
export type HeaderItem = TitleDecl | YearDecl | SubjectDecl | ClassesDecl | TotalDecl | RoundingDecl | IncludeDecl | GradesDecl;

/** `细则 「title」` — marks the root file of a catalogue. */
export interface TitleDecl extends NodeBase {
  kind: "Title";
  title?: StringLit;
}
/** `年度 2020` or `年度 「2020—2022」`. */
export interface YearDecl extends NodeBase {
  kind: "Year";
  value?: NumberLit | StringLit;
}
/** `对象 「县（区）、园区」` — who is assessed, as text. */
export interface SubjectDecl extends NodeBase {
  kind: "Subject";
  text?: StringLit;
}
/** `类别 「县区」、「园区」` — declares unit classes. */
export interface ClassesDecl extends NodeBase {
  kind: "Classes";
  names: StringLit[];
}
/** `总分 100分`; `总分 100分 折算` rescales the final score to this total. */
export interface TotalDecl extends NodeBase {
  kind: "Total";
  value?: NumberLit;
  /** `折算` written: the final score is rescaled to `value`. */
  rescale?: boolean;
}
/** `舍入 保留 2 位` — totals are rounded half away from zero to this many decimals. */
export interface RoundingDecl extends NodeBase {
  kind: "Rounding";
  places?: NumberLit;
}
/** `引入 「file.kp」` — another file of the catalogue, relative to this one. */
export interface IncludeDecl extends NodeBase {
  kind: "Include";
  target?: StringLit;
}

/** `等次 { … }`. */
export interface GradesDecl extends NodeBase {
  kind: "Grades";
  grades: Grade[];
}
/** `「优秀」 ≥ 90 且 前 20%`, or `「不合格」 其余`. */
export interface Grade extends NodeBase {
  kind: "Grade";
  name?: StringLit;
  conditions: GradeCondition[];
  otherwise: boolean;
}
export type GradeCondition = ScoreCondition | RankCondition;
/** `≥ 90` / `> 90`. */
export interface ScoreCondition extends NodeBase {
  kind: "ScoreCondition";
  op: "≥" | ">";
  value?: NumberLit;
}
/** `前 20%` (share of units) or `前 3 名`. */
export interface RankCondition extends NodeBase {
  kind: "RankCondition";
  value?: NumberLit;
}

// ---------------------------------------------------------------- indicators

/**
 * `指标 「name」 4分 { … }`; points may be omitted for a heading whose children carry them.
 * `指标 「name」 5分 其中 「其他县」 3分 { … }`: points that differ by unit class (`classPoints`).
 */
export interface Indicator extends NodeBase {
  kind: "Indicator";
  name?: StringLit;
  points?: NumberLit;
  /** Per-class points after `其中` (only with `points`). */
  classPoints?: ClassAmount[];
  items: IndicatorItem[];
}
export type IndicatorItem = CodeDecl | DepartmentsDecl | AppliesDecl | ReferDecl | Indicator | Rule | Note | CapGroup | HighestGroup | ChoiceGroup;

/** `编号 「一」`. */
export interface CodeDecl extends NodeBase {
  kind: "Code";
  code?: StringLit;
}
/** `考评单位 「A」、「B」`. */
export interface DepartmentsDecl extends NodeBase {
  kind: "Departments";
  names: StringLit[];
}
/** `适用 「园区」` — as an indicator item or a rule modifier. */
export interface AppliesDecl extends NodeBase {
  kind: "Applies";
  classes: StringLit[];
}
/**
 * `参照 「园区」 以 「××区」 为准` — units of a class take another unit's score for this indicator;
 * `参照 「非牵头部门」 以 「牵头部门」 平均分 为准`, `参照 未涉及 以 同类单位 平均分 为准` — they take the
 * average (最高分, 最低分) of a pool of units.  Without `aggregate`, `unit` names one unit; with it,
 * `unit` names the pool's class (or `pool` says 同类单位 / 各单位).
 */
export interface ReferDecl extends NodeBase {
  kind: "Refer";
  /** The class whose units take the score; absent with `notConcerned`. */
  unitClass?: StringLit;
  /** 未涉及: the takers are the units whose flag 「指标名.未涉及」 is yes. */
  notConcerned?: boolean;
  /** One unit (no aggregate) or the pool's class (with an aggregate). */
  unit?: StringLit;
  /** 同类单位 / 各单位 instead of a named class. */
  pool?: "same" | "all";
  aggregate?: ReferAggregate;
}
/** 平均分 / 最高分 / 最低分. */
export type ReferAggregate = "average" | "max" | "min";
/** `注 「…」` — a clause kept verbatim but not scored. */
export interface Note extends NodeBase {
  kind: "Note";
  text?: StringLit;
}
/** `合计 上限 2 { … }` — the listed rules' deductions together are capped. */
export interface CapGroup extends NodeBase {
  kind: "CapGroup";
  cap?: NumberLit;
  items: GroupItem[];
}
/**
 * `就高 { … }` — one incident counts once, at its largest deduction (in an indicator or a 减分
 * section), or one item once, at its largest award (in a 加分 section).
 */
export interface HighestGroup extends NodeBase {
  kind: "HighestGroup";
  cap?: NumberLit;
  items: GroupItem[];
}
/**
 * `择一 { … }` — mutually exclusive alternatives: at most one of the rules may happen to a unit
 * (facts naming two are an error, KP4060); points derived from them count the largest.
 */
export interface ChoiceGroup extends NodeBase {
  kind: "ChoiceGroup";
  items: GroupItem[];
}
export type GroupItem = Rule | Note;
/** What a 加分/减分 section holds: rules and notes, and 就高/择一 groups of them. */
export type SectionItem = GroupItem | HighestGroup | ChoiceGroup;
/** `加分 「name」 上限 2 { … }` — bonus outside the base points. */
export interface BonusSection extends NodeBase {
  kind: "BonusSection";
  name?: StringLit;
  cap?: NumberLit;
  items: SectionItem[];
}
/** `减分 「name」 { … }` — penalties outside the base points. */
export interface PenaltySection extends NodeBase {
  kind: "PenaltySection";
  name?: StringLit;
  cap?: NumberLit;
  items: SectionItem[];
}

// ---------------------------------------------------------------- rules

/** `规则 「name」 「clause text」 <body> <modifiers>`. */
export interface Rule extends NodeBase {
  kind: "Rule";
  name?: StringLit;
  clause?: StringLit;
  /** `待核` after the clause: the scoring was written by `kp import` and no person has checked it yet. */
  review?: ReviewMark;
  body?: RuleBody;
  modifiers: Modifier[];
}

export type RuleBody =
  | PerBody
  | OneShotBody
  | ZeroBody
  | BandsBody
  | LinearBody
  | ShortfallBody
  | AssessedBody
  | RateBody
  | ProportionalBody
  | RankedBody
  | DiscretionBody
  | CommitteeBody
  | RatedBody
  | VetoBody
  | TodoBody;

/** Deduct (扣) or award (得). */
export type Action = "deduct" | "award";

/** A unit word of a per-occurrence rule: `每次`, `发现一起` (canonical `每起`). */
export interface UnitWord extends NodeBase {
  kind: "UnitWord";
  /** Canonical spelling, e.g. `每起`. */
  text: string;
  /** The counted thing, e.g. `起`. */
  noun: string;
}

/** `每次 扣 0.5` / `每村 每次 扣 0.1` / `每次 得 0.5` (patterns 1, 6). */
export interface PerBody extends NodeBase {
  kind: "Per";
  units: UnitWord[];
  action: Action;
  amounts?: Amounts;
}
/** `扣 0.2` / `得 0.1` (patterns 5, 10); `得 1 否则 扣 2` (pattern 30). */
export interface OneShotBody extends NodeBase {
  kind: "OneShot";
  action: Action;
  amounts?: Amounts;
  otherwise?: ElseBranch;
}
/** `否则 扣 2` / `否则 倒扣 2`: what a no (未完成) costs. */
export interface ElseBranch extends NodeBase {
  kind: "Else";
  /** As written: 扣, 倒扣 (deduct, carried beyond the indicator) or 得 (KP2080). */
  action: "deduct" | "overdraft" | "award";
  amount?: NumberLit;
}
/** `评为 「好」、「较好」 分别得 满分、80%` — the fact is one of the named outcomes (pattern 29). */
export interface RatedBody extends NodeBase {
  kind: "Rated";
  names: StringLit[];
  action: Action;
  values: RatedValue[];
}
/** `满分`, `1.5` (points) or `80%` (a share of the item's points). */
export interface RatedValue extends NodeBase {
  kind: "RatedValue";
  full: boolean;
  value?: NumberLit;
}
/**
 * `待核` (between a rule's clause and its scoring): the scoring was written by `kp import`'s recogniser
 * and no person has checked it yet — a warning in check (KP2123), scored as written.
 */
export interface ReviewMark extends NodeBase {
  kind: "ReviewMark";
}
/** `待补`: the clause's scoring is still to be written (an import could not read it); never scored. */
export interface TodoBody extends NodeBase {
  kind: "Todo";
}
/** `不得分`. */
export interface ZeroBody extends NodeBase {
  kind: "Zero";
}

export type Amounts = SimpleAmount | CategoryAmounts;
/** `0.5` with optional per-class overrides: `0.5 其中 「园区」 0.3`. */
export interface SimpleAmount extends NodeBase {
  kind: "Amount";
  value?: NumberLit;
  overrides: ClassAmount[];
}
/** `「园区」 0.3` inside `其中`. */
export interface ClassAmount extends NodeBase {
  kind: "ClassAmount";
  unitClass?: StringLit;
  value?: NumberLit;
}
/** `「轻处分」 0.05、「重处分」 0.1` (pattern 6). */
export interface CategoryAmounts extends NodeBase {
  kind: "Categories";
  entries: CategoryAmount[];
}
export interface CategoryAmount extends NodeBase {
  kind: "CategoryAmount";
  name?: StringLit;
  value?: NumberLit;
}

/** `分段 { [75%, 100%) 扣 0.2 … 未报送 扣 2 }` (patterns 7, 11). */
export interface BandsBody extends NodeBase {
  kind: "Bands";
  /** `分段 可为负 {…}`: the value may be negative (pattern 38); without it a negative fact is refused. */
  signed?: boolean;
  bands: Band[];
}
export interface Band extends NodeBase {
  kind: "Band";
  range?: Interval | MissingCase;
  outcome?: Outcome;
  /** `< 0 得 1.5 每低 0.1个百分点 扣 0.1`: the outcome goes on linearly from the band's bound (pattern 38). */
  steps?: BandSteps;
}
/** `每低 0.1个百分点 扣 0.1 [不足一档不计]` after a band's outcome: counted from the band's upper bound (每低…) or lower bound (每高…). */
export interface BandSteps extends NodeBase {
  kind: "BandSteps";
  word: string;
  direction: "below" | "above";
  step?: NumberLit;
  action: Action;
  amount?: NumberLit;
  mode?: StepMode;
}
/**
 * A range of values.  `[a, b)` sets both bounds (`[`/`]` include, `(`/`)` exclude); `≥ a`, `> a`,
 * `≤ b`, `< b`, `= a` set one (or, for `=`, both).  `form` remembers which was written.
 */
export interface Interval extends NodeBase {
  kind: "Interval";
  form: "bracket" | "≥" | ">" | "≤" | "<" | "=";
  lower?: NumberLit;
  lowerInclusive: boolean;
  /** The lower bound is written with a minus sign (`[-5, 0)`); the NumberLit is its magnitude. */
  lowerNegative?: boolean;
  upper?: NumberLit;
  upperInclusive: boolean;
  /** The upper bound is written with a minus sign (`< -5`, `[-10, -5)`). */
  upperNegative?: boolean;
}
/** `未报送` — the value is missing. */
export interface MissingCase extends NodeBase {
  kind: "Missing";
}
/** `扣 0.2` / `得 0.1` / `不得分`. */
export interface Outcome extends NodeBase {
  kind: "Outcome";
  action: Action | "zero";
  amount?: NumberLit;
}

/** How a partial step of a linear rule counts. */
export type StepMode = "proportional" | "floor" | "ceil" | "round";

/** Where a linear rule's base comes from when it is not a number: 平均值, 中位数 (across units), 目标值 (the unit's own). */
export type BaseFrom = "average" | "median" | "target";

/**
 * `基准 90% 每低 1% 扣 0.02 [按比例] [低于 80% 不得分]` (pattern 8); an award `基准 0 每增加 50万元 得 0.5`
 * (pattern 21); two-sided `基准 100% 每增加 1% 得 1 上限 2，每少 1% 扣 1` (pattern 22); a base computed
 * across units `基准 平均值 每低 1个百分点 扣 0.2` (pattern 23).  The first side's fields are flat.
 */
export interface LinearBody extends NodeBase {
  kind: "Linear";
  /** The base as a number; absent with `baseFrom`. */
  base?: NumberLit;
  baseFrom?: BaseFrom;
  /** The step word as written (canonical): 每低, 每超 … */
  word: string;
  direction: "below" | "above";
  step?: NumberLit;
  /** 扣 (deduct) or 得/加 (award). */
  action: Action;
  amount?: NumberLit;
  /** Absent when not written (then proportional). */
  mode?: StepMode;
  /** The second side of a two-sided rule, after 「，」. */
  other?: LinearSide;
  /** A 上限 written right after the first side of a two-sided rule (it caps that side). */
  sideCap?: NumberLit;
  cutoff?: Cutoff;
}
/** The second side of a two-sided linear rule: `每少 1% 扣 1 [上限 C]`. */
export interface LinearSide extends NodeBase {
  kind: "LinearSide";
  word: string;
  direction: "below" | "above";
  step?: NumberLit;
  action: Action;
  amount?: NumberLit;
  mode?: StepMode;
  cap?: NumberLit;
}
/** `低于 90% 不得分` / `高于 5 扣 1`. */
export interface Cutoff extends NodeBase {
  kind: "Cutoff";
  direction: "below" | "above";
  value?: NumberLit;
  outcome?: Outcome;
}
/** `至少 4 次 每少 1 次 扣 0.25` (pattern 9). */
export interface ShortfallBody extends NodeBase {
  kind: "Shortfall";
  target?: NumberLit;
  step?: NumberLit;
  amount?: NumberLit;
}
/**
 * `按评价 得分 [满分 4]` — the fact is the score (pattern 12); `… 折算自 120` — the fact is a score out
 * of 120, rescaled to the rule's points (pattern 31).
 */
export interface AssessedBody extends NodeBase {
  kind: "Assessed";
  max?: NumberLit;
  scale?: NumberLit;
}
/** `按比率 得分 [满分 6]` — score = full × rate / 100 (pattern 12); 折算自 here is KP2081. */
export interface RateBody extends NodeBase {
  kind: "Rate";
  max?: NumberLit;
  scale?: NumberLit;
}
/** `按最高比例 得分 [满分 2]` — score = full × value / best value (pattern 13); 折算自 here is KP2081. */
export interface ProportionalBody extends NodeBase {
  kind: "Proportional";
  max?: NumberLit;
  scale?: NumberLit;
}
/**
 * `按排名 得分 [满分 2] 每后退一位 扣 0.5 [越低越好]` (pattern 13); `… 依次 得 10、9、8 [其余 得 5]`
 * gives points by place from a list; `按 「指标」 得分 排名 …` / `按 总分 排名 …` rank by a computed score
 * instead of the rule's fact (pattern 28).
 */
export interface RankedBody extends NodeBase {
  kind: "Ranked";
  /** What is ranked: the rule's fact (按排名 得分), an indicator's score, or the total before bonuses. */
  by: "fact" | "indicator" | "total";
  /** The indicator named with by = "indicator". */
  indicator?: StringLit;
  max?: NumberLit;
  /** 每后退一位 扣 X (absent with a list). */
  step?: NumberLit;
  /** 依次 得 10、9、8: points of places 1, 2, 3 …; present (maybe empty after recovery) for the list form. */
  table?: NumberLit[];
  /** 其余 得 X: points of places beyond the list. */
  rest?: NumberLit;
  lowerIsBetter: boolean;
}
/**
 * `酌情 扣 0.5 至 2` — the assessor gives an amount in the range (pattern 17); `酌情 得 0.5 至 1` an
 * award; `每起 酌情 扣 1 至 2` one amount in the range per occurrence (pattern 37).
 */
export interface DiscretionBody extends NodeBase {
  kind: "Discretion";
  /** The unit word of a per-occurrence range (每起 …); absent for once per rule. */
  unit?: UnitWord;
  action: Action;
  min?: NumberLit;
  max?: NumberLit;
}
/** `评议 得分` — the committee gives the points, bounded by the rule's or the section's cap (pattern 36). */
export interface CommitteeBody extends NodeBase {
  kind: "Committee";
}
/** `一票否决` / `一票否优` (pattern 16). */
export interface VetoBody extends NodeBase {
  kind: "Veto";
  level: "fail" | "noExcellent";
}

export type Modifier = CapModifier | OverdraftModifier | MultiplierModifier | WaiverModifier | OccurrencesModifier | AverageModifier | AppliesDecl;
/** `上限 4` (pattern 2). */
export interface CapModifier extends NodeBase {
  kind: "Cap";
  value?: NumberLit;
}
/** `倒扣` — may deduct beyond the indicator's points, from its parent (pattern 4). */
export interface OverdraftModifier extends NodeBase {
  kind: "Overdraft";
}
/** `加倍 当 「重犯」` / `减半 当 「主动整改」` (pattern 18). */
export interface MultiplierModifier extends NodeBase {
  kind: "Multiplier";
  factor: "double" | "half";
  flag?: StringLit;
}

/**
 * `免扣 当 「上级政策调整」` (the deduction is cancelled when the condition holds) / `可减免 当 「主动整改」`
 * (the assessor may reduce it by an amount in [0, the deduction]) (pattern 35).
 */
export interface WaiverModifier extends NodeBase {
  kind: "Waiver";
  mode: "cancel" | "reduce";
  flag?: StringLit;
}
/**
 * `其中 「已查结」 减半、「重复访」 加倍` — only the occurrences meeting a condition are multiplied:
 * each condition is a count (「规则名.条件」) within the rule's count.
 */
export interface OccurrencesModifier extends NodeBase {
  kind: "Occurrences";
  entries: OccurrenceFactor[];
}
/** One condition of `其中`: 加倍 ×2, 减半 ×½, 加 N倍 ×(N+1), 按 N倍 ×N. */
export interface OccurrenceFactor extends NodeBase {
  kind: "OccurrenceFactor";
  condition?: StringLit;
  factor: "double" | "half" | "plus" | "times";
  /** N of 加 N倍 / 按 N倍. */
  n?: NumberLit;
}
/** `按 「所辖乡镇数」 平均` (a fact of the unit) or `按 12 平均` (a number): the result divided by it. */
export interface AverageModifier extends NodeBase {
  kind: "Average";
  fact?: StringLit;
  value?: NumberLit;
}

/** Any AST node. */
export type Node =
  | KpFile
  | TopItem
  | Grade
  | GradeCondition
  | IndicatorItem
  | ReviewMark
  | RuleBody
  | Modifier
  | Amounts
  | ClassAmount
  | OccurrenceFactor
  | CategoryAmount
  | Band
  | BandSteps
  | Interval
  | MissingCase
  | Outcome
  | ElseBranch
  | RatedValue
  | Cutoff
  | LinearSide
  | UnitWord
  | StringLit
  | NumberLit
  | Comment;

/** Type guard for rules. */
export function isRule(n: { kind: string }): n is Rule {
  return n.kind === "Rule";
}
/** Type guard for indicators. */
export function isIndicator(n: { kind: string }): n is Indicator {
  return n.kind === "Indicator";
}
/** Type guard for rule and bonus/penalty containers. */
export function isGroup(n: { kind: string }): n is CapGroup | HighestGroup | ChoiceGroup {
  return n.kind === "CapGroup" || n.kind === "HighestGroup" || n.kind === "ChoiceGroup";
}

/** Calls `visit` on every node below `node` (depth first, in source order), `node` included. */
export function walk(node: Node, visit: (n: Node, parent: Node | undefined) => void, parent?: Node): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

/** The direct children of a node, in source order. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (key === "span" || key === "kind") continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) out.push(x as Node);
    } else if (v && typeof v === "object" && "kind" in v) out.push(v as Node);
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}
