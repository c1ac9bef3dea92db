/**
 * index.html: the overview a leadership reads — the ranking (chart of the top units, the full table
 * linking to every unit page), each top-level indicator's distribution across units, grade counts,
 * and the rules that cost units the most points.  Pure: results in, HTML text out.
 */
import type { CatalogueMeta, UnitResult } from "@kaoping/core";
import { fromMillionths, toMillionths } from "../decimal.js";
import { costliestRules, placesOf, pointsText, vetoWord, type ReportInput } from "../data.js";
import { chartDiv, COLORS, type ChartSpec } from "./charts.js";
import { esc } from "./escape.js";
import { page, SCRIPTS_HERE } from "./layout.js";
import { unitFile, UNITS_DIR } from "./paths.js";
import type { PagePart } from "./unit.js";

/** Units the ranking chart shows (the table lists them all). */
export const TOP_UNITS = 30;
/** Rules the "cost the most" chart and table show. */
export const TOP_RULES = 10;
/** Bins of each indicator's distribution. */
const BINS = 10;

function heading(cat: CatalogueMeta): string {
  return `${cat.title}${cat.year ? `（${cat.year}）` : ""}`;
}

/** How many units fall into each tenth of an indicator's points, counted on exact millionths. */
export function distribution(scores: readonly string[], points: string): { labels: string[]; counts: number[] } {
  const p = toMillionths(points);
  const edges = Array.from({ length: BINS + 1 }, (_, k) => (p * BigInt(k)) / BigInt(BINS));
  const counts = new Array<number>(BINS).fill(0);
  for (const s of scores) {
    const v = toMillionths(s);
    let k = 0;
    while (k < BINS - 1 && v >= edges[k + 1]!) k++;
    counts[k]!++;
  }
  const labels = counts.map((_, k) => `${fromMillionths(edges[k]!)}–${fromMillionths(edges[k + 1]!)}`);
  return { labels, counts };
}

function rankingTableHtml(cat: CatalogueMeta, results: readonly UnitResult[]): string {
  const vetoes = results.some((r) => r.vetoes.length > 0);
  const head = [
    "<th>名次</th><th>单位</th>",
    cat.classes.length > 0 ? "<th>类别</th>" : "",
    `<th>总分${cat.total ? `<small>${esc(cat.total)}分</small>` : ""}</th>`,
    ...cat.indicators.map((ind) => `<th>${esc(ind.name)}<small>${esc(pointsText(ind))}</small></th>`),
    cat.bonuses.length > 0 ? "<th>加分</th>" : "",
    cat.penalties.length > 0 ? "<th>减分</th>" : "",
    cat.grades.length > 0 ? "<th>等次</th>" : "",
    vetoes ? "<th>否决</th>" : "",
  ].join("");
  const rows = results.map((r, i) => {
    const cells = [
      `<td class="num">${r.rank}</td>`,
      `<td class="unit"><a href="${UNITS_DIR}/${unitFile(i, results.length)}">${esc(r.unit)}</a></td>`,
      cat.classes.length > 0 ? `<td>${esc(r.classes.join("、"))}</td>` : "",
      `<td class="num total">${esc(r.total)}</td>`,
      ...cat.indicators.map((_, k) => `<td class="num">${esc(r.indicators?.[k]?.score ?? "")}</td>`),
      cat.bonuses.length > 0 ? `<td class="num">${esc(r.bonus ?? "")}</td>` : "",
      cat.penalties.length > 0 ? `<td class="num">${esc(r.penalty ?? "")}</td>` : "",
      cat.grades.length > 0 ? `<td>${esc(r.grade ?? "")}</td>` : "",
      vetoes ? `<td>${esc(r.vetoes.map((v) => `${vetoWord(v.level)}（${v.rule}）`).join("；"))}</td>` : "",
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table class="ranking">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

/** The overview's content. */
export function overviewPart(input: ReportInput): PagePart {
  const { catalogue: cat, results } = input;
  const charts: ChartSpec[] = [];
  const top = results.slice(0, TOP_UNITS);
  charts.push({
    id: "chart-ranking",
    kind: "hbar",
    categories: top.map((r) => `${r.rank}. ${r.unit}`),
    series: [{ name: "总分", values: top.map((r) => r.total), color: COLORS.score, labels: true }],
    unit: "分",
  });
  const dist = cat.indicators.map((ind, i) => {
    // A unit the indicator does not apply to has no score there; the axis runs to the largest points of any class.
    const scores = results.flatMap((r) => (r.indicators?.[i] ? [r.indicators[i]!.score] : []));
    const most = [ind.points, ...(ind.classPoints ?? []).map((c) => c.points)].reduce((a, b) => (toMillionths(b) > toMillionths(a) ? b : a));
    const d = distribution(scores, most);
    // Highest scores on top.
    const spec: ChartSpec = {
      id: `chart-dist-${i + 1}`,
      kind: "hbar",
      title: `${ind.name}（${pointsText(ind)}）`,
      categories: [...d.labels].reverse(),
      series: [{ name: "单位数", values: d.counts.map(String).reverse(), color: COLORS.score, labels: true }],
      unit: "个单位",
      compact: true,
    };
    charts.push(spec);
    return `<figure class="dist">${chartDiv(spec, `${ind.name}得分分布`)}<figcaption>${esc(ind.name)}（${esc(pointsText(ind))}）</figcaption></figure>`;
  });
  let gradeHtml = "";
  if (cat.grades.length > 0) {
    const names = [...cat.grades, ...(results.some((r) => r.grade == null) ? ["无等次"] : [])];
    const counts = names.map((g) => results.filter((r) => (r.grade ?? "无等次") === g).length);
    const spec: ChartSpec = { id: "chart-grades", kind: "vbar", categories: names, series: [{ name: "单位数", values: counts.map(String), color: COLORS.count, labels: true }], unit: "个单位" };
    charts.push(spec);
    gradeHtml = `<section class="grades">
<h2>等次</h2>
${chartDiv(spec, "等次分布")}
<table class="small"><thead><tr>${names.map((g) => `<th>${esc(g)}</th>`).join("")}</tr></thead><tbody><tr>${counts.map((n) => `<td class="num">${n}</td>`).join("")}</tr></tbody></table>
</section>`;
  }
  const places = placesOf(cat);
  const costly = costliestRules(input, places, TOP_RULES);
  let costHtml = "";
  if (costly.length > 0) {
    const spec: ChartSpec = {
      id: "chart-rules",
      kind: "hbar",
      categories: costly.map((c) => c.rule),
      series: [{ name: "扣分合计", values: costly.map((c) => c.total), color: COLORS.lost, labels: true }],
      unit: "分",
    };
    charts.push(spec);
    const rows = costly.map(
      (c, i) =>
        `<tr><td class="num">${i + 1}</td><td class="name">${esc(c.rule)}</td><td>${esc(c.place?.path.join(" › ") ?? "")}</td><td class="clause">${esc(c.clause)}</td><td class="num">${esc(c.total)}</td><td class="num">${c.units}</td></tr>`,
    );
    costHtml = `<section class="rules">
<h2>扣分最多的条款</h2>
<p class="note">各单位按该条款被扣的分数之和（封顶、就高核减之前），前 ${costly.length} 条。</p>
${chartDiv(spec, "扣分最多的条款")}
<table class="small"><thead><tr><th class="num">序</th><th>规则</th><th>指标</th><th>条款</th><th class="num">扣分合计</th><th class="num">单位数</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</section>`;
  }
  const title = `${heading(cat)}考评结果`;
  const body = `<main class="overview">
<header class="doc-head">
<h1>${esc(title)}</h1>
<p class="meta">${cat.subject ? `考评对象：${esc(cat.subject)}　` : ""}共 ${results.length} 个单位${cat.total ? `　总分 ${esc(cat.total)} 分` : ""}</p>
</header>
<section class="top">
<h2>排名${results.length > TOP_UNITS ? `（前 ${TOP_UNITS} 名，全部单位见下方排名表）` : ""}</h2>
${chartDiv(charts[0]!, "排名")}
</section>
<section class="distribution">
<h2>各项指标的得分分布</h2>
<p class="note">每段为一个得分区间（含下限、不含上限，最高一段含满分）及落在其中的单位数。</p>
<div class="grid">
${dist.join("\n")}
</div>
</section>
${gradeHtml}
${costHtml}
${SCRIPTS_HERE}
<section class="table">
<h2>排名表</h2>
<p class="note">点击单位名称查看该单位的得分明细。</p>
${rankingTableHtml(cat, results)}
</section>
</main>`;
  return { title, body, charts };
}

/** The overview page (index.html). */
export function overviewHtml(input: ReportInput): string {
  const p = overviewPart(input);
  return page(p.title, p.body, p.charts, "");
}
