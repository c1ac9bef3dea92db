/**
 * unused-declaration: a unit class declared with 类别 that no 适用, 其中 or 参照 of the catalogue uses.
 *
 * Facts files also name classes (each unit's 类别), so an unused class may still be needed to label
 * units; the linter cannot see facts, hence the default severity is info and there is no fix.  A
 * class that only labels units and never changes scoring is worth a second look, not an error.
 */
import { nameKey, walk, type IndicatorModel, type StringLit } from "@kaoping/core";
import type { Finding, LintContext, LintRule } from "../rule.js";

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  if (ctx.analysis.fragment) return out;
  // Names compared by nameKey, the one identity of a name (NFC + half-width).
  const used = new Set<string>();
  // 其中 「园区」 0.3 scores the named classes one way and every other class the other way: in a rule
  // that applies to every class, the classes it does not name are used too (as the rest), so none
  // is reported.  Under 适用 the rest is the classes of 适用, which count as used already.
  const partitionRule = ctx.catalogue.rules.some((r) => {
    const b = r.body;
    if ((b.kind !== "per" && b.kind !== "once") || b.overrides.length === 0 || r.appliesTo) return false;
    for (let i = r.owner.kind === "indicator" ? r.owner : undefined; i; i = i.parent) if (i.appliesTo) return false;
    return true;
  });
  // so does an indicator's 5分 其中 「其他县」 3分
  const partitionPoints = (list: readonly IndicatorModel[]): boolean =>
    list.some((i) => !i.appliesTo && ((i.pointsDeclared && i.classPoints !== undefined) || partitionPoints(i.children)));
  const partition = partitionRule || partitionPoints(ctx.catalogue.indicators);
  if (partition) return out;
  const declared: { lit: StringLit; file: string }[] = [];
  for (const f of ctx.catalogue.files) {
    walk(f, (n) => {
      switch (n.kind) {
        case "Classes":
          for (const lit of n.names) declared.push({ lit, file: f.path });
          break;
        case "Applies":
          for (const c of n.classes) used.add(nameKey(c.value));
          break;
        case "ClassAmount":
          if (n.unitClass) used.add(nameKey(n.unitClass.value));
          break;
        case "Refer":
          if (n.unitClass) used.add(nameKey(n.unitClass.value));
          // 以 「类别」 平均分 为准: the pool's class is used too
          if (n.aggregate && n.unit) used.add(nameKey(n.unit.value));
          break;
        default:
          break;
      }
    });
  }
  const seen = new Set<string>();
  for (const d of declared) {
    const key = nameKey(d.lit.value);
    if (used.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push({ file: d.file, span: d.lit.span, args: [d.lit.value] });
  }
  return out;
}

export const unusedDeclaration: LintRule = {
  id: "unused-declaration",
  code: "KP3050",
  defaultSeverity: "info",
  title: "未使用的类别",
  doc: {
    description:
      "用「类别」声明的单位类别，没有被任何「适用」「其中」「参照」用到：它不影响计分。" +
      "细则中有「其中」时不报告：「其中 「园区」 0.3」把单位分成园区和其余各类，没有点名的类别就是「其余」，同样影响计分。" +
      "事实文件也用类别标注单位，所以它可能仍然有用（只用于标注单位时可以忽略本提示或在配置中关闭）；linter 看不到事实文件，因此默认级别为 info，也不提供自动修复。",
    bad: '细则 「示例细则」\n类别 「县区」、「园区」、「市直部门」\n指标 「信息工作」 2分 {\n  规则 「信息约稿」 「未完成信息约稿的，每次扣0.1分」 每次 扣 0.1 上限 2 适用 「县区」、「园区」\n}',
    good: '细则 「示例细则」\n类别 「县区」、「园区」\n指标 「信息工作」 2分 {\n  规则 「信息约稿」 「未完成信息约稿的，每次扣0.1分」 每次 扣 0.1 上限 2 适用 「县区」、「园区」\n}',
  },
  check,
  catalogueWide: true,
};
