/**
 * Model → JavaScript.  The emitted ES module is self-contained (it embeds the exact-decimal runtime
 * and the facts reader), needs no parser at run time, and is deterministic: the same catalogue gives
 * byte-identical output.  User text only enters it through jsString/commentText.
 *
 * Shape of the module:
 *   runtime functions (kp*)          — exact decimals, facts reading
 *   CATALOGUE, FACTS, …              — metadata and fact specs
 *   r<n>(Z)                          — one function per rule: returns its deduction or award (raw)
 *   g<n>(Z)                          — one per cap/highest group: returns the group's deduction
 *   i<n>(Z)                          — one per indicator: writes its score to Z.S[n], carry to Z.K[n]
 *   s<n>(Z)                          — one per bonus/penalty section
 *   scoreAll / scoreUnit / checkFacts — the public API
 * `Z` is the per-unit state: F facts, c classes, T trace (or null), S scores, K carries, V vetoes,
 * X cross-unit results, R units by name, u unit index.
 */
import type * as A from "../ast.js";
import type * as M from "../model.js";
import { kpFormat } from "../runtime/decimal.js";
import type { FactSpec } from "../runtime/facts.js";
import { RUNTIME_JS } from "../runtime/generated.js";
import { commentText, jsString, jsValue } from "./js-literals.js";

/** Options of {@link emitJs}. */
export interface EmitOptions {
  /** Tool version written in the header. */
  version?: string;
  /** Source file names written in the header (relative paths, for determinism). */
  sources?: string[];
}

type Owner = M.IndicatorModel | M.SectionModel;

interface Ctx {
  out: string[];
  ruleIndex: Map<M.RuleModel, number>;
  indIndex: Map<M.IndicatorModel, number>;
  /** Fact key → its position in FACTS (its value is at Z.F[2i], its incident ids at Z.F[2i+1]). */
  factIndex: Map<string, number>;
}

/** The expression reading a fact (or, with `ids`, its incident ids) of the unit being scored. */
function fx(ctx: Ctx, key: string, ids = false, unit = "Z"): string {
  const i = ctx.factIndex.get(key);
  if (i === undefined) throw new Error(`internal: no fact key ${key}`);
  return `${unit}.F[${2 * i + (ids ? 1 : 0)}]`;
}

const fmt = kpFormat;
const S = jsString;

/** Generates the scoring module of a checked catalogue. */
export function emitJs(cat: M.Catalogue, options: EmitOptions = {}): string {
  const specs = factSpecs(cat);
  const ctx: Ctx = { out: [], ruleIndex: new Map(), indIndex: new Map(), factIndex: new Map(specs.map((x, i) => [x.k, i] as const)) };
  const o = ctx.out;
  const allIndicators: M.IndicatorModel[] = [];
  const collect = (i: M.IndicatorModel) => {
    allIndicators.push(i);
    i.children.forEach(collect);
  };
  cat.indicators.forEach(collect);
  allIndicators.forEach((ind, n) => ctx.indIndex.set(ind, n));
  cat.rules.forEach((r, n) => ctx.ruleIndex.set(r, n));

  o.push(`// 计分模块：由 kaoping ${options.version ?? ""} 从细则「${commentText(cat.title)}」生成，请勿手工修改。`.replace("  ", " "));
  if (options.sources?.length) o.push(`// 源文件：${commentText(options.sources.join("、"), 400)}`);
  o.push(
    "// 分值一律以「百万分之一分」为单位的整数精确计算（0.05 分记作 50000），不使用浮点小数。",
    "// 舍入只有一种：四舍五入（kpDivRound），只用于细则规定的总分舍入和不能整除的除法（第 6 位小数）。",
    "",
    "// ---------------------------------------------------------------- 精确小数运行时",
  );
  o.push(RUNTIME_JS, "");

  // ------------------------------------------------------------ metadata
  o.push("// ---------------------------------------------------------------- 细则信息");
  o.push(`/** 细则的结构：指标、分值、条文。 */`);
  o.push(`export const catalogue = ${jsValue(catalogueMeta(cat))};`, "");
  o.push(`const ROUNDING = ${cat.rounding ?? -1};`);
  o.push(`const CLASSES = ${jsValue(cat.classes)};`);
  o.push(`const RULE_NAMES = ${jsValue(Object.fromEntries(cat.rules.map((r) => [r.name, true])))};`);
  o.push("/** 事实：FACTS[i] 的值在 Z.F[2i]，事件编号在 Z.F[2i + 1]。 */");
  o.push(`const FACTS = ${jsValue(specs)};`);
  o.push(`const GRADES = ${jsValue(cat.grades.map((g) => ({ name: g.name, otherwise: g.otherwise, conditions: g.conditions })))};`);
  o.push(`const INDICATOR_COUNT = ${allIndicators.length};`);
  const refers = referTable(ctx, allIndicators);
  o.push(`const REFERS = ${jsValue(refers.entries)};`, "");
  const needsUnits = refers.pools || cat.rules.some((r) => r.body.kind === "ranked" && r.body.by.kind !== "fact");
  if (refers.pools) o.push(POOL_HELPERS);

  // ------------------------------------------------------------ rules
  o.push("// ---------------------------------------------------------------- 规则（返回扣分或得分）");
  for (const r of cat.rules) {
    if (r.group?.kind === "highest") continue; // emitted inside their group
    emitRule(ctx, r);
  }

  // ------------------------------------------------------------ cross-unit
  const cross = cat.rules.filter((r) => r.crossUnit);
  o.push("// ---------------------------------------------------------------- 需要全部单位的规则（排名、比例）");
  // Rules on facts (ranking by a fact, proportion, average/median base) keep only compact values
  // across units: crossStart/crossSee/crossEnd gather them unit by unit (scoreAll over all units,
  // createScorer in a first pass over the facts); cx<n>(X, u) gives one unit's entry from them.
  o.push("function crossUnit(units) {", "  const X = crossStart();");
  if (needsUnits) o.push("  X.L = units; // 全部单位：参照平均分、按计算得分排名时用", "  X.M = new Map(); // 参照平均分的缓存");
  o.push("  for (const u of units) crossSee(X, u);", "  crossEnd(X);", "  return X;", "}", "");
  const onFacts = cross.filter((r) => r.body.kind !== "ranked" || r.body.by.kind === "fact");
  emitCross(ctx, onFacts);

  // ------------------------------------------------------------ groups and indicators
  o.push("// ---------------------------------------------------------------- 指标（得分写入 Z.S，倒扣超出部分写入 Z.K）");
  let groupNo = 0;
  const groupName = new Map<M.GroupModel, string>();
  // 择一 groups need no function: their rules are scored as separate rules (the facts reader lets
  // only one of them happen, KP4060).
  for (const owner of [...allIndicators, ...cat.bonuses, ...cat.penalties]) {
    for (const g of owner.groups) {
      if (g.kind === "choice") continue;
      const gn = `g${++groupNo}`;
      groupName.set(g, gn);
      emitGroup(ctx, g, gn, owner);
    }
  }
  for (const ind of [...allIndicators].reverse()) emitIndicator(ctx, ind, groupName, refers.index);
  for (const r of cross) if (r.body.kind === "ranked" && r.body.by.kind !== "fact") emitComputedRank(ctx, r, cat);
  cat.bonuses.forEach((s, n) => emitSection(ctx, s, `b${n + 1}`, groupName));
  cat.penalties.forEach((s, n) => emitSection(ctx, s, `p${n + 1}`, groupName));

  // ------------------------------------------------------------ unit
  o.push("// ---------------------------------------------------------------- 单个单位");
  o.push("function runUnit(unit, u, X, R, trace) {");
  // Z.P: points of the indicators whose points differ by class, for this unit (others: their points)
  const anyAbove = cat.indicators.some(hasAbove);
  o.push(`  const Z = { F: unit.F, c: unit.c, T: trace ? [] : null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), ${anyAbove ? "E: new Array(INDICATOR_COUNT), " : ""}V: [], X, R, u, ref: false, zr: false, P: [] };`);
  const tops = cat.indicators.map((i) => ctx.indIndex.get(i)!);
  for (const t of tops) o.push(`  i${t}(Z);`);
  o.push(`  let base = ${tops.map((t) => `Z.S[${t}]`).join(" + ") || "0"};`);
  o.push(`  const carry = ${tops.map((t) => `Z.K[${t}]`).join(" + ") || "0"};`);
  o.push(`  const bonus = ${cat.bonuses.map((_, n) => `b${n + 1}(Z)`).join(" + ") || "0"};`);
  o.push(`  const penalty = ${cat.penalties.map((_, n) => `p${n + 1}(Z)`).join(" + ") || "0"};`);
  if (cat.rescale && cat.declaredTotal !== undefined) {
    // 总分 N 折算: the final score, out of the indicators' points, rescaled to N (one rounding, at the sixth decimal)
    const from = cat.indicators.reduce((a, i) => a + i.points, 0);
    o.push("  const unscaled = base - carry + bonus - penalty;");
    o.push(`  const total = kpMulDiv(unscaled, ${cat.declaredTotal}, ${from});`);
    o.push(`  if (Z.T) Z.T.push({ i: "", k: "note", a: total, x: "各项合计 " + kpFormat(unscaled) + ${S(`（满分 ${fmt(from)}），按满分 ${fmt(cat.declaredTotal)} 折算：`)} + kpFormat(unscaled) + ${S(` × ${fmt(cat.declaredTotal)} ÷ ${fmt(from)} = `)} + kpFormat(total) });`);
  } else o.push("  const total = base - carry + bonus - penalty;");
  o.push('  if (!Number.isSafeInteger(total)) throw new RangeError("KP4018");');
  o.push("  return { unit, total, rounded: ROUNDING < 0 ? total : kpRound(total, ROUNDING), base, carry, bonus, penalty, S: Z.S, P: Z.P, V: Z.V, T: Z.T };");
  o.push("}", "");

  const scoreChecks = cat.rules.some((r) => r.waivers.some((w) => w.mode === "reduce"));
  if (scoreChecks) o.push(UNIT_NAME_FN);
  o.push(scoreChecks ? PUBLIC_API.replace(CHECK_FACTS, CHECK_FACTS_SCORING) : PUBLIC_API);
  // One unit at a time (kp score on large files): catalogues whose units need no other unit but the
  // one a 参照 names; the others score with scoreAll.
  // Rules on facts across units (ranking by a fact, proportion, average/median) take a first pass
  // over the facts (createScorer's survey); rankings by a computed score and pools need whole units.
  const computedRanks = cross.some((r) => r.body.kind === "ranked" && r.body.by.kind !== "fact");
  o.push(`const STREAMABLE = ${!computedRanks && !refers.pools};`, `const PASSES = ${onFacts.length > 0 ? 2 : 1};`, SCORER_API);
  return o.join("\n") + "\n";
}

// ==================================================================== metadata

function catalogueMeta(cat: M.Catalogue): unknown {
  const ind = (i: M.IndicatorModel): unknown => ({
    id: i.id,
    name: i.name,
    points: fmt(i.points),
    classPoints: i.classPoints?.map((cp) => ({ unitClass: cp.unitClass, points: fmt(cp.points) })),
    code: i.code,
    departments: i.departments,
    appliesTo: i.appliesTo,
    refer: i.refer,
    rules: i.rules.map((r) => r.name),
    notes: i.notes.map((n) => n.text?.value ?? ""),
    facts: i.notConcerned ? [i.notConcerned.key] : undefined,
    children: i.children.map(ind),
  });
  return {
    title: cat.title,
    year: cat.year,
    subject: cat.subject,
    classes: cat.classes,
    total: cat.declaredTotal === undefined ? undefined : fmt(cat.declaredTotal),
    rescale: cat.rescale ? true : undefined,
    rounding: cat.rounding,
    indicators: cat.indicators.map(ind),
    bonuses: cat.bonuses.map((s) => ({ id: s.id, name: s.name, cap: s.cap === undefined ? undefined : fmt(s.cap), rules: s.rules.map((r) => r.name) })),
    penalties: cat.penalties.map((s) => ({ id: s.id, name: s.name, cap: s.cap === undefined ? undefined : fmt(s.cap), rules: s.rules.map((r) => r.name) })),
    grades: cat.grades.map((g) => g.name),
    rules: Object.fromEntries(
      cat.rules.map((r) => [
        r.name,
        {
          indicator: r.owner.id,
          clause: r.clause,
          effect: r.effect,
          kind: r.body.kind,
          facts: r.facts.map((f) => f.key),
          ...(r.facts.some((f) => f.fact.type === "items") ? { perItem: true } : {}),
        },
      ]),
    ),
  };
}

/** The fact specs a module's facts reader checks against (FACTS), one per fact key, in rule order. */
export function factSpecs(cat: M.Catalogue): FactSpec[] {
  const out: FactSpec[] = [];
  // A divisor fact (按 「所辖乡镇数」 平均) is the unit's, shared by every rule dividing by it: one spec,
  // required of a unit when any of those rules concerns it.
  const shared = new Map<string, FactSpec>();
  for (const r of cat.rules) {
    const cls = applicableClasses(r);
    for (const f of r.facts) {
      const t = f.fact;
      const prev = t.type === "value" && t.positive ? shared.get(f.key) : undefined;
      if (prev) {
        if (prev.cls && (!cls || JSON.stringify(prev.cls) !== JSON.stringify(cls))) delete prev.cls;
        const referred = referringClasses(r);
        if (prev.xcls) prev.xcls = prev.xcls.filter((c) => referred.includes(c));
        if (prev.xcls?.length === 0) delete prev.xcls;
        continue;
      }
      const spec: FactSpec = { k: f.key, t: t.type, label: f.label };
      if (t.type === "count") spec.inc = t.incidents;
      if (t.type === "items") {
        spec.item = t.item;
        spec.noun = t.noun;
      }
      if (t.type === "count" && t.within !== undefined) {
        spec.of = t.within;
        spec.noun = t.noun;
      }
      if (t.type === "flag") spec.inc = t.incident;
      if (t.type === "award") spec.max = t.max;
      if (t.type === "value") {
        spec.miss = t.missing;
        if (t.integer) spec.int = true;
        if (t.signed) spec.neg = true;
        if (t.positive) {
          spec.pos = true;
          shared.set(f.key, spec);
        }
      }
      if (t.type === "score") spec.max = t.scale ?? t.max;
      if (t.type === "score" && t.scale !== undefined) spec.sc = t.max;
      if (t.type === "outcome") spec.names = t.names;
      if (t.type === "rate") spec.max = 100_000_000;
      if (t.type === "amount") {
        spec.min = t.min;
        spec.max = t.max;
        if (t.award) spec.oc = "KP4067";
      }
      if (t.type === "amounts") {
        spec.min = t.min;
        spec.max = t.max;
        spec.n = t.noun;
      }
      if (t.type === "committee") {
        spec.t = "score";
        spec.max = t.max;
        spec.oc = "KP4066";
      }
      if (t.type === "reduce") {
        if (t.max !== undefined) spec.max = t.max;
        spec.oc = "KP4065";
      }
      if (!f.optional) spec.req = true;
      if (cls) spec.cls = cls;
      // the rule's own fact only (not its 加倍/减半 conditions)
      if (r.group?.choice !== undefined && f.key === r.name) spec.x = r.group.choice;
      const referred = referringClasses(r);
      if (referred.length > 0) spec.xcls = referred;
      const flags = notConcernedKeys(r);
      if (flags.length > 0) spec.xf = flags;
      out.push(spec);
    }
  }
  // 参照 未涉及: one yes/no fact per indicator, after every rule's (so rule facts keep their places)
  const walk = (ind: M.IndicatorModel) => {
    if (ind.notConcerned) {
      const spec: FactSpec = { k: ind.notConcerned.key, t: "flag", label: ind.notConcerned.label, inc: false };
      const cls = indicatorClasses(ind);
      if (cls) spec.cls = cls;
      out.push(spec);
    }
    ind.children.forEach(walk);
  };
  cat.indicators.forEach(walk);
  return out;
}

/** The 未涉及 flags of the indicators containing a rule: a unit flagged there need not give its facts. */
function notConcernedKeys(r: M.RuleModel): string[] {
  const out: string[] = [];
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.notConcerned) out.push(ind.notConcerned.key);
  return out;
}

/** Which units an indicator applies to (its 适用 and its parents'), as {@link applicableClasses}. */
export function indicatorClasses(ind: M.IndicatorModel): string[][] | undefined {
  const all: string[][] = [];
  for (let i: M.IndicatorModel | undefined = ind; i; i = i.parent) if (i.appliesTo) all.push(i.appliesTo);
  return all.length > 0 ? all : undefined;
}

/**
 * REFERS: one entry per 参照, indicators in order.  A one-unit 参照 of a class keeps the entry it has
 * always had ({ unitClass, unit, indicator, name }); the others say who takes (flag: the 未涉及
 * fact's position), from what pool, and, for the pool's membership, which 参照 sit on the same
 * indicator (sib) and above it (anc), and the indicator's applicability (app).
 */
function referTable(ctx: Ctx, all: M.IndicatorModel[]): { entries: Record<string, unknown>[]; index: Map<M.ReferModel, number>; pools: boolean } {
  const entries: Record<string, unknown>[] = [];
  const index = new Map<M.ReferModel, number>();
  for (const ind of all) for (const r of ind.refers) index.set(r, index.size);
  const pools = [...index.keys()].some((r) => r.source.kind === "pool");
  for (const ind of all) {
    for (const r of ind.refers) {
      const e: Record<string, unknown> = {};
      if (r.taker.kind === "class") e.unitClass = r.taker.unitClass;
      if (r.source.kind === "unit") e.unit = r.source.unit;
      e.indicator = ind.id;
      e.name = ind.name;
      if (r.taker.kind === "flag") e.flag = ctx.factIndex.get(r.taker.key);
      if (r.source.kind === "pool") {
        e.pool = r.source.pool;
        if (r.source.unitClass !== undefined) e.poolClass = r.source.unitClass;
        e.agg = r.source.aggregate;
      }
      if (pools) {
        e.app = indicatorClasses(ind);
        e.sib = ind.refers.map((x) => index.get(x)!);
        const anc: number[] = [];
        for (let p = ind.parent; p; p = p.parent) for (const x of p.refers) anc.push(index.get(x)!);
        e.anc = anc;
      }
      entries.push(e);
    }
  }
  return { entries, index, pools };
}

/** Runtime of 参照 to a pool of units (emitted only when a catalogue has one). */
const POOL_HELPERS = String.raw`/** 单位 u 是否取 REFERS[k] 规定的参照得分（不看同一指标中前面的参照）。 */
function kpTakes(u, R) {
  if (R.app && !R.app.every((l) => l.some((c) => u.c[c] === true))) return false;
  return R.flag !== undefined ? u.F[2 * R.flag] === true : u.c[R.unitClass] === true;
}
/** 参照 REFERS[k] 为单位 u 取平均分（最高分、最低分）的那组单位：本项照常考核、自己不取参照得分的单位。 */
function kpPool(units, k, u) {
  const R = REFERS[k];
  return units.filter((v) => {
    if (v === u) return false;
    if (R.app && !R.app.every((l) => l.some((c) => v.c[c] === true))) return false;
    if (R.sib.some((j) => kpTakes(v, REFERS[j])) || R.anc.some((j) => kpTakes(v, REFERS[j]))) return false;
    if (R.pool === "class") return v.c[R.poolClass] === true;
    if (R.pool === "same") return CLASSES.every((c) => (v.c[c] === true) === (u.c[c] === true));
    return true;
  });
}
/** 平均分（第 6 位小数四舍五入）、最高分或最低分。 */
function kpAggregate(list, agg) {
  if (list.length === 0) return 0;
  let m = list[0];
  if (agg === "max") { for (const x of list) if (x > m) m = x; return m; }
  if (agg === "min") { for (const x of list) if (x < m) m = x; return m; }
  let sum = 0;
  for (const x of list) sum += x;
  if (!Number.isSafeInteger(sum)) throw new RangeError("KP4018");
  return kpDivRound(sum, list.length);
}
/** 参照 REFERS[k]（指标 n，函数 fn，下级指标 sub）为单位 Z 取的得分，同一组单位只算一次。 */
function kpPoolScores(Z, k, fn, sub) {
  const units = Z.X.L;
  const u = units[Z.u];
  const R = REFERS[k];
  const key = k + "|" + (R.pool === "same" ? CLASSES.filter((c) => u.c[c] === true).join("") : "");
  let P = Z.X.M.get(key);
  if (P) return P;
  const pool = kpPool(units, k, u);
  const S = sub.map(() => []);
  for (const v of pool) {
    const Y = { F: v.F, c: v.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: v.index, ref: false, zr: false, P: [] };
    fn(Y);
    sub.forEach((j, x) => S[x].push(Y.S[j]));
  }
  P = { names: pool.map((v) => v.name), S, agg: S.map((list) => kpAggregate(list, R.agg)) };
  Z.X.M.set(key, P);
  return P;
}
/** 说明：各单位的得分与取值的算式。 */
function kpPoolText(P, agg) {
  const list = P.S[0];
  const each = P.names.map((n, i) => n + " " + kpFormat(list[i])).join("、");
  if (agg === "max") return each + "，最高 " + kpFormat(P.agg[0]);
  if (agg === "min") return each + "，最低 " + kpFormat(P.agg[0]);
  if (list.length === 1) return each + "（只有这 1 个单位），平均分 " + kpFormat(P.agg[0]);
  return each + "，平均分 (" + list.map(kpFormat).join(" + ") + ") ÷ " + list.length + " = " + kpFormat(P.agg[0]);
}
`;

/** Classes whose units take another unit's score for an indicator containing the rule (参照). */
function referringClasses(r: M.RuleModel): string[] {
  const out: string[] = [];
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.refer) out.push(ind.refer.unitClass);
  return out;
}

/**
 * Which units a rule applies to, from its own 适用 and its indicators': a list of class lists, all of
 * which must hold (a unit applies when, for every list, it has one of the classes); undefined = all.
 */
export function applicableClasses(r: M.RuleModel): string[][] | undefined {
  const all: string[][] = [];
  if (r.appliesTo) all.push(r.appliesTo);
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.appliesTo) all.push(ind.appliesTo);
  return all.length > 0 ? all : undefined;
}

/** Whether a unit with these classes meets an applicability (see {@link applicableClasses}). */
export function meetsClasses(applies: readonly (readonly string[])[] | undefined, has: (unitClass: string) => boolean): boolean {
  return !applies || applies.every((list) => list.some(has));
}

// ==================================================================== rules

function ownerPoints(r: M.RuleModel): number {
  return r.owner.kind === "indicator" ? r.owner.points : 0;
}

/** Whether an indicator's points, or a descendant's, differ by unit class. */
function classDependent(ind: M.IndicatorModel): boolean {
  return ind.classPoints !== undefined;
}

/**
 * Code giving an indicator's points for the unit being scored: a number, or for points that differ
 * by class (`5分 其中 「其他县」 3分`) the first listed class the unit has; derived points are the
 * sum of the children's (each for this unit) plus the awards' maxima.
 */
function pointsExpr(ind: M.IndicatorModel): string {
  if (!ind.classPoints) return String(ind.points);
  if (!ind.pointsDeclared) {
    const awards = ind.points - ind.children.reduce((s, c) => s + c.points, 0);
    return `(${[...ind.children.map(pointsExpr), ...(awards !== 0 ? [String(awards)] : [])].join(" + ")})`;
  }
  let e = String(ind.points);
  for (const cp of [...ind.classPoints].reverse()) e = `Z.c[${S(cp.unitClass)}] ? ${cp.points} : ${e}`;
  return `(${e})`;
}

/** A rule's indicator's points as code (see {@link pointsExpr}); 0 in a section. */
function ownerPointsExpr(r: M.RuleModel): string {
  return r.owner.kind === "indicator" ? pointsExpr(r.owner) : "0";
}

function classCond(classes: string[]): string {
  return classes.map((c) => `Z.c[${S(c)}]`).join(" || ");
}

/** Code computing the amount for a unit, honouring per-class overrides: `Z.c["园区"] ? 300000 : 500000`. */
function amountExpr(amount: number, overrides: { unitClass: string; amount: number }[]): string {
  let e = String(amount);
  for (const ov of [...overrides].reverse()) e = `Z.c[${S(ov.unitClass)}] ? ${ov.amount} : ${e}`;
  return e;
}
function amountNote(overrides: { unitClass: string; amount: number }[]): string {
  if (overrides.length === 0) return "";
  return " + (" + overrides.map((ov) => `Z.c[${S(ov.unitClass)}] ? ${S(`（${ov.unitClass}标准）`)} : `).join("") + '"")';
}

function traceCall(r: M.RuleModel, kind: string, amountVar: string, text: string, facts: string): string {
  return `if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${S(r.name)}, k: ${S(kind)}, a: ${amountVar}, x: ${text}, f: ${facts} });`;
}

/**
 * Lines applying 加倍/减半 to variable `v`, extending note variable `note`.  On a result (the
 * default) the note shows each step's value (「，重犯加倍 → 0.4」); on an amount that is multiplied
 * afterwards (就高 groups), only the condition (「（重犯加倍）」), written right after the amount.
 */
function multiplierLines(ctx: Ctx, r: M.RuleModel, v: string, on: "result" | "amount" = "result", note = "note"): string[] {
  const lines: string[] = [];
  for (const m of r.multipliers) {
    const key = `${r.name}.${m.flag}`;
    const word = m.factor === "double" ? "加倍" : "减半";
    const apply = m.factor === "double" ? `kpTimes(${v}, 2)` : `kpDivRound(${v}, 2)`;
    const text = on === "result" ? `${S(`，${m.flag}${word} → `)} + kpFormat(${v})` : S(`（${m.flag}${word}）`);
    lines.push(`  if (${fx(ctx, key)}) { ${v} = ${apply}; ${note} += ${text}; }`);
  }
  return lines;
}

/**
 * Lines dividing variable `v` by the rule's 按 … 平均 divisor (a fact of the unit, read as a raw
 * decimal, or a number), rounding at the sixth decimal, extending `note`.
 */
function averageLines(ctx: Ctx, r: M.RuleModel, v: string): string[] {
  const a = r.average;
  if (!a) return [];
  if ("fact" in a) {
    const d = fx(ctx, a.fact);
    return [`  { const d = ${d}; ${v} = kpMulDiv(${v}, 1000000, d); note += ${S(`，按${a.fact} `)} + kpFormat(d) + ${S(" 平均 → ")} + kpFormat(${v}); }`];
  }
  return [`  ${v} = kpDivRound(${v}, ${a.value}); note += ${S(`，按 ${a.value} 平均 → `)} + kpFormat(${v});`];
}

/**
 * A trace's facts object with the rule's 加倍/减半 and 免扣 conditions that hold added (「事件.群体性事件 = 是」),
 * its 可减免 amounts given, the counts of its 其中 conditions and its 按 … 平均 divisor.
 */
function withFlags(ctx: Ctx, r: M.RuleModel, facts: string): string {
  const extra: string[] = [];
  // (a categories rule puts its conditions' counts in `used` itself)
  if (r.body.kind === "per") for (const o of r.occurrences) extra.push(`...(${fx(ctx, `${r.name}.${o.condition}`)} ? { [${S(`${r.name}.${o.condition}`)}]: ${fx(ctx, `${r.name}.${o.condition}`)} } : {})`);
  if (r.average && "fact" in r.average) extra.push(`[${S(r.average.fact)}]: kpFormat(${fx(ctx, r.average.fact)})`);
  if (r.multipliers.length === 0 && r.waivers.length === 0 && extra.length === 0) return facts;
  const flags = [
    ...extra,
    ...[...r.multipliers, ...r.waivers].map((m) => {
      const k = `${r.name}.${m.flag}`;
      const shown = "mode" in m && m.mode === "reduce" ? `kpFormat(${fx(ctx, k)})` : "true";
      return `...(${fx(ctx, k)} ? { [${S(k)}]: ${shown} } : {})`;
    }),
  ];
  const literal = /^\{ (.*) \}$/.exec(facts);
  return `{ ${literal ? literal[1] : `...${facts}`}, ${flags.join(", ")} }`;
}

/**
 * Lines applying the rule's 免扣/可减免 to variable `v` (after 加倍/减半 and the cap), extending `note`.
 * With `zeroable`, a 免扣 also lifts the rule's 不得分 (`zero`).  A reduction beyond the deduction is a
 * facts error (KP4065) of the unit, thrown as such: nothing is clamped silently.
 */
function waiverLines(ctx: Ctx, r: M.RuleModel, v: string, zeroable: boolean): string[] {
  const lines: string[] = [];
  for (const w of r.waivers) {
    const key = `${r.name}.${w.flag}`;
    if (w.mode === "cancel") {
      const text = zeroable
        ? `(zero ? ${S(`，${w.flag}：免扣，本项不因本规则不得分`)} : ${S(`，${w.flag}：免扣 `)} + kpFormat(${v}))`
        : `${S(`，${w.flag}：免扣 `)} + kpFormat(${v})`;
      lines.push(`  if (${fx(ctx, key)} && (${v} > 0${zeroable ? " || zero" : ""})) { note += ${text}; ${v} = 0;${zeroable ? " zero = false;" : ""} }`);
    } else {
      lines.push(`  { const red = ${fx(ctx, key)} || 0; Z.w = true;`);
      lines.push(
        `    if (red > ${v}) throw new KpFactsError([{ code: "KP4065", message: ${S(`「${key}」的减免 `)} + kpFormat(red) + " 超出范围 [0, " + kpFormat(${v}) + ${S("]：减免的分数应在 0 至本规则的扣分之间（本单位本规则扣 ")} + kpFormat(${v}) + "）", unit: kpUnitName(Z), key: ${S(key)} }]);`,
      );
      lines.push(`    if (red > 0) { ${v} -= red; note += ${S(`，${w.flag}：减免 `)} + kpFormat(red) + " → " + kpFormat(${v}); } }`);
    }
  }
  return lines;
}

/** Lines capping variable `v` at the rule's cap, extending `note`. */
function capLines(r: M.RuleModel, v: string): string[] {
  if (r.cap === undefined) return [];
  return [`  if (${v} > ${r.cap}) { note += ${S(`，封顶 ${fmt(r.cap)}`)}; ${v} = ${r.cap}; }`];
}

function emitRule(ctx: Ctx, r: M.RuleModel): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  const b = r.body;
  const kind = r.effect === "award" ? "award" : "deduct";
  o.push(`// [${commentText(r.owner.id)}] ${commentText(r.name, 40)}：${commentText(r.clause)}`);
  if (r.facts.length > 0) o.push(`// 事实：${r.facts.map((f) => `${fx(ctx, f.key)}「${commentText(f.key, 40)}」`).join("，")}`);
  // With 可减免 the body is r<n>_ and r<n> checks that a reduction given was applied to a deduction.
  const reductions = r.waivers.filter((w) => w.mode === "reduce");
  o.push(`function r${n}${reductions.length > 0 ? "_" : ""}(Z) {`);
  if (r.appliesTo) o.push(`  if (!(${classCond(r.appliesTo)})) return 0;`);
  const key = S(r.name);
  // the rule's own fact (categories and compound units have only sub-keys)
  const F = ctx.factIndex.has(r.name) ? fx(ctx, r.name) : "undefined";
  // the owner's points, as code (per unit when they differ by class); `PT` for texts (undefined: differs)
  const P = ownerPointsExpr(r);
  const PT = r.owner.kind === "indicator" && classDependent(r.owner) ? undefined : ownerPoints(r);
  // With a 免扣, a rule's 不得分 marks the indicator (Z.zr) only after the waiver is looked at.
  const deferZr = r.waivers.length > 0;
  // `zeroable`: the body may end in 不得分, which takes the whole indicator and is neither
  // multiplied nor capped.
  // `text` and `facts` are given the name of the variable holding the value *before* 加倍/减半 and
  // the cap (`computed`): the trace shows the computed value first, then each adjustment (「= 2，重犯加倍 → 4」).
  const finish = (v: string, text: (pre: string) => string, facts: (pre: string) => string, zeroable = false) => {
    o.push(`  let note = "";`);
    const adjust = [...averageLines(ctx, r, v), ...multiplierLines(ctx, r, v), ...capLines(r, v)];
    const waive = waiverLines(ctx, r, v, zeroable);
    const pre = adjust.length + waive.length > 0 ? "computed" : v;
    if (adjust.length + waive.length > 0) o.push(`  const ${pre} = ${v};`);
    if (zeroable && adjust.length > 0) o.push("  if (!zero) {", ...adjust.map((l) => "  " + l), "  }");
    else o.push(...adjust);
    o.push(...waive);
    // 不得分 takes the indicator only once a 免扣 has not lifted it (deferZr below)
    if (zeroable && deferZr) o.push("  if (zero) Z.zr = true;");
    o.push(`  ${traceCall(r, kind, v, `${text(pre)} + note`, withFlags(ctx, r, facts(pre)))}`);
    o.push(`  return ${v};`);
  };
  switch (b.kind) {
    case "per": {
      if (b.nouns.length === 1) {
        o.push(`  const n = ${F} || 0;`, "  if (n === 0) return 0;");
        o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
        if (r.occurrences.length === 0) {
          o.push(`  let v = kpTimes(amt, n);`);
          finish("v", (pre) => `n + ${S(b.nouns[0]!)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
        } else {
          // 其中 「已查结」 减半: the occurrences of each condition at amt × factor (one rounding each),
          // the rest at amt; the facts reader has checked the parts do not exceed n (KP4045).
          const noun = b.nouns[0]!;
          r.occurrences.forEach((x, i) => o.push(`  const m${i} = ${fx(ctx, `${r.name}.${x.condition}`)} || 0;`));
          o.push(`  const n0 = n${r.occurrences.map((_, i) => ` - m${i}`).join("")};`);
          o.push(`  let v = kpTimes(amt, n0);`);
          o.push(`  const parts = n0 > 0 ? [n0 + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)}] : [];`);
          r.occurrences.forEach((x, i) => {
            o.push(
              `  if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(amt, m${i}), ${x.factor}, 1000000)); parts.push(${S(`${x.condition} `)} + m${i} + ${S(noun)} + " × " + kpFormat(amt) + ${S(` × ${fmt(x.factor)}（${x.word}）`)}); }`,
            );
          });
          finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
        }
      } else {
        // per-item counts under the rule's name (「甲村 2、乙村 1」, or their sum) replace the product
        const noun = b.nouns.slice(1).join("");
        o.push(`  if (${fx(ctx, r.name)} !== undefined) {`);
        o.push(`    const n = ${fx(ctx, r.name)};`, "    if (n === 0) return 0;");
        o.push(`    const items = ${fx(ctx, r.name, true)};`);
        o.push(`    const amt = ${amountExpr(b.amount, b.overrides)};`);
        o.push(`    let v = kpTimes(amt, n);`);
        o.push(`    const each = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1] + ${S(noun)}).join(" + ") + " = " : "";`);
        o.push(`    const shown = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1]).join("、") : n;`);
        const inner: string[] = [];
        const saved = o.length;
        finish("v", (pre) => `each + n + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: shown }`);
        inner.push(...o.splice(saved).map((l) => "  " + l));
        o.push(...inner, "  }");
        const keys = b.nouns.map((x) => S(`${r.name}.${x}`));
        b.nouns.forEach((x, i) => o.push(`  const n${i} = ${fx(ctx, `${r.name}.${x}`)} || 0;`));
        o.push(`  if (${keys.map((_, i) => `n${i} === 0`).join(" || ")}) return 0;`);
        o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
        o.push(`  let v = ${keys.reduce((acc, _, i) => `kpTimes(${acc}, n${i})`, "amt")};`);
        const text = (pre: string) => b.nouns.map((x, i) => `n${i} + ${S(x)}`).join(' + " × " + ') + ` + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`;
        finish("v", text, () => `{ ${keys.map((k, i) => `[${k}]: n${i}`).join(", ")} }`);
      }
      break;
    }
    case "categories": {
      o.push("  let v = 0;", "  const parts = [];", "  const used = {};");
      for (const c of b.categories) {
        const k = S(`${r.name}.${c.name}`);
        if (r.occurrences.length === 0) {
          o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) { v += kpTimes(${c.amount}, n); used[${k}] = n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × " + fmt(c.amount))}); } }`);
          continue;
        }
        // 其中 「省市领导批示」 加 2倍: per category, the occurrences of each condition at amount × factor
        const ms = r.occurrences.map((x) => `${r.name}.${x.condition}.${c.name}`);
        o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) {`);
        o.push(`    used[${k}] = n;`);
        ms.forEach((key, i) => o.push(`    const m${i} = ${fx(ctx, key)} || 0;`));
        o.push(`    const n0 = n${ms.map((_, i) => ` - m${i}`).join("")};`);
        o.push(`    if (n0 > 0) { v += kpTimes(${c.amount}, n0); parts.push(${S(c.name + " ")} + n0 + ${S(b.noun + " × " + fmt(c.amount))}); }`);
        r.occurrences.forEach((x, i) =>
          o.push(
            `    if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(${c.amount}, m${i}), ${x.factor}, 1000000)); used[${S(ms[i]!)}] = m${i}; parts.push(${S(`${x.condition} ${c.name} `)} + m${i} + ${S(`${b.noun} × ${fmt(c.amount)} × ${fmt(x.factor)}（${x.word}）`)}); }`,
          ),
        );
        o.push("  } }");
      }
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => "used");
      break;
    }
    case "once": {
      if (b.otherwise) {
        // One yes/no fact, two outcomes: yes → the award (returned positive), no → the 否则 deduction
        // (returned negative; the indicator or section books it as a deduction).
        const e = b.otherwise;
        o.push(`  if (!${F}) {`);
        o.push(`    ${traceCall(r, "deduct", String(e.amount), S(`未完成，${e.overdraft ? "倒扣" : "扣"} ${fmt(e.amount)}`), `{ [${key}]: false }`)}`);
        o.push(`    return ${-e.amount};`, "  }");
        o.push(`  let v = ${amountExpr(b.amount, b.overrides)};`);
        finish("v", (pre) => `"已完成，得 " + kpFormat(${pre})${amountNote(b.overrides)}`, () => `{ [${key}]: true }`);
        break;
      }
      if (r.effect === "award") {
        o.push(`  const v0 = ${F} || 0;`, "  if (v0 === 0) return 0;");
        o.push(`  const full = ${amountExpr(b.amount, b.overrides)};`);
        o.push("  let v = v0 > full ? full : v0;");
        finish("v", (pre) => `(v0 >= full ? "已完成，得 " + kpFormat(${pre}) : "酌情给分 " + kpFormat(${pre}) + "（满分 " + kpFormat(full) + "）")`, () => `{ [${key}]: v0 >= full ? "是" : kpFormat(v0) }`);
      } else {
        o.push(`  if (!${F}) return 0;`);
        o.push(`  let v = ${amountExpr(b.amount, b.overrides)};`);
        finish("v", (pre) => `"发生，扣 " + kpFormat(${pre})${amountNote(b.overrides)}`, () => `{ [${key}]: true }`);
      }
      break;
    }
    case "zero":
      o.push(`  if (!${F}) return 0;`, `  let v = ${P};`, `  ${deferZr ? "let" : "const"} zero = true;`, ...(deferZr ? [] : ["  Z.zr = true;"]));
      finish("v", () => (PT === undefined ? `"不得分：本项 " + kpFormat(v) + " 分全部扣除"` : S(`不得分：本项 ${fmt(PT)} 分全部扣除`)), () => `{ [${key}]: true }`, true);
      break;
    case "veto":
      o.push(`  if (!${F}) return 0;`);
      o.push(`  Z.V.push({ rule: ${key}, level: ${S(b.level)} });`);
      o.push(`  if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${key}, k: "veto", a: 0, x: ${S(b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次")}, f: { [${key}]: true } });`);
      o.push("  return 0;");
      break;
    case "bands": {
      const pct = b.percent ? '"%"' : '""';
      o.push(`  const x = ${F};`);
      o.push("  let v = 0;", "  let why;", "  let zero = false;");
      if (b.missing) {
        o.push(`  if (x === null || x === undefined) { ${outcomeAssign(b.missing, P, deferZr)} why = ${S("未报送，" + outcomeWord(b.missing, PT))}; }`);
      } else o.push("  if (x === null || x === undefined) return 0;");
      b.bands.forEach((band, i) => {
        const conds: string[] = [];
        if (band.lower) conds.push(`x ${band.lowerInclusive ? ">=" : ">"} ${band.lower.raw}`);
        if (band.upper) conds.push(`x ${band.upperInclusive ? "<=" : "<"} ${band.upper.raw}`);
        const head = `  ${i === 0 && !b.missing ? "if" : "else if"} (${conds.join(" && ") || "true"}) {`;
        const inBand = `"数值 " + kpFormat(x) + ${pct} + ${S(` 在 ${band.text} 内，${outcomeWord(band.outcome, PT)}`)}`;
        if (band.steps && band.outcome.kind !== "zero") o.push(head, ...bandStepLines(band.steps, band.outcome, inBand), "  }");
        else o.push(`${head} ${outcomeAssign(band.outcome, P, deferZr)} why = ${inBand}; }`);
      });
      o.push("  if (v === 0) return 0;");
      const factsText = `{ [${key}]: x === null || x === undefined ? "未报送" : kpFormat(x) + ${pct} }`;
      if (b.mayGoNegative) {
        // an award gone below 0 per step is a deduction from the item (returned negative); no
        // multipliers or caps here (KP2115)
        o.push(`  ${traceCall(r, "award", "(v < 0 ? -v : v)", "why", factsText).replace(`k: "award"`, `k: v < 0 ? "deduct" : "award"`)}`);
        o.push("  return v;");
        break;
      }
      finish("v", () => "why", () => factsText, true);
      break;
    }
    case "linear": {
      if (b.action === "award" || b.other || b.baseFrom || b.mode === "round") {
        emitLinear(ctx, r, b, n, F, P, PT, deferZr, finish);
        break;
      }
      const pct = b.base.percent ? '"%"' : '""';
      const unit = b.step.measure ?? (b.step.percent ? "个百分点" : "");
      o.push(`  const x = ${F};`);
      o.push("  let v = 0;", "  let why;", "  let zero = false;");
      let first = "if";
      if (b.cutoff) {
        const c = b.cutoff;
        o.push(
          `  if (x ${c.direction === "below" ? "<" : ">"} ${c.value.raw}) { ${outcomeAssign(c.outcome, P, deferZr)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` ${c.direction === "below" ? "低于" : "高于"} ${c.value.text}，${outcomeWord(c.outcome, PT)}`)}; }`,
        );
        first = "else if";
      }
      const diff = b.direction === "below" ? `${b.base.raw} - x` : `x - ${b.base.raw}`;
      const dirWord = b.direction === "below" ? "低于" : "超过";
      const stepsExpr =
        b.mode === "proportional"
          ? `kpMulDiv(diff, ${b.amount}, ${b.step.raw})`
          : `kpTimes(${b.amount}, kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
      const stepsText =
        b.mode === "proportional"
          ? `kpFormat(kpDiv(diff, ${b.step.raw}))`
          : `String(kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
      o.push(`  ${first} (${diff} > 0) {`);
      o.push(`    const diff = ${diff};`);
      o.push(`    v = ${stepsExpr};`);
      o.push(
        `    why = ${S(`${dirWord}基准 ${b.base.text} `)} + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(b.amount)} = `)} + kpFormat(v)${b.mode === "proportional" ? "" : ` + ${S(b.mode === "floor" ? "（不足一档不计）" : "（不足一档按一档计）")}`};`,
      );
      o.push("  }");
      o.push("  if (v === 0) return 0;");
      finish("v", () => "why", () => `{ [${key}]: kpFormat(x) + ${pct} }`, true);
      break;
    }
    case "shortfall": {
      const noun = b.target.measure ?? "次";
      o.push(`  const x = ${F};`);
      o.push(`  if (!(x < ${b.target.raw})) return 0;`);
      o.push(`  const steps = kpSteps(${b.target.raw} - x, ${b.step.raw}, false);`);
      o.push("  if (steps === 0) return 0;");
      o.push(`  let v = kpTimes(${b.amount}, steps);`);
      finish(
        "v",
        (pre) =>
          `${S(`至少 ${fmt(b.target.raw)} ${noun}，实际 `)} + kpFormat(x) + ${S(` ${noun}，少 `)} + kpFormat(${b.target.raw} - x) + ${S(` ${noun}，`)} + steps + ${S(` 档 × ${fmt(b.amount)} = `)} + kpFormat(${pre})`,
        () => `{ [${key}]: kpFormat(x) }`,
      );
      break;
    }
    case "assessed":
      if (b.scale !== undefined) {
        const scale = b.scale;
        o.push(`  const x = ${F} || 0;`, "  if (x === 0) return 0;");
        o.push(`  let v = kpMulDiv(x, ${b.max}, ${b.scale});`);
        finish(
          "v",
          (pre) => `"评价结果 " + kpFormat(x) + ${S(`（满分 ${fmt(scale)}），按本项满分 ${fmt(b.max)} 折算：`)} + kpFormat(x) + ${S(` × ${fmt(b.max)} ÷ ${fmt(scale)} = `)} + kpFormat(${pre})`,
          () => `{ [${key}]: kpFormat(x) }`,
        );
        break;
      }
      o.push(`  let v = ${F} || 0;`);
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `"评价得分 " + kpFormat(${pre}) + ${S(`（满分 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
      break;
    case "rate":
      o.push(`  const x = ${F} || 0;`);
      o.push(`  let v = kpMulDiv(${b.max}, x, 100000000);`);
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `"比率 " + kpFormat(x) + ${S(`% × 满分 ${fmt(b.max)} = `)} + kpFormat(${pre})`, () => `{ [${key}]: kpFormat(x) + "%" }`);
      break;
    case "proportional":
    case "ranked": {
      if (b.kind === "ranked" && b.by.kind !== "fact") {
        // ranked by a computed score: every unit's score is computed on first use (no cycle: KP2071)
        o.push(`  const c = (Z.X[${n}] || (Z.X[${n}] = rk${n}(Z.X)))[Z.u];`, "  if (!c) return 0;", "  let v = c.a;");
        finish("v", () => "c.x", () => "{}");
        break;
      }
      o.push(`  const c = cx${n}(Z.X, Z);`, "  if (!c) return 0;", "  let v = c.a;");
      finish("v", () => "c.x", () => `{ [${key}]: c.f }`);
      break;
    }
    case "discretion": {
      const word = r.effect === "award" ? "酌情得" : "酌情扣";
      if (b.noun !== undefined) {
        // 每起 酌情 …: one amount per occurrence, their sum (the reader checked each is in range)
        o.push(`  const list = ${fx(ctx, r.name, true)};`, "  if (!list || list.length === 0) return 0;", `  let v = ${F};`);
        finish(
          "v",
          (pre) => `list.length + ${S(`${b.noun}，${word} `)} + list.map(kpFormat).join("、") + " = " + kpFormat(${pre}) + ${S(`（每${b.noun} ${fmt(b.min)} 至 ${fmt(b.max)}）`)}`,
          () => `{ [${key}]: list.map(kpFormat).join("、") }`,
        );
      } else {
        o.push(`  let v = ${F} || 0;`, "  if (v === 0) return 0;");
        finish("v", (pre) => `${S(word + " ")} + kpFormat(${pre}) + ${S(`（范围 ${fmt(b.min)} 至 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
      }
      break;
    }
    case "rated": {
      // the fact is the outcome's position in the list (the reader checked the name)
      const word = r.effect === "award" ? "得" : "扣";
      o.push(`  const x = ${F};`, "  if (x === undefined || x === null) return 0;");
      o.push(`  const NAMES = ${jsValue(b.outcomes.map((x) => x.name))};`);
      o.push(`  const TEXTS = ${jsValue(b.outcomes.map((x) => (x.text === String(fmt(x.amount)) ? "" : `（${x.text === "满分" ? (PT === undefined ? "满分" : `满分 ${fmt(PT)}`) : PT === undefined ? `本项分值的 ${x.text}` : `本项 ${fmt(PT)} 分的 ${x.text}`}）`)))};`);
      o.push(`  let v = ${jsValue(b.outcomes.map((x) => x.amount))}[x];`);
      o.push("  if (v === 0) return 0;");
      finish("v", (pre) => `"评为「" + NAMES[x] + "」，${word} " + kpFormat(${pre}) + TEXTS[x]`, () => `{ [${key}]: NAMES[x] }`);
      break;
    }
    case "committee":
      o.push(`  let v = ${F} || 0;`, "  if (v === 0) return 0;");
      finish("v", (pre) => `"考核组评议得 " + kpFormat(${pre}) + ${S(`（不超过 ${fmt(b.max)}）`)}`, (pre) => `{ [${key}]: kpFormat(${pre}) }`);
      break;
  }
  o.push("}", "");
  if (reductions.length > 0) {
    o.push(`function r${n}(Z) {`);
    // a rule that does not apply to the unit ignores its facts, the reduction included (语言参考 §6.5)
    if (r.appliesTo) o.push(`  if (!(${classCond(r.appliesTo)})) return 0;`);
    o.push("  Z.w = false;", `  const v = r${n}_(Z);`);
    for (const w of reductions) {
      const k = `${r.name}.${w.flag}`;
      o.push(
        `  if (!Z.w && ${fx(ctx, k)} > 0) throw new KpFactsError([{ code: "KP4065", message: ${S(`「${k}」的减免 `)} + kpFormat(${fx(ctx, k)}) + ${S(" 超出范围 [0, 0]：减免的分数应在 0 至本规则的扣分之间（本单位本规则不扣分）")}, unit: kpUnitName(Z), key: ${S(k)} }]);`,
      );
    }
    o.push("  return v;", "}", "");
  }
}

type LinearBody = Extract<M.RuleBodyModel, { kind: "linear" }>;
interface Side {
  direction: "below" | "above";
  step: M.Quantity;
  amount: number;
  mode: LinearBody["mode"];
  action: "deduct" | "award";
  cap?: number;
}

const modeWords: Record<LinearBody["mode"], string> = { proportional: "", floor: "（不足一档不计）", ceil: "（不足一档按一档计）", round: "（不足一档四舍五入）" };

/**
 * Lines of a band going on per step (`< 0 得 1.5 每低 0.1个百分点 扣 0.1`): `v` = the band's amount
 * minus (an award) or plus (a deduction) the steps counted from the band's bound; an award may end
 * below 0 (then `v` is negative: a deduction).
 */
function bandStepLines(st: M.BandStepsModel, oc: M.OutcomeModel, inBand: string): string[] {
  const base = oc.kind === "zero" ? 0 : oc.amount;
  const award = oc.kind === "award";
  const unit = st.step.measure ?? (st.step.percent ? "个百分点" : "");
  const { stepsExpr, stepsText } = stepCode(st.mode, st.amount, st.step.raw);
  const diff = st.direction === "below" ? `${st.from.raw} - x` : `x - ${st.from.raw}`;
  return [
    `    const diff = ${diff};`,
    `    v = ${base};`,
    `    why = ${inBand};`,
    "    if (diff > 0) {",
    `      const w = ${stepsExpr};`,
    `      v = ${award ? `${base} - w` : `${base} + w`};`,
    `      why += ${S(`；比 ${st.from.text} ${st.direction === "below" ? "低" : "高"} `)} + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(st.amount)} = `)} + kpFormat(w)${modeWords[st.mode] ? ` + ${S(modeWords[st.mode])}` : ""} + ${S(`，${award ? "得" : "扣"} ${fmt(base)} ${award ? "−" : "+"} `)} + kpFormat(w) + " = " + kpFormat(v)${award ? ` + (v < 0 ? "，即扣 " + kpFormat(-v) : "")` : ""};`,
    "    }",
  ];
}

/**
 * The code of `amount` per step of `step` over `diff` (> 0) with a 不足一档 mode, and of the number of
 * steps as shown: shared by linear rules' sides and band steps.
 */
function stepCode(mode: A.StepMode, amount: number, step: number): { stepsExpr: string; stepsText: string } {
  if (mode === "proportional") return { stepsExpr: `kpMulDiv(diff, ${amount}, ${step})`, stepsText: `kpFormat(kpDiv(diff, ${step}))` };
  if (mode === "round")
    return { stepsExpr: `kpTimes(${amount}, kpDivRound(diff, ${step}))`, stepsText: `kpFormat(kpDiv(diff, ${step})) + " → " + kpDivRound(diff, ${step})` };
  return { stepsExpr: `kpTimes(${amount}, kpSteps(diff, ${step}, ${mode === "ceil"}))`, stepsText: `String(kpSteps(diff, ${step}, ${mode === "ceil"}))` };
}

/** Lines computing one side of a linear rule into `v` from `diff` (> 0), with `why`. */
function sideLines(side: Side, baseText: string): string[] {
  const unit = side.step.measure ?? (side.step.percent ? "个百分点" : "");
  const { stepsExpr, stepsText } = stepCode(side.mode, side.amount, side.step.raw);
  const dirWord = side.direction === "below" ? "低于" : "超过";
  const act = side.action === "award" ? "得" : "扣";
  const lines = [
    `    v = ${stepsExpr};`,
    `    why = ${S(dirWord)} + ${baseText} + " " + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(side.amount)} = `)} + kpFormat(v)${modeWords[side.mode] ? ` + ${S(modeWords[side.mode])}` : ""};`,
  ];
  if (side.cap !== undefined) lines.push(`    if (v > ${side.cap}) { why += ${S(`，${side.action === "award" ? "加分" : "扣分"}最多 ${fmt(side.cap)}`)}; v = ${side.cap}; }`);
  lines.push(`    why += ${S(`，${act} `)} + kpFormat(v);`);
  return lines;
}

/**
 * A linear rule beyond a plain deduction: an award, two sides (returns the award above the item's
 * points as a positive number, the deduction as a negative one), a base computed across units
 * (Z.X[n].b) or the unit's own target, 不足一档四舍五入.
 */
function emitLinear(ctx: Ctx, r: M.RuleModel, b: LinearBody, n: number, F: string, P: string, PT: number | undefined, deferZr: boolean, finish: (v: string, text: (pre: string) => string, facts: (pre: string) => string, zeroable?: boolean) => void): void {
  const o = ctx.out;
  const key = S(r.name);
  const pct = b.base.percent ? '"%"' : '""';
  const measure = b.base.percent ? "" : (b.base.measure ?? "");
  o.push(`  const x = ${F};`);
  if (r.facts[0]?.optional) o.push("  if (x === null || x === undefined) return 0;");
  let baseText: string;
  let factsText: string;
  if (b.baseFrom === "average" || b.baseFrom === "median") {
    o.push(`  const B = Z.X[${n}].b;`);
    baseText = `${S(`基准（各单位${b.base.text}）`)} + kpFormat(B) + ${pct}${measure ? ` + ${S(measure)}` : ""}`;
    factsText = `{ [${key}]: kpFormat(x) + ${pct}, ${S(b.base.text)}: kpFormat(B) + ${pct} }`;
  } else if (b.baseFrom === "target") {
    o.push(`  const B = ${fx(ctx, `${r.name}.目标值`)};`);
    baseText = `"目标值 " + kpFormat(B) + ${pct}${measure ? ` + ${S(measure)}` : ""}`;
    factsText = `{ [${key}]: kpFormat(x) + ${pct}, [${S(`${r.name}.目标值`)}]: kpFormat(B) + ${pct} }`;
  } else {
    o.push(`  const B = ${b.base.raw};`);
    baseText = S(`基准 ${b.base.text}${b.base.measure && !b.base.percent ? b.base.measure : ""}`);
    factsText = `{ [${key}]: kpFormat(x) + ${pct} }`;
  }
  o.push("  let v = 0;", "  let why;", "  let zero = false;");
  const sides: Side[] = [{ direction: b.direction, step: b.step, amount: b.amount, mode: b.mode, action: b.action }];
  if (b.other) {
    if (b.sideCap !== undefined) sides[0]!.cap = b.sideCap;
    const os: Side = { direction: b.other.direction, step: b.other.step, amount: b.other.amount, mode: b.other.mode, action: b.other.action };
    if (b.other.cap !== undefined) os.cap = b.other.cap;
    sides.push(os);
  }
  // `sign`: −1 when the result is a deduction of a two-sided rule (returned negative).
  if (b.other) o.push("  let sign = 1;");
  let first = "if";
  if (b.cutoff) {
    const c = b.cutoff;
    o.push(
      `  if (x ${c.direction === "below" ? "<" : ">"} ${c.value.raw}) { ${outcomeAssign(c.outcome, P, deferZr)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` ${c.direction === "below" ? "低于" : "高于"} ${c.value.text}，${outcomeWord(c.outcome, PT)}`)};${b.other ? " sign = -1;" : ""} }`,
    );
    first = "else if";
  }
  for (const side of sides) {
    const diff = side.direction === "below" ? "B - x" : "x - B";
    o.push(`  ${first} (${diff} > 0) {`, `    const diff = ${diff};`, ...sideLines(side, baseText));
    if (b.other && side.action === "deduct") o.push("    sign = -1;");
    o.push("  }");
    first = "else if";
  }
  o.push("  if (v === 0) return 0;");
  if (!b.other) {
    finish("v", () => "why", () => factsText, true);
    return;
  }
  // Two-sided: no multipliers or caps of the rule (KP2052); the trace says which side applied.
  o.push(`  ${traceCall(r, "deduct", "v", "why", factsText).replace(`k: "deduct"`, `k: sign < 0 ? "deduct" : "award"`)}`);
  o.push("  return sign * v;");
}

/** Code setting `v` (and `zero` for 不得分) for an outcome. */
function outcomeAssign(oc: M.OutcomeModel, P: string, deferZr = false): string {
  return oc.kind === "zero" ? `v = ${P}; zero = true;${deferZr ? "" : " Z.zr = true;"}` : `v = ${oc.amount};`;
}
/** `P` undefined: the points differ by class (the trace's amount shows them). */
function outcomeWord(oc: M.OutcomeModel, P: number | undefined): string {
  if (oc.kind === "zero") return P === undefined ? "不得分（本项分值全部扣除）" : `不得分（本项 ${fmt(P)} 分全部扣除）`;
  return `${oc.kind === "award" ? "得" : "扣"} ${fmt(oc.amount)}`;
}

/** The JS test of a rule's applicability (its 适用 and its indicators') on unit `u`. */
function condOf(r: M.RuleModel, u: string): string {
  const cls = applicableClasses(r);
  return cls ? cls.map((list) => `(${list.map((c) => `${u}.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
}

/**
 * Cross-unit rules on facts, gathered unit by unit into X[n] — the best value (proportion), the sum
 * and count (average base), the values (median base, ranking by a fact: a growable Float64Array,
 * sorted at the end) — and, for proportion and ranking, cx<n>(X, u): unit u's entry { a, x, f }
 * (undefined when the rule does not apply to it) from its own facts and X[n].
 */
function emitCross(ctx: Ctx, rules: readonly M.RuleModel[]): void {
  const o = ctx.out;
  const start: string[] = [];
  const see: string[] = [];
  const end: string[] = [];
  const each: string[] = [];
  for (const r of rules) {
    const n = ctx.ruleIndex.get(r)!;
    const b = r.body;
    const v = fx(ctx, r.name, false, "u");
    const cond = condOf(r, "u");
    see.push(`  // ${commentText(r.name, 40)}`);
    if (b.kind === "proportional") {
      start.push(`  X[${n}] = { best: 0 };`);
      see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v > X[${n}].best) X[${n}].best = v; }`);
      each.push(`// ${commentText(r.name, 40)}：比例（按最高值）`, `function cx${n}(X, u) {`, `  if (!(${cond})) return undefined;`, `  const v = ${v};`, "  if (v === undefined) return undefined;", `  const best = X[${n}].best;`);
      each.push(`  const a = best === 0 ? 0 : kpMulDiv(${b.max}, v, best);`);
      each.push(`  return { a, x: kpFormat(v) + " ÷ 最高值 " + kpFormat(best) + ${S(` × 满分 ${fmt(b.max)} = `)} + kpFormat(a), f: kpFormat(v) };`, "}", "");
    } else if (b.kind === "linear") {
      // the base: the average (rounded at the 6th decimal) or the median (of an even count, the mean
      // of the two middle values, rounded likewise) of the applicable units' values
      // (values are ≥ 0; the sum in BigInt so that no count of units can overflow it; the average and
      // the median lie between the values, so they fit)
      if (b.baseFrom === "average") {
        start.push(`  X[${n}] = { s: 0n, c: 0n };`);
        see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v !== null) { X[${n}].s += BigInt(v); X[${n}].c++; } }`);
        end.push(`  { const sum = X[${n}].s, cnt = X[${n}].c;`, "    let avg = cnt === 0n ? 0n : sum / cnt;", "    if (cnt !== 0n && 2n * (sum % cnt) >= cnt) avg += 1n;", `    X[${n}] = { b: Number(avg) }; }`);
      } else {
        start.push(`  X[${n}] = kpValues();`);
        see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v !== null) X[${n}].push(v); }`);
        end.push(`  { const have = X[${n}].sorted();`, "    const m = have.length >> 1;", `    X[${n}] = { b: have.length === 0 ? 0 : have.length % 2 === 1 ? have[m] : have[m - 1] + kpDivRound(have[m] - have[m - 1], 2) }; }`);
      }
    } else if (b.kind === "ranked") {
      // (a value null — not given — ranks as 0, as it compares in the sort)
      start.push(`  X[${n}] = kpValues();`);
      see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined) X[${n}].push(v); }`);
      end.push(`  X[${n}] = X[${n}].sorted();`);
      each.push(`// ${commentText(r.name, 40)}：排名`, `function cx${n}(X, u) {`, `  if (!(${cond})) return undefined;`, `  const v = ${v};`, "  if (v === undefined) return undefined;", `  const sorted = X[${n}];`);
      rankLines(each, b, '""', "  ", "return ");
      each.push("}", "");
    }
  }
  o.push("function crossStart() {", "  const X = {};", ...start, "  return X;", "}", "");
  o.push("function crossSee(X, u) {", ...see, "}", "");
  o.push("function crossEnd(X) {", ...end, "}", "");
  if (rules.some((r) => r.body.kind === "ranked" || (r.body.kind === "linear" && r.body.baseFrom === "median"))) o.push(KP_VALUES);
  o.push(...each);
}

/** A growable list of numbers (one per unit, off the garbage-collected heap); sorted() ends it. */
const KP_VALUES = String.raw`/** 可增长的数值表（每个单位一个数）：push 添加，sorted() 给出从小到大排好的 Float64Array。 */
function kpValues() {
  let a = new Float64Array(1 << 10);
  let n = 0;
  return {
    push(v) {
      if (n === a.length) {
        const more = new Float64Array(a.length * 2);
        more.set(a);
        a = more;
      }
      a[n++] = v;
    },
    sorted() {
      return a.slice(0, n).sort();
    },
  };
}
`;

/**
 * Lines ranking value `v` among `sorted` (ascending) into an entry given to `sink`: rank = 1 + the number of units strictly
 * better (ties share the better rank, the next rank is skipped: 1, 1, 3), by binary search; then
 * 每后退一位 or the 依次 table.  `what` is an expression prefixed to the explanation.
 */
function rankLines(o: string[], b: Extract<M.RuleBodyModel, { kind: "ranked" }>, what: string, indent = "      ", sink = "res[i] = "): void {
  o.push(indent + "let lo = 0, hi = sorted.length;");
  if (b.lowerIsBetter) {
    o.push(indent + "while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < v) lo = m + 1; else hi = m; }");
    o.push(indent + "const rank = lo + 1;");
  } else {
    o.push(indent + "while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] <= v) lo = m + 1; else hi = m; }");
    o.push(indent + "const rank = sorted.length - lo + 1;");
  }
  const pre = what === '""' ? "" : `${what} + `;
  if (b.table) {
    const rest = b.rest ?? 0;
    o.push(indent + `const table = ${jsValue(b.table)};`);
    o.push(indent + `const a = rank <= table.length ? table[rank - 1] : ${rest};`);
    o.push(
      indent + `${sink}{ a, x: ${pre}"第 " + rank + " 名（共 " + sorted.length + " 个单位），" + (rank <= table.length ? ${S(`依次得 ${b.table.map(fmt).join("、")}：第 `)} + rank + " 名得 " + kpFormat(a) : ${S(b.rest === undefined ? `依次得 ${b.table.map(fmt).join("、")}，第 ${b.table.length + 1} 名起不得分` : `第 ${b.table.length + 1} 名起其余得 ${fmt(rest)}`)}), f: kpFormat(v) };`,
    );
  } else {
    o.push(indent + `const lost = kpTimes(${b.step}, rank - 1);`);
    o.push(indent + `const a = lost >= ${b.max} ? 0 : ${b.max} - lost;`);
    o.push(indent + `${sink}{ a, x: ${pre}"第 " + rank + " 名，后退 " + (rank - 1) + ${S(` 位 × ${fmt(b.step)}，得 ${fmt(b.max)} − `)} + kpFormat(lost) + " = " + kpFormat(a), f: kpFormat(v) };`);
  }
}

/** Lines ranking `vals` (undefined = not ranked) into `res`: each ranked value's entry (rankLines). */
function rankAll(o: string[], b: Extract<M.RuleBodyModel, { kind: "ranked" }>, what: string): void {
  o.push("    const sorted = vals.filter((v) => v !== undefined).sort((p, q) => p - q);");
  o.push("    vals.forEach((v, i) => {");
  o.push("      if (v === undefined) return;");
  rankLines(o, b, what);
  o.push("    });");
}

/**
 * A ranking by a computed score: rk<n>(X) gives X[n] — each unit's place and points — from every
 * ranked unit's score of the indicator (its own subtree run, 参照 on it applied) or its total before
 * bonuses (base − 倒扣 carried out of the first-level indicators).
 */
function emitComputedRank(ctx: Ctx, r: M.RuleModel, cat: M.Catalogue): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  const b = r.body;
  if (b.kind !== "ranked" || b.by.kind === "fact") return;
  const lists = [...(applicableClasses(r) ?? []), ...(b.by.kind === "indicator" ? (indicatorClasses(b.by.indicator) ?? []) : [])];
  const cond = lists.length > 0 ? lists.map((list) => `(${list.map((c) => `u.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
  const fresh = "{ F: u.F, c: u.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X, R: null, u: i, ref: false, zr: false, P: [] }";
  o.push(`// [${commentText(r.owner.id)}] ${commentText(r.name, 40)}：按${b.by.kind === "total" ? "总分（加分、减分之前）" : `「${commentText(b.by.indicator.name)}」得分`}排名`);
  o.push(`function rk${n}(X) {`);
  o.push("  const units = X.L;");
  o.push("  const R = Object.create(null);", "  for (const u of units) R[u.name] = u;");
  if (b.by.kind === "indicator") {
    const k = ctx.indIndex.get(b.by.indicator)!;
    o.push("  const vals = units.map((u, i) => {");
    o.push(`    if (!(${cond})) return undefined;`);
    o.push(`    const Y = ${fresh};`, "    Y.R = R;", `    i${k}(Y);`, `    return Y.S[${k}];`, "  });");
  } else {
    const tops = cat.indicators.map((i) => ctx.indIndex.get(i)!);
    o.push("  const vals = units.map((u, i) => {");
    o.push(`    if (!(${cond})) return undefined;`);
    o.push(`    const Y = ${fresh};`, "    Y.R = R;");
    for (const t of tops) o.push(`    i${t}(Y);`);
    o.push(`    return ${tops.map((t) => `Y.S[${t}]`).join(" + ") || "0"} - (${tops.map((t) => `Y.K[${t}]`).join(" + ") || "0"});`, "  });");
  }
  o.push("  const res = new Array(units.length);");
  const what = b.by.kind === "total" ? `"总分（加分、减分之前）" + kpFormat(v) + "，"` : `${S(`「${b.by.indicator.name}」得分 `)} + kpFormat(v) + "，"`;
  rankAll(o, b, what);
  o.push("  return res;", "}", "");
}

/**
 * A cap group or highest-only group: returns the group's deduction (or, for 就高 in a 加分 section,
 * its award).
 */
function emitGroup(ctx: Ctx, g: M.GroupModel, name: string, ind: Owner): void {
  const o = ctx.out;
  const id = S(ind.id);
  const award = ind.kind === "bonus";
  const act = award ? "award" : "deduct";
  const verb = award ? "加" : "扣";
  if (g.kind === "cap") {
    o.push(`// [${commentText(ind.id)}] 合计上限 ${fmt(g.cap ?? 0)}：${commentText(g.rules.map((r) => r.name).join("、"))}`);
    o.push(`function ${name}(Z) {`);
    o.push(`  const d = ${g.rules.map((r) => `r${ctx.ruleIndex.get(r)}(Z)`).join(" + ") || "0"};`);
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: "以上合计扣 " + kpFormat(d) + ${S(`，超过合计上限 ${fmt(g.cap ?? 0)}，按 ${fmt(g.cap ?? 0)} 计`)} }); return ${g.cap}; }`,
    );
    o.push("  return d;", "}", "");
    return;
  }
  // 就高: every occurrence is an item (incident id or anonymous); per incident only the largest counts.
  o.push(`// [${commentText(ind.id)}] 就高（按最高标准${verb}分，不重复${verb}）：${commentText(g.rules.map((r) => r.name).join("、"))}`);
  o.push(`function ${name}(Z) {`);
  o.push("  let anon = 0;", "  const best = new Map();", "  const hits = new Map();");
  o.push("  const add = (id, a, rule) => {");
  o.push("    if (id === undefined) { anon += a; return; }");
  o.push("    const prev = best.get(id);");
  o.push("    if (prev === undefined || a > prev) best.set(id, a);");
  o.push("    const h = hits.get(id) || [];");
  o.push("    h.push({ rule, a });");
  o.push("    hits.set(id, h);");
  o.push("  };");
  o.push("  let gross = 0;");
  for (const r of g.rules) {
    const b = r.body;
    const key = S(r.name);
    const rid = S(r.name);
    const applies = r.appliesTo ? `(${classCond(r.appliesTo)})` : "true";
    o.push(`  if (${applies}) { // ${commentText(r.name, 40)}`);
    o.push("    let note = \"\";");
    if (b.kind === "per" || b.kind === "once") {
      const isPer = b.kind === "per";
      const F = fx(ctx, r.name);
      o.push(`    let amt = ${amountExpr(b.amount, b.overrides)};`);
      o.push(...multiplierLines(ctx, r, "amt", "amount").map((l) => "  " + l));
      if (isPer) {
        o.push(`    const n = ${F} || 0;`);
        o.push(`    const ids = ${fx(ctx, r.name, true)};`);
        o.push("    if (n > 0) {");
        o.push(`      if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid});`);
        o.push("      const v = kpTimes(amt, n);", "      gross += v;");
        o.push(`      ${traceCall(r, act, "v", `n + ${S((b as { nouns: string[] }).nouns[0]!)} + " × " + kpFormat(amt) + note + " = " + kpFormat(v) + (ids ? "（事件：" + ids.join("、") + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids || n }`))}`);
        o.push("    }");
      } else {
        o.push(`    if (${F}) {`);
        o.push(`      const ids = ${fx(ctx, r.name, true)};`);
        o.push(`      add(ids ? ids[0] : undefined, amt, ${rid});`);
        o.push("      gross += amt;");
        o.push(`      ${traceCall(r, act, "amt", `${S(award ? "获得，加 " : "发生，扣 ")} + kpFormat(amt) + note + (ids ? "（事件：" + ids[0] + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids ? ids[0] : true }`))}`);
        o.push("    }");
      }
    } else if (b.kind === "categories") {
      o.push("    let v = 0;", "    const parts = [];", "    const used = {};");
      for (const c of b.categories) {
        const k = `${r.name}.${c.name}`;
        o.push(`    { let amt = ${c.amount}; let times = "";`);
        o.push(...multiplierLines(ctx, r, "amt", "amount", "times").map((l) => "    " + l.trimStart()));
        o.push(`      const n = ${fx(ctx, k)} || 0; const ids = ${fx(ctx, k, true)};`);
        o.push(`      if (n > 0) { if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid}); v += kpTimes(amt, n); used[${S(k)}] = ids || n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × ")} + kpFormat(amt) + times + (ids ? "（事件：" + ids.join("、") + "）" : "")); } }`);
      }
      o.push("    if (v > 0) {", "      gross += v;");
      o.push(`      ${traceCall(r, act, "v", `parts.join(" + ") + " = " + kpFormat(v) + note`, withFlags(ctx, r, "used"))}`);
      o.push("    }");
    }
    o.push("  }");
  }
  o.push("  let d = anon;");
  o.push("  for (const [id, a] of best) {");
  o.push("    d += a;");
  o.push("    const h = hits.get(id);");
  o.push("    if (Z.T && h.length > 1) {");
  o.push("      const sum = h.reduce((s, x) => s + x.a, 0);");
  o.push(
    award
      ? `      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: "事项「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高级别加 " + kpFormat(a) + "，不累加" });`
      : `      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: "事件「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高标准扣 " + kpFormat(a) + "，不重复扣" });`,
  );
  o.push("    }", "  }");
  if (g.cap !== undefined) {
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: ${S(`就高后合计${verb} `)} + kpFormat(d) + ${S(`，超过上限 ${fmt(g.cap)}，按 ${fmt(g.cap)} 计`)} }); d = ${g.cap}; }`,
    );
  }
  o.push("  return d;", "}", "");
}

function emitIndicator(ctx: Ctx, ind: M.IndicatorModel, groupName: Map<M.GroupModel, string>, referIndex: Map<M.ReferModel, number>): void {
  const o = ctx.out;
  const n = ctx.indIndex.get(ind)!;
  const id = S(ind.id);
  // Points that differ by unit class are computed per unit into `P` (and Z.P[n], for reports);
  // otherwise they are a number in the code, as are the texts that show them.
  const cd = classDependent(ind);
  const P: string | number = cd ? "P" : ind.points;
  /** A text with the points in it: `before` + points + `after`, as code. */
  const withPoints = (before: string, after: string): string => (cd ? `${S(before)} + kpFormat(P) + ${S(after)}` : S(`${before}${fmt(ind.points)}${after}`));
  const subtree: number[] = [];
  const subtreePoints: [number, string, boolean][] = [];
  const walk = (i: M.IndicatorModel) => {
    subtree.push(ctx.indIndex.get(i)!);
    subtreePoints.push([ctx.indIndex.get(i)!, pointsExpr(i), classDependent(i)]);
    i.children.forEach(walk);
  };
  walk(ind);
  // `above`: a two-sided linear rule in this subtree may lift scores above points; Z.E[n] holds
  // the part of Z.S[n] above the points, which parents add after their own clamp.
  const above = hasAbove(ind);
  const pointsNote = ind.classPoints ? `，${ind.classPoints.map((cp) => `${cp.unitClass} ${fmt(cp.points)} 分`).join("，")}` : "";
  o.push(`// [${commentText(ind.id)}] ${commentText(ind.name)}（${fmt(ind.points)} 分${commentText(pointsNote)}）`);
  o.push(`function i${n}(Z) {`);
  if (cd) o.push(`  const P = ${pointsExpr(ind)};`, `  Z.P[${n}] = P;`);
  if (ind.appliesTo) {
    o.push(`  if (!(${classCond(ind.appliesTo)})) {`);
    // not applicable: this indicator and everything under it count at full points
    o.push(`    ${subtreePoints.map(([k, p, c]) => `Z.S[${k}] = ${p};${c ? ` Z.P[${k}] = ${p};` : ""} Z.K[${k}] = 0;${above ? ` Z.E[${k}] = 0;` : ""}`).join(" ")}`);
    o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${withPoints(`本项只适用于${ind.appliesTo.join("、")}，本单位不适用，按满分 `, " 计")} });`);
    o.push("    return;", "  }");
  }
  for (const ref of ind.refers) {
    const takes = ref.taker.kind === "class" ? `Z.c[${S(ref.taker.unitClass)}]` : `${fx(ctx, ref.taker.key)} === true`;
    const who = ref.taker.kind === "class" ? ref.taker.unitClass : "本单位未涉及本项，";
    o.push(`  if (${takes} && !Z.ref) {`);
    if (ref.source.kind === "unit") {
      o.push(`    const ref = Z.R[${S(ref.source.unit)}];`);
      o.push(`    const Y = { F: ref.F, c: ref.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: ref.index, ref: true, zr: false, P: [] };`);
      o.push(`    i${n}(Y);`);
      o.push(`    ${subtree.map((k) => `Z.S[${k}] = Y.S[${k}]; Z.K[${k}] = Y.K[${k}];${above ? ` Z.E[${k}] = Y.E[${k}];` : ""}${subtreePoints.some((x) => x[0] === k && x[2]) ? ` Z.P[${k}] = Y.P[${k}];` : ""}`).join(" ")}`);
      o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${S(`${who}本项得分以「${ref.source.unit}」得分为准：`)} + kpFormat(Y.S[${n}]) });`);
    } else {
      // the pool's scores of this indicator and each indicator under it; no 倒扣 is carried
      const pool = ref.source.pool === "class" ? `「${ref.source.unitClass}」各单位` : ref.source.pool === "same" ? "同类单位" : "各单位";
      const word = { average: "平均分", max: "最高分", min: "最低分" }[ref.source.aggregate];
      o.push(`    const P = kpPoolScores(Z, ${referIndex.get(ref)}, i${n}, [${subtree.join(", ")}]);`);
      o.push(`    ${subtree.map((k, x) => `Z.S[${k}] = P.agg[${x}]; Z.K[${k}] = 0;${above ? ` Z.E[${k}] = 0;` : ""}`).join(" ")}`);
      o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${S(`${who}本项得分以${pool}的${word}为准：`)} + kpPoolText(P, ${S(ref.source.aggregate)}) });`);
    }
    o.push("    return;", "  }");
  }
  o.push("  let pos = 0;", "  let d = 0;", "  let o = 0;");
  if (above) o.push("  let e = 0;");
  for (const c of ind.children) {
    const k = ctx.indIndex.get(c)!;
    if (hasAbove(c)) o.push(`  i${k}(Z); pos += Z.S[${k}] - Z.E[${k}]; e += Z.E[${k}]; o += Z.K[${k}];`);
    else o.push(`  i${k}(Z); pos += Z.S[${k}]; o += Z.K[${k}];`);
  }
  // Z.zr: one of this indicator's own rules ended in 不得分 (set by the rule, whatever group caps
  // its deduction): the indicator scores 0.
  o.push("  Z.zr = false;");
  const emitted = new Set<M.GroupModel>();
  for (const r of ind.rules) {
    if (r.group && r.group.kind !== "choice") {
      if (!emitted.has(r.group)) {
        emitted.add(r.group);
        o.push(`  d += ${groupName.get(r.group)}(Z);`);
      }
      continue;
    }
    const call = `r${ctx.ruleIndex.get(r)}(Z)`;
    if (r.body.kind === "once" && r.body.otherwise) o.push(`  { const v = ${call}; if (v >= 0) pos += v; else ${r.overdraft ? "o" : "d"} -= v; }`);
    else if (r.body.kind === "bands" && r.body.mayGoNegative) o.push(`  { const v = ${call}; if (v >= 0) pos += v; else d -= v; }`);
    else if (r.body.kind === "linear" && r.body.other) o.push(`  { const t = ${call}; if (t < 0) d -= t; else e += t; }`);
    else if (r.effect === "veto") o.push(`  ${call};`);
    else if (r.effect === "award") o.push(`  pos += ${call};`);
    else if (r.overdraft) o.push(`  o += ${call};`);
    else o.push(`  d += ${call};`);
  }
  const positive = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
  o.push(`  const base = ${positive ? "pos" : P};`);
  o.push("  let s = base - d;");
  o.push(
    `  if (s < 0) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }`,
  );
  if (positive)
    o.push(
      `  if (s > ${P}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: s - ${P}, x: "得分 " + kpFormat(s) + ${cd ? `" 超过本项分值 " + kpFormat(P) + "，按 " + kpFormat(P) + " 计"` : S(` 超过本项分值 ${fmt(ind.points)}，按 ${fmt(ind.points)} 计`)} }); s = ${P}; }`,
    );
  if (above) {
    o.push(`  if (Z.zr && (s > 0 || e > 0)) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: s + e, x: "有规则「不得分」：本项得 0 分" }); s = 0; e = 0; }`);
    o.push(`  if (e > 0) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: e, x: ${withPoints("高于基准的加分可超出本项分值 ", "：")} + kpFormat(s) + " + " + kpFormat(e) + " = " + kpFormat(s + e) }); s += e; }`);
  } else o.push(`  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }`);
  o.push("  Z.zr = false;");
  o.push("  s -= o;", "  let k = 0;");
  o.push(`  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: ${id}, k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }`);
  o.push(`  Z.S[${n}] = s;`, `  Z.K[${n}] = k;`);
  if (above) o.push(`  Z.E[${n}] = s < e ? s : e;`);
  o.push("}", "");
}

/** Whether a two-sided linear rule in the indicator or below it may lift a score above points. */
function hasAbove(ind: M.IndicatorModel): boolean {
  return ind.rules.some((r) => r.body.kind === "linear" && r.body.other !== undefined) || ind.children.some(hasAbove);
}

function emitSection(ctx: Ctx, s: M.SectionModel, name: string, groupName: Map<M.GroupModel, string>): void {
  const o = ctx.out;
  const id = S(s.id);
  o.push(`// ${s.kind === "bonus" ? "加分" : "减分"}「${commentText(s.name)}」`);
  o.push(`function ${name}(Z) {`);
  const branched = (r: M.RuleModel) => r.body.kind === "once" && r.body.otherwise !== undefined;
  // rules in source order; a 就高 group once, where its first rule is (择一 rules count one by one)
  const terms: string[] = [];
  const emitted = new Set<M.GroupModel>();
  for (const r of s.rules) {
    if (r.effect === "veto" || branched(r)) continue;
    if (r.group && r.group.kind !== "choice") {
      if (!emitted.has(r.group)) terms.push(`${groupName.get(r.group)}(Z)`);
      emitted.add(r.group);
    } else terms.push(`r${ctx.ruleIndex.get(r)}(Z)`);
  }
  o.push(`  let v = ${terms.join(" + ") || "0"};`);
  for (const r of s.rules.filter((x) => x.effect === "veto")) o.push(`  r${ctx.ruleIndex.get(r)}(Z);`);
  // 否则 deductions of a 加分 section are taken from the total: outside the section's cap (which
  // bounds awards), after it.
  const branchedRules = s.rules.filter(branched);
  if (branchedRules.length > 0) {
    o.push("  let m = 0;");
    for (const r of branchedRules) o.push(`  { const x = r${ctx.ruleIndex.get(r)}(Z); if (x >= 0) v += x; else m -= x; }`);
  }
  if (s.cap !== undefined)
    o.push(
      `  if (v > ${s.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: v - ${s.cap}, x: ${S(`${s.kind === "bonus" ? "加分" : "减分"}合计 `)} + kpFormat(v) + ${S(`，超过上限 ${fmt(s.cap)}，按 ${fmt(s.cap)} 计`)} }); v = ${s.cap}; }`,
    );
  if (branchedRules.length > 0) {
    o.push(`  if (m > 0 && Z.T) Z.T.push({ i: ${id}, k: "note", a: m, x: "未完成任务扣 " + kpFormat(m) + ${S(s.cap !== undefined ? `，从总分中扣除（不受加分上限 ${fmt(s.cap)} 限制）` : "，从总分中扣除")} });`);
    o.push("  return v - m;", "}", "");
    return;
  }
  o.push("  return v;", "}", "");
}

// ==================================================================== public API (fixed text)

/** The name of the unit whose facts Z holds (for a facts error found while scoring: KP4065). */
const UNIT_NAME_FN = `function kpUnitName(Z) {
  for (const n in Z.R) if (Z.R[n].index === Z.u) return n;
  return undefined;
}
`;

const CHECK_FACTS = `export function checkFacts(units) {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  return read.errors.concat(referErrors(read.units));
}`;

/**
 * checkFacts of a catalogue with 可减免: a reduction is bounded by the deduction it reduces, known
 * only by scoring, so the facts are also scored (the first unit with such an error reports it).
 */
const CHECK_FACTS_SCORING = `export function checkFacts(units) {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  const errors = read.errors.concat(referErrors(read.units));
  if (errors.length > 0) return errors;
  try {
    scoreAll(units, { detail: false });
  } catch (e) {
    if (e instanceof KpFactsError) return e.errors;
    throw e;
  }
  return errors;
}`;

const PUBLIC_API = String.raw`// ---------------------------------------------------------------- 对外接口

/** 事实有误时抛出；errors 列出全部问题。 */
export class KpFactsError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.code + " " + e.message).join("\n"));
    this.name = "KpFactsError";
    this.errors = errors;
  }
}

/** 检查各单位的事实，返回发现的全部问题（没有问题时为空数组）。 */
export function checkFacts(units) {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  return read.errors.concat(referErrors(read.units));
}

function referErrors(units) {
  const names = new Set(units.map((u) => u.name));
  const errors = [];
  for (let k = 0; k < REFERS.length; k++) {
    const r = REFERS[k];
    if (r.unit !== undefined) {
      if (names.has(r.unit)) continue;
      const takes = (u) => (r.flag !== undefined ? u.F[2 * r.flag] === true : u.c[r.unitClass]);
      const who = r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」";
      if (units.some(takes)) errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + who + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
    } else if (r.pool !== undefined) {
      // a unit taking the pool's score (this 参照 is the one that concerns it) needs a unit in the pool;
      // the pool is the same for every taker (of the same classes, for 同类单位): looked for once
      const found = new Map();
      for (const u of units) {
        if (!kpTakes(u, r) || r.anc.some((j) => kpTakes(u, REFERS[j])) || r.sib.some((j) => j < k && kpTakes(u, REFERS[j]))) continue;
        const sig = r.pool === "same" ? CLASSES.filter((c) => u.c[c] === true).join("\u0001") : "";
        if (!found.has(sig)) found.set(sig, kpPool(units, k, u).length > 0);
        if (found.get(sig)) continue;
        const pool = r.pool === "class" ? "「" + r.poolClass + "」各单位" : r.pool === "same" ? "同类单位" : "各单位";
        const word = r.agg === "max" ? "的最高分" : r.agg === "min" ? "的最低分" : "的平均分";
        const e = { code: "KP4050", message: "单位「" + u.name + "」的指标「" + r.name + "」（" + r.indicator + "）以" + pool + word + "为准，但没有这样的单位可取（它们都不考核本项，或自己也取参照的得分）", unit: u.name };
        if (r.flag !== undefined) e.key = FACTS[r.flag].k;
        errors.push(e);
      }
    }
  }
  return errors;
}

function indicatorTree(list, S, P) {
  return list.map((m, n) => {
    const score = S.get(m.id);
    // points that differ by class are this unit's
    const points = P.get(m.id) === undefined ? kpParse(m.points) : P.get(m.id);
    return { id: m.id, name: m.name, points: kpFormat(points), score: kpFormat(score), lost: kpFormat(points - score), children: indicatorTree(m.children, S, P) };
  });
}

const INDICATOR_IDS = [];
(function order(list) { for (const m of list) { INDICATOR_IDS.push(m.id); order(m.children); } })(catalogue.indicators);

function gradeOf(r, rank, count) {
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
      }
      else ok = ok && rank <= c.value / 1000000;
    }
    if (ok) return grade.name;
  }
  return null;
}

/**
 * 为全部单位计分并排名。
 * units：[{ name, classes?, facts }]；options.detail（默认 true）给出各指标得分，options.trace 给出每项扣分、得分的计算过程。
 * 事实有误时抛出 KpFactsError。
 */
export function scoreAll(units, options) {
  const detail = !options || options.detail !== false;
  const trace = !!(options && options.trace);
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  const errors = read.errors.concat(referErrors(read.units));
  if (errors.length > 0) throw new KpFactsError(errors);
  const list = read.units;
  const R = Object.create(null);
  list.forEach((u, i) => { u.index = i; R[u.name] = u; });
  const X = crossUnit(list);
  const runs = list.map((u, i) => {
    try {
      return runUnit(u, i, X, R, trace);
    } catch (e) {
      if (e instanceof RangeError && e.message === "KP4018")
        throw new KpFactsError([{ code: "KP4018", message: "计算单位「" + u.name + "」的得分时数值超出可精确计算的范围，请检查事实中过大的数", unit: u.name }]);
      throw e;
    }
  });
  const order = runs.slice().sort((a, b) => b.rounded - a.rounded || (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0));
  const results = [];
  let rank = 0;
  order.forEach((r, i) => {
    if (i === 0 || r.rounded !== order[i - 1].rounded) rank = i + 1;
    const res = {
      unit: r.unit.name,
      classes: r.unit.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      rank,
      grade: gradeOf(r, rank, order.length),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const S = new Map();
      const P = new Map();
      INDICATOR_IDS.forEach((id, n) => { S.set(id, r.S[n]); P.set(id, r.P[n]); });
      res.indicators = indicatorTree(catalogue.indicators, S, P);
      res.bonus = kpFormat(r.bonus);
      res.penalty = kpFormat(r.penalty);
    }
    if (trace) {
      res.trace = r.T.map((t) => {
        const e = { indicator: t.i, kind: t.k, amount: kpFormat(t.a), text: t.x };
        if (t.r !== undefined) { e.rule = t.r; e.clause = catalogue.rules[t.r].clause; }
        if (t.f !== undefined) e.facts = t.f;
        return e;
      });
    }
    results.push(res);
  });
  return results;
}

/** 为一个单位计分（peers：需要比较的全部单位，用于排名、比例与参照；缺省时只与自身比较）。 */
export function scoreUnit(unit, options) {
  const peers = options && options.peers ? options.peers.filter((p) => p && p.name !== unit.name).concat([unit]) : [unit];
  const all = scoreAll(peers, options);
  return all.find((r) => r.unit === String(unit.name).trim());
}
`;

/**
 * createScorer: scoring one unit at a time, keeping per unit only what ranking and grades need (name,
 * rounded total, vetoes).  Results come out as units are scored (onResult, without rank and grade);
 * finish() ranks them exactly as scoreAll does.  A unit taking a 参照 to a unit not yet seen waits for it.
 */
const SCORER_API = String.raw`
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
  // options.read（kp score 流式读表格时用）：代替 kpReadUnits 读一批单位的函数，参数与结果相同
  const readUnits = options && typeof options.read === "function" ? options.read : kpReadUnits;
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
      res.indicators = indicatorTree(catalogue.indicators, S, P);
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
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
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
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
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
        grade[i] = gradeOf({ V, rounded: rounded.get(k) }, at, n);
      }
      return { order, rank, grade };
    },
  };
}
`;
