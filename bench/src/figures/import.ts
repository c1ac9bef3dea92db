/**
 * Figure 7 — import speed (issue 13): `kp import`'s pipeline (read → structure → recognise → write,
 * formatter excluded) on a generated 1,000-clause rulebook published as an HTML table (10 first-level
 * indicators × 10 second-level, rowspan over each group's rows, ten clauses per cell), in process,
 * from the built @kaoping/import (its dependencies — parse5, jszip, exceljs — resolve from there).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { interleaved, type RunPlan } from "../measure.js";
import { root } from "../paths.js";
import { ms, unavailable, type Figure } from "../report.js";

const importEntry = join(root, "packages", "import", "dist", "index.js");

interface ImportModule {
  importDocument(file: string, bytes: Uint8Array): Promise<{ ok: boolean; report?: { summary: { clauses: number; indicators: number } } }>;
}

/** An HTML rulebook with `first` × `second` items of `perCell` clauses each. */
export function generateRulebookHtml(first = 10, second = 10, perCell = 10): string {
  const rows: string[] = ["<tr><th>一级指标</th><th>二级指标</th><th>考评细则</th><th>考评单位</th></tr>"];
  for (let i = 1; i <= first; i++) {
    for (let j = 1; j <= second; j++) {
      const clauses = Array.from({ length: perCell }, (_, k) => `第${i}项第${j}目未按要求完成第${k + 1}类工作任务的，每次扣0.${(k % 9) + 1}分`).join("；");
      const head = j === 1 ? `<td rowspan="${second}">第${i}类工作（${second * 2}分）</td>` : "";
      const unit = j === 1 ? `<td rowspan="${second}">市考评办第${i}组</td>` : "";
      rows.push(`<tr>${head}<td>第${i}类第${j}项工作（2分）</td><td>${clauses}。</td>${unit}</tr>`);
    }
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>生成的考评细则</title></head><body><h1>生成的考评细则</h1><table>${rows.join("\n")}</table></body></html>`;
}

export async function importFigure(plan: RunPlan): Promise<Figure> {
  const name = "import: 1,000-clause HTML rulebook → .kp catalogue";
  const goal = "< 1 s";
  if (!existsSync(importEntry)) return unavailable("7", name, goal, "not available (@kaoping/import not built: run pnpm build)");
  const mod = (await import(pathToFileURL(importEntry).href)) as ImportModule;
  const bytes = new TextEncoder().encode(generateRulebookHtml());
  const first = await mod.importDocument("生成细则.html", bytes);
  const clauses = first.report?.summary.clauses ?? 0;
  if (!first.ok || clauses !== 1000) return unavailable("7", name, goal, `the generated rulebook gave ${clauses} clauses, not 1,000`, "failed");
  const s = await interleaved([{ name: "import", fn: () => mod.importDocument("生成细则.html", bytes) }], plan);
  const t = s.import!.median;
  return {
    id: "7",
    name,
    goal,
    measured: `${ms(t)} (${(bytes.length / 1e3).toFixed(0)} kB, 1,000 clauses, ${first.report!.summary.indicators} indicators)`,
    baseline: "—",
    ratio: t / 1000,
    met: t < 1000,
    status: "ok",
    values: { median: t, min: s.import!.min, max: s.import!.max, bytes: bytes.length, clauses },
  };
}
