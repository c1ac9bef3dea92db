/**
 * What the phrasing tests share (recognise-item-points, -otherwise, -bands, -classes, -counting, -amounts,
 * -verbless-direction, -rates, -judgement, -rewords and the other recognise-*.test.ts files of phrasings): the contexts a clause is read in, the
 * reading as bodies or a to-do's reason, and the check that a reading parses and checks as the rule of a minimal
 * catalogue (its item with the points, or its 加分 / 减分 section) — a reading the language refuses is no reading.
 */
import { analyzeFiles, type SourceHost } from "@kaoping/core";
import { recogniseClause, type ClauseContext, type Recognition } from "@kaoping/import";
import { expect } from "vitest";

/** An ordinary item with its points (10 unless given). */
export const item = (points: string | null = "10", extra: Partial<ClauseContext> = {}): ClauseContext => ({ indicator: "项", points, section: null, ...extra });

/** The reading's bodies, or `todo: <reason>`. */
export const bodies = (r: Recognition): readonly string[] | string => (r.kind === "rules" ? r.bodies : `todo: ${r.reason}`);

/** The errors of a body written as the rule of a minimal catalogue (an item, or a 加分 / 减分 section). */
export function errorsOf(body: string, ctx: ClauseContext): string[] {
  const rule = `  规则 「甲」 「条文」 ${body}\n`;
  const block = ctx.section !== null ? `${ctx.section} 「节」 上限 1000分 {\n${rule}}\n` : `指标 「项」 ${ctx.points ?? 10}分 {\n${rule}}\n`;
  const text = `细则 「试」\n对象 「单位」\n总分 ${ctx.points ?? 10}分\n指标 「其他」 ${ctx.points ?? 10}分 {\n  规则 「乙」 「条文」 扣 1\n}\n${block}`;
  const host: SourceHost = { read: () => ({ ok: true, text }), resolve: (_f, t) => t, isDirectory: () => false };
  return analyzeFiles(["a.kp"], host)[0]!.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
}

/** The clause reads as `want`, and each body checks in its place. */
export function expectReading(text: string, ctx: ClauseContext, want: readonly string[]): void {
  expect(bodies(recogniseClause(text, ctx))).toEqual(want);
  for (const b of want) expect(errorsOf(b, ctx), b).toEqual([]);
}

/** The clause is a to-do with a Chinese reason (matching `reason` when given). */
export function expectTodo(text: string, ctx: ClauseContext, reason?: RegExp): void {
  const r = recogniseClause(text, ctx);
  expect(r.kind, JSON.stringify(bodies(r))).toBe("todo");
  if (r.kind === "todo") expect(r.reason).toMatch(reason ?? /[\u4e00-\u9fa5]/);
}
