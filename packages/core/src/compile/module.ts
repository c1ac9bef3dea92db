/**
 * Compiled scoring modules as values: their API's types (mirroring the .d.ts emit-types.ts writes)
 * and loading one from its source text, for tools that compute with exactly the code `kp compile`
 * writes (the CLI's score/explain, the editor's commands).
 */
import type { FactError, FactSpec, ReadUnit } from "../runtime/facts.js";

/** A unit as the module takes it. */
export interface UnitInput {
  name: string;
  classes?: string[] | string;
  facts: Record<string, unknown>;
}

/** The results the module gives: the types of the typed runtime it is built from (runtime/src/api.ts). */
export type { KpIndicatorResult as IndicatorResult, KpTraceEntry as TraceEntry, KpVetoResult as Veto, KpUnitResult as UnitResult } from "../runtime/src/api.js";
import type { KpUnitResult as UnitResult } from "../runtime/src/api.js";

export interface IndicatorMeta {
  id: string;
  name: string;
  points: string;
  /** Points that differ by unit class (指标 … 5分 其中 「其他县」 3分). */
  classPoints?: { unitClass: string; points: string }[];
  code?: string;
  departments: string[];
  appliesTo?: string[];
  rules: string[];
  notes: string[];
  /** The indicator's own facts (「指标名.未涉及」 of a 参照 未涉及), when it has any. */
  facts?: string[];
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
  /** A compound count (每村 每次) may take per-item counts under the rule's name: a JSON object there is one fact, not nested keys. */
  perItem?: true;
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

/** A compiled scoring module: what `kp compile` writes, loaded. */
export interface ScoringModule {
  catalogue: CatalogueMeta;
  /** Validates any value as a list of units (a facts file's content); returns every problem. */
  checkFacts(units: unknown): FactError[];
  /** Scores and ranks units (UnitInput[]); throws KpFactsError on bad facts. */
  scoreAll(units: unknown, options?: { detail?: boolean; trace?: boolean }): UnitResult[];
  /** Whether units can be scored one at a time (no ranking by a computed score, no pool 参照). */
  streamable?: boolean;
  /** Passes over the facts a Scorer needs: 2 when rules across units on facts (ranking, proportion, average/median) need a `survey` first. */
  passes?: 1 | 2;
  /** Scoring one batch of units at a time (only when `streamable`); results as in scoreAll. */
  createScorer?(onResult: (index: number, result: StreamedResult) => void, options?: ScorerOptions): Scorer;
}

/** Options of createScorer. */
export interface ScorerOptions {
  /** false: results without the indicator tree, only the top-level scores (`top`). */
  detail?: boolean;
  /**
   * Reads each batch given to survey/add instead of the module's own kpReadUnits (the same arguments
   * and result): `kp score` streams table rows as arrays of cells and reads them with kpReadUnits' `keys`.
   */
  read?: (specs: readonly FactSpec[], classes: readonly string[], ruleNames: Readonly<Record<string, boolean>>, units: unknown) => { units: ReadUnit[]; errors: FactError[] };
}

/** A unit's result as a Scorer gives it: everything but rank and grade (known only at the end). */
export type StreamedResult = Omit<UnitResult, "rank" | "grade" | "trace"> & {
  /** With `detail: false`: the top-level indicators' scores, in order (and no `indicators`). */
  top?: string[];
};

/** Scores units batch by batch, keeping per unit only its name, rounded total and vetoes. */
export interface Scorer {
  /** Whether a unit of this (trimmed) name was added. */
  has(name: string): boolean;
  /** The units other units' scores are taken from (参照 to a named unit). */
  references: string[];
  /** First pass (when the module's `passes` is 2): reads a batch's facts, keeping only what rules across units need; throws KpFactsError on bad facts. */
  survey(units: unknown): void;
  /** Checks and scores a batch; throws KpFactsError on bad facts. */
  add(units: unknown): void;
  /**
   * Ranks: `order` lists unit indices (in the order added) by rank; bit k of `tied` (byte k >> 3, bit
   * k & 7) says position k has the previous position's total and rank (else its rank is k + 1);
   * `grades[gradeIndex[k]]` is its grade (null: none) — bits and indices, not numbers and strings, in bounded memory.
   */
  finish(): { order: Uint32Array; tied: Uint8Array; gradeIndex: Uint8Array | Uint16Array; grades: (string | null)[] };
}

/**
 * Imports a module from its JavaScript text through a `data:` URL: nothing touches the disk, and the
 * text is loaded exactly as `kp compile` writes it.
 */
export async function importCompiledModule(js: string): Promise<ScoringModule> {
  const url = `data:text/javascript;base64,${Buffer.from(js, "utf8").toString("base64")}`;
  return (await import(url)) as ScoringModule;
}

/**
 * Loads a module synchronously by evaluating its text as a function body (a compiled module has no
 * imports and exports only declarations): for callers that cannot await, such as a language server
 * request handler.  Nothing is left in the module registry.
 */
export function evaluateCompiledModule(js: string): ScoringModule {
  const names: string[] = [];
  const body = js.replace(/^export (const|let|function|class) ([A-Za-z_$][\w$]*)/gm, (_m, decl: string, name: string) => {
    names.push(name);
    return `${decl} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(body)) throw new Error("internal: a compiled module has an unexpected import/export");
  return new Function(`"use strict";\n${body}\nreturn { ${names.join(", ")} };`)() as ScoringModule;
}
