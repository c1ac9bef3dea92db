/**
 * The lint message catalogue (KP3xxx), in the style of core's diagnostics.ts: one stable code per lint
 * rule (KP3001–KP3099), plus the codes of the linter's own machinery — configuration and suppression
 * comments (KP39xx).  Messages are Chinese sentences with `{0}`, `{1}` … placeholders.  Codes are
 * never reused.
 */
import { fillMessage, makeDiagnostic, type Diagnostic, type DiagnosticExtra, type MessageDef, type Span } from "@kaoping/core";

/** All diagnostics the linter can report. */
export const lintMessages = {
  // ---- rules (one code per rule; the default severity is the rule's)
  KP3001: { severity: "warning", message: "{0}{1}且没有上限：{2}" },
  KP3002: { severity: "warning", message: "{0}{1}且没有上限：{2}" },
  KP3003: { severity: "info", message: "{0}的上限 {1} 分不起作用：{2}" },
  KP3004: { severity: "warning", message: "{0}的上限 {1} 分小于单次{2} {3} 分：一次{2}都无法足额计入" },
  KP3010: { severity: "warning", message: "{0}合计 {1} 分，与声明的{2} {3} 分不一致（{4}）" },
  KP3020: { severity: "warning", message: "规则「{0}」的分段之间有缺口 {1}（在「{2}」与「{3}」之间）：落在其中的数值{4}" },
  KP3021: { severity: "warning", message: "规则「{0}」的分段「{1}」与「{2}」在 {3} 重叠：重叠部分只按先写的「{1}」计" },
  KP3022: { severity: "warning", message: "规则「{0}」的条文提到「{1}」，但分段中没有「未报送」一段：{2}" },
  KP3030: { severity: "error", message: "规则「{0}」与条文不一致：{1}" },
  KP3040: { severity: "warning", message: "规则「{0}」与同一指标中的规则「{1}」{2}" },
  KP3050: { severity: "info", message: "类别「{0}」已声明，但细则中没有任何「适用」「其中」「参照」用到它" },
  KP3060: { severity: "warning", message: "指标「{0}」没有规则、注或下级指标：{1}" },
  KP3070: { severity: "warning", message: "规则「{0}」的酌情扣分范围{1}" },
  KP3080: { severity: "warning", message: "规则「{0}」是{1}，但{2}" },

  // ---- configuration and suppression comments
  KP3900: { severity: "error", message: "配置文件有误：{0}" },
  KP3901: { severity: "warning", message: "抑制注释没有写原因，因此不生效：请写成「// {0} {1}: 原因」" },
  KP3902: { severity: "warning", message: "抑制注释中的规则「{0}」不存在{1}" },
  KP3903: { severity: "info", message: "抑制注释对规则「{0}」没有抑制任何诊断，可以删除" },
  KP3904: { severity: "warning", message: "「kp-disable」必须写在文件的第一项之前，写在这里不生效；只想抑制下一行请用「kp-disable-next-line」" },
  KP3905: { severity: "warning", message: "抑制注释缺少规则名：请写成「// {0} 规则名: 原因」" },
  // ---- the editor
  KP3906: { severity: "info", message: "本文件另有 {0}未在编辑器中显示（错误全部显示，警告、提示和建议每个文件最多显示 {1} 条）：运行「kp lint」查看全部" },
} as const satisfies Record<string, MessageDef>;

/** A code of the lint catalogue. */
export type LintCode = keyof typeof lintMessages;

/** Fills `{0}`, `{1}` … in a lint catalogue message. */
export function formatLintMessage(code: LintCode, args: readonly (string | number)[] = []): string {
  return fillMessage(lintMessages[code].message, args);
}

/** Extra parts of a lint diagnostic. */
export type LintExtra = Omit<DiagnosticExtra, "file">;

/** Makes a diagnostic from the lint catalogue. */
export function lintDiagnostic(code: LintCode, file: string | undefined, span: Span, args: readonly (string | number)[] = [], extra: LintExtra = {}): Diagnostic {
  return makeDiagnostic(code, lintMessages[code], span, args, file === undefined ? extra : { ...extra, file });
}
