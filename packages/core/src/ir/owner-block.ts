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
import { add, c, max, min, sub, sum } from "./expr.js";

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

/**
 * A 加分/减分 section: its terms summed (a signed rule's award part with them), at most `cap` — then a
 * signed rule's deduction (否则) taken outside the cap, from the total.  A section has no points: a
 * 不得分 there is worth 0 and marks nothing.  Its vetoes strike the unit.
 */
export interface SectionBlock {
  /** The terms in source order (vetoes and signed rules included: `summed` and `split` below select). */
  terms: Term[];
  cap?: { value: number; over: Note };
  /** The note of the deductions taken outside the cap: text + their sum + after. */
  outside: Note;
}

export function sectionBlock(s: M.SectionModel): SectionBlock {
  const word = s.kind === "bonus" ? "加分" : "减分";
  const cap = s.cap === undefined ? undefined : { value: s.cap, over: { text: `${word}合计 `, after: `，超过上限 ${fmt(s.cap)}，按 ${fmt(s.cap)} 计` } };
  const outside = { text: "未完成任务扣 ", after: s.cap !== undefined ? `，从总分中扣除（不受加分上限 ${fmt(s.cap)} 限制）` : "，从总分中扣除" };
  return { terms: ownerTerms(s.rules), ...(cap ? { cap } : {}), outside };
}

/** The terms summed as they are (awards, deductions, 倒扣, groups). */
export function summed(b: SectionBlock): Term[] {
  return b.terms.filter((t) => t.k === "group" || (t.as.k !== "veto" && !splits(t.as)));
}

/** The 否则 rules: ≥ 0 joins the sum, < 0 is taken outside the cap. */
export function split(b: SectionBlock): M.RuleModel[] {
  return b.terms.flatMap((t) => (t.k === "rule" && splits(t.as) ? [t.rule] : []));
}

/** Whether a section splits a rule's value: a 否则 (a band going below 0 is summed as it is). */
const splits = (a: Booking): boolean => a.k === "signed" && a.otherwise;

/** The vetoes (run for the unit's veto). */
export function vetoes(b: SectionBlock): M.RuleModel[] {
  return b.terms.flatMap((t) => (t.k === "rule" && t.as.k === "veto" ? [t.rule] : []));
}

/**
 * The section's value for SQL: min(Σ summed + Σ max(signed, 0), cap) − Σ max(−signed, 0), each term's
 * expression from `term` (a 否则's value, the whole of it; a veto's is not read: `term` is called for
 * every term, in source order).
 */
export function sectionValue(b: SectionBlock, term: (t: Term) => Expr): Expr {
  const pos: Expr[] = [];
  const ded: Expr[] = [];
  const over: Expr[] = [];
  const after: Expr[] = [];
  // (each term's expression taken in source order, as its step is made; summed awards first)
  for (const t of b.terms) {
    const e = term(t);
    if (t.k === "rule" && t.as.k === "veto") continue;
    if (t.k === "group" || t.as.k === "award") pos.push(e);
    else if (splits(t.as)) {
      pos.push(max(e, c(0)));
      after.push(max(sub(c(0), e), c(0)));
    } else (t.as.k === "overdraft" ? over : ded).push(e);
  }
  let v = sum([...pos, ...ded, ...over]);
  if (b.cap) v = min(v, c(b.cap.value));
  return sub(v, sum(after));
}

