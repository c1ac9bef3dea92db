/**
 * The compiled scoring module (types and loading live in core), plus what the CLI derives from it.
 *
 * `kp score` and `kp explain` compute with exactly the code `kp compile` writes: the module text is
 * imported from a `data:` URL, so no file is written and no other code path exists.
 */
import { importCompiledModule, type ScoringModule } from "@kaoping/core";

export type {
  CatalogueMeta,
  FactError,
  IndicatorMeta,
  IndicatorResult,
  RuleMeta,
  ScoringModule,
  SectionMeta,
  TraceEntry,
  UnitInput,
  UnitResult,
  Veto,
} from "@kaoping/core";

/** Imports a module from its JavaScript text (a `data:` URL import; nothing touches the disk). */
export function importModule(js: string): Promise<ScoringModule> {
  return importCompiledModule(js);
}

/** Every fact key the catalogue's rules take, in rule order (with the facts readers). */
export { factKeys } from "@kaoping/facts";
