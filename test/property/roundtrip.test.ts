/**
 * Properties of printing and parsing on generated catalogues:
 * - layout independence: the same catalogue rendered in two layouts (line breaks, indentation,
 *   separators, keyword aliases, full-width digits, trailing zeros) parses to the same AST;
 * - the formatter (prettier-plugin-kp's formatKp) is AST-preserving — print(AST) → parse gives the
 *   same AST, comments included — and idempotent.
 * ASTs are compared without spans (layout) and file paths.  The fast-check seed is printed; replay a
 * run with KP_FC_SEED=<seed> (seed.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseKp, type KpFile } from "@kaoping/core";
import { formatKp } from "prettier-plugin-kp";
import { CANONICAL_STYLE, drawFromSeed, genCatalogue, genStyle, renderCatalogue, UNIT_POOL } from "./kp-gen.js";
import { describeDiagnostics } from "./harness.js";
import { PROPERTY_TIMEOUT, propertyParams } from "./seed.js";

const LAYOUT_RUNS = Number(process.env.KP_PROP_LAYOUT_RUNS ?? 1500);
const FORMAT_RUNS = Number(process.env.KP_PROP_FORMAT_RUNS ?? 400);
const caseSeed = fc.noShrink(fc.integer({ min: 0, max: 0x7fffffff }));

/** The AST without positions: what must survive any change of layout. */
export function shape(ast: KpFile, withComments: boolean): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === "span" || k === "path" || (k === "comments" && !withComments)) continue;
        out[k] = strip(x);
      }
      return out;
    }
    return v;
  };
  return strip(ast);
}

function parseClean(text: string, path: string): KpFile {
  const p = parseKp(text, path);
  const errors = p.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`syntax errors in ${path}:\n${describeDiagnostics(errors)}\n${text}`);
  return p.ast;
}

describe("round trips", () => {
  it(`layout does not change the AST (${LAYOUT_RUNS} catalogues)`, { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(
      fc.property(caseSeed, (seed) => {
        const d = drawFromSeed(seed);
        const cat = genCatalogue(d, UNIT_POOL);
        const style = genStyle(d);
        const styled = renderCatalogue(cat, style);
        // 分 after a number is kept in the AST (reports show it): same choice in both layouts.
        const canonical = renderCatalogue(cat, { ...CANONICAL_STYLE, fen: style.fen });
        styled.forEach((f, i) => {
          const a = parseClean(f.text, f.path);
          const b = parseClean(canonical[i]!.text, f.path);
          expect(shape(a, false), `case seed ${seed}\n${f.text}\n---\n${canonical[i]!.text}`).toEqual(shape(b, false));
        });
      }),
      propertyParams("layout", LAYOUT_RUNS),
    );
  });

  it(`formatting preserves the AST and is idempotent (${FORMAT_RUNS} catalogues)`, { timeout: PROPERTY_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(caseSeed, async (seed) => {
        const d = drawFromSeed(seed);
        const cat = genCatalogue(d, UNIT_POOL);
        for (const f of renderCatalogue(cat, genStyle(d))) {
          const where = `case seed ${seed}, ${f.path}\n${f.text}`;
          const once = await formatKp(f.text, { filepath: f.path });
          const before = parseClean(f.text, f.path);
          const after = parseClean(once, f.path);
          expect(shape(after, true), `${where}\n--- formatted\n${once}`).toEqual(shape(before, true));
          expect(await formatKp(once, { filepath: f.path }), `not idempotent: ${where}\n--- formatted\n${once}`).toBe(once);
        }
      }),
      propertyParams("format", FORMAT_RUNS),
    );
  });
});
