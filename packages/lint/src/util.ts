/**
 * Helpers shared by the rules: number formatting, edits on numbers and modifiers, the points a rule
 * deducts from, and the numbers written in a rule.
 */
import { kpFormat, type IndicatorModel, type NumberLit, type Raw, type RuleModel, type SectionModel, type TextEdit } from "@kaoping/core";
import type { LintContext } from "./rule.js";

/** Formats a raw decimal for a message: 0.5, 4, 0.05. */
export function fmt(raw: Raw): string {
  return kpFormat(raw);
}

/** ⌈a / b⌉ of positive raw decimals (exact integer arithmetic). */
export function ceilDiv(a: Raw, b: Raw): number {
  return Math.floor((a + b - 1) / b);
}

/** The digits of a number literal in the source: `[start, end)` without the % or measure word. */
export function digitsRange(ctx: LintContext, file: string, n: NumberLit): { start: number; end: number } {
  const text = ctx.text(file);
  const start = n.span.start.offset;
  const m = /^[0-9０-９]+(?:[.．][0-9０-９]+)?/.exec(text.slice(start, n.span.end.offset));
  return { start, end: start + (m ? m[0].length : n.span.end.offset - start) };
}

/** An edit that replaces the digits of a number literal by `raw`. */
export function replaceNumberEdit(ctx: LintContext, file: string, n: NumberLit, raw: Raw): TextEdit {
  const r = digitsRange(ctx, file, n);
  return { file, start: r.start, end: r.end, newText: fmt(raw) };
}

/** Where a modifier can be appended to a rule: after its body and last modifier. */
export function ruleEnd(rule: RuleModel): number {
  const n = rule.node;
  let end = n.body?.span.end.offset ?? n.span.end.offset;
  for (const m of n.modifiers) end = Math.max(end, m.span.end.offset);
  return end;
}

/** An edit that appends ` 上限 <raw>` to a rule. */
export function insertCapEdit(rule: RuleModel, raw: Raw): TextEdit {
  const at = ruleEnd(rule);
  return { file: rule.file, start: at, end: at, newText: ` 上限 ${fmt(raw)}` };
}

/** An edit that deletes `[start, end)` together with the blanks before it on the same line. */
export function deleteWithLeadingBlanks(ctx: LintContext, file: string, start: number, end: number): TextEdit {
  const text = ctx.text(file);
  let s = start;
  while (s > 0 && (text[s - 1] === " " || text[s - 1] === "\t" || text[s - 1] === "\u3000")) s--;
  return { file, start: s, end, newText: "" };
}

/** The indicator a rule belongs to, if any. */
export function indicatorOf(rule: RuleModel): IndicatorModel | undefined {
  return rule.owner.kind === "indicator" ? rule.owner : undefined;
}

/** How the owner of a rule is named in messages: 本项（指标「…」）/ 加分项「…」. */
export function ownerLabel(owner: IndicatorModel | SectionModel): string {
  if (owner.kind === "indicator") return `指标「${owner.name}」`;
  return `${owner.kind === "bonus" ? "加分项" : "减分项"}「${owner.name}」`;
}

/** The unit words of a per-occurrence rule as written canonically: 每次, 每村每次. */
export function unitWords(rule: RuleModel): string {
  const b = rule.node.body;
  return b && b.kind === "Per" ? b.units.map((u) => u.text).join("") : "每次";
}

/** The counted noun of a per-occurrence rule: 次, 件次, 村次. */
export function countedNoun(rule: RuleModel): string {
  const b = rule.body;
  if (b.kind === "per") return b.nouns.join("");
  if (b.kind === "categories") return b.noun;
  return "次";
}

/** The largest single amount of a per-occurrence, category or one-shot rule. */
export function largestAmount(rule: RuleModel): Raw | undefined {
  const b = rule.body;
  switch (b.kind) {
    case "per":
    case "once":
      return Math.max(b.amount, ...b.overrides.map((o) => o.amount));
    case "categories":
      return b.categories.length ? Math.max(...b.categories.map((c) => c.amount)) : undefined;
    case "linear":
    case "shortfall":
      return b.amount;
    case "bands": {
      const amounts = [...b.bands.map((x) => x.outcome), ...(b.missing ? [b.missing] : [])].flatMap((o) => (o.kind === "zero" ? [] : [o.amount]));
      return amounts.length ? Math.max(...amounts) : undefined;
    }
    case "discretion":
      return b.min > 0 ? b.min : undefined;
    default:
      return undefined;
  }
}

/**
 * The most a bounded deduction rule can ever deduct on its own (before caps and the indicator's
 * floor), or undefined when it grows without bound or is not a deduction.
 */
export function boundedMaximum(rule: RuleModel, points: Raw | undefined): Raw | undefined {
  if (rule.effect !== "deduct") return undefined;
  const b = rule.body;
  const factor = rule.multipliers.some((m) => m.factor === "double") ? 2 : 1;
  let m: Raw | undefined;
  switch (b.kind) {
    case "once":
      m = Math.max(b.amount, ...b.overrides.map((o) => o.amount));
      break;
    case "zero":
      m = points;
      break;
    case "bands":
      if (b.bands.some((x) => x.steps)) return undefined; // a deduction growing per step (分段 可为负)
      m = Math.max(0, ...[...b.bands.map((x) => x.outcome), ...(b.missing ? [b.missing] : [])].map((o) => (o.kind === "zero" ? (points ?? 0) : o.amount)));
      break;
    case "shortfall":
      m = ceilDiv(b.target.raw, b.step.raw) * b.amount;
      break;
    case "discretion":
      if (b.noun !== undefined) return undefined; // 每起 酌情: one amount per occurrence, no bound alone
      m = b.max;
      break;
    default:
      return undefined;
  }
  return m === undefined ? undefined : m * factor;
}

/** A number written in a rule, with what it means there. */
export interface RuleNumber {
  node: NumberLit;
  role: "amount" | "cap" | "threshold" | "base" | "cutoff" | "target" | "step" | "full" | "range" | "share" | "scale" | "factor";
  raw: Raw;
  percent: boolean;
}

/** Every number written in a rule's body and modifiers, in source order. */
export function ruleNumbers(rule: RuleModel): RuleNumber[] {
  const out: RuleNumber[] = [];
  const add = (n: NumberLit | undefined, role: RuleNumber["role"]) => {
    if (!n) return;
    const raw = rawOf(n.text);
    if (raw !== undefined) out.push({ node: n, role, raw, percent: n.percent });
  };
  const b = rule.node.body;
  if (b) {
    switch (b.kind) {
      case "Per":
      case "OneShot":
        if (b.amounts?.kind === "Amount") {
          add(b.amounts.value, "amount");
          for (const o of b.amounts.overrides) add(o.value, "amount");
        } else if (b.amounts) for (const e of b.amounts.entries) add(e.value, "amount");
        if (b.kind === "OneShot") add(b.otherwise?.amount, "amount");
        break;
      case "Rated":
        // 评为 … 分别得 1.5、80%: a plain number is an amount, a percentage a share of the item's points
        for (const v of b.values) add(v.value, v.value?.percent ? "share" : "amount");
        break;
      case "Bands":
        for (const band of b.bands) {
          if (band.range?.kind === "Interval") {
            add(band.range.lower, "threshold");
            if (band.range.upper !== band.range.lower) add(band.range.upper, "threshold");
          }
          add(band.outcome?.amount, "amount");
          add(band.steps?.step, "step");
          add(band.steps?.amount, "amount");
        }
        break;
      case "Linear":
        add(b.base, "base");
        add(b.step, "step");
        add(b.amount, "amount");
        add(b.sideCap, "cap");
        add(b.other?.step, "step");
        add(b.other?.amount, "amount");
        add(b.other?.cap, "cap");
        add(b.cutoff?.value, "cutoff");
        add(b.cutoff?.outcome?.amount, "amount");
        break;
      case "Shortfall":
        add(b.target, "target");
        add(b.step, "step");
        add(b.amount, "amount");
        break;
      case "Assessed":
      case "Rate":
      case "Proportional":
        add(b.max, "full");
        add(b.scale, "scale");
        break;
      case "Ranked":
        add(b.max, "full");
        add(b.step, "amount");
        for (const t of b.table ?? []) add(t, "amount");
        add(b.rest, "amount");
        break;
      case "Discretion":
        add(b.min, "range");
        add(b.max, "range");
        break;
      default:
        break;
    }
  }
  for (const m of rule.node.modifiers) {
    if (m.kind === "Cap") add(m.value, "cap");
    // 其中 「重复发生」 加 2倍: the N of 加 N倍 / 按 N倍
    if (m.kind === "Occurrences") for (const e of m.entries) add(e.n, "factor");
  }
  return out.sort((x, y) => x.node.span.start.offset - y.node.span.start.offset);
}

/** A plain decimal text → raw millionths (exact), or undefined when it has more than 6 places. */
export function rawOf(text: string): Raw | undefined {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return undefined;
  const raw = Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0"));
  return Number.isSafeInteger(raw) ? raw : undefined;
}
