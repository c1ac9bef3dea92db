/** Groups of rules: a cap on their sum (合计上限), or 就高 (per incident, only the largest counts). */
import type * as M from "../../model.js";
import { commentText } from "../js-literals.js";
import { S, amountExpr, classCond, fmt, fx, traceCall, type Ctx, type Owner } from "./context.js";
import { multiplierLines, withFlags } from "./rule-emit.js";

/**
 * A cap group or highest-only group: returns the group's deduction (or, for 就高 in a 加分 section,
 * its award).
 */
export function emitGroup(ctx: Ctx, g: M.GroupModel, name: string, ind: Owner): void {
  const o = ctx.out;
  const id = S(ind.id);
  const award = ind.kind === "bonus";
  const act = award ? "award" : "deduct";
  const verb = award ? "加" : "扣";
  if (g.kind === "cap") {
    o.push(`// [${commentText(ind.id)}] 合计上限 ${fmt(g.cap ?? 0)}：${commentText(g.rules.map((r) => r.name).join("、"))}`);
    o.push(`function ${name}(Z) {`);
    o.push(`  const d = ${g.rules.map((r) => `r${ctx.ruleIndex.get(r)}(Z)`).join(" + ") || "0"};`);
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: "以上合计扣 " + kpFormat(d) + ${S(`，超过合计上限 ${fmt(g.cap ?? 0)}，按 ${fmt(g.cap ?? 0)} 计`)} }); return ${g.cap}; }`,
    );
    o.push("  return d;", "}", "");
    return;
  }
  // 就高: every occurrence is an item (incident id or anonymous); per incident only the largest counts.
  o.push(`// [${commentText(ind.id)}] 就高（按最高标准${verb}分，不重复${verb}）：${commentText(g.rules.map((r) => r.name).join("、"))}`);
  o.push(`function ${name}(Z) {`);
  o.push("  let anon = 0;", "  const best = new Map();", "  const hits = new Map();");
  o.push("  const add = (id, a, rule) => {");
  o.push("    if (id === undefined) { anon += a; return; }");
  o.push("    const prev = best.get(id);");
  o.push("    if (prev === undefined || a > prev) best.set(id, a);");
  o.push("    const h = hits.get(id) || [];");
  o.push("    h.push({ rule, a });");
  o.push("    hits.set(id, h);");
  o.push("  };");
  o.push("  let gross = 0;");
  for (const r of g.rules) {
    const b = r.body;
    const key = S(r.name);
    const rid = S(r.name);
    const applies = r.appliesTo ? `(${classCond(r.appliesTo)})` : "true";
    o.push(`  if (${applies}) { // ${commentText(r.name, 40)}`);
    o.push("    let note = \"\";");
    if (b.kind === "per" || b.kind === "once") {
      const isPer = b.kind === "per";
      const F = fx(ctx, r.name);
      o.push(`    let amt = ${amountExpr(b.amount, b.overrides)};`);
      o.push(...multiplierLines(ctx, r, "amt", "amount").map((l) => "  " + l));
      if (isPer) {
        o.push(`    const n = ${F} || 0;`);
        o.push(`    const ids = ${fx(ctx, r.name, true)};`);
        o.push("    if (n > 0) {");
        o.push(`      if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid});`);
        o.push("      const v = kpTimes(amt, n);", "      gross += v;");
        o.push(`      ${traceCall(r, act, "v", `n + ${S((b as { nouns: string[] }).nouns[0]!)} + " × " + kpFormat(amt) + note + " = " + kpFormat(v) + (ids ? "（事件：" + ids.join("、") + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids || n }`))}`);
        o.push("    }");
      } else {
        o.push(`    if (${F}) {`);
        o.push(`      const ids = ${fx(ctx, r.name, true)};`);
        o.push(`      add(ids ? ids[0] : undefined, amt, ${rid});`);
        o.push("      gross += amt;");
        o.push(`      ${traceCall(r, act, "amt", `${S(award ? "获得，加 " : "发生，扣 ")} + kpFormat(amt) + note + (ids ? "（事件：" + ids[0] + "）" : "")`, withFlags(ctx, r, `{ [${key}]: ids ? ids[0] : true }`))}`);
        o.push("    }");
      }
    } else if (b.kind === "categories") {
      o.push("    let v = 0;", "    const parts = [];", "    const used = {};");
      for (const c of b.categories) {
        const k = `${r.name}.${c.name}`;
        o.push(`    { let amt = ${c.amount}; let times = "";`);
        o.push(...multiplierLines(ctx, r, "amt", "amount", "times").map((l) => "    " + l.trimStart()));
        o.push(`      const n = ${fx(ctx, k)} || 0; const ids = ${fx(ctx, k, true)};`);
        o.push(`      if (n > 0) { if (ids) for (const id of ids) add(id, amt, ${rid}); else add(undefined, kpTimes(amt, n), ${rid}); v += kpTimes(amt, n); used[${S(k)}] = ids || n; parts.push(${S(c.name + " ")} + n + ${S(b.noun + " × ")} + kpFormat(amt) + times + (ids ? "（事件：" + ids.join("、") + "）" : "")); } }`);
      }
      o.push("    if (v > 0) {", "      gross += v;");
      o.push(`      ${traceCall(r, act, "v", `parts.join(" + ") + " = " + kpFormat(v) + note`, withFlags(ctx, r, "used"))}`);
      o.push("    }");
    }
    o.push("  }");
  }
  o.push("  let d = anon;");
  o.push("  for (const [id, a] of best) {");
  o.push("    d += a;");
  o.push("    const h = hits.get(id);");
  o.push("    if (Z.T && h.length > 1) {");
  o.push("      const sum = h.reduce((s, x) => s + x.a, 0);");
  o.push(
    award
      ? `      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: "事项「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高级别加 " + kpFormat(a) + "，不累加" });`
      : `      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: "事件「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高标准扣 " + kpFormat(a) + "，不重复扣" });`,
  );
  o.push("    }", "  }");
  if (g.cap !== undefined) {
    o.push(
      `  if (d > ${g.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${g.cap}, x: ${S(`就高后合计${verb} `)} + kpFormat(d) + ${S(`，超过上限 ${fmt(g.cap)}，按 ${fmt(g.cap)} 计`)} }); d = ${g.cap}; }`,
    );
  }
  o.push("  return d;", "}", "");
}
