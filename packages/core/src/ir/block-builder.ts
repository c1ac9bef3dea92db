/**
 * What every rule lowering shares (lower-rule.ts, lower-counted.ts, lower-groups.ts): where a block's
 * facts and names go (BlockNames), the units a rule applies to, an indicator's points, the small
 * constructors of expressions and texts, and the Builder a block is written with (its lets and exits,
 * amounts, 不得分, the adjustments every rule ends with and the facts every trace shows after its own).
 */
import { kpFormat } from "../runtime/decimal.js";
import type * as M from "../model.js";
import { AFTER, CURRENT, ZERO, type Adjust, type RuleBlock, type Shown, type Stmt, type Text } from "./rule-block.js";
import type { ColumnType, Cond, Expr, Param } from "./types.js";


/**
 * An indicator's points for the unit: a number, or for points that differ by class the first listed
 * class the unit has; derived points are the children's (each for this unit) plus the awards' maxima.
 */
export function indicatorPoints(names: Pick<BlockNames, "param">, ind: M.IndicatorModel): Expr {
  if (!ind.classPoints) return c(ind.points);
  if (!ind.pointsDeclared) {
    const awards = ind.points - ind.children.reduce((a, ch) => a + ch.points, 0);
    return [...ind.children.map((ch) => indicatorPoints(names, ch)), ...(awards !== 0 ? [c(awards)] : [])].reduce(add);
  }
  let e = c(ind.points);
  for (const cp of [...ind.classPoints].reverse()) e = iff({ k: "class", name: names.param(cp.unitClass) }, c(cp.points), e);
  return e;
}

/** The units a rule applies to: its 适用 and its indicators' (each list: any of its classes). */
export function applicable(names: Pick<BlockNames, "param">, r: M.RuleModel): Cond {
  const lists: string[][] = [];
  if (r.appliesTo) lists.push(r.appliesTo);
  for (let ind = r.owner.kind === "indicator" ? r.owner : undefined; ind; ind = ind.parent) if (ind.appliesTo) lists.push(ind.appliesTo);
  return andAll(lists.map((l) => classes(names, l)));
}

/** The applicability of an indicator: its 适用 and its ancestors'. */
export function indicatorApplies(names: Pick<BlockNames, "param">, ind: M.IndicatorModel): Cond {
  const lists: Cond[] = [];
  for (let i: M.IndicatorModel | undefined = ind; i; i = i.parent) if (i.appliesTo) lists.push(classes(names, i.appliesTo));
  return andAll(lists);
}

/** A unit having any of the classes. */
export function classes(names: Pick<BlockNames, "param">, list: readonly string[]): Cond {
  return list.length === 1 ? { k: "class", name: names.param(list[0]!) } : { k: "or", list: list.map((x) => ({ k: "class" as const, name: names.param(x) })) };
}

/** All of the conditions (`true` dropped). */
export function andAll(list: Cond[]): Cond {
  const l = list.filter((x) => x.k !== "true");
  return l.length === 0 ? { k: "true" } : l.length === 1 ? l[0]! : { k: "and", list: l };
}
/** Where a block's facts and names go: the program's columns and parameters. */
export interface BlockNames {
  col(key: string, type: ColumnType): number;
  param(name: string): Param;
  /** The column type of one of r's fact keys (refuses a key r does not take). */
  factType(r: M.RuleModel, key: string): ColumnType;
  /**
   * The value rule r takes from across the units (the block's let COMPUTED): the score a ranking ranks
   * by — the indicator's (with its 参照), or the total before bonuses (base − 倒扣 of the first-level
   * indicators) —, or a linear rule's base 平均值/中位数.
   */
  computed(r: M.RuleModel): Expr;
}

export const c = (v: number): Expr => ({ k: "const", v });
export const ref = (name: string): Expr => ({ k: "ref", name });
export const lit = (s: string): Text => ({ k: "lit", s });
export const dec = (e: Expr): Text => ({ k: "dec", e });
export const int = (e: Expr): Text => ({ k: "int", e });
export const cmp = (op: "<" | "<=" | ">" | ">=" | "=" | "<>", a: Expr, b: Expr): Cond => ({ k: "cmp", op, a, b });
export const and = (...list: Cond[]): Cond => ({ k: "and", list });
export const iff = (cond: Cond, a: Expr, b: Expr): Expr => ({ k: "if", c: cond, a, b });
export const add = (a: Expr, b: Expr): Expr => ({ k: "add", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ k: "sub", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ k: "mul", a, b });
export const fmt = kpFormat;

/** Writes a rule's block: its body statements, then `block` with the value, the text and the facts shown. */
export class Builder {
  readonly body: Stmt[] = [];
  /** The body may end in 不得分 (a let `ZERO`). */
  zeroable = false;
  constructor(
    readonly names: BlockNames,
    readonly r: M.RuleModel,
  ) {}

  /** The owner's points for the unit (0 in a section). */
  points(): Expr {
    return this.r.owner.kind === "indicator" ? indicatorPoints(this.names, this.r.owner) : c(0);
  }
  /** The owner's points as text, when they do not differ by class. */
  pointsText(): number | undefined {
    const o = this.r.owner;
    return o.kind !== "indicator" ? 0 : o.classPoints !== undefined ? undefined : o.points;
  }
  /**
   * 不得分 when `z` is 1: the let `ZERO`, marked on the owner at once — or, with a 免扣 (which may lift
   * it), after the adjustments.
   */
  zero(z: Expr, mark = true): void {
    this.zeroable = true;
    this.let(ZERO, z);
    if (mark && this.r.waivers.length === 0) this.body.push({ k: "mark" });
  }

  let(name: string, e: Expr): Expr {
    this.body.push({ k: "let", name, e });
    return ref(name);
  }
  exit(when: Cond, value: Expr = c(0), trace?: Extract<Stmt, { k: "exit" }>["trace"]): void {
    // (an exit that never happens — a rule for every unit — is none)
    if (when.k === "not" && when.c.k === "true") return;
    this.body.push({ k: "exit", when, value, ...(trace ? { trace } : {}) });
  }
  /** A number fact of the rule (0 when absent). */
  num(key: string): Expr {
    return { k: "num", col: this.names.col(key, this.names.factType(this.r, key)) };
  }
  /** A column of a given type (the adjustments' facts: flags, the 平均 divisor). */
  typed(key: string, type: "flag" | "decimal"): Expr {
    return { k: "num", col: this.names.col(key, type) };
  }
  /** A yes/no condition of the rule (加倍/减半, 免扣). */
  flagCol(key: string): Cond {
    return { k: "flag", col: this.names.col(key, "flag") };
  }
  /** A yes/no fact (or any fact given and not 0) of the unit. */
  flag(key: string): Cond {
    const t = this.names.factType(this.r, key);
    return t === "flag" ? { k: "flag", col: this.names.col(key, t) } : cmp("<>", this.num(key), c(0));
  }
  classIs(name: string): Cond {
    return { k: "class", name: this.names.param(name) };
  }
  /** The amount for the unit, honouring per-class overrides (the first listed class the unit has). */
  amount(amount: number, overrides: { unitClass: string; amount: number }[]): Expr {
    let e = c(amount);
    for (const ov of [...overrides].reverse()) e = iff(this.classIs(ov.unitClass), c(ov.amount), e);
    return e;
  }
  /** 「（园区标准）」 after an amount that differs by class. */
  amountNote(overrides: { unitClass: string; amount: number }[]): Text[] {
    let t: Text[] = [];
    for (const ov of [...overrides].reverse()) t = [{ k: "if", c: this.classIs(ov.unitClass), a: [lit(`（${ov.unitClass}标准）`)], b: t }];
    return t;
  }

  /** The adjustments after the body, in order: 按 … 平均, 加倍/减半, the cap, 免扣, 可减免. */
  adjustments(): Adjust[] {
    const r = this.r;
    const v = ref(CURRENT);
    const out: Adjust[] = [];
    const always: Cond = { k: "true" };
    const zero = this.zeroable;
    const isZero = cmp("=", ref(ZERO), c(1));
    const a = r.average;
    if (a && "fact" in a) {
      const d = this.typed(a.fact, "decimal");
      out.push({ kind: "average", to: { k: "mulDiv", a: v, b: c(1_000_000), c: 0, by: d }, shown: always, note: [lit(`，按${a.fact} `), dec(d), lit(" 平均 → "), dec(ref(AFTER))] });
    } else if (a) out.push({ kind: "average", to: { k: "mulDiv", a: v, b: c(1), c: a.value }, shown: always, note: [lit(`，按 ${a.value} 平均 → `), dec(ref(AFTER))] });
    for (const m of r.multipliers) {
      const when = this.flagCol(`${r.name}.${m.flag}`);
      const to: Expr = m.factor === "double" ? mul(v, c(2)) : { k: "mulDiv", a: v, b: c(1), c: 2 };
      out.push({ kind: "multiplier", when, to: iff(when, to, v), shown: when, note: [lit(`，${m.flag}${m.factor === "double" ? "加倍" : "减半"} → `), dec(ref(AFTER))] });
    }
    if (zero) for (const x of out) x.unlessZero = true;
    if (r.cap !== undefined) out.push({ ...(zero ? { unlessZero: true } : {}), kind: "cap", to: { k: "min", a: v, b: c(r.cap) }, shown: cmp(">", v, c(r.cap)), note: [lit(`，封顶 ${fmt(r.cap)}`)] });
    for (const w of r.waivers) {
      const key = `${r.name}.${w.flag}`;
      if (w.mode === "cancel") {
        const when = this.flagCol(key);
        const plain = [lit(`，${w.flag}：免扣 `), dec(v)];
        if (!zero) out.push({ kind: "cancel", when, to: iff(when, c(0), v), shown: and(when, cmp(">", v, c(0))), note: plain });
        // (a 免扣 also lifts the rule's 不得分)
        else out.push({ kind: "cancel", when, to: iff(when, c(0), v), shown: and(when, { k: "or", list: [cmp(">", v, c(0)), isZero] }), note: [{ k: "if", c: isZero, a: [lit(`，${w.flag}：免扣，本项不因本规则不得分`)], b: plain }] });
      } else {
        const red = this.num(key);
        out.push({
          kind: "reduce",
          to: sub(v, red),
          shown: cmp(">", red, c(0)),
          note: [lit(`，${w.flag}：减免 `), dec(red), lit(" → "), dec(ref(AFTER))],
          raise: {
            when: cmp(">", red, v),
            code: "KP4065",
            key,
            message: [lit(`「${key}」的减免 `), dec(red), lit(" 超出范围 [0, "), dec(v), lit("]：减免的分数应在 0 至本规则的扣分之间（本单位本规则扣 "), dec(v), lit("）")],
          },
        });
      }
    }
    return out;
  }

  /** The facts every trace of the rule shows after its own: 其中 counts (每次), the 平均 divisor, 加倍/减半 and 免扣 that hold, 减免 given. */
  extraFacts(): Shown[] {
    const r = this.r;
    const out: Shown[] = [];
    if (r.body.kind === "per")
      for (const o of r.occurrences) {
        const m = this.num(`${r.name}.${o.condition}`);
        out.push({ key: `${r.name}.${o.condition}`, when: cmp("<>", m, c(0)), value: { k: "count", e: m } });
      }
    if (r.average && "fact" in r.average) out.push({ key: r.average.fact, value: { k: "text", parts: [dec(this.typed(r.average.fact, "decimal"))] } });
    for (const m of [...r.multipliers, ...r.waivers]) {
      const key = `${r.name}.${m.flag}`;
      if ("mode" in m && m.mode === "reduce") {
        const red = this.num(key);
        out.push({ key, when: cmp("<>", red, c(0)), value: { k: "text", parts: [dec(red)] } });
      } else out.push({ key, when: this.flagCol(key), value: { k: "bool", v: true } });
    }
    return out;
  }

  block(value: Expr, text: Text[], facts: Shown[], signed = false): RuleBlock {
    return {
      body: this.body,
      value,
      // (a band going below 0 takes no adjustments: KP2115)
      adjust: signed ? [] : this.adjustments(),
      trace: { kind: signed ? "signed" : this.r.effect === "award" ? "award" : "deduct", text, facts: signed ? facts : [...facts, ...this.extraFacts()] },
      ...(this.zeroable ? { zero: { points: this.points(), markAtEnd: !signed && this.r.waivers.length > 0 } } : {}),
    };
  }

  /** What an outcome is worth (不得分: the owner's points), whether it is 不得分 (0/1), and its words. */
  outcome(o: M.OutcomeModel): { v: Expr; z: Expr; word: string } {
    if (o.kind !== "zero") return { v: c(o.amount), z: c(0), word: `${o.kind === "award" ? "得" : "扣"} ${fmt(o.amount)}` };
    const PT = this.pointsText();
    return { v: this.points(), z: c(1), word: PT === undefined ? "不得分（本项分值全部扣除）" : `不得分（本项 ${fmt(PT)} 分全部扣除）` };
  }
}
