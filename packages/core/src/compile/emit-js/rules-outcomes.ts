/**
 * Rule bodies with fixed outcomes: vetoes.  (A yes/no fact once, with 否则, 不得分, bands of a value and
 * rated outcomes 评为 are printed from their scoring blocks: from-ir.ts.)
 */
import { S } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** 一票否决 / 一票否优: a veto on the unit, no amount. */
export function emitVeto(e: RuleEmit, b: Body<"veto">): void {
  const { r, o, key, F } = e;
  o.push(`  if (!${F}) return 0;`);
  o.push(`  Z.V.push({ rule: ${key}, level: ${S(b.level)} });`);
  o.push(`  if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${key}, k: "veto", a: 0, x: ${S(b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次")}, f: { [${key}]: true } });`);
  o.push("  return 0;");
}
