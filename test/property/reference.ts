/**
 * An independent reference scorer for generated catalogues: exact BigInt arithmetic over the typed
 * description (kp-gen.ts), written from PRODUCT.md and the documented semantics — it shares no code
 * with core's runtime or emitter.
 *
 * Semantics, in brief (millionths of a point, exact; the only rounding is half away from zero at the
 * sixth decimal for divisions — 按比例 steps, 按比率, 按最高比例, 减半 — and at the catalogue's 舍入 for totals):
 * - a rule gives a deduction or an award; 加倍/减半 apply, then the rule's 上限;
 * - 合计 caps the sum of its rules; 就高 counts each incident once at its largest amount;
 * - an indicator starts from its points (leaf without award rules) or from the sum of its children and
 *   awards, subtracts its deductions, stays within [0, points] — and is 0 when one of its own rules
 *   ended in 不得分 (whatever its awards); 倒扣 deductions go below 0 and the
 *   excess is taken from the parent (and from the total at the top);
 * - an indicator that does not apply to a unit scores its full points; 参照 takes the indicator's
 *   result of another unit;
 * - total = Σ top indicators − carried 倒扣 + bonus (capped) − penalty (capped), rounded per 舍入;
 * - ranks: competition ranking on the rounded total (1, 1, 3); grades: the first grade whose
 *   conditions all hold, 一票否决 → the last grade, 一票否优 → never the first.
 */
import { SCALE, dec, allRules, awardFactMax, nounOf, isAwardBody, type BodySpec, type CatSpec, type FactValue, type IndSpec, type Outcome, type RuleSpec, type SectionSpec, type UnitSpec, type Raw, type RuleCtx } from "./kp-gen.js";

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
  else if (b.kind === "bands") {
    m = 0n;
    for (const x of b.bands) if (x.outcome.kind === "award") m = max(m, x.outcome.amount);
    if (b.missing?.kind === "award") m = max(m, b.missing.amount);
  } else if (b.kind === "assessed" || b.kind === "rate" || b.kind === "proportional" || b.kind === "ranked") m = b.max ?? P;
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
    for (const item of ind.items) if (item.type === "rule") sum += maxAwardOf(item, undefined) ?? 0n;
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
  for (const rc of rules) {
    const b = rc.rule.body;
    if (b.kind !== "proportional" && b.kind !== "ranked") continue;
    const full = b.max ?? pts.get(rc.path[rc.path.length - 1]!)!;
    const vals = us.filter((u) => applies(rc, u)).map((u) => [u, value(u, rc.rule.name) ?? 0n] as const);
    const res = new Map<Unit, Raw>();
    if (b.kind === "proportional") {
      const best = vals.reduce((m, [, v]) => max(m, v), 0n);
      for (const [u, v] of vals) res.set(u, best === 0n ? 0n : divRound(full * v, best));
    } else {
      const { lowerIsBetter, step } = b as Extract<BodySpec, { kind: "ranked" }>;
      for (const [u, v] of vals) {
        const rank = 1n + BigInt(vals.filter(([, w]) => (lowerIsBetter ? w < v : w > v)).length);
        const lost = step * (rank - 1n);
        res.set(u, lost >= full ? 0n : full - lost);
      }
    }
    cross.set(rc.rule, res);
  }

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
        if (b.action === "award") {
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
        }
        break;
      }
      case "linear": {
        const x = value(u, r.name) ?? 0n;
        const c = b.cutoff;
        if (c && (c.direction === "below" ? x < c.value.raw : x > c.value.raw)) v = outcomeAmount(c.outcome, P);
        else {
          const diff = b.direction === "below" ? b.base.raw - x : x - b.base.raw;
          if (diff > 0n) {
            const mode = b.mode ?? "proportional";
            if (mode === "proportional") v = divRound(diff * b.amount, b.step.raw);
            else {
              const whole = diff / b.step.raw;
              const steps = mode === "ceil" && whole * b.step.raw !== diff ? whole + 1n : whole;
              v = b.amount * steps;
            }
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
        break;
      case "rate":
        v = divRound((b.max ?? P) * (value(u, r.name) ?? 0n), 100n * SCALE);
        break;
      case "proportional":
      case "ranked":
        v = cross.get(r)!.get(u) ?? 0n;
        break;
      case "discretion": {
        const f = u.facts.get(r.name);
        v = f && f.t === "amount" ? f.v : 0n;
        break;
      }
    }
    if (v === 0n || zero) return { v, zero };
    if (r.average) v = "fact" in r.average ? divRound(v * SCALE, value(u, r.average.fact)!) : divRound(v, BigInt(r.average.value));
    v = multiply(r, u, v);
    if (r.cap !== undefined && v > r.cap) v = r.cap;
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

  const subtree = (ind: IndSpec): IndSpec[] => [ind, ...ind.items.flatMap((i) => (i.type === "indicator" ? subtree(i) : []))];

  interface IndOut {
    S: Map<IndSpec, Raw>;
    K: Map<IndSpec, Raw>;
    vetoes: RefResult["vetoes"];
    notApplicable: Set<IndSpec>;
  }
  const evalIndicator = (ind: IndSpec, u: Unit, ref: boolean, out: IndOut): void => {
    const P = pts.get(ind)!;
    if (!hasAny(u, ind.appliesTo)) {
      for (const x of subtree(ind)) {
        out.S.set(x, pts.get(x)!);
        out.K.set(x, 0n);
        if (x !== ind) out.notApplicable.add(x);
      }
      return;
    }
    if (ind.refer && u.classes.has(ind.refer.unitClass) && !ref) {
      const other = byName.get(ind.refer.unit)!;
      const tmp: IndOut = { S: new Map(), K: new Map(), vetoes: [], notApplicable: new Set() };
      evalIndicator(ind, other, true, tmp);
      for (const x of subtree(ind)) {
        out.S.set(x, tmp.S.get(x)!);
        out.K.set(x, tmp.K.get(x)!);
      }
      for (const x of tmp.notApplicable) out.notApplicable.add(x);
      return; // the referenced unit's vetoes are its own
    }
    let pos = 0n;
    let d = 0n;
    let o = 0n;
    let positive = false;
    let zeroHit = false; // one of its own rules ended in 不得分: the indicator scores 0
    for (const item of ind.items) {
      if (item.type === "indicator") {
        evalIndicator(item, u, ref, out);
        pos += out.S.get(item)!;
        o += out.K.get(item)!;
        positive = true;
      } else if (item.type === "rule") {
        const { v, zero } = ruleResult(item, u, P, out.vetoes);
        if (zero) zeroHit = true;
        if (item.body.kind === "veto") continue;
        if (isAwardBody(item.body)) {
          pos += v;
          positive = true;
        } else if (item.overdraft) o += v;
        else d += v;
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
    if (zeroHit) s = 0n;
    s -= o;
    let k = 0n;
    if (s < 0n) {
      k = -s;
      s = 0n;
    }
    out.S.set(ind, s);
    out.K.set(ind, k);
  };

  const sectionValue = (sec: SectionSpec, u: Unit, vetoes: RefResult["vetoes"]): Raw => {
    let v = 0n;
    for (const r of sec.rules) v += ruleValue(r, u, 0n, vetoes);
    if (sec.cap !== undefined && v > sec.cap) v = sec.cap;
    return v;
  };

  const places = cat.rounding;
  const runs = us.map((u) => {
    const out: IndOut = { S: new Map(), K: new Map(), vetoes: [], notApplicable: new Set() };
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
    const total = base - carry + bonus - penalty;
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
