/** The words of a template that people read: a column's note, and the 说明 sheet's lines. */
import type { TemplateColumn, TemplatePlan } from "./plan.js";

/** The note (cell comment) of a column's header: where the fact comes from and what to enter. */
export function columnNote(c: TemplateColumn): string {
  const lines = [
    `指标：${c.path.join(" › ") || "（无）"}`,
    c.rule !== undefined ? `规则：${c.rule}` : `指标「${c.path.at(-1) ?? ""}」未涉及`,
    `条文：${c.clause}`,
    `填写（${c.form.kind}）：${c.form.enter}`,
    `考评单位：${c.department}${c.others.length > 0 ? `（本指标另列有 ${c.others.join("、")}，由第一个列出的「${c.department}」填写）` : ""}`,
  ];
  if (c.required) lines.push("必填：适用本规则的单位都要填写");
  return lines.join("\n");
}

/** The sheet's name in a template workbook. */
export const FACTS_SHEET = "事实";
/** The instructions sheet's name (the facts reader does not count it as a second table). */
export const HELP_SHEET = "说明";

/** How to fill a template, numbered lines for the 说明 sheet (and the CSV template's companion text). */
export function howToFill(plan: TemplatePlan): string[] {
  const lines = [
    `在工作表「${FACTS_SHEET}」中，每个单位一行，每条规则需要的事实一列；第一行的列名就是规则名，不要改动，也不要增删、改名工作表。`,
    "选中一个单元格时会显示应填写的内容；把鼠标移到列名上可以看到条文原文和填写要求（批注）。",
    "「单位」「类别」两列已按名单填好；单位名称不要改写，同一个单位只占一行，不要合并单元格。",
    "次数填非负整数；是/否 从下拉列表中选择；百分数直接输入如 87.5%；未报送的填「未报送」；没有发生的可以留空。",
    "单元格中只填事实本身；需要说明的，请在最后添加一列「备注」写在那里（kaoping 不读「备注」列）。",
    "填好后保存为 .xlsx 文件交回；考核办用 kp score 把各考评单位交回的文件合并计分，kp facts check 列出尚未填写的内容。",
  ];
  if (plan.department !== undefined) lines.splice(1, 0, `本表只含考评单位「${plan.department}」负责的 ${plan.columns.length} 列；一个指标列有几个考评单位时，由第一个列出的考评单位填写。`);
  return lines;
}
