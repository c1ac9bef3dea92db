/**
 * An independent reference scorer for generated catalogues: exact BigInt arithmetic over the typed
 * description (kp-gen.ts), written from PRODUCT.md and the documented semantics — it shares no code
 * with core's runtime or emitter.
 *
 * Semantics, in brief (millionths of a point, exact; the only rounding is half away from zero at the
 * sixth decimal for divisions — 按比例 steps, 按比率, 按最高比例, 减半 — and at the catalogue's 舍入 for totals):
 * - a rule gives a deduction or an award; 加倍/减半 apply, then the rule's 上限, then 免扣 (the
 *   deduction is 0, and a 不得分 is lifted) and 可减免 (the amount given is subtracted);
 * - 每次 酌情 sums the amounts given per occurrence; 评议 得分 is the amount given;
 * - 合计 caps the sum of its rules; 就高 counts each incident once at its largest amount;
 * - an indicator starts from its points (leaf without award rules) or from the sum of its children and
 *   awards, subtracts its deductions, stays within [0, points] — and is 0 when one of its own rules
 *   ended in 不得分 (whatever its awards); 倒扣 deductions go below 0 and the
 *   excess is taken from the parent (and from the total at the top);
 * - a linear rule counts steps beyond its base (a number, the average or median of the applicable
 *   units' values, or the unit's own 目标值): 按比例, ⌊⌋, ⌈⌉ or 四舍五入 steps; a two-sided one
 *   (达到基准得本项分值) deducts on one side (within the indicator) and awards on the other, added to
 *   the indicator's score after its clamp, so above its points, and passed up to the parents the same way;
 * - an indicator that does not apply to a unit scores its full points; 参照 takes the indicator's
 *   result of another unit;
 * - total = Σ top indicators − carried 倒扣 + bonus (capped) − penalty (capped), rounded per 舍入;
 * - ranks: competition ranking on the rounded total (1, 1, 3); grades: the first grade whose
 *   conditions all hold, 一票否决 → the last grade, 一票否优 → never the first.
 */
import { SCALE, dec, allRules, awardFactMax, nounOf, isAwardBody, isTwoSided, type BodySpec, type CatSpec, type FactValue, type IndSpec, type Outcome, type RuleSpec, type SectionSpec, type UnitSpec, type Raw, type RuleCtx } from "./kp-gen.js";

/** What the reference computes for one unit. */
export interface RefResult {
  unit: string;
  total: Raw;
  rounded: Raw;
  rank: number;
  grade: string | null;
  /** Indicator id → score. */
  scores: Map<string, Raw>;
  /** Ids of indicators below an indicator that does not apply to the unit. */
  notApplicableBelow: Set<string>;
  bonus: Raw;
  penalty: Raw;
  vetoes: { rule: string; level: "fail" | "noExcellent" }[];
}

/** Integer division rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** Indicator ids: "1", "1.2", … (top level numbered across files, children per parent). */
export function indicatorIds(cat: CatSpec): Map<IndSpec, string> {
  const ids = new Map<IndSpec, string>();
  const visit = (ind: IndSpec, id: string) => {
    ids.set(ind, id);
    let k = 0;
    for (const item of ind.items) if (item.type === "indicator") visit(item, `${id}.${++k}`);
  };
  cat.indicators.forEach((ind, i) => visit(ind, String(i + 1)));
  return ids;
}

/** The most an award rule can give, undefined when unbounded. */
function maxAwardOf(r: RuleSpec, P: Raw | undefined): Raw | undefined {
  const b = r.body;
  if (!isAwardBody(b)) return undefined;
  let m: Raw | undefined;
  if (b.kind === "once") m = awardFactMax(b);
  else if (b.kind === "rated") {
    // shares need declared points: an indicator whose points are derived has amounts only
    m = 0n;
    for (const o of b.outcomes) m = max(m, o.full ? (P ?? 0n) : o.pct !== undefined ? divRound((P ?? 0n) * o.pct, 100n * SCALE) : o.amount!);
  }
  else if (b.kind === "bands") {
    m = 0n;
    for (const x of b.bands) if (x.outcome.kind === "award") m = max(m, x.outcome.amount);
    if (b.missing?.kind === "award") m = max(m, b.missing.amount);
  } else if (b.kind === "ranked" && b.table) m = b.table[0]!;
  else if (b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") m = b.max ?? P;
  else if (b.kind === "discretion") m = b.unit === undefined ? b.max : undefined;
  else if (b.kind === "committee") m = P;
  if (r.cap !== undefined) m = m === undefined ? r.cap : min(m, r.cap);
  if (r.multipliers.some((x) => x.factor === "double")) m = undefined;
  return m;
}

/** Points of every indicator: declared, or children's points plus the awards' maxima. */
export function indicatorPoints(cat: CatSpec): Map<IndSpec, Raw> {
  const pts = new Map<IndSpec, Raw>();
  const visit = (ind: IndSpec): Raw => {
    let sum = 0n;
    for (const item of ind.items) if (item.type === "indicator") sum += visit(item);
    if (ind.points !== undefined) {
      pts.set(ind, ind.points);
      return ind.points;
    }
    for (const item of ind.items) {
      if (item.type === "rule") sum += maxAwardOf(item, undefined) ?? 0n;
      // 择一: only one alternative can happen, so the group counts its largest award
      else if (item.type === "group" && item.kind === "choice") sum += item.rules.reduce((m, r) => max(m, maxAwardOf(r, undefined) ?? 0n), 0n);
    }
    pts.set(ind, sum);
    return sum;
  };
  cat.indicators.forEach(visit);
  return pts;
}

interface Unit {
  name: string;
  classes: Set<string>;
  facts: Map<string, FactValue>;
  index: number;
}

/**
 * An indicator's points for a unit: declared points that differ by class are the first listed class
 * the unit has; derived points are the children's (for this unit) plus the awards' maxima.
 */
function unitPoints(ind: IndSpec, u: Unit, pts: Map<IndSpec, Raw>): Raw {
  if (ind.points !== undefined) return ind.classPoints?.find((cp) => u.classes.has(cp.cls))?.points ?? ind.points;
  let sum = pts.get(ind)!;
  for (const item of ind.items) if (item.type === "indicator") sum += unitPoints(item, u, pts) - pts.get(item)!;
  return sum;
}

function hasAny(u: Unit, classes: readonly string[] | undefined): boolean {
  return classes === undefined || classes.some((c) => u.classes.has(c));
}

/** Scores all units. */
export function referenceScore(cat: CatSpec, units: readonly UnitSpec[]): RefResult[] {
  const ids = indicatorIds(cat);
  const pts = indicatorPoints(cat);
  const rules = allRules(cat);
  const us: Unit[] = units.map((u, index) => ({ name: u.name, classes: new Set(u.classes), facts: u.facts, index }));
  const byName = new Map(us.map((u) => [u.name, u]));

  // ---- facts
  const count = (u: Unit, key: string): { n: bigint; ids?: string[] } => {
    const f = u.facts.get(key);
    if (!f || f.t !== "count") return { n: 0n };
    return f.ids ? { n: BigInt(f.ids.length), ids: f.ids } : { n: BigInt(f.n) };
  };
  const flag = (u: Unit, key: string): { on: boolean; id?: string } => {
    const f = u.facts.get(key);
    if (!f || f.t !== "flag") return { on: false };
    return f.id !== undefined ? { on: true, id: f.id } : { on: f.v };
  };
  const value = (u: Unit, key: string): Raw | null => {
    const f = u.facts.get(key);
    if (!f || f.t !== "value") return null;
    return f.v;
  };

  // ---- cross-unit rules (ranking, proportional), over the units the rule applies to
  const applies = (rc: RuleCtx, u: Unit) => hasAny(u, rc.rule.appliesTo) && rc.path.every((ind) => hasAny(u, ind.appliesTo));
  const cross = new Map<RuleSpec, Map<Unit, Raw>>();
  // 基准 平均值 / 中位数: over the applicable units' values (half away from zero at the 6th decimal)
  const baseOf = new Map<RuleSpec, Raw>();
  for (const rc of rules) {
    const b = rc.rule.body;
    if (b.kind !== "linear" || (b.baseFrom !== "average" && b.baseFrom !== "median")) continue;
    const vals = us.filter((u) => applies(rc, u)).map((u) => value(u, rc.rule.name)).filter((v): v is Raw => v !== null);
    vals.sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    const n = BigInt(vals.length);
    let B = 0n;
    if (vals.length > 0) {
      if (b.baseFrom === "average") B = divRound(vals.reduce((a, v) => a + v, 0n), n);
      else {
        const m = vals.length >> 1;
        B = vals.length % 2 === 1 ? vals[m]! : divRound(vals[m - 1]! + vals[m]!, 2n);
      }
    }
    baseOf.set(rc.rule, B);
  }
  for (const rc of rules) {
    const b = rc.rule.body;
    if (b.kind !== "proportional" && b.kind !== "ranked") continue;
    if (b.kind === "ranked" && b.by) continue; // ranked by a computed score: computed on first use
    const full = b.max ?? pts.get(rc.path[rc.path.length - 1]!)!;
    const vals = us.filter((u) => applies(rc, u)).map((u) => [u, value(u, rc.rule.name) ?? 0n] as const);
    const res = new Map<Unit, Raw>();
    if (b.kind === "proportional") {
      const best = vals.reduce((m, [, v]) => max(m, v), 0n);
      for (const [u, v] of vals) res.set(u, best === 0n ? 0n : divRound(full * v, best));
    } else {
      rankInto(b as Extract<BodySpec, { kind: "ranked" }>, full, vals, res);
    }
    cross.set(rc.rule, res);
  }
  /** Competition ranking (1, 1, 3): 每后退一位 from `full`, or the 依次 table (then 其余, else 0). */
  function rankInto(b: Extract<BodySpec, { kind: "ranked" }>, full: Raw, vals: (readonly [Unit, Raw])[], res: Map<Unit, Raw>): void {
    for (const [u, v] of vals) {
      const rank = 1n + BigInt(vals.filter(([, w]) => (b.lowerIsBetter ? w < v : w > v)).length);
      if (b.table) res.set(u, rank <= BigInt(b.table.length) ? b.table[Number(rank) - 1]! : (b.rest ?? 0n));
      else {
        const lost = b.step * (rank - 1n);
        res.set(u, lost >= full ? 0n : full - lost);
      }
    }
  }
  /** Rankings by a computed score (an indicator's, or the total before bonuses), on first use. */
  const computedRanks = new Map<RuleSpec, Map<Unit, Raw>>();
  const computedRank = (r: RuleSpec): Map<Unit, Raw> => {
    let res = computedRanks.get(r);
    if (res) return res;
    const rc = rules.find((x) => x.rule === r)!;
    const b = r.body as Extract<BodySpec, { kind: "ranked" }>;
    const target = b.by!.kind === "indicator" ? cat.indicators.find((i) => i.name === (b.by as { name: string }).name)! : undefined;
    const vals: (readonly [Unit, Raw])[] = [];
    for (const u of us) {
      if (!applies(rc, u) || (target && !hasAny(u, target.appliesTo))) continue;
      const out: IndOut = { S: new Map(), K: new Map(), E: new Map(), vetoes: [], notApplicable: new Set() };
      if (target) {
        evalIndicator(target, u, false, out);
        vals.push([u, out.S.get(target)!]);
      } else {
        let v = 0n;
        for (const ind of cat.indicators) {
          evalIndicator(ind, u, false, out);
          v += out.S.get(ind)! - out.K.get(ind)!;
        }
        vals.push([u, v]);
      }
    }
    res = new Map();
    rankInto(b, b.max ?? pts.get(rc.path[rc.path.length - 1]!) ?? 0n, vals, res);
    computedRanks.set(r, res);
    return res;
  };

  const classAmount = (u: Unit, amount: Raw, overrides: { cls: string; amount: Raw }[]) => {
    for (const o of overrides) if (u.classes.has(o.cls)) return o.amount;
    return amount;
  };
  const multiply = (r: RuleSpec, u: Unit, v: Raw): Raw => {
    for (const m of r.multipliers) {
      if (!flag(u, `${r.name}.${m.flag}`).on) continue;
      v = m.factor === "double" ? v * 2n : divRound(v, 2n);
    }
    return v;
  };
  /**
   * A rule's deduction or award for a unit (0 when it does not apply).  `zero`: it ended in 不得分,
   * which takes the indicator's whole points and is neither multiplied nor capped.
   */
  const ruleResult = (r: RuleSpec, u: Unit, P: Raw, vetoes: RefResult["vetoes"]): { v: Raw; zero: boolean } => {
    let zero = false;
    const outcomeAmount = (o: Outcome, P: Raw) => {
      if (o.kind !== "zero") return o.amount;
      zero = true;
      return P;
    };
    if (!hasAny(u, r.appliesTo)) return { v: 0n, zero };
    const b = r.body;
    let v = 0n;
    switch (b.kind) {
      case "per": {
        const amt = classAmount(u, b.amount, b.overrides);
        if (b.units.length === 1 && r.occurrences?.length) {
          // 其中 「已查结」 减半: each condition's occurrences at amt × factor, rounded once; the rest at amt
          let rest = count(u, r.name).n;
          for (const o of r.occurrences) {
            const m = count(u, `${r.name}.${o.condition}`).n;
            rest -= m;
            v += divRound(amt * m * o.factor, SCALE);
          }
          v += amt * rest;
        } else if (b.units.length === 1) v = amt * count(u, r.name).n;
        else {
          const items = u.facts.get(r.name);
          if (items && items.t === "items") v = amt * BigInt(items.items.reduce((a, [, n]) => a + n, 0));
          else v = b.units.reduce((acc, w) => acc * count(u, `${r.name}.${nounOf(w)}`).n, amt);
        }
        break;
      }
      case "categories":
        for (const c of b.categories) {
          let rest = count(u, `${r.name}.${c.name}`).n;
          for (const o of r.occurrences ?? []) {
            const m = count(u, `${r.name}.${o.condition}.${c.name}`).n;
            rest -= m;
            v += divRound(c.amount * m * o.factor, SCALE);
          }
          v += c.amount * rest;
        }
        break;
      case "once":
        if (b.otherwise) {
          // 否则: yes → the award, no → the deduction (negative; booked by the indicator or section)
          v = flag(u, r.name).on ? classAmount(u, b.amount, b.overrides) : -b.otherwise.amount;
        } else if (b.action === "award") {
          const f = u.facts.get(r.name);
          const given = !f || f.t !== "award" ? 0n : f.v === "yes" ? awardFactMax(b) : f.v === "no" ? 0n : f.v;
          v = min(given, classAmount(u, b.amount, b.overrides));
        } else if (flag(u, r.name).on) v = classAmount(u, b.amount, b.overrides);
        break;
      case "zero":
        if (flag(u, r.name).on) v = outcomeAmount({ kind: "zero" }, P);
        break;
      case "veto":
        if (flag(u, r.name).on) vetoes.push({ rule: r.name, level: b.level });
        return { v: 0n, zero };
      case "bands": {
        const x = value(u, r.name);
        if (x === null) v = b.missing ? outcomeAmount(b.missing, P) : 0n;
        else {
          const hit = b.bands.find(
            (band) =>
              (band.lower === undefined || (band.lowerInclusive ? x >= band.lower : x > band.lower)) &&
              (band.upper === undefined || (band.upperInclusive ? x <= band.upper : x < band.upper)),
          );
          v = hit ? outcomeAmount(hit.outcome, P) : 0n;
          const st = hit?.steps;
          if (hit && st && hit.outcome.kind !== "zero") {
            // from the band's bound, per step: an award decreases (below 0 it is a deduction), a deduction grows
            const diff = st.direction === "below" ? hit.upper! - x : x - hit.lower!;
            let w = 0n;
            if (diff > 0n) {
              const mode = st.mode ?? "proportional";
              if (mode === "proportional") w = divRound(diff * st.amount, st.step);
              else if (mode === "round") w = st.amount * divRound(diff, st.step);
              else {
                const whole = diff / st.step;
                w = st.amount * (mode === "ceil" && whole * st.step !== diff ? whole + 1n : whole);
              }
            }
            v = hit.outcome.kind === "award" ? v - w : v + w;
          }
        }
        break;
      }
      case "linear": {
        const given = value(u, r.name);
        if (given === null && b.action === "award" && !b.other) return { v: 0n, zero }; // 加分项: not claimed
        const x = given ?? 0n;
        const B = b.baseFrom === "target" ? (value(u, `${r.name}.目标值`) ?? 0n) : b.baseFrom ? baseOf.get(r)! : b.base.raw;
        const c = b.cutoff;
        const sides = [{ direction: b.direction, step: b.step.raw, amount: b.amount, mode: b.mode ?? "proportional", action: b.action ?? "deduct", cap: b.sideCap }];
        if (b.other) sides.push({ direction: b.other.direction, step: b.other.step.raw, amount: b.other.amount, mode: b.other.mode ?? "proportional", action: b.other.action, cap: b.other.cap });
        if (c && (c.direction === "below" ? x < c.value.raw : x > c.value.raw)) {
          v = outcomeAmount(c.outcome, P);
          if (b.other) return { v: -v, zero };
        } else {
          for (const side of sides) {
            const diff = side.direction === "below" ? B - x : x - B;
            if (diff <= 0n) continue;
            let w: bigint;
            if (side.mode === "proportional") w = divRound(diff * side.amount, side.step);
            else if (side.mode === "round") w = side.amount * divRound(diff, side.step);
            else {
              const whole = diff / side.step;
              const steps = side.mode === "ceil" && whole * side.step !== diff ? whole + 1n : whole;
              w = side.amount * steps;
            }
            if (b.other) {
              if (side.cap !== undefined && w > side.cap) w = side.cap;
              return { v: side.action === "award" ? w : -w, zero };
            }
            v = w;
          }
        }
        break;
      }
      case "shortfall": {
        const x = value(u, r.name) ?? 0n;
        if (x < b.target) v = b.amount * ((b.target - x) / b.step);
        break;
      }
      case "assessed":
        v = value(u, r.name) ?? 0n;
        if (b.scale !== undefined) v = divRound(v * (b.max ?? P), b.scale);
        break;
      case "rated": {
        const f = u.facts.get(r.name);
        const o = f && f.t === "outcome" ? b.outcomes.find((x) => x.name === f.v) : undefined;
        if (o) v = o.full ? P : o.pct !== undefined ? divRound(P * o.pct, 100n * SCALE) : o.amount!;
        break;
      }
      case "rate":
        v = divRound((b.max ?? P) * (value(u, r.name) ?? 0n), 100n * SCALE);
        break;
      case "proportional":
      case "ranked":
        v = (b.kind === "ranked" && b.by ? computedRank(r) : cross.get(r)!).get(u) ?? 0n;
        break;
      case "discretion": {
        const f = u.facts.get(r.name);
        if (b.unit !== undefined) v = f && f.t === "amounts" ? f.v.reduce((a, x) => a + x, 0n) : 0n;
        else v = f && f.t === "amount" ? f.v : 0n;
        break;
      }
      case "committee": {
        const f = u.facts.get(r.name);
        v = f && f.t === "amount" ? f.v : 0n;
        break;
      }
    }
    const cancelled = (r.waivers ?? []).some((w) => w.mode === "cancel" && flag(u, `${r.name}.${w.flag}`).on);
    if (zero) return cancelled ? { v: 0n, zero: false } : { v, zero };
    if (v === 0n) return { v, zero };
    if (r.average) v = "fact" in r.average ? divRound(v * SCALE, value(u, r.average.fact)!) : divRound(v, BigInt(r.average.value));
    v = multiply(r, u, v);
    if (r.cap !== undefined && v > r.cap) v = r.cap;
    // 免扣 and 可减免 after the cap, in the order written
    for (const w of r.waivers ?? []) {
      if (w.mode === "cancel") {
        if (flag(u, `${r.name}.${w.flag}`).on) v = 0n;
      } else {
        const f = u.facts.get(`${r.name}.${w.flag}`);
        if (f && f.t === "amount") v -= f.v;
      }
    }
    return { v, zero };
  };
  const ruleValue = (r: RuleSpec, u: Unit, P: Raw, vetoes: RefResult["vetoes"]): Raw => ruleResult(r, u, P, vetoes).v;

  /** 就高: per incident only the largest amount counts; occurrences without an id all count. */
  const highestValue = (rs: RuleSpec[], u: Unit): Raw => {
    let anon = 0n;
    const best = new Map<string, Raw>();
    const add = (id: string | undefined, a: Raw) => {
      if (id === undefined) anon += a;
      else best.set(id, max(best.get(id) ?? 0n, a));
    };
    for (const r of rs) {
      if (!hasAny(u, r.appliesTo)) continue;
      const b = r.body as Extract<BodySpec, { kind: "per" | "once" | "categories" }>;
      if (b.kind === "per") {
        const amt = multiply(r, u, classAmount(u, b.amount, b.overrides));
        const c = count(u, r.name);
        if (c.ids) for (const id of c.ids) add(id, amt);
        else add(undefined, amt * c.n);
      } else if (b.kind === "once") {
        const f = flag(u, r.name);
        if (f.on) add(f.id, multiply(r, u, classAmount(u, b.amount, b.overrides)));
      } else {
        for (const cat of b.categories) {
          const amt = multiply(r, u, cat.amount);
          const c = count(u, `${r.name}.${cat.name}`);
          if (c.ids) for (const id of c.ids) add(id, amt);
          else add(undefined, amt * c.n);
        }
      }
    }
    let d = anon;
    for (const a of best.values()) d += a;
    return d;
  };

  // ---- 参照 to a pool
  const parents = new Map<IndSpec, IndSpec>();
  const walkParents = (ind: IndSpec) => {
    for (const item of ind.items)
      if (item.type === "indicator") {
        parents.set(item, ind);
        walkParents(item);
      }
  };
  cat.indicators.forEach(walkParents);
  const chain = (ind: IndSpec): IndSpec[] => {
    const out: IndSpec[] = [];
    for (let i: IndSpec | undefined = ind; i; i = parents.get(i)) out.push(i);
    return out;
  };
  /** The indicator (and those above it) apply to the unit. */
  const chainApplies = (u: Unit, ind: IndSpec) => chain(ind).every((i) => hasAny(u, i.appliesTo));
  const takesPool = (u: Unit, ind: IndSpec) => {
    const t = ind.pool!.taker;
    return "cls" in t ? u.classes.has(t.cls) : flag(u, `${ind.name}.未涉及`).on;
  };
  /** Whether the unit takes any 参照 written on this indicator (where it applies). */
  const takesAnyAt = (u: Unit, ind: IndSpec) =>
    chainApplies(u, ind) && ((ind.refer !== undefined && u.classes.has(ind.refer.unitClass)) || (ind.pool !== undefined && takesPool(u, ind)));
  const poolOf = (u: Unit, ind: IndSpec): Unit[] => {
    const p = ind.pool!;
    return us.filter((v) => {
      if (v === u || !chainApplies(v, ind) || chain(ind).some((i) => takesAnyAt(v, i))) return false;
      if (p.pool === "class") return v.classes.has(p.poolClass!);
      if (p.pool === "same") return cat.classes.every((k) => v.classes.has(k) === u.classes.has(k));
      return true;
    });
  };
  const aggregate = (list: Raw[], agg: "average" | "max" | "min"): Raw => {
    if (list.length === 0) return 0n;
    if (agg === "max") return list.reduce(max);
    if (agg === "min") return list.reduce(min);
    return divRound(list.reduce((a, b) => a + b, 0n), BigInt(list.length));
  };

  const subtree = (ind: IndSpec): IndSpec[] => [ind, ...ind.items.flatMap((i) => (i.type === "indicator" ? subtree(i) : []))];

  interface IndOut {
    S: Map<IndSpec, Raw>;
    K: Map<IndSpec, Raw>;
    /** The part of S above the indicator's points (two-sided linear awards). */
    E: Map<IndSpec, Raw>;
    vetoes: RefResult["vetoes"];
    notApplicable: Set<IndSpec>;
  }
  const evalIndicator = (ind: IndSpec, u: Unit, ref: boolean, out: IndOut): void => {
    const P = unitPoints(ind, u, pts);
    if (!hasAny(u, ind.appliesTo)) {
      for (const x of subtree(ind)) {
        out.S.set(x, unitPoints(x, u, pts));
        out.K.set(x, 0n);
        out.E.set(x, 0n);
        if (x !== ind) out.notApplicable.add(x);
      }
      return;
    }
    if (ind.refer && u.classes.has(ind.refer.unitClass) && !ref) {
      const other = byName.get(ind.refer.unit)!;
      const tmp: IndOut = { S: new Map(), K: new Map(), E: new Map(), vetoes: [], notApplicable: new Set() };
      evalIndicator(ind, other, true, tmp);
      for (const x of subtree(ind)) {
        out.S.set(x, tmp.S.get(x)!);
        out.K.set(x, tmp.K.get(x)!);
        out.E.set(x, tmp.E.get(x)!);
      }
      for (const x of tmp.notApplicable) out.notApplicable.add(x);
      return; // the referenced unit's vetoes are its own
    }
    if (ind.pool && takesPool(u, ind) && !ref) {
      // the pool: units the indicator applies to that take no 参照 here or above; each scored as usual
      const pool = poolOf(u, ind);
      const runs = pool.map((v) => {
        const tmp: IndOut = { S: new Map(), K: new Map(), E: new Map(), vetoes: [], notApplicable: new Set() };
        evalIndicator(ind, v, false, tmp);
        return tmp.S;
      });
      for (const x of subtree(ind)) {
        const list = runs.map((S) => S.get(x)!);
        out.S.set(x, aggregate(list, ind.pool.agg));
        out.K.set(x, 0n);
      }
      return;
    }
    let pos = 0n;
    let d = 0n;
    let o = 0n;
    let e = 0n; // two-sided linear awards: added above the points after the clamp
    let positive = false;
    let zeroHit = false; // one of its own rules ended in 不得分: the indicator scores 0
    for (const item of ind.items) {
      if (item.type === "indicator") {
        evalIndicator(item, u, ref, out);
        pos += out.S.get(item)! - (out.E.get(item) ?? 0n);
        e += (out.E.get(item) ?? 0n);
        o += out.K.get(item)!;
        positive = true;
      } else if (item.type === "rule") {
        const { v, zero } = ruleResult(item, u, P, out.vetoes);
        if (zero) zeroHit = true;
        if (item.body.kind === "veto") continue;
        if (item.body.kind === "once" && item.body.otherwise && v < 0n) {
          if (item.body.otherwise.overdraft) o -= v;
          else d -= v;
          positive = true;
        } else if (item.body.kind === "bands" && v < 0n) {
          d -= v; // an award band gone below 0 per step: a deduction from the item
          positive = true;
        } else if (isTwoSided(item.body)) {
          if (v < 0n) d -= v;
          else e += v;
        } else if (isAwardBody(item.body)) {
          pos += v;
          positive = true;
        } else if (item.overdraft) o += v;
        else d += v;
      } else if (item.type === "group" && item.kind === "choice") {
        // 择一: the alternatives score as separate rules (the facts let only one happen)
        for (const r of item.rules) {
          const { v, zero } = ruleResult(r, u, P, out.vetoes);
          if (zero) zeroHit = true;
          if (r.body.kind === "veto") continue;
          if (isAwardBody(r.body)) {
            pos += v;
            positive = true;
          } else if (r.overdraft) o += v;
          else d += v;
        }
      } else if (item.type === "group") {
        // 不得分 inside 合计 is not limited by the group's cap.
        let g = 0n;
        let whole = 0n;
        if (item.kind === "cap")
          for (const r of item.rules) {
            const x = ruleResult(r, u, P, out.vetoes);
            if (x.zero) {
              whole += x.v;
              zeroHit = true;
            } else g += x.v;
          }
        else g = highestValue(item.rules, u);
        if (item.cap !== undefined && g > item.cap) g = item.cap;
        d += g + whole;
      }
    }
    let s = (positive ? pos : P) - d;
    if (s < 0n) s = 0n;
    if (positive && s > P) s = P;
    if (zeroHit) {
      s = 0n;
      e = 0n;
    }
    s += e;
    s -= o;
    let k = 0n;
    if (s < 0n) {
      k = -s;
      s = 0n;
    }
    out.S.set(ind, s);
    out.K.set(ind, k);
    out.E.set(ind, s < e ? s : e);
  };

  const sectionValue = (sec: SectionSpec, u: Unit, vetoes: RefResult["vetoes"]): Raw => {
    let v = 0n;
    let m = 0n; // 否则 deductions: from the total, outside the cap
    for (const r of sec.rules) {
      const x = ruleValue(r, u, 0n, vetoes);
      if (x < 0n) m -= x;
      else v += x;
    }
    for (const g of sec.groups ?? []) {
      if (g.kind === "choice") for (const r of g.rules) v += ruleValue(r, u, 0n, vetoes);
      else {
        // 就高: per item only the largest award (or deduction) counts
        let h = highestValue(g.rules, u);
        if (g.cap !== undefined && h > g.cap) h = g.cap;
        v += h;
      }
    }
    if (sec.cap !== undefined && v > sec.cap) v = sec.cap;
    return v - m;
  };

  const places = cat.rounding;
  const runs = us.map((u) => {
    const out: IndOut = { S: new Map(), K: new Map(), E: new Map(), vetoes: [], notApplicable: new Set() };
    let base = 0n;
    let carry = 0n;
    for (const ind of cat.indicators) {
      evalIndicator(ind, u, false, out);
      base += out.S.get(ind)!;
      carry += out.K.get(ind)!;
    }
    let bonus = 0n;
    let penalty = 0n;
    for (const sec of cat.sections) {
      if (sec.kind === "bonus") bonus += sectionValue(sec, u, out.vetoes);
      else penalty += sectionValue(sec, u, out.vetoes);
    }
    const unscaled = base - carry + bonus - penalty;
    const from = cat.indicators.reduce((a, ind) => a + pts.get(ind)!, 0n);
    const total = cat.rescale && cat.total !== undefined && from > 0n ? divRound(unscaled * cat.total, from) : unscaled;
    const rounded = places === undefined || places >= 6 ? total : divRound(total, 10n ** BigInt(6 - places)) * 10n ** BigInt(6 - places);
    const scores = new Map<string, Raw>();
    for (const [ind, s] of out.S) scores.set(ids.get(ind)!, s);
    const notApplicableBelow = new Set([...out.notApplicable].map((x) => ids.get(x)!));
    return { unit: u.name, total, rounded, rank: 0, grade: null as string | null, scores, notApplicableBelow, bonus, penalty, vetoes: out.vetoes };
  });

  // ---- ranks (competition ranking; ties ordered by name for output) and grades
  const order = [...runs].sort((a, b) => (a.rounded > b.rounded ? -1 : a.rounded < b.rounded ? 1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  order.forEach((r, i) => {
    r.rank = i > 0 && order[i - 1]!.rounded === r.rounded ? order[i - 1]!.rank : i + 1;
  });
  const n = BigInt(runs.length);
  for (const r of runs) r.grade = gradeOf(cat, r, n);
  return order;
}

function gradeOf(cat: CatSpec, r: { rounded: Raw; rank: number; vetoes: RefResult["vetoes"] }, count: bigint): string | null {
  const gs = cat.grades;
  if (gs.length === 0) return null;
  if (r.vetoes.some((v) => v.level === "fail")) return gs[gs.length - 1]!.name;
  const noTop = r.vetoes.some((v) => v.level === "noExcellent");
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i]!;
    if (i === 0 && noTop && gs.length > 1) continue;
    if (g.otherwise) return g.name;
    const ok = g.conditions.every((c) => {
      if (c.kind === "score") return c.op === "≥" ? r.rounded >= c.value : r.rounded > c.value;
      // 前 N 名: rank ≤ N; 前 p%: rank ≤ count × p / 100 (exact: rank × 100 × 10^6 ≤ count × p_raw).
      if (c.percent) return BigInt(r.rank) * 100n * SCALE <= count * c.value;
      return BigInt(r.rank) * SCALE <= c.value;
    });
    if (ok) return g.name;
  }
  return null;
}

/** A raw total as the module prints it: exact, or with exactly `places` decimals when 舍入 is set. */
export function formatTotal(r: Raw, places: number | undefined): string {
  const s = dec(r);
  if (places === undefined || places <= 0) return s;
  const dot = s.indexOf(".");
  const have = dot < 0 ? 0 : s.length - dot - 1;
  return (dot < 0 ? s + "." : s) + "0".repeat(Math.max(0, places - have));
}

export { emptyPools } from "./kp-gen.js";
