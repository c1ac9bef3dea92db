/**
 * How one step of a unit's explanation (a trace entry of the compiled module) reads: its label
 * (「扣 1」「得 0.5」「核减 2」「否决」), the facts it used as people write them, and a unit's facts
 * flattened the way the module reads them.  Shared by `kp explain`, `kp test`, the HTML/Excel report
 * and the editor's results view (whose client bundle takes this file alone: no imports but types).
 */
import type { CatalogueMeta, TraceEntry } from "../compile/module.js";

/** The short word of each kind of step, as an explanation labels it. */
export const TRACE_KIND_WORDS: Readonly<Record<TraceEntry["kind"], string>> = { deduct: "扣", award: "得", limit: "核减", veto: "否决", note: "说明" };

/** A step's label: its kind and amount (「扣 1」), or the kind alone for a veto and a note of nothing. */
export function traceLabel(e: Pick<TraceEntry, "kind" | "amount">): string {
  return e.kind === "veto" || (e.kind === "note" && e.amount === "0") ? TRACE_KIND_WORDS[e.kind] : `${TRACE_KIND_WORDS[e.kind]} ${e.amount}`;
}

/** A fact value as people write it. */
export function factText(v: unknown): string {
  if (v === true) return "是";
  if (v === false) return "否";
  if (v === null || v === undefined) return "未报送";
  if (Array.isArray(v)) return v.map(factText).join("、");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * The facts a step used, as the user wrote them where the trace holds an internal value: a
 * checklist item's (得 N) trace carries its raw amount in millionths, so it is shown from the input.
 */
export function usedFacts(cat: Pick<CatalogueMeta, "rules">, e: TraceEntry, inputs: Readonly<Record<string, unknown>> | undefined): [string, unknown][] {
  const rule = e.rule !== undefined ? cat.rules[e.rule] : undefined;
  const raw = rule?.kind === "once" && rule.effect === "award";
  return Object.entries(e.facts ?? {}).map(([k, v]) => [k, raw && typeof v === "number" && inputs !== undefined && k in inputs ? inputs[k] : v]);
}

/** A unit's facts with nested objects flattened to `rule.sub` keys (as the module reads them). */
export function flattenFacts(facts: Readonly<Record<string, unknown>>, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(facts)) {
    const key = prefix === "" ? k : `${prefix}.${k}`;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flattenFacts(v as Record<string, unknown>, key, out);
    else out[key] = v;
  }
  return out;
}
