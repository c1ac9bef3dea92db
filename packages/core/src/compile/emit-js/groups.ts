/**
 * Groups of rules: a cap on their sum (合计上限), or 就高 (per incident, only the largest counts) — each
 * printed from its block (ir/owner-block.ts, ir/lower-groups.ts).
 */
import type * as M from "../../model.js";
import { commentText } from "../js-literals.js";
import { groupBlock } from "../../ir/lower-groups.js";
import { capGroupBlock } from "../../ir/owner-block.js";
import { S, fmt, fx, type Ctx, type Owner } from "./context.js";
import { JsNames, Printer } from "./from-ir.js";

/**
 * A cap group or highest-only group: returns the group's deduction (or, for 就高 in a 加分 section,
 * its award).
 */
export function emitGroup(ctx: Ctx, g: M.GroupModel, name: string, ind: Owner): void {
  const o = ctx.out;
  const id = S(ind.id);
  if (g.kind === "cap") {
    // printed from its block (ir/owner-block.ts): the sum of its rules, at most the cap, with its note
    const b = capGroupBlock(g);
    o.push(`// [${commentText(ind.id)}] 合计上限 ${fmt(b.cap)}：${commentText(b.rules.map((r) => r.name).join("、"))}`);
    o.push(`function ${name}(Z) {`);
    o.push(`  const d = ${b.rules.map((r) => `r${ctx.ruleIndex.get(r)}(Z)`).join(" + ") || "0"};`);
    o.push(`  if (d > ${b.cap}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${b.cap}, x: ${S(b.over.text)} + kpFormat(d) + ${S(b.over.after)} }); return ${b.cap}; }`);
    o.push("  return d;", "}", "");
    return;
  }
  emitHighest(ctx, g, name, ind);
}

/**
 * A 就高 group's function, printed from its block (ir/lower-groups.ts): per rule that applies, its lets,
 * its hits (add: per incident id the largest amount is kept, anonymous amounts add up) and its trace;
 * then per incident id hit by more than one rule a `limit` note, and the group's cap.
 */
function emitHighest(ctx: Ctx, g: M.GroupModel, name: string, ind: Owner): void {
  const o = ctx.out;
  const id = S(ind.id);
  const names = new JsNames();
  const gb = groupBlock(names, g, ind.kind === "bonus");
  const p = new Printer(ctx, names, { best: "", sorted: "" });
  const verb = ind.kind === "bonus" ? "加" : "扣";
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
  g.rules.forEach((r, i) => {
    const gr = gb.rules[i]!;
    o.push(`  if (${p.test(gr.when)}) { // ${commentText(gr.name, 40)}`);
    for (const s of gr.body) {
      if (s.k === "let") o.push(`    const ${s.name} = ${p.top(s.e)};`);
      else if (s.k === "list") o.push(`    const ${s.name} = ${fx(ctx, s.of.key, true)} || [];`);
      else throw new Error(`internal: ${s.k} in a 就高 rule`);
    }
    const rid = S(gr.name);
    for (const h of gr.hits) {
      const a = p.expr(h.amount);
      // a count: one hit per incident id given, else the amount × the count anonymously; once: its id, or anonymously
      if (!h.n) o.push(`    if (${p.test(h.when)}) add(${h.list}.length > 0 ? ${h.list}[0] : undefined, ${a}, ${rid});`);
      else {
        const n = p.expr(h.n);
        o.push(`    if (${n} > 0) { if (${h.list}.length > 0) for (const id of ${h.list}) add(id, ${a}, ${rid}); else add(undefined, kpTimes(${a}, ${n}), ${rid}); }`);
      }
    }
    o.push(`    if (${p.test(gr.shown)}) {`, `      ${p.trace(r, gr.trace, p.expr(gr.trace.amount!), "")}`, "    }");
    o.push("  }");
  });
  const l = gb.limit;
  o.push("  let d = anon;");
  o.push("  for (const [id, a] of best) {");
  o.push("    d += a;");
  o.push("    const h = hits.get(id);");
  o.push("    if (Z.T && h.length > 1) {");
  o.push("      const sum = h.reduce((s, x) => s + x.a, 0);");
  o.push(`      Z.T.push({ i: ${id}, k: "limit", a: sum - a, x: ${S(l.open)} + id + ${S(l.between)} + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + ${S(l.kept)} + kpFormat(a) + ${S(l.close)} });`);
  o.push("    }", "  }");
  if (gb.cap) {
    const cap = gb.cap;
    o.push(`  if (d > ${cap.value}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: d - ${cap.value}, x: ${S(cap.text)} + kpFormat(d) + ${S(cap.over)} }); d = ${cap.value}; }`);
  }
  o.push("  return d;", "}", "");
}
