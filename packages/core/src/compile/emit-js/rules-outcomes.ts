/**
 * Rule bodies with fixed outcomes: vetoes, rated outcomes (评为).  (A yes/no fact once, with 否则,
 * 不得分 and bands of a value are printed from their scoring blocks: from-ir.ts.)
 */
import { jsValue } from "../js-literals.js";
import { S, fmt } from "./context.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** 一票否决 / 一票否优: a veto on the unit, no amount. */
export function emitVeto(e: RuleEmit, b: Body<"veto">): void {
  const { r, o, key, F } = e;
  o.push(`  if (!${F}) return 0;`);
  o.push(`  Z.V.push({ rule: ${key}, level: ${S(b.level)} });`);
  o.push(`  if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${key}, k: "veto", a: 0, x: ${S(b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次")}, f: { [${key}]: true } });`);
  o.push("  return 0;");
}

/** Rated outcomes (评为 「优秀」 得 …). */
export function emitRated(e: RuleEmit, b: Body<"rated">): void {
  const { r, o, key, F, PT, finish } = e;
  // the fact is the outcome's position in the list (the reader checked the name)
  const word = r.effect === "award" ? "得" : "扣";
  o.push(`  const x = ${F};`, "  if (x === undefined || x === null) return 0;");
  o.push(`  const NAMES = ${jsValue(b.outcomes.map((x) => x.name))};`);
  o.push(`  const TEXTS = ${jsValue(b.outcomes.map((x) => (x.text === String(fmt(x.amount)) ? "" : `（${x.text === "满分" ? (PT === undefined ? "满分" : `满分 ${fmt(PT)}`) : PT === undefined ? `本项分值的 ${x.text}` : `本项 ${fmt(PT)} 分的 ${x.text}`}）`)))};`);
  o.push(`  let v = ${jsValue(b.outcomes.map((x) => x.amount))}[x];`);
  o.push("  if (v === 0) return 0;");
  finish("v", (pre) => `"评为「" + NAMES[x] + "」，${word} " + kpFormat(${pre}) + TEXTS[x]`, () => `{ [${key}]: NAMES[x] }`);
}
