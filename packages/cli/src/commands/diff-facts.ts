/**
 * One facts file for two versions of a catalogue.  The file is read once against the fact keys of
 * both versions; then, for each version, a fact of a renamed rule is read under its new name
 * (KP7050), a fact only the other version uses is left out (KP7051), and a fact a rule new in this
 * version needs that the file does not give for any unit is named (KP7052: the reader's default —
 * not happened, 0, no — then applies; a required fact is an error of the module, KP4008).
 */
import { factsDiagnostic, type FactsDiagnostic, type LoadedFacts } from "@kaoping/facts";
import type { Catalogue, CatalogueMeta, UnitInput } from "@kaoping/core";

/** The fact keys of each rule of a version. */
function keysByRule(meta: CatalogueMeta): Map<string, string[]> {
  return new Map(Object.entries(meta.rules).map(([name, r]) => [name, r.facts]));
}

/** A catalogue meta whose rules are those of both versions: the reader then knows every key. */
export function unionMeta(oldMeta: CatalogueMeta, newMeta: CatalogueMeta): CatalogueMeta {
  return { ...newMeta, indicators: [...newMeta.indicators, ...oldMeta.indicators], rules: { ...oldMeta.rules, ...newMeta.rules } };
}

/** One version's view of the facts. */
export interface VersionFacts {
  units: UnitInput[];
  notes: FactsDiagnostic[];
}

/**
 * The units as version `mine` reads them.  `rename` maps the other version's rule names to this
 * version's (renamed rules only).  `word` names the versions in messages (旧版 / 新版).
 */
export function factsFor(
  facts: LoadedFacts,
  mine: { meta: CatalogueMeta; model: Catalogue; word: string },
  other: { meta: CatalogueMeta; word: string },
  rename: ReadonlyMap<string, string>,
): VersionFacts {
  const myKeys = new Set([...keysByRule(mine.meta).values()].flat());
  for (const i of walk(mine.meta.indicators)) for (const k of i.facts ?? []) myKeys.add(k);
  // Key → the other version's rule that takes it.
  const otherRule = new Map<string, string>();
  for (const [rule, keys] of keysByRule(other.meta)) for (const k of keys) otherRule.set(k, rule);
  const notes: FactsDiagnostic[] = [];
  const renamedNoted = new Set<string>();
  const droppedNoted = new Set<string>();
  const units = facts.units.map((u) => {
    const out: Record<string, unknown> = {};
    const moved: [string, unknown][] = [];
    for (const [k, v] of Object.entries(u.facts)) {
      if (myKeys.has(k)) {
        out[k] = v;
        continue;
      }
      const from = otherRule.get(k);
      const to = from !== undefined ? rename.get(from) : undefined;
      if (from !== undefined && to !== undefined) {
        const nk = to + k.slice(from.length);
        if (myKeys.has(nk)) {
          moved.push([nk, v]);
          if (!renamedNoted.has(k)) {
            renamedNoted.add(k);
            notes.push(factsDiagnostic(facts.file, "KP7050", undefined, [k, mine.word, to, from]));
          }
          continue;
        }
      }
      if (!droppedNoted.has(k)) {
        droppedNoted.add(k);
        notes.push(factsDiagnostic(facts.file, "KP7051", undefined, [mine.word, k, from ?? k, other.word]));
      }
    }
    // A fact written under this version's own name wins over the renamed one.
    for (const [k, v] of moved) if (!(k in out)) out[k] = v;
    return { ...u, facts: out };
  });
  // Facts of rules only this version has that no unit gives.
  const otherNames = new Set(Object.keys(other.meta.rules));
  const renamedTo = new Set(rename.values());
  for (const r of mine.model.rules) {
    if (otherNames.has(r.name) || renamedTo.has(r.name)) continue;
    for (const f of r.facts) {
      if (!f.optional || units.some((u) => f.key in u.facts)) continue;
      const dflt = f.fact.type === "flag" ? "为「否」" : f.fact.type === "count" || f.fact.type === "items" ? "次数为 0" : "未填";
      notes.push(factsDiagnostic(facts.file, "KP7052", undefined, [mine.word, r.name, f.key, other.word, dflt]));
    }
  }
  return { units, notes };
}

function* walk(list: CatalogueMeta["indicators"]): Generator<CatalogueMeta["indicators"][number]> {
  for (const i of list) {
    yield i;
    yield* walk(i.children);
  }
}
