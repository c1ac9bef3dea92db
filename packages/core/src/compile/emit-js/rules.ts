/**
 * One rule → its function r<n>(Z), returning the rule's deduction or award (raw): the header and the
 * applicability test here, the body printed from its scoring block (from-ir.ts, built by
 * ir/lower-rule.ts); with
 * 可减免, r<n>_ is the body and r<n> checks that a reduction given was applied to a deduction.
 */
import type * as M from "../../model.js";
import { S, classCond, fx, type Ctx } from "./context.js";
import { commentText } from "../js-literals.js";
import { emitBlockBody } from "./from-ir.js";

/** Emits rule r's function (and, with 可减免, its check). */
export function emitRule(ctx: Ctx, r: M.RuleModel): void {
  const o = ctx.out;
  const n = ctx.ruleIndex.get(r)!;
  o.push(`// [${commentText(r.owner.id)}] ${commentText(r.name, 40)}：${commentText(r.clause)}`);
  if (r.facts.length > 0) o.push(`// 事实：${r.facts.map((f) => `${fx(ctx, f.key)}「${commentText(f.key, 40)}」`).join("，")}`);
  // With 可减免 the body is r<n>_ and r<n> checks that a reduction given was applied to a deduction.
  const reductions = r.waivers.filter((w) => w.mode === "reduce");
  o.push(`function r${n}${reductions.length > 0 ? "_" : ""}(Z) {`);
  if (r.appliesTo) o.push(`  if (!(${classCond(r.appliesTo)})) return 0;`);
  // the body, printed from its scoring block (ir/lower-rule.ts)
  emitBlockBody(ctx, r);
  o.push("}", "");
  if (reductions.length > 0) {
    o.push(`function r${n}(Z) {`);
    // a rule that does not apply to the unit ignores its facts, the reduction included (语言参考 §6.5)
    if (r.appliesTo) o.push(`  if (!(${classCond(r.appliesTo)})) return 0;`);
    o.push("  Z.w = false;", `  const v = r${n}_(Z);`);
    for (const w of reductions) {
      const k = `${r.name}.${w.flag}`;
      o.push(
        `  if (!Z.w && ${fx(ctx, k)} > 0) throw new KpFactsError([{ code: "KP4065", message: ${S(`「${k}」的减免 `)} + kpFormat(${fx(ctx, k)}) + ${S(" 超出范围 [0, 0]：减免的分数应在 0 至本规则的扣分之间（本单位本规则不扣分）")}, unit: kpUnitName(Z), key: ${S(k)} }]);`,
      );
    }
    o.push("  return v;", "}", "");
  }
}
