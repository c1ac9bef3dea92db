/**
 * Code lenses: above each indicator 「N分 · M条规则」 (its points and the rules under it, sub-indicators
 * included; a label, no command), above each bonus/penalty section its rule count, and on the root
 * file's title line 「计分」「解释」, which run the editor's commands `kaoping.score` and
 * `kaoping.explain` (a client without them just shows the labels).
 */
import type { IndicatorModel, Span } from "@kaoping/core";
import { formatPoints as f } from "./describe.js";
import { indexOf } from "./names.js";
import type { DocContext } from "./project.js";

/** One lens: where, what it says, and the command it runs (none: a label only). */
export interface Lens {
  span: Span;
  title: string;
  command?: "kaoping.score" | "kaoping.explain";
}

/** Rules in an indicator and everything below it. */
function ruleCount(m: IndicatorModel): number {
  return m.rules.length + m.children.reduce((n, c) => n + ruleCount(c), 0);
}

/** The lenses of a document. */
export function codeLenses(ctx: DocContext): Lens[] {
  const out: Lens[] = [];
  const analysis = ctx.state.analysis;
  if (!analysis.fragment && ctx.path === ctx.state.root) {
    const title = ctx.file.parsed.ast.items.find((i) => i.kind === "Title");
    if (title) {
      out.push({ span: title.span, title: "计分", command: "kaoping.score" });
      out.push({ span: title.span, title: "解释", command: "kaoping.explain" });
    }
  }
  const idx = indexOf(analysis);
  for (const [node, m] of idx.indicators) {
    if (m.file !== ctx.path) continue;
    out.push({ span: node.span, title: `${f(m.points)}分 · ${ruleCount(m)}条规则` });
  }
  for (const [node, s] of idx.sections) {
    if (s.file !== ctx.path) continue;
    out.push({ span: node.span, title: `${s.kind === "bonus" ? "加分" : "减分"}${s.cap !== undefined ? ` 上限 ${f(s.cap)}分` : ""} · ${s.rules.length}条规则` });
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}
