/**
 * Scenario coverage: which rules, bands and caps of a catalogue no scenario exercises — the
 * rulebook's line coverage, read from the trace of every scenario's units.
 *   rule  applied: a trace entry of the rule (a deduction, an award, a veto)
 *   band  hit:     the rule's entry says the value was in that band (or 未报送 for the missing band);
 *                  a band worth nothing leaves no entry, so it is hit when a unit's value lies in it
 *   cap   reached: the rule's entry says it was capped (封顶); a group's or a section's cap: its limit entry
 */
import type { TraceEntry, UnitInput } from "../compile/module.js";
import type { BandModel } from "../model.js";
import { kpRawOf } from "../runtime/facts.js";
import type { Catalogue } from "../model.js";
import { kpFormat } from "../runtime/decimal.js";

export interface CoverageItem {
  kind: "rule" | "band" | "cap";
  /** The rule; for a group's cap its rules (、), for a section's cap the section's name. */
  rule: string;
  /** Whose cap: a rule's (default), a group's (合计上限 / 就高 上限) or a bonus/penalty section's. */
  scope?: "group" | "section";
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
  const limits = traces.flatMap((t) => t.filter((e) => e.kind === "limit"));
  const groups = new Set(cat.rules.map((r) => r.group).filter((g): g is NonNullable<typeof g> => g?.cap !== undefined));
  for (const g of groups) {
    const owner = g.rules[0]!.owner;
    const cap = kpFormat(g.cap!);
    items.push({
      kind: "cap",
      scope: "group",
      rule: g.rules.map((r) => r.name).join("、"),
      detail: `${g.kind === "cap" ? "合计上限" : "上限"} ${cap}`,
      file: g.rules[0]!.file,
      line: g.node.span.start.line,
      covered: limits.some((e) => e.indicator === owner.id && e.text.includes(`上限 ${cap}，按 ${cap} 计`) && !e.text.startsWith("加分合计") && !e.text.startsWith("减分合计")),
    });
  }
  for (const sec of [...cat.bonuses, ...cat.penalties]) {
    if (sec.cap === undefined) continue;
    const cap = kpFormat(sec.cap);
    const word = sec.kind === "bonus" ? "加分合计" : "减分合计";
    items.push({ kind: "cap", scope: "section", rule: sec.name, detail: `上限 ${cap}`, file: sec.file, line: sec.node.span.start.line, covered: limits.some((e) => e.indicator === sec.id && e.text.startsWith(word)) });
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
