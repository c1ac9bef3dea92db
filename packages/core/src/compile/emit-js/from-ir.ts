/**
 * Prints a rule's scoring block (ir/rule-block.ts, built by ir/lower-rule.ts) as the body of its
 * JavaScript function r<n>(Z): the lets as constants (a list-valued fact as its array), each exit as an
 * early return (with its trace),
 * a veto as the unit's entry in Z.V, the value, each adjustment with its note, the trace entry with
 * the facts shown, the return.  Nothing here decides a score: expressions and texts are printed as
 * the block says.
 */
import type * as M from "../../model.js";
import type { BlockNames } from "../../ir/block-builder.js";
import { columnType, ruleBlock } from "../../ir/lower-rule.js";
import { AFTER, BEFORE, COMPUTED, CURRENT, ZERO, type RuleBlock, type Shown, type ShownValue, type Text, type TraceData } from "../../ir/rule-block.js";
import type { ColumnType, Cond, Expr, IrColumn, Param } from "../../ir/types.js";
import { IDS_SUFFIX } from "../../ir/types.js";
import { S, fx, type Ctx } from "./context.js";

/** A rule's columns and names as the JS module reads them (facts by key in Z.F, classes in Z.c). */
export class JsNames implements BlockNames {
  readonly columns: IrColumn[] = [];
  readonly params: string[] = [];
  /** The names of an outcome fact (评为), by key: the JS module holds the position of the name given. */
  readonly outcomes = new Map<string, string[]>();
  col(key: string, type: ColumnType): number {
    const name = type === "ids" ? key + IDS_SUFFIX : key;
    const i = this.columns.findIndex((x) => x.name === name);
    return i >= 0 ? i : this.columns.push({ name, type, key }) - 1;
  }
  param(name: string): Param {
    const i = this.params.indexOf(name);
    return { n: (i >= 0 ? i : this.params.push(name) - 1) + 1 };
  }
  factType(r: M.RuleModel, key: string): ColumnType {
    const f = r.facts.find((x) => x.key === key);
    const t = f && columnType(f.fact);
    if (!t) throw new Error(`internal: rule ${r.name} takes no fact ${key}`);
    if (f.fact.type === "outcome") this.outcomes.set(key, f.fact.names);
    return t;
  }
  computed(): Expr {
    // (the printer reads it from the module's cross-unit pass: see COMPUTED)
    return { k: "const", v: 0 };
  }
}

/**
 * Where the JS module holds rule r's cross-unit values (cross.ts): X[n] — the best value (按比例), the
 * values ranked ascending (by a fact: X[n] itself; by a computed score: X[n].sorted, each unit's in
 * X[n].v, computed on first use by rk<n>), a linear rule's base (X[n].b).
 */
function crossOf(ctx: Ctx, r: M.RuleModel): { best: string; sorted: string; computed: string } {
  const n = ctx.ruleIndex.get(r)!;
  const byScore = r.body.kind === "ranked" && r.body.by.kind !== "fact";
  return { best: `Z.X[${n}].best`, sorted: byScore ? `Z.X[${n}].sorted` : `Z.X[${n}]`, computed: byScore ? `(Z.X[${n}] || (Z.X[${n}] = rk${n}(Z.X))).v[Z.u]` : `Z.X[${n}].b` };
}

/** Prints a block's expressions, conditions, texts and traces as JavaScript (for its rule, or a group's). */
export class Printer {
  constructor(
    readonly ctx: Ctx,
    readonly names: JsNames,
    readonly cross: { best: string; sorted: string },
  ) {}

  /** Names printed as another (the value before adjustments is the value when there are none). */
  readonly alias = new Map<string, string>();

  /** An expression where its outer parentheses are not needed (the right side of `=`). */
  top(e: Expr): string {
    const t = this.expr(e);
    return e.k === "num" || e.k === "if" || e.k === "sub" ? t.slice(1, -1) : t;
  }

  /** A condition where the parentheses of a comparison are not needed (`if (…)`, `? :`). */
  test(c: Cond): string {
    const t = this.cond(c);
    return c.k === "cmp" || c.k === "and" || c.k === "or" ? t.slice(1, -1) : t;
  }

  /** The fact as stored (undefined when absent). */
  fact(col: number): string {
    const c = this.names.columns[col]!;
    return fx(this.ctx, c.key, c.type === "ids");
  }

  expr(e: Expr): string {
    switch (e.k) {
      case "const":
        return e.v < 0 ? `(${e.v})` : String(e.v);
      case "num":
        return `(${this.fact(e.col)} || 0)`;
      case "ref":
        return this.alias.get(e.name) ?? e.name;
      case "add":
        return `kpAdd(${this.expr(e.a)}, ${this.expr(e.b)})`;
      case "sub":
        return `(${this.expr(e.a)} - ${this.expr(e.b)})`;
      case "mul":
        return `kpTimes(${this.expr(e.a)}, ${this.expr(e.b)})`;
      case "mulDiv":
        return `kpMulDiv(${this.expr(e.a)}, ${this.expr(e.b)}, ${e.by ? this.expr(e.by) : e.c})`;
      case "steps":
        return `kpSteps(${this.expr(e.diff)}, ${e.step}, ${e.ceil})`;
      case "min":
      case "max":
        return `Math.${e.k}(${this.expr(e.a)}, ${this.expr(e.b)})`;
      case "if":
        return `(${this.test(e.c)} ? ${this.expr(e.a)} : ${this.expr(e.b)})`;
      // cross-unit values, from the module's cross-unit pass (their `among` is the pass's)
      case "best":
        return this.cross.best;
      case "rank":
        return `kpRank(${this.cross.sorted}, ${this.expr(e.value)}, ${e.lowerIsBetter})`;
      case "agg":
        if (e.fn !== "count") throw new Error(`internal: agg ${e.fn} in a rule block`);
        // (the units ranked)
        return `${this.cross.sorted}.length`;
      default:
        throw new Error(`internal: ${e.k} in a rule block`);
    }
  }

  cond(c: Cond): string {
    switch (c.k) {
      case "true":
        return "true";
      case "cmp":
        return `(${this.expr(c.a)} ${c.op === "=" ? "===" : c.op === "<>" ? "!==" : c.op} ${this.expr(c.b)})`;
      case "and":
      case "or":
        return `(${c.list.map((x) => this.cond(x)).join(c.k === "and" ? " && " : " || ")})`;
      case "not":
        return `!${this.cond(c.c)}`;
      case "class":
        return `Z.c[${S(this.names.params[c.name.n - 1]!)}]`;
      case "flag":
        // (conditions are only ever tested, never stored: the fact's truth is enough)
        return this.fact(c.col);
      case "textIs": {
        const col = this.names.columns[c.col]!;
        return `(${this.fact(c.col)} === ${this.names.outcomes.get(col.key)!.indexOf(this.names.params[c.name.n - 1]!)})`;
      }
      case "missing":
        return `(${this.fact(c.col)} === undefined || ${this.fact(c.col)} === null)`;
    }
  }

  /** Text parts as one string expression. */
  text(parts: readonly Text[]): string {
    // adjacent literals as one string (empty ones dropped)
    const merged: Text[] = [];
    for (const t of parts) {
      if (t.k === "lit" && t.s === "") continue;
      const last = merged[merged.length - 1];
      if (t.k === "lit" && last?.k === "lit") merged[merged.length - 1] = { k: "lit", s: last.s + t.s };
      else merged.push(t);
    }
    if (merged.length === 0) return '""';
    return merged
      .map((t, i) => {
        switch (t.k) {
          case "lit":
            return S(t.s);
          case "dec":
            return `kpFormat(${this.expr(t.e)})`;
          case "int":
          case "size": {
            // a count is joined as its digits: bare where a string is on its left or right
            const n = t.k === "int" ? this.expr(t.e) : `${t.list}.length`;
            const next = merged[1];
            return i > 0 || (next !== undefined && next.k !== "int" && next.k !== "size") ? n : `String(${n})`;
          }
          case "each": {
            const unit = t.unit ? ` + ${S(t.unit)}` : "";
            const item = t.item === "dec" ? (unit ? `kpFormat(x)${unit}` : "") : t.item === "count" ? `x[0] + " " + x[1]${unit}` : unit ? `x${unit}` : "";
            return `${t.list}${item === "" ? (t.item === "dec" ? ".map(kpFormat)" : "") : `.map((x) => ${item})`}.join(${S(t.sep)})`;
          }
          case "some":
            return `(${t.list}.length > 0 ? ${this.text(t.a)} : ${this.text(t.b)})`;
          case "if":
            return `(${this.test(t.c)} ? ${this.text(t.a)} : ${this.text(t.b)})`;
          case "join":
            return `[${t.items.map((x) => `${this.test(x.when)} ? ${this.text(x.parts)} : null`).join(", ")}].filter((s) => s !== null).join(${S(t.sep)})`;
        }
      })
      .join(" + ");
  }

  facts(list: readonly Shown[]): string {
    const value = (v: ShownValue): string => {
      switch (v.k) {
        case "count":
          return this.expr(v.e);
        case "bool":
          return String(v.v);
        case "text":
          return this.text(v.parts);
        case "list":
          return v.list;
        case "some":
          return `(${v.list}.length > 0 ? ${value(v.a)} : ${value(v.b)})`;
      }
    };
    const entry = (s: Shown) => `[${S(s.key)}]: ${value(s.value)}`;
    return `{ ${list.map((s) => (s.when ? `...(${this.test(s.when)} ? { ${entry(s)} } : {})` : entry(s))).join(", ")} }`;
  }

  trace(r: M.RuleModel, t: TraceData, amount: string, note: string): string {
    // signed: an award, or (negative) a deduction of the amount
    const [k, a] = t.kind === "signed" ? [`${amount} < 0 ? "deduct" : "award"`, `(${amount} < 0 ? -${amount} : ${amount})`] : [S(t.kind), amount];
    return `if (Z.T) Z.T.push({ i: ${S(r.owner.id)}, r: ${S(r.name)}, k: ${k}, a: ${a}, x: ${this.text(t.text)}${note}, f: ${this.facts(t.facts)} });`;
  }
}

/** Prints rule r's body from its block into ctx.out (inside `function r<n>(Z) {`). */
export function emitBlockBody(ctx: Ctx, r: M.RuleModel): void {
  const names = new JsNames();
  const b: RuleBlock = ruleBlock(names, r);
  const cross = crossOf(ctx, r);
  const p = new Printer(ctx, names, cross);
  const o = ctx.out;
  for (const s of b.body) {
    if (s.k === "let" && s.name === COMPUTED) {
      o.push(`  const ${s.name} = ${cross.computed};`);
      continue;
    }
    if (s.k === "let") {
      // (不得分 is mutable: a 免扣 lifts it)
      o.push(`  ${s.name === ZERO ? "let" : "const"} ${s.name} = ${p.top(s.e)};`);
      continue;
    }
    if (s.k === "mark") {
      o.push(`  if (${ZERO} === 1) Z.zr = true;`);
      continue;
    }
    if (s.k === "list") {
      // (the list the facts reader holds beside the key's number; absent: none)
      o.push(`  const ${s.name} = ${fx(ctx, s.of.key, true)} || [];`);
      continue;
    }
    if (s.k === "empty") {
      o.push(`  if (${s.list}.length === 0) return 0;`);
      continue;
    }
    if (s.k === "veto") {
      o.push(`  Z.V.push({ rule: ${S(r.name)}, level: ${S(s.level)} });`);
      continue;
    }
    if (!s.trace) {
      o.push(`  if (${p.test(s.when)}) return ${p.expr(s.value)};`);
      continue;
    }
    o.push(`  if (${p.test(s.when)}) {`, `    ${p.trace(r, s.trace, p.expr(s.trace.amount ?? s.value), "")}`, `    return ${p.expr(s.value)};`, "  }");
  }
  if (b.adjust.length === 0 && (b.value.k === "ref" || b.value.k === "const")) {
    // no adjustments, a value already named or a number: it is the value
    p.alias.set(BEFORE, p.expr(b.value));
    p.alias.set(CURRENT, p.expr(b.value));
  } else if (b.adjust.length === 0) {
    // no adjustments: the value before them is the value
    p.alias.set(BEFORE, CURRENT);
    o.push(`  const ${CURRENT} = ${p.top(b.value)};`);
  } else o.push(`  const ${BEFORE} = ${p.top(b.value)};`, `  let ${CURRENT} = ${BEFORE};`, '  let note = "";');
  const held = b.adjust.filter((a) => a.unlessZero);
  if (held.length > 0) o.push(`  if (${ZERO} !== 1) {`);
  for (const a of b.adjust) {
    if (held.length > 0 && a === b.adjust[held.length]) o.push("  }");
    // (a reduction applied: the wrapper r<n> no longer checks it)
    if (a.kind === "reduce") o.push("  Z.w = true;");
    if (a.raise) {
      const x = a.raise;
      o.push(`  if (${p.test(x.when)}) throw new KpFactsError([{ code: ${S(x.code)}, message: ${p.text(x.message)}, unit: kpUnitName(Z), key: ${S(x.key)} }]);`);
    }
    const lift = b.zero && a.kind === "cancel" && a.when ? ` if (${p.test(a.when)}) ${ZERO} = 0;` : "";
    o.push(`  { const ${AFTER} = ${p.top(a.to)};${a.shown.k === "true" ? ` note += ${p.text(a.note)};` : ` if (${p.test(a.shown)}) note += ${p.text(a.note)};`}${lift} ${CURRENT} = ${AFTER}; }`);
  }
  if (held.length > 0 && held.length === b.adjust.length) o.push("  }");
  if (b.zero?.markAtEnd) o.push(`  if (${ZERO} === 1) Z.zr = true;`);
  const v = p.expr({ k: "ref", name: CURRENT });
  o.push(`  ${p.trace(r, b.trace, v, b.adjust.length > 0 ? " + note" : "")}`, `  return ${v};`);
}
