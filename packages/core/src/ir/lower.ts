/**
 * Checked model → scoring IR (types.ts).  Mirrors what emit-js.ts does for each construct, minus the
 * trace texts; a construct not lowered yet throws LowerError naming it (KP8001), so the SQL target
 * never computes a wrong number.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Span } from "../text/position.js";
import type * as M from "../model.js";
import { IDS_SUFFIX, LowerError, type Cond, type Expr, type Hit, type IrColumn, type IrGrade, type IrProgram, type IrRefer, type IrStep, type ColumnType } from "./types.js";

const c = (v: number): Expr => ({ k: "const", v });
const add = (a: Expr, b: Expr): Expr => (a.k === "const" && a.v === 0 ? b : b.k === "const" && b.v === 0 ? a : { k: "add", a, b });
const sub = (a: Expr, b: Expr): Expr => (b.k === "const" && b.v === 0 ? a : { k: "sub", a, b });
const max = (a: Expr, b: Expr): Expr => ({ k: "max", a, b });
const min = (a: Expr, b: Expr): Expr => ({ k: "min", a, b });
const iff = (cond: Cond, a: Expr, b: Expr): Expr => (cond.k === "true" ? a : { k: "if", c: cond, a, b });
const ref = (name: string): Expr => ({ k: "ref", name });
const sum = (list: Expr[]): Expr => list.reduce(add, c(0));
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

class Lowering {
  readonly params: string[] = [];
  readonly columns: IrColumn[] = [];
  readonly steps: IrStep[] = [];
  readonly refers: IrRefer[] = [];
  private readonly colIndex = new Map<string, number>();
  private readonly ruleNo = new Map<M.RuleModel, number>();
  readonly indNo = new Map<M.IndicatorModel, number>();

  constructor(readonly cat: M.Catalogue) {
    cat.rules.forEach((r, n) => this.ruleNo.set(r, n));
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
    return list.length === 1 ? { k: "class", name: this.param(list[0]!) } : { k: "or", list: list.map((x) => ({ k: "class" as const, name: this.param(x) })) };
  }

  /** The fact column of a rule's own key, typed by its fact. */
  factOf(r: M.RuleModel, key = r.name): { col: number; fact: M.FactType } {
    const f = r.facts.find((x) => x.key === key);
    if (!f) return this.refuse(`规则「${r.name}」的事实「${key}」`, r);
    const t = f.fact;
    switch (t.type) {
      case "count":
        if (t.within !== undefined) this.refuse("「其中」计数", r);
        return { col: this.col(key, "count"), fact: t };
      case "flag":
        return { col: this.col(key, "flag"), fact: t };
      case "award":
      case "value":
      case "score":
      case "rate":
      case "amount":
      case "committee":
        if (t.type === "value" && t.signed) this.refuse("可为负的数值（分段 可为负）", r);
        return { col: this.col(key, "decimal"), fact: t };
      default:
        return this.refuse(`事实类型「${t.type}」`, r);
    }
  }

  amount(amount: number, overrides: { unitClass: string; amount: number }[]): Expr {
    let e = c(amount);
    for (const ov of [...overrides].reverse()) e = iff({ k: "class", name: this.param(ov.unitClass) }, c(ov.amount), e);
    return e;
  }

  /** 加倍/减半 on a value. */
  multiplied(r: M.RuleModel, v: Expr): Expr {
    for (const m of r.multipliers) {
      const flag: Cond = { k: "flag", col: this.col(`${r.name}.${m.flag}`, "flag") };
      v = iff(flag, m.factor === "double" ? { k: "mul", a: v, b: c(2) } : { k: "mulDiv", a: v, b: c(1), c: 2 }, v);
    }
    return v;
  }

  /** The adjustments after a rule's body: 按 … 平均, 加倍/减半, cap (emit-js `finish`). */
  finish(r: M.RuleModel, v: Expr): Expr {
    if (r.average) this.refuse("按 … 平均", r);
    if (r.waivers.length > 0) this.refuse("免扣 / 可减免", r);
    v = this.multiplied(r, v);
    if (r.cap !== undefined) v = min(v, c(r.cap));
    return v;
  }

  ruleValue(r: M.RuleModel): Expr {
    const b = r.body;
    if (r.occurrences.length > 0) this.refuse("其中 … 加倍/减半（按次）", r);
    let v: Expr;
    switch (b.kind) {
      case "per": {
        if (b.nouns.length !== 1) this.refuse("复合计数（每村 每次）", r);
        const { col } = this.factOf(r);
        v = this.finish(r, { k: "mul", a: this.amount(b.amount, b.overrides), b: { k: "num", col } });
        break;
      }
      case "categories": {
        const parts = b.categories.map((x): Expr => ({ k: "mul", a: c(x.amount), b: { k: "num", col: this.factOf(r, `${r.name}.${x.name}`).col } }));
        v = this.finish(r, sum(parts));
        break;
      }
      case "once": {
        if (b.otherwise) this.refuse("得 … 否则 扣", r);
        const { col, fact } = this.factOf(r);
        const full = this.amount(b.amount, b.overrides);
        if (fact.type === "flag") v = this.finish(r, iff({ k: "flag", col }, full, c(0)));
        else v = this.finish(r, min({ k: "num", col }, full));
        break;
      }
      case "bands": {
        if (b.signed || b.mayGoNegative) this.refuse("可为负的分段", r);
        const { col } = this.factOf(r);
        const x: Expr = { k: "num", col };
        const outcome = (o: M.OutcomeModel): Expr => (o.kind === "zero" ? this.refuse("不得分", r) : c(o.amount));
        let e: Expr = c(0);
        for (const band of [...b.bands].reverse()) {
          if (band.steps) this.refuse("分段中的「每低 … 扣」", r);
          const conds: Cond[] = [];
          if (band.lower) conds.push({ k: "cmp", op: band.lowerInclusive ? ">=" : ">", a: x, b: c(band.lower.raw) });
          if (band.upper) conds.push({ k: "cmp", op: band.upperInclusive ? "<=" : "<", a: x, b: c(band.upper.raw) });
          e = iff(and(conds), outcome(band.outcome), e);
        }
        e = iff({ k: "missing", col }, b.missing ? outcome(b.missing) : c(0), e);
        v = this.finish(r, e);
        break;
      }
      case "linear": {
        if (b.action === "award" || b.other || b.baseFrom || b.mode === "round") this.refuse("加分或双向的按档计分、计算得出的基准", r);
        const { col } = this.factOf(r);
        const x: Expr = { k: "num", col };
        const diff = b.direction === "below" ? sub(c(b.base.raw), x) : sub(x, c(b.base.raw));
        const steps: Expr = b.mode === "proportional" ? { k: "mulDiv", a: diff, b: c(b.amount), c: b.step.raw } : { k: "mul", a: c(b.amount), b: { k: "steps", diff, step: b.step.raw, ceil: b.mode === "ceil" } };
        let e = iff({ k: "cmp", op: ">", a: diff, b: c(0) }, steps, c(0));
        if (b.cutoff) {
          const cut = b.cutoff;
          if (cut.outcome.kind === "zero") this.refuse("不得分", r);
          e = iff({ k: "cmp", op: cut.direction === "below" ? "<" : ">", a: x, b: c(cut.value.raw) }, c(cut.outcome.amount), e);
        }
        e = iff({ k: "missing", col }, c(0), e);
        v = this.finish(r, e);
        break;
      }
      case "shortfall": {
        const { col } = this.factOf(r);
        const x: Expr = { k: "num", col };
        const diff = sub(c(b.target.raw), x);
        v = this.finish(r, iff({ k: "cmp", op: "<", a: x, b: c(b.target.raw) }, { k: "mul", a: c(b.amount), b: { k: "steps", diff, step: b.step.raw, ceil: false } }, c(0)));
        break;
      }
      case "assessed": {
        const { col } = this.factOf(r);
        const x: Expr = { k: "num", col };
        v = this.finish(r, b.scale !== undefined ? { k: "mulDiv", a: x, b: c(b.max), c: b.scale } : x);
        break;
      }
      case "rate": {
        const { col } = this.factOf(r);
        v = this.finish(r, { k: "mulDiv", a: c(b.max), b: { k: "num", col }, c: 100_000_000 });
        break;
      }
      case "committee":
        v = this.finish(r, { k: "num", col: this.factOf(r).col });
        break;
      case "discretion":
        if (b.noun !== undefined) this.refuse("每次酌情扣分", r);
        v = this.finish(r, { k: "num", col: this.factOf(r).col });
        break;
      case "ranked":
      case "proportional": {
        // computed over the units the rule applies to (its 适用 and its indicators'): window functions
        if (b.kind === "ranked" && b.by.kind !== "fact") this.refuse("按计算得分排名", r);
        const { col } = this.factOf(r);
        const x: Expr = { k: "num", col };
        const lists: string[][] = [];
        if (r.appliesTo) lists.push(r.appliesTo);
        for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.appliesTo) lists.push(ind.appliesTo);
        const among = and(lists.map((l) => this.classes(l)));
        if (b.kind === "proportional") {
          const best = max({ k: "best", value: x, among }, c(0));
          v = iff({ k: "cmp", op: "=", a: best, b: c(0) }, c(0), { k: "mulDiv", a: c(b.max), b: x, c: 0, by: best });
        } else {
          const rank: Expr = { k: "rank", value: x, among, lowerIsBetter: b.lowerIsBetter };
          if (b.table) {
            let e: Expr = c(b.rest ?? 0);
            for (let i = b.table.length - 1; i >= 0; i--) e = iff({ k: "cmp", op: "=", a: rank, b: c(i + 1) }, c(b.table[i]!), e);
            v = e;
          } else v = max(sub(c(b.max), { k: "mul", a: c(b.step), b: sub(rank, c(1)) }), c(0));
        }
        v = this.finish(r, v);
        break;
      }
      default:
        return this.refuse(`计分方式「${BODY_WORDS[b.kind] ?? b.kind}」`, r);
    }
    if (r.appliesTo) v = iff(this.classes(r.appliesTo), v, c(0));
    return v;
  }

  /** 就高: each rule's hits (per incident id, or anonymous). */
  highest(g: M.GroupModel): Expr {
    const hits: Hit[] = [];
    for (const r of g.rules) {
      const b = r.body;
      if (r.average || r.waivers.length > 0 || r.occurrences.length > 0) this.refuse("就高中的 平均/免扣/按次加倍", r);
      const when: Cond = r.appliesTo ? this.classes(r.appliesTo) : { k: "true" };
      if (b.kind === "per" && b.nouns.length === 1) {
        const { col } = this.factOf(r);
        hits.push({ when, amount: this.multiplied(r, this.amount(b.amount, b.overrides)), count: col, ids: this.col(r.name, "ids") });
      } else if (b.kind === "once" && !b.otherwise) {
        const { col, fact } = this.factOf(r);
        if (fact.type !== "flag") this.refuse("就高中的酌情给分", r);
        // a yes/no fact counts once: as its first incident id, or anonymously
        hits.push({ when: and([when, { k: "flag", col }]), amount: this.multiplied(r, this.amount(b.amount, b.overrides)), count: -1, ids: this.col(r.name, "ids") });
      } else if (b.kind === "categories") {
        for (const x of b.categories) {
          const key = `${r.name}.${x.name}`;
          this.factOf(r, key);
          hits.push({ when, amount: this.multiplied(r, c(x.amount)), count: this.col(key, "count"), ids: this.col(key, "ids") });
        }
      } else this.refuse(`就高中的计分方式「${b.kind}」`, r);
    }
    let e: Expr = { k: "highest", hits };
    if (g.cap !== undefined) e = min(e, c(g.cap));
    return e;
  }

  step(name: string, value: Expr, note: string): Expr {
    this.steps.push({ name, value, note });
    return ref(name);
  }

  /** The rules and groups of an owner, as step references: positive, deductions, overdraft (倒扣), vetoes. */
  terms(rules: M.RuleModel[], prefix: string): { pos: Expr[]; ded: Expr[]; over: Expr[]; vetoes: M.RuleModel[] } {
    const out = { pos: [] as Expr[], ded: [] as Expr[], over: [] as Expr[], vetoes: [] as M.RuleModel[] };
    const done = new Set<M.GroupModel>();
    for (const r of rules) {
      if (r.effect === "veto") {
        if (r.body.kind !== "veto") this.refuse("否决", r);
        this.factOf(r);
        out.vetoes.push(r);
        continue;
      }
      const g = r.group && r.group.kind !== "choice" ? r.group : undefined;
      if (g) {
        if (done.has(g)) continue;
        done.add(g);
        const gi = done.size;
        let value: Expr;
        if (g.kind === "cap") {
          value = min(sum(g.rules.map((x) => this.step(`r${this.ruleNo.get(x)}`, this.ruleValue(x), x.clause))), c(g.cap ?? 0));
        } else value = this.highest(g);
        const e = this.step(`${prefix}_g${gi}`, value, g.rules.map((x) => x.name).join("、"));
        (r.owner.kind === "bonus" || r.effect === "award" ? out.pos : out.ded).push(e);
        continue;
      }
      const e = this.step(`r${this.ruleNo.get(r)}`, this.ruleValue(r), r.clause);
      if (r.effect === "award") out.pos.push(e);
      else if (r.overdraft) out.over.push(e);
      else out.ded.push(e);
    }
    return out;
  }

  /**
   * An indicator's points for the unit: a number, or for points that differ by class the first listed
   * class the unit has; derived points are the children's (each for this unit) plus the awards' maxima.
   */
  points(ind: M.IndicatorModel): Expr {
    if (!ind.classPoints) return c(ind.points);
    if (!ind.pointsDeclared) {
      const awards = ind.points - ind.children.reduce((a, ch) => a + ch.points, 0);
      return add(sum(ind.children.map((ch) => this.points(ch))), c(awards));
    }
    let e = c(ind.points);
    for (const cp of [...ind.classPoints].reverse()) e = iff({ k: "class", name: this.param(cp.unitClass) }, c(cp.points), e);
    return e;
  }

  /** Lowers an indicator and its subtree; returns the names of its score and carry. */
  indicator(ind: M.IndicatorModel, applies: Cond, vetoes: { cond: Cond; r: M.RuleModel }[]): { s: string; k: string } {
    const n = this.indNo.get(ind)!;
    if (ind.notConcerned || ind.refers.some((x) => x.source.kind !== "unit" || x.taker.kind !== "class")) this.refuse("参照（平均分、未涉及）", { node: ind.node, file: ind.file });
    if (ind.refers.length > 1) this.refuse("一个指标的多个参照", { node: ind.node, file: ind.file });
    const here = and([applies, ...(ind.appliesTo ? [this.classes(ind.appliesTo)] : [])]);
    const referCond: Cond | undefined = ind.refers[0] ? this.classes([(ind.refers[0].taker as { unitClass: string }).unitClass]) : undefined;
    const vetoHere = referCond ? and([here, { k: "not", c: referCond }]) : here;
    const children = ind.children.map((ch) => {
      if (referCond && (ch.refers.length > 0 || subtreeHasRefer(ch))) this.refuse("参照中的参照", { node: ch.node, file: ch.file });
      return this.indicator(ch, here, vetoes);
    });
    const t = this.terms(ind.rules, `i${n}`);
    for (const r of t.vetoes) vetoes.push({ cond: vetoHere, r });
    if (ind.rules.some((r) => r.body.kind === "zero")) this.refuse("不得分", { node: ind.node, file: ind.file });
    const pos = sum([...children.map((x) => ref(x.s)), ...t.pos]);
    const over = sum([...children.map((x) => ref(x.k)), ...t.over]);
    const d = sum(t.ded);
    const positive = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
    const P = this.points(ind);
    let s: Expr = max(sub(positive ? pos : P, d), c(0));
    if (positive) s = min(s, P);
    const tn = this.step(`i${n}_t`, sub(s, over), `${ind.id} ${ind.name}`);
    const sName = `i${n}`;
    const kName = `i${n}_k`;
    this.step(sName, iff(here, max(tn, c(0)), P), `${ind.id} ${ind.name} 得分`);
    this.step(kName, iff(here, max(sub(c(0), tn), c(0)), c(0)), `${ind.id} ${ind.name} 倒扣`);
    const first = ind.refers[0];
    if (first && first.source.kind === "unit") {
      const names: string[] = [];
      const walk = (i: M.IndicatorModel) => {
        const k = this.indNo.get(i)!;
        names.push(`i${k}`, `i${k}_k`);
        i.children.forEach(walk);
      };
      walk(ind);
      this.refers.push({ after: kName, taker: and([here, referCond!]), unit: this.param(first.source.unit), names });
    }
    return { s: sName, k: kName };
  }
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
  const vetoes: { cond: Cond; r: M.RuleModel }[] = [];
  const tops = cat.indicators.map((i) => L.indicator(i, { k: "true" }, vetoes));
  const section = (s: M.SectionModel, name: string): Expr => {
    if (s.rules.some((r) => r.body.kind === "once" && r.body.otherwise)) L.refuse("加分中的「否则 扣」", { node: s.node, file: s.file });
    const t = L.terms(s.rules, name);
    for (const r of t.vetoes) vetoes.push({ cond: { k: "true" }, r });
    let v = sum([...t.pos, ...t.ded, ...t.over]);
    if (s.cap !== undefined) v = min(v, c(s.cap));
    return L.step(name, v, s.name);
  };
  const bonus = L.step("kp_bonus", sum(cat.bonuses.map((s, i) => section(s, `b${i + 1}`))), "加分");
  const penalty = L.step("kp_penalty", sum(cat.penalties.map((s, i) => section(s, `p${i + 1}`))), "减分");
  const base = sum(tops.map((t) => ref(t.s)));
  const carry = sum(tops.map((t) => ref(t.k)));
  const unscaled = sub(add(sub(base, carry), bonus), penalty);
  if (cat.rescale && cat.declaredTotal !== undefined) {
    // 总分 N 折算: out of the indicators' points, rescaled to N (one rounding, at the sixth decimal)
    const from = cat.indicators.reduce((a, i) => a + i.points, 0);
    L.step("kp_total", { k: "mulDiv", a: L.step("kp_unscaled", unscaled, "折算前的总分"), b: c(cat.declaredTotal), c: from }, "总分（折算）");
  } else L.step("kp_total", unscaled, "总分");
  const unit = cat.rounding === undefined || cat.rounding >= 6 ? 1 : 10 ** (6 - cat.rounding);
  L.step("kp_rounded", unit === 1 ? ref("kp_total") : { k: "mul", a: { k: "mulDiv", a: ref("kp_total"), b: c(1), c: unit }, b: c(unit) }, "舍入后的总分");
  const vetoCond = (level: "fail" | "noExcellent"): Cond => {
    const list = vetoes.filter((v) => v.r.body.kind === "veto" && v.r.body.level === level).map((v) => and([v.cond, ...(v.r.appliesTo ? [L.classes(v.r.appliesTo)] : []), { k: "flag", col: L.factOf(v.r).col }]));
    return list.length === 0 ? { k: "not", c: { k: "true" } } : { k: "or", list };
  };
  const grades: IrGrade[] = cat.grades.map((g) => ({ name: L.param(g.name), otherwise: g.otherwise, conditions: g.conditions }));
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
    indicators: all.map((i) => ({ id: i.id, name: i.name, score: `i${L.indNo.get(i)}` })),
    bonus: "kp_bonus",
    penalty: "kp_penalty",
    vetoFail: vetoCond("fail"),
    vetoNoExcellent: vetoCond("noExcellent"),
    grades,
    rounding: cat.rounding ?? -1,
  };
}

/** The diagnostic (KP8001) of a construct the SQL target cannot lower, at the construct. */
export function lowerDiagnostic(e: LowerError): Diagnostic {
  return diagnostic("KP8001", e.span, [e.construct], { file: e.file });
}
