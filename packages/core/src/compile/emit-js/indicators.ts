/**
 * Indicators and sections: i<n>(Z) scores an indicator (children, rules, groups, 参照, clamps,
 * 倒扣 carried up) into Z.S[n] / Z.K[n]; b<n>/p<n>(Z) a bonus or penalty section.
 */
import type * as M from "../../model.js";
import { commentText } from "../js-literals.js";
import { REFERRED, appliesWhen, indicatorBlock, takerCond } from "../../ir/indicator-block.js";
import { sectionBlock, split, summed, vetoes } from "../../ir/owner-block.js";
import type { Text } from "../../ir/rule-block.js";
import { JsNames, Printer } from "./from-ir.js";
import { indicatorPoints } from "../../ir/block-builder.js";
import { S, classDependent, fmt, type Ctx } from "./context.js";

/** Emits indicator ind's function i<n>. */
export function emitIndicator(ctx: Ctx, ind: M.IndicatorModel, groupName: Map<M.GroupModel, string>, referIndex: Map<M.ReferModel, number>): void {
  const o = ctx.out;
  const n = ctx.indIndex.get(ind)!;
  const id = S(ind.id);
  // Points that differ by unit class are computed per unit into `P` (and Z.P[n], for reports);
  // otherwise they are a number in the code, as are the texts that show them.
  const cd = classDependent(ind);
  const p = new Printer(ctx, new JsNames(), { best: "", sorted: "" });
  // an indicator's points for the unit, printed from the IR's (block-builder's indicatorPoints): a
  // number, or for points that differ by class the first listed class the unit has
  const pointsExpr = (i: M.IndicatorModel): string => p.expr(indicatorPoints(p.names, i));
  const P: string | number = cd ? "P" : ind.points;
  // `above`: a two-sided linear rule in this subtree may lift scores above points; Z.E[n] holds
  // the part of Z.S[n] above the points, which parents add after their own clamp.
  const b = indicatorBlock(ind);
  const above = b.above;
  const subtree = b.subtree.map((i) => ctx.indIndex.get(i)!);
  const pointsNote = ind.classPoints ? `，${ind.classPoints.map((cp) => `${cp.unitClass} ${fmt(cp.points)} 分`).join("，")}` : "";
  o.push(`// [${commentText(ind.id)}] ${commentText(ind.name)}（${fmt(ind.points)} 分${commentText(pointsNote)}）`);
  o.push(`function i${n}(Z) {`);
  if (cd) o.push(`  const P = ${pointsExpr(ind)};`, `  Z.P[${n}] = P;`);
  if (b.applies) {
    // not applicable (the block's 适用): this indicator and everything under it count at full points
    o.push(`  if (!${p.cond(appliesWhen(p.names, b))}) {`);
    o.push(`    ${b.subtree.map((i) => { const k = ctx.indIndex.get(i)!; const pe = pointsExpr(i); return `Z.S[${k}] = ${pe};${classDependent(i) ? ` Z.P[${k}] = ${pe};` : ""} Z.K[${k}] = 0;${above ? ` Z.E[${k}] = 0;` : ""}`; }).join(" ")}`);
    o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${p.text(b.applies.note)} });`);
    o.push("    return;", "  }");
  }
  // its 参照 (the block's): the first whose taker the unit is, unless the unit is being scored for
  // another's 参照 (Z.ref)
  for (const { ref, note } of b.refers) {
    o.push(`  if (${p.cond(takerCond(p.names, ref))} && !Z.ref) {`);
    if (ref.source.kind === "unit") {
      o.push(`    const ref = Z.R[${S(ref.source.unit)}];`);
      o.push(`    const Y = { F: ref.F, c: ref.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: ref.index, ref: true, zr: false, P: [] };`);
      o.push(`    i${n}(Y);`);
      o.push(`    ${b.subtree.map((i) => { const k = ctx.indIndex.get(i)!; return `Z.S[${k}] = Y.S[${k}]; Z.K[${k}] = Y.K[${k}];${above ? ` Z.E[${k}] = Y.E[${k}];` : ""}${classDependent(i) ? ` Z.P[${k}] = Y.P[${k}];` : ""}`; }).join(" ")}`);
      p.alias.set(REFERRED, `Y.S[${n}]`);
      o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${p.text(note)} });`);
      p.alias.delete(REFERRED);
    } else {
      // the pool's scores of this indicator and each indicator under it; no 倒扣 is carried
      o.push(`    const P = kpPoolScores(Z, ${referIndex.get(ref)}, i${n}, [${subtree.join(", ")}]);`);
      o.push(`    ${subtree.map((k, x) => `Z.S[${k}] = P.agg[${x}]; Z.K[${k}] = 0;${above ? ` Z.E[${k}] = 0;` : ""}`).join(" ")}`);
      o.push(`    if (Z.T) Z.T.push({ i: ${id}, k: "note", a: 0, x: ${p.text(note)} + kpPoolText(P, ${S(ref.source.aggregate)}) });`);
    }
    o.push("    return;", "  }");
  }
  // the score, printed from the indicator's block (ir/indicator-block.ts): children, terms as booked,
  // 扣完为止, the points cap, 不得分, the part above the points, 倒扣 carried up
  const t = (parts: readonly Text[]) => p.text(parts);
  o.push("  let pos = 0;", "  let d = 0;", "  let o = 0;");
  if (above) o.push("  let e = 0;");
  for (const ch of b.children) {
    const k = ctx.indIndex.get(ch.ind)!;
    if (ch.above) o.push(`  i${k}(Z); pos += Z.S[${k}] - Z.E[${k}]; e += Z.E[${k}]; o += Z.K[${k}];`);
    else o.push(`  i${k}(Z); pos += Z.S[${k}]; o += Z.K[${k}];`);
  }
  // Z.zr: one of this indicator's own rules ended in 不得分 (set by the rule, whatever group caps
  // its deduction): the indicator scores 0.
  o.push("  Z.zr = false;");
  for (const term of b.terms) {
    if (term.k === "group") {
      o.push(`  d += ${groupName.get(term.group)}(Z);`);
      continue;
    }
    const call = `r${ctx.ruleIndex.get(term.rule)}(Z)`;
    const as = term.as;
    if (as.k === "signed") o.push(`  { const v = ${call}; if (v >= 0) pos += v; else ${as.over ? "o" : "d"} -= v; }`);
    else if (as.k === "twoSided") o.push(`  { const t = ${call}; if (t < 0) d -= t; else e += t; }`);
    else if (as.k === "veto") o.push(`  ${call};`);
    else o.push(`  ${as.k === "award" ? "pos" : as.k === "overdraft" ? "o" : "d"} += ${call};`);
  }
  o.push(`  const base = ${b.summed ? "pos" : P};`);
  o.push("  let s = base - d;");
  o.push(`  if (s < 0) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: -s, x: ${t(b.notes.exhausted)} }); s = 0; }`);
  if (b.summed) o.push(`  if (s > ${P}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: s - ${P}, x: ${t(b.notes.overPoints)} }); s = ${P}; }`);
  if (above) {
    o.push(`  if (Z.zr && (s > 0 || e > 0)) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: s + e, x: ${t(b.notes.zero)} }); s = 0; e = 0; }`);
    o.push(`  if (e > 0) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: e, x: ${t(b.notes.aboveAdded)} }); s += e; }`);
  } else o.push(`  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: ${id}, k: "note", a: s, x: ${t(b.notes.zero)} }); s = 0; }`);
  o.push("  Z.zr = false;");
  o.push("  s -= o;", "  let k = 0;");
  o.push(`  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: ${id}, k: "note", a: k, x: ${t(b.notes.carried)} }); }`);
  o.push(`  Z.S[${n}] = s;`, `  Z.K[${n}] = k;`);
  if (above) o.push(`  Z.E[${n}] = s < e ? s : e;`);
  o.push("}", "");
}

/**
 * Emits a bonus or penalty section's function, printed from its block (ir/owner-block.ts): the terms
 * summed (a group once), its vetoes run, its 否则 rules split (≥ 0 into the sum, < 0 outside the cap),
 * the cap and both notes.  (The trace shows the summed terms' entries first, then the vetoes', then
 * the 否则 rules'.)
 */
export function emitSection(ctx: Ctx, s: M.SectionModel, name: string, groupName: Map<M.GroupModel, string>): void {
  const o = ctx.out;
  const id = S(s.id);
  const b = sectionBlock(s);
  const call = (r: M.RuleModel) => `r${ctx.ruleIndex.get(r)}(Z)`;
  o.push(`// ${s.kind === "bonus" ? "加分" : "减分"}「${commentText(s.name)}」`);
  o.push(`function ${name}(Z) {`);
  const terms = summed(b).map((t) => (t.k === "group" ? `${groupName.get(t.group)}(Z)` : call(t.rule)));
  o.push(`  let v = ${terms.join(" + ") || "0"};`);
  for (const r of vetoes(b)) o.push(`  ${call(r)};`);
  const outside = split(b);
  if (outside.length > 0) {
    o.push("  let m = 0;");
    for (const r of outside) o.push(`  { const x = ${call(r)}; if (x >= 0) v += x; else m -= x; }`);
  }
  if (b.cap) o.push(`  if (v > ${b.cap.value}) { if (Z.T) Z.T.push({ i: ${id}, k: "limit", a: v - ${b.cap.value}, x: ${S(b.cap.over.text)} + kpFormat(v) + ${S(b.cap.over.after)} }); v = ${b.cap.value}; }`);
  if (outside.length > 0) {
    o.push(`  if (m > 0 && Z.T) Z.T.push({ i: ${id}, k: "note", a: m, x: ${S(b.outside.text)} + kpFormat(m) + ${S(b.outside.after)} });`);
    o.push("  return v - m;", "}", "");
    return;
  }
  o.push("  return v;", "}", "");
}
