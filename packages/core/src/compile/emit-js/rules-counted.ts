/**
 * Rule bodies counting occurrences: 每次/每起 (one count, per-item counts, a compound count) and
 * counts by category.
 */
import { S, amountExpr, amountNote, fmt, fx } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** Counted occurrences (每次/每起 扣 …): one count, per-item counts or a compound count; 其中 conditions at their factor. */
export function emitPer(e: RuleEmit, b: Body<"per">): void {
  const { ctx, r, o, n, key, F, finish } = e;
  if (b.nouns.length === 1) {
    o.push(`  const n = ${F} || 0;`, "  if (n === 0) return 0;");
    o.push(`  const amt = ${amountExpr(b.amount, b.overrides)};`);
    if (r.occurrences.length === 0) {
      o.push(`  let v = kpTimes(amt, n);`);
      finish("v", (pre) => `n + ${S(b.nouns[0]!)} + " × " + kpFormat(amt)${amountNote(b.overrides)} + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
    } else {
      // 其中 「已查结」 减半: the occurrences of each condition at amt × factor (one rounding each),
      // the rest at amt; the facts reader has checked the parts do not exceed n (KP4045).
      const noun = b.nouns[0]!;
      r.occurrences.forEach((x, i) => o.push(`  const m${i} = ${fx(ctx, `${r.name}.${x.condition}`)} || 0;`));
      o.push(`  const n0 = n${r.occurrences.map((_, i) => ` - m${i}`).join("")};`);
      o.push(`  let v = kpTimes(amt, n0);`);
      o.push(`  const parts = n0 > 0 ? [n0 + ${S(noun)} + " × " + kpFormat(amt)${amountNote(b.overrides)}] : [];`);
      r.occurrences.forEach((x, i) => {
        o.push(
          `  if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(amt, m${i}), ${x.factor}, 1000000)); parts.push(${S(`${x.condition} `)} + m${i} + ${S(noun)} + " × " + kpFormat(amt) + ${S(` × ${fmt(x.factor)}（${x.word}）`)}); }`,
        );
      });
      finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => `{ [${key}]: n }`);
    }
  } else {
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
}

/** Counts by category (一般 … 较大 …), each at its amount; 其中 conditions per category. */
export function emitCategories(e: RuleEmit, b: Body<"categories">): void {
  const { ctx, r, o, n, key, finish } = e;
  o.push("  let v = 0;", "  const parts = [];", "  const used = {};");
  for (const c of b.categories) {
    const k = S(`${r.name}.${c.name}`);
    if (r.occurrences.length === 0) {
      o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) { v += kpTimes(${c.amount}, n); used[${k}] = n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × " + fmt(c.amount))}); } }`);
      continue;
    }
    // 其中 「省市领导批示」 加 2倍: per category, the occurrences of each condition at amount × factor
    const ms = r.occurrences.map((x) => `${r.name}.${x.condition}.${c.name}`);
    o.push(`  { const n = ${fx(ctx, `${r.name}.${c.name}`)} || 0; if (n > 0) {`);
    o.push(`    used[${k}] = n;`);
    ms.forEach((key, i) => o.push(`    const m${i} = ${fx(ctx, key)} || 0;`));
    o.push(`    const n0 = n${ms.map((_, i) => ` - m${i}`).join("")};`);
    o.push(`    if (n0 > 0) { v += kpTimes(${c.amount}, n0); parts.push(${S(c.name + " ")} + n0 + ${S(b.noun + " × " + fmt(c.amount))}); }`);
    r.occurrences.forEach((x, i) =>
      o.push(
        `    if (m${i} > 0) { v = kpAdd(v, kpMulDiv(kpTimes(${c.amount}, m${i}), ${x.factor}, 1000000)); used[${S(ms[i]!)}] = m${i}; parts.push(${S(`${x.condition} ${c.name} `)} + m${i} + ${S(`${b.noun} × ${fmt(c.amount)} × ${fmt(x.factor)}（${x.word}）`)}); }`,
      ),
    );
    o.push("  } }");
  }
  o.push("  if (v === 0) return 0;");
  finish("v", (pre) => `parts.join(" + ") + " = " + kpFormat(${pre})`, () => "used");
}
