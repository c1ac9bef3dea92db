/**
 * points-sum: the points of an indicator's children — child indicators' points plus its award rules'
 * maxima — differ from the indicator's declared points; the first-level indicators differ from the
 * declared 总分.  Items that apply only to some classes (适用) count in full: a unit they do not apply
 * to scores them at full points (the compiler's 不适用按满分 rule), so every unit's maximum is the
 * sum of all items.  The alternatives of a 择一 group count once, at the largest (only one can happen).
 */
import type { IndicatorModel, NumberLit, RuleModel } from "@kaoping/core";
import { suggestion } from "../fixes.js";
import type { Finding, LintContext, LintRule } from "../rule.js";
import { fmt, replaceNumberEdit } from "../util.js";

interface Part {
  points: number;
  /** An award rule's maximum (a rule that does not apply to a unit gives it nothing). */
  rule?: boolean;
  /** Points that differ by class (指标 … 5分 其中 「其他县」 3分). */
  classPoints?: { unitClass: string; points: number }[];
  appliesTo?: string[];
}

/** A part's points for units of a class (undefined: units of none of the listed classes). */
const pointsOf = (p: Part, unitClass: string | undefined): number =>
  (unitClass === undefined ? undefined : p.classPoints?.find((cp) => cp.unitClass === unitClass)?.points) ?? p.points;

/**
 * The sums of the parts.  One sum when no points differ by class (items under 适用 count in full).
 * When some do (`5分 其中 「其他县」 3分`), one sum per declared class: each part at that class's
 * points, an award rule under 适用 only for its classes (it gives the others nothing), an indicator
 * under 适用 in full (a unit it does not apply to scores its full points).
 */
function sums(parts: readonly Part[], declared: Part, classes: readonly string[]): { unitClass?: string; sum: number }[] {
  if (!declared.classPoints && !parts.some((p) => p.classPoints)) return [{ sum: parts.reduce((s, p) => s + p.points, 0) }];
  return classes.map((unitClass) => ({
    unitClass,
    sum: parts.reduce((t, p) => t + (p.rule && p.appliesTo && !p.appliesTo.includes(unitClass) ? 0 : pointsOf(p, unitClass)), 0),
  }));
}

function difference(sum: number, declared: number): string {
  return sum < declared ? `少 ${fmt(declared - sum)} 分` : `多 ${fmt(sum - declared)} 分`;
}

function awardParts(rules: readonly RuleModel[]): Part[] | undefined {
  const parts: Part[] = [];
  const choice = new Map<unknown, Part>();
  for (const r of rules) {
    if (r.effect !== "award") continue;
    if (r.maxAward === undefined || r.maxAward < 0) return undefined; // unbounded: unbounded-award reports it
    if (r.group?.kind === "choice") {
      // 择一: one part per group, the largest alternative
      const prev = choice.get(r.group);
      if (prev) prev.points = Math.max(prev.points, r.maxAward);
      else {
        const p: Part = { points: r.maxAward };
        choice.set(r.group, p);
        parts.push(p);
      }
      continue;
    }
    const p: Part = { points: r.maxAward, rule: true };
    if (r.appliesTo) p.appliesTo = r.appliesTo;
    parts.push(p);
  }
  return parts;
}

function indicatorPart(i: IndicatorModel): Part {
  const p: Part = { points: i.points };
  if (i.classPoints) p.classPoints = i.classPoints;
  if (i.appliesTo) p.appliesTo = i.appliesTo;
  return p;
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const report = (file: string, lit: NumberLit, subject: string, what: string, declaredPart: Part, parts: Part[]) => {
    const all = sums(parts, declaredPart, ctx.catalogue.classes);
    const bad = all.filter((s) => s.sum !== pointsOf(declaredPart, s.unitClass));
    if (bad.length === 0) return;
    const first = bad[0]!;
    const declared = pointsOf(declaredPart, first.unitClass);
    const who = first.unitClass !== undefined ? `${subject}（对「${first.unitClass}」类单位）` : subject;
    // one number to write only when the points do not differ by class
    const agree = all.length === 1;
    out.push({
      file,
      span: lit.span,
      args: [who, fmt(first.sum), what, fmt(declared), difference(first.sum, declared)],
      // Changing a declared total changes every unit's maximum: never applied by --fix.
      fixes: agree ? [suggestion({ title: `将声明的${what}改为 ${fmt(first.sum)}`, edits: [replaceNumberEdit(ctx, file, lit, first.sum)] })] : [],
    });
  };
  const visit = (ind: IndicatorModel) => {
    for (const c of ind.children) visit(c);
    if (!ind.pointsDeclared || !ind.node.points) return;
    const awards = awardParts(ind.rules);
    if (!awards) return;
    if (ind.children.length === 0 && awards.length === 0) return;
    // A child whose points could not be derived (KP2013) has no sum to compare.
    if (ind.children.some((c) => !c.pointsDeclared && c.points === 0)) return;
    report(ind.file, ind.node.points, `指标「${ind.name}」的子项`, "分值", indicatorPart(ind), [...ind.children.map(indicatorPart), ...awards]);
  };
  for (const ind of ctx.catalogue.indicators) visit(ind);

  if (ctx.item) return out; // the first-level indicators against 总分: the whole-catalogue lint's
  const total = ctx.catalogue.declaredTotal;
  const root = ctx.catalogue.files[0];
  const decl = root?.items.find((i) => i.kind === "Total");
  // 总分 N 折算: the declared total is the scale the final score is rescaled to, not the sum of the points
  if (total !== undefined && !ctx.catalogue.rescale && root && decl?.kind === "Total" && decl.value && ctx.catalogue.indicators.length > 0) {
    report(root.path, decl.value, "各一级指标", "总分", { points: total }, ctx.catalogue.indicators.map(indicatorPart));
  }
  return out;
}

export const pointsSum: LintRule = {
  id: "points-sum",
  code: "KP3010",
  defaultSeverity: "warning",
  title: "分值之和不符",
  doc: {
    description:
      "指标的子项分值（下级指标的分值加上本指标中得分规则的满分）之和与声明的分值不一致，或各一级指标之和与声明的「总分」不一致。" +
      "消息中给出两边的数值和差额。只适用于某类单位的子项同样计入（对不适用的单位按满分计）。建议（不由 --fix 自动应用）：把声明的分值改为子项之和（请先确认不是子项写错了）。",
    bad: '指标 「×的××建设」 2分 {\n  指标 「学习」 0.5分 { 规则 「学习」 「组织学习（0.5分）」 得 0.5 }\n  指标 「培训」 1分 { 规则 「培训」 「组织培训（1分）」 得 1 }\n}',
    good: '指标 「×的××建设」 1.5分 {\n  指标 「学习」 0.5分 { 规则 「学习」 「组织学习（0.5分）」 得 0.5 }\n  指标 「培训」 1分 { 规则 「培训」 「组织培训（1分）」 得 1 }\n}',
  },
  check,
};
