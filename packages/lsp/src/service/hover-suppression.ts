/**
 * Hover on a suppression comment (`// kp-disable-next-line missing-cap: 原因`, `// kp-disable …`):
 * which lint rules it silences, on which lines, and whether it silenced anything — read from the
 * linter's own findings about the comment (KP3901 no reason, KP3902 unknown rule, KP3903 unused,
 * KP3904 misplaced), so the hover says what the linter did.
 */
import type { Comment, Diagnostic } from "@kaoping/core";
import type { DocContext } from "./project.js";
import { md } from "./tokens.js";

const directive = /^\/\/\s*kp-(disable-next-line|disable)(?=$|[\s:：])(.*)$/s;

/** The suppression comment at `offset`, if any. */
export function suppressionAt(ctx: DocContext, offset: number): Comment | undefined {
  return ctx.file.parsed.ast.comments.find(
    (c) => c.style === "line" && c.span.start.offset <= offset && offset <= c.span.end.offset && directive.test(c.text),
  );
}

/** The hover of a suppression comment; `lint` are the catalogue's lint findings (undefined: not linted yet). */
export function suppressionHover(ctx: DocContext, c: Comment, lint: readonly Diagnostic[] | undefined): string {
  const m = directive.exec(c.text)!;
  const nextLine = m[1] === "disable-next-line";
  const body = m[2]!;
  const colon = body.search(/[:：]/);
  const ids = (colon < 0 ? body : body.slice(0, colon)).match(/[^\s,，、]+/g) ?? [];
  const reason = colon < 0 ? "" : body.slice(colon + 1).trim();
  const lines = [`**抑制注释**　kp-${m[1]}`];
  lines.push(ids.length > 0 ? `不检查的规则：${ids.map((i) => `\`${i}\``).join("、")}` : "没有写规则名，不生效");
  lines.push(`范围：${nextLine ? coveredLines(ctx, c) : "整个文件"}`);
  if (reason) lines.push(`原因：${md(reason)}`);
  const own = (lint ?? []).filter((d) => d.file === ctx.path && d.span.start.offset >= c.span.start.offset && d.span.end.offset <= c.span.end.offset);
  const problems = own.filter((d) => d.code !== "KP3903");
  const unused = own.filter((d) => d.code === "KP3903").map((d) => /「([^」]+)」/.exec(d.message)?.[1] ?? "");
  if (lint === undefined) lines.push("*检查尚未完成，稍后再悬停可看到是否抑制了诊断*");
  else if (problems.length > 0) lines.push(...problems.map((d) => `**不生效**（${d.code}）：${md(d.message)}`));
  else if (ids.length > 0) {
    const used = ids.filter((i) => !unused.includes(i));
    if (used.length > 0) lines.push(`**已抑制**：${used.map((i) => `\`${i}\``).join("、")} 在此范围内的诊断`);
    if (unused.length > 0) lines.push(`**未使用**：${unused.map((i) => `\`${i}\``).join("、")} 在此范围内没有诊断可抑制，这条注释可以删除（KP3903）`);
  }
  return lines.join("\n\n");
}

/** The lines a next-line suppression covers: the next line with code, and the whole rule that starts there. */
function coveredLines(ctx: DocContext, c: Comment): string {
  const { tokens, ast, lines } = ctx.file.parsed;
  const next = tokens.find((t) => t.startOffset >= c.span.end.offset);
  if (!next) return "（后面没有代码）";
  const line = lines.position(next.startOffset).line;
  let last = line;
  const visit = (items: readonly { kind: string; span: { start: { line: number }; end: { line: number } }; items?: unknown }[]) => {
    for (const n of items) {
      if (n.kind === "Rule" && n.span.start.line === line) last = Math.max(last, n.span.end.line);
      if (Array.isArray(n.items)) visit(n.items as typeof items);
    }
  };
  visit(ast.items);
  return last > line ? `第 ${line}—${last} 行（从第 ${line} 行开始的整条规则）` : `第 ${line} 行`;
}
