/**
 * The shape of a file's AST with positions left out: what formatting must never change.  Used to
 * check range formatting and, in the tests, every formatted fixture.
 */
import type { KpFile } from "@kaoping/core";

/** The AST as plain data without `span`s; comments reduced to their texts (trailing blanks trimmed). */
export function astShape(ast: KpFile): { ast: unknown; comments: string[] } {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === "span" || k === "comments") continue;
        out[k] = strip(x);
      }
      return out;
    }
    return v;
  };
  return { ast: strip(ast), comments: ast.comments.map((c) => c.text.trimEnd()) };
}

/** True when two ASTs are equal apart from positions, comments included. */
export function sameShape(a: KpFile, b: KpFile): boolean {
  return JSON.stringify(astShape(a)) === JSON.stringify(astShape(b));
}
