/**
 * The cross-unit pass of the module: what rules across units read, gathered from the facts unit by
 * unit (crossStart/crossSee/crossEnd: the best value, the average/median base, the values ranked by a
 * fact), and every unit's score that a ranking by a computed score ranks (rk<n>).  What a rule makes
 * of them — its value, its trace — is its scoring block's (ir/lower-rule.ts, printed by from-ir.ts).
 */
import type * as M from "../../model.js";
import { MODULE_PARTS_JS } from "../../runtime/generated.js";
import { totalBlock } from "../../ir/total-block.js";
import { commentText } from "../js-literals.js";
import { S, fx, type Ctx } from "./context.js";
import { applicableClasses, indicatorClasses } from "./tables.js";

/** The JS test of a rule's applicability (its 适用 and its indicators') on unit `u`. */
function condOf(r: M.RuleModel, u: string): string {
  const cls = applicableClasses(r);
  return cls ? cls.map((list) => `(${list.map((c) => `${u}.c[${S(c)}]`).join(" || ")})`).join(" && ") : "true";
}

/**
 * Cross-unit rules on facts, gathered unit by unit into X[n] — the best value (proportion, ≥ 0), the
 * sum and count (average base), the values (median base, ranking by a fact: a growable Float64Array,
 * sorted at the end).  `rank`: the catalogue ranks (by a fact or a score): kpRank is included.
 */
export function emitCross(ctx: Ctx, rules: readonly M.RuleModel[], rank: boolean): void {
  const o = ctx.out;
  const start: string[] = [];
  const see: string[] = [];
  const end: string[] = [];
  for (const r of rules) {
    const n = ctx.ruleIndex.get(r)!;
    const b = r.body;
    const v = fx(ctx, r.name, false, "u");
    const cond = condOf(r, "u");
    see.push(`  // ${commentText(r.name, 40)}`);
    if (b.kind === "proportional") {
      start.push(`  X[${n}] = { best: 0 };`);
      see.push(`  if (${cond}) { const v = ${v}; if (v !== undefined && v > X[${n}].best) X[${n}].best = v; }`);
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
    }
  }
  o.push("function crossStart() {", "  const X = {};", ...start, "  return X;", "}", "");
  o.push("function crossSee(X, u) {", ...see, "}", "");
  o.push("function crossEnd(X) {", ...end, "}", "");
  if (rank || rules.some((r) => r.body.kind === "linear" && r.body.baseFrom === "median")) o.push(MODULE_PARTS_JS.values, "");
}

/**
 * A ranking by a computed score: rk<n>(X) gives X[n] — `v` each unit's score (undefined: not ranked),
 * `sorted` the scores ranked, ascending — from every ranked unit's score of the indicator (its own
 * subtree run, 参照 on it applied) or its total before bonuses (base − 倒扣 carried out of the
 * first-level indicators).
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
    // the total before bonuses (ir/total-block.ts's beforeBonuses): the first-level scores less their carry
    const tops = totalBlock(cat).tops.map((i) => ctx.indIndex.get(i)!);
    o.push("  const vals = units.map((u, i) => {");
    o.push(`    if (!(${cond})) return undefined;`);
    o.push(`    const Y = ${fresh};`, "    Y.R = R;");
    for (const t of tops) o.push(`    i${t}(Y);`);
    o.push(`    return ${tops.map((t) => `Y.S[${t}]`).join(" + ") || "0"} - (${tops.map((t) => `Y.K[${t}]`).join(" + ") || "0"});`, "  });");
  }
  o.push("  return { v: vals, sorted: vals.filter((v) => v !== undefined).sort((p, q) => p - q) };", "}", "");
}
