/**
 * The report folder's own assets: its stylesheet (screen and print: A4, a page break before each
 * unit) and the script that draws each page's charts from their JSON specs with ECharts (copied
 * beside them from node_modules, so the folder opens offline).
 */

const FONTS = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;

export const reportCss = `/* kaoping kp report */
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --accent: #2f6fb0; --lost: #c4473a; --award: #9a6412; }
* { box-sizing: border-box; }
html { font-family: ${FONTS}; color: var(--ink); background: #f4f6f9; line-height: 1.7; -webkit-text-size-adjust: 100%; }
body { margin: 0; padding: 24px 12px 48px; font-size: 14px; }
main { max-width: 180mm; margin: 0 auto; background: #fff; padding: 28px 32px; border: 1px solid var(--line); }
h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: 0.02em; }
h1 small { font-size: 15px; font-weight: normal; color: var(--muted); margin-left: 12px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.meta, .kicker, .note { color: var(--muted); margin: 0 0 8px; }
.note { font-size: 12.5px; }
.doc-head { border-bottom: 1px solid var(--line); padding-bottom: 12px; }
.chart { width: 100%; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(78mm, 1fr)); gap: 8px 16px; }
figure { margin: 0; break-inside: avoid; }
figcaption { text-align: center; font-size: 13px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
th { background: #e8eef5; font-weight: 600; text-align: center; }
th small { display: block; font-weight: normal; color: var(--muted); }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.total { font-weight: 600; }
td.unit { white-space: nowrap; }
td.clause { font-size: 12px; }
td.name { min-width: 7em; }
th.num { white-space: nowrap; }
table.ranking tbody tr:nth-child(even) { background: #f8fafc; }
.crumbs { max-width: 180mm; margin: 0 auto 8px; display: flex; gap: 18px; font-size: 13px; }
.kpis { display: flex; gap: 28px; margin: 10px 0 4px; flex-wrap: wrap; }
.kpi .label { display: block; font-size: 12px; color: var(--muted); }
.kpi .value { font-size: 26px; font-weight: 700; margin-right: 4px; }
.kpi .of { color: var(--muted); }
.kpi .exact { display: block; font-size: 12px; color: var(--muted); }
.veto { color: var(--lost); font-weight: 600; margin: 6px 0; }
.ind { display: flex; justify-content: space-between; gap: 12px; padding: 3px 0; border-bottom: 1px dotted var(--line); break-after: avoid; }
.ind.d0 { font-weight: 700; font-size: 15px; margin-top: 10px; border-bottom: 1px solid var(--line); }
.ind.d1 { padding-left: 1.5em; }
.ind.d2 { padding-left: 3em; }
.ind.d3, .ind.d4 { padding-left: 4.5em; }
.ind .score { white-space: nowrap; font-variant-numeric: tabular-nums; }
.ind.part .score { color: var(--award); }
.ind.zero .score { color: var(--lost); }
ul.steps { list-style: none; margin: 2px 0 6px; padding: 0 0 0 1.5em; }
li.step { display: flex; gap: 10px; padding: 4px 0; break-inside: avoid; font-size: 13px; }
li.step .badge { flex: none; min-width: 5.5em; text-align: center; border-radius: 3px; padding: 0 6px; height: 1.7em; font-size: 12px; line-height: 1.7em; background: #eef1f5; color: var(--muted); }
li.step.deduct .badge, li.step.veto .badge { background: #fbe9e7; color: var(--lost); }
li.step.award .badge { background: #e8f3ea; color: #2f6f3a; }
li.step.limit .badge { background: #fdf3e1; color: var(--award); }
li.step .where { color: var(--muted); font-size: 12px; }
li.step .facts, li.step .calc { color: var(--muted); display: inline; }
li.step .facts { margin-right: 1.5em; }
.none { color: var(--muted); margin: 4px 0 8px 1.5em; }
.sum { font-weight: 600; text-align: right; }
@page { size: A4; margin: 14mm 15mm; }
@media print {
  html { background: #fff; }
  body { padding: 0; font-size: 11px; }
  li.step { font-size: 11px; padding: 2px 0; }
  .ind { padding: 1px 0; }
  main { max-width: none; border: none; padding: 0; }
  .crumbs { display: none; }
  a { color: inherit; }
  main.unit { break-before: page; }
  main.overview > section.table { break-before: page; }
  h2 { break-after: avoid; }
  .chart { break-inside: avoid; }
}
`;

/** Draws every chart of a page from its spec (see charts.ts), with ECharts' SVG renderer. */
export const reportJs = `/* kaoping kp report: draws the charts of this page (specs in #kp-charts) with ECharts. */
(function () {
  "use strict";
  var FONT = ${JSON.stringify(FONTS)};
  var el = document.getElementById("kp-charts");
  if (!el || typeof echarts === "undefined") return;
  var specs = JSON.parse(el.textContent);
  function option(s) {
    var horizontal = s.kind === "hbar";
    var cat = { type: "category", data: s.categories, inverse: horizontal, axisTick: { show: false }, axisLine: { onZero: false },
      axisLabel: { fontFamily: FONT, color: "#3e4c59", interval: 0, width: horizontal ? 150 : 80, overflow: "truncate", rotate: !horizontal && s.categories.length > 6 ? 30 : 0 } };
    var val = { type: "value", axisLabel: { fontFamily: FONT, color: "#5f6b7a" }, splitLine: { lineStyle: { color: "#e4e8ee" } } };
    if (s.unit === "个单位") val.minInterval = 1;
    // Gains and losses (a value string starting with "-"): room on both sides for the end labels.
    if (s.series.some(function (x) { return x.values.some(function (v) { return String(v).charAt(0) === "-"; }); })) val.boundaryGap = ["20%", "20%"];
    var series = s.series.map(function (x, i) {
      return {
        name: x.name, type: "bar", barMaxWidth: 22, itemStyle: { color: x.color },
        // A negative value (its string starts with "-") has its label at the bar's far end.
        data: x.values.map(function (v, k) {
          var item = { value: v };
          if (x.colors) item.itemStyle = { color: x.colors[k] };
          if (String(v).charAt(0) === "-") item.label = { position: horizontal ? "left" : "bottom" };
          return item;
        }),
        barGap: s.overlap ? "-100%" : "20%", z: i + 2, animation: false,
        label: x.labels ? { show: true, position: horizontal ? "right" : "top", fontFamily: FONT, fontSize: 11, color: "#1f2933",
          formatter: function (p) { return (x.texts || x.values)[p.dataIndex]; } } : { show: false }
      };
    });
    return {
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: 8, right: s.overlap ? 80 : 48, top: s.series.length > 1 ? 28 : 12, bottom: 8, containLabel: true },
      legend: s.series.length > 1 ? { top: 0, right: 8, textStyle: { fontFamily: FONT } } : undefined,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: function (ps) {
        var i = ps[0].dataIndex, out = [s.categories[i]];
        s.series.forEach(function (x) { out.push(x.name + "：" + x.values[i] + " " + s.unit); });
        return out.map(function (t) { var d = document.createElement("div"); d.textContent = t; return d.outerHTML; }).join("");
      } },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: series
    };
  }
  specs.forEach(function (s) {
    var node = document.getElementById(s.id);
    if (!node) return;
    var chart = echarts.init(node, null, { renderer: "svg" });
    chart.setOption(option(s));
    node.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
`;
