/**
 * Figure 7 — import speed (issue 13): `kp import`'s pipeline (read → structure → recognise → write,
 * formatter excluded) on a generated 1,000-clause rulebook published as an HTML table (10 first-level
 * indicators × 10 second-level, rowspan over each group's rows, ten clauses per cell), in process,
 * from the built @kaoping/import (its dependencies — parse5, jszip, exceljs — resolve from there).
 * 7b: the same pipeline on 1,000 real clauses — the first 1,000 of the clause corpus
 * (test/corpus/clauses/*.json, in file order), each in its own row under its indicator, so every
 * pattern and guard the recogniser has is exercised, not one phrasing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** An HTML rulebook of the first `count` corpus clauses: a first-level indicator per book, a row per clause. */
export function corpusRulebookHtml(count = 1000): { html: string; clauses: number } {
  const dir = join(root, "test", "corpus", "clauses");
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const rows: string[] = ["<tr><th>一级指标</th><th>二级指标</th><th>考评细则</th></tr>"];
  let taken = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    if (taken >= count) break;
    const book = JSON.parse(readFileSync(join(dir, f), "utf8")) as { title: string; clauses: { text: string; indicator: string; points: number | null; section?: string }[] };
    const mine = book.clauses.filter((c) => !c.section).slice(0, count - taken);
    if (mine.length === 0) continue;
    mine.forEach((c, k) => {
      const head = k === 0 ? `<td rowspan="${mine.length}">${esc(book.title)}</td>` : "";
      rows.push(`<tr>${head}<td>${esc(c.indicator)}${c.points === null ? "" : `（${c.points}分）`}</td><td>${esc(c.text)}</td></tr>`);
    });
    taken += mine.length;
  }
  return { html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>语料细则</title></head><body><table>${rows.join("\n")}</table></body></html>`, clauses: taken };
}

/** 7b: the pipeline on real corpus clauses (the document's clause count as the importer splits it). */
export async function importCorpusFigure(plan: RunPlan): Promise<Figure> {
  const name = "import: 1,000 real corpus clauses (one row each) → .kp catalogue";
  const goal = "< 1 s";
  if (!existsSync(importEntry)) return unavailable("7b", name, goal, "not available (@kaoping/import not built: run pnpm build)");
  const mod = (await import(pathToFileURL(importEntry).href)) as ImportModule;
  const doc = corpusRulebookHtml();
  const bytes = new TextEncoder().encode(doc.html);
  const first = await mod.importDocument("语料细则.html", bytes);
  const clauses = first.report?.summary.clauses ?? 0;
  if (!first.ok || clauses < doc.clauses) return unavailable("7b", name, goal, `the corpus rulebook gave ${clauses} clauses, fewer than its ${doc.clauses} rows`, "failed");
  const s = await interleaved([{ name: "import", fn: () => mod.importDocument("语料细则.html", bytes) }], plan);
  const t = s.import!.median;
  return {
    id: "7b",
    name,
    goal,
    measured: `${ms(t)} (${(bytes.length / 1e3).toFixed(0)} kB, ${doc.clauses} corpus clauses → ${clauses} clauses, ${first.report!.summary.indicators} indicators)`,
    baseline: "—",
    ratio: t / 1000,
    met: t < 1000,
    status: "ok",
    values: { median: t, min: s.import!.min, max: s.import!.max, bytes: bytes.length, clauses, rows: doc.clauses },
  };
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
