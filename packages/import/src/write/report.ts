// The import report: clauses recognised and to-do (and why), structure recovered, points that do not
// add up — as 导入报告.md in the catalogue, as a short text summary, and as JSON (--format json).
import { formatLoc, type ImportProblem } from "../diagnostics.js";
import type { Structure } from "../structure/index.js";
import type { ClauseOutcome } from "./kp.js";
import { flaggedReadings } from "./review-list.js";

export interface ImportSummary {
  readonly source: string;
  readonly format: string;
  readonly indicators: number;
  readonly clauses: number;
  readonly recognised: number;
  readonly todo: number;
  readonly files: readonly string[];
}

export interface ImportReport {
  readonly summary: ImportSummary;
  readonly clauses: readonly ClauseOutcome[];
  readonly problems: readonly ImportProblem[];
}

export function countIndicators(s: Structure): number {
  const walk = (items: Structure["items"]): number => items.reduce((n, i) => n + 1 + walk(i.children), 0);
  return walk(s.items);
}

const where = (p: { loc?: ImportProblem["loc"] }): string => (p.loc ? formatLoc({ ...p.loc, file: p.loc.file.replace(/^.*[\\/]/, "") }) : "");

/** 「（其中待核 N 条）」 after the count recognised, when N readings are written 待核 (flagged for review). */
function reviewed(n: number): string {
  return n > 0 ? `（其中待核 ${n} 条）` : "";
}

export function reportMarkdown(r: ImportReport): string {
  const s = r.summary;
  const flagged = flaggedReadings(r.clauses);
  const out: string[] = [
    `# 导入报告`,
    "",
    `来源：${s.source.replace(/^.*[\\/]/, "")}（${s.format}）`,
    "",
    `- 指标 ${s.indicators} 个，条文 ${s.clauses} 条：自动识别 ${s.recognised} 条${reviewed(flagged.length)}，待补 ${s.todo} 条`,
    `- 生成文件：${s.files.join("、")}`,
    "",
  ];
  // the readings flagged for review have a section of their own (请核对的识别), not a line each here
  const warnings = r.problems.filter((p) => p.severity !== "info" && p.code !== "KP5059");
  const infos = r.problems.filter((p) => p.severity === "info");
  out.push("## 需要核对", "");
  if (warnings.length === 0 && flagged.length === 0) out.push("（无）");
  for (const p of warnings) out.push(`- ${p.code} ${where(p)}：${p.message}`);
  if (flagged.length > 0) out.push(`- KP5059 自动识别的条文中有 ${flagged.length} 条请核对，见「请核对的识别」`);
  // (the section only when there is one: a report without flagged readings reads as before)
  if (flagged.length > 0) out.push("", "## 请核对的识别", "", "已写入规则并标为「待核」，但识别器没有把握；按风险从高到低排列，逐条核对原文，无误后删去「待核」。", "");
  for (const f of flagged) {
    const c = f.outcome;
    out.push(`- ${c.file}「${c.rule}」（${where(c)}）：${f.reasons.join("；")}`, `  > ${c.text}`, `  读作：${f.bodies.map((b) => `\`${b.replace(/\s*\n\s*/g, " ")}\``).join("；")}`);
  }
  out.push("", "## 结构恢复", "");
  if (infos.length === 0) out.push("（无）");
  for (const p of infos) out.push(`- ${p.code} ${where(p)}：${p.message}`);
  out.push("", "## 待补的条文", "");
  const todo = r.clauses.filter((c) => c.recognition.kind === "todo");
  if (todo.length === 0) out.push("（无）");
  for (const c of todo) {
    const reason = c.recognition.kind === "todo" ? c.recognition.reason : "";
    out.push(`- ${c.file}「${c.rule}」（${where(c)}）：${reason}`, `  > ${c.text}`);
  }
  return out.join("\n") + "\n";
}

export function reportText(r: ImportReport): string {
  const s = r.summary;
  const lines = [`导入了 ${s.indicators} 个指标、${s.clauses} 条条文：自动识别 ${s.recognised} 条${reviewed(flaggedReadings(r.clauses).length)}，待补 ${s.todo} 条。`];
  const warnings = r.problems.filter((p) => p.severity !== "info");
  const infos = r.problems.filter((p) => p.severity === "info");
  for (const p of warnings) lines.push(`${where(p)} 警告 ${p.code} ${p.message}`);
  if (infos.length > 0) lines.push(`结构恢复 ${infos.length} 处，详见 导入报告.md。`);
  return lines.join("\n") + "\n";
}

export function reportJson(r: ImportReport): unknown {
  return {
    summary: r.summary,
    problems: r.problems,
    clauses: r.clauses.map((c) => ({
      file: c.file,
      indicator: c.indicator,
      rule: c.rule,
      text: c.text,
      location: c.loc,
      recognised: c.recognition.kind === "rules",
      ...(c.recognition.kind === "todo" ? { reason: c.recognition.reason } : {}),
      ...(c.recognition.kind === "rules" && c.recognition.review !== undefined ? { review: c.recognition.review } : {}),
    })),
  };
}
