/**
 * veto-without-condition: a 一票否决 / 一票否优 rule whose clause does not say when it applies.  A veto
 * overrides the whole score, so its clause must describe the triggering case.  A clause describes a
 * condition when, with the veto words (一票否决, 单项否决, 实行, 予以 …) taken out, it still has text and either
 * has the 「…的」 clause structure of Chinese regulations (「发生重大安全事故的，实行一票否决」), or opens
 * with a conditional word (凡, 如, 若, 如果, 对, 因), or names an event (发生, 出现, 存在, 被, 未, 违反,
 * 造成) or a threshold (超过, 低于, 高于, 少于, 多于, 不足, 达到: 「空白栏目超过5个，即单项否决」).  An empty clause, or one that only says 「一票否决」, has none.
 */
import type { Finding, LintContext, LintRule } from "../rule.js";

const vetoWords = /一票否决|一票否优|单项否决|实行|予以|给予|实施|执行|本项|该项|考评|年度|[，,。；;：:、\s\u3000「」“”"'（）()]/g;

/** Whether a veto clause describes its condition. */
export function describesCondition(clause: string): boolean {
  const rest = clause.replace(vetoWords, "");
  if (rest.length < 2) return false;
  if (/的([，,。；;：:\s\u3000]|$|实行|予以|给予|一票)/.test(clause)) return true;
  if (/^[\s\u3000]*(凡|如果|如|若|对|因)/.test(clause)) return true;
  return /发生|出现|存在|被|未|违反|造成|超过|低于|高于|少于|多于|不足|达到/.test(rest);
}

function check(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ctx.catalogue.rules) {
    if (rule.body.kind !== "veto" || !rule.node.clause) continue;
    if (describesCondition(rule.clause)) continue;
    const what = rule.body.level === "fail" ? "一票否决" : "一票否优";
    out.push({
      file: rule.file,
      span: rule.node.clause.span,
      args: [rule.name, what, rule.clause.trim() ? `条文没有写明在什么情形下${what}（通常写作「……的，实行${what}」）` : `条文是空的，看不出在什么情形下${what}`],
    });
  }
  return out;
}

export const vetoWithoutCondition: LintRule = {
  id: "veto-without-condition",
  code: "KP3080",
  defaultSeverity: "warning",
  title: "否决没有条件",
  doc: {
    description:
      "一票否决、一票否优会推翻整个得分，条文必须写明触发的情形。去掉「一票否决」「实行」「予以」等字样后，条文还须有内容，并且具有「……的，」的条件句式，" +
      "或以「凡」「如」「若」「对」「因」开头，或写明了「发生」「出现」「存在」「被」「未」「违反」「造成」等事件或「超过」「低于」「不足」「达到」等界限。条文为空或只写了「一票否决」时报告。",
    bad: '规则 「安全生产」 「一票否决」\n  一票否决',
    good: '规则 「安全生产」 「发生较大及以上生产安全责任事故的，实行一票否决」\n  一票否决',
  },
  check,
};
