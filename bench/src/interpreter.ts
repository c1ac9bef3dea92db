/**
 * Baseline (b) of the scoring figure: a straightforward interpreter.  For every unit it walks core's
 * checked model — indicators, groups, rules — and evaluates each rule body by its kind, with core's
 * exact decimal functions.  It reads facts with core's facts reader (the very code a compiled module
 * embeds), so the difference to the compiled module is the evaluation strategy alone.
 *
 * It follows the semantics of the compiled modules (packages/core/src/compile/emit-js.ts) rule for
 * rule; the bench checks that both give the same results, so a divergence is caught on every run.
 */
import {
  applicableClasses,
  meetsClasses,
  kpDivRound,
  kpFixed,
  kpFormat,
  kpMulDiv,
  kpReadUnits,
  factSpecs,
  kpRound,
  kpSteps,
  kpTimes,
  type Catalogue,
  type FactSpec,
  type GroupModel,
  type IndicatorModel,
  type OutcomeModel,
  type ReadUnit,
  type RuleModel,
  type SectionModel,
} from "./core.js";

/** One unit's result, in the shape the compiled module's scoreAll returns (detail: false). */
export interface UnitResult {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: string }[];
}

interface CrossResult {
  a: number;
}

/** Per-unit state of one evaluation. */
interface State {
  F: Record<string, unknown>;
  c: Record<string, boolean>;
  S: Map<IndicatorModel, number>;
  K: Map<IndicatorModel, number>;
  V: { rule: string; level: string }[];
  u: number;
  ref: boolean;
}

/** A prepared interpreter for one catalogue. */
export class Interpreter {
  private readonly specs: FactSpec[];
  private readonly ruleNames: Record<string, boolean>;
  private readonly refers: { unitClass: string; unit: string; indicator: string }[] = [];
  private readonly crossRules: RuleModel[];
  private units: (ReadUnit & { index: number })[] = [];
  private byName: Record<string, ReadUnit & { index: number }> = {};
  private cross = new Map<RuleModel, (CrossResult | undefined)[]>();

  constructor(private readonly cat: Catalogue) {
    this.specs = factSpecs(cat);
    this.ruleNames = Object.fromEntries(cat.rules.map((r) => [r.name, true]));
    const walk = (i: IndicatorModel) => {
      if (i.refer) this.refers.push({ ...i.refer, indicator: i.id });
      i.children.forEach(walk);
    };
    cat.indicators.forEach(walk);
    this.crossRules = cat.rules.filter((r) => r.crossUnit);
  }

  /** Reads and validates units' facts with core's reader (facts by position); throws on any problem. */
  readRaw(units: unknown): ReadUnit[] {
    const read = kpReadUnits(this.specs, this.cat.classes, this.ruleNames, units);
    const names = new Set(read.units.map((u) => u.name));
    for (const r of this.refers) {
      if (!names.has(r.unit) && read.units.some((u) => u.c[r.unitClass])) read.errors.push({ code: "KP4011", message: `参照的单位「${r.unit}」不在事实中` });
    }
    if (read.errors.length > 0) throw new Error(`facts rejected: ${read.errors.slice(0, 3).map((e) => `${e.code} ${e.message}`).join("; ")}`);
    return read.units;
  }

  /**
   * Units as this interpreter evaluates them: the reader gives facts by position; a straightforward
   * evaluator looks them up by key (incident ids under key + "#").
   */
  keyed(units: readonly ReadUnit[]): ReadUnit[] {
    return units.map((u) => {
      const byKey: Record<string, unknown> = {};
      this.specs.forEach((spec, i) => {
        if (u.F[2 * i] !== undefined) byKey[spec.k] = u.F[2 * i];
        if (u.F[2 * i + 1] !== undefined) byKey[spec.k + "#"] = u.F[2 * i + 1];
      });
      return { ...u, F: byKey } as unknown as ReadUnit;
    });
  }

  /** Reads units' facts (see {@link readRaw}) for this interpreter. */
  read(units: unknown): ReadUnit[] {
    return this.keyed(this.readRaw(units));
  }

  /** Scores all units (read, cross-unit rules, every unit, ranks, grades). */
  scoreAll(units: unknown): UnitResult[] {
    const list = this.read(units) as (ReadUnit & { index: number })[];
    return this.scoreRead(list);
  }

  /** Scores units already read by {@link read}. */
  scoreRead(list: ReadUnit[]): UnitResult[] {
    this.units = list as (ReadUnit & { index: number })[];
    this.byName = {};
    this.units.forEach((u, i) => {
      u.index = i;
      this.byName[u.name] = u;
    });
    this.cross = new Map(this.crossRules.map((r) => [r, this.crossUnit(r)]));
    const runs = this.units.map((u, i) => this.runUnit(u, i));
    const order = runs.slice().sort((a, b) => b.rounded - a.rounded || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const out: UnitResult[] = [];
    let rank = 0;
    order.forEach((r, i) => {
      if (i === 0 || r.rounded !== order[i - 1]!.rounded) rank = i + 1;
      const rounding = this.cat.rounding;
      out.push({
        unit: r.name,
        total: rounding === undefined ? kpFormat(r.rounded) : kpFixed(r.rounded, rounding),
        exactTotal: kpFormat(r.total),
        rank,
        grade: this.gradeOf(r.rounded, r.V, rank, order.length),
        vetoes: r.V,
      });
    });
    return out;
  }

  private runUnit(unit: ReadUnit, u: number) {
    const Z: State = { F: unit.F as unknown as Record<string, unknown>, c: unit.c, S: new Map(), K: new Map(), V: [], u, ref: false };
    let base = 0;
    let carry = 0;
    for (const ind of this.cat.indicators) {
      this.indicator(ind, Z);
      base += Z.S.get(ind)!;
      carry += Z.K.get(ind)!;
    }
    let bonus = 0;
    for (const s of this.cat.bonuses) bonus += this.section(s, Z);
    let penalty = 0;
    for (const s of this.cat.penalties) penalty += this.section(s, Z);
    const total = base - carry + bonus - penalty;
    if (!Number.isSafeInteger(total)) throw new RangeError("KP4018");
    const rounded = this.cat.rounding === undefined ? total : kpRound(total, this.cat.rounding);
    return { name: unit.name, total, rounded, V: Z.V };
  }

  private applies(classes: string[] | undefined, c: Record<string, boolean>): boolean {
    return !classes || classes.some((k) => c[k]);
  }

  private indicator(ind: IndicatorModel, Z: State): void {
    const P = ind.points;
    if (ind.appliesTo && !this.applies(ind.appliesTo, Z.c)) {
      const zero = (i: IndicatorModel) => {
        Z.S.set(i, 0);
        Z.K.set(i, 0);
        i.children.forEach(zero);
      };
      zero(ind);
      Z.S.set(ind, P);
      return;
    }
    if (ind.refer && Z.c[ind.refer.unitClass] && !Z.ref) {
      const ref = this.byName[ind.refer.unit]!;
      const Y: State = { F: ref.F as unknown as Record<string, unknown>, c: ref.c, S: new Map(), K: new Map(), V: [], u: ref.index, ref: true };
      this.indicator(ind, Y);
      const copy = (i: IndicatorModel) => {
        Z.S.set(i, Y.S.get(i)!);
        Z.K.set(i, Y.K.get(i)!);
        i.children.forEach(copy);
      };
      copy(ind);
      return;
    }
    let pos = 0;
    let d = 0;
    let o = 0;
    for (const child of ind.children) {
      this.indicator(child, Z);
      pos += Z.S.get(child)!;
      o += Z.K.get(child)!;
    }
    const done = new Set<GroupModel>();
    for (const r of ind.rules) {
      if (r.group) {
        if (!done.has(r.group)) {
          done.add(r.group);
          d += this.group(r.group, Z);
        }
        continue;
      }
      const v = this.rule(r, Z);
      if (r.effect === "award") pos += v;
      else if (r.effect === "deduct") {
        if (r.overdraft) o += v;
        else d += v;
      }
    }
    const positive = ind.children.length > 0 || ind.rules.some((r) => r.effect === "award");
    const base = positive ? pos : P;
    let s = base - d;
    if (s < 0) s = 0;
    if (positive && s > P) s = P;
    s -= o;
    let k = 0;
    if (s < 0) {
      k = -s;
      s = 0;
    }
    Z.S.set(ind, s);
    Z.K.set(ind, k);
  }

  private section(s: SectionModel, Z: State): number {
    let v = 0;
    for (const r of s.rules) if (r.effect !== "veto") v += this.rule(r, Z);
    for (const r of s.rules) if (r.effect === "veto") this.rule(r, Z);
    if (s.cap !== undefined && v > s.cap) v = s.cap;
    return v;
  }

  private amountFor(amount: number, overrides: { unitClass: string; amount: number }[], c: Record<string, boolean>): number {
    for (const ov of overrides) if (c[ov.unitClass]) return ov.amount;
    return amount;
  }

  private outcome(oc: OutcomeModel, P: number): number {
    return oc.kind === "zero" ? P : oc.amount;
  }

  /** 加倍/减半, then the rule's cap, then 免扣/可减免. */
  private finish(r: RuleModel, v: number, F: Record<string, unknown>): number {
    for (const m of r.multipliers) {
      if (F[`${r.name}.${m.flag}`]) v = m.factor === "double" ? kpTimes(v, 2) : kpDivRound(v, 2);
    }
    if (r.cap !== undefined && v > r.cap) v = r.cap;
    for (const w of r.waivers) {
      const f = F[`${r.name}.${w.flag}`];
      if (w.mode === "cancel") {
        if (f) v = 0;
      } else v -= (f as number) || 0;
    }
    return v;
  }

  /** A rule's deduction or award for the unit (raw). */
  private rule(r: RuleModel, Z: State): number {
    if (r.appliesTo && !this.applies(r.appliesTo, Z.c)) return 0;
    const F = Z.F;
    const b = r.body;
    const P = r.owner.kind === "indicator" ? r.owner.points : 0;
    switch (b.kind) {
      case "per": {
        const amt = this.amountFor(b.amount, b.overrides, Z.c);
        let v = amt;
        if (b.nouns.length === 1) {
          const n = (F[r.name] as number) || 0;
          if (n === 0) return 0;
          v = kpTimes(amt, n);
        } else {
          const ns = b.nouns.map((noun) => (F[`${r.name}.${noun}`] as number) || 0);
          if (ns.some((n) => n === 0)) return 0;
          for (const n of ns) v = kpTimes(v, n);
        }
        return this.finish(r, v, F);
      }
      case "categories": {
        let v = 0;
        for (const c of b.categories) {
          const n = (F[`${r.name}.${c.name}`] as number) || 0;
          if (n > 0) v += kpTimes(c.amount, n);
        }
        if (v === 0) return 0;
        return this.finish(r, v, F);
      }
      case "once": {
        if (r.effect === "award") {
          const v0 = (F[r.name] as number) || 0;
          if (v0 === 0) return 0;
          const full = this.amountFor(b.amount, b.overrides, Z.c);
          return this.finish(r, v0 > full ? full : v0, F);
        }
        if (!F[r.name]) return 0;
        return this.finish(r, this.amountFor(b.amount, b.overrides, Z.c), F);
      }
      case "zero":
        if (!F[r.name]) return 0;
        return this.finish(r, P, F);
      case "veto":
        if (F[r.name]) Z.V.push({ rule: r.name, level: b.level });
        return 0;
      case "rated": {
        // the reader gives the outcome's position in the list
        const x = F[r.name] as number | null | undefined;
        if (x === null || x === undefined) return 0;
        const v = b.outcomes[x]?.amount ?? 0;
        return v === 0 ? 0 : this.finish(r, v, F);
      }
      case "bands": {
        const x = F[r.name] as number | null | undefined;
        let v = 0;
        if (x === null || x === undefined) {
          if (!b.missing) return 0;
          v = this.outcome(b.missing, P);
        } else {
          for (const band of b.bands) {
            if (band.lower && !(band.lowerInclusive ? x >= band.lower.raw : x > band.lower.raw)) continue;
            if (band.upper && !(band.upperInclusive ? x <= band.upper.raw : x < band.upper.raw)) continue;
            v = this.outcome(band.outcome, P);
            break;
          }
        }
        if (v === 0) return 0;
        return this.finish(r, v, F);
      }
      case "linear": {
        const x = F[r.name] as number;
        let v = 0;
        const c = b.cutoff;
        if (c && (c.direction === "below" ? x < c.value.raw : x > c.value.raw)) v = this.outcome(c.outcome, P);
        else {
          const diff = b.direction === "below" ? b.base.raw - x : x - b.base.raw;
          if (diff > 0) v = b.mode === "proportional" ? kpMulDiv(diff, b.amount, b.step.raw) : kpTimes(b.amount, kpSteps(diff, b.step.raw, b.mode === "ceil"));
        }
        if (v === 0) return 0;
        return this.finish(r, v, F);
      }
      case "shortfall": {
        const x = F[r.name] as number;
        if (!(x < b.target.raw)) return 0;
        const steps = kpSteps(b.target.raw - x, b.step.raw, false);
        if (steps === 0) return 0;
        return this.finish(r, kpTimes(b.amount, steps), F);
      }
      case "assessed":
      case "committee":
      case "discretion": {
        const v = (F[r.name] as number) || 0;
        if (v === 0) return 0;
        return this.finish(r, v, F);
      }
      case "rate": {
        const x = (F[r.name] as number) || 0;
        const v = kpMulDiv(b.max, x, 100000000);
        if (v === 0) return 0;
        return this.finish(r, v, F);
      }
      case "proportional":
      case "ranked": {
        const c = this.cross.get(r)![Z.u];
        if (!c) return 0;
        return this.finish(r, c.a, F);
      }
    }
  }

  /** A 合计 or 就高 group's deduction. */
  private group(g: GroupModel, Z: State): number {
    if (g.kind === "cap") {
      let d = 0;
      for (const r of g.rules) d += this.rule(r, Z);
      return g.cap !== undefined && d > g.cap ? g.cap : d;
    }
    // 就高: per incident id only the largest deduction counts; anonymous occurrences add up.
    const F = Z.F;
    let anon = 0;
    const best = new Map<string, number>();
    const add = (id: string | undefined, a: number) => {
      if (id === undefined) anon += a;
      else {
        const prev = best.get(id);
        if (prev === undefined || a > prev) best.set(id, a);
      }
    };
    const multiplied = (r: RuleModel, amt: number) => {
      for (const m of r.multipliers) if (F[`${r.name}.${m.flag}`]) amt = m.factor === "double" ? kpTimes(amt, 2) : kpDivRound(amt, 2);
      return amt;
    };
    for (const r of g.rules) {
      if (r.appliesTo && !this.applies(r.appliesTo, Z.c)) continue;
      const b = r.body;
      if (b.kind === "per" || b.kind === "once") {
        const amt = multiplied(r, this.amountFor(b.amount, b.overrides, Z.c));
        const ids = F[`${r.name}#`] as string[] | undefined;
        if (b.kind === "per") {
          const n = (F[r.name] as number) || 0;
          if (n > 0) {
            if (ids) for (const id of ids) add(id, amt);
            else add(undefined, kpTimes(amt, n));
          }
        } else if (F[r.name]) add(ids ? ids[0] : undefined, amt);
      } else if (b.kind === "categories") {
        for (const c of b.categories) {
          const amt = multiplied(r, c.amount);
          const key = `${r.name}.${c.name}`;
          const n = (F[key] as number) || 0;
          const ids = F[`${key}#`] as string[] | undefined;
          if (n > 0) {
            if (ids) for (const id of ids) add(id, amt);
            else add(undefined, kpTimes(amt, n));
          }
        }
      }
    }
    let d = anon;
    for (const a of best.values()) d += a;
    if (g.cap !== undefined && d > g.cap) d = g.cap;
    return d;
  }

  /** Proportional and ranked rules, over all units at once. */
  private crossUnit(r: RuleModel): (CrossResult | undefined)[] {
    const b = r.body;
    const cls = applicableClasses(r);
    const vals = this.units.map((u) => (meetsClasses(cls, (k) => u.c[k] === true) ? ((u.F as unknown as Record<string, unknown>)[r.name] as number | undefined) : undefined));
    const res: (CrossResult | undefined)[] = new Array(vals.length);
    if (b.kind === "proportional") {
      let best = 0;
      for (const v of vals) if (v !== undefined && v > best) best = v;
      vals.forEach((v, i) => {
        if (v !== undefined) res[i] = { a: best === 0 ? 0 : kpMulDiv(b.max, v, best) };
      });
    } else if (b.kind === "ranked") {
      // rank = 1 + the number of better values: found by binary search in the sorted values
      const sorted = vals.filter((v): v is number => v !== undefined).sort((p, q) => p - q);
      vals.forEach((v, i) => {
        if (v === undefined) return;
        const better = b.lowerIsBetter ? lowerBound(sorted, v) : sorted.length - upperBound(sorted, v);
        const lost = kpTimes(b.step, better);
        res[i] = { a: lost >= b.max ? 0 : b.max - lost };
      });
    }
    return res;
  }

  private gradeOf(rounded: number, V: { level: string }[], rank: number, count: number): string | null {
    const grades = this.cat.grades;
    if (grades.length === 0) return null;
    if (V.some((v) => v.level === "fail")) return grades[grades.length - 1]!.name;
    const noTop = V.some((v) => v.level === "noExcellent");
    for (let g = 0; g < grades.length; g++) {
      const grade = grades[g]!;
      if (g === 0 && noTop && grades.length > 1) continue;
      if (grade.otherwise) return grade.name;
      let ok = true;
      for (const c of grade.conditions) {
        if (c.kind === "score") ok = ok && (c.op === ">" ? rounded > c.value : rounded >= c.value);
        else if (c.percent) ok = ok && rank <= Math.floor((count * c.value) / 100000000);
        else ok = ok && rank <= c.value / 1000000;
      }
      if (ok) return grade.name;
    }
    return null;
  }
}

/** Index of the first element ≥ v. */
function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
/** Index of the first element > v. */
function upperBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

