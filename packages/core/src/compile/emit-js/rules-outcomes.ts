/**
 * Rule bodies with fixed outcomes: 不得分, vetoes, bands of a value, rated outcomes (评为).  (A yes/no
 * fact once, with 否则, is printed from its scoring block: from-ir.ts.)
 */
import { jsValue } from "../js-literals.js";
import { S, amountExpr, amountNote, fmt, outcomeAssign, outcomeWord, traceCall } from "./context.js";
import { bandStepLines } from "./rules-linear.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** 不得分: the indicator's points. */
export function emitZero(e: RuleEmit, b: Body<"zero">): void {
  const { o, key, F, P, PT, deferZr, finish } = e;
  o.push(`  if (!${F}) return 0;`, `  let v = ${P};`, `  ${deferZr ? "let" : "const"} zero = true;`, ...(deferZr ? [] : ["  Z.zr = true;"]));
  finish("v", () => (PT === undefined ? `"不得分：本项 " + kpFormat(v) + " 分全部扣除"` : S(`不得分：本项 ${fmt(PT)} 分全部扣除`)), () => `{ [${key}]: true }`, true);
}

/** 一票否决 / 一票否优: a veto on the unit, no amount. */
export function emitVeto(e: RuleEmit, b: Body<"veto">): void {
  const { r, o, key, F } = e;
  o.push(`  if (!${F}) return 0;`);
  o.push(`  Z.V.push({ rule: ${key}, level: ${S(b.level)} });`);
  o.push(`  if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${key}, k: "veto", a: 0, x: ${S(b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次")}, f: { [${key}]: true } });`);
  o.push("  return 0;");
}

/** Bands of a value (分段), each band an outcome, some going on per step. */
export function emitBands(e: RuleEmit, b: Body<"bands">): void {
  const { r, o, key, F, P, PT, deferZr, finish } = e;
  const pct = b.percent ? '"%"' : '""';
  o.push(`  const x = ${F};`);
  o.push("  let v = 0;", "  let why;", "  let zero = false;");
  if (b.missing) {
    o.push(`  if (x === null || x === undefined) { ${outcomeAssign(b.missing, P, deferZr)} why = ${S("未报送，" + outcomeWord(b.missing, PT))}; }`);
  } else o.push("  if (x === null || x === undefined) return 0;");
  b.bands.forEach((band, i) => {
    const conds: string[] = [];
    if (band.lower) conds.push(`x ${band.lowerInclusive ? ">=" : ">"} ${band.lower.raw}`);
    if (band.upper) conds.push(`x ${band.upperInclusive ? "<=" : "<"} ${band.upper.raw}`);
    const head = `  ${i === 0 && !b.missing ? "if" : "else if"} (${conds.join(" && ") || "true"}) {`;
    const inBand = `"数值 " + kpFormat(x) + ${pct} + ${S(` 在 ${band.text} 内，${outcomeWord(band.outcome, PT)}`)}`;
    if (band.steps && band.outcome.kind !== "zero") o.push(head, ...bandStepLines(band.steps, band.outcome, inBand), "  }");
    else o.push(`${head} ${outcomeAssign(band.outcome, P, deferZr)} why = ${inBand}; }`);
  });
  o.push("  if (v === 0) return 0;");
  const factsText = `{ [${key}]: x === null || x === undefined ? "未报送" : kpFormat(x) + ${pct} }`;
  if (b.mayGoNegative) {
    // an award gone below 0 per step is a deduction from the item (returned negative); no
    // multipliers or caps here (KP2115)
    o.push(`  ${traceCall(r, "award", "(v < 0 ? -v : v)", "why", factsText).replace(`k: "award"`, `k: v < 0 ? "deduct" : "award"`)}`);
    o.push("  return v;");
    return;
  }
  finish("v", () => "why", () => factsText, true);
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
