/**
 * Inlay hints: after an indicator's points, its children's sum when it differs (or the derived
 * points of an indicator written without them); after a rule whose deduction has no cap of its own,
 * the cap that really applies — by default only where that tells something the line does not: nothing
 * bounds it (不设上限, e.g. 倒扣), or the bound is not simply its own indicator's points (扣完为止 is the
 * default every writer knows, and a hint on nearly every rule was noise).
 */
import { childrenSum, deductionBound, formatPoints as f, worstCaseText } from "./describe.js";
import { indexOf } from "./names.js";
import type { DocContext } from "./project.js";

/** A hint shown at an offset. */
export interface InlayHint {
  offset: number;
  label: string;
  tooltip: string;
}

/** Which 实际上限 hints to show: `informative` (default), `all` rules without a cap of their own, or `off`. */
export type CapHints = "informative" | "all" | "off";

/** Hints of a document whose offset lies in `[from, to]`. */
export function inlayHints(ctx: DocContext, from = 0, to = Number.POSITIVE_INFINITY, capHints: CapHints = "informative"): InlayHint[] {
  const idx = indexOf(ctx.state.analysis);
  const out: InlayHint[] = [];
  const add = (offset: number, label: string, tooltip: string) => {
    if (offset >= from && offset <= to) out.push({ offset, label, tooltip });
  };
  for (const m of idx.indicators.values()) {
    if (m.file !== ctx.path) continue;
    const sum = childrenSum(m);
    if (m.pointsDeclared && m.node.points && sum !== undefined && sum !== m.points) {
      add(
        m.node.points.span.end.offset,
        `子项合计 ${f(sum)}`,
        `分值 ${f(m.points)} 分，子项合计 ${f(sum)} 分，相差 ${f(Math.abs(m.points - sum))} 分`,
      );
    } else if (!m.pointsDeclared && m.node.name && sum !== undefined) {
      add(m.node.name.span.end.offset, `${f(m.points)}分`, `未写分值：由子项推出为 ${f(m.points)} 分`);
    }
  }
  for (const r of ctx.state.analysis.catalogue.rules) {
    if (capHints === "off") break;
    if (r.file !== ctx.path || r.effect !== "deduct" || r.cap !== undefined || r.group?.cap !== undefined) continue;
    const b = deductionBound(r);
    if (!b.unboundedAlone) continue;
    const ownPoints = r.owner.kind === "indicator" ? r.owner.points : undefined;
    if (capHints === "informative" && b.raw !== undefined && b.raw === ownPoints) continue;
    const label = b.raw === undefined ? "不设上限" : `实际上限 ${f(b.raw)}`;
    add(r.node.span.end.offset, label, `本规则没有写上限：${worstCaseText(r)}`);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
