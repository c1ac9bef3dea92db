/**
 * An item's points split among its clauses (session 26): in a 5-point item, 「…发动组织群众好的计2.5分,差的扣1分」
 * and 「…典型信息5条…的计2.5分,每差1条扣0.5分」 each state their part's points (2.5) before the deduction from
 * them.  The rules write the deductions (`扣 1`, `至少 5条 每少 1条 扣 0.5`); the part's points are no amount
 * they must write — when the parts the item's clauses state add up to its points exactly (a part changed by
 * hand, or a clause stating the item's whole points, breaks the sum).
 */
import type { RuleModel } from "@kaoping/core";
import { clauseNumbers } from "./clause.js";

const awardBefore = /[计計记記得]\s*$/;
const deductBefore = /[扣减減]\s*$/;

/** The part's points a clause states before a deduction from them: the one award amount, then a deduction. */
function statedPart(clause: string): number | undefined {
  const nums = clauseNumbers(clause).filter((t) => t.amount && !t.percent && !t.cap);
  const before = (at: number) => clause.slice(Math.max(0, at - 2), at);
  const awards = nums.filter((t) => awardBefore.test(before(t.start)));
  if (awards.length !== 1) return undefined;
  const part = awards[0]!;
  return nums.some((t) => t.start > part.start && deductBefore.test(before(t.start))) ? part.raw : undefined;
}

/** The part's points the rule's clause states, when the item's clauses split its points so. */
export function partPoints(rule: RuleModel): number | undefined {
  const owner = rule.owner;
  if (owner.kind !== "indicator" || rule.effect !== "deduct") return undefined;
  const mine = statedPart(rule.clause);
  if (mine === undefined) return undefined;
  const parts = new Map<string, number | undefined>();
  for (const r of owner.rules) parts.set(r.clause.replace(/\s/g, ""), statedPart(r.clause));
  if (parts.size < 2) return undefined;
  let sum = 0n;
  for (const p of parts.values()) {
    if (p === undefined) return undefined;
    sum += BigInt(p);
  }
  return sum === BigInt(owner.points) ? mine : undefined;
}
