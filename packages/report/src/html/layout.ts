/** The HTML shell of every page: Chinese, offline (assets beside it), its charts' specs as JSON. */
import type { ChartSpec } from "./charts.js";
import { esc, jsonInScript } from "./escape.js";

/** A whole page; `root` is the way back to the report's folder ("" or "../"). */
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
${body}
${scripts}</body>
</html>
`;
}
