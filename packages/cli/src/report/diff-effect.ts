/**
 * What a revision does to each unit: both versions scored on the same facts, each unit's totals,
 * ranks and grades side by side, and the rules and indicators whose points moved (from the explain
 * traces).  All arithmetic is on exact raw decimals (millionths), never binary floats.
 */
import { kpFormat, kpParse } from "@kaoping/core";
import type { DiffPoints, DiffUnit } from "@kaoping/report";
import type { IndicatorResult, UnitResult } from "../module.js";

/**
 * A rule's or an indicator's points for one unit in both versions (undefined: not in that version).
 * The type the diff page renders (a type import: the report package is not loaded for it).
 */
export type PointsChange = DiffPoints;

/**
 * One unit's scores in both versions: totals as shown (rounded as each version says), Δ, the leaf
 * indicators whose score changed and the rules whose deduction (negative) or award changed.
 */
export type UnitChange = DiffUnit;

const signed = (raw: number): string => (raw > 0 ? `+${kpFormat(raw)}` : kpFormat(raw));

/** Points each rule gave the unit: awards positive, deductions negative (from the trace). */
function rulePoints(r: UnitResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of r.trace ?? []) {
    if (t.rule === undefined || (t.kind !== "deduct" && t.kind !== "award")) continue;
    const v = kpParse(t.amount);
    out.set(t.rule, (out.get(t.rule) ?? 0) + (t.kind === "deduct" ? -v : v));
  }
  return out;
}

function leaves(list: readonly IndicatorResult[] | undefined, out = new Map<string, IndicatorResult>()): Map<string, IndicatorResult> {
  for (const i of list ?? []) {
    if (i.children.length === 0) out.set(i.id, i);
    else leaves(i.children, out);
  }
  return out;
}

/**
 * Pairs the units' results of both versions.  `ruleNames` and `indicatorIds` map old to new (from
 * the catalogue diff).  Sorted by the size of the change (largest first), then new rank and name.
 */
export function unitChanges(olds: readonly UnitResult[], news: readonly UnitResult[], ruleNames: ReadonlyMap<string, string>, indicatorIds: ReadonlyMap<string, string>): UnitChange[] {
  const byUnit = new Map(olds.map((r) => [r.unit, r]));
  const out: UnitChange[] = [];
  const newToOldRule = new Map([...ruleNames].map(([o, n]) => [n, o]));
  const newToOldInd = new Map([...indicatorIds].map(([o, n]) => [n, o]));
  for (const n of news) {
    const o = byUnit.get(n.unit);
    if (!o) continue;
    const deltaRaw = kpParse(n.total) - kpParse(o.total);
    // Rules: old points under their new names, removed rules under their old names.
    const oldPts = rulePoints(o);
    const newPts = rulePoints(n);
    const rules: PointsChange[] = [];
    const seen = new Set<string>();
    for (const [name, v] of newPts) {
      const oldName = newToOldRule.get(name);
      const ov = oldName !== undefined ? (oldPts.get(oldName) ?? 0) : undefined;
      if (oldName !== undefined) seen.add(oldName);
      const d = v - (ov ?? 0);
      if (d === 0) continue;
      const c: PointsChange = { name, new: kpFormat(v), delta: signed(d) };
      if (ov !== undefined) c.old = kpFormat(ov);
      if (oldName !== undefined && oldName !== name) c.oldName = oldName;
      rules.push(c);
    }
    for (const [oldName, v] of oldPts) {
      if (seen.has(oldName) || v === 0) continue;
      const name = ruleNames.get(oldName);
      if (name !== undefined) {
        // In both versions, nothing in the new one: its points went to 0.
        const c: PointsChange = { name, old: kpFormat(v), new: "0", delta: signed(-v) };
        if (name !== oldName) c.oldName = oldName;
        rules.push(c);
      } else rules.push({ name: oldName, old: kpFormat(v), delta: signed(-v) });
    }
    rules.sort((a, b) => Math.abs(kpParse(b.delta)) - Math.abs(kpParse(a.delta)) || a.name.localeCompare(b.name, "zh"));
    // Leaf indicators.
    const oldLeaves = leaves(o.indicators);
    const indicators: PointsChange[] = [];
    for (const [id, i] of leaves(n.indicators)) {
      const oi = oldLeaves.get(newToOldInd.get(id) ?? "\u0000");
      const d = kpParse(i.score) - (oi ? kpParse(oi.score) : 0);
      if (d === 0) continue;
      const c: PointsChange = { name: i.name, new: i.score, delta: signed(d) };
      if (oi) c.old = oi.score;
      if (oi && oi.name !== i.name) c.oldName = oi.name;
      indicators.push(c);
    }
    out.push({
      unit: n.unit,
      old: { total: o.total, rank: o.rank, grade: o.grade },
      new: { total: n.total, rank: n.rank, grade: n.grade },
      delta: signed(deltaRaw),
      indicators,
      rules,
    });
  }
  return out.sort((a, b) => Math.abs(kpParse(b.delta)) - Math.abs(kpParse(a.delta)) || a.new.rank - b.new.rank || a.unit.localeCompare(b.unit, "zh"));
}
