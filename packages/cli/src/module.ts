/**
 * The types of a compiled scoring module (what `kp compile` writes; see core's emit-types.ts, whose
 * .d.ts these mirror), and loading one from its source text.
 *
 * `kp score` and `kp explain` compute with exactly the code `kp compile` writes: the module text is
 * imported from a `data:` URL, so no file is written and no other code path exists.
 */

/** A unit as the module takes it. */
export interface UnitInput {
  name: string;
  classes?: string[] | string;
  facts: Record<string, unknown>;
}

/** A problem in the facts, as the module reports it. */
export interface FactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

export interface IndicatorResult {
  id: string;
  name: string;
  points: string;
  score: string;
  lost: string;
  children: IndicatorResult[];
}

/** One step of a unit's computation. */
export interface TraceEntry {
  indicator: string;
  rule?: string;
  clause?: string;
  kind: "deduct" | "award" | "limit" | "veto" | "note";
  amount: string;
  text: string;
  facts?: Record<string, unknown>;
}

export interface Veto {
  rule: string;
  level: "fail" | "noExcellent";
  clause: string;
}

/** A unit's result; every score is an exact decimal string. */
export interface UnitResult {
  unit: string;
  classes: string[];
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: Veto[];
  indicators?: IndicatorResult[];
  bonus?: string;
  penalty?: string;
  trace?: TraceEntry[];
}

export interface IndicatorMeta {
  id: string;
  name: string;
  points: string;
  code?: string;
  departments: string[];
  appliesTo?: string[];
  rules: string[];
  notes: string[];
  children: IndicatorMeta[];
}

export interface SectionMeta {
  id: string;
  name: string;
  cap?: string;
  rules: string[];
}

export interface RuleMeta {
  indicator: string;
  clause: string;
  effect: string;
  kind: string;
  facts: string[];
}

/** The catalogue structure a module exports. */
export interface CatalogueMeta {
  title: string;
  year?: string;
  subject?: string;
  classes: string[];
  total?: string;
  rounding?: number;
  indicators: IndicatorMeta[];
  bonuses: SectionMeta[];
  penalties: SectionMeta[];
  grades: string[];
  rules: Record<string, RuleMeta>;
}

/** A compiled scoring module. */
export interface ScoringModule {
  catalogue: CatalogueMeta;
  checkFacts(units: UnitInput[]): FactError[];
  scoreAll(units: UnitInput[], options?: { detail?: boolean; trace?: boolean }): UnitResult[];
}

/** Imports a module from its JavaScript text (a `data:` URL import; nothing touches the disk). */
export async function importModule(js: string): Promise<ScoringModule> {
  const url = `data:text/javascript;base64,${Buffer.from(js, "utf8").toString("base64")}`;
  return (await import(url)) as ScoringModule;
}

/** Every fact key the catalogue's rules take, in rule order. */
export function factKeys(cat: CatalogueMeta): string[] {
  return Object.values(cat.rules).flatMap((r) => r.facts);
}
