/**
 * @kaoping/template: fact templates (填报表) for a compiled catalogue — an Excel workbook (or CSV file)
 * per evaluating department (考评单位), or one with every column, whose header is the exact fact keys
 * the facts reader (@kaoping/facts) accepts: a filled template reads back with no mapping.
 */
export { planTemplates, templateColumns, departmentsOf, type TemplatePlan, type TemplateColumn, type TemplateUnit, type PlanOptions } from "./plan.js";
export { columnForm, excelList, type ColumnForm, type ColumnValidation } from "./columns.js";
export { columnNote, howToFill, FACTS_SHEET, HELP_SHEET } from "./notes.js";
export { templateXlsx, BLANK_ROWS } from "./xlsx.js";
export { templateCsv, templateReadme } from "./csv.js";
export { readUnitsList, type UnitsList } from "./units.js";
export { NO_DEPARTMENT } from "@kaoping/facts";
