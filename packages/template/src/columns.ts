/**
 * What a template column asks for: from a fact's spec (core's factSpecs, the very table the compiled
 * module checks facts against), the words telling a person what to enter, and the Excel data
 * validation that keeps a cell within what the facts reader accepts.
 *
 * Validations never reject a value the reader accepts: where a cell may hold two forms (a count or
 * incident ids; 是/否 or a discretionary score; a number or 未报送), Excel is told to warn rather than
 * refuse, or only to prompt.
 */
import { kpFormat, type FactSpec } from "@kaoping/core";

/** An Excel data validation (the subset of exceljs's DataValidation a template uses). */
export interface ColumnValidation {
  type: "whole" | "decimal" | "list";
  operator?: "between" | "greaterThanOrEqual";
  /** Formulae as Excel text: numbers as exact decimal strings, a list as one quoted string. */
  formulae: string[];
  /** stop = refuse other values; warning = ask; information = accept with a note. */
  errorStyle: "stop" | "warning" | "information";
  error: string;
}

/** What one fact column asks for. */
export interface ColumnForm {
  /** Short: 次数, 是/否, 百分数, 事件编号, 分类 … */
  kind: string;
  /** How to fill a cell, one sentence. */
  enter: string;
  validation?: ColumnValidation;
  /** Excel number format of the data cells (a percentage column shows 87.5%). */
  numFmt?: string;
}

/** A raw value (millionths) as an exact decimal string. */
const dec = (raw: number): string => kpFormat(raw);

const isPercent = (s: FactSpec) => s.t === "rate" || /百分/.test(s.label);

const YES_NO = '"是,否"';

/** Excel's limit on an explicit list (the quoted text of a list validation). */
const LIST_MAX = 255;

/**
 * Names as an Excel list validation (`"好,较好"`), or undefined when Excel cannot hold them: a name with
 * a comma or a quote, or a list longer than Excel's 255 characters (then the column is only prompted).
 */
export function excelList(names: readonly string[]): string | undefined {
  if (names.length === 0 || names.some((n) => /[,"]/.test(n))) return undefined;
  const list = `"${names.join(",")}"`;
  return list.length <= LIST_MAX ? list : undefined;
}

/** The form of a fact's column. */
export function columnForm(s: FactSpec): ColumnForm {
  const optional = s.req === true ? "" : "不适用或没有发生的留空。";
  switch (s.t) {
    case "count":
      if (s.inc === true)
        return { kind: "次数或事件编号", enter: `填写次数（非负整数），或发生的事件编号（多个用「、」隔开，如「事件A、事件B」）。${optional}` };
      return {
        kind: "次数",
        enter: `填写次数（非负整数）。${optional || "没有发生的填 0。"}`,
        validation: { type: "whole", operator: "greaterThanOrEqual", formulae: ["0"], errorStyle: "stop", error: "这里应填次数：0 或正整数" },
      };
    case "items":
      return { kind: `每${s.item ?? "项"}的次数`, enter: `按${s.item ?? "项"}填写${s.noun ?? "次"}数，如「3、1、2」；也可只填总数。${optional}` };
    case "flag":
      if (s.inc === true) return { kind: "是/否或事件编号", enter: `发生的填「是」或事件编号（多个用「、」隔开），没有发生的填「否」或留空。` };
      return {
        kind: "是/否",
        enter: "发生的填「是」，没有发生的填「否」或留空。",
        validation: { type: "list", formulae: [YES_NO], errorStyle: "stop", error: "这里应填「是」或「否」" },
      };
    case "award": {
      const max = dec(s.max ?? 0);
      return {
        kind: "是/否或分数",
        enter: `完成的填「是」（得满分 ${max} 分），未完成的填「否」或留空；考评单位酌情给分的，填 0 至 ${max} 之间的分数。`,
        validation: { type: "list", formulae: [YES_NO], errorStyle: "warning", error: `应填「是」「否」，或 0 至 ${max} 之间的分数` },
      };
    }
    case "outcome": {
      const names = s.names ?? [];
      const list = excelList(names);
      if (list === undefined) return { kind: "分类", enter: `填写评定结果，只能是：${names.join("、")}。` };
      return {
        kind: "分类",
        enter: `从下拉列表中选择：${names.join("、")}。`,
        validation: { type: "list", formulae: [list], errorStyle: "stop", error: `只能填：${names.join("、")}` },
      };
    }
    case "rate":
      return {
        kind: "百分数",
        enter: "填写百分数，如「87.5%」（0% 至 100%）。",
        numFmt: "0.####%",
        validation: { type: "decimal", operator: "between", formulae: ["0", "1"], errorStyle: "stop", error: "这里应填 0% 至 100% 之间的百分数" },
      };
    case "score": {
      const max = dec(s.max ?? 0);
      return {
        kind: "评价得分",
        enter: `填写评价得分：0 至 ${max} 之间的数。${optional}`,
        validation: { type: "decimal", operator: "between", formulae: ["0", max], errorStyle: "stop", error: `评价得分应在 0 至 ${max} 之间` },
      };
    }
    case "amount":
    case "reduce":
    case "amounts": {
      const lo = s.min !== undefined ? dec(s.min) : "0";
      const hi = s.max !== undefined ? dec(s.max) : undefined;
      const what = s.t === "reduce" ? "减免的分数" : s.t === "amounts" ? `每${s.n ?? "次"}给的分数（多${s.n ?? "次"}用「、」隔开）` : "给的分数";
      const range = hi !== undefined ? `${lo} 至 ${hi} 之间` : `不小于 ${lo}`;
      const form: ColumnForm = { kind: "分数", enter: `填写${what}：${range}；不扣（不给）的留空或填 0。` };
      if (s.t !== "amounts" && hi !== undefined)
        form.validation = { type: "decimal", operator: "between", formulae: ["0", hi], errorStyle: "stop", error: `应在 ${range}` };
      return form;
    }
    case "value": {
      const pct = isPercent(s);
      const kind = pct ? "百分数" : s.int === true ? "整数" : "数值";
      const miss = s.miss === true ? "没有报送的填「未报送」。" : "";
      const example = pct ? "如「87.5%」" : s.int === true ? "如「12」" : "如「3.5」";
      const form: ColumnForm = { kind, enter: `填写${s.label}，${example}。${miss}${optional}` };
      if (pct) form.numFmt = "0.####%";
      if (s.neg !== true) {
        // 未报送 is text: Excel asks instead of refusing it.
        const style = s.miss === true ? "warning" : "stop";
        const error = `这里应填${pct ? "百分数" : kind}${s.miss === true ? "，或「未报送」" : ""}`;
        form.validation = { type: s.int === true ? "whole" : "decimal", operator: "greaterThanOrEqual", formulae: [s.pos === true && s.int === true ? "1" : "0"], errorStyle: style, error };
      }
      return form;
    }
    default:
      return { kind: s.label, enter: `填写${s.label}。${optional}` };
  }
}
