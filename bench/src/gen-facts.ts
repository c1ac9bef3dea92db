/**
 * Synthetic units for a checked catalogue: seeded random facts for every fact key of every rule that
 * applies to the unit, with the values real facts files hold — counts, yes/no, partial checklist
 * points, percentages (often right on a band's bound), incident ids shared between the rules of a
 * 就高 group, scores and rates.  Values are JSON-native (numbers, booleans, arrays of ids), as in a
 * JSON facts file; the same objects are written to CSV for the CLI figure.
 */
import { applicableClasses, meetsClasses, type Catalogue, type FactType, type RuleModel } from "./core.js";
import { Rng } from "./rng.js";

/** A unit as the facts file and scoreAll take it. */
export interface Unit {
  name: string;
  classes: string[];
  facts: Record<string, unknown>;
}

const M = 1_000_000;

/** `k` hundredths (or thousandths) as a JS number, exact to its decimals. */
const dec = (n: number, places: number) => n / 10 ** places;

/** The values worth hitting for a value fact: bounds of bands, linear bases and cut-offs. */
function edges(r: RuleModel): number[] {
  const b = r.body;
  const out: number[] = [];
  if (b.kind === "bands") for (const band of b.bands) for (const q of [band.lower, band.upper]) if (q) out.push(q.raw / M);
  if (b.kind === "linear") {
    out.push(b.base.raw / M, (b.base.raw - b.step.raw) / M, (b.base.raw + b.step.raw) / M);
    if (b.cutoff) out.push(b.cutoff.value.raw / M);
  }
  return out.filter((x) => x >= 0);
}

function valueFor(rng: Rng, r: RuleModel, t: FactType, groupIds: string[]): unknown {
  switch (t.type) {
    case "count": {
      if (!rng.chance(0.06)) return undefined;
      if (t.incidents && rng.chance(0.6)) {
        const n = rng.int(1, 2);
        const ids = new Set<string>();
        while (ids.size < n) ids.add(rng.pick(groupIds));
        return [...ids];
      }
      return rng.chance(0.8) ? 1 : rng.int(2, 4);
    }
    case "flag":
      if (!rng.chance(0.06)) return rng.chance(0.1) ? false : undefined;
      return t.incident && rng.chance(0.6) ? rng.pick(groupIds) : true;
    case "award": {
      const x = rng.next();
      if (x < 0.9) return true;
      if (x < 0.94) return false;
      if (x < 0.97) return undefined;
      // partial points given by the assessor, in hundredths below the maximum
      return dec(rng.int(0, Math.floor(t.max / 10000)), 2);
    }
    case "value": {
      const b = r.body;
      if (t.missing && rng.chance(0.05)) return undefined;
      if (b.kind === "shortfall") return rng.int(0, b.target.raw / M + 1);
      if (b.kind === "proportional" || b.kind === "ranked") return dec(rng.int(0, 10000), 1);
      const e = edges(r);
      if (e.length > 0 && rng.chance(0.3)) return rng.pick(e);
      const top = Math.max(110, ...e.map((x) => x * 1.3));
      return dec(rng.int(0, Math.round(top * 100)), 2);
    }
    case "score":
      return dec(rng.int(t.max / 2000, t.max / 1000), 3);
    case "rate":
      return dec(rng.int(7000, 10000), 2);
    case "amount":
      if (!rng.chance(0.15)) return undefined;
      return dec(rng.int(t.min / 100000, t.max / 100000), 1);
  }
}

/**
 * `count` units with seeded facts.  Units named by a 参照 come first (as 县区 units), so the
 * catalogue's references resolve; about one unit in six is a 园区 when the catalogue has that class.
 */
export function generateUnits(cat: Catalogue, count: number, seed = 7): Unit[] {
  const rng = new Rng(seed);
  const referred: string[] = [];
  const walk = (i: Catalogue["indicators"][number]) => {
    if (i.refer && !referred.includes(i.refer.unit)) referred.push(i.refer.unit);
    i.children.forEach(walk);
  };
  cat.indicators.forEach(walk);
  const main = cat.classes[0];
  const other = cat.classes[1];
  const rules = cat.rules.map((r) => ({ r, cls: applicableClasses(r), ids: Array.from({ length: 3 }, (_, i) => `事件${r.group ? cat.rules.indexOf(r.group.rules[0]!) : cat.rules.indexOf(r)}-${i + 1}`) }));
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) {
    const isOther = i >= referred.length && other !== undefined && rng.chance(1 / 6);
    const cls = isOther ? other! : main;
    const name = i < referred.length ? referred[i]! : `${isOther ? "园区" : "县区"}${String(i + 1).padStart(6, "0")}`;
    const classes = cls === undefined ? [] : [cls];
    const facts: Record<string, unknown> = {};
    for (const { r, cls: applies, ids } of rules) {
      if (!meetsClasses(applies, (c) => classes.includes(c))) continue;
      for (const f of r.facts) {
        const v = valueFor(rng, r, f.fact, ids);
        if (v !== undefined) facts[f.key] = v;
      }
    }
    units.push({ name, classes, facts });
  }
  return units;
}

/** Units as a CSV facts file: 单位, 类别, then one column per fact key (ids joined with 、). */
export function unitsToCsv(cat: Catalogue, units: readonly Unit[]): string {
  const keys = cat.rules.flatMap((r) => r.facts.map((f) => f.key));
  const cell = (v: unknown): string => {
    if (v === undefined) return "";
    if (v === true) return "是";
    if (v === false) return "否";
    const s = Array.isArray(v) ? v.join("、") : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [["单位", "类别", ...keys].map(cell).join(",")];
  for (const u of units) lines.push([u.name, u.classes.join("、"), ...keys.map((k) => u.facts[k])].map(cell).join(","));
  return lines.join("\n") + "\n";
}
