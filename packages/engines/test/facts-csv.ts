/** Generated units (test/property/kp-gen.ts) written as a facts CSV, the way a user's file holds them. */
import { dec, type FactValue, type UnitSpec } from "../../../test/property/kp-gen.js";

/** A CSV cell: quoted when needed. */
const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A generated fact as a cell of the facts file. */
export function factText(f: FactValue): string {
  switch (f.t) {
    case "count":
      return f.ids ? f.ids.join("、") : String(f.n);
    case "flag":
      return f.id ?? (f.v ? "是" : "否");
    case "award":
      return f.v === "yes" ? "是" : f.v === "no" ? "否" : dec(f.v);
    case "value":
      return f.v === null ? "" : dec(f.v);
    case "amount":
      return dec(f.v);
    case "amounts":
      return f.v.map(dec).join("、");
    case "outcome":
      return f.v;
    case "items":
      return f.sum ? String(f.items.reduce((a, [, n]) => a + n, 0)) : f.items.map(([k, n]) => `${k} ${n}`).join("、");
    default:
      throw new Error(`fact form ${(f as { t: string }).t} not written to CSV`);
  }
}

/** The units as a facts CSV: 单位, 类别 and one column per key (empty when the unit does not give it). */
export function csvOf(units: UnitSpec[], keys: string[]): string {
  const lines = [["单位", "类别", ...keys].map(cell).join(",")];
  for (const u of units) lines.push([u.name, u.classes.join("、"), ...keys.map((k) => (u.facts.has(k) ? factText(u.facts.get(k)!) : ""))].map(cell).join(","));
  return lines.join("\n") + "\n";
}
