/**
 * What a rule body's emitter is given (RuleEmit) and the lines every body ends with (finish): 按 … 平均,
 * 加倍/减半, the cap, 免扣/可减免, the trace with the facts shown, the return.
 */
import type * as M from "../../model.js";
import { S, fmt, fx, traceCall, type Ctx } from "./context.js";

/** A rule body of one kind. */
export type Body<K extends M.RuleBodyModel["kind"]> = Extract<M.RuleBodyModel, { kind: K }>;

/**
 * Ends a rule body whose value is in variable `v`: `text` and `facts` are given the name of the
 * variable holding the value *before* 加倍/减半 and the cap (`computed`): the trace shows the computed
 * value first, then each adjustment (「= 2，重犯加倍 → 4」).
 */
export type Finish = (v: string, text: (pre: string) => string, facts: (pre: string) => string) => void;

/** What a rule body's emitter is given. */
export interface RuleEmit {
  ctx: Ctx;
  r: M.RuleModel;
  /** the output lines (ctx.out) */
  o: string[];
  /** the rule's position: its function is r<n> */
  n: number;
  /** the rule's name as a JS string literal */
  key: string;
  /** the rule's own fact as code (categories and compound units have only sub-keys: "undefined") */
  F: string;
  finish: Finish;
}

/** The rule's {@link Finish}. */
export function ruleFinish(ctx: Ctx, r: M.RuleModel): Finish {
  const o = ctx.out;
  const kind = r.effect === "award" ? "award" : "deduct";
  return (v, text, facts) => {
    o.push(`  let note = "";`);
    const adjust = [...averageLines(ctx, r, v), ...multiplierLines(ctx, r, v), ...capLines(r, v)];
    const waive = waiverLines(ctx, r, v);
    const pre = adjust.length + waive.length > 0 ? "computed" : v;
    if (adjust.length + waive.length > 0) o.push(`  const ${pre} = ${v};`);
    o.push(...adjust, ...waive);
    o.push(`  ${traceCall(r, kind, v, `${text(pre)} + note`, withFlags(ctx, r, facts(pre)))}`);
    o.push(`  return ${v};`);
  };
}

/**
 * Lines applying 加倍/减半 to variable `v`, extending note variable `note`.  On a result (the
 * default) the note shows each step's value (「，重犯加倍 → 0.4」); on an amount that is multiplied
 * afterwards (就高 groups), only the condition (「（重犯加倍）」), written right after the amount.
 */
export function multiplierLines(ctx: Ctx, r: M.RuleModel, v: string, on: "result" | "amount" = "result", note = "note"): string[] {
  const lines: string[] = [];
  for (const m of r.multipliers) {
    const key = `${r.name}.${m.flag}`;
    const word = m.factor === "double" ? "加倍" : "减半";
    const apply = m.factor === "double" ? `kpTimes(${v}, 2)` : `kpDivRound(${v}, 2)`;
    const text = on === "result" ? `${S(`，${m.flag}${word} → `)} + kpFormat(${v})` : S(`（${m.flag}${word}）`);
    lines.push(`  if (${fx(ctx, key)}) { ${v} = ${apply}; ${note} += ${text}; }`);
  }
  return lines;
}

/**
 * Lines dividing variable `v` by the rule's 按 … 平均 divisor (a fact of the unit, read as a raw
 * decimal, or a number), rounding at the sixth decimal, extending `note`.
 */
export function averageLines(ctx: Ctx, r: M.RuleModel, v: string): string[] {
  const a = r.average;
  if (!a) return [];
  if ("fact" in a) {
    const d = fx(ctx, a.fact);
    return [`  { const d = ${d}; ${v} = kpMulDiv(${v}, 1000000, d); note += ${S(`，按${a.fact} `)} + kpFormat(d) + ${S(" 平均 → ")} + kpFormat(${v}); }`];
  }
  return [`  ${v} = kpDivRound(${v}, ${a.value}); note += ${S(`，按 ${a.value} 平均 → `)} + kpFormat(${v});`];
}

/**
 * A trace's facts object with the rule's 加倍/减半 and 免扣 conditions that hold added (「事件.群体性事件 = 是」),
 * its 可减免 amounts given, the counts of its 其中 conditions and its 按 … 平均 divisor.
 */
export function withFlags(ctx: Ctx, r: M.RuleModel, facts: string): string {
  const extra: string[] = [];
  // (a categories rule puts its conditions' counts in `used` itself)
  if (r.body.kind === "per") for (const o of r.occurrences) extra.push(`...(${fx(ctx, `${r.name}.${o.condition}`)} ? { [${S(`${r.name}.${o.condition}`)}]: ${fx(ctx, `${r.name}.${o.condition}`)} } : {})`);
  if (r.average && "fact" in r.average) extra.push(`[${S(r.average.fact)}]: kpFormat(${fx(ctx, r.average.fact)})`);
  if (r.multipliers.length === 0 && r.waivers.length === 0 && extra.length === 0) return facts;
  const flags = [
    ...extra,
    ...[...r.multipliers, ...r.waivers].map((m) => {
      const k = `${r.name}.${m.flag}`;
      const shown = "mode" in m && m.mode === "reduce" ? `kpFormat(${fx(ctx, k)})` : "true";
      return `...(${fx(ctx, k)} ? { [${S(k)}]: ${shown} } : {})`;
    }),
  ];
  const literal = /^\{ (.*) \}$/.exec(facts);
  return `{ ${literal ? literal[1] : `...${facts}`}, ${flags.join(", ")} }`;
}

/**
 * Lines applying the rule's 免扣/可减免 to variable `v` (after 加倍/减半 and the cap), extending `note`.
 * A reduction beyond the deduction is a facts error (KP4065) of the unit, thrown as such: nothing is
 * clamped silently.
 */
export function waiverLines(ctx: Ctx, r: M.RuleModel, v: string): string[] {
  const lines: string[] = [];
  for (const w of r.waivers) {
    const key = `${r.name}.${w.flag}`;
    if (w.mode === "cancel") {
      lines.push(`  if (${fx(ctx, key)} && ${v} > 0) { note += ${S(`，${w.flag}：免扣 `)} + kpFormat(${v}); ${v} = 0; }`);
    } else {
      lines.push(`  { const red = ${fx(ctx, key)} || 0; Z.w = true;`);
      lines.push(
        `    if (red > ${v}) throw new KpFactsError([{ code: "KP4065", message: ${S(`「${key}」的减免 `)} + kpFormat(red) + " 超出范围 [0, " + kpFormat(${v}) + ${S("]：减免的分数应在 0 至本规则的扣分之间（本单位本规则扣 ")} + kpFormat(${v}) + "）", unit: kpUnitName(Z), key: ${S(key)} }]);`,
      );
      lines.push(`    if (red > 0) { ${v} -= red; note += ${S(`，${w.flag}：减免 `)} + kpFormat(red) + " → " + kpFormat(${v}); } }`);
    }
  }
  return lines;
}

/** Lines capping variable `v` at the rule's cap, extending `note`. */
export function capLines(r: M.RuleModel, v: string): string[] {
  if (r.cap === undefined) return [];
  return [`  if (${v} > ${r.cap}) { note += ${S(`，封顶 ${fmt(r.cap)}`)}; ${v} = ${r.cap}; }`];
}
