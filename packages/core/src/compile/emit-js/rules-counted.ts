/**
 * Rule bodies counting occurrences: a compound count (per-item counts).  (每次/每起 with one noun and
 * counts by category are printed from their scoring blocks: from-ir.ts.)
 */
import { S, amountExpr, amountNote, fx } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** A compound count (每村 每次 扣 …): per-item counts under the rule's name, or the product of the sub-counts. */
export function emitPer(e: RuleEmit, b: Body<"per">): void {
  const { ctx, r, o, key, finish } = e;
  // per-item counts under the rule's name (「甲村 2、乙村 1」, or their sum) replace the product
  const noun = b.nouns.slice(1).join("");
  o.push(`  if (${fx(ctx, r.name)} !== undefined) {`);
  o.push(`    const n = ${fx(ctx, r.name)};`, "    if (n === 0) return 0;");
  o.push(`    const items = ${fx(ctx, r.name, true)};`);
  o.push(`    const amt = ${amountExpr(b.amount, b.overrides)};`);
  o.push(`    let v = kpTimes(amt, n);`);
  o.push(`    const each = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1] + ${S(noun)}).join(" + ") + " = " : "";`);
  o.push(`    const shown = items && items.length > 0 ? items.map((x) => x[0] + " " + x[1]).join("、") : n;`);
  const inner: string[] = [];
  const saved = o.length;
  finish("v", (pre) => `each + n + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: shown }`);
  inner.push(...o.splice(saved).map((l) => "  " + l));
  o.push(...inner, "  }");
  const keys = b.nouns.map((x) => S(`${r.name}.${x}`));
  b.nouns.forEach((x, i) => o.push(`  const n${i} = ${fx(ctx, `${r.name}.${x}`)} || 0;`));
  o.push(`  if (${keys.map((_, i) => `n${i} === 0`).join(" || ")}) return 0;`);
  o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
  o.push(`  let v = ${keys.reduce((acc, _, i) => `kpTimes(${acc}, n${i})`, "amt")};`);
  const text = (pre: string) => b.nouns.map((x, i) => `n${i} + ${S(x)}`).join(' + " × " + ') + ` + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`;
  finish("v", text, () => `{ ${keys.map((k, i) => `[${k}]: n${i}`).join(", ")} }`);
}
