/**
 * Rule bodies on a value against a base: linear rules (每低/每超 … 扣 or 得; two sides, a base across
 * units or the unit's target, 不足一档 modes).  (Shortfalls and bands, their per-step part included,
 * are printed from their scoring blocks: from-ir.ts.)
 */
import type * as M from "../../model.js";
import type * as A from "../../ast.js";
import { S, fmt, fx, outcomeAssign, outcomeWord, traceCall, type Ctx } from "./context.js";
import type { Finish } from "./rule-emit.js";
import type { Body, RuleEmit } from "./rule-emit.js";

/** A linear rule (每低/每超 … 扣): a plain deduction here; the others go to emitLinear. */
export function emitPlainLinear(e: RuleEmit, b: Body<"linear">): void {
  const { ctx, r, o, n, key, F, P, PT, deferZr, finish } = e;
  if (b.action === "award" || b.other || b.baseFrom || b.mode === "round") {
    emitLinear(ctx, r, b, n, F, P, PT, deferZr, finish);
    return;
  }
  const pct = b.base.percent ? '"%"' : '""';
  const unit = b.step.measure ?? (b.step.percent ? "个百分点" : "");
  o.push(`  const x = ${F};`);
  o.push("  let v = 0;", "  let why;", "  let zero = false;");
  let first = "if";
  if (b.cutoff) {
    const c = b.cutoff;
    o.push(
      `  if (x ${c.direction === "below" ? "<" : ">"} ${c.value.raw}) { ${outcomeAssign(c.outcome, P, deferZr)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` ${c.direction === "below" ? "低于" : "高于"} ${c.value.text}，${outcomeWord(c.outcome, PT)}`)}; }`,
    );
    first = "else if";
  }
  const diff = b.direction === "below" ? `${b.base.raw} - x` : `x - ${b.base.raw}`;
  const dirWord = b.direction === "below" ? "低于" : "超过";
  const stepsExpr =
    b.mode === "proportional"
      ? `kpMulDiv(diff, ${b.amount}, ${b.step.raw})`
      : `kpTimes(${b.amount}, kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
  const stepsText =
    b.mode === "proportional"
      ? `kpFormat(kpDiv(diff, ${b.step.raw}))`
      : `String(kpSteps(diff, ${b.step.raw}, ${b.mode === "ceil"}))`;
  o.push(`  ${first} (${diff} > 0) {`);
  o.push(`    const diff = ${diff};`);
  o.push(`    v = ${stepsExpr};`);
  o.push(
    `    why = ${S(`${dirWord}基准 ${b.base.text} `)} + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(b.amount)} = `)} + kpFormat(v)${b.mode === "proportional" ? "" : ` + ${S(b.mode === "floor" ? "（不足一档不计）" : "（不足一档按一档计）")}`};`,
  );
  o.push("  }");
  o.push("  if (v === 0) return 0;");
  finish("v", () => "why", () => `{ [${key}]: kpFormat(x) + ${pct} }`, true);
}

export type LinearBody = Extract<M.RuleBodyModel, { kind: "linear" }>;
interface Side {
  direction: "below" | "above";
  step: M.Quantity;
  amount: number;
  mode: LinearBody["mode"];
  action: "deduct" | "award";
  cap?: number;
}

const modeWords: Record<LinearBody["mode"], string> = { proportional: "", floor: "（不足一档不计）", ceil: "（不足一档按一档计）", round: "（不足一档四舍五入）" };

/**
 * The code of `amount` per step of `step` over `diff` (> 0) with a 不足一档 mode, and of the number of
 * steps as shown: shared by linear rules' sides and band steps.
 */
export function stepCode(mode: A.StepMode, amount: number, step: number): { stepsExpr: string; stepsText: string } {
  if (mode === "proportional") return { stepsExpr: `kpMulDiv(diff, ${amount}, ${step})`, stepsText: `kpFormat(kpDiv(diff, ${step}))` };
  if (mode === "round")
    return { stepsExpr: `kpTimes(${amount}, kpDivRound(diff, ${step}))`, stepsText: `kpFormat(kpDiv(diff, ${step})) + " → " + kpDivRound(diff, ${step})` };
  return { stepsExpr: `kpTimes(${amount}, kpSteps(diff, ${step}, ${mode === "ceil"}))`, stepsText: `String(kpSteps(diff, ${step}, ${mode === "ceil"}))` };
}

/** Lines computing one side of a linear rule into `v` from `diff` (> 0), with `why`. */
function sideLines(side: Side, baseText: string): string[] {
  const unit = side.step.measure ?? (side.step.percent ? "个百分点" : "");
  const { stepsExpr, stepsText } = stepCode(side.mode, side.amount, side.step.raw);
  const dirWord = side.direction === "below" ? "低于" : "超过";
  const act = side.action === "award" ? "得" : "扣";
  const lines = [
    `    v = ${stepsExpr};`,
    `    why = ${S(dirWord)} + ${baseText} + " " + kpFormat(diff) + ${S(unit ? ` ${unit}` : "")} + "，" + ${stepsText} + ${S(` 档 × ${fmt(side.amount)} = `)} + kpFormat(v)${modeWords[side.mode] ? ` + ${S(modeWords[side.mode])}` : ""};`,
  ];
  if (side.cap !== undefined) lines.push(`    if (v > ${side.cap}) { why += ${S(`，${side.action === "award" ? "加分" : "扣分"}最多 ${fmt(side.cap)}`)}; v = ${side.cap}; }`);
  lines.push(`    why += ${S(`，${act} `)} + kpFormat(v);`);
  return lines;
}

/**
 * A linear rule beyond a plain deduction: an award, two sides (returns the award above the item's
 * points as a positive number, the deduction as a negative one), a base computed across units
 * (Z.X[n].b) or the unit's own target, 不足一档四舍五入.
 */
export function emitLinear(ctx: Ctx, r: M.RuleModel, b: LinearBody, n: number, F: string, P: string, PT: number | undefined, deferZr: boolean, finish: Finish): void {
  const o = ctx.out;
  const key = S(r.name);
  const pct = b.base.percent ? '"%"' : '""';
  const measure = b.base.percent ? "" : (b.base.measure ?? "");
  o.push(`  const x = ${F};`);
  if (r.facts[0]?.optional) o.push("  if (x === null || x === undefined) return 0;");
  let baseText: string;
  let factsText: string;
  if (b.baseFrom === "average" || b.baseFrom === "median") {
    o.push(`  const B = Z.X[${n}].b;`);
    baseText = `${S(`基准（各单位${b.base.text}）`)} + kpFormat(B) + ${pct}${measure ? ` + ${S(measure)}` : ""}`;
    factsText = `{ [${key}]: kpFormat(x) + ${pct}, ${S(b.base.text)}: kpFormat(B) + ${pct} }`;
  } else if (b.baseFrom === "target") {
    o.push(`  const B = ${fx(ctx, `${r.name}.目标值`)};`);
    baseText = `"目标值 " + kpFormat(B) + ${pct}${measure ? ` + ${S(measure)}` : ""}`;
    factsText = `{ [${key}]: kpFormat(x) + ${pct}, [${S(`${r.name}.目标值`)}]: kpFormat(B) + ${pct} }`;
  } else {
    o.push(`  const B = ${b.base.raw};`);
    baseText = S(`基准 ${b.base.text}${b.base.measure && !b.base.percent ? b.base.measure : ""}`);
    factsText = `{ [${key}]: kpFormat(x) + ${pct} }`;
  }
  o.push("  let v = 0;", "  let why;", "  let zero = false;");
  const sides: Side[] = [{ direction: b.direction, step: b.step, amount: b.amount, mode: b.mode, action: b.action }];
  if (b.other) {
    if (b.sideCap !== undefined) sides[0]!.cap = b.sideCap;
    const os: Side = { direction: b.other.direction, step: b.other.step, amount: b.other.amount, mode: b.other.mode, action: b.other.action };
    if (b.other.cap !== undefined) os.cap = b.other.cap;
    sides.push(os);
  }
  // `sign`: −1 when the result is a deduction of a two-sided rule (returned negative).
  if (b.other) o.push("  let sign = 1;");
  let first = "if";
  if (b.cutoff) {
    const c = b.cutoff;
    o.push(
      `  if (x ${c.direction === "below" ? "<" : ">"} ${c.value.raw}) { ${outcomeAssign(c.outcome, P, deferZr)} why = "数值 " + kpFormat(x) + ${pct} + ${S(` ${c.direction === "below" ? "低于" : "高于"} ${c.value.text}，${outcomeWord(c.outcome, PT)}`)};${b.other ? " sign = -1;" : ""} }`,
    );
    first = "else if";
  }
  for (const side of sides) {
    const diff = side.direction === "below" ? "B - x" : "x - B";
    o.push(`  ${first} (${diff} > 0) {`, `    const diff = ${diff};`, ...sideLines(side, baseText));
    if (b.other && side.action === "deduct") o.push("    sign = -1;");
    o.push("  }");
    first = "else if";
  }
  o.push("  if (v === 0) return 0;");
  if (!b.other) {
    finish("v", () => "why", () => factsText, true);
    return;
  }
  // Two-sided: no multipliers or caps of the rule (KP2052); the trace says which side applied.
  o.push(`  ${traceCall(r, "deduct", "v", "why", factsText).replace(`k: "deduct"`, `k: sign < 0 ? "deduct" : "award"`)}`);
  o.push("  return sign * v;");
}
