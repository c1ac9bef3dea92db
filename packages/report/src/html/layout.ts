/** The HTML shell of every page: Chinese, offline (assets beside it), its charts' specs as JSON. */
import type { ChartSpec } from "./charts.js";
import { reportJs } from "./assets.js";
import { esc, jsonInScript } from "./escape.js";

/** Where a body wants its charts' scripts, when not at its end (before a long table, say). */
export const SCRIPTS_HERE = "<!--kp-scripts-->";

/**
 * A whole page; `root` is the way back to the report's folder ("" or "../").  The charts' scripts go
 * where the body has SCRIPTS_HERE (so that charts are drawn before a long table below is parsed), else
 * at its end.
 */
export function page(title: string, body: string, charts: readonly ChartSpec[], root: string): string {
  const scripts =
    charts.length === 0
      ? ""
      : `<script type="application/json" id="kp-charts">${jsonInScript(charts)}</script>\n<script src="${root}assets/echarts.min.js"></script>\n<script src="${root}assets/report.js"></script>\n`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kaoping kp report">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${root}assets/report.css">
</head>
<body>
${body.includes(SCRIPTS_HERE) ? `${body.replace(SCRIPTS_HERE, () => scripts.trimEnd())}\n` : `${body}\n${scripts}`}</body>
</html>
`;
}

/** Script text that may stand inside <script>…</script> (no "</script" or "<!--" can end or confuse it). */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** What a self-contained page carries inline instead of beside it. */
export interface InlineAssets {
  css: string;
  /** ECharts' build (echarts.min.js), inlined when the page has charts. */
  echarts: string;
  /** Scripts run after the charts are drawn (the page's own behaviour). */
  scripts?: readonly string[];
  /** Who made the page (meta generator). */
  generator: string;
}

/**
 * A page that is one file: its stylesheet, ECharts, the chart script and the page's own scripts
 * inline, nothing fetched (opens offline, can be mailed).  Scripts go where the body has SCRIPTS_HERE.
 */
export function standalonePage(title: string, body: string, charts: readonly ChartSpec[], assets: InlineAssets): string {
  const parts: string[] = [];
  if (charts.length > 0) {
    parts.push(`<script type="application/json" id="kp-charts">${jsonInScript(charts)}</script>`);
    parts.push(`<script id="kp-echarts">${inlineScript(assets.echarts)}</script>`);
    parts.push(`<script id="kp-report-js">\n${inlineScript(reportJs)}</script>`);
  }
  for (const s of assets.scripts ?? []) parts.push(`<script>\n${inlineScript(s)}</script>`);
  const scripts = parts.join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(assets.generator)}">
<title>${esc(title)}</title>
<style>
${assets.css}</style>
</head>
<body>
${body.includes(SCRIPTS_HERE) ? `${body.replace(SCRIPTS_HERE, () => scripts)}\n` : `${body}\n${scripts}\n`}</body>
</html>
`;
}
