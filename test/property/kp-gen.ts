/**
 * Random VALID .kp catalogues and matching facts, for property tests and the fuzzer.
 *
 * A catalogue is first drawn as a small typed description (`CatSpec`), then rendered to .kp text in a
 * randomly chosen layout (line breaks, indentation, separators, keyword aliases, full-width digits,
 * comments).  Facts are drawn as typed values (`UnitSpec`) and encoded as the JSON a facts file
 * would hold, in one of the several spellings people use (3 / "3", true / "是", 75 / "75%" …).  The
 * reference evaluator (reference.ts) scores the typed description, never the compiler's output.
 *
 * Draws go through a tiny `Draw` interface so the same generator runs under fast-check (`fc.gen()`,
 * with shrinking) and from a seeded PRNG in scripts/fuzz.ts.
 *
 * Generator rules follow the checker: every generated catalogue must check without errors (the
 * property test asserts it).  Features with a known compiler bug are only generated when the bug is
 * marked fixed in `KNOWN_BUGS` (all are fixed now; their regression tests are in
 * test/robustness/known-bugs.test.ts).
 */
import fc from "fast-check";

// ==================================================================== known compiler bugs

/**
 * Compiler behaviours this suite believes are wrong (see the report and known-bugs.test.ts).  While a
 * flag is true the generator avoids the combination (or the comparison skips it), so the main
 * property stays green; set it to false when core is fixed and the property covers it again.
 */
export const KNOWN_BUGS = {
  /**
   * 不得分 takes the whole indicator and is neither multiplied nor capped — as the compiler does for
   * 不得分 outcomes of 分段 and cut-offs — but a 不得分 RULE is still capped by its 上限, and any
   * 不得分 inside 合计 is limited by the group's cap.
   */
  zeroCapped: false,
  /** A rule's 适用 inside an indicator's 适用 with other classes: applicableClasses intersects the class lists. */
  nestedAppliesDisjoint: false,
  /** Children of an indicator that does not apply to a unit are reported with score 0 (the parent gets full points). */
  notApplicableChildrenZero: false,
};

// ==================================================================== draws

/** Where random choices come from. */
export interface Draw {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  bool(p?: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

const intArbs = new Map<string, fc.Arbitrary<number>>();
/** fc.integer, memoised: building an arbitrary per draw would dominate generation time. */
function intArb(min: number, max: number): fc.Arbitrary<number> {
  const key = `${min},${max}`;
  let a = intArbs.get(key);
  if (!a) intArbs.set(key, (a = fc.integer({ min, max })));
  return a;
}

/** Draws from a fast-check generator value (shrinkable). */
export function drawFromGen(g: fc.GeneratorValue): Draw {
  return {
    int: (min, max) => g(intArb, min, max),
    bool: (p = 0.5) => g(intArb, 0, 999) < p * 1000,
    pick: (xs) => xs[g(intArb, 0, xs.length - 1)]!,
  };
}

/** Draws from a seeded PRNG (mulberry32), for scripts. */
export function drawFromSeed(seed: number): Draw & { next(): number } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    bool: (p = 0.5) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

// ==================================================================== the description

/** Exact decimals in millionths, as BigInt. */
export type Raw = bigint;
export const SCALE = 1_000_000n;

export interface Quantity {
  raw: Raw;
  percent: boolean;
  measure?: string;
}

export type Outcome = { kind: "deduct"; amount: Raw } | { kind: "award"; amount: Raw } | { kind: "zero" };

export type StepModeSpec = "proportional" | "floor" | "ceil" | "round";

export interface LinearSideSpec {
  word: string;
  direction: "below" | "above";
  step: Quantity;
  action: "deduct" | "award";
  amount: Raw;
  mode?: StepModeSpec;
  cap?: Raw;
}

export interface BandSpec {
  form: "bracket" | "≥" | ">" | "≤" | "<" | "=";
  lower?: Raw;
  lowerInclusive: boolean;
  upper?: Raw;
  upperInclusive: boolean;
  outcome: Outcome;
  /** `… 每低 S 扣 X [mode]`: the outcome goes on per step from the band's upper (below) or lower (above) bound */
  steps?: { word: string; direction: "below" | "above"; step: Raw; amount: Raw; mode?: StepModeSpec };
}

export type BodySpec =
  | { kind: "per"; units: string[]; action: "deduct" | "award"; amount: Raw; overrides: { cls: string; amount: Raw }[] }
  | { kind: "categories"; units: string[]; action: "deduct" | "award"; categories: { name: string; amount: Raw }[] }
  | {
      kind: "once";
      action: "deduct" | "award";
      amount: Raw;
      overrides: { cls: string; amount: Raw }[];
      /** 得 X 否则 扣 Y / 否则 倒扣 Y (award only) */
      otherwise?: { amount: Raw; overdraft: boolean };
    }
  | { kind: "zero" }
  | { kind: "veto"; level: "fail" | "noExcellent" }
  | { kind: "bands"; percent: boolean; bands: BandSpec[]; missing?: Outcome; signed?: boolean }
  | {
      kind: "linear";
      word: string;
      direction: "below" | "above";
      /** With `baseFrom` the base's raw is unused (percent still says what the values are). */
      base: Quantity;
      baseFrom?: "average" | "median" | "target";
      step: Quantity;
      /** 得 (written 得 or 加); absent = 扣. */
      action?: "award";
      amount: Raw;
      mode?: StepModeSpec;
      /** Two-sided: the other side (opposite direction and action), and the first side's cap. */
      other?: LinearSideSpec;
      sideCap?: Raw;
      cutoff?: { direction: "below" | "above"; value: Quantity; outcome: Outcome };
    }
  | { kind: "shortfall"; target: Raw; step: Raw; amount: Raw; measure?: string }
  | { kind: "assessed" | "rate" | "proportional"; max?: Raw; scale?: Raw }
  /** 评为 … 分别得/扣: `full` (满分), `pct` (a share of the indicator's points) or `amount` */
  | { kind: "rated"; action: "deduct" | "award"; outcomes: { name: string; full?: boolean; pct?: Raw; amount?: Raw }[] }
  | {
      kind: "ranked";
      max?: Raw;
      step: Raw;
      lowerIsBetter: boolean;
      /** 依次 得 …: points of places 1, 2 … (step unused) and 其余 得 rest. */
      table?: Raw[];
      rest?: Raw;
      /** 按 「指标」 得分 排名 (a top-level indicator generated earlier) / 按 总分 排名. */
      by?: { kind: "indicator"; name: string } | { kind: "total" };
    }
  /** 酌情 扣/得 A 至 B; with `unit` (每次 …) one amount per occurrence */
  | { kind: "discretion"; min: Raw; max: Raw; unit?: string; action?: "deduct" | "award" }
  /** 评议 得分: bounded by the rule's cap, else the section's cap, else the indicator's points */
  | { kind: "committee" };

export interface RuleSpec {
  type: "rule";
  name: string;
  clause: string;
  body: BodySpec;
  cap?: Raw;
  overdraft: boolean;
  multipliers: { factor: "double" | "half"; flag: string }[];
  /** 免扣/可减免 当 「…」 */
  waivers?: { mode: "cancel" | "reduce"; flag: string }[];
  /** 其中 「已查结」 减半 (per-occurrence rules with one unit word): factor as raw (×2 → 2000000). */
  occurrences?: { condition: string; form: "double" | "half" | "plus" | "times"; n?: Raw; factor: Raw }[];
  /** 按 「所辖乡镇数」 平均 (a fact of the unit) or 按 N 平均. */
  average?: { fact: string } | { value: number };
  appliesTo?: string[];
}

export interface GroupSpec {
  type: "group";
  /** 合计, 就高, or 择一 (mutually exclusive alternatives: facts name at most one). */
  kind: "cap" | "highest" | "choice";
  cap?: Raw;
  rules: RuleSpec[];
  notes: string[];
}

export interface IndSpec {
  type: "indicator";
  name: string;
  /** Declared points (undefined = derived from children and award rules). */
  points?: Raw;
  /** Points that differ by class (`5分 其中 「其他县」 3分`; only with declared points). */
  classPoints?: { cls: string; points: Raw }[];
  code?: string;
  departments?: string[];
  appliesTo?: string[];
  refer?: { unitClass: string; unit: string };
  /** 参照 … 以 … 平均分/最高分/最低分 为准 (written after `refer`). */
  pool?: PoolSpec;
  items: (IndSpec | RuleSpec | GroupSpec | { type: "note"; text: string })[];
}

/** A 参照 to a pool: takers (a class, or 未涉及 flagged units) take the pool's aggregate. */
export interface PoolSpec {
  taker: { cls: string } | { flag: true };
  pool: "class" | "same" | "all";
  poolClass?: string;
  agg: "average" | "max" | "min";
}

export interface SectionSpec {
  kind: "bonus" | "penalty";
  name: string;
  cap?: Raw;
  rules: RuleSpec[];
  /** 就高 and 择一 groups, written after the rules. */
  groups?: GroupSpec[];
}

export interface GradeSpec {
  name: string;
  otherwise: boolean;
  conditions: ({ kind: "score"; op: "≥" | ">"; value: Raw } | { kind: "rank"; value: Raw; percent: boolean })[];
}

export interface CatSpec {
  title: string;
  year?: string;
  subject?: string;
  classes: string[];
  total?: Raw;
  /** 总分 T 折算 */
  rescale?: boolean;
  rounding?: number;
  grades: GradeSpec[];
  indicators: IndSpec[];
  sections: SectionSpec[];
  /** How many files the indicators are spread over (1 = root only). */
  files: number;
}

// ---------------------------------------------------------------- facts

/** A typed fact value (before encoding). */
export type FactValue =
  | { t: "count"; n: number; ids?: string[] }
  | { t: "flag"; v: boolean; id?: string }
  | { t: "award"; v: "yes" | "no" | Raw }
  | { t: "value"; v: Raw | null }
  | { t: "amount"; v: Raw }
  /** 每次 酌情: the amount of each occurrence */
  | { t: "amounts"; v: Raw[] }
  | { t: "outcome"; v: string }
  /** per-item counts of a compound rule (每村 每次) under the rule's name; `sum`: written as their sum */
  | { t: "items"; items: [string, number][]; sum: boolean };

export interface UnitSpec {
  name: string;
  classes: string[];
  facts: Map<string, FactValue>;
}

// ==================================================================== pools

const CLASS_POOL = ["县区", "园区", "产区", "非产区"];
export const UNIT_POOL = ["甲县", "乙县", "丙区", "丁区", "戊园区", "己县", "庚县"];
const IND_WORDS = ["会议", "信息工作", "落实部署", "文件管理", "组织建设", "宣传", "安全生产", "财政", "督查", "学习"];
const RULE_WORDS = ["参会", "迟报", "漏报", "反馈", "清退", "约稿", "检查", "培训", "整改", "通报"];
const CATEGORY_POOL = ["轻处分", "重处分", "刑事处罚", "通报批评", "诫勉"];
const DOUBLE_FLAGS = ["重犯", "情节严重"];
const HALF_FLAGS = ["主动整改", "首次"];
const CANCEL_FLAGS = ["上级政策调整", "不可抗力"];
const REDUCE_FLAGS = ["整改到位", "主动说明"];
/** Conditions of 其中 「…」 加倍 (never a flag's name: they share the rule's sub-keys). */
const OCC_CONDS = ["已查结", "重复访", "群体性", "省级批示", "头版头条"];
/** Divisors of 按 「…」 平均: facts of the unit, shared by the rules dividing by them. */
export const DIVISOR_FACTS = ["所辖乡镇数", "所辖村数"];
const CLAUSES = [
  "未按要求参加重要会议的，每次扣0.5分",
  "完成75%—100%（含75%，不含100%）扣0.2分",
  "全年至少4次，每少一次扣0.25分",
  "依据评价结果计算得分",
  "第1名得满分，每后退一位扣0.5分",
  "情节较重的，酌情扣0.5—2分",
  "发生重大责任事故的，一票否决",
  "（原文）按《××办法》执行；“引号”‘单引号’",
];
/** Per-occurrence unit words and their nouns (aliases render as the first spelling sometimes). */
const PER_UNITS: [string, string, string[]][] = [
  ["每次", "次", []],
  ["每件次", "件次", []],
  ["每件", "件", []],
  ["每起", "起", ["发现一起"]],
  ["每项", "项", ["发现一项"]],
  ["每例", "例", ["发现一例"]],
  ["每处", "处", []],
  ["每人次", "人次", []],
  ["每村", "村", []],
  ["每户", "户", []],
  ["每篇", "篇", []],
  ["每天", "天", []],
];
const NICE_AMOUNTS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 2];
const OUTCOME_POOL = ["好", "较好", "一般", "差", "优秀", "合格", "基本合格", "不合格"];
const SCALES = [100, 120, 150, 10, 5];

/** 评为 …: 1–4 distinct outcome names; shares (满分, %) only where the indicator declares its points. */
function ratedBody(d: Draw, action: "deduct" | "award", P: Raw | undefined): Extract<BodySpec, { kind: "rated" }> {
  const names = pickSubset(d, OUTCOME_POOL).slice(0, 4);
  const outcomes = names.map((name) => {
    if (P !== undefined && d.bool(0.2)) return { name, full: true };
    if (P !== undefined && d.bool(0.4)) return { name, pct: d.bool(0.7) ? raw(d.pick([0, 20, 50, 60, 80, 90, 100])) : BigInt(d.int(0, 100_000_000)) };
    return { name, amount: d.bool(0.15) ? 0n : amount(d, action === "award" ? P : undefined) };
  });
  return { kind: "rated", action, outcomes };
}

/** The counted noun of a canonical per-occurrence unit word (每件次 → 件次). */
export function nounOf(unitWord: string): string {
  return PER_UNITS.find((u) => u[0] === unitWord)?.[1] ?? unitWord.replace(/^每/, "");
}

// ==================================================================== decimals

export function raw(x: number): Raw {
  return BigInt(Math.round(x * 1_000_000));
}

/** A raw decimal as plain text: 1.5, 0.05, 4. */
export function dec(r: Raw): string {
  const neg = r < 0n;
  const x = neg ? -r : r;
  const int = x / SCALE;
  const frac = x % SCALE;
  let s = int.toString();
  if (frac !== 0n) s += "." + frac.toString().padStart(6, "0").replace(/0+$/, "");
  return neg && x !== 0n ? "-" + s : s;
}

// ==================================================================== catalogue generator

export interface GenOptions {
  /** Upper bound of top-level indicators. */
  maxTop?: number;
  /** Allow several files joined by 引入. */
  multiFile?: boolean;
}

class Names {
  private n = 0;
  next(words: readonly string[], d: Draw): string {
    return `${d.pick(words)}${++this.n}`;
  }
}

interface GenCtx {
  d: Draw;
  names: Names;
  classes: string[];
  /** Classes the enclosing indicators restrict to (innermost last). */
  applyStack: string[][];
  /** Top-level indicators generated so far: what a ranking may rank by without a cycle. */
  tops: IndSpec[];
}

function amount(d: Draw, max?: Raw): Raw {
  let a: Raw = d.bool(0.8) ? raw(d.pick(NICE_AMOUNTS)) : BigInt(d.int(1, 3_000_000));
  if (max !== undefined && a > max) a = max;
  return a;
}

function points(d: Draw): Raw {
  return d.bool(0.85) ? raw(d.pick([1, 2, 3, 4, 5, 6, 8, 10, 16])) : BigInt(d.int(100_000, 20_000_000));
}

function pickSubset(d: Draw, xs: readonly string[], min = 1): string[] {
  const out = xs.filter(() => d.bool(0.5));
  while (out.length < min && xs.length > 0) {
    const x = d.pick(xs);
    if (!out.includes(x)) out.push(x);
  }
  return xs.filter((x) => out.includes(x));
}

/** Classes a rule or indicator may restrict to, given the enclosing restrictions. */
function appliesChoice(c: GenCtx): string[] | undefined {
  if (c.classes.length === 0 || !c.d.bool(0.2)) return undefined;
  const outer = c.applyStack[c.applyStack.length - 1];
  if (outer && KNOWN_BUGS.nestedAppliesDisjoint) return pickSubset(c.d, outer);
  return pickSubset(c.d, c.classes);
}

function multipliers(d: Draw): RuleSpec["multipliers"] {
  const out: RuleSpec["multipliers"] = [];
  if (d.bool(0.15)) out.push({ factor: "double", flag: d.pick(DOUBLE_FLAGS) });
  if (d.bool(0.15)) out.push({ factor: "half", flag: d.pick(HALF_FLAGS) });
  return out;
}

/** 免扣 on any deduction rule; 可减免 only where the generator knows the deduction (一次性扣分 without 加倍/减半). */
function waivers(d: Draw, body: BodySpec, mults: RuleSpec["multipliers"]): NonNullable<RuleSpec["waivers"]> {
  const out: NonNullable<RuleSpec["waivers"]> = [];
  if (d.bool(0.15)) out.push({ mode: "cancel", flag: d.pick(CANCEL_FLAGS) });
  if (body.kind === "once" && body.action === "deduct" && mults.length === 0 && d.bool(0.3)) out.push({ mode: "reduce", flag: d.pick(REDUCE_FLAGS) });
  return out;
}

function overrides(c: GenCtx, max?: Raw): { cls: string; amount: Raw }[] {
  if (c.classes.length === 0 || !c.d.bool(0.25)) return [];
  return pickSubset(c.d, c.classes).map((cls) => ({ cls, amount: amount(c.d, max) }));
}

function perUnits(d: Draw, compound: boolean): string[] {
  const a = d.pick(PER_UNITS)[0];
  if (!compound) return [a];
  let b = d.pick(PER_UNITS)[0];
  if (nounOf(b) === nounOf(a)) b = a === "每村" ? "每次" : "每村";
  return [a, b];
}

function categories(d: Draw): { name: string; amount: Raw }[] {
  const names = pickSubset(d, CATEGORY_POOL).slice(0, 4);
  return names.map((name) => ({ name, amount: amount(d) }));
}

/** Sorted distinct cut points for bands. */
function cuts(d: Draw, percent: boolean, n: number): Raw[] {
  const set = new Set<bigint>();
  while (set.size < n) {
    set.add(
      percent
        ? d.bool(0.7)
          ? raw(d.pick([10, 25, 50, 60, 75, 80, 90, 92, 95, 98, 100]))
          : BigInt(d.int(0, 100_000_000))
        : d.bool(0.7)
          ? raw(d.int(0, 12))
          : BigInt(d.int(0, 20_000_000)),
    );
  }
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function bandsBody(c: GenCtx, award: boolean, P: Raw | undefined, inSection: boolean, signedOk = false): Extract<BodySpec, { kind: "bands" }> {
  const d = c.d;
  const percent = d.bool(0.6);
  // 分段 可为负 (issue 11 §1.8): some cut points below 0, and bands going on per step
  const signed = signedOk && d.bool(0.3);
  const shift = signed ? d.pick([0n, raw(5), raw(10), BigInt(d.int(1, 20_000_000))]) : 0n;
  const cp = cuts(d, percent, d.int(1, 4)).map((x) => x - shift);
  const outcome = (): Outcome => {
    if (award) return { kind: "award", amount: d.bool(0.15) ? 0n : amount(d, P) };
    if (!inSection && d.bool(0.1)) return { kind: "zero" };
    return { kind: "deduct", amount: d.bool(0.1) ? 0n : amount(d) };
  };
  const bands: BandSpec[] = [];
  // Ascending or descending sequences of adjacent bands, plus open-ended ones.
  if (d.bool(0.3)) bands.push(d.bool() ? { form: "<", upper: cp[0], lowerInclusive: false, upperInclusive: false, outcome: outcome() } : { form: "≤", upper: cp[0], lowerInclusive: false, upperInclusive: true, outcome: outcome() });
  for (let i = 0; i + 1 < cp.length; i++) {
    const li = d.bool(0.6);
    const ui = d.bool(0.3);
    bands.push({ form: "bracket", lower: cp[i], upper: cp[i + 1], lowerInclusive: li, upperInclusive: ui, outcome: outcome() });
  }
  if (d.bool(0.2)) {
    const x = d.pick(cp);
    bands.push({ form: "bracket", lower: x, upper: x, lowerInclusive: true, upperInclusive: true, outcome: outcome() });
  }
  if (d.bool(0.15)) bands.push({ form: "=", lower: cp[0], upper: cp[0], lowerInclusive: true, upperInclusive: true, outcome: outcome() });
  const last = cp[cp.length - 1]!;
  if (bands.length === 0 || d.bool(0.4))
    bands.push(d.bool() ? { form: "≥", lower: last, lowerInclusive: true, upperInclusive: false, outcome: outcome() } : { form: ">", lower: last, lowerInclusive: false, upperInclusive: false, outcome: outcome() });
  if (d.bool(0.3)) bands.reverse();
  if (signedOk)
    for (const band of bands) {
      if (band.outcome.kind === "zero" || !d.bool(0.3)) continue;
      const below = band.upper !== undefined && (band.lower === undefined || d.bool());
      if (!below && band.lower === undefined) continue;
      const [word, direction] = below ? d.pick([["每低", "below"], ["每少", "below"], ["每减少", "below"]] as const) : d.pick([["每高", "above"], ["每超", "above"], ["每增加", "above"]] as const);
      const step = d.bool(0.7) ? raw(d.pick([0.1, 0.5, 1, 2])) : BigInt(d.int(1, 3_000_000));
      band.steps = { word, direction, step, amount: amount(d) };
      if (d.bool(0.6)) band.steps.mode = d.pick(["proportional", "floor", "ceil", "round"] as const);
    }
  const body: Extract<BodySpec, { kind: "bands" }> = { kind: "bands", percent, bands };
  if (signed) body.signed = true;
  if (d.bool(0.35)) body.missing = outcome();
  return body;
}

function linearBody(d: Draw, opts: { award?: boolean; twoSided?: boolean; baseFrom?: boolean } = {}): Extract<BodySpec, { kind: "linear" }> {
  const [word, direction] = d.pick([
    ["每低", "below"],
    ["每少", "below"],
    ["每减少", "below"],
    ["每高", "above"],
    ["每超", "above"],
    ["每多", "above"],
    ["每增加", "above"],
  ] as const);
  const percent = d.bool(0.6);
  const base: Quantity = percent
    ? { raw: d.bool(0.7) ? raw(d.pick([60, 80, 90, 95, 100])) : BigInt(d.int(1_000_000, 100_000_000)), percent: true }
    : { raw: d.bool(0.7) ? raw(d.int(0, 20)) : BigInt(d.int(0, 30_000_000)), percent: false };
  const stepRaw = d.bool(0.7) ? raw(d.pick([0.5, 1, 2, 5])) : BigInt(d.int(1, 5_000_000));
  const step: Quantity = percent
    ? d.bool(0.5)
      ? { raw: stepRaw, percent: false, measure: d.pick(["个百分点", "百分点"]) }
      : { raw: stepRaw, percent: true }
    : { raw: stepRaw, percent: false };
  const body: Extract<BodySpec, { kind: "linear" }> = { kind: "linear", word, direction, base, step, amount: amount(d) };
  if (d.bool(0.6)) body.mode = d.pick(["proportional", "floor", "ceil", "round"] as const);
  if (opts.baseFrom && d.bool(0.3)) body.baseFrom = d.pick(["average", "median", "target"] as const);
  if (opts.award) {
    body.action = "award";
    return body;
  }
  if (opts.twoSided) {
    const [w2, dir2] = direction === "below" ? d.pick([["每增加", "above"], ["每超", "above"], ["每高", "above"]] as const) : d.pick([["每少", "below"], ["每低", "below"], ["每减少", "below"]] as const);
    const stepRaw2 = d.bool(0.7) ? raw(d.pick([0.5, 1, 2, 5])) : BigInt(d.int(1, 5_000_000));
    const step2: Quantity = step.percent || step.measure ? (d.bool(0.5) && percent ? { raw: stepRaw2, percent: false, measure: "个百分点" } : { ...step, raw: stepRaw2 }) : { raw: stepRaw2, percent: false };
    const first: "deduct" | "award" = d.bool() ? "deduct" : "award";
    if (first === "award") body.action = "award";
    const other: LinearSideSpec = { word: w2, direction: dir2, step: step2, action: first === "award" ? "deduct" : "award", amount: amount(d) };
    if (d.bool(0.5)) other.mode = d.pick(["proportional", "floor", "ceil", "round"] as const);
    if (d.bool(0.4)) other.cap = amount(d);
    if (d.bool(0.4)) body.sideCap = amount(d);
    body.other = other;
  }
  if (d.bool(0.4)) {
    const cdir = d.bool(0.8) ? direction : direction === "below" ? "above" : "below";
    const off = BigInt(d.int(0, 20_000_000));
    const v = cdir === "below" ? (base.raw > off ? base.raw - off : 0n) : base.raw + off;
    body.cutoff = { direction: cdir, value: { raw: v, percent }, outcome: d.bool(0.5) ? { kind: "zero" } : { kind: "deduct", amount: amount(d) } };
  }
  return body;
}

function makeRule(c: GenCtx, name: string, body: BodySpec, opts: { cap?: boolean; overdraft?: boolean; mult?: boolean; applies?: boolean; waive?: boolean; occ?: boolean }): RuleSpec {
  const d = c.d;
  const r: RuleSpec = { type: "rule", name, clause: d.pick(CLAUSES), body, overdraft: false, multipliers: [] };
  if (opts.cap && d.bool(0.25)) r.cap = amount(d);
  if (opts.overdraft && d.bool(0.1)) r.overdraft = true;
  if (opts.mult) r.multipliers = multipliers(d);
  if (opts.waive) {
    const w = waivers(d, body, r.multipliers);
    if (w.length > 0) r.waivers = w;
  }
  if (opts.occ !== false) {
    // 其中 「…」 加倍 on a rule counting one kind of occurrence; 按 … 平均 on per/categories/once
    if (((body.kind === "per" && body.units.length === 1) || (body.kind === "categories" && body.units.length === 1)) && d.bool(0.2)) {
      const conds = pickSubset(d, OCC_CONDS).slice(0, d.int(1, 2));
      r.occurrences = conds.map((condition) => {
        const form = d.pick(["double", "half", "plus", "times"] as const);
        if (form === "double") return { condition, form, factor: raw(2) };
        if (form === "half") return { condition, form, factor: raw(0.5) };
        const n = d.bool(0.8) ? raw(d.int(1, 4)) : BigInt(d.int(1, 3_000_000));
        return { condition, form, n, factor: form === "plus" ? n + raw(1) : n };
      });
    }
    // (not with 可减免: its generated amounts assume the undivided deduction)
    if ((body.kind === "per" || body.kind === "categories" || (body.kind === "once" && !body.otherwise)) && !r.waivers && d.bool(0.15))
      r.average = d.bool(0.7) ? { fact: d.pick(DIVISOR_FACTS) } : { value: d.int(1, 12) };
  }
  if (opts.applies !== false) {
    const a = appliesChoice(c);
    if (a) r.appliesTo = a;
  }
  return r;
}

/**
 * A rule for an indicator.  `P` is the indicator's declared points (undefined when derived);
 * `single` says the rule is the indicator's only scoring rule (then 满分 may be omitted).
 */
function indicatorRule(c: GenCtx, P: Raw | undefined, scoredNeedsMax: boolean): RuleSpec {
  const d = c.d;
  const name = c.names.next(RULE_WORDS, d);
  // Award rules must not exceed P (KP2024); without P, they must be bounded (points are derived).
  const kind = d.pick([
    "per", "per", "per", "categories", "once", "once", "onceAward", "zero", "veto", "bands", "bands", "linear",
    "shortfall", "assessed", "rate", "proportional", "ranked", "discretion", "perAward",
    "discretionPer", "discretionAward", "committee", "onceElse", "rated", "rescaled", "linearAward",
  ] as const);
  const awardMax = P;
  switch (kind) {
    case "per":
      return makeRule(c, name, { kind: "per", units: perUnits(d, d.bool(0.15)), action: "deduct", amount: amount(d), overrides: overrides(c) }, { cap: true, overdraft: true, mult: true, waive: true });
    case "perAward": {
      const r = makeRule(c, name, { kind: "per", units: perUnits(d, false), action: "award", amount: amount(d, awardMax), overrides: [] }, {});
      if (P === undefined || d.bool(0.5)) r.cap = amount(d, awardMax);
      return r;
    }
    case "categories":
      return makeRule(c, name, { kind: "categories", units: perUnits(d, false), action: "deduct", categories: categories(d) }, { cap: true, overdraft: true, mult: true, waive: true });
    case "once":
      return makeRule(c, name, { kind: "once", action: "deduct", amount: amount(d), overrides: overrides(c) }, { cap: true, overdraft: true, mult: true, waive: true });
    case "onceAward":
      return makeRule(c, name, { kind: "once", action: "award", amount: amount(d, awardMax), overrides: overrides(c, awardMax) }, {});
    case "onceElse":
      return makeRule(c, name, { kind: "once", action: "award", amount: amount(d, awardMax), overrides: overrides(c, awardMax), otherwise: { amount: amount(d), overdraft: d.bool(0.4) } }, {});
    case "rated":
      return makeRule(c, name, ratedBody(d, d.bool(0.7) ? "award" : "deduct", P), {});
    case "rescaled": {
      const max = scoredNeedsMax || P === undefined || d.bool(0.5) ? amount(d, P) : undefined;
      const scale = d.bool(0.8) ? raw(d.pick(SCALES)) : BigInt(d.int(1, 200_000_000));
      return makeRule(c, name, { kind: "assessed", ...(max === undefined ? {} : { max }), scale }, {});
    }
    case "zero":
      if (P === undefined) return indicatorRule(c, P, scoredNeedsMax);
      return makeRule(c, name, { kind: "zero" }, { cap: !KNOWN_BUGS.zeroCapped, mult: !KNOWN_BUGS.zeroCapped, waive: true });
    case "veto":
      return makeRule(c, name, { kind: "veto", level: d.bool() ? "fail" : "noExcellent" }, {});
    case "bands": {
      const award = d.bool(0.4);
      if (award) return makeRule(c, name, bandsBody(c, true, awardMax, false, true), {});
      return makeRule(c, name, bandsBody(c, false, P, P === undefined, true), { cap: true, overdraft: true, mult: true, waive: true });
    }
    case "linear": {
      const body = linearBody(d, { baseFrom: true });
      if (P === undefined && body.cutoff?.outcome.kind === "zero") body.cutoff.outcome = { kind: "deduct", amount: amount(d) };
      return makeRule(c, name, body, { cap: true, overdraft: true, mult: true, waive: true });
    }
    case "linearAward": {
      const r = makeRule(c, name, linearBody(d, { award: true, baseFrom: true }), {});
      if (P === undefined || d.bool(0.5)) r.cap = amount(d, awardMax);
      return r;
    }
    case "shortfall": {
      const target = raw(d.int(1, 10));
      return makeRule(c, name, { kind: "shortfall", target, step: raw(d.pick([1, 1, 2, 3])), amount: amount(d), measure: d.pick([undefined, "次", "篇", "天"]) }, { cap: true, overdraft: true, mult: true, waive: true });
    }
    case "assessed":
    case "rate":
    case "proportional": {
      const max = scoredNeedsMax || P === undefined || d.bool(0.5) ? amount(d, P) : undefined;
      return makeRule(c, name, { kind, ...(max === undefined ? {} : { max }) }, {});
    }
    case "ranked": {
      // by an earlier top-level indicator's score (never a cycle), or by the rule's fact
      const target = c.tops.length > 0 && d.bool(0.35) ? d.pick(c.tops) : undefined;
      const by = target ? { by: { kind: "indicator" as const, name: target.name } } : {};
      if (d.bool(0.4)) return makeRule(c, name, { kind: "ranked", step: 0n, lowerIsBetter: d.bool(0.3), ...rankTable(d, P), ...by }, {});
      const max = scoredNeedsMax || P === undefined || d.bool(0.5) ? amount(d, P) : undefined;
      return makeRule(c, name, { kind: "ranked", ...(max === undefined ? {} : { max }), step: amount(d), lowerIsBetter: d.bool(0.3), ...by }, {});
    }
    case "discretion": {
      const lo = d.bool(0.3) ? 0n : amount(d);
      const hi = lo + amount(d);
      return makeRule(c, name, { kind: "discretion", min: lo, max: hi }, { cap: true, overdraft: true, mult: true, waive: true });
    }
    case "discretionPer": {
      const lo = d.bool(0.3) ? 0n : amount(d);
      const hi = lo + amount(d);
      return makeRule(c, name, { kind: "discretion", min: lo, max: hi, unit: d.pick(PER_UNITS)[0], action: "deduct" }, { cap: true, overdraft: true, mult: true, waive: true });
    }
    case "discretionAward": {
      // its maximum must not exceed the indicator's points (KP2024)
      const hi = amount(d, awardMax);
      const lo = d.bool(0.3) ? 0n : amount(d, hi);
      return makeRule(c, name, { kind: "discretion", min: lo, max: hi, action: "award" }, {});
    }
    case "committee": {
      const r = makeRule(c, name, { kind: "committee" }, {});
      if (P === undefined || d.bool(0.4)) r.cap = amount(d, awardMax);
      return r;
    }
  }
}

/** 依次 得 a、b、c [其余 得 r]: non-increasing, at most `max`. */
function rankTable(d: Draw, max: Raw | undefined): { table: Raw[]; rest?: Raw } {
  const n = d.int(1, 4);
  const table: Raw[] = [];
  let last = amount(d, max);
  for (let i = 0; i < n; i++) {
    table.push(last);
    if (d.bool(0.2)) continue; // a tie in the table
    last = last - (d.bool(0.7) ? last / BigInt(d.int(2, 5)) : BigInt(d.int(0, Number(last))));
  }
  if (d.bool(0.4)) return { table, rest: d.bool(0.3) ? 0n : BigInt(d.int(0, Number(table[table.length - 1]!))) };
  return { table };
}

/** A deduction rule fit for a 合计 or 就高 group. */
function groupRule(c: GenCtx, kind: "cap" | "highest", P: Raw | undefined): RuleSpec {
  const d = c.d;
  const name = c.names.next(RULE_WORDS, d);
  if (kind === "highest") {
    const k = d.pick(["per", "once", "categories"] as const);
    const body: BodySpec =
      k === "per"
        ? { kind: "per", units: perUnits(d, false), action: "deduct", amount: amount(d), overrides: overrides(c) }
        : k === "once"
          ? { kind: "once", action: "deduct", amount: amount(d), overrides: overrides(c) }
          : { kind: "categories", units: perUnits(d, false), action: "deduct", categories: categories(d) };
    return makeRule(c, name, body, { mult: true, occ: false }); // 就高: neither (KP2061)
  }
  let r = indicatorRule(c, P, true);
  while (r.body.kind === "veto" || isAwardBody(r.body) || (KNOWN_BUGS.zeroCapped && canZero(r.body))) r = indicatorRule(c, P, true);
  r.overdraft = false; // 倒扣 inside a group is an error (KP2038)
  return r;
}

/**
 * A rule fit for a 择一 group: one-shot award or deduction, 不得分 (with points) or a veto.  `award`
 * says which one-shot action (a 加分 section takes awards, a 减分 section deductions); undefined = any.
 */
function choiceRule(c: GenCtx, P: Raw | undefined, award: boolean | undefined, inSection: boolean): RuleSpec {
  const d = c.d;
  const name = c.names.next(RULE_WORDS, d);
  const k = award === true ? "onceAward" : award === false ? "once" : d.pick(["once", "onceAward", "onceAward", "zero", "veto"] as const);
  if (k === "onceAward") return makeRule(c, name, { kind: "once", action: "award", amount: amount(d, P), overrides: overrides(c, P) }, {});
  if (k === "zero" && P !== undefined && !inSection) return makeRule(c, name, { kind: "zero" }, { cap: !KNOWN_BUGS.zeroCapped, mult: !KNOWN_BUGS.zeroCapped });
  if (k === "veto") return makeRule(c, name, { kind: "veto", level: d.bool() ? "fail" : "noExcellent" }, {});
  return makeRule(c, name, { kind: "once", action: "deduct", amount: amount(d), overrides: overrides(c) }, { cap: true, overdraft: !inSection, mult: true });
}

/** A 择一 group of 2–3 alternatives. */
function choiceGroup(c: GenCtx, P: Raw | undefined, award: boolean | undefined, inSection: boolean): GroupSpec {
  const g: GroupSpec = { type: "group", kind: "choice", rules: [], notes: [] };
  const m = c.d.int(2, 3);
  for (let i = 0; i < m; i++) g.rules.push(choiceRule(c, P, award, inSection));
  if (c.d.bool(0.2)) g.notes.push("以上情形只按一种计");
  return g;
}

/** A 就高 group of award rules for a 加分 section (per item, only the largest award counts). */
function highestAwardGroup(c: GenCtx): GroupSpec {
  const d = c.d;
  const g: GroupSpec = { type: "group", kind: "highest", rules: [], notes: [] };
  if (d.bool(0.3)) g.cap = amount(d);
  const m = d.int(1, 3);
  for (let i = 0; i < m; i++) {
    const name = c.names.next(RULE_WORDS, d);
    const k = d.pick(["per", "once", "categories"] as const);
    const body: BodySpec =
      k === "per"
        ? { kind: "per", units: perUnits(d, false), action: "award", amount: amount(d), overrides: overrides(c) }
        : k === "once"
          ? { kind: "once", action: "award", amount: amount(d), overrides: overrides(c) }
          : { kind: "categories", units: perUnits(d, false), action: "award", categories: categories(d) };
    g.rules.push(makeRule(c, name, body, { mult: true, occ: false })); // 就高: no 其中 … 加倍 or 按 … 平均 (KP2061)
  }
  return g;
}

/** The most an award rule can give, as the checker counts it (undefined: unbounded or not an award). */
function awardBound(r: RuleSpec): Raw | undefined {
  const b = r.body;
  if (!isAwardBody(b)) return undefined;
  let m: Raw | undefined;
  if (b.kind === "once") m = awardFactMax(b);
  else if (b.kind === "bands") {
    m = 0n;
    for (const x of b.bands) if (x.outcome.kind === "award" && x.outcome.amount > m) m = x.outcome.amount;
    if (b.missing?.kind === "award" && b.missing.amount > m) m = b.missing.amount;
  } else if (b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") m = b.max;
  if (r.cap !== undefined) m = m === undefined || r.cap < m ? r.cap : m;
  if (r.multipliers.some((x) => x.factor === "double")) m = undefined;
  return m;
}

/** Whether a rule may end in 不得分. */
export function canZero(b: BodySpec): boolean {
  return b.kind === "zero" || (b.kind === "bands" && (b.bands.some((x) => x.outcome.kind === "zero") || b.missing?.kind === "zero")) || (b.kind === "linear" && b.cutoff?.outcome.kind === "zero");
}

export function isAwardBody(b: BodySpec): boolean {
  if (b.kind === "per" || b.kind === "categories" || b.kind === "once" || b.kind === "rated") return b.action === "award";
  if (b.kind === "discretion") return b.action === "award";
  if (b.kind === "committee") return true;
  if (b.kind === "bands") return b.bands.some((x) => x.outcome.kind === "award") || b.missing?.kind === "award";
  if (b.kind === "linear") return b.action === "award" && !b.other;
  return b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked";
}

/** A two-sided linear rule (达到基准得本项分值，一侧加分、一侧扣分). */
export function isTwoSided(b: BodySpec): boolean {
  return b.kind === "linear" && b.other !== undefined;
}

function indicator(c: GenCtx, depth: number, unitNames: readonly string[]): IndSpec {
  const d = c.d;
  const ind: IndSpec = { type: "indicator", name: c.names.next(IND_WORDS, d), items: [] };
  if (d.bool(0.15)) ind.code = d.pick(["一", "二", "（三）", "4.1"]);
  if (d.bool(0.1)) ind.departments = pickSubset(d, ["市委办", "督查室", "组织部"]);
  const applies = appliesChoice(c);
  if (applies) ind.appliesTo = applies;
  if (c.classes.length > 0 && d.bool(0.12)) ind.refer = { unitClass: d.pick(c.classes), unit: unitNames[0]! };
  if (d.bool(0.15)) {
    // a class taker must differ from the 参照 before it (KP2077) and from its pool's class (KP2072)
    const free = c.classes.filter((k) => k !== ind.refer?.unitClass);
    const taker: PoolSpec["taker"] = free.length > 0 && d.bool(0.4) ? { cls: d.pick(free) } : { flag: true };
    const others = c.classes.filter((k) => !("cls" in taker) || k !== taker.cls);
    const pool = d.pick(["class", "same", "all"] as const);
    const agg = d.pick(["average", "average", "max", "min"] as const);
    if (pool === "class" && others.length > 0) ind.pool = { taker, pool, poolClass: d.pick(others), agg };
    else if (pool === "same" && !("cls" in taker)) ind.pool = { taker, pool, agg };
    else ind.pool = { taker, pool: "all", agg };
  }
  if (applies) c.applyStack.push(applies);
  const hasChildren = depth < 3 && d.bool(depth === 1 ? 0.5 : 0.3);
  if (hasChildren) {
    const n = d.int(1, 3);
    for (let i = 0; i < n; i++) ind.items.push(indicator(c, depth + 1, unitNames));
    // Parent-level rules: deductions (and vetoes) only, so derived points stay defined.
    const extra = d.int(0, 2);
    for (let i = 0; i < extra; i++) {
      let r = indicatorRule(c, undefined, true);
      while (isAwardBody(r.body)) r = indicatorRule(c, undefined, true);
      ind.items.push(r);
    }
    if (d.bool(0.3)) ind.points = points(d);
  } else if (d.bool(0.06)) {
    // a veto-only list: no points, only 一票否决/一票否优 rules
    const n = d.int(1, 3);
    for (let i = 0; i < n; i++) ind.items.push(makeRule(c, c.names.next(RULE_WORDS, d), { kind: "veto", level: d.bool() ? "fail" : "noExcellent" }, {}));
  } else {
    const declared = d.bool(0.85);
    const P = declared ? points(d) : undefined;
    if (P !== undefined) ind.points = P;
    const n = d.int(1, 4);
    const rules: RuleSpec[] = [];
    for (let i = 0; i < n; i++) rules.push(indicatorRule(c, P, n > 1));
    if (P === undefined && !rules.some((r) => isAwardBody(r.body))) {
      rules.push(makeRule(c, c.names.next(RULE_WORDS, d), { kind: "once", action: "award", amount: amount(d), overrides: [] }, {}));
    }
    // A scored rule without 满分 takes the indicator's points: only when it is the one scoring rule.
    const scoring = rules.filter((r) => r.body.kind !== "veto");
    for (const r of rules) {
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || (b.kind === "ranked" && !b.table)) && b.max === undefined && scoring.length > 1) b.max = amount(d, P);
    }
    // A two-sided linear rule: only in a leaf with declared points and no other award rules (KP2051).
    if (P !== undefined && d.bool(0.2) && !rules.some((r) => isAwardBody(r.body))) {
      const r = makeRule(c, c.names.next(RULE_WORDS, d), linearBody(d, { twoSided: true, baseFrom: true }), {});
      rules.splice(d.int(0, rules.length), 0, r);
    }
    ind.items.push(...rules);
    if (d.bool(0.3)) {
      const kind = d.bool() ? "cap" : "highest";
      const g: GroupSpec = { type: "group", kind, rules: [], notes: [] };
      if (kind === "cap" || d.bool(0.5)) g.cap = amount(d);
      const m = d.int(1, 3);
      for (let i = 0; i < m; i++) g.rules.push(groupRule(c, kind, P));
      if (d.bool(0.3)) g.notes.push("同一问题的，按最高标准扣分，不重复扣");
      // A 满分-less scored rule must be the only scoring rule of its indicator.
      for (const r of rules) {
        const b = r.body;
        if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || (b.kind === "ranked" && !b.table)) && b.max === undefined) b.max = amount(d, P);
      }
      ind.items.splice(d.int(0, ind.items.length), 0, g);
    }
    // (not beside a two-sided linear rule: 择一 alternatives may award, KP2051)
    if (!rules.some((r) => isTwoSided(r.body)) && d.bool(0.2)) {
      const g = choiceGroup(c, P, undefined, false);
      // 满分-less scored rules: the group may add scoring rules (KP2018)
      for (const r of rules) {
        const b = r.body;
        if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || (b.kind === "ranked" && !b.table)) && b.max === undefined) b.max = amount(d, P);
      }
      ind.items.splice(d.int(0, ind.items.length), 0, g);
    }
  }
  const twoSidedHere = ind.items.some((x) => x.type === "rule" && isTwoSided(x.body));
  const ownRules = ind.items.flatMap((x) => (x.type === "rule" ? [x] : x.type === "group" ? x.rules : []));
  // (only where every award rule's largest award is known here: KP2093 compares it with each class's points)
  const sharesOfPoints = ownRules.some((r) => r.body.kind === "rated" && r.body.outcomes.some((o) => o.full || o.pct !== undefined));
  const boundsKnown = !sharesOfPoints && ownRules.every((r) => !isAwardBody(r.body) || awardBound(r) !== undefined || r.body.kind === "assessed" || r.body.kind === "rate" || r.body.kind === "proportional" || (r.body.kind === "ranked" && !r.body.table));
  if (ind.points !== undefined && !hasChildren && !twoSidedHere && boundsKnown && c.classes.length > 0 && d.bool(0.2)) {
    // points that differ by class: 满分-less scored rules get one (KP2094), and every class's points
    // fit the rules' largest award (KP2093); otherwise any points, smaller or larger
    const rules = ownRules;
    for (const r of rules) {
      const b = r.body;
      if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || (b.kind === "ranked" && !b.table)) && b.max === undefined) b.max = amount(d, ind.points);
    }
    const bound = rules.reduce((m, r) => { const a = awardBound(r); return a !== undefined && a > m ? a : m; }, 0n);
    ind.classPoints = pickSubset(d, c.classes)
      .slice(0, 2)
      .map((cls) => { const p = points(d); return { cls, points: p < bound ? bound : p }; });
  }
  if (d.bool(0.15)) ind.items.splice(d.int(0, ind.items.length), 0, { type: "note", text: "本项按《××办法》执行" });
  if (applies) c.applyStack.pop();
  return ind;
}

function section(c: GenCtx, kind: "bonus" | "penalty"): SectionSpec {
  const d = c.d;
  const s: SectionSpec = { kind, name: kind === "bonus" ? d.pick(["创新", "表彰"]) : d.pick(["问责", "通报"]), rules: [] };
  if (kind === "bonus" || d.bool(0.4)) s.cap = amount(d);
  const n = d.int(1, 3);
  for (let i = 0; i < n; i++) {
    const name = c.names.next(RULE_WORDS, d);
    if (kind === "bonus") {
      const k = d.pick(["per", "once", "bands", "assessed", "rate", "categories", "discretionAward", "discretionPerAward", "committee", "onceElse", "rated", "rescaled", "linear", "rank"] as const);
      const rankBy = (): { kind: "indicator"; name: string } | { kind: "total" } => (d.bool(0.5) || c.tops.length === 0 ? { kind: "total" } : { kind: "indicator", name: d.pick(c.tops).name });
      if (k === "committee") {
        // bounded by the section's cap (always set on a generated 加分), sometimes its own
        s.rules.push(makeRule(c, name, { kind: "committee" }, { cap: true }));
        continue;
      }
      if (k === "discretionAward" || k === "discretionPerAward") {
        const lo = d.bool(0.3) ? 0n : amount(d);
        const body: BodySpec = { kind: "discretion", min: lo, max: lo + amount(d), action: "award" };
        if (k === "discretionPerAward") body.unit = d.pick(PER_UNITS)[0];
        s.rules.push(makeRule(c, name, body, { cap: true }));
        continue;
      }
      const body: BodySpec =
        k === "rank"
          ? d.bool(0.6)
            ? { kind: "ranked", step: 0n, lowerIsBetter: d.bool(0.2), ...rankTable(d, undefined), by: rankBy() }
            : { kind: "ranked", max: amount(d), step: amount(d), lowerIsBetter: d.bool(0.2), by: rankBy() }
          : k === "onceElse"
          ? { kind: "once", action: "award", amount: amount(d), overrides: overrides(c), otherwise: { amount: amount(d), overdraft: d.bool(0.2) } }
          : k === "rated"
            ? ratedBody(d, "award", undefined)
            : k === "rescaled"
              ? { kind: "assessed", max: amount(d), scale: raw(d.pick(SCALES)) }
              : k === "linear"
                ? linearBody(d, { award: true })
                : k === "per"
          ? { kind: "per", units: perUnits(d, false), action: "award", amount: amount(d), overrides: overrides(c) }
          : k === "once"
            ? { kind: "once", action: "award", amount: amount(d), overrides: overrides(c) }
            : k === "categories"
              ? { kind: "categories", units: perUnits(d, false), action: "award", categories: categories(d) }
              : k === "bands"
                ? bandsBody(c, true, undefined, true)
                : { kind: k, max: amount(d) };
      s.rules.push(makeRule(c, name, body, { cap: body.kind !== "once" || body.otherwise === undefined }));
    } else {
      const k = d.pick(["per", "once", "categories", "linear", "shortfall", "discretion", "discretionPer", "bands", "rated"] as const);
      const body: BodySpec =
        k === "rated"
          ? ratedBody(d, "deduct", undefined)
          : k === "per"
          ? { kind: "per", units: perUnits(d, d.bool(0.2)), action: "deduct", amount: amount(d), overrides: overrides(c) }
          : k === "once"
            ? { kind: "once", action: "deduct", amount: amount(d), overrides: overrides(c) }
            : k === "categories"
              ? { kind: "categories", units: perUnits(d, false), action: "deduct", categories: categories(d) }
              : k === "linear"
                ? (() => {
                    const b = linearBody(d);
                    if (b.cutoff?.outcome.kind === "zero") b.cutoff.outcome = { kind: "deduct", amount: amount(d) };
                    return b;
                  })()
                : k === "shortfall"
                  ? { kind: "shortfall", target: raw(d.int(1, 8)), step: raw(1), amount: amount(d) }
                  : k === "discretion"
                    ? { kind: "discretion", min: 0n, max: amount(d) }
                    : k === "discretionPer"
                      ? (() => {
                          const lo = amount(d);
                          return { kind: "discretion" as const, min: lo, max: lo + amount(d), unit: d.pick(PER_UNITS)[0], action: "deduct" as const };
                        })()
                      : bandsBody(c, false, undefined, true);
      s.rules.push(makeRule(c, name, body, { cap: true, mult: body.kind !== "rated", waive: body.kind !== "rated" }));
    }
  }
  if (d.bool(0.3)) (s.groups ??= []).push(kind === "bonus" && d.bool(0.6) ? highestAwardGroup(c) : choiceGroup(c, undefined, kind === "bonus", true));
  return s;
}

function grades(d: Draw): GradeSpec[] {
  if (!d.bool(0.7)) return [];
  const names = ["优秀", "良好", "合格", "基本合格"];
  const n = d.int(0, 3);
  const out: GradeSpec[] = [];
  let threshold = raw(d.int(5, 40));
  for (let i = 0; i < n; i++) {
    const conditions: GradeSpec["conditions"] = [];
    if (d.bool(0.8)) conditions.push({ kind: "score", op: d.bool(0.7) ? "≥" : ">", value: threshold });
    if (d.bool(0.3) || conditions.length === 0) {
      const pct = d.bool(0.5);
      conditions.push({ kind: "rank", percent: pct, value: pct ? raw(d.pick([20, 30, 50, 100])) : raw(d.int(1, 4)) });
    }
    out.push({ name: names[i]!, otherwise: false, conditions });
    threshold -= raw(d.int(1, 10));
    if (threshold < 0n) threshold = 0n;
  }
  out.push({ name: "不合格", otherwise: true, conditions: [] });
  return out;
}

/** Draws a catalogue description. `unitNames` are the units facts will be drawn for (first one used by 参照). */
export function genCatalogue(d: Draw, unitNames: readonly string[], opts: GenOptions = {}): CatSpec {
  const classes = d.bool(0.7) ? pickSubset(d, CLASS_POOL) : [];
  const c: GenCtx = { d, names: new Names(), classes, applyStack: [], tops: [] };
  const cat: CatSpec = {
    title: d.pick(["市对县保证目标考评细则", "样例细则", "考评细则（试行）"]),
    classes,
    grades: grades(d),
    indicators: [],
    sections: [],
    files: opts.multiFile === false ? 1 : d.bool(0.2) ? d.int(2, 3) : 1,
  };
  if (d.bool(0.5)) cat.year = d.pick(["2024", "20××", "2020—2022"]);
  if (d.bool(0.3)) cat.subject = "各县（区）、园区";
  if (d.bool(0.6)) cat.rounding = d.int(0, 6);
  const top = d.int(1, opts.maxTop ?? 3);
  for (let i = 0; i < top; i++) {
    const ind = indicator(c, 1, unitNames);
    cat.indicators.push(ind);
    c.tops.push(ind);
  }
  if (d.bool(0.3)) cat.sections.push(section(c, "bonus"));
  if (d.bool(0.3)) cat.sections.push(section(c, "penalty"));
  if (d.bool(0.3)) cat.total = raw(d.int(1, 100));
  // 总分 T 折算 needs points to rescale from (KP2086 otherwise)
  if (cat.total !== undefined && cat.indicators.some((i) => i.points !== undefined) && d.bool(0.4)) cat.rescale = true;
  return cat;
}

// ==================================================================== rendering

/** Layout choices for rendering; each is drawn per catalogue. */
export interface Style {
  indent: string;
  /** Newline between items (false: spaces only, everything on few lines). */
  newlines: boolean;
  /** Write `分` after amounts. */
  fen: boolean;
  /** Use aliases: 封顶, 发现一起, ～. */
  aliases: boolean;
  /** Full-width digits (KP1010 warnings, same AST). */
  fullWidth: boolean;
  /** Trailing zeros in decimals (0.50). */
  zeros: boolean;
  /** Comments between items. */
  comments: boolean;
  /** Separators people type out of habit (；). */
  separators: boolean;
  /** List separator. */
  listSep: "、" | "，" | "," | " ";
}

export function genStyle(d: Draw): Style {
  return {
    indent: d.pick(["  ", "    ", "\t", ""]),
    newlines: d.bool(0.8),
    fen: d.bool(0.3),
    aliases: d.bool(0.3),
    fullWidth: d.bool(0.1),
    zeros: d.bool(0.1),
    comments: d.bool(0.2),
    separators: d.bool(0.1),
    listSep: d.pick(["、", "、", "，", ",", " "] as const),
  };
}

export const CANONICAL_STYLE: Style = {
  indent: "  ",
  newlines: true,
  fen: false,
  aliases: false,
  fullWidth: false,
  zeros: false,
  comments: false,
  separators: false,
  listSep: "、",
};

/** One .kp file: its path and text. */
export interface RenderedFile {
  path: string;
  text: string;
}

class Writer {
  readonly lines: string[] = [];
  constructor(private readonly s: Style) {}
  num(r: Raw, percent = false, measure?: string): string {
    let t = dec(r);
    if (this.s.zeros) t = t.includes(".") ? t + "0" : t + ".0";
    if (this.s.fullWidth) t = [...t].map((ch) => (/[0-9]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch === "." ? "．" : ch)).join("");
    return t + (percent ? "%" : "") + (measure ? ` ${measure}` : "");
  }
  amt(r: Raw): string {
    return this.num(r, false, this.s.fen ? "分" : undefined);
  }
  q(x: Quantity): string {
    return this.num(x.raw, x.percent, x.measure);
  }
  str(s: string): string {
    return `「${s}」`;
  }
  list(xs: readonly string[]): string {
    return xs.map((x) => this.str(x)).join(this.s.listSep === " " ? " " : this.s.listSep + (this.s.listSep === "、" ? "" : " "));
  }
  line(depth: number, text: string): void {
    if (this.s.newlines) this.lines.push(this.s.indent.repeat(depth) + text + (this.s.separators ? "；" : ""));
    else this.lines.push(text);
  }
  comment(depth: number, text: string): void {
    if (!this.s.comments) return;
    if (this.s.newlines) this.lines.push(this.s.indent.repeat(depth) + "// " + text);
    else this.lines.push(`/* ${text} */`);
  }
  text(): string {
    return this.lines.join(this.s.newlines ? "\n" : " ") + "\n";
  }
}

function outcomeText(w: Writer, o: Outcome): string {
  return o.kind === "zero" ? "不得分" : `${o.kind === "award" ? "得" : "扣"} ${w.amt(o.amount)}`;
}

function bandText(w: Writer, b: BandSpec, percent: boolean): string {
  const n = (r: Raw | undefined) => w.num(r!, percent);
  let iv: string;
  switch (b.form) {
    case "bracket":
      iv = `${b.lowerInclusive ? "[" : "("}${n(b.lower)}, ${n(b.upper)}${b.upperInclusive ? "]" : ")"}`;
      break;
    case "≥":
    case ">":
    case "=":
      iv = `${b.form} ${n(b.lower)}`;
      break;
    default:
      iv = `${b.form} ${n(b.upper)}`;
  }
  let t = `${iv} ${outcomeText(w, b.outcome)}`;
  if (b.steps) {
    const modes = { proportional: "按比例", floor: "不足一档不计", ceil: "不足一档按一档计", round: "不足一档四舍五入" };
    t += ` ${b.steps.word} ${w.num(b.steps.step, percent)} 扣 ${w.amt(b.steps.amount)}${b.steps.mode ? " " + modes[b.steps.mode] : ""}`;
  }
  return t;
}

function perWord(s: Style, u: string): string {
  const entry = PER_UNITS.find((p) => p[0] === u);
  return s.aliases && entry && entry[2].length > 0 ? entry[2][0]! : u;
}

function bodyText(w: Writer, s: Style, b: BodySpec): string {
  const ovr = (o: { cls: string; amount: Raw }[]) => (o.length ? ` 其中 ${o.map((x) => `${w.str(x.cls)} ${w.amt(x.amount)}`).join(s.listSep === " " ? " " : "、")}` : "");
  const act = (a: "deduct" | "award") => (a === "award" ? "得" : "扣");
  switch (b.kind) {
    case "per":
      return `${b.units.map((u) => perWord(s, u)).join(" ")} ${act(b.action)} ${w.amt(b.amount)}${ovr(b.overrides)}`;
    case "categories": {
      const cats = b.categories.map((c) => `${w.str(c.name)} ${w.amt(c.amount)}`).join(s.listSep === " " ? " " : "、");
      return `${b.units.map((u) => perWord(s, u)).join(" ")}${b.units.length ? " " : ""}${act(b.action)} ${cats}`;
    }
    case "once":
      return `${act(b.action)} ${w.amt(b.amount)}${ovr(b.overrides)}${b.otherwise ? ` 否则 ${b.otherwise.overdraft ? "倒扣" : "扣"} ${w.amt(b.otherwise.amount)}` : ""}`;
    case "rated": {
      const sep = s.listSep === " " ? " " : "、";
      const vals = b.outcomes.map((o) => (o.full ? "满分" : o.pct !== undefined ? w.num(o.pct, true) : w.amt(o.amount!)));
      return `评为 ${w.list(b.outcomes.map((o) => o.name))} 分别${act(b.action)} ${vals.join(sep)}`;
    }
    case "zero":
      return "不得分";
    case "veto":
      return b.level === "fail" ? "一票否决" : "一票否优";
    case "bands": {
      const parts = b.bands.map((x) => bandText(w, x, b.percent));
      if (b.missing) parts.push(`未报送 ${outcomeText(w, b.missing)}`);
      return `分段${b.signed ? " 可为负" : ""} { ${parts.join(s.newlines ? "  " : " ")} }`;
    }
    case "linear": {
      const modes = { proportional: "按比例", floor: "不足一档不计", ceil: "不足一档按一档计", round: "不足一档四舍五入" };
      const base = b.baseFrom ? { average: "平均值", median: "中位数", target: "目标值" }[b.baseFrom] : w.q(b.base);
      const awardWord = () => (s.aliases ? "加" : "得");
      let t = `基准 ${base} ${b.word} ${w.q(b.step)} ${b.action === "award" ? awardWord() : "扣"} ${w.amt(b.amount)}`;
      if (b.mode) t += " " + modes[b.mode];
      if (b.other) {
        const o = b.other;
        if (b.sideCap !== undefined) t += ` 上限 ${w.amt(b.sideCap)}`;
        t += `${s.aliases ? "、" : "，"}${o.word} ${w.q(o.step)} ${o.action === "award" ? awardWord() : "扣"} ${w.amt(o.amount)}`;
        if (o.mode) t += " " + modes[o.mode];
        if (o.cap !== undefined) t += ` 上限 ${w.amt(o.cap)}`;
      }
      if (b.cutoff) t += ` ${b.cutoff.direction === "below" ? "低于" : "高于"} ${w.q(b.cutoff.value)} ${outcomeText(w, b.cutoff.outcome)}`;
      return t;
    }
    case "shortfall":
      return `至少 ${w.num(b.target, false, b.measure)} 每少 ${w.num(b.step, false, b.measure)} 扣 ${w.amt(b.amount)}`;
    case "assessed":
    case "rate":
    case "proportional": {
      const kw = { assessed: "按评价", rate: "按比率", proportional: "按最高比例" }[b.kind];
      return `${kw} 得分${b.max !== undefined ? ` 满分 ${w.amt(b.max)}` : ""}${b.scale !== undefined ? ` 折算自 ${w.amt(b.scale)}` : ""}`;
    }
    case "ranked": {
      const by = !b.by ? "按排名 得分" : b.by.kind === "total" ? (s.aliases ? "按总分排名" : "按 总分 排名") : `按 ${w.str(b.by.name)}${s.aliases ? "" : " 得分"} 排名`;
      const how = b.table
        ? `依次 得 ${b.table.map((x) => w.amt(x)).join(s.listSep === " " ? " " : s.listSep)}${b.rest !== undefined ? ` 其余 得 ${w.amt(b.rest)}` : ""}`
        : `每后退一位 扣 ${w.amt(b.step)}`;
      return `${by}${b.max !== undefined ? ` 满分 ${w.amt(b.max)}` : ""} ${how}${b.lowerIsBetter ? " 越低越好" : ""}`;
    }
    case "discretion":
      return `${b.unit ? perWord(s, b.unit) + " " : ""}酌情 ${act(b.action ?? "deduct")} ${w.amt(b.min)} ${s.aliases ? "～" : "至"} ${w.amt(b.max)}`;
    case "committee":
      return "评议 得分";
  }
}

function ruleText(w: Writer, s: Style, r: RuleSpec): string {
  let t = `规则 ${w.str(r.name)} ${w.str(r.clause)} ${bodyText(w, s, r.body)}`;
  if (r.cap !== undefined) t += ` ${s.aliases ? "封顶" : "上限"} ${w.amt(r.cap)}`;
  if (r.overdraft) t += " 倒扣";
  if (r.occurrences?.length) {
    const word = (o: NonNullable<RuleSpec["occurrences"]>[number]) =>
      o.form === "double" ? "加倍" : o.form === "half" ? "减半" : `${o.form === "plus" ? "加" : "按"} ${w.num(o.n!, false, "倍")}`;
    t += ` 其中 ${r.occurrences.map((o) => `${w.str(o.condition)} ${word(o)}`).join(s.listSep === " " ? " " : "、")}`;
  }
  if (r.average) t += "fact" in r.average ? ` 按 ${w.str(r.average.fact)} 平均` : ` 按 ${r.average.value} 平均`;
  for (const m of r.multipliers) t += ` ${m.factor === "double" ? "加倍" : "减半"} 当 ${w.str(m.flag)}`;
  for (const x of r.waivers ?? []) t += ` ${x.mode === "cancel" ? "免扣" : "可减免"} 当 ${w.str(x.flag)}`;
  if (r.appliesTo) t += ` 适用 ${w.list(r.appliesTo)}`;
  return t;
}

function writeIndicator(w: Writer, s: Style, ind: IndSpec, depth: number): void {
  w.comment(depth, `指标「${ind.name}」`);
  const among = ind.classPoints ? ` 其中 ${ind.classPoints.map((cp) => `${w.str(cp.cls)} ${w.num(cp.points, false, s.fen ? "分" : undefined)}`).join(s.listSep === " " ? " " : "、")}` : "";
  w.line(depth, `指标 ${w.str(ind.name)}${ind.points !== undefined ? ` ${w.num(ind.points, false, s.fen || depth === 0 ? "分" : undefined)}${among}` : ""} {`);
  if (ind.code) w.line(depth + 1, `编号 ${w.str(ind.code)}`);
  if (ind.departments) w.line(depth + 1, `考评单位 ${w.list(ind.departments)}`);
  if (ind.appliesTo) w.line(depth + 1, `适用 ${w.list(ind.appliesTo)}`);
  if (ind.refer) w.line(depth + 1, `参照 ${w.str(ind.refer.unitClass)} 以 ${w.str(ind.refer.unit)} 为准`);
  if (ind.pool) {
    const p = ind.pool;
    const taker = "cls" in p.taker ? w.str(p.taker.cls) : "未涉及";
    const pool = p.pool === "class" ? w.str(p.poolClass!) : p.pool === "same" ? "同类单位" : "各单位";
    w.line(depth + 1, `参照 ${taker} 以 ${pool} ${{ average: "平均分", max: "最高分", min: "最低分" }[p.agg]} 为准`);
  }
  for (const item of ind.items) {
    if (item.type === "indicator") writeIndicator(w, s, item, depth + 1);
    else if (item.type === "rule") w.line(depth + 1, ruleText(w, s, item));
    else if (item.type === "note") w.line(depth + 1, `注 ${w.str(item.text)}`);
    else writeGroup(w, s, item, depth + 1);
  }
  w.line(depth, "}");
}

function writeGroup(w: Writer, s: Style, item: GroupSpec, depth: number): void {
  const head = item.kind === "cap" ? `合计 上限 ${w.amt(item.cap!)}` : item.kind === "choice" ? "择一" : `就高${item.cap !== undefined ? ` 上限 ${w.amt(item.cap)}` : ""}`;
  w.line(depth, `${head} {`);
  for (const r of item.rules) w.line(depth + 1, ruleText(w, s, r));
  for (const n of item.notes) w.line(depth + 1, `注 ${w.str(n)}`);
  w.line(depth, "}");
}

/** Renders a catalogue to files: `root.kp` first, then `part-N.kp` included by it. */
export function renderCatalogue(cat: CatSpec, s: Style, dir = "/cat"): RenderedFile[] {
  const root = new Writer(s);
  root.comment(0, "生成的细则");
  root.line(0, `细则 ${root.str(cat.title)}`);
  if (cat.year) root.line(0, /^\d+$/.test(cat.year) ? `年度 ${cat.year}` : `年度 ${root.str(cat.year)}`);
  if (cat.subject) root.line(0, `对象 ${root.str(cat.subject)}`);
  if (cat.classes.length) root.line(0, `类别 ${root.list(cat.classes)}`);
  if (cat.total !== undefined) root.line(0, `总分 ${root.num(cat.total, false, "分")}${cat.rescale ? " 折算" : ""}`);
  if (cat.rounding !== undefined) root.line(0, `舍入 保留 ${cat.rounding} 位`);
  if (cat.grades.length) {
    root.line(0, "等次 {");
    for (const g of cat.grades) {
      const conds = g.otherwise
        ? "其余"
        : g.conditions
            .map((c) => (c.kind === "score" ? `${c.op} ${root.num(c.value)}` : c.percent ? `前 ${root.num(c.value, true)}` : `前 ${root.num(c.value)} 名`))
            .join(" 且 ");
      root.line(1, `${root.str(g.name)} ${conds}`);
    }
    root.line(0, "}");
  }
  const files: RenderedFile[] = [];
  const parts: Writer[] = [];
  for (let i = 1; i < cat.files; i++) {
    root.line(0, `引入 ${root.str(`part-${i}.kp`)}`);
    parts.push(new Writer(s));
  }
  // Indicators in order: the first ones in the root, later ones spread over the parts in order.
  const perFile = Math.ceil(cat.indicators.length / cat.files);
  cat.indicators.forEach((ind, i) => {
    const f = Math.min(Math.floor(i / Math.max(1, perFile)), cat.files - 1);
    writeIndicator(f === 0 ? root : parts[f - 1]!, s, ind, 0);
  });
  for (const sec of cat.sections) {
    const w = parts.length ? parts[parts.length - 1]! : root;
    w.line(0, `${sec.kind === "bonus" ? "加分" : "减分"} ${w.str(sec.name)}${sec.cap !== undefined ? ` 上限 ${w.amt(sec.cap)}` : ""} {`);
    for (const r of sec.rules) w.line(1, ruleText(w, s, r));
    for (const g of sec.groups ?? []) writeGroup(w, s, g, 1);
    w.line(0, "}");
  }
  files.push({ path: `${dir}/root.kp`, text: root.text() });
  parts.forEach((p, i) => files.push({ path: `${dir}/part-${i + 1}.kp`, text: p.text() }));
  return files;
}

// ==================================================================== walking the description

/** Every rule of a catalogue in source order (root file first), with its context. */
export interface RuleCtx {
  rule: RuleSpec;
  /** Enclosing indicators, outermost first (empty for section rules). */
  path: IndSpec[];
  group?: GroupSpec;
  section?: SectionSpec;
}

export function allRules(cat: CatSpec): RuleCtx[] {
  const out: RuleCtx[] = [];
  const visit = (ind: IndSpec, path: IndSpec[]) => {
    const p = [...path, ind];
    for (const item of ind.items) {
      if (item.type === "indicator") visit(item, p);
      else if (item.type === "rule") out.push({ rule: item, path: p });
      else if (item.type === "group") for (const r of item.rules) out.push({ rule: r, path: p, group: item });
    }
  };
  cat.indicators.forEach((i) => visit(i, []));
  for (const s of cat.sections) {
    for (const r of s.rules) out.push({ rule: r, path: [], section: s });
    for (const g of s.groups ?? []) for (const r of g.rules) out.push({ rule: r, path: [], section: s, group: g });
  }
  return out;
}

// ==================================================================== facts generation

/** The biggest award an `award` fact can carry: the amount over all classes. */
export function awardFactMax(b: Extract<BodySpec, { kind: "once" }>): Raw {
  return b.overrides.reduce((m, o) => (o.amount > m ? o.amount : m), b.amount);
}

/** Values near the interesting points of a rule (band bounds, base, cut-offs), ±1 millionth. */
function nearValue(d: Draw, points: Raw[], lo: Raw, hi: Raw): Raw {
  if (points.length > 0 && d.bool(0.6)) {
    const p = d.pick(points) + BigInt(d.pick([-1, 0, 0, 0, 1]));
    return p < lo ? lo : hi >= 0n && p > hi ? hi : p;
  }
  const span = hi - lo;
  if (span <= 0n) return lo;
  if (d.bool(0.5)) return lo + (BigInt(d.int(0, 1_000_000)) * span) / 1_000_000n / SCALE * SCALE; // whole numbers mostly
  return lo + (BigInt(d.int(0, 1_000_000)) * span) / 1_000_000n;
}

const ID_POOL = ["事件A", "事件B", "事件C", "问题1", "问题2"];
const ITEM_NAMES = ["东", "西", "南", "北", "第3"];

/** Typed facts of one unit for every rule of the catalogue. */
export function genUnit(d: Draw, cat: CatSpec, name: string): UnitSpec {
  const classes = cat.classes.length ? cat.classes.filter(() => d.bool(0.45)) : [];
  const facts = new Map<string, FactValue>();
  const omit = () => d.bool(0.25);
  // 择一: at most one alternative of a group happens (the others are omitted or 否)
  const chosen = new Map<GroupSpec, RuleSpec | undefined>();
  for (const { group } of allRules(cat))
    if (group?.kind === "choice" && !chosen.has(group)) chosen.set(group, d.bool(0.75) ? d.pick(group.rules) : undefined);
  for (const { rule: r, group, path, section } of allRules(cat)) {
    const b = r.body;
    const highest = group?.kind === "highest";
    if (group?.kind === "choice" && chosen.get(group) !== r) {
      if (!omit()) facts.set(r.name, b.kind === "once" && b.action === "award" ? { t: "award", v: d.bool() ? "no" : 0n } : { t: "flag", v: false });
      for (const m of r.multipliers) if (!omit()) facts.set(`${r.name}.${m.flag}`, { t: "flag", v: d.bool(0.4) });
      continue;
    }
    const on = group?.kind === "choice"; // the chosen alternative happens
    const count = (key: string) => {
      if (omit()) return;
      if (highest && d.bool(0.5)) {
        const ids = ID_POOL.filter(() => d.bool(0.35));
        facts.set(key, { t: "count", n: ids.length, ids });
      } else facts.set(key, { t: "count", n: d.bool(0.3) ? 0 : d.int(0, d.bool(0.9) ? 4 : 30) });
    };
    switch (b.kind) {
      case "per":
        if (b.units.length === 1) count(r.name);
        else if (d.bool(0.35)) {
          // each item's count (甲村 2、乙村 1) instead of 村数 × 每村次数
          const items = ITEM_NAMES.filter(() => d.bool(0.5)).map((x) => [x + nounOf(b.units[0]!), d.int(0, 5)] as [string, number]);
          facts.set(r.name, { t: "items", items, sum: d.bool(0.15) });
        } else for (const u of b.units) count(`${r.name}.${nounOf(u)}`);
        break;
      case "categories":
        for (const c of b.categories) count(`${r.name}.${c.name}`);
        break;
      case "once":
        if (b.otherwise) {
          // required: never omitted
          facts.set(r.name, { t: "flag", v: d.bool(0.5) });
        } else if (b.action === "award" && highest) {
          // 就高 in a 加分 section: yes, or an item id
          if (omit()) break;
          if (d.bool(0.5)) facts.set(r.name, { t: "flag", v: true, id: d.pick(ID_POOL) });
          else facts.set(r.name, { t: "flag", v: d.bool(0.5) });
        } else if (b.action === "award") {
          if (on) {
            facts.set(r.name, { t: "award", v: "yes" });
            break;
          }
          if (omit()) break;
          const max = awardFactMax(b);
          const v = d.pick(["yes", "no", "partial"] as const);
          facts.set(r.name, { t: "award", v: v === "partial" ? BigInt(d.int(0, Number(max))) : v });
        } else if (on) facts.set(r.name, { t: "flag", v: true });
        else if (!omit()) {
          if (highest && d.bool(0.4)) facts.set(r.name, { t: "flag", v: true, id: d.pick(ID_POOL) });
          else facts.set(r.name, { t: "flag", v: d.bool(0.5) });
        }
        break;
      case "zero":
      case "veto":
        if (on) facts.set(r.name, { t: "flag", v: true });
        else if (!omit()) facts.set(r.name, { t: "flag", v: d.bool(0.3) });
        break;
      case "bands": {
        // a band value may be left out where 未报送 has a band, and in a 加分 section (no bonus)
        if ((b.missing || section?.kind === "bonus") && omit()) break;
        if (b.missing && d.bool(0.2)) {
          facts.set(r.name, { t: "value", v: null });
          break;
        }
        const pts = b.bands.flatMap((x) => [x.lower, x.upper]).filter((x): x is Raw => x !== undefined);
        facts.set(r.name, { t: "value", v: nearValue(d, pts, b.signed ? -raw(30) : 0n, b.percent ? raw(100) : raw(30)) });
        break;
      }
      case "linear": {
        // in a 加分 section a value not given means nothing claimed
        if (section?.kind === "bonus" && omit()) break;
        let base = b.base.raw;
        if (b.baseFrom === "target") {
          base = nearValue(d, [b.base.raw], 0n, b.base.percent ? raw(100) : b.base.raw + raw(30));
          facts.set(`${r.name}.目标值`, { t: "value", v: base });
        }
        const pts = [base, ...(b.cutoff ? [b.cutoff.value.raw] : [])];
        facts.set(r.name, { t: "value", v: nearValue(d, pts, 0n, b.base.percent ? raw(100) : base + raw(30)) });
        break;
      }
      case "shortfall":
        facts.set(r.name, { t: "value", v: raw(d.int(0, Number(b.target / SCALE) + 2)) });
        break;
      case "assessed": {
        if (b.scale !== undefined) {
          if (section?.kind === "bonus" && omit()) break;
          facts.set(r.name, { t: "value", v: nearValue(d, [b.scale, 0n], 0n, b.scale) });
          break;
        }
        const max = scoredMax(r, path);
        facts.set(r.name, { t: "value", v: nearValue(d, [max], 0n, max) });
        break;
      }
      case "rated":
        if (section?.kind === "bonus" && omit()) break;
        facts.set(r.name, { t: "outcome", v: d.pick(b.outcomes).name });
        break;
        break;
      case "rate":
        facts.set(r.name, { t: "value", v: nearValue(d, [raw(100), 0n], 0n, raw(100)) });
        break;
      case "proportional":
      case "ranked":
        if (b.kind === "ranked" && b.by) break; // ranked by a computed score: no fact
        facts.set(r.name, { t: "value", v: d.bool(0.1) ? 0n : d.bool(0.8) ? raw(d.int(0, 200)) : BigInt(d.int(0, 2 ** 30)) * BigInt(d.int(1, 1000)) });
        break;
      case "discretion":
        if (omit()) break;
        if (b.unit !== undefined) {
          const n = d.int(0, 3);
          const list: Raw[] = [];
          for (let i = 0; i < n; i++) list.push(d.bool(0.2) ? d.pick([b.min, b.max]) : b.min + (BigInt(d.int(0, 1000)) * (b.max - b.min)) / 1000n);
          facts.set(r.name, { t: "amounts", v: list });
        } else facts.set(r.name, { t: "amount", v: d.bool(0.2) ? 0n : b.min + (BigInt(d.int(0, 1000)) * (b.max - b.min)) / 1000n });
        break;
      case "committee": {
        if (omit()) break;
        const bound = r.cap ?? (section ? section.cap! : path[path.length - 1]!.points!);
        facts.set(r.name, { t: "amount", v: d.bool(0.2) ? d.pick([0n, bound]) : (BigInt(d.int(0, 1000)) * bound) / 1000n });
        break;
      }
    }
    for (const m of r.multipliers) if (!omit()) facts.set(`${r.name}.${m.flag}`, { t: "flag", v: d.bool(0.4) });
    for (const x of r.waivers ?? []) {
      if (omit()) continue;
      if (x.mode === "cancel") facts.set(`${r.name}.${x.flag}`, { t: "flag", v: d.bool(0.4) });
      else if (b.kind === "once") {
        // a reduction only where the rule deducts (else KP4065), at most the deduction of this unit's class
        const f = facts.get(r.name);
        if (!f || f.t !== "flag" || !f.v) continue;
        // after a 免扣 that holds the deduction is 0: a reduction then is beyond it (KP4065)
        if ((r.waivers ?? []).some((y) => y.mode === "cancel" && (facts.get(`${r.name}.${y.flag}`) as { v?: unknown } | undefined)?.v === true)) continue;
        let ded = b.overrides.find((o) => classes.includes(o.cls))?.amount ?? b.amount;
        if (r.cap !== undefined && r.cap < ded) ded = r.cap;
        facts.set(`${r.name}.${x.flag}`, { t: "amount", v: d.bool(0.2) ? d.pick([0n, ded]) : (BigInt(d.int(0, 1000)) * ded) / 1000n });
      }
    }
    if (r.occurrences) {
      // parts of the rule's count (of each category's): together never more than it (more is KP4045)
      const totals: [string, string][] =
        b.kind === "categories" ? b.categories.map((c) => [`${r.name}.${c.name}`, `.${c.name}`]) : [[r.name, ""]];
      for (const [totalKey, suffix] of totals) {
        const total = facts.get(totalKey);
        let left = total && total.t === "count" ? total.n : 0;
        for (const o of r.occurrences) {
          if (omit()) continue;
          const m = d.int(0, left);
          left -= m;
          facts.set(`${r.name}.${o.condition}${suffix}`, { t: "count", n: m });
        }
      }
    }
    // a divisor is required of every unit a rule dividing by it concerns: always given, ≥ 1
    if (r.average && "fact" in r.average && !facts.has(r.average.fact)) facts.set(r.average.fact, { t: "value", v: raw(d.int(1, 12)) });
  }
  // A divisor is an attribute of the unit (所辖乡镇数): every unit gives it, whichever of its rules'
  // facts it gives (a 择一 alternative that did not happen, say).
  for (const { rule: r } of allRules(cat))
    if (r.average && "fact" in r.average && !facts.has(r.average.fact)) facts.set(r.average.fact, { t: "value", v: raw(d.int(1, 12)) });
  // 参照 未涉及: flag some units (omitFlaggedFacts may then leave their facts out)
  const visit = (ind: IndSpec) => {
    if (ind.pool && "flag" in ind.pool.taker && d.bool(0.35)) facts.set(`${ind.name}.未涉及`, { t: "flag", v: true });
    else if (ind.pool && "flag" in ind.pool.taker && d.bool(0.2)) facts.set(`${ind.name}.未涉及`, { t: "flag", v: false });
    for (const item of ind.items) if (item.type === "indicator") visit(item);
  };
  cat.indicators.forEach(visit);
  return { name, classes, facts };
}

/**
 * A unit flagged 未涉及 (not the 参照 target UNIT_POOL[0], which is also scored as a referent, where
 * 参照 below do not apply) may leave out the facts under that indicator — but not a cross-unit rule's,
 * which ranks every unit that gives it.
 */
function omitFlaggedFacts(d: Draw, cat: CatSpec, u: UnitSpec): void {
  const flagged: IndSpec[] = [];
  const visit = (ind: IndSpec) => {
    const f = u.facts.get(`${ind.name}.未涉及`);
    if (ind.pool && f?.t === "flag" && f.v) flagged.push(ind);
    for (const item of ind.items) if (item.type === "indicator") visit(item);
  };
  cat.indicators.forEach(visit);
  if (u.name === UNIT_POOL[0] || flagged.length === 0 || !d.bool(0.5)) return;
  for (const { rule: r, path } of allRules(cat)) {
    if (r.body.kind === "proportional" || r.body.kind === "ranked" || !path.some((p) => flagged.includes(p))) continue;
    for (const key of [...u.facts.keys()]) if (key === r.name || key.startsWith(`${r.name}.`)) u.facts.delete(key);
  }
}

/**
 * The units whose 参照 to a pool finds no unit (the facts are then refused with KP4050): a unit that
 * reaches the indicator's 参照 (it applies, no 参照 above or before concerns it) and takes it, while no
 * other unit the indicator applies to takes no 参照 there or above (and is of the pool).
 */
export function emptyPools(cat: CatSpec, units: readonly UnitSpec[]): string[] {
  const out: string[] = [];
  const flagOn = (u: UnitSpec, key: string) => {
    const f = u.facts.get(key);
    return !!f && f.t === "flag" && f.v;
  };
  const has = (u: UnitSpec, cls: readonly string[] | undefined) => cls === undefined || cls.some((c) => u.classes.includes(c));
  const visit = (ind: IndSpec, path: IndSpec[]) => {
    const chain = [...path, ind];
    const applies = (u: UnitSpec, upTo: IndSpec[]) => upTo.every((i) => has(u, i.appliesTo));
    const takesAt = (u: UnitSpec, i: IndSpec, upTo: IndSpec[]) => {
      if (!applies(u, upTo)) return { old: false, pool: false };
      const old = i.refer !== undefined && u.classes.includes(i.refer.unitClass);
      const p = i.pool;
      const pool = !!p && ("cls" in p.taker ? u.classes.includes(p.taker.cls) : flagOn(u, `${i.name}.未涉及`));
      return { old, pool };
    };
    const takesAnyOf = (u: UnitSpec, list: IndSpec[]) =>
      list.some((i, k) => {
        const t = takesAt(u, i, chain.slice(0, k + 1));
        return t.old || t.pool;
      });
    if (ind.pool) {
      const p = ind.pool;
      for (const u of units) {
        const here = takesAt(u, ind, chain);
        if (!here.pool || here.old || takesAnyOf(u, path)) continue;
        const pool = units.filter((v) => {
          if (v === u || !applies(v, chain) || takesAnyOf(v, chain)) return false;
          if (p.pool === "class") return v.classes.includes(p.poolClass!);
          if (p.pool === "same") return cat.classes.every((k) => v.classes.includes(k) === u.classes.includes(k));
          return true;
        });
        if (pool.length === 0) out.push(u.name);
      }
    }
    for (const item of ind.items) if (item.type === "indicator") visit(item, chain);
  };
  cat.indicators.forEach((i) => visit(i, []));
  return out;
}

/** Makes every 参照 to a pool find a unit: the units with none stop being 未涉及 and lose the taking classes. */
function fillPools(cat: CatSpec, units: UnitSpec[]): void {
  const takerClasses = new Set<string>();
  const visit = (ind: IndSpec) => {
    if (ind.pool && "cls" in ind.pool.taker) takerClasses.add(ind.pool.taker.cls);
    for (const item of ind.items) if (item.type === "indicator") visit(item);
  };
  cat.indicators.forEach(visit);
  for (let round = 0; round < 4; round++) {
    const empty = new Set(emptyPools(cat, units));
    if (empty.size === 0) return;
    for (const u of units) {
      if (!empty.has(u.name)) continue;
      const flags = [...u.facts.keys()].filter((k) => k.endsWith(".未涉及") && u.facts.get(k)!.t === "flag");
      if (flags.some((k) => (u.facts.get(k) as { v: boolean }).v)) for (const k of flags) u.facts.set(k, { t: "flag", v: false });
      else {
        u.classes = u.classes.filter((c) => !takerClasses.has(c));
        // a 可减免 amount was drawn within the deduction of the unit's former classes: drop it
        for (const { rule: r } of allRules(cat)) for (const w of r.waivers ?? []) if (w.mode === "reduce") u.facts.delete(`${r.name}.${w.flag}`);
      }
    }
  }
}

/** The full points of a scored rule: its 满分, or its indicator's points when it is the only scoring rule. */
export function scoredMax(r: RuleSpec, path: IndSpec[]): Raw {
  const b = r.body;
  if ((b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") && b.max !== undefined) return b.max;
  return path[path.length - 1]?.points ?? 0n;
}

/** Draws units (1–`count`) with facts; the first is always UNIT_POOL[0] (参照 targets it). */
export function genUnits(d: Draw, cat: CatSpec, count: number, opts: { emptyPools?: boolean } = {}): UnitSpec[] {
  const names = [UNIT_POOL[0]!, ...UNIT_POOL.slice(1).filter(() => d.bool(0.6))].slice(0, Math.max(1, count));
  const units = names.map((n) => genUnit(d, cat, n));
  // valid facts unless asked otherwise: a 参照 to an empty pool is refused (KP4050)
  if (!opts.emptyPools) fillPools(cat, units);
  for (const u of units) omitFlaggedFacts(d, cat, u);
  return units;
}

// ---------------------------------------------------------------- encoding facts as JSON

function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Encodes typed facts as a facts-file unit, in a randomly chosen spelling per value. */
export function encodeUnit(d: Draw, cat: CatSpec, u: UnitSpec): { name: string; classes?: string[] | string; facts: Record<string, unknown> } {
  const percentKeys = new Set<string>();
  const signedKeys = new Set<string>();
  const requiredFlags = new Set<string>();
  for (const { rule } of allRules(cat)) {
    const b = rule.body;
    if (b.kind === "once" && b.otherwise) requiredFlags.add(rule.name);
    if ((b.kind === "bands" && b.percent) || (b.kind === "linear" && b.base.percent) || b.kind === "rate") percentKeys.add(rule.name);
    if (b.kind === "bands" && b.signed) signedKeys.add(rule.name);
    if (b.kind === "linear" && b.base.percent && b.baseFrom === "target") percentKeys.add(`${rule.name}.目标值`);
  }
  const facts: Record<string, unknown> = {};
  for (const [key, f] of u.facts) {
    let v: unknown;
    switch (f.t) {
      case "count":
        if (f.ids) v = d.bool() ? f.ids : f.ids.join(d.pick(["、", ",", "；"]));
        else v = d.pick([0, 1, 2] as const) === 0 ? f.n : d.bool(0.8) ? String(f.n) : fullWidthDigits(String(f.n));
        break;
      case "flag":
        if (f.id !== undefined) v = f.id;
        else if (requiredFlags.has(key)) v = f.v ? d.pick([true, "是", "完成", 1, "√"]) : d.pick([false, "否", "未完成", 0, "×"]);
        else v = f.v ? d.pick([true, "是", "有", 1, "√"]) : d.pick([false, "否", "无", 0, ""]);
        break;
      case "award":
        if (f.v === "yes") v = d.pick([true, "是", "完成", "√"]);
        else if (f.v === "no") v = d.pick([false, "否", 0, "未完成"]);
        else v = f.v === 0n ? d.pick([0, "0"]) : d.bool() ? dec(f.v) : Number(dec(f.v)) === 1 ? dec(f.v) : Number(dec(f.v));
        break;
      case "value":
        if (f.v === null) v = d.pick([null, "", "未报送"]);
        else {
          let t = dec(f.v);
          // 可为负: the minus as typed (-, −, －), a + on a positive value now and then
          if (signedKeys.has(key) && f.v < 0n) t = d.pick(["-", "\u2212", "\uFF0D"]) + t.slice(1);
          else if (signedKeys.has(key) && d.bool(0.15)) t = "+" + t;
          v = percentKeys.has(key) && d.bool(0.6) ? t + "%" : d.bool(0.5) || !/^[0-9.-]+$/.test(t) ? t : Number(t);
        }
        break;
      case "amount":
        v = f.v === 0n ? d.pick([0, ""]) : d.bool() ? dec(f.v) : Number(dec(f.v));
        break;
      case "amounts":
        if (f.v.length === 0) v = d.pick(["", null, []]);
        else if (f.v.length === 1 && f.v[0] !== 0n && d.bool(0.4)) v = d.bool() ? dec(f.v[0]!) : Number(dec(f.v[0]!));
        else if (d.bool()) v = f.v.map((x) => (d.bool() ? dec(x) : Number(dec(x))));
        else v = f.v.map((x) => dec(x)).join(d.pick(["、", ",", "；"]));
        break;
      case "outcome":
        v = d.bool(0.15) ? ` ${f.v} ` : f.v;
        break;
      case "items":
        if (f.sum) v = f.items.reduce((a, [, n]) => a + n, 0);
        else if (d.bool()) v = Object.fromEntries(f.items.map(([k, n]) => [k, d.bool(0.8) ? n : String(n)]));
        else v = f.items.map(([k, n]) => `${k}${d.pick([" ", "", "：", ":"])}${n}`).join(d.pick(["、", "，", "；"]));
        break;
    }
    facts[key] = v;
  }
  const out: { name: string; classes?: string[] | string; facts: Record<string, unknown> } = { name: d.bool(0.1) ? ` ${u.name} ` : u.name, facts };
  if (u.classes.length > 0 || d.bool(0.3)) out.classes = d.bool(0.7) ? u.classes : u.classes.join("、");
  return out;
}
