/**
 * A rule's scoring block: one meaning, two printers.  `lower-rule.ts` builds it from the checked rule
 * (the ONLY place a migrated body kind's semantics are said); compile/emit-js/from-ir.ts prints it as the rule's
 * JavaScript function, trace and all, and `blockValue` below folds it into the one value `Expr` the SQL
 * printer reads (lets inlined, the trace dropped).
 *
 * A block is a sequence, read top to bottom, then adjustments:
 * - `let`: a local binding of an `Expr` (n, the amount, the value before adjustments) that later
 *   expressions and the trace refer to as `{ k: "ref", name }` — the trace shows what was computed,
 *   never recomputes it;
 * - `exit`: an early return when its condition holds: the rule is worth `value` (mostly 0), with an
 *   optional trace of its own (否则: 「未完成，扣 2」); nothing after it runs;
 * - `value`: what the body computed (the JS printer binds it to `v`; the trace's "value before
 *   adjustments" is `ref BEFORE`);
 * - `adjust`: the steps after the body in the language's order — 按 … 平均, 加倍/减半, the rule's cap,
 *   免扣, 可减免.  Each is a value transform `to` over `ref CURRENT` (total: it holds whether or not
 *   the step applies, e.g. `min(v, cap)`, so the value-only form needs no condition), the condition
 *   `shown` under which the trace notes it, and that note (text over `ref CURRENT`, the value before,
 *   and `ref AFTER`, the value after).  A step may `raise` a facts error of the unit (可减免 beyond
 *   the deduction: KP4065) before it transforms;
 * - 不得分: a let `ZERO` (1 while the rule ends in it; the value is then the owner's points, the
 *   adjustments before 免扣 are skipped, a 免扣 lifts it) and a `mark` — the owner scores 0 — at once,
 *   or after the adjustments when a 免扣 may lift it; `blockZero` gives the owner's condition to SQL;
 * - `veto`: 一票否决/一票否优 strikes the unit when reached (the value is 0, no adjustments);
 *   `blockVeto` gives the condition to SQL;
 * - `trace`: the rule's explanation as data: the kind (award/deduct/signed), text parts (literal strings,
 *   an `Expr` formatted as a decimal or as a count, a part chosen by a condition, optional parts
 *   joined by a separator) to which the adjustments' notes are appended, and the facts shown
 *   (key → a count, yes/no, or a text, each under an optional condition), in the order shown.
 *
 * Conditions and expressions are the scoring IR's (`types.ts`): facts by column, classes by param.
 * Cross-unit values (按比例's `best`, 排名's `rank` and the number of units ranked, `agg` count) are
 * expressions over the unit's own lets, evaluated across the units: SQL computes them with window
 * functions, the JS module reads them from its cross-unit pass (Z.X[n], compile/emit-js/cross.ts).  A
 * value computed across the units before the rule (a ranking's score, a base 平均值/中位数) is the let
 * `COMPUTED`.
 * The rule's 适用 (its header) and how its owner books its value (its sign) stay outside the block.
 *
 * List-valued facts (the amounts given per occurrence of 每起 酌情, a count's incident ids, a compound
 * count's per-item counts 「甲村 2、乙村 1」) live in a block only where the JS trace shows them; the
 * value never reads a list, only the number the facts table holds for it (the amounts' sum, the count):
 * - `list`: a let binding the list of a fact (`ListCol`, by facts key: JS the array the facts reader
 *   stored beside the number, [] when absent).  SQL's table holds no list: `blockValue` skips it;
 * - `empty`: an early return of 0, no trace, when the list has no items (not the same as a sum of 0:
 *   「0」 inside a list is an amount given, and its trace is shown).  `blockValue` drops it: the block
 *   must be worth 0 then anyway — its value is the list's number, 0 when the list is empty;
 * - text parts `size` (the number of items, as digits), `each` (every item, formatted, joined by
 *   `sep`: amounts as decimals, ids as they were given, a compound count's item with its count
 *   「甲村 2」, each optionally followed by a unit) and `some` (parts by whether the list has items); a
 *   fact shown may be the list itself, or chosen the same way (`ShownValue`).
 * Per-incident maxima (就高 groups: per incident id only the largest amount counts, anonymous amounts
 * add up) have a group block (lower-groups.ts): per rule its 适用, lets and lists, its hits (the
 * scoring IR's `Hit` over the rule's lets), its own trace (text showing the ids with `each`) and when
 * it is shown, and the group's notes as data (the words of a `limit` entry per incident id hit by more
 * than one rule, the cap and its note).  `groupValue` folds it into the scoring IR's `highest` for
 * SQL; compile/emit-js/groups.ts prints it.
 * Every rule body kind, and every 就高 group, is printed from its block: the JS module's rule and group
 * functions and the SQL's values come from one lowering.  So are the owners above the rules: 合计 cap
 * groups and 加分/减分 sections (owner-block.ts), an indicator's score (indicator-block.ts) and the
 * total (total-block.ts) — each a block of terms, caps and notes as data, folded by lower.ts and
 * printed by compile/emit-js/ (what still is not: lower.ts's header).
 */
import { iff } from "./expr.js";
import type { Cond, Expr } from "./types.js";

/** The running value in an adjustment step. */
export const CURRENT = "v";
/** The value after an adjustment step (its note only). */
export const AFTER = "v1";
/** The value the body computed, before any adjustment (the trace only). */
export const BEFORE = "v0";
/**
 * The let holding a value computed across the units before the rule: the score a ranking ranks by (an
 * indicator's, or the total before bonuses), a linear rule's base 平均值/中位数.  Its expression is the
 * scoring IR's (steps SQL has computed before); the JS printer reads it from the module's cross-unit
 * pass instead (rk<n>, crossEnd: cross.ts).
 */
export const COMPUTED = "score";
/** The let holding 1 while the rule ends in 不得分 (a 免扣 lifts it: 0). */
export const ZERO = "zero";

/**
 * A list-valued fact: the list the facts reader holds beside the number of facts key `key`.  By key,
 * not by column: it takes no column of the SQL facts table.
 */
export interface ListCol {
  key: string;
}

/** A part of a trace text. */
export type Text =
  | { k: "lit"; s: string }
  /** The number of items of the list bound by `list` (as digits). */
  | { k: "size"; list: string }
  /**
   * Every item of the list bound by `list`, formatted (`dec`: a decimal, kpFormat; `id`: as given;
   * `count`: a compound count's item and its count, 「甲村 2」), each followed by `unit`, joined by `sep`.
   */
  | { k: "each"; list: string; item: "dec" | "id" | "count"; unit?: string; sep: string }
  /** Parts `a` when the list bound by `list` has items, else `b`. */
  | { k: "some"; list: string; a: Text[]; b: Text[] }
  /** A raw decimal, formatted (kpFormat). */
  | { k: "dec"; e: Expr }
  /** A count, as its digits. */
  | { k: "int"; e: Expr }
  | { k: "if"; c: Cond; a: Text[]; b: Text[] }
  /** The parts whose condition holds, in order, joined by `sep`. */
  | { k: "join"; sep: string; items: { when: Cond; parts: Text[] }[] };

/** How a fact is shown: a count (a number), yes/no, a text, the list bound by `list` as it is, or one of two by whether that list has items. */
export type ShownValue =
  | { k: "count"; e: Expr }
  | { k: "bool"; v: boolean }
  | { k: "text"; parts: Text[] }
  | { k: "list"; list: string }
  | { k: "some"; list: string; a: ShownValue; b: ShownValue };

/** A fact shown in the trace. */
export interface Shown {
  key: string;
  /** Shown only when this holds. */
  when?: Cond;
  value: ShownValue;
}

/** A trace entry: its kind, the amount it shows (default: the rule's value), its text and the facts shown. */
export interface TraceData {
  kind: "award" | "deduct" | "signed" | "veto";
  amount?: Expr;
  text: Text[];
  facts: Shown[];
}

/**
 * `mark`: the rule's 不得分 takes its owner (the owner scores 0) when `ZERO` is 1 — at this point, or
 * (`RuleBlock.zero.markAtEnd`) after the adjustments, once a 免扣 has not lifted it.
 */
export type Stmt =
  | { k: "let"; name: string; e: Expr }
  | { k: "exit"; when: Cond; value: Expr; trace?: TraceData }
  | { k: "mark" }
  /** The list of a facts column, bound to `name` (the JS trace only: SQL's table holds its number alone). */
  | { k: "list"; name: string; of: ListCol }
  /** Return 0 (no trace) when the list bound to `list` has no items (SQL: dropped, the value is then 0). */
  | { k: "empty"; list: string }
  /** 一票否决 (fail) / 一票否优 (noExcellent): the unit is vetoed when this point is reached. */
  | { k: "veto"; level: "fail" | "noExcellent" };

/** One adjustment after the body. */
export interface Adjust {
  kind: "average" | "multiplier" | "cap" | "cancel" | "reduce";
  /** The new value, over `ref CURRENT`. */
  to: Expr;
  /** The fact condition of 加倍/减半 and 免扣 (a 免扣 also lifts the rule's 不得分: `ZERO` becomes 0). */
  when?: Cond;
  /** Not applied while the rule ends in 不得分 (平均, 加倍/减半, the cap: the value is then the owner's points). */
  unlessZero?: boolean;
  /** When the trace notes this step. */
  shown: Cond;
  note: Text[];
  /** A facts error raised before the step (可减免 beyond the deduction), with the facts key it is about. */
  raise?: { when: Cond; code: string; key: string; message: Text[] };
}

export interface RuleBlock {
  body: Stmt[];
  value: Expr;
  adjust: Adjust[];
  /**
   * The rule's trace; the adjustments' notes follow its text.  Kind `signed` (分段 going below 0): an
   * award, or a deduction of the amount when the value is negative.
   */
  trace: TraceData;
  /**
   * When the body may end in 不得分: the let `ZERO` says when (1), the value is then the owner's
   * `points`; `markAtEnd`: the owner is marked after the adjustments (with a 免扣), not by a `mark`.
   */
  zero?: { points: Expr; markAtEnd: boolean };
}

/** `e` with every `ref` bound in `env` replaced by its expression. */
export function inline(e: Expr, env: ReadonlyMap<string, Expr>): Expr {
  switch (e.k) {
    case "ref":
      return env.get(e.name) ?? e;
    case "const":
    case "num":
      return e;
    case "add":
    case "sub":
    case "mul":
    case "min":
    case "max":
      return { k: e.k, a: inline(e.a, env), b: inline(e.b, env) };
    case "mulDiv":
      return { k: "mulDiv", a: inline(e.a, env), b: inline(e.b, env), c: e.c, ...(e.by ? { by: inline(e.by, env) } : {}) };
    case "steps":
      return { ...e, diff: inline(e.diff, env) };
    case "if":
      return { k: "if", c: inlineCond(e.c, env), a: inline(e.a, env), b: inline(e.b, env) };
    case "best":
      return { ...e, value: inline(e.value, env), among: inlineCond(e.among, env) };
    case "rank":
      return { ...e, value: inline(e.value, env), among: inlineCond(e.among, env) };
    case "agg":
      return { ...e, value: inline(e.value, env), among: inlineCond(e.among, env) };
    default:
      // 就高 and the other cross-unit expressions never appear inside a block
      throw new Error(`internal: ${e.k} in a rule block`);
  }
}

export function inlineCond(c: Cond, env: ReadonlyMap<string, Expr>): Cond {
  switch (c.k) {
    case "cmp":
      return { ...c, a: inline(c.a, env), b: inline(c.b, env) };
    case "and":
    case "or":
      return { k: c.k, list: c.list.map((x) => inlineCond(x, env)) };
    case "not":
      return { k: "not", c: inlineCond(c.c, env) };
    default:
      return c;
  }
}

/**
 * The block's value alone, for a printer that ignores the trace (SQL): lets inlined, each exit an
 * `if` around what follows, the adjustments' transforms applied in order.
 */
export function blockValue(b: RuleBlock): Expr {
  const { env, exits } = bodyEnv(b);
  let v = inline(b.value, env);
  // (the adjustments not applied while 不得分 come first; with them, the value is then the points)
  const pre = b.adjust.filter((a) => a.unlessZero);
  for (const a of pre) v = inline(a.to, new Map([...env, [CURRENT, v]]));
  if (b.zero && pre.length > 0) v = iff(zeroHolds(env), inline(b.zero.points, env), v);
  for (const a of b.adjust) if (!a.unlessZero) v = inline(a.to, new Map([...env, [CURRENT, v]]));
  for (const x of exits.reverse()) v = iff(x.when, x.value, v);
  return v;
}


/**
 * When the block ends in 不得分 (its owner scores 0), for a printer that books it by condition (SQL):
 * `ZERO` is 1, no exit before it was taken, and no 免扣 lifted it.
 */
export function blockZero(b: RuleBlock): Cond | undefined {
  if (!b.zero) return undefined;
  const { env, exits } = bodyEnv(b, ZERO);
  const list: Cond[] = [...exits.map((x): Cond => ({ k: "not", c: x.when })), zeroHolds(env)];
  for (const a of b.adjust) if (a.kind === "cancel" && a.when) list.push({ k: "not", c: inlineCond(a.when, env) });
  return { k: "and", list };
}

/** When the block reaches its `veto` (no exit before it was taken), for a printer that books it by condition (SQL). */
export function blockVeto(b: RuleBlock): { level: "fail" | "noExcellent"; when: Cond } | undefined {
  const at = b.body.findIndex((s) => s.k === "veto");
  const veto = b.body[at];
  if (!veto || veto.k !== "veto") return undefined;
  const { exits } = bodyEnv({ ...b, body: b.body.slice(0, at) });
  const list = exits.map((x): Cond => (x.when.k === "not" ? x.when.c : { k: "not", c: x.when }));
  return { level: veto.level, when: list.length === 1 ? list[0]! : list.length === 0 ? { k: "true" } : { k: "and", list } };
}

function zeroHolds(env: ReadonlyMap<string, Expr>): Cond {
  const z = env.get(ZERO) ?? { k: "const", v: 0 };
  if (z.k === "const") return z.v === 1 ? { k: "true" } : { k: "not", c: { k: "true" } };
  return { k: "cmp", op: "=", a: z, b: { k: "const", v: 1 } };
}

/** The lets inlined, and the exits (up to the let `until`, when given). */
function bodyEnv(b: RuleBlock, until?: string): { env: Map<string, Expr>; exits: { when: Cond; value: Expr }[] } {
  const env = new Map<string, Expr>();
  const exits: { when: Cond; value: Expr }[] = [];
  let open = true;
  for (const s of b.body) {
    if (s.k === "let") {
      env.set(s.name, inline(s.e, env));
      if (s.name === until) open = false;
    } else if (s.k === "exit" && open) exits.push({ when: inlineCond(s.when, env), value: inline(s.value, env) });
  }
  return { env, exits };
}
