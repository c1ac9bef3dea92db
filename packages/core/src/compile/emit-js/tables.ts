/**
 * The tables a module holds besides its functions: the exported catalogue (structure, points,
 * clauses), FACTS (the facts reader's specs), REFERS (参照, with who is in a pool printed from the IR's
 * conditions), and which units a rule or an indicator applies to.
 */
import type * as M from "../../model.js";
import type { FactSpec } from "../../runtime/facts.js";
import { poolMembership } from "../../ir/refer-pool.js";
import { jsValue, propertyKey } from "../js-literals.js";
import { fmt, type Ctx } from "./context.js";
import { JsNames, Printer } from "./from-ir.js";

export function catalogueMeta(cat: M.Catalogue): unknown {
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
 * REFERS: one entry per 参照, indicators in order, as the text of its table.  A one-unit 参照 of a
 * class keeps the entry it has always had ({ unitClass, unit, indicator, name }); the others say who
 * takes (flag: the 未涉及 fact's position) and from what pool (pool, poolClass, agg: for the
 * explanation and KP4050's message).  Who is in a pool is ir/refer-pool.ts's, the IR's own conditions
 * printed as predicates over a unit: `among` (a member), `part` (同类单位: a member has the taker's
 * values), `needs` (a unit taking this pooled score, which needs a member).
 */
export function referTable(ctx: Ctx, cat: M.Catalogue, all: M.IndicatorModel[]): { text: string; index: Map<M.ReferModel, number>; pools: boolean } {
  const entries: string[] = [];
  const index = new Map<M.ReferModel, number>();
  for (const ind of all) for (const r of ind.refers) index.set(r, index.size);
  const pools = [...index.keys()].some((r) => r.source.kind === "pool");
  const p = new Printer(ctx, new JsNames(), { best: "", sorted: "" });
  for (const ind of all) {
    for (const r of ind.refers) {
      const e: Record<string, unknown> = {};
      const code: [string, string][] = [];
      if (r.taker.kind === "class") e.unitClass = r.taker.unitClass;
      if (r.source.kind === "unit") e.unit = r.source.unit;
      e.indicator = ind.id;
      e.name = ind.name;
      if (r.taker.kind === "flag") e.flag = ctx.factIndex.get(r.taker.key);
      if (r.source.kind === "pool") {
        e.pool = r.source.pool;
        if (r.source.unitClass !== undefined) e.poolClass = r.source.unitClass;
        e.agg = r.source.aggregate;
        const m = poolMembership(p.names, cat.classes, ind, r);
        code.push(["among", `(Z) => ${p.test(m.among)}`]);
        if (m.part) code.push(["part", `(Z) => [${m.part.map((x) => p.expr(x)).join(", ")}]`]);
        code.push(["needs", `(Z) => ${p.test(m.needs)}`]);
      }
      entries.push(objectText(e, code, "  "));
    }
  }
  return { text: entries.length === 0 ? "[]" : `[\n${entries.map((x) => `  ${x}`).join(",\n")}\n]`, index, pools };
}

/** An object literal as jsValue lays it out, `code`'s properties (JavaScript text) after `data`'s. */
function objectText(data: Record<string, unknown>, code: readonly [string, string][], indent: string): string {
  const inner = indent + "  ";
  const props = [...Object.entries(data).filter(([, x]) => x !== undefined).map(([k, x]) => `${propertyKey(k)}: ${jsValue(x, inner)}`), ...code.map(([k, x]) => `${k}: ${x}`)];
  return props.length === 0 ? "{}" : `{\n${props.map((x) => inner + x).join(",\n")}\n${indent}}`;
}

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
