/**
 * Pairing the items of two versions: rules by name, then a renamed rule by its clause (the same
 * text, else the most similar one above a threshold); indicators and sections by name, then a
 * renamed one by its content (the rules and sub-indicators it holds).
 */
import type { IndicatorModel, RuleModel, SectionModel } from "../model.js";
import { nameKey } from "../text/names.js";
import { clauseProfile, profileSimilarity, type ClauseProfile } from "./similarity.js";
import type { MatchHow } from "./types.js";

/** Clauses at least this similar pair a renamed rule. */
export const CLAUSE_THRESHOLD = 0.6;
/** Indicators sharing at least this share of their content pair a renamed indicator. */
export const CONTENT_THRESHOLD = 0.5;
/** Above this many candidate pairs, renamed rules are paired by identical clauses only. */
const MAX_SIMILARITY_PAIRS = 1_000_000;

export interface Pair<T> {
  old: T;
  new: T;
  how: MatchHow;
  similarity?: number;
}

export interface Matching<T> {
  pairs: Pair<T>[];
  removed: T[];
  added: T[];
}

/** Pairs items with the same name (several with one name: in order). */
function byName<T>(olds: readonly T[], news: readonly T[], name: (t: T) => string): { pairs: Pair<T>[]; olds: T[]; news: T[] } {
  const waiting = new Map<string, T[]>();
  for (const o of olds) {
    const k = name(o);
    const list = waiting.get(k);
    if (list) list.push(o);
    else waiting.set(k, [o]);
  }
  const pairs: Pair<T>[] = [];
  const restNew: T[] = [];
  for (const n of news) {
    const o = waiting.get(name(n))?.shift();
    if (o !== undefined) pairs.push({ old: o, new: n, how: "name" });
    else restNew.push(n);
  }
  const paired = new Set(pairs.map((p) => p.old));
  return { pairs, olds: olds.filter((o) => !paired.has(o)), news: restNew };
}

/** Greedy best-first pairing of the rest by a score (ties: source order). */
function bySimilarity<T>(olds: T[], news: T[], score: (o: T, n: T) => number, threshold: number, how: (s: number) => MatchHow): Pair<T>[] {
  const cands: { o: number; n: number; s: number }[] = [];
  olds.forEach((o, i) =>
    news.forEach((n, j) => {
      const s = score(o, n);
      if (s >= threshold) cands.push({ o: i, n: j, s });
    }),
  );
  cands.sort((a, b) => b.s - a.s || a.n - b.n || a.o - b.o);
  const usedO = new Set<number>();
  const usedN = new Set<number>();
  const pairs: Pair<T>[] = [];
  for (const c of cands) {
    if (usedO.has(c.o) || usedN.has(c.n)) continue;
    usedO.add(c.o);
    usedN.add(c.n);
    pairs.push({ old: olds[c.o]!, new: news[c.n]!, how: how(c.s), similarity: Math.round(c.s * 100) / 100 });
  }
  return pairs;
}

function finish<T>(pairs: Pair<T>[], olds: readonly T[], news: readonly T[]): Matching<T> {
  const po = new Set(pairs.map((p) => p.old));
  const pn = new Set(pairs.map((p) => p.new));
  const order = new Map(news.map((n, i) => [n, i]));
  pairs.sort((a, b) => order.get(a.new)! - order.get(b.new)!);
  return { pairs, removed: olds.filter((o) => !po.has(o)), added: news.filter((n) => !pn.has(n)) };
}

/** Pairs the rules of two versions. */
export function matchRules(olds: readonly RuleModel[], news: readonly RuleModel[]): Matching<RuleModel> {
  const first = byName(olds, news, (r) => nameKey(r.name));
  const pairs = [...first.pairs];
  let restO = first.olds;
  let restN = first.news;
  // The same clause, renamed.
  const exact = byName(restO, restN, (r) => r.clause.replace(/\s+/g, ""));
  pairs.push(...exact.pairs.map((p) => ({ ...p, how: "clause" as const, similarity: 1 })));
  restO = exact.olds;
  restN = exact.news;
  if (restO.length * restN.length <= MAX_SIMILARITY_PAIRS) {
    const profiles = new Map<RuleModel, ClauseProfile>([...restO, ...restN].map((r) => [r, clauseProfile(r.clause)]));
    pairs.push(...bySimilarity(restO, restN, (o, n) => profileSimilarity(profiles.get(o)!, profiles.get(n)!), CLAUSE_THRESHOLD, () => "similar"));
  }
  return finish(pairs, olds, news);
}

/** An indicator or a bonus / penalty section: what holds rules. */
export type Container = IndicatorModel | SectionModel;

/** A container's identity across versions: sections by kind and name, indicators by name. */
function containerKey(c: Container): string {
  return `${c.kind}\u0000${nameKey(c.name)}`;
}

/**
 * Pairs indicators and sections.  `ruleNew` maps an old rule to its new counterpart, so that a
 * renamed indicator is recognised by the rules it still holds.
 */
export function matchContainers(olds: readonly Container[], news: readonly Container[], ruleNew: ReadonlyMap<RuleModel, RuleModel>): Matching<Container> {
  const first = byName(olds, news, containerKey);
  const content = (c: Container, map: (r: RuleModel) => RuleModel | undefined): Set<unknown> => {
    const s = new Set<unknown>(c.rules.map(map).filter((r) => r !== undefined));
    if (c.kind === "indicator") for (const ch of c.children) s.add(nameKey(ch.name));
    return s;
  };
  const score = (o: Container, n: Container): number => {
    if (o.kind !== n.kind) return 0;
    const a = content(o, (r) => ruleNew.get(r));
    const b = content(n, (r) => r);
    if (a.size === 0 || b.size === 0) return 0;
    let shared = 0;
    for (const x of a) if (b.has(x)) shared++;
    return shared / (a.size + b.size - shared);
  };
  const rest = bySimilarity(first.olds, first.news, score, CONTENT_THRESHOLD, () => "content");
  return finish([...first.pairs, ...rest], olds, news);
}
