/**
 * Where the things a result names are written: each rule's name, each indicator's and each
 * bonus/penalty section's name, in the files of the catalogue.  The editor's results view opens the
 * `.kp` file there when a deduction, a rule or an indicator is clicked.
 *
 * Keyed as the compiled module's results name them: rules by name (`TraceEntry.rule`, `Veto.rule`),
 * indicators and sections by id (`IndicatorResult.id`, `TraceEntry.indicator`: "1.2", "S1").
 * The span is the name inside its 「」, so the editor selects exactly the name.
 */
import type { IndicatorModel, LoadedFile, Span, StringLit } from "@kaoping/core";
import { innerRange } from "./names.js";
import type { CatalogueState } from "./project.js";

/** A place in a file of the catalogue. */
export interface ResultPlace {
  file: string;
  span: Span;
}

/** Where the rules, indicators and sections of a catalogue are written. */
export interface ResultPlaces {
  /** By rule name. */
  rules: Record<string, ResultPlace>;
  /** By indicator id ("1.2.3") and section id ("S1"). */
  indicators: Record<string, ResultPlace>;
}

/**
 * The places of the indicators and sections, and of the rules `rules` names (all rules when
 * undefined).  Names a catalogue writes twice are errors the commands refuse, so a key has one place.
 */
export function resultPlaces(state: CatalogueState, rules?: Iterable<string>): ResultPlaces {
  const cat = state.analysis.catalogue;
  const files = new Map<string, LoadedFile>(state.analysis.files.map((f) => [f.path, f]));
  const placeOf = (file: string, lit: StringLit | undefined): ResultPlace | undefined => {
    const f = files.get(file);
    if (!lit || !f) return undefined;
    const { start, end } = innerRange(lit, f.text);
    return { file, span: f.parsed.lines.span(start, end) };
  };
  const out: ResultPlaces = { rules: Object.create(null) as Record<string, ResultPlace>, indicators: Object.create(null) as Record<string, ResultPlace> };
  const visit = (m: IndicatorModel) => {
    const p = placeOf(m.file, m.node.name);
    if (p) out.indicators[m.id] = p;
    m.children.forEach(visit);
  };
  cat.indicators.forEach(visit);
  for (const s of [...cat.bonuses, ...cat.penalties]) {
    const p = placeOf(s.file, s.node.name);
    if (p) out.indicators[s.id] = p;
  }
  const wanted = rules === undefined ? undefined : new Set(rules);
  for (const r of cat.rules) {
    if (wanted && !wanted.has(r.name)) continue;
    const p = placeOf(r.file, r.node.name);
    if (p) out.rules[r.name] = p;
  }
  return out;
}
