/**
 * band-missing-case: the clause of a 分段 rule names the case where no value is reported (未报送,
 * 未上报, 未填报, 未提供) but the bands have no `未报送` band, so the facts must always carry a value and
 * the clause's own outcome for that case is lost.  The fix adds the band when the clause states its
 * outcome (「未报送信息的，扣2分」 → `未报送 扣 2`).
 */
import type { Fix } from "@kaoping/core";
import { clauseOffset, missingCaseWords } from "../clause.js";
import type { Finding, LintContext, LintRule } from "../rule.js";

/** The outcome the clause gives for the missing case: `扣 2`, `得 0`, `不得分`. */
function outcomeFor(clause: string, at: number): string | undefined {
  const sentence = clause.slice(at).split(/[；;。]/)[0] ?? "";
  const m = /(扣|得)\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分|不得分/.exec(sentence);
  if (!m) return undefined;
  if (m[0] === "不得分") return "不得分";
  const n = m[2]!.replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return `${m[1]} ${n}`;
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    const b = rule.body;
    if (b.kind !== "bands" || b.missing) continue;
    const m = new RegExp(missingCaseWords.source).exec(rule.clause);
    if (!m || !rule.node.clause) continue;
    const start = clauseOffset(ctx, rule, m.index);
    const span = start !== undefined ? ctx.span(rule.file, start, start + m[0].length) : rule.node.clause.span;
    const fixes: Fix[] = [];
    const outcome = outcomeFor(rule.clause, m.index);
    const body = rule.node.body;
    const last = body?.kind === "Bands" ? body.bands[body.bands.length - 1] : undefined;
    if (outcome && last) {
      const lines = ctx.lines(rule.file);
      const lineText = lines.lineText(last.span.start.line);
      const indent = /^[ \t\u3000]*/.exec(lineText)![0];
      const at = last.span.end.offset;
      const sameLine = last.span.start.line === (body?.span.start.line ?? -1);
      fixes.push({
        title: `加上「未报送 ${outcome}」一段`,
        edits: [{ file: rule.file, start: at, end: at, newText: sameLine ? ` 未报送 ${outcome}` : `\n${indent}未报送 ${outcome}` }],
      });
    }
    out.push({
      file: rule.file,
      span,
      args: [rule.name, m[0], "事实文件必须为每个单位填写数值，条文对未报送情形的规定无法执行"],
      fixes,
    });
  }
  return out;
}

export const bandMissingCase: LintRule = {
  id: "band-missing-case",
  code: "KP3022",
  defaultSeverity: "warning",
  title: "分段缺少「未报送」",
  doc: {
    description:
      "「分段」规则的条文提到了没有数值的情形（未报送、未上报、未填报、未提供），但分段中没有「未报送」一段：事实文件必须填写数值，条文对这种情形的规定无法执行。" +
      "条文写明了这种情形如何计分时（如「未报送信息的，扣2分」），修复会加上这一段。",
    bad: '规则 「信息完成率」 「完成目标的75%以上，扣0.2分；75%以下，扣0.8分；未报送信息的，扣2分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    < 75% 扣 0.8\n  }',
    good: '规则 「信息完成率」 「完成目标的75%以上，扣0.2分；75%以下，扣0.8分；未报送信息的，扣2分」\n  分段 {\n    [75%, 100%) 扣 0.2\n    < 75% 扣 0.8\n    未报送 扣 2\n  }',
  },
  check,
};
