/**
 * Checked model → scoring IR (types.ts).  Every rule is lowered through its rule block (lower-rule.ts:
 * the same block the JS emitter prints, trace included: one meaning), folded here to its value
 * (`blockValue`); a 就高 group through its group block (lower-groups.ts, `groupValue`); a 合计 cap group
 * and a 加分/减分 section through their owner blocks (owner-block.ts: `capGroupValue`, `sectionValue`); an
 * indicator's score through its indicator block (indicator-block.ts: `indicatorValue`); the total, its
 * 折算 and 舍入 through the total block (total-block.ts: `totalValue`, `roundedValue`, and
 * `beforeBonuses` for a ranking by the total).  What is left here mirrors compile/emit-js/ (below).  A
 * construct not lowered throws LowerError naming it (KP8001), so the SQL target never computes a wrong
 * number.
 *
 * The audit (issue 15 §4): where compile/emit-js/ read the model's scoring semantics (not names, spans or
 * texts) instead of a block, with the lines of emitter code it took, and where it stands —
 * 1. 合计 cap groups — groups.ts emitGroup's cap branch (10 lines: the sum of the rules, the cap, its
 *    limit note): printed from owner-block.ts's CapGroupBlock;
 * 2. sections — indicators.ts emitSection (42: which rules are summed, vetoes run, 否则 split — awards
 *    under the 加分 cap, deductions outside it —, the cap and both notes): printed from SectionBlock
 *    (each rule booked by owner-block.ts's `booking`);
 * 3. indicators — indicators.ts emitIndicator (96): its score (children's sums and the part above
 *    points; how each rule's value is booked — award, deduction, 倒扣, 否则/分段 signed, two-sided
 *    linear, veto —; 扣完为止 and the points cap with their limit notes; a rule's 不得分 zeroing its
 *    owner; 倒扣 carried up) printed from indicator-block.ts, and context.ts hasAbove is the block's;
 *    its 适用 too (the block's `applies`: the classes, the subtree at full points, the note —
 *    emitIndicator prints the branch, `appliesWhen` gives this file's `own` and `here`; `shown` only
 *    threads the ancestors' down the tree) and its 参照 (the block's `refers`: in order, the taker —
 *    `takerCond`, this file's `takes` —, the source, the note; `subtree`, the indicators a 参照
 *    replaces — emitIndicator prints the Y.ref / kpPoolScores branches, `indicator` folds the same
 *    takers and subtree into `refers`); points per class are printed from block-builder's
 *    indicatorPoints (context.ts pointsExpr deleted).  How each backend computes a 参照 to a unit is
 *    its own, not a second meaning: the JS module calls i<n> on the named unit (Z.ref: no 参照
 *    inside), the SQL lowers the subtree a second time under a prefix (`rawNeeded`: only when the two
 *    could differ).  Who is in a 参照's pool (the indicator applies, the member takes no 参照 here or
 *    above, the pool's class or the taker's classes) and who needs it is refer-pool.ts's
 *    `poolMembership`: this file writes its `among` and `part` into IrRefer.pool, tables.ts referTable
 *    prints the same conditions into REFERS as predicates (among, part, needs) that the module
 *    runtime's pool.ts and KP4050 call (it was said twice: an `inPool` here, and REFERS' app/sib/anc
 *    read by pool.ts's kpTakes/kpPool);
 * 4. total — module.ts runUnit (17: base − carry + bonus − penalty, 总分 N 折算 and its note, 舍入) and
 *    cross.ts emitComputedRank's total before bonuses: printed from total-block.ts.  Grades are not
 *    derived by either printer: the model's grades are a table (GRADES; IrGrade) that the runtime's
 *    grader and emit-sql.ts each read;
 * not scoring semantics, left as they are: cross.ts emitCross (45: which units a cross-unit rule sees
 * and what it gathers — the block reads its result), tables.ts (factSpecs 90: which facts a unit must
 * give; referTable: REFERS, a pool's membership printed from refer-pool.ts; catalogueMeta: metadata),
 * rules.ts (the rule's 适用 header and the 可减免 check wrapper, 20).
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Span } from "../text/position.js";
import type * as M from "../model.js";
import { applicable, classes, indicatorPoints, type BlockNames } from "./block-builder.js";
import { groupBlock, groupValue } from "./lower-groups.js";
import { appliesWhen, hasAbove, indicatorBlock, indicatorValue, takerCond } from "./indicator-block.js";
import { poolMembership } from "./refer-pool.js";
import { capGroupBlock, capGroupValue, sectionBlock, sectionValue } from "./owner-block.js";
import { beforeBonuses, roundedValue, totalBlock, totalValue, type TotalBlock } from "./total-block.js";
import { columnType, ruleBlock } from "./lower-rule.js";
import { blockValue, blockVeto, blockZero } from "./rule-block.js";
import { IDS_SUFFIX, LowerError, type Cond, type Expr, type IrColumn, type IrGrade, type IrProgram, type IrRefer, type IrStep, type ColumnType } from "./types.js";
import { add, c, iff, max, min, ref, sub, sum } from "./expr.js";

const and = (list: Cond[]): Cond => {
  const l = list.filter((x) => x.k !== "true");
  return l.length === 0 ? { k: "true" } : l.length === 1 ? l[0]! : { k: "and", list: l };
};

/** Chinese names of scoring forms, for KP8001. */
const BODY_WORDS: Partial<Record<M.RuleBodyModel["kind"], string>> = {
  zero: "不得分",
  rated: "评为 …（评定结果）",
  discretion: "酌情",
  veto: "一票否决",
  ranked: "排名",
  proportional: "按比例",
  committee: "评议",
};

/**
 * A rule's value for the unit: `v` (before 适用), how its owner books it (`sign`: "plain" a
 * deduction or award as the rule's effect says; "signed" ≥ 0 an award, < 0 a deduction — 否则,
 * 分段 going below 0; "twoSided" ≥ 0 above the points, < 0 a deduction), and `zero`: when the rule
 * ends in 不得分 (the owner then scores 0).
 */
/** A veto rule of an owner: its level, and when its block reaches the veto (its 适用 not included). */
interface Veto {
  r: M.RuleModel;
  level: "fail" | "noExcellent";
  hit: Cond;
}

interface RuleLow {
  v: Expr;
  sign: "plain" | "signed" | "twoSided";
  zero?: Cond;
}

const or = (list: Cond[]): Cond | undefined => (list.length === 0 ? undefined : list.length === 1 ? list[0]! : { k: "or", list });
const not = (x: Cond): Cond => ({ k: "not", c: x });
const cmp = (op: "<" | "<=" | ">" | ">=" | "=" | "<>", a: Expr, b: Expr): Cond => ({ k: "cmp", op, a, b });
const mulDiv = (a: Expr, b: Expr, by: number): Expr => ({ k: "mulDiv", a, b, c: by });

class Lowering implements BlockNames {
  readonly params: string[] = [];
  readonly columns: IrColumn[] = [];
  readonly steps: IrStep[] = [];
  readonly refers: IrRefer[] = [];
  private readonly colIndex = new Map<string, number>();
  private readonly ruleNo = new Map<M.RuleModel, number>();
  readonly indNo = new Map<M.IndicatorModel, number>();
  /** When each lowered rule ends in 不得分 (its owner's score becomes 0). */
  private readonly zeros = new Map<M.RuleModel, Cond>();
  /**
   * Prefix of step names while a subtree is lowered a second time without its 参照 ("x3_": the
   * scores a 参照 to one unit takes from it, as the JS module computes them), "" otherwise.
   */
  private prefix = "";
  /** The first-level indicators' score and carry steps, once lowered (ranking by the total). */
  tops: { s: string; k: string }[] = [];
  /** The total's block (total-block.ts). */
  readonly total: TotalBlock;
  /** Indicators under an ancestor's 适用: shown at full points where that does not hold. */
  readonly shown: { ind: M.IndicatorModel; n: number; applies: Cond; P: Expr }[] = [];
  /** The units taking a 参照 of an indicator (they show what they took in its whole subtree). */
  readonly takers = new Map<M.IndicatorModel, Cond>();
  /** Cross-unit bases (平均值/中位数) already lowered, by rule. */
  private readonly bases = new Map<M.RuleModel, Expr>();

  constructor(readonly cat: M.Catalogue) {
    cat.rules.forEach((r, n) => this.ruleNo.set(r, n));
    this.total = totalBlock(cat);
  }

  param(name: string): { n: number } {
    let i = this.params.indexOf(name);
    if (i < 0) i = this.params.push(name) - 1;
    return { n: i + 1 };
  }

  col(key: string, type: ColumnType): number {
    const name = type === "ids" ? key + IDS_SUFFIX : key;
    const have = this.colIndex.get(name);
    if (have !== undefined) return have;
    const i = this.columns.push({ name, type, key }) - 1;
    this.colIndex.set(name, i);
    return i;
  }

  refuse(what: string, r: { node: { span: Span }; file: string }): never {
    throw new LowerError(what, r.file, r.node.span);
  }

  classes(list: readonly string[]): Cond {
    return classes(this, list);
  }

  /** The fact column of a rule's own key, typed by its fact. */
  factOf(r: M.RuleModel, key = r.name): { col: number; fact: M.FactType } {
    const f = r.facts.find((x) => x.key === key);
    if (!f) return this.refuse(`规则「${r.name}」的事实「${key}」`, r);
    const type = columnType(f.fact);
    if (!type) return this.refuse(`事实类型「${f.fact.type}」`, r);
    return { col: this.col(key, type), fact: f.fact };
  }

  factType(r: M.RuleModel, key: string): ColumnType {
    return this.columns[this.factOf(r, key).col]!.type;
  }

  num(r: M.RuleModel, key = r.name): Expr {
    return { k: "num", col: this.factOf(r, key).col };
  }

  amount(amount: number, overrides: { unitClass: string; amount: number }[]): Expr {
    let e = c(amount);
    for (const ov of [...overrides].reverse()) e = iff({ k: "class", name: this.param(ov.unitClass) }, c(ov.amount), e);
    return e;
  }

  /** The points of a rule's owner for the unit (0 in a section). */
  ownerPoints(r: M.RuleModel): Expr {
    return r.owner.kind === "indicator" ? this.points(r.owner) : c(0);
  }

  /** The units a rule applies to (its 适用 and its indicators'). */
  applicable(r: M.RuleModel): Cond {
    return applicable(this, r);
  }

  computed(r: M.RuleModel): Expr {
    const b = r.body;
    if (b.kind === "linear" && (b.baseFrom === "average" || b.baseFrom === "median")) return this.crossBase(r, b.baseFrom);
    if (b.kind !== "ranked" || b.by.kind === "fact") throw new Error(`internal: rule ${r.name} computes nothing across units`);
    const ind = b.by.kind === "indicator" ? b.by.indicator : undefined;
    // an indicator's score (its own 适用 only, 参照 applied — indicators are lowered so that it comes
    // first) or the total before bonuses (a rule of a section)
    if (ind) {
      const k = this.indNo.get(ind)!;
      if (!this.steps.some((st) => st.name === `i${k}`)) this.refuse("按计算得分排名（所排指标尚未计算）", r);
      return ref(`i${k}`);
    }
    if (r.owner.kind === "indicator" || this.tops.length === 0) this.refuse("按总分排名", r);
    const top = new Map(this.cat.indicators.map((i, j) => [i, this.tops[j]!] as const));
    return beforeBonuses(this.total, { score: (i) => ref(top.get(i)!.s), carry: (i) => ref(top.get(i)!.k) });
  }

  /** 平均值 / 中位数 of the applicable units' values (emit-js `emitCross`), as steps. */
  crossBase(r: M.RuleModel, how: "average" | "median"): Expr {
    const have = this.bases.get(r);
    if (have) return have;
    const n = this.ruleNo.get(r)!;
    const { col } = this.factOf(r);
    const x: Expr = { k: "num", col };
    const among = and([this.applicable(r), not({ k: "missing", col })]);
    const cnt = this.step(`r${n}_cnt`, { k: "agg", fn: "count", value: c(1), among }, "基准：参与计算的单位数");
    let base: Expr;
    if (how === "average") {
      const total = this.step(`r${n}_sum`, { k: "agg", fn: "sum", value: x, among }, "基准：各单位数值之和");
      base = iff(cmp("=", cnt, c(0)), c(0), { k: "mulDiv", a: total, b: c(1), c: 0, by: cnt });
    } else {
      const rn = this.step(`r${n}_rn`, { k: "rowNo", value: x, among }, "基准：各单位数值的位次");
      const at = (pos: Expr): Expr => ({ k: "agg", fn: "max", value: x, among: and([among, cmp("=", rn, pos)]) });
      const lo = at({ k: "steps", diff: add(cnt, c(1)), step: 2, ceil: false });
      const hi = at(add({ k: "steps", diff: cnt, step: 2, ceil: false }, c(1)));
      base = iff(cmp("=", cnt, c(0)), c(0), add(lo, mulDiv(sub(hi, lo), c(1), 2)));
    }
    const e = this.step(`r${n}_base`, base, how === "average" ? "基准：平均值" : "基准：中位数");
    this.bases.set(r, e);
    return e;
  }

  ruleLow(r: M.RuleModel): RuleLow {
    const b = r.body;
    let low: RuleLow;
    switch (b.kind) {
      case "per":
      case "categories":
      case "once":
      case "assessed":
      case "rate":
      case "committee":
      case "shortfall":
      case "zero":
      case "bands":
      case "rated":
      case "proportional":
      case "ranked":
      case "linear":
      case "discretion": {
        // the block (lower-rule.ts) says the body, its adjustments and its trace once
        const block = ruleBlock(this, r);
        const zero = blockZero(block);
        const signed = (b.kind === "once" && b.otherwise !== undefined) || (b.kind === "bands" && b.mayGoNegative === true);
        // (two sides: ≥ 0 above the points, < 0 a deduction)
        const sign = b.kind === "linear" && b.other ? "twoSided" : signed ? "signed" : "plain";
        low = { v: blockValue(block), sign, ...(zero ? { zero } : {}) };
        break;
      }
      default:
        return this.refuse(`计分方式「${BODY_WORDS[b.kind] ?? b.kind}」`, r);
    }
    if (r.appliesTo) {
      const ap = this.classes(r.appliesTo);
      low.v = iff(ap, low.v, c(0));
      if (low.zero) low.zero = and([ap, low.zero]);
    }
    return low;
  }

  /** A rule as a step (its 不得分 condition kept for its owner). */
  ruleStep(r: M.RuleModel): { e: Expr; sign: RuleLow["sign"] } {
    const low = this.ruleLow(r);
    if (low.zero) this.zeros.set(r, low.zero);
    return { e: this.step(`r${this.ruleNo.get(r)}`, low.v, r.clause), sign: low.sign };
  }

  /** 就高: the group's block (lower-groups.ts), its hits per incident id or anonymous, under its cap. */
  highest(g: M.GroupModel): Expr {
    for (const r of g.rules) {
      // (the checker refuses these in a 就高 group: KP2061, KP2103, KP2017)
      if (r.average || r.waivers.length > 0 || r.occurrences.length > 0) this.refuse("就高中的 平均/免扣/按次加倍", r);
      if (r.body.kind === "once" && (r.body.otherwise || r.facts.find((f) => f.key === r.name)?.fact.type !== "flag")) this.refuse("就高中的酌情给分", r);
      if (!(r.body.kind === "categories" || r.body.kind === "once" || (r.body.kind === "per" && r.body.nouns.length === 1))) this.refuse(`就高中的计分方式「${r.body.kind}」`, r);
    }
    return groupValue(groupBlock(this, g, g.rules[0]?.owner.kind === "bonus"));
  }

  /** A 合计 group (its block: owner-block.ts) or a 就高 group, as the step `name`. */
  groupStep(g: M.GroupModel, name: string): Expr {
    const value =
      g.kind === "cap"
        ? capGroupValue(capGroupBlock(g), (x) => {
            const s = this.ruleStep(x);
            if (s.sign !== "plain") this.refuse("合计上限中的双向或「否则」规则", x);
            return s.e;
          })
        : this.highest(g);
    return this.step(name, value, g.rules.map((x) => x.name).join("、"));
  }

  step(name: string, value: Expr, note: string): Expr {
    name = this.prefix + name;
    this.steps.push({ name, value, note });
    return ref(name);
  }

  /**
   * A section's value: its block (owner-block.ts) folded over its terms' steps — a group as the step
   * <name>_g<k>, a rule as r<n> (a 否则 split by the block; a band going below 0 or two sides are not
   * lowered in a section), a veto as the unit's veto.
   */
  section(s: M.SectionModel, name: string, vetoes: (Veto & { cond: Cond })[]): Expr {
    let groups = 0;
    return sectionValue(sectionBlock(s), (t) => {
      if (t.k === "group") return this.groupStep(t.group, `${name}_g${++groups}`);
      const r = t.rule;
      if (t.as.k === "veto") {
        // when the veto strikes: the block's (lower-rule.ts); its 适用 is added at the end
        const veto = r.body.kind === "veto" ? blockVeto(ruleBlock(this, r)) : undefined;
        if (!veto) return this.refuse("否决", r);
        vetoes.push({ r, level: veto.level, hit: veto.when, cond: { k: "true" } });
        return c(0);
      }
      // (a section has no points: a 不得分 there is worth 0 and marks nothing, as in the JS module)
      const { e, sign } = this.ruleStep(r);
      if (sign === "signed" && !(t.as.k === "signed" && t.as.otherwise)) this.refuse("加分、减分中可为负的分段", r);
      if (sign === "twoSided") this.refuse("加分、减分中的双向按档计分", r);
      return e;
    });
  }

  /**
   * An indicator's points for the unit: a number, or for points that differ by class the first listed
   * class the unit has; derived points are the children's (each for this unit) plus the awards' maxima.
   */
  points(ind: M.IndicatorModel): Expr {
    return indicatorPoints(this, ind);
  }

  /** Whether a unit takes a 参照 (its class, or its 未涉及 fact), not looking at applicability. */
  takes(ref: M.ReferModel): Cond {
    return takerCond(this, ref);
  }

  /**
   * Lowers an indicator and its subtree; returns the names of its score, carry and (with two-sided
   * rules below) the part above its points.  `vetoScope`: the units whose vetoes here count (not
   * those taking a 参照 above).
   */
  indicator(ind: M.IndicatorModel, applies: Cond, vetoScope: Cond, vetoes: (Veto & { cond: Cond })[]): { s: string; k: string; e?: string } {
    const n = this.indNo.get(ind)!;
    // the indicator's block (indicator-block.ts) folded over its children's and terms' steps; its
    // own applicability (its 适用) is the block's
    const block = indicatorBlock(ind);
    const mine = (): Cond[] => (block.applies ? [appliesWhen(this, block)] : []);
    const here = and([applies, ...mine()]);
    const refs = block.refers.map((x) => x.ref);
    const takers = refs.map((x) => this.takes(x));
    const anyTaker = or(takers);
    const vetoHere = and([vetoScope, ...mine(), ...(anyTaker ? [not(anyTaker)] : [])]);
    const children = dependencyOrder(ind.children).map((ch) => this.indicator(ch, here, vetoHere, vetoes));
    const above = block.above;
    // (the points asked after the terms: the classes they name are parameters in that order)
    let points: Expr | undefined;
    let groups = 0;
    const value = indicatorValue(block, {
      children: children.map((x) => ({ s: ref(x.s), k: ref(x.k), ...(x.e ? { e: ref(x.e) } : {}) })),
      term: (t) => {
        if (t.k === "group") return this.groupStep(t.group, `i${n}_g${++groups}`);
        const r = t.rule;
        if (t.as.k === "veto") {
          // when the veto strikes: the block's (lower-rule.ts); its 适用 and its owner's are added at the end
          const veto = r.body.kind === "veto" ? blockVeto(ruleBlock(this, r)) : undefined;
          if (!veto) return this.refuse("否决", r);
          vetoes.push({ r, level: veto.level, hit: veto.when, cond: vetoHere });
          return c(0);
        }
        return this.ruleStep(r).e;
      },
      points: () => (points ??= this.points(ind)),
      zero: () => or(ind.rules.flatMap((r) => (this.zeros.has(r) ? [this.zeros.get(r)!] : []))),
      aboveStep: (e) => this.step(`i${n}_a`, e, `${ind.id} ${ind.name} 高于基准的加分`),
    });
    const tn = this.step(`i${n}_t`, value, `${ind.id} ${ind.name}`);
    const P = points ?? this.points(ind);
    const sName = `${this.prefix}i${n}`;
    const kName = `${this.prefix}i${n}_k`;
    const eName = `${this.prefix}i${n}_e`;
    // computed as the JS module's indicator function does: only its own 适用 is looked at (a 参照 to
    // one unit takes the unit's scores so computed); an ancestor's 适用 counts where it is shown (`shown`)
    // (lowered a second time, the subtree's root is called as the JS module calls it: its 适用 and
    // those between it and the indicator count — `here`, from a root given no applicability)
    const own: Cond = this.prefix !== "" ? here : appliesWhen(this, block);
    if (applies.k !== "true" && this.prefix === "") this.shown.push({ ind, n, applies, P });
    if (anyTaker && this.prefix === "") this.takers.set(ind, and([here, anyTaker]));
    this.step(`i${n}`, iff(own, max(tn, c(0)), P), `${ind.id} ${ind.name} 得分`);
    this.step(`i${n}_k`, iff(own, max(sub(c(0), tn), c(0)), c(0)), `${ind.id} ${ind.name} 倒扣`);
    if (above) this.step(`i${n}_e`, iff(own, min(ref(sName), ref(`${this.prefix}i${n}_a`)), c(0)), `${ind.id} ${ind.name} 超出分值的部分`);
    // 参照: the first that concerns a unit (in order), after the subtree is computed; a 参照 to one
    // unit takes the unit's scores computed without any 参照 in the subtree (the JS module's Y.ref),
    // lowered a second time under a prefix when there are others
    const rawNeeded = refs.some((x) => x.source.kind === "unit") && (refs.length > 1 || ind.children.some(subtreeHasRefer) || [...subtree(ind)].some((i) => i.appliesTo !== undefined && i.children.length > 0));
    if (rawNeeded && this.prefix === "") {
      this.prefix = `x${n}_`;
      this.indicator(ind, { k: "true" }, vetoScope, []);
      this.prefix = "";
    }
    if (refs.length > 0 && this.prefix === "") {
      const scores: string[] = [];
      const zeroed: string[] = [];
      // the subtree a 参照 replaces (the block's)
      for (const i of block.subtree) {
        const k = this.indNo.get(i)!;
        scores.push(`i${k}`);
        zeroed.push(`i${k}_k`);
        if (hasAbove(i)) zeroed.push(`i${k}_e`);
      }
      // a pool member's scores as this indicator's computation sees them: an indicator inside that
      // does not apply to the member counts at full points
      const poolFrom: string[] = [];
      if (refs.some((x) => x.source.kind === "pool")) {
        const walk2 = (i: M.IndicatorModel, chain: Cond[]) => {
          const k = this.indNo.get(i)!;
          const bi = indicatorBlock(i);
          const c2 = i === ind ? chain : bi.applies ? [...chain, appliesWhen(this, bi)] : chain;
          if (c2.length === 0) poolFrom.push(`i${k}`);
          else {
            this.step(`q${n}_${k}`, iff(and(c2), ref(`i${k}`), this.points(i)), `${i.id} ${i.name}（参照的各单位）`);
            poolFrom.push(`q${n}_${k}`);
          }
          i.children.forEach((ch) => walk2(ch, c2));
        };
        walk2(ind, []);
      }
      // after the subtree's steps (and their second lowering)
      const last = this.steps[this.steps.length - 1]!.name;
      refs.forEach((rf, j) => {
        const taker = and([here, takers[j]!, ...takers.slice(0, j).map(not)]);
        if (rf.source.kind === "unit") {
          const names = [...scores, ...zeroed];
          this.refers.push({ after: last, taker, unit: this.param(rf.source.unit), names, ...(rawNeeded ? { from: names.map((x) => `x${n}_${x}`) } : {}) });
          return;
        }
        // who is in the pool: refer-pool.ts's (the JS module's REFERS print the same)
        const { among, part } = poolMembership(this, this.cat.classes, ind, rf);
        this.refers.push({ after: last, taker, names: [...scores, ...zeroed], pool: { agg: rf.source.aggregate, among, ...(part ? { part } : {}), scores, from: poolFrom, zeroed } });
      });
    }
    return above ? { s: sName, k: kName, e: eName } : { s: sName, k: kName };
  }
}

/** The indicators of a subtree. */
function subtree(i: M.IndicatorModel, out = new Set<M.IndicatorModel>()): Set<M.IndicatorModel> {
  out.add(i);
  i.children.forEach((ch) => subtree(ch, out));
  return out;
}

/** The rules of a subtree. */
function subtreeRules(i: M.IndicatorModel): M.RuleModel[] {
  return [...subtree(i)].flatMap((x) => x.rules);
}

/**
 * Sibling indicators in an order where one whose rules rank by another sibling's subtree comes after
 * it (KP2071 rules out cycles); otherwise as written.
 */
function dependencyOrder(list: readonly M.IndicatorModel[]): M.IndicatorModel[] {
  const needs = new Map(list.map((x) => [x, new Set<M.IndicatorModel>()] as const));
  const subs = new Map(list.map((x) => [x, subtree(x)] as const));
  for (const x of list)
    for (const r of subtreeRules(x)) {
      const b = r.body;
      if (b.kind !== "ranked" || b.by.kind !== "indicator") continue;
      const by = b.by.indicator;
      for (const y of list) if (y !== x && subs.get(y)!.has(by)) needs.get(x)!.add(y);
    }
  const out: M.IndicatorModel[] = [];
  const visit = (x: M.IndicatorModel, seen: Set<M.IndicatorModel>) => {
    if (out.includes(x) || seen.has(x)) return;
    seen.add(x);
    for (const y of needs.get(x)!) visit(y, seen);
    out.push(x);
  };
  for (const x of list) visit(x, new Set());
  return out;
}

function subtreeHasRefer(i: M.IndicatorModel): boolean {
  return i.refers.length > 0 || i.children.some(subtreeHasRefer);
}

/** Lowers a checked catalogue (without errors) into the scoring IR; throws LowerError (KP8001). */
export function lower(cat: M.Catalogue): IrProgram {
  const L = new Lowering(cat);
  let n = 0;
  const number = (i: M.IndicatorModel) => {
    L.indNo.set(i, n++);
    i.children.forEach(number);
  };
  cat.indicators.forEach(number);
  const vetoes: (Veto & { cond: Cond })[] = [];
  const lowered = new Map(dependencyOrder(cat.indicators).map((i) => [i, L.indicator(i, { k: "true" }, { k: "true" }, vetoes)] as const));
  const tops = cat.indicators.map((i) => lowered.get(i)!);
  L.tops = tops;
  const section = (s: M.SectionModel, name: string): Expr => L.step(name, L.section(s, name, vetoes), s.name);
  const bonus = L.step("kp_bonus", sum(cat.bonuses.map((s, i) => section(s, `b${i + 1}`))), "加分");
  const penalty = L.step("kp_penalty", sum(cat.penalties.map((s, i) => section(s, `p${i + 1}`))), "减分");
  // the total, its 折算 and 舍入: the total's block (total-block.ts)
  const top = new Map(cat.indicators.map((i, j) => [i, tops[j]!] as const));
  const total = totalValue(L.total, {
    score: (i) => ref(top.get(i)!.s),
    carry: (i) => ref(top.get(i)!.k),
    bonus,
    penalty,
    unscaledStep: (e) => L.step("kp_unscaled", e, "折算前的总分"),
  });
  L.step("kp_total", total, L.total.rescale ? "总分（折算）" : "总分");
  L.step("kp_rounded", roundedValue(L.total, ref("kp_total")), "舍入后的总分");
  const strikes = (v: Veto & { cond: Cond }): Cond => and([v.cond, ...(v.r.appliesTo ? [L.classes(v.r.appliesTo)] : []), v.hit]);
  const vetoCond = (level: "fail" | "noExcellent"): Cond => {
    const list = vetoes.filter((v) => v.level === level).map(strikes);
    return list.length === 0 ? { k: "not", c: { k: "true" } } : { k: "or", list };
  };
  // the JS module's order of a unit's vetoes: indicators in catalogue order, each after its children, then the sections
  const evaluated: M.RuleModel[] = [];
  const visit = (i: M.IndicatorModel) => {
    i.children.forEach(visit);
    evaluated.push(...i.rules);
  };
  cat.indicators.forEach(visit);
  for (const s of [...cat.bonuses, ...cat.penalties]) evaluated.push(...s.rules);
  const place = new Map(evaluated.map((r, i) => [r, i] as const));
  const vetoList = [...vetoes].sort((a, b) => (place.get(a.r) ?? 0) - (place.get(b.r) ?? 0)).map((v) => ({ rule: v.r.name, level: v.level, when: strikes(v) }));
  const grades: IrGrade[] = cat.grades.map((g) => ({ name: L.param(g.name), otherwise: g.otherwise, conditions: g.conditions }));
  // scores as shown: an indicator under an ancestor that does not apply to the unit counts at full points
  const shownAs = new Map<number, string>();
  // (except for a unit that took a 参照 above: it shows what it took)
  for (const x of L.shown) {
    const took: Cond[] = [];
    for (let p = x.ind.parent; p; p = p.parent) if (L.takers.has(p)) took.push(L.takers.get(p)!);
    const shows: Cond = took.length > 0 ? { k: "or", list: [x.applies, ...took] } : x.applies;
    shownAs.set(x.n, (L.step(`i${x.n}_out`, iff(shows, ref(`i${x.n}`), x.P), "上级指标不适用时按满分计"), `i${x.n}_out`));
  }
  const all: M.IndicatorModel[] = [];
  const collect = (i: M.IndicatorModel) => {
    all.push(i);
    i.children.forEach(collect);
  };
  cat.indicators.forEach(collect);
  return {
    title: cat.title,
    params: L.params,
    columns: L.columns,
    steps: L.steps,
    refers: L.refers,
    indicators: all.map((i) => ({ id: i.id, name: i.name, score: shownAs.get(L.indNo.get(i)!) ?? `i${L.indNo.get(i)}` })),
    bonus: "kp_bonus",
    penalty: "kp_penalty",
    vetoFail: vetoCond("fail"),
    vetoNoExcellent: vetoCond("noExcellent"),
    vetoes: vetoList,
    takings: all.flatMap((i) => i.refers.map((rf) => ({ indicator: i.id, takes: L.takes(rf), ...(rf.source.kind === "unit" ? { unit: L.param(rf.source.unit) } : {}) }))),
    grades,
    rounding: cat.rounding ?? -1,
  };
}

/** The diagnostic (KP8001) of a construct the SQL target cannot lower, at the construct. */
export function lowerDiagnostic(e: LowerError): Diagnostic {
  return diagnostic("KP8001", e.span, [e.construct], { file: e.file });
}
