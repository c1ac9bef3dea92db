// Points only in the points column, row by row (session 24, issue 13): an item whose every rule is a
// checklist row — its clause writes no points, its code one award (`得 5`, or a band `分段 { ≥ 2次 得 5 }`)
// — takes its awards from the table's points column, not from the clauses. Such an award is no clause
// mismatch when the rows' awards add up to the item's points exactly (a wrong or doubled award breaks the
// sum and is still reported).
import type { RuleModel } from "@kaoping/core";
import { clauseNumbers } from "./clause.js";
import { ruleNumbers } from "./util.js";

/** The rule is one of an item's checklist rows whose awards add up to the item's points. */
export function rowAward(rule: RuleModel): boolean {
  const o = rule.owner;
  if (o.kind !== "indicator" || !o.pointsDeclared || o.rules.length < 2) return false;
  let sum = 0n;
  for (const r of o.rules) {
    if (r.effect !== "award" || !r.clause.trim() || clauseNumbers(r.clause).some((t) => t.amount)) return false;
    if (r.body.kind !== "once" && r.body.kind !== "bands") return false;
    const amounts = ruleNumbers(r).filter((n) => n.role === "amount");
    if (amounts.length !== 1 || amounts[0]!.percent) return false;
    sum += BigInt(amounts[0]!.raw);
  }
  return sum === BigInt(o.points);
}
