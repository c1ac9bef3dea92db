/** Full points of award items (a checklist item 是 = its full points), by facts key. */
import type { Catalogue } from "@kaoping/core";

export function awardMaxima(cat: Catalogue): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of cat.rules) for (const f of r.facts) if (f.fact.type === "award") out.set(f.key, f.fact.max);
  return out;
}
