/** The HTML shell of every page: Chinese, offline (assets beside it), its charts' specs as JSON. */
import type { ChartSpec } from "./charts.js";
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
