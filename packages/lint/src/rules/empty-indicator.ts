/**
 * empty-indicator: an indicator with no rules, notes or child indicators.  Nothing can change its
 * score, so every unit gets its full points — usually a clause that was never written down.  A
 * clause kept only as text (注) is enough to silence it: it says the item is intentionally unscored.
 */
import type { Indicator } from "@kaoping/core";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt } from "../util.js";

function hasContent(node: Indicator): boolean {
  return node.items.some((i) => i.kind === "Rule" || i.kind === "Note" || i.kind === "Indicator" || ((i.kind === "CapGroup" || i.kind === "HighestGroup" || i.kind === "ChoiceGroup") && i.items.length > 0));
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const visit = (ind: (typeof ctx.catalogue.indicators)[number]) => {
    if (!hasContent(ind.node)) {
      out.push({
        file: ind.file,
        span: ind.node.name?.span ?? ind.node.span,
        args: [ind.name, ind.pointsDeclared ? `所有单位都将得满分 ${fmt(ind.points)} 分` : "它不会影响任何单位的得分"],
      });
    }
    for (const c of ind.children) visit(c);
  };
  for (const ind of ctx.catalogue.indicators) visit(ind);
  return out;
}

export const emptyIndicator: LintRule = {
  id: "empty-indicator",
  code: "KP3060",
  defaultSeverity: "warning",
  title: "空指标",
  doc: {
    description:
      "指标中既没有规则，也没有注或下级指标：没有任何东西能改变它的得分，所有单位都得满分。多半是条款漏写了。" +
      "如果本项确实不计分（例如原文缺失），写一条「注」说明即可。",
    bad: '指标 「值班工作」 1分 {\n  考评单位 「市×办公室」\n}',
    good: '指标 「值班工作」 1分 {\n  考评单位 「市×办公室」\n  规则 「值班在岗」 「值班人员不在岗的，1次扣0.5分」 每次 扣 0.5 上限 1\n}',
  },
  check,
};
