/**
 * One page per unit, for the county it is about: its total, rank and grade, its scores against the
 * maximum per indicator (a chart), what cost it points, and the whole computation indicator by
 * indicator — every deduction and award with its clause, the facts it used and the arithmetic, as
 * `kp explain` says it.  Pure: results in, HTML text out.
 */
import type { CatalogueMeta, IndicatorResult, UnitResult } from "@kaoping/core";
import { kindWords, placesOf, stepsOf, vetoWord, type Place, type ReportInput, type Step } from "../data.js";
import { canonical } from "../decimal.js";
import { chartDiv, COLORS, type ChartSpec } from "./charts.js";
import { esc } from "./escape.js";
import { page } from "./layout.js";
import { unitFile } from "./paths.js";

function stepHtml(s: Step, withPlace: boolean): string {
  const amount = s.kind === "veto" ? "" : s.kind === "note" && s.amount === "0" ? "" : esc(s.amount);
  const where = withPlace && s.place ? `<div class="where">${esc(s.place.path.join(" › "))}</div>` : "";
  const what = s.rule ? `<div class="rule"><b>${esc(s.rule)}</b>：「${esc(s.clause)}」</div>` : "";
  const facts = s.facts ? `<div class="facts">事实：${esc(s.facts)}</div>` : "";
  const calc = s.rule ? `<div class="calc">计算：${esc(s.computation)}</div>` : `<div class="calc">${esc(s.computation)}</div>`;
  return `<li class="step ${s.kind}"><span class="badge">${kindWords[s.kind]}${amount ? ` ${amount}` : ""}</span><div class="body">${where}${what}${facts}${calc}</div></li>`;
}

function stepList(steps: readonly Step[], withPlace: boolean): string {
  return steps.length === 0 ? "" : `<ul class="steps">\n${steps.map((s) => stepHtml(s, withPlace)).join("\n")}\n</ul>`;
}

function scoreClass(ind: IndicatorResult): string {
  return ind.lost === "0" ? "full" : /^0(\.0*)?$/.test(ind.score) ? "zero" : "part";
}

/** The computation tree: each indicator with its score and, beneath it, its own steps. */
function detailHtml(r: UnitResult, byPlace: ReadonlyMap<string, Step[]>): string {
  const out: string[] = [];
  const walk = (ind: IndicatorResult, depth: number) => {
    out.push(`<div class="ind d${Math.min(depth, 4)} ${scoreClass(ind)}"><span class="name">${esc(ind.name)}</span><span class="score">${esc(ind.score)} / ${esc(ind.points)} 分</span></div>`);
    out.push(stepList(byPlace.get(ind.id) ?? [], false));
    for (const c of ind.children) walk(c, depth + 1);
  };
  for (const ind of r.indicators ?? []) walk(ind, 0);
  return out.filter((s) => s !== "").join("\n");
}

function sectionsHtml(cat: CatalogueMeta, r: UnitResult, byPlace: ReadonlyMap<string, Step[]>): string {
  const part = (list: CatalogueMeta["bonuses"], word: string, total: string | undefined) => {
    if (list.length === 0) return "";
    const items = list.map((s) => {
      const steps = byPlace.get(s.id) ?? [];
      return `<div class="ind d0"><span class="name">${word}：${esc(s.name)}${s.cap ? `（上限 ${esc(s.cap)} 分）` : ""}</span></div>\n${steps.length > 0 ? stepList(steps, false) : `<p class="none">无</p>`}`;
    });
    return `${items.join("\n")}\n<p class="sum">${word}合计：${esc(total ?? "0")} 分</p>`;
  };
  return [part(cat.bonuses, "加分", r.bonus), part(cat.penalties, "减分", r.penalty)].filter((s) => s !== "").join("\n");
}

/** A unit's scores against the maximum, per top-level indicator (and bonus/penalty totals). */
function unitChart(r: UnitResult, id: string): ChartSpec {
  const inds = r.indicators ?? [];
  return {
    id,
    kind: "hbar",
    categories: inds.map((i) => i.name),
    series: [
      { name: "满分", values: inds.map((i) => i.points), color: COLORS.max },
      { name: "得分", values: inds.map((i) => i.score), color: COLORS.score, labels: true, texts: inds.map((i) => `${i.score} / ${i.points}`) },
    ],
    unit: "分",
    overlap: true,
  };
}

/** A page's content: its title, body and charts. */
export interface PagePart {
  title: string;
  body: string;
  charts: ChartSpec[];
}

/** The content of the unit at `index` of the ranking (`chartId` unique in the document it goes into). */
export function unitPart(input: ReportInput, index: number, places: ReadonlyMap<string, Place>, chartId = "chart-unit"): PagePart {
  const { catalogue: cat, results } = input;
  const r = results[index]!;
  const steps = stepsOf(input, r, places);
  const byPlace = new Map<string, Step[]>();
  for (const s of steps) if (s.place) byPlace.set(s.place.id, [...(byPlace.get(s.place.id) ?? []), s]);
  const lost = steps.filter((s) => s.kind === "deduct" || s.kind === "limit" || s.kind === "veto");
  const chart = unitChart(r, chartId);
  const n = results.length;
  const prev = index > 0 ? `<a href="${unitFile(index - 1, n)}" rel="prev">上一个：${esc(results[index - 1]!.unit)}</a>` : "";
  const next = index < n - 1 ? `<a href="${unitFile(index + 1, n)}" rel="next">下一个：${esc(results[index + 1]!.unit)}</a>` : "";
  const exact = canonical(r.exactTotal) !== canonical(r.total) ? `<span class="exact">舍入前 ${esc(r.exactTotal)}</span>` : "";
  const vetoes = r.vetoes.map((v) => `<p class="veto">${vetoWord(v.level)}：${esc(v.rule)}「${esc(v.clause)}」</p>`).join("\n");
  const sections = sectionsHtml(cat, r, byPlace);
  const title = `${r.unit}：${cat.title}${cat.year ? `（${cat.year}）` : ""}得分`;
  const body = `<nav class="crumbs"><a href="../index.html">总览</a>${prev}${next}</nav>
<main class="unit">
<header class="doc-head">
<p class="kicker">${esc(cat.title)}${cat.year ? `（${esc(cat.year)}）` : ""}</p>
<h1>${esc(r.unit)}${r.classes.length > 0 ? `<small>${esc(r.classes.join("、"))}</small>` : ""}</h1>
<div class="kpis">
<div class="kpi"><span class="label">总分</span><span class="value">${esc(r.total)}</span><span class="of">${cat.total ? `/ ${esc(cat.total)} 分` : "分"}</span>${exact}</div>
<div class="kpi"><span class="label">名次</span><span class="value">${r.rank}</span><span class="of">/ ${n} 个单位</span></div>
${cat.grades.length > 0 ? `<div class="kpi"><span class="label">等次</span><span class="value">${esc(r.grade ?? "无")}</span></div>` : ""}
</div>
${vetoes}
</header>
<section>
<h2>各项指标得分</h2>
${chartDiv(chart, "各项指标得分与满分")}
</section>
<section>
<h2>扣分情况${lost.length > 0 ? `（${lost.length} 项）` : ""}</h2>
${lost.length > 0 ? stepList(lost, true) : `<p class="none">没有扣分。</p>`}
</section>
<section>
<h2>计分明细</h2>
${detailHtml(r, byPlace)}
${sections}
</section>
</main>`;
  return { title, body, charts: [chart] };
}

/** The page of the unit at `index` of the ranking (in units/). */
export function unitHtml(input: ReportInput, index: number, places: ReadonlyMap<string, Place> = placesOf(input.catalogue)): string {
  const p = unitPart(input, index, places);
  return page(p.title, p.body, p.charts, "../");
}
