/**
 * `kp explain`: one unit's score, indicator by indicator, with every step of the module's trace —
 * the rule, its clause quoted in 「」, the facts it used and the computation:
 *
 *   ×令畅通  15 / 16 分
 *     落实市×、市××重大决策部署  3 / 4 分
 *       扣 1  参会「未按要求参加市×、市××重要会议、重要活动的，每次扣0.5分」
 *             事实：参会 = 2
 *             计算：2次 × 0.5 = 1
 */
import { displayWidth } from "../width.js";
import type { Colors } from "../io.js";
import type { CatalogueMeta, IndicatorResult, TraceEntry, UnitResult } from "../module.js";
import { factText, traceLabel, usedFacts } from "@kaoping/core";
import { visible } from "./terminal.js";

/** Shared with the report and the editor's results view: labels and facts read the same everywhere. */
export { factText, flattenFacts } from "@kaoping/core";

function entryLines(e: TraceEntry, indent: string, c: Colors, facts: [string, unknown][]): string[] {
  const label = traceLabel(e);
  const color = e.kind === "deduct" || e.kind === "veto" ? c.red : e.kind === "award" ? c.green : c.yellow;
  const hang = indent + " ".repeat(displayWidth(label) + 2);
  const out: string[] = [];
  if (e.rule !== undefined) {
    out.push(`${indent}${color(label)}  ${c.bold(visible(e.rule))}「${visible(e.clause ?? "")}」`);
    if (facts.length > 0) out.push(`${hang}事实：${facts.map(([k, v]) => `${visible(k)} = ${visible(factText(v))}`).join("，")}`);
    out.push(`${hang}计算：${visible(e.text)}`);
  } else {
    out.push(`${indent}${color(label)}  ${visible(e.text)}`);
  }
  return out;
}

/** Whether two decimal texts are the same number ("14.90" and "14.9"), compared as text. */
function sameDecimal(a: string, b: string): boolean {
  const norm = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  return norm(a) === norm(b);
}

function scoreText(score: string, points: string, c: Colors): string {
  const text = `${score} / ${points} 分`;
  if (score === points) return c.green(text);
  return /^0(\.0*)?$/.test(score) ? c.red(text) : c.yellow(text);
}

/** The explanation of one unit's result (which must carry its trace). */
export function explainText(
  cat: CatalogueMeta,
  r: UnitResult,
  count: number,
  c: Colors,
  inputs: Readonly<Record<string, unknown>> = {},
): string {
  const lines = (e: TraceEntry, indent: string) => entryLines(e, indent, c, usedFacts(cat, e, inputs));
  const out: string[] = [];
  const byIndicator = new Map<string, TraceEntry[]>();
  for (const e of r.trace ?? []) byIndicator.set(e.indicator, [...(byIndicator.get(e.indicator) ?? []), e]);

  // Everything named in the user's files is shown with its control characters made visible.
  out.push(`${c.bold("单位")}：${visible(r.unit)}${r.classes.length > 0 ? `（${r.classes.map(visible).join("、")}）` : ""}`);
  const exact = sameDecimal(r.exactTotal, r.total) ? "" : `（舍入前 ${r.exactTotal}）`;
  out.push(`${c.bold("总分")}：${c.bold(r.total)}${cat.total ? ` / ${cat.total} 分` : " 分"}${exact}`);
  // 总分 N 折算: the catalogue-level trace entry (indicator "") says how the total was rescaled
  for (const e of byIndicator.get("") ?? []) out.push(`${c.bold("折算")}：${visible(e.text)}`);
  out.push(`${c.bold("名次")}：第 ${r.rank} 名（共 ${count} 个单位）`);
  if (cat.grades.length > 0) out.push(`${c.bold("等次")}：${r.grade != null ? visible(r.grade) : "无"}`);
  if (r.vetoes.length > 0) {
    for (const v of r.vetoes) out.push(`${c.bold("否决")}：${c.red(v.level === "fail" ? "一票否决" : "一票否优")}——${visible(v.rule)}「${visible(v.clause)}」`);
  }
  out.push("");

  const walk = (ind: IndicatorResult, depth: number) => {
    const indent = "  ".repeat(depth);
    out.push(`${indent}${c.bold(visible(ind.name))}  ${scoreText(ind.score, ind.points, c)}`);
    for (const e of byIndicator.get(ind.id) ?? []) out.push(...lines(e, indent + "  "));
    for (const child of ind.children) walk(child, depth + 1);
  };
  for (const ind of r.indicators ?? []) walk(ind, 0);

  const sections = (list: CatalogueMeta["bonuses"], word: string, total: string | undefined) => {
    if (list.length === 0) return;
    out.push("");
    for (const s of list) {
      out.push(`${c.bold(`${word}「${visible(s.name)}」`)}${s.cap ? `（上限 ${s.cap} 分）` : ""}`);
      const entries = byIndicator.get(s.id) ?? [];
      if (entries.length === 0) out.push(`  无`);
      for (const e of entries) out.push(...lines(e, "  "));
    }
    out.push(`${c.bold(`${word}合计`)}：${total ?? "0"} 分`);
  };
  sections(cat.bonuses, "加分", r.bonus);
  sections(cat.penalties, "减分", r.penalty);
  return out.join("\n") + "\n";
}
