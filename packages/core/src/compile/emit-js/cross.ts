/**
 * Cross-unit rules: on facts (proportion, average/median base, ranking by a fact) gathered unit by
 * unit (crossStart/crossSee/crossEnd, cx<n>), and rankings by a computed score (rk<n>).
 */
import type * as M from "../../model.js";
import { MODULE_PARTS_JS } from "../../runtime/generated.js";
import { commentText, jsValue } from "../js-literals.js";
import { S, fmt, fx, type Ctx } from "./context.js";
import { applicableClasses, indicatorClasses } from "./tables.js";

/** The JS test of a rule's applicability (its 适用 and its indicators') on unit `u`. */
function condOf(r: M.RuleModel, u: string): string {
  const cls = applicableClasses(r);
  return cls ? cls.map((list) => `(${list.map((c) => `${u}.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
}

/**
 * Cross-unit rules on facts, gathered unit by unit into X[n] — the best value (proportion), the sum
 * and count (average base), the values (median base, ranking by a fact: a growable Float64Array,
 * sorted at the end) — and, for proportion and ranking, cx<n>(X, u): unit u's entry { a, x, f }
 * (undefined when the rule does not apply to it) from its own facts and X[n].
 */
export function emitCross(ctx: Ctx, rules: readonly M.RuleModel[]): void {
  const o = ctx.out;
  const start: string[] = [];
  const see: string[] = [];
  const end: string[] = [];
  const each: string[] = [];
  for (const r of rules) {
    const n = ctx.ruleIndex.get(r)!;
    const b = r.body;
    const v = fx(ctx, r.name, false, "u");
    const cond = condOf(r, "u");
    see.push(`  // ${commentText(r.name, 40)}`);
    if (b.kind === "proportional") {
      start.push(`  X[${n}] = { best: 0 };`);
      see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v > X[${n}].best) X[${n}].best = v; }`);
      each.push(`// ${commentText(r.name, 40)}：比例（按最高值）`, `function cx${n}(X, u) {`, `  if (!(${cond})) return undefined;`, `  const v = ${v};`, "  if (v === undefined) return undefined;", `  const best = X[${n}].best;`);
      each.push(`  const a = best === 0 ? 0 : kpMulDiv(${b.max}, v, best);`);
      each.push(`  return { a, x: kpFormat(v) + " ÷ 最高值 " + kpFormat(best) + ${S(` × 满分 ${fmt(b.max)} = `)} + kpFormat(a), f: kpFormat(v) };`, "}", "");
    } else if (b.kind === "linear") {
      // the base: the average (rounded at the 6th decimal) or the median (of an even count, the mean
      // of the two middle values, rounded likewise) of the applicable units' values
      // (values are ≥ 0; the sum in BigInt so that no count of units can overflow it; the average and
      // the median lie between the values, so they fit)
      if (b.baseFrom === "average") {
        start.push(`  X[${n}] = { s: 0n, c: 0n };`);
        see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v !== null) { X[${n}].s += BigInt(v); X[${n}].c++; } }`);
        end.push(`  { const sum = X[${n}].s, cnt = X[${n}].c;`, "    let avg = cnt === 0n ? 0n : sum / cnt;", "    if (cnt !== 0n && 2n * (sum % cnt) >= cnt) avg += 1n;", `    X[${n}] = { b: Number(avg) }; }`);
      } else {
        start.push(`  X[${n}] = kpValues();`);
        see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v !== null) X[${n}].push(v); }`);
        end.push(`  { const have = X[${n}].sorted();`, "    const m = have.length >> 1;", `    X[${n}] = { b: have.length === 0 ? 0 : have.length % 2 === 1 ? have[m] : have[m - 1] + kpDivRound(have[m] - have[m - 1], 2) }; }`);
      }
    } else if (b.kind === "ranked") {
      // (a value null — not given — ranks as 0, as it compares in the sort)
      start.push(`  X[${n}] = kpValues();`);
      see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined) X[${n}].push(v); }`);
      end.push(`  X[${n}] = X[${n}].sorted();`);
      each.push(`// ${commentText(r.name, 40)}：排名`, `function cx${n}(X, u) {`, `  if (!(${cond})) return undefined;`, `  const v = ${v};`, "  if (v === undefined) return undefined;", `  const sorted = X[${n}];`);
      rankLines(each, b, '""', "  ", "return ");
      each.push("}", "");
    }
  }
  o.push("function crossStart() {", "  const X = {};", ...start, "  return X;", "}", "");
  o.push("function crossSee(X, u) {", ...see, "}", "");
  o.push("function crossEnd(X) {", ...end, "}", "");
  if (rules.some((r) => r.body.kind === "ranked" || (r.body.kind === "linear" && r.body.baseFrom === "median"))) o.push(MODULE_PARTS_JS.values, "");
  o.push(...each);
}

/**
 * Lines ranking value `v` among `sorted` (ascending) into an entry given to `sink`: rank = 1 + the number of units strictly
 * better (ties share the better rank, the next rank is skipped: 1, 1, 3), by binary search; then
 * 每后退一位 or the 依次 table.  `what` is an expression prefixed to the explanation.
 */
function rankLines(o: string[], b: Extract<M.RuleBodyModel, { kind: "ranked" }>, what: string, indent = "      ", sink = "res[i] = "): void {
  o.push(indent + "let lo = 0, hi = sorted.length;");
  if (b.lowerIsBetter) {
    o.push(indent + "while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < v) lo = m + 1; else hi = m; }");
    o.push(indent + "const rank = lo + 1;");
  } else {
    o.push(indent + "while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] <= v) lo = m + 1; else hi = m; }");
    o.push(indent + "const rank = sorted.length - lo + 1;");
  }
  const pre = what === '""' ? "" : `${what} + `;
  if (b.table) {
    const rest = b.rest ?? 0;
    o.push(indent + `const table = ${jsValue(b.table)};`);
    o.push(indent + `const a = rank <= table.length ? table[rank - 1] : ${rest};`);
    o.push(
      indent + `${sink}{ a, x: ${pre}"第 " + rank + " 名（共 " + sorted.length + " 个单位），" + (rank <= table.length ? ${S(`依次得 ${b.table.map(fmt).join("、")}：第 `)} + rank + " 名得 " + kpFormat(a) : ${S(b.rest === undefined ? `依次得 ${b.table.map(fmt).join("、")}，第 ${b.table.length + 1} 名起不得分` : `第 ${b.table.length + 1} 名起其余得 ${fmt(rest)}`)}), f: kpFormat(v) };`,
    );
  } else {
    o.push(indent + `const lost = kpTimes(${b.step}, rank - 1);`);
    o.push(indent + `const a = lost >= ${b.max} ? 0 : ${b.max} - lost;`);
    o.push(indent + `${sink}{ a, x: ${pre}"第 " + rank + " 名，后退 " + (rank - 1) + ${S(` 位 × ${fmt(b.step)}，得 ${fmt(b.max)} − `)} + kpFormat(lost) + " = " + kpFormat(a), f: kpFormat(v) };`);
  }
}

/** Lines ranking `vals` (undefined = not ranked) into `res`: each ranked value's entry (rankLines). */
function rankAll(o: string[], b: Extract<M.RuleBodyModel, { kind: "ranked" }>, what: string): void {
  o.push("    const sorted = vals.filter((v) => v !== undefined).sort((p, q) => p - q);");
  o.push("    vals.forEach((v, i) => {");
  o.push("      if (v === undefined) return;");
  rankLines(o, b, what);
  o.push("    });");
}

/**
 * A ranking by a computed score: rk<n>(X) gives X[n] — each unit's place and points — from every
 * ranked unit's score of the indicator (its own subtree run, 参照 on it applied) or its total before
 * bonuses (base − 倒扣 carried out of the first-level indicators).
 */
export function emitComputedRank(ctx: Ctx, r: M.RuleModel, cat: M.Catalogue): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  const b = r.body;
  if (b.kind !== "ranked" || b.by.kind === "fact") return;
  const lists = [...(applicableClasses(r) ?? []), ...(b.by.kind === "indicator" ? (indicatorClasses(b.by.indicator) ?? []) : [])];
  const cond = lists.length > 0 ? lists.map((list) => `(${list.map((c) => `u.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
  const fresh = "{ F: u.F, c: u.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X, R: null, u: i, ref: false, zr: false, P: [] }";
  o.push(`// [${commentText(r.owner.id)}] ${commentText(r.name, 40)}：按${b.by.kind === "total" ? "总分（加分、减分之前）" : `「${commentText(b.by.indicator.name)}」得分`}排名`);
  o.push(`function rk${n}(X) {`);
  o.push("  const units = X.L;");
  o.push("  const R = Object.create(null);", "  for (const u of units) R[u.name] = u;");
  if (b.by.kind === "indicator") {
    const k = ctx.indIndex.get(b.by.indicator)!;
    o.push("  const vals = units.map((u, i) => {");
    o.push(`    if (!(${cond})) return undefined;`);
    o.push(`    const Y = ${fresh};`, "    Y.R = R;", `    i${k}(Y);`, `    return Y.S[${k}];`, "  });");
  } else {
    const tops = cat.indicators.map((i) => ctx.indIndex.get(i)!);
    o.push("  const vals = units.map((u, i) => {");
    o.push(`    if (!(${cond})) return undefined;`);
    o.push(`    const Y = ${fresh};`, "    Y.R = R;");
    for (const t of tops) o.push(`    i${t}(Y);`);
    o.push(`    return ${tops.map((t) => `Y.S[${t}]`).join(" + ") || "0"} - (${tops.map((t) => `Y.K[${t}]`).join(" + ") || "0"});`, "  });");
  }
  o.push("  const res = new Array(units.length);");
  const what = b.by.kind === "total" ? `"总分（加分、减分之前）" + kpFormat(v) + "，"` : `${S(`「${b.by.indicator.name}」得分 `)} + kpFormat(v) + "，"`;
  rankAll(o, b, what);
  o.push("  return res;", "}", "");
}
