// What the item around a clause says against a compositional reading (compose.ts): a 加分 section holds no
// deduction and a 减分 section no award; and among sibling clauses that count (「巡查发现问题每宗扣0.3分」) a
// finding of the same kind written without a count word (「未及时整改的扣1分」) may be meant per occurrence too —
// a to-do, never read as a one-shot deduction.
import type { ClauseContext } from "../index.js";
import { normalise, rx } from "../normalise.js";
import { NOUNS } from "../units.js";
import type { RuleReading } from "./rule.js";
import { decimalCompare } from "../../decimal.js";

/** Findings that happen several times (a problem, a complaint, a notice). */
const EVENT = /问题|投诉|通报|整改|不满意|事故|案件|差错|错误|批评|信访|违规|违纪|违法/;

/** A sibling that counts: 每X, or one X before a deduction. */
const COUNTS = `每(?:[^,;。:每]{0,8}?[一1])?(?:${NOUNS})|[一1](?:${NOUNS})(?:扣|减)|分/(?:${NOUNS})`;

/** Why the item's context refuses the reading, or undefined. */
export function contextReason(bodies: readonly string[], rules: readonly RuleReading[], conditions: readonly string[], ctx: ClauseContext): string | undefined {
  if (ctx.section === "加分" && rules.some((r) => r.direction === "扣" || r.direction === "zero")) return "加分项中的条文写的是扣分，未能确定";
  if (ctx.section === "减分" && rules.some((r) => r.direction === "得")) return "减分项中的条文写的是得分，未能确定";
  // a one-shot amount beyond the item's points (「扣12分」 in a 2-point item: 「1-2分」 with its dash lost?)
  const beyond = rules.find((r) => r.shape === "once" && r.amount !== undefined && ctx.section === null && ctx.points !== null && decimalCompare(r.amount, ctx.points) > 0);
  if (beyond) return `条文的分值（${beyond.amount}分）比本项的分值（${ctx.points}分）还大，未能确定`;
  const counting = ctx.siblings?.some((s) => rx(COUNTS).test(normalise(s))) ?? false;
  if (counting && rules.some((r, i) => r.shape === "once" && r.direction === "扣" && EVENT.test(conditions[i] ?? ""))) {
    return "同一项的其他条文按次（按件）扣分，本条没有写计数单位，未能确定是一次性扣分还是按次扣分";
  }
  return bodies.length === 0 ? "条文没有读出计分方式" : undefined;
}
