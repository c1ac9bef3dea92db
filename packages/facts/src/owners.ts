/**
 * Who fills each fact: the evaluating departments (考评单位) of the indicator whose rule takes it (an
 * indicator inherits its parent's unless it names its own; core's checker resolves that), and the
 * path of indicator names down to it.  The first listed department owns the fact (kp template gives
 * it the column; kp facts check chases it); facts of rules in 加分/减分 sections or of indicators
 * without a department belong to {@link NO_DEPARTMENT}.
 */
import type { CatalogueMeta, IndicatorMeta } from "@kaoping/core";

/** The department of facts whose rule names none. */
export const NO_DEPARTMENT = "未指定考评单位";

/** A fact's owner. */
export interface FactOwner {
  /** The rule taking the fact (undefined for an indicator's 「未涉及」 flag). */
  rule?: string;
  /** Names from the top-level indicator (or 加分/减分 section) down to the rule's indicator. */
  path: string[];
  /** The departments the indicator names, first = the one that fills the fact; empty when none. */
  departments: string[];
}

/** The department that fills a fact. */
export const departmentOf = (o: FactOwner | undefined): string => o?.departments[0] ?? NO_DEPARTMENT;

/** Every fact key's owner. */
export function factOwners(cat: CatalogueMeta): Map<string, FactOwner> {
  const byRule = new Map<string, { path: string[]; departments: string[] }>();
  const out = new Map<string, FactOwner>();
  const walk = (list: readonly IndicatorMeta[], above: string[]) => {
    for (const i of list) {
      const path = [...above, i.name];
      for (const r of i.rules) byRule.set(r, { path, departments: i.departments });
      for (const f of i.facts ?? []) out.set(f, { path, departments: i.departments });
      walk(i.children, path);
    }
  };
  walk(cat.indicators, []);
  for (const s of [...cat.bonuses, ...cat.penalties]) for (const r of s.rules) byRule.set(r, { path: [s.name], departments: [] });
  for (const [name, r] of Object.entries(cat.rules)) {
    const o = byRule.get(name) ?? { path: [], departments: [] };
    for (const k of r.facts) if (!out.has(k)) out.set(k, { rule: name, ...o });
  }
  return out;
}
