/** The compiler's entry: a checked catalogue → module, declarations, facts schema. */
import type { Catalogue } from "../model.js";
import { emitJs, type EmitOptions } from "./emit-js.js";
import { emitDts, emitFactsSchema } from "./emit-types.js";

/** What `kp compile` writes. */
export interface CompiledCatalogue {
  /** ES module of scoring functions (self-contained). */
  js: string;
  /** TypeScript declarations of the module. */
  dts: string;
  /** JSON Schema of a JSON facts file, as text. */
  schema: string;
}

/** Compiles a checked catalogue (it must have no errors). */
export function compileCatalogue(cat: Catalogue, options: EmitOptions = {}): CompiledCatalogue {
  return {
    js: emitJs(cat, options),
    dts: emitDts(cat),
    schema: JSON.stringify(emitFactsSchema(cat), null, 2) + "\n",
  };
}
