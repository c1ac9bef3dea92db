/**
 * Templates that finish a 待补 (issue 13: "a marker … that the editor offers to complete"): scoring shapes filled
 * from the rule's clause — its amounts, cap, bounds, steps, count word, rating words and direction as snippet
 * placeholder defaults — ranked by what the clause shows (「每…扣N分」 → `每次 扣 N` first, with the clause's own
 * count word; 「最多扣M分」 → 上限 M; 「N%以上」 → 分段; 「好、一般、差」 → 评为 …). Each is the writer's choice, never
 * inserted by itself: an inserted template is plain code the checker checks and the linter compares with the
 * clause (KP3030). The numbers come from `clauseShape` (import), which reads the clause without deciding it.
 */
import type * as A from "@kaoping/core";
import { keywordDoc } from "@kaoping/core";
import { clauseShape, type ClauseShape, type Recognition, type ShapeBound, type ShapeVerb } from "@kaoping/import";
import { sectionLink } from "./reference.js";

/** One template: the scoring as a snippet, what it means, and how strongly the clause points at it. */
export interface TodoTemplate {
  /** The scoring as the clause's numbers fill it (the label, and what the filter matches). */
  text: string;
  /** The same with snippet placeholders (`${1:2}`), `\t` for one indentation step. */
  snippet: string;
  /** What the shape means, in Chinese, with the clause's numbers. */
  detail: string;
  /** The keyword whose example (core's keyword docs) the documentation shows. */
  keyword: string;
  /** An example of the language reference's own, when no keyword's example shows the shape (the section's heading). */
  example?: { text: string; section: string };
  /** What the clause shows for this shape: higher first; 0 for a shape offered without a sign of it. */
  weight: number;
}

/** Placeholders numbered in order of writing. */
class Snippet {
  private n = 0;
  /** A placeholder with its default (snippet syntax escaped). */
  hole(value: string): string {
    return `\${${++this.n}:${value.replace(/[\\$}]/g, (c) => `\\${c}`)}}`;
  }
}

/** A template's text from its snippet: the defaults, tabs as two spaces. */
const plain = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_m, v: string) => v.replace(/\\(.)/g, "$1")).replace(/\t/g, "  ");

/** The rule's direction: the clause's verbs, else the section's (加分 awards), else 扣. */
function directionOf(shape: ClauseShape, section: "加分" | "减分" | null): ShapeVerb {
  if (shape.direction === "扣" || shape.direction === "得") return shape.direction;
  return section === "加分" ? "得" : "扣";
}

/** The first amount of a direction (else any first amount, else `fallback`). */
function amountOf(shape: ClauseShape, verb: ShapeVerb, fallback: string): string {
  // (an amount of 0 — 「分别扣0、3、5分」's first — is no default for a shape that scores one amount)
  const some = shape.amounts.filter((a) => !/^0(?:\.0+)?$/.test(a.value));
  return (some.find((a) => a.verb === verb) ?? some[0])?.value ?? fallback;
}

/** A bound as the clause gives it (「12件」「6至11件」「90%」). */
const boundText = (b: ShapeBound): string => {
  const m = b.measure === "%" ? "" : b.measure;
  return b.side === "between" ? `${b.value}${m}至${b.high ?? ""}${m}` : `${b.value}${m}`;
};
const sideText = (b: ShapeBound): string => (b.side === "above" ? "以上" : b.side === "below" ? "以下" : "之间");

/** What the clause's numbers are, for the item's documentation (「2分（扣）、最多 4分、90%（以上）」). */
export function numbersNote(shape: ClauseShape): string {
  const parts = [
    ...shape.amounts.map((a) => `${a.value}分${a.verb ? `（${a.verb}）` : ""}`),
    ...shape.ranges.map((r) => `${r.low}至${r.high}分${r.verb ? `（${r.verb}）` : ""}`),
    ...(shape.cap === undefined ? [] : [shape.cap === null ? "扣完为止" : `最多 ${shape.cap}分`]),
    ...shape.bounds.map((b) => `${boundText(b)}（${sideText(b)}）`),
    ...shape.steps.map((s) => `${s.word}${s.size}`),
    ...(shape.unit ? [`计次：${shape.unit}`] : []),
    ...(shape.ratings.length > 0 ? [`评定：${shape.ratings.join("、")}`] : []),
  ];
  return parts.length > 0 ? parts.join("；") : "条文中没有找到分值";
}

/** Where the rule stands: in a 加分 / 减分 section or an indicator, and the item's points (decimal text) if any. */
export interface TemplatePlace {
  section: "加分" | "减分" | null;
  points: string | null;
  /** The other clauses of the rule's item: a count word they count with may carry over (「…每宗扣0.3分」「未及时整改的扣1分」). */
  siblings?: readonly string[];
}

/** The templates for a clause, highest weight first (the order among equals is the list's). */
export function todoTemplates(clause: string, place: TemplatePlace): { shape: ClauseShape; templates: TodoTemplate[] } {
  const { section, points } = place;
  const shape = clauseShape(clause);
  const verb = directionOf(shape, section);
  const other: ShapeVerb = verb === "扣" ? "得" : "扣";
  const amount = amountOf(shape, verb, verb === "扣" ? "0.5" : "1");
  const capText = shape.cap ?? undefined;
  const out: TodoTemplate[] = [];
  const add = (t: Omit<TodoTemplate, "text">) => out.push({ ...t, text: plain(t.snippet) });

  // 评为 「好」、「一般」 …: the clause lists rating words
  if (shape.ratings.length >= 2) {
    const s = new Snippet();
    // the clause's amounts in order; else 满分 for the first rating and 0 for the others, to be written
    const values = shape.ratings.map((_r, i) => shape.amounts[i]?.value ?? (i === 0 ? "满分" : "0"));
    add({
      snippet: `评为 ${shape.ratings.map((r) => `「${s.hole(r)}」`).join("、")} 分别${verb} ${values.map((v) => s.hole(v)).join("、")}`,
      detail: `按评定结果计分：事实是评定结果的名称（${shape.ratings.join("、")}），按顺序分别${verb}分；分值可写成本项分值的份额（满分、80%）`,
      keyword: "评为",
      weight: 95,
    });
  }
  // 一票否决
  if (shape.veto) add({ snippet: "一票否决", detail: "一票否决：发生即整体不合格，不扣分，只影响等次", keyword: "一票否决", weight: 94 });
  // 每低 1个百分点 扣 0.02: a step
  for (const step of shape.steps.slice(0, 1)) {
    const s = new Snippet();
    // the clause's bound, else each unit's own target (目标值: a fact beside the value)
    const base = shape.bounds.find((b) => b.side !== "between")?.value ?? (step.size.endsWith("%") ? shape.percents[0] : undefined) ?? "目标值";
    const stepVerb = /增加|多|高|超/.test(step.word) && shape.direction !== "扣" ? "得" : verb;
    add({
      snippet: `基准 ${s.hole(base)} ${step.word} ${s.hole(step.size)} ${stepVerb} ${s.hole(amountOf(shape, stepVerb, "0.1"))}${capText ? ` 上限 ${s.hole(capText)}` : ""}`,
      detail: `线性计分：以 ${base === "目标值" ? "各单位的目标值（条文没有写基准的数值）" : base} 为基准，${step.word}${step.size}${stepVerb} ${amountOf(shape, stepVerb, "0.1")} 分${capText ? `，最多 ${capText} 分` : ""}`,
      keyword: step.word,
      weight: 90,
    });
  }
  // 至少 4次 每少 1次 扣 0.25: a count's lower bound and a deduction for each one short
  // the requirement: a lower bound in a count (不少于4次), or the count a 每少 step counts down from (「信息5条…每差1条」)
  const short = shape.steps.find((st) => st.word === "每少" || st.word === "每低");
  const shortMeasure = short ? /[^\d.]+$/.exec(short.size)?.[0] : undefined;
  const least =
    shape.bounds.find((b) => b.side === "above" && b.measure !== "" && b.measure !== "%") ??
    (shortMeasure ? shape.counts.find((c) => c.measure === shortMeasure) : undefined);
  if (least && verb === "扣") {
    const s = new Snippet();
    add({
      snippet: `至少 ${s.hole(least.value)}${least.measure} 每少 ${s.hole("1")}${least.measure} 扣 ${s.hole(amount)}${capText ? ` 上限 ${s.hole(capText)}` : ""}`,
      detail: `次数不足：至少 ${least.value}${least.measure}，每少 1${least.measure}扣 ${amount} 分`,
      keyword: "至少",
      weight: short !== undefined || /每(?:少|缺)/.test(clause) ? 92 : 70,
    });
  }
  // 每处 扣 2 上限 4: a count word, or a cap (a cap bounds what adds up); the siblings' count word besides, when the
  // clause writes none and they count with one (the recogniser's own reason: it may carry over)
  const siblingUnits = [...new Set((place.siblings ?? []).map((t) => clauseShape(t).unit).filter((u): u is string => u !== null))];
  const carried = shape.unit === null && shape.otherCount === null && siblingUnits.length === 1 ? siblingUnits[0]! : undefined;
  for (const unit of carried ? [carried, "每次"] : [shape.unit ?? "每次"]) {
    const s = new Snippet();
    const exhaust = shape.cap === null ? "；扣完为止即以本项分值为限，不必写上限" : "";
    const why = shape.unit
      ? ""
      : shape.otherCount
        ? `（条文按「${shape.otherCount}」计次，语言中没有这个计次单位：请选择一个，如 每个、每处、每次）`
        : unit === carried
          ? `（条文没有写计次的量词，同一项的其他条文按「${carried}」计）`
          : "（条文没有写计次的量词，请按条文选择）";
    add({
      snippet: `${s.hole(unit)} ${verb} ${s.hole(amount)}${capText ? ` 上限 ${s.hole(capText)}` : ""}`,
      detail: `按次计分：${unit}${verb} ${amount} 分${capText ? `，最多${verb} ${capText} 分` : ""}${exhaust}${why}`,
      keyword: unit,
      // 扣完为止 says deductions add up: more than one of them
      weight: shape.unit || shape.otherCount ? 89 : shape.cap === null ? 88 : unit === carried ? 85 : shape.cap !== undefined ? 60 : 25,
    });
  }
  // 酌情 扣 1 至 3: a range, or the assessor's judgement (视情况)
  {
    const range = shape.ranges[0];
    const s = new Snippet();
    // 「酌情加分，最多加20分」: from 0 to the cap (else to the clause's amount)
    const low = range?.low ?? "0";
    const high = range?.high ?? capText ?? amount;
    const per = shape.unit && range ? `${s.hole(shape.unit)} ` : "";
    const v = range?.verb ?? verb;
    add({
      snippet: `${per}酌情 ${v} ${s.hole(low)} 至 ${s.hole(high)}`,
      detail: `酌情计分：由考评单位在 ${low} 至 ${high} 分之间给分${per ? `，${shape.unit}各给一个分数` : ""}`,
      keyword: "至",
      weight: range ? 88 : shape.discretion ? 75 : 5,
    });
  }
  // 得 1 否则 扣 2: both directions on one fact
  const up = shape.amounts.find((a) => a.verb === "得");
  const down = shape.amounts.find((a) => a.verb === "扣");
  if (up && down) {
    const s = new Snippet();
    add({
      snippet: `得 ${s.hole(up.value)} 否则 ${s.hole("扣")} ${s.hole(down.value)}`,
      detail: `一个是/否事实的两种结果：是则得 ${up.value} 分，否则扣 ${down.value} 分（倒扣：可超出本项分值）`,
      keyword: "否则",
      weight: 87,
    });
  }
  // 每次 扣 「类别」 1、「类别」 0.5: several amounts of one direction, each for a kind of what happens (分类)
  {
    const kinds = shape.amounts.filter((a) => (a.verb ?? verb) === verb && !/^0(?:\.0+)?$/.test(a.value));
    if (kinds.length >= 2 && shape.ratings.length === 0 && shape.bounds.length === 0) {
      const s = new Snippet();
      const unit = shape.unit ?? carried ?? "每次";
      add({
        snippet: `${s.hole(unit)} ${verb} ${kinds.map((a, i) => `「${s.hole(`类别${i + 1}`)}」 ${s.hole(a.value)}`).join("、")}`,
        detail: `分类计分：每一类${verb}各自的分值（${kinds.map((a) => a.value).join("、")}），每类的次数分别填报；类别名请按条文填写`,
        keyword: "每人次",
        example: { text: "每人次 扣 「轻处分」 0.05、「重处分」 0.1、「刑事处罚」 0.2", section: "5.2" },
        weight: 78,
      });
    }
  }
  // 按比率 得分 满分 N: the score a share of the item's points (「按完成比例计分」)
  {
    const s = new Snippet();
    const full = points ?? shape.amounts[0]?.value ?? "10";
    add({
      snippet: `按比率 得分 满分 ${s.hole(full)}`,
      detail: `按比率得分：得分 = ${full} × 比率 ÷ 100（事实是比率，如完成率）`,
      keyword: "按比率",
      weight: shape.proportion ? 86 : 2,
    });
  }
  // 分段 { ≥ 90% 得 2 … }: bounds on a fact
  {
    const s = new Snippet();
    const bounds = shape.bounds.slice(0, 4);
    const rows = bounds.length > 0 ? bounds : [{ value: "90%", side: "above" as const, measure: "%" }, { value: "90%", side: "below" as const, measure: "%" }];
    // a row's amount: the clause's in order when there is one a row; 不得分 for a last row the clause scores nothing
    const byRow = shape.amounts.length === rows.length || (shape.noScore && shape.amounts.length === rows.length - 1);
    const row = (b: ShapeBound, i: number): string | undefined => {
      const m = b.measure === "%" ? "" : b.measure;
      const a = byRow ? shape.amounts[i] : undefined;
      // an award's 分段 has no 不得分 row (KP2010): a value in no row earns nothing
      if (byRow && a === undefined && verb === "得") return undefined;
      const op = b.op ?? (b.side === "above" ? "≥" : "<");
      const edge = b.side === "between" ? `[${s.hole(b.value)}${m}, ${s.hole(b.high ?? b.value)}${m}]` : `${op} ${s.hole(b.value)}${m}`;
      if (byRow && a === undefined) return `\t${edge} 不得分`;
      return `\t${edge} ${a?.verb ?? verb} ${s.hole(a?.value ?? amount)}`;
    };
    const body = rows.map(row).filter((r) => r !== undefined).join("\n");
    add({
      snippet: `分段 {\n${body}\n}`,
      detail: `分段计分：按数值所在的区间${verb}分${bounds.length > 0 ? `（条文的界限：${bounds.map((b) => `${boundText(b)}${sideText(b)}`).join("、")}）` : ""}；[ 含、( 不含`,
      keyword: "分段",
      weight: bounds.length > 0 ? 91 : 10,
    });
  }
  // 扣 2: once, when it happens
  {
    const s = new Snippet();
    add({
      snippet: `${verb} ${s.hole(amount)}`,
      detail: `一次性${verb}分：发生（事实为「是」）就${verb} ${amount} 分，不计次数`,
      keyword: verb === "扣" ? "扣" : "得",
      weight: shape.amounts.length === 1 && !shape.unit && shape.cap === undefined ? 80 : shape.amounts.length > 0 ? 40 : 20,
    });
  }
  // 不得分: the item scores nothing when it happens
  add({ snippet: "不得分", detail: "不得分：发生时本指标得 0 分（不受上限、加倍、减半影响）", keyword: "不得分", weight: shape.noScore ? (shape.amounts.length === 0 ? 85 : 30) : 3 });
  // the other direction, once: a clause whose verbs say nothing
  if (shape.direction === null) {
    const s = new Snippet();
    add({ snippet: `${other} ${s.hole(amount)}`, detail: `一次性${other}分：发生就${other} ${amount} 分（条文没有写明是扣分还是得分，请按条文选择）`, keyword: other === "扣" ? "扣" : "得", weight: 15 });
  }
  return { shape, templates: out.map((t, i) => ({ t, i })).sort((a, b) => b.t.weight - a.t.weight || a.i - b.i).map((x) => x.t) };
}

/** The documentation of a template: the clause's numbers, the recogniser's reason, the reference's example. */
export function templateDoc(t: TodoTemplate, shape: ClauseShape, recognition: Recognition | undefined): string {
  const doc = keywordDoc(t.keyword);
  const parts = [`条文中的数字：${numbersNote(shape)}`];
  if (recognition?.kind === "todo") parts.push(`未能自动识别：${recognition.reason}`);
  if (t.example) parts.push(`例：\n\n\`\`\`kp\n${t.example.text}\n\`\`\``, sectionLink(t.example.section));
  else if (doc) {
    // the example's rule with its scoring lines, at the rule's own indentation
    const lines = doc.example.split("\n");
    const at = Math.max(0, lines.findIndex((l) => l.trim().startsWith("规则")));
    const indent = /^\s*/.exec(lines[at]!)![0];
    const rule = [lines[at]!, ...lines.slice(at + 1).filter((l) => l.startsWith(`${indent} `))].map((l) => l.slice(indent.length));
    parts.push(`例：\n\n\`\`\`kp\n${rule.join("\n")}\n\`\`\``, sectionLink(doc.section));
  }
  return parts.join("\n\n");
}

/** Where a template may go: the 待补 at the cursor, or the empty scoring slot after a rule's clause. */
export interface TodoSlot {
  rule: A.Rule;
  /** What the template replaces (the 待补, or the word being typed in the slot). */
  replace: { start: number; end: number };
  /** True on a 待补 (the filter text starts with it). */
  todo: boolean;
}

/** The slot at `offset` among `rules`, if any. */
export function slotAt(text: string, rules: readonly A.Rule[], offset: number): TodoSlot | undefined {
  for (const rule of rules) {
    if (!rule.clause || !rule.name) continue;
    const body = rule.body;
    if (body?.kind === "Todo" && body.span.start.offset <= offset && offset <= body.span.end.offset) {
      return { rule, replace: { start: body.span.start.offset, end: body.span.end.offset }, todo: true };
    }
    if (body || rule.review !== undefined) continue;
    const from = rule.clause.span.end.offset;
    if (offset < from) continue;
    // blanks (a line break at most) and the word being typed, between the clause and the cursor
    const m = /^[ \t]*(?:\r?\n[ \t]*)?([\p{L}]*)$/u.exec(text.slice(from, offset));
    if (!m) continue;
    // and nothing after the cursor on its line but blanks (a line written further is not a slot)
    const eol = text.indexOf("\n", offset);
    if (text.slice(offset, eol < 0 ? text.length : eol).trim() !== "") continue;
    return { rule, replace: { start: offset - m[1]!.length, end: offset }, todo: false };
  }
  return undefined;
}
