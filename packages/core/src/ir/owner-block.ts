/**
 * Owner blocks: what an owner makes of its rules' values — a 合计 cap group (the sum of its rules under
 * its cap) and a 加分/减分 section (its terms summed under its cap, 否则 deductions outside it).  Said
 * here once, from the checked model: which terms count and how each rule's value is booked
 * (`booking`), the caps, and the trace notes as data.  ir/lower.ts folds a block into the SQL steps
 * (`capGroupValue`, `sectionValue`, over the terms' steps); compile/emit-js/ prints it (groups.ts: a
 * cap group's g<n>; indicators.ts: a section's b<n>/p<n>), naming the terms as its functions.
 *
 * A term is a rule's value or a group's (合计 or 就高, once, where its first rule is; 择一 rules count one
 * by one).  The printers name terms their own way (SQL: the steps r<n>, <owner>_g<k>; JS: the calls
 * r<n>(Z), g<n>(Z)); a fold takes the term's expression from its printer.
 */
import type * as M from "../model.js";
import { fmt } from "./block-builder.js";
import type { Expr } from "./types.js";

/**
 * How an owner books a rule's value: an award, a deduction, a deduction carried out of the owner (倒扣),
 * a veto (worth nothing: the rule strikes the unit), `signed` (≥ 0 an award, < 0 a deduction — 否则,
 * 分段 going below 0; `over`: that deduction is carried as 倒扣 — 否则 with 倒扣; `otherwise`: a 否则) or `twoSided` (≥ 0 above
 * the points, < 0 a deduction: a two-sided linear rule).
 */
export type Booking = { k: "award" } | { k: "deduct" } | { k: "overdraft" } | { k: "veto" } | { k: "signed"; over: boolean; otherwise: boolean } | { k: "twoSided" };

export function booking(r: M.RuleModel): Booking {
  const b = r.body;
  if (r.effect === "veto") return { k: "veto" };
  if (b.kind === "once" && b.otherwise !== undefined) return { k: "signed", over: r.overdraft === true, otherwise: true };
  if (b.kind === "bands" && b.mayGoNegative === true) return { k: "signed", over: false, otherwise: false };
  if (b.kind === "linear" && b.other !== undefined) return { k: "twoSided" };
  return { k: r.effect === "award" ? "award" : r.overdraft ? "overdraft" : "deduct" };
}

/** A term of an owner: a rule's value as booked, or a (合计 or 就高) group's. */
export type Term = { k: "rule"; rule: M.RuleModel; as: Booking } | { k: "group"; group: M.GroupModel };

/** An owner's rules as terms, in source order: a group once, where its first rule is. */
export function ownerTerms(rules: readonly M.RuleModel[]): Term[] {
  const out: Term[] = [];
  const done = new Set<M.GroupModel>();
  for (const r of rules) {
    const g = r.group && r.group.kind !== "choice" && r.effect !== "veto" ? r.group : undefined;
    if (!g) out.push({ k: "rule", rule: r, as: booking(r) });
    else if (!done.has(g)) {
      done.add(g);
      out.push({ k: "group", group: g });
    }
  }
  return out;
}

/** A note whose text is `text` + an amount + `after`. */
export interface Note {
  text: string;
  after: string;
}

/** A 合计 cap group: its rules' values (deductions, as booked by the group) summed, at most `cap`. */
export interface CapGroupBlock {
  rules: M.RuleModel[];
  cap: number;
  /** The limit note when the sum is over the cap: text + the sum + after (its amount: the part over). */
  over: Note;
}

export function capGroupBlock(g: M.GroupModel): CapGroupBlock {
  const cap = g.cap ?? 0;
  return { rules: g.rules, cap, over: { text: "以上合计扣 ", after: `，超过合计上限 ${fmt(cap)}，按 ${fmt(cap)} 计` } };
}

/** The group's value for SQL: min(Σ its rules, cap), each rule's value from `rule`. */
export function capGroupValue(b: CapGroupBlock, rule: (r: M.RuleModel) => Expr): Expr {
  return min(sum(b.rules.map(rule)), c(b.cap));
}

const c = (v: number): Expr => ({ k: "const", v });
const add = (a: Expr, b: Expr): Expr => (a.k === "const" && a.v === 0 ? b : b.k === "const" && b.v === 0 ? a : { k: "add", a, b });
const min = (a: Expr, b: Expr): Expr => ({ k: "min", a, b });
const sum = (list: Expr[]): Expr => list.reduce(add, c(0));
