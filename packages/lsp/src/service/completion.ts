/**
 * Completion: keywords with their Chinese docs, unit words, measure words after a number, snippets
 * for common clause shapes, unit classes after 适用 / 其中 / 参照, files after 引入, and names of
 * rules and indicators inside clause and note texts (where a clause may cite another item); at a 待补,
 * scoring templates filled from the rule's clause (todo-completion.ts).
 */
import * as C from "@kaoping/core";
type TokenType = typeof C.tokens.LBracket;
import { keywords, nameKey, type KeywordInfo } from "@kaoping/core";
import { indexOf } from "./names.js";
import { KEYWORD_PINYIN } from "./pinyin-table.js";
import type { DocContext } from "./project.js";
import { todoCompletions } from "./todo-completion.js";
import { countStartingBefore, keywordOfToken, roleLabel, tokenEnd, tokensBefore, type Token } from "./tokens.js";

/** What a completion item is. */
export type CompletionKind = "keyword" | "unit" | "measure" | "snippet" | "class" | "rule" | "indicator" | "file";

/** One completion item; `replace` is the range its text replaces. */
export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet (`${1:…}` placeholders, `\t` for one indentation step). */
  snippet: boolean;
  replace: { start: number; end: number };
  filterText?: string;
  sortText: string;
}

interface Snippet {
  label: string;
  filter: string;
  body: string;
  doc: string;
}

/** Snippets for the common clause shapes. */
export const snippets: readonly Snippet[] = [
  {
    label: "规则（每次扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每次 扣 ${3:0.5} 上限 ${4:2}",
    doc: "按次扣分，带上限（模式 1、2）",
  },
  { label: "规则（一次性扣分）", filter: "规则", body: "规则 「${1:名称}」 「${2:条文原文}」\n\t扣 ${3:0.2}", doc: "发生即扣分（模式 5）" },
  {
    label: "规则（完成得分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t得 ${3:0.1}",
    doc: "完成得分，或酌情给分（模式 10）",
  },
  {
    label: "规则（完成得分，否则扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t得 ${3:1} 否则 ${4:扣} ${5:2}",
    doc: "一个是/否事实：完成得分，未完成扣分或倒扣（模式 30）",
  },
  {
    label: "规则（评定结果）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t评为 「${3:好}」、「${4:较好}」、「${5:一般}」 分别得 ${6:满分}、${7:80%}、${8:60%}",
    doc: "事实是评定结果的名称，按顺序分别得分（模式 29）",
  },
  {
    label: "规则（折算上级考核结果）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t按评价 得分 折算自 ${3:120}",
    doc: "上级考核结果按本项分值折算：得分 = 结果 × 本项分值 ÷ 原满分（模式 31）",
  },
  {
    label: "规则（分段扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t分段 {\n\t\t[${3:75%}, ${4:100%}) 扣 ${5:0.2}\n\t\t< ${6:75%} 扣 ${7:0.5}\n\t\t未报送 扣 ${8:1}\n\t}",
    doc: "按数值所在区间扣分，[ 含、( 不含（模式 7）",
  },
  {
    label: "规则（可为负的数值：提升、持平、下降）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t分段 可为负 {\n\t\t> 0 得 ${3:2}\n\t\t= 0 得 ${4:1.5}\n\t\t< 0 得 ${4:1.5} 每低 ${5:0.1} 个百分点 扣 ${6:0.1}\n\t}",
    doc: "数值可为负（比上年的增减）：提升得分、持平得分，下降的从持平的分值起每低一档扣分，减到 0 以下的部分从本项扣（模式 38）",
  },
  {
    label: "规则（线性扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t基准 ${3:90%} 每低 ${4:1%} 扣 ${5:0.02}",
    doc: "低于基准每低一档扣分（模式 8）",
  },
  {
    label: "规则（线性加分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t基准 ${3:100万元} 每增加 ${4:50万元} 得 ${5:0.5} 上限 ${6:3}",
    doc: "高于基准每增加一档加分（模式 21）",
  },
  {
    label: "规则（两侧加减分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t基准 ${3:目标值} 每增加 ${4:1%} 得 ${5:1} 上限 ${6:2}，每少 ${7:1%} 扣 ${8:1}",
    doc: "达到基准得本项分值，高于基准加分（可超出分值）、低于基准扣分（模式 22）",
  },
  {
    label: "规则（至少几次）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t至少 ${3:4} 次 每少 ${4:1} 次 扣 ${5:0.25}",
    doc: "全年至少几次，每少一次扣分（模式 9）",
  },
  {
    label: "规则（分类扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每人次 扣 「${3:轻处分}」 ${4:0.05}、「${5:重处分}」 ${6:0.1}",
    doc: "按类别分别扣分（模式 6）",
  },
  { label: "规则（酌情扣分）", filter: "规则", body: "规则 「${1:名称}」 「${2:条文原文}」\n\t酌情 扣 ${3:0.5} 至 ${4:2}", doc: "由考核组在范围内酌情扣分（模式 17）" },
  { label: "规则（一票否决）", filter: "规则", body: "规则 「${1:名称}」 「${2:条文原文}」\n\t一票否决", doc: "发生即整体不合格（模式 16）；否优用「一票否优」" },
  {
    label: "规则（按评价得分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t按评价 得分 满分 ${3:4}",
    doc: "事实就是得分（模式 12）；按百分比得分用「按比率 得分」",
  },
  {
    label: "规则（按比率得分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t按比率 得分 满分 ${3:6}",
    doc: "得分 = 满分 × 比率 ÷ 100（模式 12）",
  },
  {
    label: "规则（加倍扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每次 扣 ${3:0.5} 加倍 当 「${4:重犯}」",
    doc: "条件成立时整条规则加倍（模式 18）；减半用「减半 当」",
  },
  {
    label: "规则（每次酌情扣分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每次 酌情 扣 ${3:1} 至 ${4:3}",
    doc: "每次由考评单位在区间内给一个扣分，如「按次扣1-3分」（模式 37）",
  },
  {
    label: "规则（评议加分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t评议 得分",
    doc: "考核组评议给分，以规则、加分项的上限或指标分值为界（模式 36）",
  },
  {
    label: "免扣 当 「…」",
    filter: "免扣",
    body: "免扣 当 「${1:确因上级政策调整}」",
    doc: "条件成立时本规则不扣分（模式 35）",
  },
  {
    label: "可减免 当 「…」",
    filter: "可减免",
    body: "可减免 当 「${1:主动整改到位}」",
    doc: "条件成立时考评单位可减免本规则的扣分，减免 0 至扣分（模式 35）",
  },
  {
    label: "规则（名次依次得分）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t按排名 得分 依次 得 ${3:10}、${4:9}、${5:8}",
    doc: "按名次依次得分：前三名依次得 10、9、8 分，其后不得分（模式 28）",
  },
  {
    label: "规则（按另一指标的得分排名）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t按 「${3:指标}」 得分 排名 依次 得 ${4:3}、${5:2}",
    doc: "按另一个指标算出的得分排名，名次依次得分（模式 28）；加分项中也可以「按 总分 排名」",
  },
  {
    label: "参照（未涉及按平均分计）",
    filter: "参照",
    body: "参照 未涉及 以 ${1:同类单位} ${2:平均分} 为准",
    doc: "未涉及该项工作的单位（事实「指标名.未涉及」为是），本项按同类单位（或各单位、某类单位）的平均分（最高分、最低分）计（模式 27）",
  },
  {
    label: "规则（部分次数加倍或减半）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每起 扣 ${3:1} 其中 「${4:已查结}」 ${5:减半}",
    doc: "只对符合条件的那几次加倍、减半或加 N 倍（模式 24）",
  },
  {
    label: "规则（按某数平均）",
    filter: "规则",
    body: "规则 「${1:名称}」 「${2:条文原文}」\n\t每起 扣 ${3:1} 按 「${4:所辖乡镇数}」 平均",
    doc: "扣分除以单位的某个数（如所辖乡镇数），第 6 位小数四舍五入（模式 25）",
  },
  {
    label: "分段 { … }",
    filter: "分段",
    body: "分段 {\n\t[${1:75%}, ${2:100%}) 扣 ${3:0.2}\n\t未报送 扣 ${4:1}\n}",
    doc: "分段块：每行一个区间和扣分",
  },
  { label: "指标 { … }", filter: "指标", body: "指标 「${1:名称}」 ${2:4}分 {\n\t$0\n}", doc: "指标：名称、分值与其下的规则" },
  { label: "合计 上限 { … }", filter: "合计", body: "合计 上限 ${1:2} {\n\t$0\n}", doc: "以上项目累计扣分不超过（模式 3）" },
  { label: "就高 { … }", filter: "就高", body: "就高 {\n\t$0\n}", doc: "按最高标准扣分，不重复扣（模式 14）；在加分中按最高级别加分，不累加（模式 33）" },
  {
    label: "择一 { … }",
    filter: "择一",
    body: "择一 {\n\t规则 「${1:国家级}」 「${2:条文原文}」 得 ${3:3}\n\t规则 「${4:省级}」 「${5:条文原文}」 得 ${6:2}\n}",
    doc: "几种情形只能有一种发生，按发生的一种计分；指标分值按最高的一种计（模式 32）",
  },
  {
    label: "加分 { … }",
    filter: "加分",
    body: "加分 「${1:名称}」 上限 ${2:2} {\n\t$0\n}",
    doc: "基本分之外的加分项，须有上限（模式 15）",
  },
  { label: "减分 { … }", filter: "减分", body: "减分 「${1:名称}」 上限 ${2:5} {\n\t$0\n}", doc: "基本分之外的减分项（模式 15）" },
  {
    label: "等次 { … }",
    filter: "等次",
    body: "等次 {\n\t「优秀」 ≥ ${1:90}\n\t「良好」 ≥ ${2:80}\n\t「合格」 ≥ ${3:60}\n\t「不合格」 其余\n}",
    doc: "按总分评定等次（模式 20）",
  },
  {
    label: "细则文件头",
    filter: "细则",
    body: "细则 「${1:标题}」\n年度 ${2:2024}\n类别 「${3:县区}」、「${4:园区}」\n总分 ${5:100}分",
    doc: "根文件的文件头",
  },
];

// Unit words (每次 …) are what people type most after structure words; within a role, core's order
// (每次 before 每件次 …) is kept.
const roleOrder: Record<KeywordInfo["role"], string> = {
  structure: "1",
  unit: "2",
  action: "3",
  modifier: "4",
  header: "5",
  operator: "6",
  measure: "7",
};

// 以: 参照 「园区」 以 「县区」 平均分 为准 (the pool's class; with a unit, the list simply has no match)
const CLASS_CONTEXT = new Set(["适用", "其中", "参照", "类别", "以"]);
const WORD = /[\p{L}\p{M}_×·]/u;

/** The completion items at `offset`. */
export function completions(ctx: DocContext, offset: number): CompletionItem[] {
  const text = ctx.file.text;
  const parsed = ctx.file.parsed;
  // Inside a comment: nothing.
  for (const c of parsed.comments)
    if (c.startOffset < offset && offset <= tokenEnd(c) && !(c.image.startsWith("/*") && c.image.endsWith("*/") && offset === tokenEnd(c)))
      return [];

  const str = stringAround(parsed.tokens, offset);
  if (str) return inString(ctx, str, offset);

  // At a 待补, only the templates that finish it; in an empty scoring slot, they come first (todo-completion.ts).
  const todo = todoCompletions(ctx, offset);
  if (todo?.todo) return todo.items;

  // The partial word being typed: the keyword or unknown word ending at the cursor.
  let start = offset;
  while (start > 0 && WORD.test(text.charAt(start - 1)) && text.charAt(start - 1) !== "」") start--;
  const replace = { start, end: offset };
  const before = tokensBefore(parsed.tokens, start, 8);
  const prev = before[0];
  const prevKw = prev && keywordOfToken(prev);

  if (prevKw?.text === "规则" || prevKw?.text === "指标") return []; // a new name comes next
  const classCtx = classContext(before);
  if (classCtx) return classItems(ctx, replace, false, "");
  if (prevKw?.text === "引入") return fileItems(ctx, replace, false, "");

  const items: CompletionItem[] = [];
  const afterNumber = prev?.tokenType === C.tokens.NumberLiteral && tokenEnd(prev) === start;
  // Only what the grammar allows here (Chevrotain's content assist over the item being written);
  // when that cannot be told (the tokens before do not parse), every keyword.
  const allowed = C.allowedAt(parsed.tokens, countStartingBefore(parsed.tokens, start));
  // Header items belong at the top of a root file, before its indicators (等次 may come last).
  const isRoot = ctx.path === ctx.state.root;
  const afterItems = parsed.ast.items.some((i) => (i.kind === "Indicator" || i.kind === "BonusSection" || i.kind === "PenaltySection") && i.span.start.offset < start);
  const headerOk = (kw: KeywordInfo) => kw.role !== "header" || kw.text === "等次" || kw.text === "引入" || (isRoot && !afterItems);
  const fits = (kw: KeywordInfo) => (allowed.size === 0 || C.keywordFits(kw.token, allowed)) && headerOk(kw);
  // Continuing a line: what continues the item (上限 after an amount) before what starts a new one.
  const lineStart = !prev || ctx.file.parsed.lines.position(prev.startOffset).line !== ctx.file.parsed.lines.position(start).line;
  // after a unit word (每次), 扣/得 before a second unit word (每村 每次 is rare)
  const afterUnit = prevKw?.role === "unit";
  const group = (kw: KeywordInfo | undefined) =>
    kw && (kw.role === "structure" || kw.role === "header") ? (lineStart ? "0" : "1") : afterUnit && kw?.role === "unit" ? "1" : lineStart ? "1" : "0";
  for (const [i, kw] of keywords.entries()) {
    if (kw.role === "measure" ? !afterNumber : !fits(kw)) continue;
    items.push({
      label: kw.text,
      kind: kw.role === "unit" ? "unit" : kw.role === "measure" ? "measure" : "keyword",
      detail: roleLabel[kw.role],
      documentation: kw.doc + (kw.aliases.length > 0 ? `\n\n也写作：${kw.aliases.map((a) => `「${a}」`).join("、")}` : ""),
      insertText: kw.text,
      snippet: false,
      replace,
      // pinyin, full and initials: 规则 from "guize" or "gz", without switching the input method
      filterText: withPinyin(kw.text),
      sortText: `${afterNumber && kw.role === "measure" ? "00" : group(kw) + roleOrder[kw.role]}${String(i).padStart(3, "0")}`,
    });
  }
  const hasTitle = parsed.ast.items.some((i) => i.kind === "Title");
  for (const s of snippets) {
    const lead = keywordByText.get(s.filter);
    if (lead && !fits(lead)) continue;
    if (s.filter === "细则" && hasTitle) continue;
    items.push({
      label: s.label,
      kind: "snippet",
      detail: "代码片段",
      documentation: s.doc,
      insertText: s.body,
      snippet: true,
      replace,
      filterText: withPinyin(s.filter),
      sortText: `${group(lead)}0${s.filter}${s.label}`,
    });
  }
  for (const t of templates) {
    if (!C.keywordFits(t.token, allowed) || (t.only === "bands") !== allowed.has(C.tokens.LBracket)) continue;
    items.push({ label: t.label, kind: "snippet", detail: "代码片段", documentation: t.doc, insertText: t.body, snippet: true, replace, filterText: t.filter, sortText: `00${t.label}` });
  }
  return todo ? [...todo.items, ...items] : items;
}

/**
 * Templates that start with punctuation rather than a keyword: band intervals inside 分段 and score
 * conditions inside 等次 (offered where the grammar allows their first token).
 */
const templates: readonly { label: string; token: TokenType; only: "bands" | "grades"; filter: string; body: string; doc: string }[] = [
  { label: "[下限, 上限) 扣 …", token: C.tokens.LBracket, only: "bands", filter: "[", body: "[${1:75%}, ${2:100%}) 扣 ${3:0.2}", doc: "区间：[ 含、( 不含；] 含、) 不含" },
  { label: "< 数值 扣 …", token: C.tokens.Lt, only: "bands", filter: "<", body: "< ${1:75%} 扣 ${2:0.5}", doc: "低于某值" },
  { label: "≥ 数值 得 …", token: C.tokens.Ge, only: "bands", filter: "≥", body: "≥ ${1:90%} 得 ${2:1}", doc: "达到某值" },
  { label: "≥ 分数", token: C.tokens.Ge, only: "grades", filter: "≥", body: "≥ ${1:90}", doc: "总分达到某分数" },
  { label: "前 …%", token: C.tokens.Top, only: "grades", filter: "前", body: "前 ${1:20%}", doc: "排名在前若干（百分比或名次）" },
];

const keywordByText = new Map(keywords.map((k) => [k.text, k]));

/** `规则 guize gz`: the word, then its pinyin (what the client filters on). */
function withPinyin(word: string): string {
  const p = KEYWORD_PINYIN[word];
  return p ? `${word} ${p}` : word;
}

/** The string token around the cursor, when the cursor is inside its quotes. */
function stringAround(tokens: readonly Token[], offset: number): Token | undefined {
  // The last token starting before the cursor.
  const found = tokens[countStartingBefore(tokens, offset) - 1];
  // A bare word recovered as a string has no 「 (isRecoveredWord would not know a moved token).
  if (!found || found.tokenType !== C.tokens.StringLiteral || !found.image.startsWith("「")) return undefined;
  const end = tokenEnd(found);
  const closed = found.image.length >= 2 && found.image.endsWith("」") && balanced(found.image);
  if (offset < end || (!closed && offset === end)) return found;
  return undefined;
}

function balanced(s: string): boolean {
  let d = 0;
  for (const ch of s) {
    if (ch === "「") d++;
    else if (ch === "」") d--;
  }
  return d === 0;
}

/** True when the tokens before the cursor (last first) end a list after 适用 / 其中 / 参照. */
function classContext(before: readonly Token[]): boolean {
  for (let i = 0; i < before.length; i++) {
    const t = before[i]!;
    const kw = keywordOfToken(t);
    if (kw) {
      if (CLASS_CONTEXT.has(kw.text)) return i === 0 || before[0]!.tokenType === C.tokens.Dun || before[0]!.tokenType === C.tokens.Comma;
      if (kw.role === "measure") continue;
      return false;
    }
    const ty = t.tokenType;
    if (ty === C.tokens.StringLiteral || ty === C.tokens.NumberLiteral || ty === C.tokens.Dun || ty === C.tokens.Comma) continue;
    return false;
  }
  return false;
}

function inString(ctx: DocContext, str: Token, offset: number): CompletionItem[] {
  const replace = { start: str.startOffset + 1, end: offset };
  const prefix = ctx.file.text.slice(replace.start, offset);
  const before = tokensBefore(ctx.file.parsed.tokens, str.startOffset, 8);
  const prevKw = before[0] && keywordOfToken(before[0]);
  if (classContext(before)) return classItems(ctx, replace, true, prefix);
  if (prevKw?.text === "引入") return fileItems(ctx, replace, true, prefix);
  if (prevKw?.text === "按") return indicatorItems(ctx, replace, prefix);
  // A clause or note text may cite other items: offer rule and indicator names.
  const idx = indexOf(ctx.state.analysis);
  const owner = idx.byFile.get(ctx.path)?.find((s) => s.lit.span.start.offset === str.startOffset);
  if (!owner || !owner.text || (owner.kind !== "clause" && owner.kind !== "note")) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const s of idx.names) {
    if ((s.kind !== "rule" && s.kind !== "indicator") || !s.definition || seen.has(`${s.kind}:${s.key}`)) continue;
    seen.add(`${s.kind}:${s.key}`);
    items.push({
      label: `「${s.name}」`,
      kind: s.kind,
      detail: s.kind === "rule" ? "规则" : "指标",
      insertText: `「${s.name}」`,
      snippet: false,
      replace: { start: offset, end: offset },
      filterText: `「${s.name}」`,
      sortText: `9${s.name}`,
    });
  }
  return items;
}

function classItems(ctx: DocContext, replace: { start: number; end: number }, inString: boolean, prefix: string): CompletionItem[] {
  const names = ctx.state.analysis.catalogue.classes.length > 0 ? ctx.state.analysis.catalogue.classes : declaredClassesAnywhere(ctx);
  return names
    .filter((n) => prefix === "" || nameKey(n).startsWith(nameKey(prefix)))
    .map((n) => ({
      label: inString ? n : `「${n}」`,
      kind: "class" as const,
      detail: "单位类别",
      insertText: inString ? n : `「${n}」`,
      snippet: false,
      replace,
      sortText: `0${n}`,
    }));
}

/** Classes declared in any file of the catalogue (a fragment has no checked header). */
function declaredClassesAnywhere(ctx: DocContext): string[] {
  const idx = indexOf(ctx.state.analysis);
  const byKey = new Map<string, string>();
  for (const s of idx.names) if (s.kind === "class" && s.definition && !byKey.has(s.key)) byKey.set(s.key, s.name);
  return [...byKey.values()];
}

function fileItems(ctx: DocContext, replace: { start: number; end: number }, inString: boolean, prefix: string): CompletionItem[] {
  const included = new Set(ctx.state.files);
  const dir = ctx.path.replace(/[\\/][^\\/]*$/, "");
  const out: CompletionItem[] = [];
  // Files next to this one (the common layout), by relative name.
  for (const f of ctx.list(dir)) {
    if (f === ctx.path || included.has(f) || !f.startsWith(dir)) continue;
    const rel = f.slice(dir.length + 1).replace(/\\/g, "/");
    if (!rel.startsWith(prefix)) continue;
    out.push({
      label: inString ? rel : `「${rel}」`,
      kind: "file",
      detail: "引入文件",
      insertText: inString ? rel : `「${rel}」`,
      snippet: false,
      replace,
      sortText: `0${rel}`,
    });
  }
  return out;
}

/** Indicator names, inside the 「」 of 按 「…」 得分 排名. */
function indicatorItems(ctx: DocContext, replace: { start: number; end: number }, prefix: string): CompletionItem[] {
  const idx = indexOf(ctx.state.analysis);
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const s of idx.names) {
    if (s.kind !== "indicator" || !s.definition || seen.has(s.key) || (prefix !== "" && !s.key.startsWith(nameKey(prefix)))) continue;
    seen.add(s.key);
    out.push({ label: s.name, kind: "indicator", detail: "指标（按它的得分排名）", insertText: s.name, snippet: false, replace, sortText: `0${s.name}` });
  }
  return out;
}
