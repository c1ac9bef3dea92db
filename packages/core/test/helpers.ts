/**
 * Test helpers: TypeScript-style expected-error baselines and golden-file comparison.
 *
 *   root.kp(3,5): error KP2001: 未声明的类别「园区」…
 *   3 |     规则 「a」 「…」 每次 扣 0.5 适用 「园区」
 *     |                                         ~~~~~~
 *
 * Goldens: test/golden.ts (a missing one fails; regenerate all with `pnpm run update-golden`).
 */
import { relative } from "node:path";
import { LineIndex, sortDiagnostics, type Diagnostic } from "@kaoping/core";

/** Renders diagnostics as a baseline: one header line each, the source line and ~~~ under the range. */
export function renderBaseline(diags: readonly Diagnostic[], texts: Map<string, string>, baseDir: string): string {
  const out: string[] = [];
  for (const d of sortDiagnostics(diags)) {
    const file = d.file ? relative(baseDir, d.file) || d.file : "<input>";
    out.push(`${file}(${d.span.start.line},${d.span.start.column}): ${d.severity} ${d.code}: ${d.message}`);
    const text = d.file ? texts.get(d.file) : undefined;
    if (text !== undefined && !(d.span.start.offset === 0 && d.span.end.offset === 0 && text.length > 0 && d.span.start.line === 1 && isFileLevel(d))) {
      const lines = new LineIndex(text);
      for (let l = d.span.start.line; l <= Math.min(d.span.end.line, d.span.start.line + 2); l++) {
        const lineText = lines.lineText(l);
        const from = l === d.span.start.line ? d.span.start.column - 1 : 0;
        const to = l === d.span.end.line ? d.span.end.column - 1 : lineText.length;
        out.push(`${String(l).padStart(3)} | ${lineText}`);
        out.push(`    | ${" ".repeat(width(lineText.slice(0, from)))}${"~".repeat(Math.max(1, width(lineText.slice(from, Math.max(from, to)))))}`);
      }
    }
    for (const f of d.fixes ?? []) out.push(`    = 修复：${f.title}`);
    for (const r of d.related ?? []) out.push(`    = 说明：${r.file ? relative(baseDir, r.file) : ""}(${r.span.start.line},${r.span.start.column}) ${r.message}`);
  }
  return out.join("\n") + "\n";
}

function isFileLevel(d: Diagnostic): boolean {
  return d.code.startsWith("KP0") || d.code === "KP2037";
}

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) || ch.codePointAt(0)! > 0x1ffff ? 2 : 1;
  return w;
}

/** Compares `actual` with a golden file (test/golden.ts: a missing golden fails). */
export { expectGolden } from "../../../test/golden.js";
