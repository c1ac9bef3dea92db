/**
 * Builders of scoring-IR expressions that fold the trivial cases as they build (x + 0 → x, x − 0 → x, an
 * `if` on a true condition → its branch): what the owners' blocks (indicator, section, 合计, total) and
 * the catalogue's lowering write with, so the IR they produce is the same whichever builds it.
 * (block-builder.ts's `add`/`sub`/`iff` build the node as written, for rule blocks: not the same.)
 */
import type { Cond, Expr } from "./types.js";

export const c = (v: number): Expr => ({ k: "const", v });
export const add = (a: Expr, b: Expr): Expr => (a.k === "const" && a.v === 0 ? b : b.k === "const" && b.v === 0 ? a : { k: "add", a, b });
export const sub = (a: Expr, b: Expr): Expr => (b.k === "const" && b.v === 0 ? a : { k: "sub", a, b });
export const max = (a: Expr, b: Expr): Expr => ({ k: "max", a, b });
export const min = (a: Expr, b: Expr): Expr => ({ k: "min", a, b });
export const iff = (cond: Cond, a: Expr, b: Expr): Expr => (cond.k === "true" ? a : { k: "if", c: cond, a, b });
export const ref = (name: string): Expr => ({ k: "ref", name });
export const sum = (list: Expr[]): Expr => list.reduce(add, c(0));
