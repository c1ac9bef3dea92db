/**
 * Which columns each template holds: one column per fact key of the catalogue (core's factSpecs, in
 * catalogue order), each owned by one evaluating department (考评单位).
 *
 * Ownership: a rule's facts belong to the departments of the indicator the rule is in (an indicator
 * inherits its parent's 考评单位 unless it names its own — core's checker resolves that).  When an
 * indicator names several departments, the FIRST listed owns the column (it alone fills it); the
 * others are named in the column's note and in the 说明 sheet, never given a second copy to fill, so
 * two returns can never disagree about one fact.  Facts of rules without a department (加分/减分
 * sections, indicators with no 考评单位) go to the workbook 「未指定考评单位」.
 */
import type { CatalogueMeta, FactSpec } from "@kaoping/core";
import { departmentOf, factOwners } from "@kaoping/facts";
import { columnForm, type ColumnForm } from "./columns.js";

/** One fact column of a template. */
export interface TemplateColumn {
  /** The fact key: the column header, exactly what the facts reader accepts. */
  key: string;
  /** The rule whose fact it is (for an indicator's 未涉及 flag: undefined). */
  rule?: string;
  /** Names from the top-level indicator (or 加分/减分 section) down to the rule's indicator. */
  path: string[];
  /** The clause text (条文) of the rule. */
  clause: string;
  /** The department that fills it. */
  department: string;
  /** The other departments the indicator names (they do not fill it). */
  others: string[];
  required: boolean;
  spec: FactSpec;
  form: ColumnForm;
}

/** A unit row of a template: its name and classes (prefilled). */
export interface TemplateUnit {
  name: string;
  classes: string;
}

/** One workbook to write. */
export interface TemplatePlan {
  title: string;
  year?: string;
  /** The department (undefined: one workbook with every column). */
  department?: string;
  /** The catalogue's unit classes (the 类别 column's list). */
  classes: string[];
  units: TemplateUnit[];
  columns: TemplateColumn[];
}

/** Every fact column of the catalogue, in catalogue order. */
export function templateColumns(meta: CatalogueMeta, specs: readonly FactSpec[]): TemplateColumn[] {
  const owners = factOwners(meta);
  return specs.map((spec) => {
    const owner = owners.get(spec.k);
    const rule = owner?.rule;
    const path = owner?.path ?? [];
    const [, ...others] = owner?.departments ?? [];
    return {
      key: spec.k,
      rule,
      path,
      clause: rule !== undefined ? (meta.rules[rule]?.clause ?? "") : `本单位不涉及指标「${path.at(-1) ?? ""}」的填「是」`,
      department: departmentOf(owner),
      others,
      required: spec.req === true,
      spec,
      form: columnForm(spec),
    };
  });
}

/** The departments that own columns, in catalogue order. */
export function departmentsOf(columns: readonly TemplateColumn[]): string[] {
  return [...new Set(columns.map((c) => c.department))];
}

/** Options of planning templates. */
export interface PlanOptions {
  /** One workbook per department (`--by 考评单位`). */
  byDepartment: boolean;
  units: TemplateUnit[];
}

/** The workbooks to write: one with every column, or one per department with only its columns. */
export function planTemplates(meta: CatalogueMeta, specs: readonly FactSpec[], options: PlanOptions): TemplatePlan[] {
  const columns = templateColumns(meta, specs);
  const base = { title: meta.title, year: meta.year, classes: meta.classes, units: options.units };
  if (!options.byDepartment) return [{ ...base, columns }];
  return departmentsOf(columns).map((department) => ({ ...base, department, columns: columns.filter((c) => c.department === department) }));
}
