/**
 * The report's message catalogue (KP6001–KP6049): problems of `kp report` itself — its output
 * folder, its inputs, the PDF renderer.  Problems in the catalogue or the facts keep their own codes
 * (core's diagnostics.ts); these are the report's own, kept here so the report package owns its range.
 */
export const reportMessages = {
  KP6001: "输出文件夹「{0}」不是空的；如要用新报告替换它，请加 --force",
  KP6002: "「{0}」已存在，但不是文件夹：报告要写入一个文件夹",
  // KP6003 (several facts files) is retired: kp report merges them as kp score does.
  KP6004: "输出文件夹「{0}」中有本次读取的输入文件「{1}」，不能替换它；请换一个输出文件夹",
  KP6005: "无法写入报告「{0}」：{1}",
  KP6006: "找不到 Chromium（{0}）：生成 PDF 需要它。请安装（apt-get install chromium），或用环境变量 KAOPING_CHROMIUM 指明其路径，或去掉 --pdf",
  KP6007: "生成 PDF 失败：{0}",
  KP6008: "找不到随报告复制的 ECharts 文件（{0}）：请重新安装 @kaoping/report",
} as const;

export type ReportCode = keyof typeof reportMessages;

/** The message of a code with its arguments filled in. */
export function reportMessage(code: ReportCode, args: readonly (string | number)[] = []): string {
  return reportMessages[code].replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? ""));
}

/** A problem `kp report` reports to the user (never a bug): a code and its Chinese message. */
export class ReportError extends Error {
  readonly code: ReportCode;
  readonly detail: string;
  constructor(code: ReportCode, args: readonly (string | number)[] = []) {
    super(`${code} ${reportMessage(code, args)}`);
    this.name = "ReportError";
    this.code = code;
    this.detail = reportMessage(code, args);
  }
}
