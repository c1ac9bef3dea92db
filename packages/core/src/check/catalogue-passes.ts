/**
 * The checker's passes over the whole catalogue, run on every check after the items are modelled
 * (checker.ts; the items an edit did not touch come from item-cache.ts): duplicate rule names,
 * rankings by an indicator's score and their cycles, fact keys that name rules or clash with 未涉及.
 */
import type { DiagnosticExtra, MessageCode } from "../diagnostics.js";
import type * as M from "../model.js";
import { nameKey } from "../text/names.js";
import type { Span } from "../text/position.js";

/** What the passes read and write of the check in progress. */
export interface CatalogueContext {
  cat: M.Catalogue;
  /** Rules by the {@link nameKey} of their names (the first of a name), filled by {@link duplicateRules}. */
  ruleByName: Map<string, M.RuleModel>;
  /** Indicators and sections whose points are not derived (an error is reported there already). */
  unchecked: Set<M.IndicatorModel | M.SectionModel>;
  report(file: string, code: MessageCode, span: Span, args?: (string | number)[], extra?: Omit<DiagnosticExtra, "file">): void;
}

/** The {@link nameKey}s of a rule's name and of its facts' keys (in the order of `facts`). */
export interface RuleKeys {
  name: string;
  facts: string[];
}

/**
 * Keys computed once per rule model: the passes below run on every check, over every rule, and the
 * editor's incremental check keeps the models of the items an edit did not touch, so a keystroke
 * computes the keys of the edited item's rules only.  A model's name never changes; its facts are
 * set when its item is finished (after {@link duplicateRules}), so the keys remember the list they
 * were computed from.
 */
const keysOfRule = new WeakMap<M.RuleModel, RuleKeys & { of: readonly M.FactKey[] }>();

/** A rule's name and fact keys by {@link nameKey} (see {@link keysOfRule}). */
export function ruleKeys(r: M.RuleModel): RuleKeys {
  let k = keysOfRule.get(r);
  if (!k) keysOfRule.set(r, (k = { name: nameKey(r.name), facts: r.facts.map((f) => nameKey(f.key)), of: r.facts }));
  else if (k.of !== r.facts || k.facts.length !== r.facts.length) {
    k.facts = r.facts.map((f) => nameKey(f.key));
    k.of = r.facts;
  }
  return k;
}

/** KP2002: a rule name used before (the first rule of a name is the one others refer to). */
export function duplicateRules(ctx: CatalogueContext): void {
  for (const rule of ctx.cat.rules) {
    const key = ruleKeys(rule).name;
    const prev = ctx.ruleByName.get(key);
    if (!prev) {
      ctx.ruleByName.set(key, rule);
      continue;
    }
    ctx.report(rule.file, "KP2002", rule.node.name!.span, [rule.name], {
      related: [{ file: prev.file, span: prev.node.name!.span, message: `「${prev.name}」首次定义在这里` }],
    });
  }
}

/** KP2030: a fact key of a rule that is another rule's name. */
export function factKeysNamingRules(ctx: CatalogueContext): void {
  const visit = (rules: readonly M.RuleModel[]) => {
    for (const r of rules) {
      const keys = ruleKeys(r);
      for (let i = 0; i < r.facts.length; i++) {
        const key = keys.facts[i]!;
        if (key === keys.name) continue;
        const other = ctx.ruleByName.get(key);
        if (other && other !== r) ctx.report(r.file, "KP2030", r.node.name!.span, [r.facts[i]!.key, r.name]);
      }
    }
  };
  const walk = (ind: M.IndicatorModel) => {
    visit(ind.rules);
    ind.children.forEach(walk);
  };
  ctx.cat.indicators.forEach(walk);
  for (const s of [...ctx.cat.bonuses, ...ctx.cat.penalties]) visit(s.rules);
}

/** Every indicator, depth first. */
export function allIndicators(cat: M.Catalogue): M.IndicatorModel[] {
  const out: M.IndicatorModel[] = [];
  const walk = (i: M.IndicatorModel) => {
    out.push(i);
    i.children.forEach(walk);
  };
  cat.indicators.forEach(walk);
  return out;
}

/** Resolves 按 「指标」 得分 排名 to its indicator (KP2073 none, KP2074 several). */
export function resolveRanks(ctx: CatalogueContext): void {
  // Indicators by name, made when the first ranking by an indicator is found (most catalogues have none).
  let byName: Map<string, M.IndicatorModel[]> | undefined;
  const named = (key: string): M.IndicatorModel[] => {
    if (!byName) {
      byName = new Map();
      for (const i of allIndicators(ctx.cat)) {
        const k = nameKey(i.name);
        byName.set(k, [...(byName.get(k) ?? []), i]);
      }
    }
    return byName.get(key) ?? [];
  };
  const dropped = new Set<M.RuleModel>();
  for (const r of ctx.cat.rules) {
    if (r.body.kind !== "ranked") continue;
    const n = r.node.body;
    if (n?.kind !== "Ranked" || n.by !== "indicator" || !n.indicator) continue;
    const found = named(nameKey(n.indicator.value));
    if (found.length === 1) {
      const target = found[0]!;
      let above = target.parent;
      while (above && above.refers.length === 0) above = above.parent;
      if (above) {
        ctx.report(r.file, "KP2079", n.indicator.span, [r.name, target.name, above.name]);
        dropped.add(r);
        continue;
      }
      r.body.by = { kind: "indicator", indicator: target };
      continue;
    }
    if (found.length === 0) ctx.report(r.file, "KP2073", n.indicator.span, [r.name, n.indicator.value]);
    else
      ctx.report(r.file, "KP2074", n.indicator.span, [r.name, n.indicator.value, found.length], {
        related: found.map((i) => ({ file: i.file, span: i.node.name?.span ?? i.node.span, message: `指标「${i.name}」（${i.id}）` })),
      });
    dropped.add(r);
  }
  if (dropped.size === 0) return;
  // a rule whose ranking cannot be resolved is left out of the model, like any rule with an error
  const keep = (list: M.RuleModel[]) => list.filter((r) => !dropped.has(r));
  ctx.cat.rules = keep(ctx.cat.rules);
  for (const r of dropped) {
    r.owner.rules = keep(r.owner.rules);
    if (r.group) r.group.rules = keep(r.group.rules);
    if (ctx.ruleByName.get(ruleKeys(r).name) === r) ctx.ruleByName.delete(ruleKeys(r).name);
    ctx.unchecked.add(r.owner);
  }
}

/**
 * A ranking by a computed score may not depend on itself (KP2071): the graph is indicator → its
 * children and the indicators its ranking rules rank by (总分: every first-level indicator).
 */
export function rankCycles(ctx: CatalogueContext): void {
  // Without a ranking by a computed score the graph is the indicator tree: no cycle (most catalogues).
  if (!ctx.cat.rules.some((r) => r.body.kind === "ranked" && (r.body.by.kind === "indicator" || r.body.by.kind === "total"))) return;
  const TOTAL = "总分";
  type Node = M.IndicatorModel | typeof TOTAL;
  type Edge = { to: Node; rule?: M.RuleModel };
  const edges = (n: Node): Edge[] => {
    if (n === TOTAL) return ctx.cat.indicators.map((to) => ({ to }));
    const out: Edge[] = n.children.map((to) => ({ to }));
    for (const r of n.rules) {
      if (r.body.kind !== "ranked") continue;
      if (r.body.by.kind === "indicator") out.push({ to: r.body.by.indicator, rule: r });
      else if (r.body.by.kind === "total") out.push({ to: TOTAL, rule: r });
    }
    return out;
  };
  const label = (n: Node) => (n === TOTAL ? "总分" : `指标「${n.name}」`);
  const state = new Map<Node, 1 | 2>();
  const stack: { node: Node; via?: Edge }[] = [];
  const reported = new Set<M.RuleModel>();
  const visit = (n: Node, via?: Edge) => {
    state.set(n, 1);
    stack.push(via ? { node: n, via } : { node: n });
    for (const e of edges(n)) {
      const s = state.get(e.to);
      if (s === 1) {
        const from = stack.findIndex((x) => x.node === e.to);
        const cycle = [...stack.slice(from + 1).map((x) => x.via!), e];
        const step = (x: Edge) => (x.to === TOTAL ? `规则「${x.rule!.name}」按总分排名 → 总分` : `规则「${x.rule!.name}」按「${x.to.name}」得分排名 → ${label(x.to)}`);
        const text = [label(e.to), ...cycle.map((x) => (x.rule ? step(x) : `含 ${label(x.to)}`))].join(" → ");
        const rule = cycle.find((x) => x.rule)?.rule;
        if (rule && !reported.has(rule)) {
          reported.add(rule);
          ctx.report(rule.file, "KP2071", rule.node.body!.span, [rule.name, text]);
        }
      } else if (s === undefined) visit(e.to, e);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const i of allIndicators(ctx.cat)) if (!state.has(i)) visit(i);
}

/** The 「指标名.未涉及」 fact may not be another fact's key (KP2078). */
export function notConcernedClashes(ctx: CatalogueContext): void {
  const flagged = allIndicators(ctx.cat).filter((i) => i.notConcerned);
  if (flagged.length === 0) return;
  // What a key names, described only when it clashes (most catalogues have thousands of keys).
  type Named = { rule: M.RuleModel; fact?: M.FactKey } | { indicator: M.IndicatorModel };
  const described = (n: Named) =>
    "indicator" in n ? `指标「${n.indicator.name}」（${n.indicator.id}）的「未涉及」事实名` : n.fact ? `规则「${n.rule.name}」的事实名「${n.fact.key}」` : `规则「${n.rule.name}」的事实名`;
  const keys = new Map<string, Named>();
  for (const r of ctx.cat.rules) {
    const k = ruleKeys(r);
    keys.set(k.name, { rule: r });
    r.facts.forEach((f, i) => keys.set(k.facts[i]!, { rule: r, fact: f }));
  }
  for (const i of flagged) {
    const k = nameKey(i.notConcerned!.key);
    const other = keys.get(k);
    if (other !== undefined) {
      const at = i.refers.find((r) => r.taker.kind === "flag")!.node;
      ctx.report(i.file, "KP2078", at.span, [i.name, i.notConcerned!.key, described(other)]);
    } else keys.set(k, { indicator: i });
  }
}
