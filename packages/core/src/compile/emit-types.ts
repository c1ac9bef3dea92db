/**
 * Model → the compiled module's TypeScript declarations (.d.ts) and the JSON Schema of a facts file.
 * Both type exactly the facts each rule takes, keyed as in facts files.
 */
import type * as M from "../model.js";
import { kpFormat } from "../runtime/decimal.js";
import { applicableClasses } from "./emit-js.js";
import { commentText, jsString } from "./js-literals.js";

function tsType(f: M.FactType): string {
  switch (f.type) {
    case "count":
      return f.incidents ? "Count | IncidentIds" : "Count";
    case "items":
      return "Count | ItemCounts | string";
    case "flag":
      return f.incident ? "Flag | string" : "Flag";
    case "award":
      return "Flag | Decimal";
    case "value":
      return f.missing ? "Decimal | null" : "Decimal";
    case "score":
    case "rate":
    case "amount":
    case "committee":
    case "reduce":
      return "Decimal";
    case "amounts":
      return "Decimal | Decimal[]";
    case "outcome":
      return f.names.map((n) => jsString(n)).join(" | ");
  }
}

function describeFact(f: M.FactType): string {
  switch (f.type) {
    case "count":
      return `非负整数（${f.noun}数）${f.incidents ? "，或事件编号列表（每个编号算一次，就高时按编号比较）" : ""}`;
    case "items":
      return `各${f.item}的${f.noun}数：JSON 对象（{ "甲${f.item}": 2, "乙${f.item}": 1 }）或文字（「甲${f.item} 2、乙${f.item} 1」），也可以直接填${f.noun}数之和；填了它就不再填「规则名.${f.item}」「规则名.${f.noun}」`;
    case "flag":
      return `是/否${f.incident ? "，或一个事件编号" : ""}`;
    case "award":
      return `是/否（完成得满分 ${kpFormat(f.max)}），或 0 至 ${kpFormat(f.max)} 的分数`;
    case "value":
      if (f.signed) return `正数、0 或负数（如 -0.3、"-0.3"、"+0.5"）${f.percent ? "（百分数，如 -1.5 或 \"-1.5%\"）" : ""}${f.missing ? "；未报送时留空或写 null" : ""}`;
      return `${f.integer ? "非负整数" : "非负数"}${f.percent ? "（百分数，如 87.5 或 \"87.5%\"）" : ""}${f.missing ? "；未报送时留空或写 null" : ""}`;
    case "score":
      return f.scale !== undefined ? `0 至 ${kpFormat(f.scale)} 的评价结果（按满分 ${kpFormat(f.max)} 折算）` : `0 至 ${kpFormat(f.max)} 的得分`;
    case "outcome":
      return `评定结果，只能是 ${f.names.join("、")} 之一`;
    case "rate":
      return "0 至 100 的百分数";
    case "amount":
      return f.award ? `酌情得分，${kpFormat(f.min)} 至 ${kpFormat(f.max)}；不给分时留空或写 0` : `酌情扣分，${kpFormat(f.min)} 至 ${kpFormat(f.max)}；不扣时留空或写 0`;
    case "amounts":
      return `每${f.noun}酌情给的分数，各在 ${kpFormat(f.min)} 至 ${kpFormat(f.max)} 之间，多${f.noun}时写成列表或用「、」隔开（如「1、1.5」）；没有时留空`;
    case "committee":
      return `考核组评议的得分，0 至 ${kpFormat(f.max)}`;
    case "reduce":
      return `减免的分数，0 至本规则的扣分${f.max === undefined ? "" : `（最多 ${kpFormat(f.max)}）`}；不减免时留空或写 0`;
  }
}

/** The .d.ts of a compiled module. */
export function emitDts(cat: M.Catalogue): string {
  const o: string[] = [];
  o.push(`// 计分模块的类型声明：细则「${commentText(cat.title)}」。由 kaoping 生成，请勿手工修改。`, "");
  o.push("/** 非负整数，或写成文本的非负整数。 */", "export type Count = number | `${number}`;");
  o.push("/** 事件编号列表：每个编号（文字或非负整数）算一次。 */", "export type IncidentIds = (string | number)[];");
  o.push("/** 逐项的次数：项名 → 次数。 */", "export type ItemCounts = Record<string, Count>;");
  o.push('/** 是/否。 */', 'export type Flag = boolean | "是" | "否" | "有" | "无" | 0 | 1;');
  o.push("/** 十进制数（最多 6 位小数），可写成文本；百分数可带 %。 */", "export type Decimal = number | string;", "");
  o.push(`/** 单位类别。 */`, `export type UnitClass = ${cat.classes.map(jsString).join(" | ") || "never"};`, "");
  o.push("/** 一个单位的事实：键为规则名（或 规则名.分项）。 */", "export interface Facts {");
  const seen = new Set<string>(); // a divisor (按 「所辖乡镇数」 平均) is one key for several rules
  for (const r of cat.rules) {
    for (const f of r.facts) {
      if (seen.has(f.key)) continue;
      seen.add(f.key);
      const cls = applicableClasses(r);
      o.push(`  /**`);
      o.push(`   * 【${commentText(r.name, 60)}】${commentText(f.label)}：${commentText(describeFact(f.fact))}${cls ? `（只适用于${commentText(cls.map((l) => l.join("或")).join("且"))}）` : ""}`);
      o.push(`   * 条文：${commentText(r.clause, 200)}`);
      o.push(`   */`);
      o.push(`  ${jsString(f.key)}${f.optional ? "?" : ""}: ${tsType(f.fact)};`);
    }
  }
  for (const ind of notConcernedIndicators(cat)) {
    const f = ind.notConcerned!;
    o.push(`  /** 【指标「${commentText(ind.name, 60)}」】${commentText(f.label)}：${commentText(describeFact(f.fact))} */`);
    o.push(`  ${jsString(f.key)}?: ${tsType(f.fact)};`);
  }
  o.push("}", "");
  o.push(
    "/** 一个被考评单位。 */",
    "export interface Unit {",
    "  name: string;",
    "  classes?: UnitClass[] | string;",
    "  facts: Facts;",
    "}",
    "",
    "/** 指标得分。 */",
    "export interface IndicatorResult {",
    "  id: string;",
    "  name: string;",
    "  /** 本单位在该指标的分值（分值因类别而异时按本单位的类别）。 */",
    "  points: string;",
    "  score: string;",
    "  lost: string;",
    "  children: IndicatorResult[];",
    "}",
    "",
    "/** 计算过程的一步。kind：deduct 扣分，award 得分，limit 封顶/扣完为止/就高核减，veto 否决，note 说明。 */",
    "export interface TraceEntry {",
    "  indicator: string;",
    "  rule?: string;",
    "  clause?: string;",
    '  kind: "deduct" | "award" | "limit" | "veto" | "note";',
    "  amount: string;",
    "  text: string;",
    "  facts?: Record<string, unknown>;",
    "}",
    "",
    "/** 一个单位的结果。分值均为精确的十进制文本。 */",
    "export interface UnitResult {",
    "  unit: string;",
    "  classes: string[];",
    "  /** 按细则舍入后的总分 */",
    "  total: string;",
    "  /** 舍入前的总分 */",
    "  exactTotal: string;",
    "  rank: number;",
    "  grade: string | null;",
    '  vetoes: { rule: string; level: "fail" | "noExcellent"; clause: string }[];',
    "  indicators?: IndicatorResult[];",
    "  bonus?: string;",
    "  penalty?: string;",
    "  trace?: TraceEntry[];",
    "}",
    "",
    "export interface ScoreOptions {",
    "  /** 给出各指标得分（默认 true） */",
    "  detail?: boolean;",
    "  /** 给出每项扣分、得分的计算过程 */",
    "  trace?: boolean;",
    "}",
    "",
    "/** 事实中的一个问题。 */",
    "export interface FactError {",
    "  code: string;",
    "  message: string;",
    "  unit?: string;",
    "  key?: string;",
    "}",
    "",
    "export declare class KpFactsError extends Error {",
    "  errors: FactError[];",
    "}",
    "",
    "/** 细则的结构。 */",
    "export declare const catalogue: {",
    "  title: string;",
    "  year?: string;",
    "  classes: string[];",
    "  total?: string;",
    "  rounding?: number;",
    "  indicators: unknown[];",
    "  grades: string[];",
    "  rules: Record<string, { indicator: string; clause: string; effect: string; kind: string; facts: string[] }>;",
    "};",
    "",
    "export declare function checkFacts(units: Unit[]): FactError[];",
    "export declare function scoreAll(units: Unit[], options?: ScoreOptions): UnitResult[];",
    "export declare function scoreUnit(unit: Unit, options?: ScoreOptions & { peers?: Unit[] }): UnitResult;",
    "",
    "/** 能否逐个单位计分（没有按计算得分排名、参照平均分等需要全部单位得分的规则）。 */",
    "export declare const streamable: boolean;",
    "/** 逐个单位计分要读几遍事实：2 表示有按事实排名、比例、平均分等规则，须先以 survey 读一遍全部单位。 */",
    "export declare const passes: 1 | 2;",
    "",
    "/** 逐个单位计分：add 检查并计分一批单位，结果（不含名次、等次）交给 onResult；finish 给出名次与等次。 */",
    "export interface Scorer {",
    "  /** 是否已有这个名称的单位。 */",
    "  has(name: string): boolean;",
    "  /** 其他单位以其得分为准的单位（参照某个单位）。 */",
    "  references: string[];",
    "  /** 第一遍（passes 为 2 时）：读一批单位的事实，只留跨单位规则需要的数。 */",
    "  survey(units: Unit[]): void;",
    "  add(units: Unit[]): void;",
    "  /** order：按名次排列的单位序号（add 的先后）；tied 的第 k 位（tied[k >> 3] 的 1 << (k & 7)）：第 k 个位置与前一位置同分同名次，否则名次为 k + 1；grades[gradeIndex[k]]：其等次（null 为没有等次）。 */",
    "  finish(): { order: Uint32Array; tied: Uint8Array; gradeIndex: Uint8Array | Uint16Array; grades: (string | null)[] };",
    "}",
    "/** options.detail 为 false 时，结果不含 indicators，而以 top 给出一级指标得分。 */",
    "export declare function createScorer(onResult: (index: number, result: Omit<UnitResult, \"rank\" | \"grade\" | \"trace\"> & { top?: string[] }) => void, options?: { detail?: boolean }): Scorer;",
    "",
  );
  return o.join("\n");
}

function schemaOf(f: M.FactKey): Record<string, unknown> {
  const t = f.fact;
  const dec = { oneOf: [{ type: "number", minimum: 0 }, { type: "string", pattern: "^\\s*[0-9０-９]+([.．][0-9０-９]+)?\\s*%?\\s*$" }] };
  const flag = { oneOf: [{ type: "boolean" }, { enum: [0, 1, "是", "否", "有", "无", "true", "false", "1", "0", ""] }] };
  const base: Record<string, unknown> = { description: `${f.label}：${describeFact(t)}` };
  switch (t.type) {
    case "count": {
      const count = { oneOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: "^\\s*[0-9０-９]*\\s*$" }] };
      return { ...base, ...(t.incidents ? { oneOf: [...count.oneOf, { type: "array", items: { oneOf: [{ type: "string" }, { type: "integer", minimum: 0 }] } }, { type: "string" }] } : count) };
    }
    case "items":
      return { ...base, oneOf: [{ type: "integer", minimum: 0 }, { type: "object", additionalProperties: { oneOf: [{ type: "integer", minimum: 0 }, { type: "string" }] } }, { type: "string" }] };
    case "flag":
      return { ...base, ...(t.incident ? { oneOf: [...flag.oneOf, { type: "string" }] } : flag) };
    case "award":
      return { ...base, oneOf: [...flag.oneOf, { type: "number", minimum: 0, maximum: Number(kpFormat(t.max)) }, dec.oneOf[1]] };
    case "value": {
      // 分段 可为负: any number; a text with one sign (-, −, －, +, ＋) before the digits
      const signed = [{ type: "number" }, { type: "string", pattern: "^\\s*[+\\-\u2212\uFF0B\uFF0D]?\\s*[0-9０-９]+([.．][0-9０-９]+)?\\s*%?\\s*$" }];
      return { ...base, oneOf: [...(t.signed ? signed : dec.oneOf), ...(t.missing ? [{ type: "null" }, { const: "未报送" }] : [])] };
    }
    case "score":
      return { ...base, oneOf: [{ type: "number", minimum: 0, maximum: Number(kpFormat(t.scale ?? t.max)) }, dec.oneOf[1]] };
    case "outcome":
      return { ...base, enum: t.names };
    case "rate":
      return { ...base, oneOf: [{ type: "number", minimum: 0, maximum: 100 }, dec.oneOf[1]] };
    case "amount":
      return {
        ...base,
        oneOf: [{ const: 0 }, { type: "number", minimum: Number(kpFormat(t.min)), maximum: Number(kpFormat(t.max)), not: { const: 0 } }, dec.oneOf[1], { type: "null" }],
      };
    case "amounts": {
      const one = { oneOf: [{ type: "number", minimum: Number(kpFormat(t.min)), maximum: Number(kpFormat(t.max)) }, dec.oneOf[1]] };
      return { ...base, oneOf: [...one.oneOf, { type: "array", items: one }, { type: "null" }] };
    }
    case "committee":
      return { ...base, oneOf: [{ type: "number", minimum: 0, maximum: Number(kpFormat(t.max)) }, dec.oneOf[1]] };
    case "reduce":
      return { ...base, oneOf: [{ type: "number", minimum: 0, ...(t.max === undefined ? {} : { maximum: Number(kpFormat(t.max)) }) }, dec.oneOf[1], { type: "null" }] };
  }
}

/** JSON Schema (2020-12) of a JSON facts file for this catalogue. */
export function emitFactsSchema(cat: M.Catalogue): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const r of cat.rules)
    for (const f of r.facts) {
      if (f.key in properties) continue; // a shared divisor: described by its first rule
      properties[f.key] = { ...schemaOf(f), $comment: r.clause };
      if (!f.optional && !applicableClasses(r) && !underNotConcerned(r)) required.push(f.key);
    }
  for (const ind of notConcernedIndicators(cat)) properties[ind.notConcerned!.key] = { ...schemaOf(ind.notConcerned!), $comment: `指标「${ind.name}」：未涉及本项的单位按参照计分` };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `「${cat.title}」的事实文件`,
    description: "各被考评单位的事实。键为规则名，或「规则名.分项」（分类、复合计次、加倍/减半条件、部分次数的条件），或按某数平均的除数名。",
    type: "object",
    required: ["units"],
    additionalProperties: false,
    properties: {
      units: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "facts"],
          additionalProperties: false,
          properties: {
            name: { type: "string", minLength: 1, description: "单位名称" },
            classes: {
              description: "单位类别",
              oneOf: [{ type: "array", items: { enum: cat.classes } }, { type: "string" }],
            },
            facts: { type: "object", additionalProperties: false, properties, required },
          },
        },
      },
    },
  };
}

/** Indicators with a 参照 未涉及 (their yes/no fact 「指标名.未涉及」), in order. */
function notConcernedIndicators(cat: M.Catalogue): M.IndicatorModel[] {
  const out: M.IndicatorModel[] = [];
  const walk = (i: M.IndicatorModel) => {
    if (i.notConcerned) out.push(i);
    i.children.forEach(walk);
  };
  cat.indicators.forEach(walk);
  return out;
}

/** Whether a unit may leave the rule's facts out by saying 未涉及 on an indicator above it. */
function underNotConcerned(r: M.RuleModel): boolean {
  for (let i = r.owner.kind === "indicator" ? r.owner : undefined; i; i = i.parent) if (i.notConcerned) return true;
  return false;
}
