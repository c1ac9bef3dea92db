/**
 * Shared plumbing of the property tests and the fuzzer: an in-memory SourceHost, compiling rendered
 * files with core, and importing a generated module from a data: URL.
 */
import { analyzeCatalogue, compileCatalogue, type Analysis, type Diagnostic, type SourceHost } from "@kaoping/core";
import type { RenderedFile } from "./kp-gen.js";

/** A SourceHost over a map of path → text (paths use `/`). */
export function memoryHost(files: ReadonlyMap<string, string>): SourceHost {
  return {
    read: (path) => {
      const text = files.get(path);
      return text === undefined ? { ok: false, code: "KP0001", args: [] } : { ok: true, text };
    },
    resolve: (from, target) => {
      const dir = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : ".";
      const parts = `${dir}/${target}`.split("/");
      const out: string[] = [];
      for (const p of parts) {
        if (p === "..") out.pop();
        else if (p !== ".") out.push(p);
      }
      return out.join("/");
    },
    isDirectory: () => false,
  };
}

/** Analyses rendered files (the first is the root). */
export function analyzeRendered(files: readonly RenderedFile[]): Analysis {
  const map = new Map(files.map((f) => [f.path, f.text]));
  return analyzeCatalogue(files[0]!.path, memoryHost(map));
}

/** A scored unit as the compiled module returns it. */
export interface ModuleResult {
  unit: string;
  classes: string[];
  total: string;
  exactTotal: string;
  rank: number;
  grade: string | null;
  vetoes: { rule: string; level: string; clause: string }[];
  indicators?: ModuleIndicator[];
  bonus?: string;
  penalty?: string;
  trace?: { indicator: string; kind: string; amount: string; text: string; rule?: string; clause?: string; facts?: unknown }[];
}
export interface ModuleIndicator {
  id: string;
  name: string;
  points: string;
  score: string;
  lost: string;
  children: ModuleIndicator[];
}

/** The exports of a compiled catalogue module. */
export interface ScoringModule {
  scoreAll(units: unknown, options?: { trace?: boolean; detail?: boolean }): ModuleResult[];
  scoreUnit(unit: unknown, options?: { trace?: boolean; detail?: boolean; peers?: unknown[] }): ModuleResult | undefined;
  checkFacts(units: unknown): { code: string; message: string; unit?: string; key?: string }[];
  /** Scoring batch by batch (kp score on large files); see core's module.ts. */
  streamable?: boolean;
  passes?: 1 | 2;
  createScorer?(
    onResult: (index: number, result: Omit<ModuleResult, "rank" | "grade">) => void,
    options?: { detail?: boolean },
  ): { survey(units: unknown): void; add(units: unknown): void; finish(): { order: Uint32Array; tied: Uint8Array; gradeIndex: Uint8Array | Uint16Array; grades: (string | null)[] } };
  catalogue: {
    title: string;
    classes: string[];
    indicators: { id: string; name: string; points: string; notes: string[]; rules: string[]; children: unknown[]; departments: string[]; code?: string }[];
    bonuses: { id: string; name: string; rules: string[] }[];
    penalties: { id: string; name: string; rules: string[] }[];
    grades: string[];
    rules: Record<string, { indicator: string; clause: string; effect: string; kind: string; facts: string[] }>;
  };
}

/** Imports module text through a data: URL (each distinct text is a new module). */
export async function importModule(js: string): Promise<ScoringModule> {
  return (await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as ScoringModule;
}

/** Compiles rendered files; throws with the diagnostics when there are errors. */
export function compileRendered(files: readonly RenderedFile[]): { js: string; analysis: Analysis } {
  const analysis = analyzeRendered(files);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`catalogue has errors:\n${describeDiagnostics(errors)}\n\n${files.map((f) => `=== ${f.path}\n${f.text}`).join("\n")}`);
  return { js: compileCatalogue(analysis.catalogue, { version: "test" }).js, analysis };
}

export function describeDiagnostics(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.file ?? ""}(${d.span.start.line},${d.span.start.column}) ${d.code} ${d.message}`).join("\n");
}

/** Flattens an indicator tree to id → score. */
export function flatScores(list: readonly ModuleIndicator[] | undefined, out = new Map<string, string>()): Map<string, string> {
  for (const i of list ?? []) {
    out.set(i.id, i.score);
    flatScores(i.children, out);
  }
  return out;
}
