/**
 * Scenario coverage: which rules, bands and caps of a catalogue no scenario exercises — the
 * rulebook's line coverage, read from the trace of every scenario's units.
 *   rule  applied: a trace entry of the rule (a deduction, an award, a veto)
 *   band  hit:     the rule's entry says the value was in that band (or 未报送 for the missing band);
 *                  a band worth nothing leaves no entry, so it is hit when a unit's value lies in it
 *   cap   reached: the rule's entry says it was capped (封顶)
 */
import type { TraceEntry, UnitInput } from "../compile/module.js";
import type { BandModel } from "../model.js";
import { kpRawOf } from "../runtime/facts.js";
import type { Catalogue } from "../model.js";
import { kpFormat } from "../runtime/decimal.js";

export interface CoverageItem {
  kind: "rule" | "band" | "cap";
  rule: string;
  /** The band as written ([75%, 100%), 未报送) or the cap (上限 4). */
  detail?: string;
  file: string;
  line: number;
  covered: boolean;
}

export interface Coverage {
  items: CoverageItem[];
  /** Covered / total per kind. */
  counts: Record<CoverageItem["kind"], { covered: number; total: number }>;
}

/** Coverage of `cat` by the traces of all scenario units. */
export function coverageOf(cat: Catalogue, traces: readonly (readonly TraceEntry[])[], inputs: readonly UnitInput[] = []): Coverage {
  const byRule = new Map<string, TraceEntry[]>();
  for (const t of traces) for (const e of t) if (e.rule !== undefined) (byRule.get(e.rule) ?? byRule.set(e.rule, []).get(e.rule)!).push(e);
  const items: CoverageItem[] = [];
  for (const r of cat.rules) {
    const entries = byRule.get(r.name) ?? [];
    const line = r.node.span.start.line;
    items.push({ kind: "rule", rule: r.name, file: r.file, line, covered: entries.length > 0 });
    if (r.body.kind === "bands") {
      for (const b of r.body.bands)
        items.push({ kind: "band", rule: r.name, detail: b.text, file: r.file, line: b.node.span.start.line, covered: entries.some((e) => e.text.includes(` 在 ${b.text} 内`)) || ((b.outcome.kind === "zero" || b.outcome.amount === 0) && inputs.some((u) => inBand(b, u.facts[r.facts[0]?.key ?? ""]))) });
      if (r.body.missing) items.push({ kind: "band", rule: r.name, detail: "未报送", file: r.file, line, covered: entries.some((e) => e.text.startsWith("未报送")) });
    }
    if (r.cap !== undefined) items.push({ kind: "cap", rule: r.name, detail: `上限 ${kpFormat(r.cap)}`, file: r.file, line, covered: entries.some((e) => e.text.includes("封顶")) });
  }
  const counts = { rule: { covered: 0, total: 0 }, band: { covered: 0, total: 0 }, cap: { covered: 0, total: 0 } };
  for (const i of items) {
    counts[i.kind].total++;
    if (i.covered) counts[i.kind].covered++;
  }
  return { items, counts };
}

/** Whether a unit's value (as written) lies in a band. */
function inBand(b: BandModel, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  const x = kpRawOf(v);
  if (typeof x !== "number") return false;
  if (b.lower && (b.lowerInclusive ? x < b.lower.raw : x <= b.lower.raw)) return false;
  if (b.upper && (b.upperInclusive ? x > b.upper.raw : x >= b.upper.raw)) return false;
  return true;
}
