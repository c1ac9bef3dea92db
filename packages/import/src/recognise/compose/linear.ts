// A clause with a linear step (语言参考 §5.5) read by its parts: the base is the percentage a bound states (「达到85%」
// 「未达到95%的」「超过10%的」 — every bound of the clause the same number), the step and its direction (每低1个百分点,
// 每超0.5%), the amount per step, a cap; the item's points at the base (「得满分」「得20分」 when 20 is the item's
// points, 「不扣分」) write nothing.
//   「达到85%的得满分，每低一个百分点扣0.2分」          基准 85% 每低 1个百分点 扣 0.2
//   「未达到95%的，每少1%扣3分，扣完为止」             基准 95% 每低 1% 扣 3
//   「超过10%的，每超一个百分点扣0.4分，最多扣4分」     基准 10% 每超 1个百分点 扣 0.4 上限 4
//   「完成率达到100%，每超1个百分点加0.5分，最高加2分」  基准 100% 每增加 1个百分点 得 0.5 上限 2
// Anything else in such a clause — a count, a zero, a cut-off, a second amount, bounds of two numbers, a step whose
// direction the base does not fit — is refused.
import type { ClauseContext } from "../index.js";
import type { Group } from "./groups.js";
import { itemRateBound } from "./item-base.js";
import { partsOf as of, type BoundPart, type CapPart, type Part, type ScorePart, type StepPart } from "./tag.js";

/** The linear body of a clause with a step, or the reason it is refused. */
export function linearBody(groups: readonly Group[], parts: readonly Part[], ctx: ClauseContext, text: string): { bodies: string[] } | { reason: string } {
  const steps = of(parts, "step");
  if (steps.length !== 1) return { reason: "条文有几个逐档的步长，未能确定" };
  const step: StepPart & Part = steps[0]!;
  if (parts.some((p) => p.kind === "count" || p.kind === "zero" || p.kind === "discretion" || p.kind === "otherwise")) {
    return { reason: "条文逐档计分之外还有计数、不得分或否则，未能确定" };
  }
  // the step's own group: the first score after the step
  const at = groups.findIndex((g) => g.score.at > step.at);
  if (at < 0) return { reason: "条文的步长之后没有分值，未能确定" };
  const g = groups[at]!;
  if (g.score.kind !== "score") return { reason: "条文的步长之后不是分值，未能确定" };
  const score = g.score as ScorePart & Part;
  if (score.amount === undefined || score.direction === undefined) return { reason: "条文每档的分值未能确定（没有「扣」或「加」，或是范围）" };
  // before it: the item's points at the base, written or 「得满分」; nothing after it but its cap
  for (const [i, other] of groups.entries()) {
    if (i === at) continue;
    // (「达标为40分」: a bare amount that is the item's points, too)
    const award = other.score as ScorePart;
    const base = i < at && (other.score.kind === "full" || (other.score.kind === "score" && award.direction !== "扣" && award.amount === ctx.points && ctx.section === null));
    if (!base) return { reason: "条文逐档计分之外还有别的分值，未能确定" };
  }
  const bounds = of(parts, "bound");
  if (bounds.length === 0) {
    // 「每低1个百分点扣1分」 under an item requiring 「…比例不低于80%」: the item's floor is the base (item-base.ts)
    // (a ceiling 「…率在5%以内」 under a step up that deducts: 每超)
    const floor = score.direction === "扣" && ctx.section === null ? itemRateBound(ctx, step.down ? "floor" : "ceiling", text) : undefined;
    if (floor === undefined) return { reason: "条文逐档计分，没有写从哪个比率算起（基准），未能确定" };
    if (groups.length > 1) return { reason: "条文逐档计分之外还有别的分值，未能确定" };
    const caps = of(parts, "cap");
    if (caps.length > 1 || caps.some((c) => c.at < step.at || c.value !== null)) return { reason: "条文的上限未能确定作用于哪一侧" };
    return { bodies: [`基准 ${floor}% ${step.down ? "每低" : "每超"} ${step.size}${step.measure} 扣 ${score.amount}`] };
  }
  const base: BoundPart = bounds[0]!;
  if (bounds.some((b) => b.measure !== "%" || b.n !== base.n || b.bare)) return { reason: "条文的界限不是同一个百分数，未能确定基准" };
  if (bounds.some((b) => b.at > step.at)) return { reason: "条文的界限写在步长之后，未能确定基准" };
  // 「完成80%以上任务得12分」: the percentage is of the task, written before its noun — not the rate the step runs from
  const t = text;
  if (bounds.some((b) => !/^(?:$|[\d的,;。:)得扣计记加减为]|时|者)/.test(t.slice(b.end)))) return { reason: "条文的百分数写在任务之中，不是逐档计分的比率，未能确定基准" };
  const d = score.direction;
  const fits = step.down ? bounds.every((b) => b.op === "≥" || b.op === "<") && d === "扣" : d === "扣" ? bounds.every((b) => b.op === ">" || b.op === "≤") : bounds.every((b) => b.op === "≥" || b.op === ">");
  if (!fits) return { reason: "条文逐档的方向与基准的界限对不上，未能确定" };
  const caps = of(parts, "cap");
  if (caps.length > 1 || caps.some((c) => c.at < step.at)) return { reason: "条文的上限未能确定作用于哪一侧" };
  const cap: CapPart | undefined = caps[0];
  if (cap && cap.direction !== undefined && cap.direction !== d) return { reason: "条文的上限与每档的计分方向不同，未能确定" };
  if (cap && cap.value === null && d !== "扣") return { reason: "条文写了扣完为止，计分却是得分，未能确定" };
  // 「好评率达98%的得6分,下降1个百分点扣0.5分,最多扣3分」: the item's points at the base and a cap of another amount
  if (cap && cap.value !== null && groups.length > 1 && cap.value !== ctx.points) return { reason: "条文在基准时得本项分值，上限却是另一个分值，未能确定" };
  // 「参保率达到95%以上的,每超1个百分点加0.5分」: an award growing without a cap outside a 加分 section may pass the item's points
  if (d === "得" && ctx.section !== "加分" && !(cap && cap.value !== null)) return { reason: "条文逐档加分，不在加分项中，又没有写上限，未能确定" };
  const word = step.down ? "每低" : d === "扣" ? "每超" : "每增加";
  const capText = cap && cap.value !== null ? ` 上限 ${cap.value}` : "";
  return { bodies: [`基准 ${base.n}% ${word} ${step.size}${step.measure} ${d} ${score.amount}${capText}`] };
}
