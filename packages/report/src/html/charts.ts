/**
 * Charts as data: each page carries its charts' specs as JSON, and assets/report.js turns a spec into
 * an ECharts option.  Values are the exact decimal strings of the results: ECharts draws bars from
 * them, and every label and tooltip shows the string itself, never a float printed back.
 */
export interface ChartSeries {
  name: string;
  values: string[];
  color: string;
  /** Show each value's text at the end of its bar. */
  labels?: boolean;
  /** The label of each bar when it says more than the value ("14.84 / 16"). */
  texts?: string[];
  /** A colour per bar (gains and losses in one series), instead of `color`. */
  colors?: string[];
}

export interface ChartSpec {
  id: string;
  /** Horizontal bars (categories down the side, first on top) or vertical bars. */
  kind: "hbar" | "vbar";
  title?: string;
  categories: string[];
  series: ChartSeries[];
  /** The value axis' unit, for the tooltip ("分", "个单位"). */
  unit: string;
  /** Series drawn over each other (score over its maximum) instead of side by side. */
  overlap?: boolean;
  /** Thinner rows (small multiples). */
  compact?: boolean;
}

export const COLORS = { score: "#2f6fb0", max: "#dfe6ee", lost: "#c4473a", count: "#4f8f5b", award: "#d08b2c", gain: "#2f8a4a" } as const;

/** Height in pixels a chart needs for its categories. */
export function chartHeight(spec: ChartSpec): number {
  return spec.kind === "hbar" ? Math.max(150, (spec.series.length > 1 ? 64 : 44) + spec.categories.length * (spec.compact ? 20 : 26)) : 220;
}

/** The chart's place in a page. */
export function chartDiv(spec: ChartSpec, label: string): string {
  return `<div class="chart" id="${spec.id}" style="height:${chartHeight(spec)}px" role="img" aria-label="${label}"></div>`;
}
