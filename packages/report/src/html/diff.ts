/**
 * `kp diff --format html`: the revision of a catalogue as one self-contained page — the changes
 * counted, the structural changes grouped by first-level indicator (each changed clause word by word
 * as <del>/<ins>), and, with facts, every unit's old and new total, Δ, rank and grade (sorted by |Δ|
 * on exact millionths, each unit opening onto the rules and indicators responsible) with a chart of
 * the Δ per unit.  Pure: the diff and the scores in, HTML text out; every score is the exact decimal
 * string the scoring modules printed.
 */
import { CHANGE_WORDS, changeCounts, howWord, itemWord, summaryLine } from "@kaoping/core";
import type { CatalogueDiff, CatalogueMeta, ChangeWord, Diagnostic, IndicatorMeta, ItemDiff, ItemPlace } from "@kaoping/core";
import { fromMillionths, toMillionths } from "../decimal.js";
import { chartDiv, COLORS, type ChartSpec } from "./charts.js";
import { reportCss } from "./assets.js";
import { diffCss, diffJs } from "./diff-assets.js";
import { esc } from "./escape.js";
import { SCRIPTS_HERE, standalonePage } from "./layout.js";

/** A run of a clause's words kept, deleted or inserted (the CLI's word diff). */
export interface WordRun {
  op: "same" | "del" | "ins";
  text: string;
}

/** A rule's or indicator's points for one unit in both versions (undefined: not in that version). */
export interface DiffPoints {
  name: string;
  /** Old name of a renamed rule or indicator. */
  oldName?: string;
  old?: string;
  new?: string;
  /** Signed exact decimal ("+0.5", "-0.2", "0"). */
  delta: string;
}

/** One unit's scores in both versions (the CLI's unitChanges). */
export interface DiffUnit {
  unit: string;
  old: { total: string; rank: number; grade: string | null };
  new: { total: string; rank: number; grade: string | null };
  /** New total − old total (the totals as shown, rounded as each version says), signed exact decimal. */
  delta: string;
  /** Leaf indicators whose score changed. */
  indicators: DiffPoints[];
  /** Rules whose deduction (negative) or award changed. */
  rules: DiffPoints[];
}

/** What the page shows: the diff of two catalogues and (with facts) its effect on each unit. */
export interface DiffPageInput {
  oldPath: string;
  newPath: string;
  title: string;
  diff: CatalogueDiff;
  /** Both versions' structure (the scoring modules' catalogue), to group changes by first-level indicator. */
  oldCatalogue: CatalogueMeta;
  newCatalogue: CatalogueMeta;
  /** A place as shown (path relative to the working folder, line). */
  where: (p: ItemPlace | undefined) => string;
  /** The word-level difference of a changed clause. */
  clauseDiff: (oldText: string, newText: string) => WordRun[];
  units?: readonly DiffUnit[];
  factsPath?: string;
  /** What reading the facts for both versions noted (renamed or dropped facts, defaults used). */
  notes?: readonly Pick<Diagnostic, "code" | "severity" | "message">[];
}

export interface DiffPageOptions {
  /** ECharts' build (echarts.min.js, see echartsFile()), inlined so the page opens offline. */
  echarts: string;
}

/** Units the Δ chart shows (the largest changes; the table lists them all). */
export const DIFF_CHART_UNITS = 30;

const none = "（无）";
const wordClass: Record<ChangeWord, string> = { 增加: "added", 删除: "removed", 改名: "renamed", 移动: "moved", 修改: "changed" };
const kindWord: Record<ItemDiff["kind"], string> = { indicator: "指标", section: "加减分", rule: "规则" };
const severityWord: Record<string, string> = { error: "错误", warning: "警告", info: "提示", hint: "提示" };

const FOOTNOTE = "规则一行是该规则的扣分（负）或得分（正）；指标一行是该指标的得分（指标扣完为止时，规则的扣分不一定全部计入）。";

/** A signed decimal ("+0.5") as millionths. */
function signedMillionths(s: string): bigint {
  return toMillionths(s.startsWith("+") ? s.slice(1) : s);
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/** The units by the size of their change, largest first, exactly; ties keep their order. */
export function byChange<T extends { delta: string }>(units: readonly T[]): T[] {
  return units
    .map((u, i) => ({ u, i, d: abs(signedMillionths(u.delta)) }))
    .sort((a, b) => (a.d === b.d ? a.i - b.i : a.d > b.d ? -1 : 1))
    .map((x) => x.u);
}

function signClass(delta: string): string {
  return delta.startsWith("-") ? "down" : signedMillionths(delta) === 0n ? "same" : "up";
}

// ------------------------------------------------------------------ grouping

interface Groups {
  /** First-level indicator (or section) of each indicator or section name, and of each rule. */
  ofName: Map<string, string>;
  ofRule: Map<string, string>;
  /** First-level indicators and sections in the catalogue's order, with their points or cap. */
  order: { id: string; name: string; points?: string }[];
}

function groupsOf(meta: CatalogueMeta): Groups {
  const ofName = new Map<string, string>();
  const ofId = new Map<string, string>();
  const order: Groups["order"] = [];
  const walk = (i: IndicatorMeta, top: string) => {
    if (!ofName.has(i.name)) ofName.set(i.name, top);
    ofId.set(i.id, top);
    for (const c of i.children) walk(c, top);
  };
  for (const top of meta.indicators) {
    order.push({ id: top.id, name: top.name, points: top.points });
    walk(top, top.name);
  }
  for (const s of [...meta.bonuses, ...meta.penalties]) {
    order.push({ id: s.id, name: s.name, ...(s.cap !== undefined ? { points: s.cap } : {}) });
    ofName.set(s.name, s.name);
    ofId.set(s.id, s.name);
  }
  const ofRule = new Map<string, string>();
  for (const [name, r] of Object.entries(meta.rules)) {
    const top = ofId.get(r.indicator);
    if (top !== undefined) ofRule.set(name, top);
  }
  return { ofName, ofRule, order };
}

/**
 * The first-level indicator an item belongs to, by its new name: the new version's place, the old
 * one's for a removed item (under the new name of a renamed first-level indicator).
 */
function groupOf(i: ItemDiff, g: { old: Groups; new: Groups; renamed: ReadonlyMap<string, string> }): string | undefined {
  if (i.status !== "removed") return i.kind === "rule" ? g.new.ofRule.get(i.name) : g.new.ofName.get(i.name);
  const top = i.kind === "rule" ? g.old.ofRule.get(i.name) : g.old.ofName.get(i.name);
  return top === undefined ? undefined : (g.renamed.get(top) ?? top);
}

/** Old name → new name of each first-level indicator present in both versions (by the diff's pairing). */
function renamedTops(oldG: Groups, newG: Groups, indicatorIds: ReadonlyMap<string, string>): Map<string, string> {
  const newById = new Map(newG.order.map((o) => [o.id, o.name]));
  const out = new Map<string, string>();
  for (const o of oldG.order) {
    const n = newById.get(indicatorIds.get(o.id) ?? "\u0000");
    if (n !== undefined) out.set(o.name, n);
  }
  return out;
}

// ------------------------------------------------------------------ structural changes

function clauseHtml(runs: readonly WordRun[]): string {
  return runs.map((r) => (r.op === "same" ? esc(r.text) : r.op === "del" ? `<del>${esc(r.text)}</del>` : `<ins>${esc(r.text)}</ins>`)).join("");
}

function changeHtml(aspect: string, oldV: string | undefined, newV: string | undefined): string {
  return `<div class="aspect">${esc(aspect)}：<span class="was">${esc(oldV ?? none)}</span> → <span class="now">${esc(newV ?? none)}</span></div>`;
}

function itemContent(i: ItemDiff, input: DiffPageInput): string {
  const out: string[] = [];
  if (i.status !== "changed") {
    if (i.summary) out.push(`<div class="summary">${esc(i.summary)}</div>`);
    if (i.parent) out.push(`<div class="parent">所在：「${esc(i.parent)}」</div>`);
    const text = i.clause?.new ?? i.clause?.old;
    if (text !== undefined) out.push(`<div class="clause">条文：${i.status === "added" ? `<ins>${esc(text)}</ins>` : `<del>${esc(text)}</del>`}</div>`);
    return out.join("");
  }
  if (i.oldName !== undefined) {
    const sim = i.similarity !== undefined && i.how !== "clause" ? `，相似度 ${Math.round(i.similarity * 100)}%` : "";
    out.push(`<div class="renamed">原名「${esc(i.oldName)}」（按${i.how ? howWord[i.how] : ""}对应${sim}）</div>`);
  }
  if (i.moved) out.push(`<div class="moved">从「${esc(i.moved.from || "顶层")}」移到「${esc(i.moved.to || "顶层")}」</div>`);
  for (const c of i.changes) out.push(changeHtml(c.aspect, c.old, c.new));
  if (i.clause?.old !== undefined && i.clause.new !== undefined) out.push(`<div class="clause">条文：${clauseHtml(input.clauseDiff(i.clause.old, i.clause.new))}</div>`);
  return out.join("");
}

function itemRow(i: ItemDiff, input: DiffPageInput): string {
  const w = itemWord(i);
  return `<tr class="item ${wordClass[w]}"><td class="tagcell"><span class="tag ${wordClass[w]}">${w}</span></td><td class="kind">${kindWord[i.kind]}</td><td class="name">${esc(i.name)}</td><td class="what">${itemContent(i, input)}</td><td class="where">${esc(input.where(i.new ?? i.old))}</td></tr>`;
}

const ITEM_HEAD = `<thead><tr><th>变化</th><th>类别</th><th>名称</th><th>内容</th><th>位置</th></tr></thead>`;

function changesHtml(input: DiffPageInput): string {
  const { diff } = input;
  const oldG = groupsOf(input.oldCatalogue);
  const newG = groupsOf(input.newCatalogue);
  const renamed = renamedTops(oldG, newG, diff.indicatorIds);
  const g = { old: oldG, new: newG, renamed };
  const items = [...diff.indicators, ...diff.rules];
  const byGroup = new Map<string, ItemDiff[]>();
  for (const i of items) {
    const key = groupOf(i, g) ?? "";
    byGroup.set(key, [...(byGroup.get(key) ?? []), i]);
  }
  const out: string[] = [];
  if (diff.header.length > 0) {
    const rows = diff.header.map((h) => `<tr><td class="name">${esc(h.aspect)}</td><td class="was">${esc(h.old ?? none)}</td><td class="now">${esc(h.new ?? none)}</td></tr>`);
    out.push(`<section class="group header-changes">\n<h3>总体设置</h3>\n<table class="aspects"><thead><tr><th>项目</th><th>原版</th><th>新版</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table>\n</section>`);
  }
  // Points of each group under its new name (a renamed first-level indicator's old points too).
  const oldPoints = new Map(oldG.order.map((o) => [renamed.get(o.name) ?? o.name, o.points]));
  const newNames = new Set(newG.order.map((o) => o.name));
  const gone = oldG.order.map((o) => renamed.get(o.name) ?? o.name).filter((n) => !newNames.has(n));
  const order = [...newG.order.map((o) => o.name), ...gone, ""];
  const newPoints = new Map(newG.order.map((o) => [o.name, o.points]));
  for (const name of order) {
    const list = byGroup.get(name);
    if (!list) continue;
    const op = oldPoints.get(name);
    const np = newPoints.get(name);
    const pts = op === undefined && np === undefined ? "" : op === np ? `${esc(np!)}分` : `${esc(op ?? none)} → ${esc(np ?? none)}分`;
    const heading = name === "" ? "其他" : `${esc(name)}${pts ? ` <small>${pts}</small>` : ""}`;
    out.push(`<section class="group">\n<h3>${heading}</h3>\n<table class="items">${ITEM_HEAD}\n<tbody>\n${list.map((i) => itemRow(i, input)).join("\n")}\n</tbody></table>\n</section>`);
  }
  return out.join("\n");
}

// ------------------------------------------------------------------ summary

function countsTable(diff: CatalogueDiff): string {
  const row = (label: string, items: readonly ItemDiff[]) => {
    const c = changeCounts(items);
    return `<tr><th scope="row">${label}</th>${CHANGE_WORDS.map((w) => `<td class="num">${c.get(w) ?? 0}</td>`).join("")}<td class="num total">${items.length}</td></tr>`;
  };
  return `<table class="counts"><thead><tr><th></th>${CHANGE_WORDS.map((w) => `<th>${w}</th>`).join("")}<th>合计</th></tr></thead>
<tbody>
${row("指标", diff.indicators)}
${row("规则", diff.rules)}
</tbody></table>`;
}

function pointsSum(meta: CatalogueMeta): string {
  let t = 0n;
  for (const i of meta.indicators) t += toMillionths(i.points);
  return fromMillionths(t);
}

function fromTo(o: string, n: string, unit = ""): string {
  return o === n ? `<span class="value">${esc(n)}</span>${unit}` : `<span class="value">${esc(o)} → ${esc(n)}</span>${unit}`;
}

function kpis(input: DiffPageInput): string {
  const { diff, oldCatalogue: o, newCatalogue: n } = input;
  const out: string[] = [];
  out.push(`<div class="kpi"><span class="label">变化</span><span class="value">${diff.header.length + diff.indicators.length + diff.rules.length}</span> 处</div>`);
  if (o.total !== undefined || n.total !== undefined) out.push(`<div class="kpi"><span class="label">总分</span>${fromTo(o.total ?? none, n.total ?? none, " 分")}</div>`);
  out.push(`<div class="kpi"><span class="label">一级指标分值合计</span>${fromTo(pointsSum(o), pointsSum(n), " 分")}</div>`);
  const units = input.units;
  if (units) {
    const moved = units.filter((u) => signedMillionths(u.delta) !== 0n).length;
    const ranks = units.filter((u) => u.old.rank !== u.new.rank).length;
    const grades = units.filter((u) => u.old.grade !== u.new.grade).length;
    out.push(`<div class="kpi"><span class="label">总分变化的单位</span><span class="value">${moved}</span><span class="of">/ ${units.length}</span></div>`);
    out.push(`<div class="kpi"><span class="label">名次变化</span><span class="value">${ranks}</span><span class="of">个单位</span></div>`);
    out.push(`<div class="kpi"><span class="label">等次变化</span><span class="value">${grades}</span><span class="of">个单位</span></div>`);
  }
  return `<div class="kpis">\n${out.join("\n")}\n</div>`;
}

// ------------------------------------------------------------------ units

const grade = (g: string | null) => g ?? "—";

function pointsRow(p: DiffPoints, kind: string): string {
  const name = p.oldName !== undefined ? `${esc(p.name)}<small>原「${esc(p.oldName)}」</small>` : esc(p.name);
  return `<tr><td>${kind}</td><td class="name">${name}</td><td class="num">${esc(p.old ?? "（新增）")}</td><td class="num">${esc(p.new ?? "（已删除）")}</td><td class="num delta ${signClass(p.delta)}">${esc(p.delta)}</td></tr>`;
}

/** The grade thresholds that changed and concern a unit whose grade changed (header aspects 等次「…」). */
function gradeWhy(u: DiffUnit, header: CatalogueDiff["header"]): string {
  if (u.old.grade === u.new.grade) return "";
  const names = new Set([u.old.grade, u.new.grade].flatMap((g) => (g === null ? [] : [`等次「${g}」`])));
  const changed = header.filter((h) => names.has(h.aspect));
  if (changed.length === 0) return "";
  return `<p class="why-grade">等次标准的修改：${changed.map((h) => `${esc(h.aspect)} <span class="was">${esc(h.old ?? none)}</span> → <span class="now">${esc(h.new ?? none)}</span>`).join("；")}</p>`;
}

function unitRows(u: DiffUnit, k: number, header: CatalogueDiff["header"]): string {
  const grades = gradeWhy(u, header);
  const why = u.indicators.length + u.rules.length > 0 || grades !== "";
  const id = `why-${k + 1}`;
  const name = why ? `<button type="button" class="toggle" aria-expanded="false" aria-controls="${id}">${esc(u.unit)}</button>` : `<span class="plain">${esc(u.unit)}</span>`;
  const rank = u.old.rank === u.new.rank ? `${u.new.rank}` : `${u.old.rank} → ${u.new.rank}`;
  const rankClass = u.old.rank === u.new.rank ? "" : u.new.rank < u.old.rank ? " up" : " down";
  const gradeText = u.old.grade === u.new.grade ? esc(grade(u.new.grade)) : `${esc(grade(u.old.grade))} → ${esc(grade(u.new.grade))}`;
  const main = `<tr class="row"><td class="unit">${name}</td><td class="num">${esc(u.old.total)}</td><td class="num">${esc(u.new.total)}</td><td class="num delta ${signClass(u.delta)}">${esc(u.delta)}</td><td class="num rank${rankClass}">${rank}</td><td class="grade${u.old.grade === u.new.grade ? "" : " moved"}">${gradeText}</td></tr>`;
  if (!why) return `<tbody class="unit">\n${main}\n</tbody>`;
  const rows = [...u.indicators.map((p) => pointsRow(p, "指标")), ...u.rules.map((p) => pointsRow(p, "规则"))];
  const table = rows.length === 0 ? "" : `<table class="points"><thead><tr><th>类别</th><th>名称</th><th class="num">原版</th><th class="num">新版</th><th class="num">变化</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
  const detail = `<tr class="why" id="${id}" hidden><td colspan="6">${table}${grades}</td></tr>`;
  return `<tbody class="unit">\n${main}\n${detail}\n</tbody>`;
}

function unitsHtml(input: DiffPageInput, units: readonly DiffUnit[], chart: ChartSpec): string {
  const notes = (input.notes ?? []).map((d) => `<li class="${esc(d.severity)}">${severityWord[d.severity] ?? ""} ${esc(d.code)} ${esc(d.message)}</li>`);
  return `<section class="units">
<h2>对各单位得分的影响</h2>
<p class="note">事实：${esc(input.factsPath ?? "")}；两个版本按同一份事实计分。单位按总分变化的大小排列；点击单位名称，查看引起变化的指标和规则。</p>
${notes.length > 0 ? `<ul class="notes">\n${notes.join("\n")}\n</ul>\n` : ""}<h3>总分变化${units.length > DIFF_CHART_UNITS ? `（变化最大的 ${DIFF_CHART_UNITS} 个单位）` : ""}</h3>
${chartDiv(chart, "各单位总分变化")}
${SCRIPTS_HERE}
<p class="actions"><button type="button" id="expand-all" aria-pressed="false">全部展开</button></p>
<table class="units">
<thead><tr><th>单位</th><th class="num">原总分</th><th class="num">新总分</th><th class="num">变化</th><th class="num">名次</th><th>等次</th></tr></thead>
${units.map((u, k) => unitRows(u, k, input.diff.header)).join("\n")}
</table>
<p class="note">${FOOTNOTE}</p>
</section>`;
}

function deltaChart(units: readonly DiffUnit[]): ChartSpec {
  const top = units.slice(0, DIFF_CHART_UNITS);
  return {
    id: "chart-delta",
    kind: "hbar",
    categories: top.map((u) => u.unit),
    // ECharts draws the bar from the value; its label is the signed exact string.
    series: [
      {
        name: "总分变化",
        values: top.map((u) => (u.delta.startsWith("+") ? u.delta.slice(1) : u.delta)),
        texts: top.map((u) => u.delta),
        colors: top.map((u) => (u.delta.startsWith("-") ? COLORS.lost : COLORS.gain)),
        color: COLORS.gain,
        labels: true,
      },
    ],
    unit: "分",
  };
}

// ------------------------------------------------------------------ page

/** The page's title. */
export function diffTitle(input: Pick<DiffPageInput, "title">): string {
  return `${input.title}修订对照`;
}

/** The whole page, one self-contained HTML file. */
export function renderDiffPage(input: DiffPageInput, options: DiffPageOptions): string {
  const title = diffTitle(input);
  const units = input.units ? byChange(input.units) : undefined;
  const charts = units && units.length > 0 ? [deltaChart(units)] : [];
  const body = `<main class="diff">
<header class="doc-head">
<h1>${esc(input.title)}<small>修订对照</small></h1>
<p class="meta">原版：${esc(input.oldPath)}　新版：${esc(input.newPath)}</p>
</header>
<section class="summary">
<h2>概要</h2>
<p class="lead">${esc(summaryLine(input.diff))}</p>
${kpis(input)}
${input.diff.same ? "" : countsTable(input.diff)}
</section>
${
  input.diff.same
    ? ""
    : `<section class="changes">
<h2>结构变化（按一级指标）</h2>
<p class="note">条文中删去的文字标为<del>删除线</del>，新增的文字标为<ins>下划线</ins>。位置是新版中的文件和行（删除的条目为原版中的）。</p>
${changesHtml(input)}
</section>`
}
${units && units.length > 0 ? unitsHtml(input, units, charts[0]!) : ""}
</main>`;
  return standalonePage(title, body, charts, { css: reportCss + diffCss, echarts: options.echarts, scripts: [diffJs], generator: "kaoping kp diff" });
}
